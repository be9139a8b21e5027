/** How items exchanged with partners are shown: summaries for lists, details for one item or a thread. */
import type { Handling } from '../domain/model';
import type { Json } from '../federation/canonical-json';
import type { Audience } from '../federation/envelope';
import type { InboxRecord, OutboxRecord, OutboxStatus, StoredReceipt } from '../federation/ports';
import type { PeerRecord } from '../federation/peers';
import { itemTitle, type FederationItem } from './federation-items';

/** What the ledger keeps of a sent item (federation_items.payload). */
export interface SentCopy {
  handling: Handling;
  audience: Audience;
  originator: { node: string; itemId: string };
  payload: Record<string, Json>;
}

export interface DeliveryView {
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
}

export interface ItemSummary {
  id: string;
  type: string;
  direction: 'sent' | 'received';
  peer: { node: string; country: string | null };
  threadId: string;
  /** null when the payload was purged at the end of its retention */
  title: string | null;
  createdAt: string;
  handling: Handling | null;
  sender: string | null;
  caseId: string | null;
  /** requests for information: when the answer is needed */
  deadline: string | null;
  receivedAt: string | null;
  expiresAt: string | null;
  purgedAt: string | null;
  /** received: when someone here first opened it */
  readAt: string | null;
  /** sent: the delivery state and the recipient's receipts */
  delivery: DeliveryView | null;
}

export interface ReceiptView {
  status: 'delivered' | 'read';
  from: string;
  at: string;
  receivedAt: string;
}

export interface ItemDetail extends ItemSummary {
  audience: Audience | null;
  originator: { node: string; itemId: string } | null;
  /** null when purged, or for a sent item whose copy was not kept */
  payload: Record<string, Json> | null;
  receipts: ReceiptView[];
}

const deadlineOf = (payload: Record<string, unknown> | null): string | null => (payload && typeof payload.deadline === 'string' ? payload.deadline : null);

const delivery = (o: OutboxRecord | undefined): DeliveryView | null =>
  o ? { status: o.status, attempts: o.attempts, lastError: o.lastError, nextAttemptAt: o.nextAttemptAt, deliveredAt: o.deliveredAt, readAt: o.readAt } : null;

export const sentCopy = (item: FederationItem): SentCopy | null => (item.payload ? (item.payload as unknown as SentCopy) : null);

interface Sources {
  inbox?: InboxRecord;
  outbox?: OutboxRecord;
  peers?: PeerRecord[];
  receipts?: StoredReceipt[];
  now?: number;
}

export function itemSummary(item: FederationItem, s: Sources): ItemSummary {
  const base = { id: item.envelopeId, type: item.type, direction: item.direction, threadId: item.threadId, createdAt: item.createdAt, sender: item.senderLabel, caseId: item.caseId };
  if (item.direction === 'received' && s.inbox) {
    const r = s.inbox;
    const expired = r.purgedAt !== null || (s.now !== undefined && s.now >= Date.parse(r.expiresAt));
    const payload = expired ? null : r.payload;
    return {
      ...base,
      peer: { node: r.from.node, country: r.from.country },
      title: payload ? itemTitle(r.type, payload) : null,
      handling: r.handling,
      deadline: deadlineOf(payload),
      receivedAt: r.receivedAt,
      expiresAt: r.expiresAt,
      purgedAt: r.purgedAt,
      readAt: r.readAt,
      delivery: null,
    };
  }
  const copy = sentCopy(item);
  const country = s.peers?.find((p) => p.node === item.peerNode)?.country ?? null;
  return {
    ...base,
    peer: { node: item.peerNode, country },
    title: item.title,
    handling: copy?.handling ?? null,
    deadline: deadlineOf(copy?.payload ?? null),
    receivedAt: null,
    expiresAt: null,
    purgedAt: null,
    readAt: null,
    delivery: delivery(s.outbox),
  };
}

export function itemDetail(item: FederationItem, s: Sources): ItemDetail {
  const summary = itemSummary(item, s);
  const receipts = (s.receipts ?? []).map((r) => ({ status: r.status, from: r.from, at: r.at, receivedAt: r.receivedAt }));
  if (item.direction === 'received' && s.inbox) {
    const r = s.inbox;
    return { ...summary, audience: r.audience, originator: r.originator, payload: summary.title === null ? null : r.payload, receipts };
  }
  const copy = sentCopy(item);
  return { ...summary, audience: copy?.audience ?? null, originator: copy?.originator ?? null, payload: copy?.payload ?? null, receipts };
}
