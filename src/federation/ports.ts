/**
 * Ports of the federation services: everything with a side effect. The store adapters
 * (Kysely on SQLite and PostgreSQL) and the HTTP transport implement them; memory.ts holds
 * in-memory implementations for tests and the contract they must all meet is written in
 * docs/protocol/implementation-notes.md.
 */
import type { ErrorParams } from '../domain/errors';
import type { Handling } from '../domain/model';
import type { NewAuditEntry } from '../store/ports';
import type { Json } from './canonical-json';
import type { Audience, ConsentGrant, Message, MessageType, NodeRef } from './envelope';
import type { ReceiptStatus } from './messages';
import type { Sighting } from './open';
import type { NodeKeys, PeerRecord } from './peers';

/** Milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** A number in [0, 1): jitter of retries. */
export type Random = () => number;

/** Writes one entry to the node's hash-chained audit log. */
export type AuditSink = (entry: NewAuditEntry) => Promise<void>;

// ---------------------------------------------------------------- outbox

export type OutboxStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface OutboxRecord {
  /** The envelope id, kept on every attempt. */
  id: string;
  type: MessageType;
  /** Recipient node id. */
  to: string;
  /** The plaintext message for re-sealing; null once delivered, read or failed. */
  message: Message | null;
  contentDigest: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  firstAttemptAt: string | null;
  lastAttemptAt: string | null;
  /** When the next attempt is due; null when nothing is due. */
  nextAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
  readAt: string | null;
}

export interface AttemptUpdate {
  attempts: number;
  firstAttemptAt: string;
  lastAttemptAt: string;
  nextAttemptAt: string;
  lastError: string | null;
}

/**
 * The durable queue of outgoing messages. Status only moves forward
 * (queued < sent < delivered < read; failed from queued or sent): each mark method changes
 * nothing and returns false when the record is not in a state it may leave.
 */
export interface OutboxStore {
  add(record: OutboxRecord): Promise<void>;
  get(id: string): Promise<OutboxRecord | undefined>;
  /**
   * Claims up to `limit` records in status queued or sent whose nextAttemptAt ≤ now, oldest
   * due first, and sets their nextAttemptAt to `leaseUntil` in the same step, so that no other
   * worker claims them meanwhile (FOR UPDATE SKIP LOCKED on PostgreSQL).
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxRecord[]>;
  /** queued|sent → sent, with the attempt's bookkeeping. */
  markAttempt(id: string, update: AttemptUpdate): Promise<boolean>;
  /** queued|sent → delivered; drops the plaintext message. `attempts` when known (a synchronous receipt). */
  markDelivered(id: string, deliveredAt: string, attempts?: number): Promise<boolean>;
  /** queued|sent|delivered → read; drops the plaintext message. */
  markRead(id: string, readAt: string): Promise<boolean>;
  /** queued|sent → failed; drops the plaintext message unless `keepMessage`. */
  markFailed(id: string, failure: { error: string; at: string; attempts: number; keepMessage: boolean }): Promise<boolean>;
  /** failed (with its message kept) → queued, due at `at`, attempts reset. */
  requeue(id: string, at: string): Promise<boolean>;
  list(filter: { status?: OutboxStatus[]; to?: string; type?: MessageType; limit?: number }): Promise<OutboxRecord[]>;
  /** Records in status queued or sent. */
  countPending(): Promise<number>;
}

// ---------------------------------------------------------------- receipts

/** A receipt this node accepted: evidence that a peer received (or read) a message. */
export interface StoredReceipt {
  envelopeId: string;
  status: ReceiptStatus;
  /** The peer that signed it. */
  from: string;
  at: string;
  contentDigest: string;
  /** The signed Receipt envelope as received, for an auditor to verify. */
  evidence: string;
  receivedAt: string;
}

export interface ReceiptStore {
  /** Idempotent on (envelopeId, status, from). */
  add(receipt: StoredReceipt): Promise<void>;
  listFor(envelopeId: string): Promise<StoredReceipt[]>;
}

// ---------------------------------------------------------------- inbox

