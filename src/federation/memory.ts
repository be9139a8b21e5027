/**
 * In-memory implementations of the federation ports, for tests and the demo. They copy
 * records in and out, as a database would, and keep the same state rules as the adapters
 * must (docs/protocol/implementation-notes.md).
 */
import type { NewAuditEntry } from '../store/ports';
import type { Sighting } from './open';
import type { NodeKeys, PeerRecord } from './peers';
import type {
  AttemptUpdate,
  AuditSink,
  Clock,
  ConsentRecord,
  ConsentStore,
  InboxRecord,
  InboxStore,
  MessageRepository,
  NodeKeyRepository,
  OutboxRecord,
  OutboxStatus,
  OutboxStore,
  PeerRepository,
  ReceiptStore,
  StoredReceipt,
} from './ports';

const copy = <T>(value: T): T => structuredClone(value);

export function memoryOutbox(): OutboxStore {
  const records = new Map<string, OutboxRecord>();
  const move = (id: string, from: OutboxStatus[], patch: Partial<OutboxRecord>): boolean => {
    const r = records.get(id);
    if (!r || !from.includes(r.status)) return false;
    records.set(id, { ...r, ...copy(patch) });
    return true;
  };
  return {
    async add(record) {
      if (records.has(record.id)) throw new Error(`outbox record ${record.id} exists`);
      records.set(record.id, copy(record));
    },
    async get(id) {
      const r = records.get(id);
      return r && copy(r);
    },
    async claimDue(now, leaseUntil, limit) {
      const due = [...records.values()]
        .filter((r) => (r.status === 'queued' || r.status === 'sent') && r.nextAttemptAt !== null && r.nextAttemptAt <= now)
        .sort((a, b) => (a.nextAttemptAt! < b.nextAttemptAt! ? -1 : a.nextAttemptAt! > b.nextAttemptAt! ? 1 : 0))
        .slice(0, limit);
      for (const r of due) r.nextAttemptAt = leaseUntil;
      return due.map(copy);
    },
    async markAttempt(id, update: AttemptUpdate) {
      return move(id, ['queued', 'sent'], { ...update, status: 'sent' });
    },
    async markDelivered(id, deliveredAt, attempts) {
      const patch: Partial<OutboxRecord> = { status: 'delivered', deliveredAt, nextAttemptAt: null, message: null };
      if (attempts !== undefined) patch.attempts = attempts;
      return move(id, ['queued', 'sent'], patch);
    },
    async markRead(id, readAt) {
      const r = records.get(id);
      const deliveredAt = r?.deliveredAt ?? readAt;
      return move(id, ['queued', 'sent', 'delivered'], { status: 'read', readAt, deliveredAt, nextAttemptAt: null, message: null });
    },
    async markFailed(id, { error, at, attempts, keepMessage }) {
      const patch: Partial<OutboxRecord> = { status: 'failed', lastError: error, lastAttemptAt: at, attempts, nextAttemptAt: null };
      if (!keepMessage) patch.message = null;
      return move(id, ['queued', 'sent'], patch);
    },
    async requeue(id, at) {
      const r = records.get(id);
      if (!r || r.status !== 'failed' || r.message === null) return false;
      return move(id, ['failed'], { status: 'queued', nextAttemptAt: at, attempts: 0, firstAttemptAt: null, lastError: null });
    },
    async list(filter) {
      return [...records.values()]
        .filter((r) => (!filter.status || filter.status.includes(r.status)) && (!filter.to || r.to === filter.to) && (!filter.type || r.type === filter.type))
        .slice(0, filter.limit ?? Number.MAX_SAFE_INTEGER)
        .map(copy);
    },
    async countPending() {
      return [...records.values()].filter((r) => r.status === 'queued' || r.status === 'sent').length;
    },
  };
}

export function memoryReceipts(): ReceiptStore {
  const receipts: StoredReceipt[] = [];
  return {
    async add(receipt) {
      const exists = receipts.some((r) => r.envelopeId === receipt.envelopeId && r.status === receipt.status && r.from === receipt.from);
      if (!exists) receipts.push(copy(receipt));
    },
    async listFor(envelopeId) {
      return receipts.filter((r) => r.envelopeId === envelopeId).map(copy);
    },
  };
}

