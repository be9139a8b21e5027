/**
 * The outbox (docs/protocol/delivery.md §1–3, §5): a durable queue of outgoing messages,
 * sealed afresh on every attempt, retried with backoff, closed by a verified receipt.
 */
import { AlianzaError } from '../domain/errors';
import { federationAudit, type AuditActor } from './audit';
import { DEFAULT_RETRY, nextAttemptAt, type RetryPolicy } from './backoff';
import { iso } from './bytes';
import { parseEnvelope, serializeEnvelope, type Message } from './envelope';
import { isRetryable, type FedCode } from './errors';
import type { ReceiptPayload } from './messages';
import { openEnvelope } from './open';
import { activeSigningKey, type NodeKeys, type PeerRecord } from './peers';
import type { AuditSink, Clock, MessageRepository, NodeKeyRepository, OutboxRecord, PeerRepository, Random, Transport } from './ports';
import { contentDigest, sealEnvelope } from './seal';

export interface OutboxDeps {
  keys: NodeKeyRepository;
  peers: PeerRepository;
  messages: MessageRepository;
  transport: Transport;
  clock: Clock;
  audit: AuditSink;
  random?: Random;
  retry?: RetryPolicy;
  /** How long a claimed message is reserved for the worker that claimed it. */
  leaseMs?: number;
  /** How many messages one `deliverDue` call sends at once. */
  batchSize?: number;
}

