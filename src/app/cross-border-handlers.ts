/**
 * Inbox handlers of cross-border matching (docs/protocol/matching.md). They run inside the
 * transaction that receives the message, each in its own savepoint (a handler that fails
 * leaves nothing behind, and the inbox records the failure), and each is idempotent on the
 * ids the payload carries (queryId, requestId): a message applied twice records once.
 *
 * - MatchQuery: compares the partner's encodings with this node's marked entities under the
 *   active secret, records the hits and this node's new references, answers with a
 *   MatchResult (scores and opaque references only). The partner's encodings are not kept:
 *   the stored copy of the message loses its payload once handled. A check larger than one
 *   message comes in parts (one MatchQuery each, sharing a check id), each answered alone.
 * - MatchResult: records the hits of a part of a check this node sent.
 * - DisclosureRequest: records a partner's request about a reference this node gave it.
 * - DisclosureDecision: records the owner's answer to a request this node sent, keeping only
 *   what was asked for (anything else is dropped and the breach audited).
 */
import { randomUUID } from 'node:crypto';
import type { Federation } from '../federation/federation-node';
import type { InboxHandler, InboxHandlers, ReceivedMessage } from '../federation/inbox';
import { readMatchPayload, type MatchMessageType, type MatchPayloadOf, type MatchResultPayload } from '../federation/match-messages';
import { CROSS_BORDER_SCHEMA_ID, CROSS_BORDER_THRESHOLD, compareEncodings, type EncodedSubject } from '../linkage/pprl/cross-border-encoding';
import type { CrossBorderHit, DisclosureRecord, Repositories } from '../store/ports';
import type { AppContext } from './context';
import {
  activeLinkageSecret,
  CROSS_BORDER_KINDS,
  crossBorderOf,
  EncodingCache,
  encodeEntities,
  markedEntities,
  payloadBytes,
  sendCrossBorder,
  type SecretSealer,
} from './cross-border-service';
import { MAX_PLAINTEXT_BYTES } from '../federation/constants';
import { peerActor } from '../federation/audit';

export interface CrossBorderHandlerDeps {
  /** The node's federation (created after its handlers, hence a function). */
  federation: () => Pick<Federation, 'sharing'>;
  sealer: Pick<SecretSealer, 'open'>;
  /** Drops the stored payload of a handled MatchQuery (the partner's encodings are not kept). */
  dropPayload?: (envelopeId: string, at: string) => Promise<void>;
}

const ZERO_FINGERPRINT = '0'.repeat(32);

/** The payload as its reader checked it (the inbox refuses a malformed one before it gets here; a handler called otherwise fails). */
function payloadOf<T extends MatchMessageType>(type: T, message: ReceivedMessage): MatchPayloadOf[T] {
  const checked = readMatchPayload(type, message.payload);
  if (!checked.ok) throw new Error(`${message.type} payload refused: ${checked.code} ${JSON.stringify(checked.params)}`);
  return checked.value;
}

/** At most this many hits in one MatchResult (best first), so that the answer fits one message. */
export function resultHitLimit(sample: object, hits: number): number {
  if (hits === 0) return 0;
  const size = payloadBytes(sample);
  const limit = MAX_PLAINTEXT_BYTES - 4096;
  return size <= limit ? hits : Math.max(1, Math.floor((hits * limit) / size));
}