export function memoryInbox(): InboxStore {
  const records = new Map<string, InboxRecord>();
  const sightings = new Map<string, Sighting>();
  const update = (id: string, patch: Partial<InboxRecord>): void => {
    const r = records.get(id);
    if (r) records.set(id, { ...r, ...copy(patch) });
  };
  return {
    async saveNew(record, sighting) {
      if (records.has(record.envelopeId) || sightings.has(record.envelopeId)) return 'exists';
      records.set(record.envelopeId, copy(record));
      sightings.set(sighting.envelopeId, copy(sighting));
      return 'stored';
    },
    async get(id) {
      const r = records.get(id);
      return r && copy(r);
    },
    async sighting(id) {
      const s = sightings.get(id);
      return s && copy(s);
    },
    async addSignature(id, digest) {
      const s = sightings.get(id);
      if (s && !s.signatureDigests.includes(digest)) s.signatureDigests.push(digest);
    },
    async listUnprocessed(limit) {
      return [...records.values()]
        .filter((r) => r.status === 'received')
        .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0))
        .slice(0, limit)
        .map(copy);
    },
    async markProcessed(id) {
      update(id, { status: 'processed', lastError: null });
    },
    async markHandlerFailed(id, error) {
      const r = records.get(id);
      if (r) update(id, { handlerAttempts: r.handlerAttempts + 1, lastError: error });
    },
    async markRead(id, at) {
      const r = records.get(id);
      if (!r || r.readAt !== null) return false;
      update(id, { readAt: at });
      return true;
    },
    async listExpired(now, limit) {
      return [...records.values()]
        .filter((r) => r.purgedAt === null && r.expiresAt <= now)
        .slice(0, limit)
        .map(copy);
    },
    async purge(id, purgedAt) {
      update(id, { payload: null, evidence: null, purgedAt });
    },
    async forgetSightingsBefore(cutoff) {
      let n = 0;
      for (const [id, s] of sightings) {
        if (s.acceptedAt < cutoff) {
          sightings.delete(id);
          n++;
        }
      }
      return n;
    },
  };
}

export function memoryConsents(): ConsentStore {
  const records = new Map<string, ConsentRecord>();
  return {
    async add(record) {
      if (records.has(record.requestId)) return false;
      records.set(record.requestId, copy(record));
      return true;
    },
    async get(id) {
      const r = records.get(id);
      return r && copy(r);
    },
    async decide(id, decision) {
      const r = records.get(id);
      if (!r || r.status !== 'pending') return false;
      records.set(id, { ...r, status: decision.status, decidedAt: decision.decidedAt, decisionReason: decision.reason, grant: copy(decision.grant) });
      return true;
    },
    async list(filter) {
      return [...records.values()]
        .filter((r) => (!filter.direction || r.direction === filter.direction) && (!filter.status || r.status === filter.status))
        .map(copy);
    },
  };
}

export function memoryMessages(): MessageRepository {
  return { outbox: memoryOutbox(), inbox: memoryInbox(), receipts: memoryReceipts(), consents: memoryConsents() };
}

export function memoryPeers(initial: PeerRecord[] = []): PeerRepository {
  const peers = new Map(initial.map((p) => [p.node, copy(p)]));
  return {
    async list() {
      return [...peers.values()].map(copy);
    },
    async get(node) {
      const p = peers.get(node);
      return p && copy(p);
    },
    async put(peer) {
      peers.set(peer.node, copy(peer));
    },
  };
}

export function memoryNodeKeys(initial: NodeKeys): NodeKeyRepository {
  let keys = copy(initial);
  return {
    async load() {
      return copy(keys);
    },
    async save(next) {
      keys = copy(next);
    },
  };
}

/** An audit sink that keeps the entries, for assertions. */
export function memoryAudit(): { sink: AuditSink; entries: NewAuditEntry[] } {
  const entries: NewAuditEntry[] = [];
  return {
    entries,
    sink: async (entry) => {
      entries.push(copy(entry));
    },
  };
}

/** A clock that moves only when told. */
export function manualClock(start: number): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

/** A clock that is `offsetMs` ahead of (or behind) another one: nodes never agree exactly. */
export const skewedClock = (base: Clock, offsetMs: number): Clock => ({ now: () => base.now() + offsetMs });

/** Mulberry32: a small seeded generator, so that simulations can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