export interface DeliveryReport {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

export type ReceiptOutcome = 'applied' | 'unknown_message' | 'mismatch';

export interface Outbox {
  /** Queues a message whose sharing was already decided (see sharing.ts). */
  enqueue(message: Message, actor?: AuditActor): Promise<OutboxRecord>;
  /** One round of delivery: claims due messages and attempts each once. */
  deliverDue(): Promise<DeliveryReport>;
  /** Applies a receipt that arrived as its own message (a `read` receipt, or a late `delivered`). */
  applyReceipt(receipt: ReceiptPayload, from: string, evidence: string): Promise<ReceiptOutcome>;
  /** Puts a failed message back in the queue (an operator's decision). */
  requeue(id: string, actor: AuditActor): Promise<boolean>;
  pending(): Promise<number>;
}

type Outcome = { result: 'delivered' } | { result: 'error'; code: FedCode | string; detail?: string };

export function createOutbox(deps: OutboxDeps): Outbox {
  const { messages, clock } = deps;
  const random = deps.random ?? Math.random;
  const policy = deps.retry ?? DEFAULT_RETRY;
  const leaseMs = deps.leaseMs ?? 60_000;
  const batchSize = deps.batchSize ?? 100;
  const audit = federationAudit(deps.audit, clock);

  /** Checks the answer of a POST: a Receipt from that peer, for exactly this content. */
  function checkAnswer(body: string, record: OutboxRecord, peer: PeerRecord, keys: NodeKeys): { ok: true; receipt: ReceiptPayload } | { ok: false; code: string; detail: string } {
    const parsed = parseEnvelope(body);
    if (!parsed.ok) return { ok: false, code: 'FED_RECEIPT_MISMATCH', detail: parsed.code };
    const opened = openEnvelope(parsed.value, { keys, now: clock.now(), peerOf: (n) => (n === peer.node ? peer : undefined), sighting: undefined });
    if (!opened.ok) return { ok: false, code: 'FED_RECEIPT_MISMATCH', detail: opened.code };
    const { message } = opened.value;
    const receipt = message.payload as unknown as ReceiptPayload;
    if (message.type !== 'Receipt') return { ok: false, code: 'FED_RECEIPT_MISMATCH', detail: 'not a receipt' };
    if (receipt.envelopeId !== record.id) return { ok: false, code: 'FED_RECEIPT_MISMATCH', detail: 'envelope id' };
    if (receipt.contentDigest !== record.contentDigest) return { ok: false, code: 'FED_RECEIPT_MISMATCH', detail: 'content digest' };
    return { ok: true, receipt };
  }

  async function send(record: OutboxRecord): Promise<Outcome> {
    if (!record.message) return { result: 'error', code: 'FED_INTERNAL', detail: 'no message kept' };
    const peer = await deps.peers.get(record.to);
    if (!peer) return { result: 'error', code: 'FED_UNKNOWN_PEER' };
    const keys = await deps.keys.load();
    let body: string;
    try {
      const envelope = sealEnvelope(record.message, iso(clock.now()), { signing: activeSigningKey(keys), recipient: peer.encryptionKey });
      body = serializeEnvelope(envelope);
    } catch (e) {
      if (e instanceof AlianzaError) return { result: 'error', code: e.code };
      throw e;
    }
    const answer = await deps.transport.send({ node: peer.node, url: peer.url }, body);
    if (answer.kind === 'unreachable') return { result: 'error', code: 'FED_UNAVAILABLE', detail: answer.reason };
    if (answer.kind === 'refused') return { result: 'error', code: answer.code };
    const checked = checkAnswer(answer.body, record, peer, keys);
    if (!checked.ok) return { result: 'error', code: checked.code, detail: checked.detail };
    const now = iso(clock.now());
    await messages.receipts.add({
      envelopeId: record.id,
      status: 'delivered',
      from: peer.node,
      at: checked.receipt.at,
      contentDigest: checked.receipt.contentDigest,
      evidence: answer.body,
      receivedAt: now,
    });
    await messages.outbox.markDelivered(record.id, now, record.attempts + 1);
    return { result: 'delivered' };
  }

  async function attempt(record: OutboxRecord): Promise<'delivered' | 'retrying' | 'failed'> {
    const startedAt = clock.now();
    let outcome: Outcome;
    try {
      outcome = await send(record);
    } catch (e) {
      outcome = { result: 'error', code: 'FED_INTERNAL', detail: e instanceof Error ? e.message : String(e) };
    }
    const attempts = record.attempts + 1;
    if (outcome.result === 'delivered') {
      await audit('federation.message.delivered', record.id, { to: record.to, type: record.type, attempts });
      return 'delivered';
    }
    const now = clock.now();
    const firstAttemptAt = record.firstAttemptAt ?? iso(startedAt);
    const retryable = isRetryable(outcome.code) || outcome.code === 'FED_RECEIPT_MISMATCH';
    const next = retryable ? nextAttemptAt(attempts, Date.parse(firstAttemptAt), now, random(), policy) : null;
    const detail = { to: record.to, type: record.type, attempts, code: outcome.code, reason: outcome.detail ?? null };
    if (next === null) {
      await messages.outbox.markFailed(record.id, { error: outcome.code, at: iso(now), attempts, keepMessage: true });
      await audit('federation.message.failed', record.id, detail);
      return 'failed';
    }
    await messages.outbox.markAttempt(record.id, {
      attempts,
      firstAttemptAt,
      lastAttemptAt: iso(startedAt),
      nextAttemptAt: iso(next),
      lastError: outcome.code,
    });
    await audit('federation.message.sent', record.id, { ...detail, nextAttemptAt: iso(next) });
    return 'retrying';
  }

  return {
    async enqueue(message, actor) {
      const now = iso(clock.now());
      const record: OutboxRecord = {
        id: message.id,
        type: message.type,
        to: message.to.node,
        message,
        contentDigest: contentDigest(message),
        status: 'queued',
        attempts: 0,
        createdAt: now,
        firstAttemptAt: null,
        lastAttemptAt: null,
        nextAttemptAt: now,
        lastError: null,
        deliveredAt: null,
        readAt: null,
      };
      await messages.outbox.add(record);
      await audit(
        'federation.message.queued',
        message.id,
        {
          type: message.type,
          to: message.to.node,
          tlp: message.handling.tlp,
          purpose: message.handling.purpose,
          originator: message.originator.node,
          itemId: message.originator.itemId,
        },
        actor,
      );
      return record;
    },

    async deliverDue() {
      const now = clock.now();
      const due = await messages.outbox.claimDue(iso(now), iso(now + leaseMs), batchSize);
      const results = await Promise.all(due.map(attempt));
      return {
        attempted: due.length,
        delivered: results.filter((r) => r === 'delivered').length,
        retrying: results.filter((r) => r === 'retrying').length,
        failed: results.filter((r) => r === 'failed').length,
      };
    },

    async applyReceipt(receipt, from, evidence) {
      const record = await messages.outbox.get(receipt.envelopeId);
      if (!record) return 'unknown_message';
      if (record.to !== from || record.contentDigest !== receipt.contentDigest) {
        await audit('federation.receipt.mismatch', receipt.envelopeId, { from, status: receipt.status });
        return 'mismatch';
      }
      const now = iso(clock.now());
      await messages.receipts.add({ ...receipt, from, evidence, receivedAt: now });
      const moved =
        receipt.status === 'read' ? await messages.outbox.markRead(record.id, receipt.at) : await messages.outbox.markDelivered(record.id, receipt.at);
      if (moved) await audit(`federation.message.${receipt.status}`, record.id, { to: record.to, type: record.type, at: receipt.at });
      return 'applied';
    },

    async requeue(id, actor) {
      const done = await messages.outbox.requeue(id, iso(clock.now()));
      if (done) await audit('federation.message.requeued', id, {}, actor);
      return done;
    },

    pending: () => messages.outbox.countPending(),
  };
}
