/**
 * The inbox (docs/protocol/delivery.md §4): verifies every envelope before anything acts on
 * it, refuses with a code and an audit entry, applies each message id exactly once, answers
 * with a signed receipt, and later sends a `read` receipt and purges what has expired.
 */
import type { ErrorParams } from '../domain/errors';
import { federationAudit, peerActor, type AuditActor } from './audit';
import { iso, newId } from './bytes';
import type { Json } from './canonical-json';
import { SEEN_ID_RETENTION_MS } from './constants';
import { buildMessage, EVERYONE_AT_NODE, parseEnvelope, serializeEnvelope, type Envelope, type Message, type MessageType, type NodeRef } from './envelope';
import { fedError, refuse } from './errors';
import { expiryOfReceived } from './handling';
import { isDefinedType, RECEIPT_HANDLING, type ReceiptPayload, type ReceiptStatus } from './messages';
import { openEnvelope, type OpenedEnvelope } from './open';
import type { Outbox } from './outbox';
import { activeSigningKey, type NodeKeys, type PeerRecord } from './peers';
import type { AuditSink, Clock, InboxRecord, MessageRepository, NodeKeyRepository, PeerRepository } from './ports';
import { retentionDecision } from './retention';
import { sealEnvelope } from './seal';

/** A stored message whose payload is present, as handlers receive it. */
export type ReceivedMessage = InboxRecord & { payload: Record<string, Json> };

/**
 * Applies one message. MUST be idempotent on `envelopeId` (it may run again after a crash)
 * and MUST NOT depend on the order in which messages arrive.
 */
export type InboxHandler = (message: ReceivedMessage) => Promise<void>;

export type InboxHandlers = Partial<Record<MessageType, InboxHandler>>;

export interface InboxDeps {
  keys: NodeKeyRepository;
  peers: PeerRepository;
  messages: MessageRepository;
  clock: Clock;
  audit: AuditSink;
  /** For `read` receipts. */
  outbox: Pick<Outbox, 'enqueue'>;
  handlers: InboxHandlers;
  /** Run the handler before answering (default true); otherwise call processPending. */
  processInline?: boolean;
}

/** The answer to the POST: the signed receipt (HTTP 200) or a refusal `{ code, params }`. */
export type InboxAnswer = { ok: true; receipt: string } | { ok: false; code: string; params: ErrorParams };

export interface Inbox {
  receive(body: string | Uint8Array): Promise<InboxAnswer>;
  processPending(limit?: number): Promise<{ processed: number; failed: number }>;
  /** A person opened the message: audit it, and send a `read` receipt the first time. */
  markRead(envelopeId: string, actor: AuditActor): Promise<boolean>;
  purgeExpired(): Promise<number>;
  forgetOldSightings(): Promise<number>;
}

