/**
 * The items people exchange across borders (alerts, requests for information, responses),
 * as the node lists them: one entry per envelope sent or received, grouped in threads. A
 * request for information opens a thread; each response joins the thread of the request it
 * answers. The store keeps the ledger; the inbox handlers and the outbox write to it.
 */
import type { Json } from '../federation/canonical-json';
import type { MessageType } from '../federation/envelope';
import type { InboxHandler, InboxHandlers } from '../federation/inbox';

/** The message types people write and read; the others are about the exchange itself. */
export const ITEM_TYPES: readonly MessageType[] = ['Alert', 'RequestForInformation', 'Response'];

export const isItemType = (type: string): boolean => (ITEM_TYPES as readonly string[]).includes(type);

export interface FederationItem {
  envelopeId: string;
  direction: 'sent' | 'received';
  type: string;
  peerNode: string;
  threadId: string;
  title: string;
  createdAt: string;
  senderUserId: string | null;
  senderLabel: string | null;
  caseId: string | null;
  /** Sent items: the node's own copy of what it sent; received items: null (the payload lives in the inbox). */
  payload: Record<string, unknown> | null;
}

/** The ledger (src/store/federation/item-repository.ts). */
export interface FederationItemStore {
  record(item: FederationItem): Promise<void>;
  setSender(envelopeId: string, sender: { userId: string | null; label: string | null; caseId: string | null }): Promise<void>;
  get(envelopeId: string): Promise<FederationItem | undefined>;
  list(direction: 'sent' | 'received', opts: { types?: string[]; limit: number }): Promise<FederationItem[]>;
  thread(threadId: string): Promise<FederationItem[]>;
}

const TITLE_MAX = 200;

/** The line a list shows for an item. */
export function itemTitle(type: string, payload: Record<string, Json> | Record<string, unknown>): string {
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const first = (v: unknown): string | undefined => (Array.isArray(v) ? text(v[0]) : undefined);
  const title = type === 'Alert' ? text(payload.title) : type === 'RequestForInformation' ? text(payload.subject) : type === 'Response' ? first(payload.answers) : undefined;
  return (title ?? type).slice(0, TITLE_MAX);
}

/** The thread an item belongs to: the request it answers, or itself. */
export function threadOf(type: string, envelopeId: string, payload: Record<string, Json> | Record<string, unknown>): string {
  return type === 'Response' && typeof payload.inReplyTo === 'string' ? payload.inReplyTo : envelopeId;
}

/**
 * Inbox handlers for the item types: each received item joins the ledger (without its title
 * or content). A response joins the thread of the request it answers only when this node sent
 * that request to the responding node; otherwise it stands alone, so that no partner can slip
 * an answer into a conversation it was not part of. Idempotent on the envelope id (a second
 * run keeps the first row).
 */
export function itemHandlers(items: Pick<FederationItemStore, 'record' | 'get'>): InboxHandlers {
  const handler: InboxHandler = async (message) => {
    let threadId = message.envelopeId;
    const asked = threadOf(message.type, message.envelopeId, message.payload);
    if (asked !== message.envelopeId) {
      const request = await items.get(asked);
      if (request && request.direction === 'sent' && request.type === 'RequestForInformation' && request.peerNode === message.from.node) threadId = asked;
    }
    await items.record({
      envelopeId: message.envelopeId,
      direction: 'received',
      type: message.type,
      peerNode: message.from.node,
      threadId,
      // the title is part of the content: it stays in the inbox, which purges it with the payload
      title: '',
      createdAt: message.created,
      senderUserId: null,
      senderLabel: null,
      caseId: null,
      payload: null,
    });
  };
  return { Alert: handler, RequestForInformation: handler, Response: handler };
}