export interface InboxRecord {
  envelopeId: string;
  type: MessageType;
  from: NodeRef;
  originator: { node: string; itemId: string };
  handling: Handling;
  audience: Audience;
  consentGrant: ConsentGrant | null;
  created: string;
  receivedAt: string;
  expiresAt: string;
  contentDigest: string;
  /** The checked plaintext payload; null once purged. */
  payload: Record<string, Json> | null;
  /** The signed envelope as received, kept for Receipt messages only (evidence of delivery); null otherwise. */
  evidence: string | null;
  status: 'received' | 'processed';
  handlerAttempts: number;
  lastError: string | null;
  readAt: string | null;
  purgedAt: string | null;
}

export interface InboxStore {
  /**
   * In one atomic step: when neither a record nor a sighting exists for the envelope id,
   * stores both and returns 'stored'; otherwise stores nothing and returns 'exists'.
   */
  saveNew(record: InboxRecord, sighting: Sighting): Promise<'stored' | 'exists'>;
  get(envelopeId: string): Promise<InboxRecord | undefined>;
  sighting(envelopeId: string): Promise<Sighting | undefined>;
  /** Remembers one more accepted signature of an already accepted id. */
  addSignature(envelopeId: string, signatureDigest: string): Promise<void>;
  /** Records in status received, oldest first. */
  listUnprocessed(limit: number): Promise<InboxRecord[]>;
  markProcessed(envelopeId: string, at: string): Promise<void>;
  markHandlerFailed(envelopeId: string, error: string): Promise<void>;
  /** Sets readAt if not yet set; true when this was the first read. */
  markRead(envelopeId: string, at: string): Promise<boolean>;
  /** Records not yet purged whose expiresAt ≤ now. */
  listExpired(now: string, limit: number): Promise<InboxRecord[]>;
  /** Drops the payload and the evidence and sets purgedAt, keeping the rest as the stub. */
  purge(envelopeId: string, purgedAt: string): Promise<void>;
  /** Forgets sightings accepted before `cutoff` (README §9: keep at least 30 days). */
  forgetSightingsBefore(cutoff: string): Promise<number>;
}

// ---------------------------------------------------------------- consent

export type ConsentStatus = 'pending' | 'granted' | 'refused';

export interface ConsentRecord {
  /** The id of the ConsentRequest envelope. */
  requestId: string;
  /** outgoing: this node asks to forward; incoming: a peer asks this node, the originator. */
  direction: 'outgoing' | 'incoming';
  itemId: string;
  originator: string;
  forwarder: string;
  forwardTo: NodeRef;
  proposedHandling: Handling;
  proposedAudience: Audience;
  reason: string;
  status: ConsentStatus;
  createdAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  grant: ConsentGrant | null;
  /** outgoing only: the received copy (inbox envelope id) to forward once granted. */
  heldEnvelopeId: string | null;
}

export interface ConsentStore {
  /** Idempotent on requestId: returns false when it already existed. */
  add(record: ConsentRecord): Promise<boolean>;
  get(requestId: string): Promise<ConsentRecord | undefined>;
  /** pending → granted|refused; false when no longer pending. */
  decide(requestId: string, decision: { status: 'granted' | 'refused'; decidedAt: string; reason: string; grant: ConsentGrant | null }): Promise<boolean>;
  list(filter: { direction?: 'outgoing' | 'incoming'; status?: ConsentStatus }): Promise<ConsentRecord[]>;
}

export interface MessageRepository {
  outbox: OutboxStore;
  inbox: InboxStore;
  receipts: ReceiptStore;
  consents: ConsentStore;
}

// ---------------------------------------------------------------- peers, keys, transport

export interface PeerRepository {
  list(): Promise<PeerRecord[]>;
  get(node: string): Promise<PeerRecord | undefined>;
  /** Adds or replaces the peer's record. */
  put(peer: PeerRecord): Promise<void>;
}

/** This node's own key material (private keys: the adapter SHOULD encrypt them at rest). */
export interface NodeKeyRepository {
  load(): Promise<NodeKeys>;
  save(keys: NodeKeys): Promise<void>;
}

export type TransportResult =
  /** HTTP 200: the body is the receiver's signed Receipt envelope. */
  | { kind: 'answered'; body: string }
  /** HTTP 4xx/5xx with `{ code, params }`. */
  | { kind: 'refused'; code: string; params: ErrorParams }
  /** No answer: connection refused, timeout, TLS failure. */
  | { kind: 'unreachable'; reason: string };

/** POSTs an envelope to `${peer.url}/federation/v1/envelopes`. Never throws. */
export interface Transport {
  send(peer: { node: string; url: string }, body: string): Promise<TransportResult>;
}