export function crossBorderHandlers(ctx: AppContext, deps: CrossBorderHandlerDeps): InboxHandlers {
  const at = (): string => ctx.clock.now().toISOString();
  // the encodings of this node's marked entities, kept from one part of a check to the next
  const encodings = new EncodingCache();

  const peerAudit = (tx: Repositories, node: string, action: string, targetType: string, targetId: string | null, detail: Record<string, unknown>) =>
    tx.audit.append({ at: at(), ...peerActor(node), action, targetType, targetId, caseId: null, detail });

  /** Runs the handler's writes in a savepoint of the receiving transaction. */
  const atomic =
    (fn: (tx: Repositories, message: ReceivedMessage) => Promise<void>): InboxHandler =>
    (message) =>
      ctx.store.transaction((tx) => fn(tx, message));

  const onMatchQuery = atomic(async (tx, message) => {
    const p = payloadOf('MatchQuery', message);
    const from = message.from.node;
    const repo = crossBorderOf(tx);
    const prior = await repo.getQuery(p.queryId);
    if (prior) {
      // applied already (or a clash of ids with a check of this node): nothing more
      if (prior.direction !== 'received' || prior.peerNode !== from) {
        await peerAudit(tx, from, 'crossborder.check.refused', 'crossborder_query', p.queryId, { from, reason: 'query id already used', envelopeId: message.envelopeId });
      }
      return;
    }
    // one row per part: a part already received under another query id, or parts that disagree on their count, are not applied
    const parts = await repo.checkParts(p.part.checkId, from, 'received');
    const clash = parts.some((q) => q.partIndex === p.part.index) ? 'part already received' : parts.some((q) => q.partCount !== p.part.count) ? 'parts disagree on their count' : null;
    if (clash) {
      await peerAudit(tx, from, 'crossborder.check.refused', 'crossborder_query', p.queryId, { from, reason: clash, checkId: p.part.checkId, part: p.part, envelopeId: message.envelopeId });
      return;
    }
    const opened = await activeLinkageSecret(tx, deps.sealer);
    const ownFingerprint = opened?.record.fingerprint ?? ZERO_FINGERPRINT;
    let status: MatchResultPayload['status'] = 'ok';
    if (p.schemaId !== CROSS_BORDER_SCHEMA_ID) status = 'schema_unsupported';
    else if (!opened || opened.record.fingerprint !== p.secretFingerprint) status = 'secret_mismatch';

    let hits: CrossBorderHit[] = [];
    let compared = 0;
    let truncated = 0;
    if (status === 'ok' && opened) {
      const own = encodeEntities(opened.secret, await markedEntities(tx), encodings);
      compared = own.length;
      const query: EncodedSubject[] = p.records.map((r) => ({ ref: r.ref, kind: r.kind, clk: Uint8Array.from(Buffer.from(r.clk, 'base64')) }));
      const entityOf = new Map(own.map((o) => [o.subject.ref, o]));
      const found = CROSS_BORDER_KINDS.flatMap((kind) =>
        compareEncodings(
          query.filter((q) => q.kind === kind),
          own.filter((o) => o.subject.kind === kind).map((o) => o.subject),
          Math.max(p.threshold, CROSS_BORDER_THRESHOLD[kind]),
        ),
      ).sort((a, b) => b.score - a.score);
      const sample = { queryId: p.queryId, part: p.part, status, secretFingerprint: ownFingerprint, hits: found.map((h) => ({ queryRef: h.queryRef, ownerRef: h.ownRef, kind: h.kind, score: h.score })) };
      const keep = resultHitLimit(sample, found.length);
      truncated = found.length - keep;
      const now = at();
      hits = found.slice(0, keep).map((h) => ({
        id: randomUUID(),
        queryId: p.queryId,
        peerNode: from,
        side: 'answered' as const,
        localEntityId: entityOf.get(h.ownRef)!.entityId,
        localRef: h.ownRef,
        remoteRef: h.queryRef,
        kind: h.kind,
        score: h.score,
        createdAt: now,
      }));
      // only the references that hit are kept: the others were never shown to anyone
      const used = new Set(hits.map((h) => h.localRef));
      await repo.addRefs([...used].map((ref) => ({ ref, queryId: p.queryId, entityId: entityOf.get(ref)!.entityId, kind: entityOf.get(ref)!.subject.kind })));
    }
    await repo.createQuery({
      queryId: p.queryId,
      checkId: p.part.checkId,
      partIndex: p.part.index,
      partCount: p.part.count,
      peerNode: from,
      direction: 'received',
      secretFingerprint: p.secretFingerprint,
      records: p.records.length,
      hits: hits.length,
      status: status === 'ok' ? 'answered' : status === 'secret_mismatch' ? 'secret_mismatch' : 'failed',
      createdAt: message.created,
      answeredAt: at(),
      requestedBy: null,
    });
    await repo.addHits(hits);
    const result: MatchResultPayload = {
      queryId: p.queryId,
      part: p.part,
      status,
      secretFingerprint: ownFingerprint,
      hits: hits.map((h) => ({ queryRef: h.remoteRef, ownerRef: h.localRef, kind: h.kind, score: h.score })),
    };
    const sent = await sendCrossBorder(deps.federation(), from, 'MatchResult', result, peerActor(from));
    await peerAudit(tx, from, 'crossborder.check.answered', 'crossborder_query', p.queryId, {
      from,
      checkId: p.part.checkId,
      part: p.part,
      status,
      records: p.records.length,
      compared,
      hits: hits.length,
      truncated,
      secretFingerprint: p.secretFingerprint,
      ownFingerprint,
      envelopeId: message.envelopeId,
      resultEnvelopeId: sent.id,
      encodingsKept: false,
    });
    await deps.dropPayload?.(message.envelopeId, at());
  });

  const onMatchResult = atomic(async (tx, message) => {
    const p = payloadOf('MatchResult', message);
    const from = message.from.node;
    const repo = crossBorderOf(tx);
    const query = await repo.getQuery(p.queryId);
    if (!query || query.direction !== 'sent' || query.peerNode !== from) {
      await peerAudit(tx, from, 'crossborder.result.refused', 'crossborder_query', p.queryId, { from, reason: 'not a check this node sent to that partner', envelopeId: message.envelopeId });
      return;
    }
    if (p.part.checkId !== query.checkId || p.part.index !== query.partIndex || p.part.count !== query.partCount) {
      await peerAudit(tx, from, 'crossborder.result.refused', 'crossborder_query', p.queryId, {
        from,
        reason: 'not the part of the check this query was',
        part: p.part,
        expected: { checkId: query.checkId, index: query.partIndex, count: query.partCount },
        envelopeId: message.envelopeId,
      });
      return;
    }
    const refs = new Map((await repo.getRefs(p.queryId, p.hits.map((h) => h.queryRef))).map((r) => [r.ref, r]));
    const now = at();
    const hits: CrossBorderHit[] = [];
    const dropped: string[] = [];
    for (const h of p.status === 'ok' ? p.hits : []) {
      const ref = refs.get(h.queryRef);
      if (!ref || ref.kind !== h.kind) {
        dropped.push(h.queryRef);
        continue;
      }
      hits.push({ id: randomUUID(), queryId: p.queryId, peerNode: from, side: 'asked', localEntityId: ref.entityId, localRef: ref.ref, remoteRef: h.ownerRef, kind: h.kind, score: h.score, createdAt: now });
    }
    const stored = await repo.addHits(hits);
    const status = p.status === 'ok' ? 'answered' : p.status === 'secret_mismatch' ? 'secret_mismatch' : 'failed';
    const total = (await repo.listHits({ queryId: p.queryId, limit: 1 })).total;
    await repo.updateQuery(p.queryId, { status, hits: total, answeredAt: query.answeredAt ?? now });
    await peerAudit(tx, from, 'crossborder.hits.received', 'crossborder_query', p.queryId, {
      from,
      checkId: query.checkId,
      part: p.part,
      status: p.status,
      hits: stored.inserted,
      dropped: dropped.length,
      secretFingerprint: query.secretFingerprint,
      partnerFingerprint: p.secretFingerprint,
      envelopeId: message.envelopeId,
    });
    if (dropped.length > 0) {
      await peerAudit(tx, from, 'crossborder.result.violation', 'crossborder_query', p.queryId, { from, reason: 'hits on references this node never sent', count: dropped.length });
    }
  });

  const onDisclosureRequest = atomic(async (tx, message) => {
    const p = payloadOf('DisclosureRequest', message);
    const from = message.from.node;
    const repo = crossBorderOf(tx);
    if (await repo.getDisclosure(p.requestId)) return;
    const hit = await repo.findHit(p.queryId, p.ownerRef, p.requesterRef);
    if (!hit || hit.peerNode !== from || hit.kind !== p.kind) {
      await peerAudit(tx, from, 'disclosure.request.refused', 'disclosure', p.requestId, { from, reason: 'not a reference this node gave that partner', queryId: p.queryId, envelopeId: message.envelopeId });
      return;
    }
    const record: DisclosureRecord = {
      id: p.requestId,
      hitId: hit.id,
      direction: 'incoming',
      peerNode: from,
      level: p.level,
      fields: p.level === 'fields' ? [...new Set(p.fields)] : [],
      legalBasis: { kind: p.legalBasis.kind, reference: p.legalBasis.reference },
      purpose: p.purpose,
      caseReference: p.caseReference,
      requestedBy: `peer:${from}`,
      requestedAt: message.created,
      status: 'pending',
      decision: null,
    };
    await repo.createDisclosure(record);
    await peerAudit(tx, from, 'disclosure.request.received', 'disclosure', p.requestId, {
      from,
      hitId: hit.id,
      entityId: hit.localEntityId,
      kind: hit.kind,
      level: record.level,
      fields: record.fields,
      legalBasis: record.legalBasis,
      caseReference: record.caseReference,
      envelopeId: message.envelopeId,
    });
  });

  const onDisclosureDecision = atomic(async (tx, message) => {
    const p = payloadOf('DisclosureDecision', message);
    const from = message.from.node;
    const repo = crossBorderOf(tx);
    const d = await repo.getDisclosure(p.requestId);
    if (!d || d.direction !== 'outgoing' || d.peerNode !== from) {
      await peerAudit(tx, from, 'disclosure.decision.refused', 'disclosure', p.requestId, { from, reason: 'not a request this node sent to that partner', envelopeId: message.envelopeId });
      return;
    }
    if (d.status !== 'pending') return;
    // keep only what was asked: never above the requested level, never a field not requested
    const violations: string[] = [];
    let level = p.decision === 'refused' ? 'existence' : p.level;
    if (p.decision === 'approved' && level === 'fields' && d.level !== 'fields') {
      violations.push('level above the request');
      level = 'contact';
    }
    if (p.decision === 'approved' && level === 'existence') level = 'contact';
    let contact = p.decision === 'approved' ? p.contact : null;
    if (p.decision === 'approved' && contact === null) violations.push('no contact');
    let disclosed: { schema: string; properties: Record<string, string[]> } | null = null;
    const droppedFields: string[] = [];
    if (p.decision === 'approved' && level === 'fields' && p.entity) {
      const properties: Record<string, string[]> = {};
      for (const [name, values] of Object.entries(p.entity.properties)) {
        if (d.fields.includes(name)) properties[name] = values;
        else droppedFields.push(name);
      }
      disclosed = { schema: p.entity.schema, properties };
    } else if (p.entity) {
      droppedFields.push(...Object.keys(p.entity.properties));
    }
    if (p.decision === 'refused' && p.contact) violations.push('contact with a refusal');
    if (p.decision === 'refused') contact = null;
    if (droppedFields.length > 0) violations.push('fields not requested');
    await repo.decideDisclosure(p.requestId, p.decision, {
      level: level as 'existence' | 'contact' | 'fields',
      legalBasis: { kind: p.legalBasis.kind, reference: p.legalBasis.reference },
      reason: p.reason,
      contact,
      disclosed,
      decidedBy: contact ? `${contact.name} (peer:${from})` : `peer:${from}`,
      decidedAt: message.created,
    });
    await peerAudit(tx, from, 'disclosure.decision.received', 'disclosure', p.requestId, {
      from,
      decision: p.decision,
      level,
      fields: disclosed ? Object.keys(disclosed.properties) : [],
      legalBasis: p.legalBasis,
      envelopeId: message.envelopeId,
    });
    if (violations.length > 0) {
      await peerAudit(tx, from, 'disclosure.decision.violation', 'disclosure', p.requestId, { from, violations, droppedFields, envelopeId: message.envelopeId });
    }
  });

  return { MatchQuery: onMatchQuery, MatchResult: onMatchResult, DisclosureRequest: onDisclosureRequest, DisclosureDecision: onDisclosureDecision };
}