export function createInbox(deps: InboxDeps): Inbox {
  const { messages, clock } = deps;
  const audit = federationAudit(deps.audit, clock);
  const processInline = deps.processInline ?? true;

  const receiptMessage = (self: NodeRef, to: NodeRef, payload: ReceiptPayload, now: number): Message =>
    buildMessage(
      { type: 'Receipt', from: self, to, handling: RECEIPT_HANDLING, audience: EVERYONE_AT_NODE, payload: payload as unknown as Record<string, Json> },
      newId(),
      iso(now),
    );

  function sealedReceipt(keys: NodeKeys, peer: PeerRecord, payload: ReceiptPayload): string {
    const now = clock.now();
    const message = receiptMessage(keys.self, { node: peer.node, country: peer.country }, payload, now);
    return serializeEnvelope(sealEnvelope(message, iso(now), { signing: activeSigningKey(keys), recipient: peer.encryptionKey }));
  }

  async function refused(result: { code: string; params: ErrorParams }, envelope?: Envelope): Promise<InboxAnswer> {
    await audit(
      'federation.message.refused',
      envelope?.id ?? null,
      { code: result.code, params: result.params, from: envelope?.from.node ?? null, type: envelope?.type ?? null },
      envelope ? peerActor(envelope.from.node) : undefined,
    );
    return { ok: false, code: result.code, params: result.params };
  }

  async function answerDuplicate(opened: OpenedEnvelope, acceptedAt: string, keys: NodeKeys, peer: PeerRecord): Promise<InboxAnswer> {
    const { envelope } = opened;
    await messages.inbox.addSignature(envelope.id, opened.signatureDigest);
    await audit('federation.message.duplicate', envelope.id, { from: envelope.from.node, type: envelope.type }, peerActor(envelope.from.node));
    const receipt: ReceiptPayload = { envelopeId: envelope.id, status: 'delivered', at: acceptedAt, contentDigest: opened.contentDigest };
    return { ok: true, receipt: sealedReceipt(keys, peer, receipt) };
  }

  async function processOne(record: InboxRecord): Promise<boolean> {
    const handler = deps.handlers[record.type];
    if (handler && record.payload !== null) {
      try {
        await handler(record as ReceivedMessage);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        await messages.inbox.markHandlerFailed(record.envelopeId, error);
        await audit('federation.message.handler_failed', record.envelopeId, { type: record.type, error });
        return false;
      }
    }
    await messages.inbox.markProcessed(record.envelopeId, iso(clock.now()));
    return true;
  }

  async function receive(body: string | Uint8Array): Promise<InboxAnswer> {
    const parsed = parseEnvelope(body);
    if (!parsed.ok) return refused(parsed);
    const envelope = parsed.value;
    const receivedAt = clock.now();
    const [keys, peers, sighting] = await Promise.all([deps.keys.load(), deps.peers.list(), messages.inbox.sighting(envelope.id)]);
    const byNode = new Map(peers.map((p) => [p.node, p]));
    const opened = openEnvelope(envelope, { keys, now: receivedAt, peerOf: (n) => byNode.get(n), sighting });
    if (!opened.ok) return refused(opened, envelope);
    const peer = byNode.get(envelope.from.node)!;
    if (opened.value.duplicate) return answerDuplicate(opened.value, sighting!.acceptedAt, keys, peer);
    if (!isDefinedType(envelope.type) && !deps.handlers[envelope.type]) {
      return refused(refuse('FED_UNSUPPORTED_TYPE', { type: envelope.type }), envelope);
    }

    const { message, contentDigest } = opened.value;
    const record: InboxRecord = {
      envelopeId: envelope.id,
      type: envelope.type,
      from: envelope.from,
      originator: envelope.originator,
      handling: envelope.handling,
      audience: envelope.audience,
      consentGrant: envelope.consentGrant,
      created: envelope.created,
      receivedAt: iso(receivedAt),
      expiresAt: expiryOfReceived(envelope.created, iso(receivedAt), envelope.handling.retentionDays),
      contentDigest,
      payload: message.payload,
      evidence: envelope.type === 'Receipt' ? (typeof body === 'string' ? body : Buffer.from(body).toString('utf8')) : null,
      status: 'received',
      handlerAttempts: 0,
      lastError: null,
      readAt: null,
      purgedAt: null,
    };
    const saved = await messages.inbox.saveNew(record, {
      envelopeId: envelope.id,
      from: envelope.from.node,
      contentDigest,
      signatureDigests: [opened.value.signatureDigest],
      acceptedAt: iso(receivedAt),
    });
    if (saved === 'exists') {
      // another attempt of the same message won the race, or the sighting was forgotten
      const [priorSighting, priorRecord] = await Promise.all([messages.inbox.sighting(envelope.id), messages.inbox.get(envelope.id)]);
      const priorDigest = priorSighting?.contentDigest ?? priorRecord?.contentDigest;
      const acceptedAt = priorSighting?.acceptedAt ?? priorRecord?.receivedAt;
      if (priorDigest !== contentDigest || !acceptedAt) return refused(refuse('FED_DUPLICATE_CONFLICT', { id: envelope.id }), envelope);
      return answerDuplicate(opened.value, acceptedAt, keys, peer);
    }
    await audit(
      'federation.message.received',
      envelope.id,
      {
        from: envelope.from.node,
        type: envelope.type,
        tlp: envelope.handling.tlp,
        purpose: envelope.handling.purpose,
        originator: envelope.originator.node,
        itemId: envelope.originator.itemId,
      },
      peerActor(envelope.from.node),
    );
    if (processInline) await processOne(record);
    const receipt: ReceiptPayload = { envelopeId: envelope.id, status: 'delivered', at: iso(receivedAt), contentDigest };
    return { ok: true, receipt: sealedReceipt(keys, peer, receipt) };
  }

  return {
    async receive(body) {
      try {
        return await receive(body);
      } catch (e) {
        // a store or key failure: nothing was acknowledged, so the sender will try again
        await audit('federation.message.refused', null, { code: 'FED_INTERNAL', error: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
        return { ok: false, code: 'FED_INTERNAL', params: {} };
      }
    },

    async processPending(limit = 100) {
      const pending = await messages.inbox.listUnprocessed(limit);
      let processed = 0;
      let failed = 0;
      for (const record of pending) {
        if (await processOne(record)) processed++;
        else failed++;
      }
      return { processed, failed };
    },

    async markRead(envelopeId, actor) {
      const record = await messages.inbox.get(envelopeId);
      if (!record) throw fedError('FED_MESSAGE_NOT_FOUND', { id: envelopeId });
      const now = clock.now();
      const first = await messages.inbox.markRead(envelopeId, iso(now));
      await audit('federation.message.opened', envelopeId, { from: record.from.node, type: record.type, first }, actor);
      if (first && record.type !== 'Receipt') {
        const keys = await deps.keys.load();
        const status: ReceiptStatus = 'read';
        const payload: ReceiptPayload = { envelopeId, status, at: iso(now), contentDigest: record.contentDigest };
        await deps.outbox.enqueue(receiptMessage(keys.self, record.from, payload, now), actor);
      }
      return first;
    },

    async purgeExpired() {
      let purged = 0;
      for (;;) {
        const now = clock.now();
        const expired = await messages.inbox.listExpired(iso(now), 200);
        let round = 0;
        for (const record of expired) {
          if (!retentionDecision(record, now)?.purge) continue;
          await messages.inbox.purge(record.envelopeId, iso(now));
          await audit('federation.message.purged', record.envelopeId, { type: record.type, from: record.from.node, expiresAt: record.expiresAt });
          round++;
        }
        purged += round;
        if (round === 0) return purged;
      }
    },

    forgetOldSightings: () => messages.inbox.forgetSightingsBefore(iso(clock.now() - SEEN_ID_RETENTION_MS)),
  };
}
