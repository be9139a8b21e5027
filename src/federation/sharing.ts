/**
 * Sharing, forwarding and consent (docs/protocol/handling.md §4–5): every outgoing item
 * passes through `decideShare` before it reaches the outbox; a forward that needs the
 * originator's consent becomes a ConsentRequest, and the forward leaves only once granted.
 */
import type { Handling } from '../domain/model';
import { federationAudit, SYSTEM, type AuditActor } from './audit';
import { DAY_MS } from './constants';
import { iso, newId } from './bytes';
import type { Json } from './canonical-json';
import { grantIsGenuine, signGrant } from './consent-grant';
import { buildMessage, type Audience, type ConsentGrant, type Message, type MessageFields, type MessageType, type NodeRef } from './envelope';
import { fedError } from './errors';
import { decideShare, grantGap, narrowHandling, type HeldItem } from './handling';
import type { ReceivedMessage } from './inbox';
import { CONSENT_HANDLING, readPayload, type ConsentDecisionPayload, type ConsentRequestPayload } from './messages';
import type { Outbox } from './outbox';
import { activeSigningKey } from './peers';
import type { AuditSink, Clock, ConsentRecord, MessageRepository, NodeKeyRepository, OutboxRecord, PeerRepository } from './ports';

export interface SharingDeps {
  keys: NodeKeyRepository;
  peers: PeerRepository;
  messages: MessageRepository;
  outbox: Pick<Outbox, 'enqueue'>;
  clock: Clock;
  audit: AuditSink;
}

export interface ShareInput {
  to: string;
  type: MessageType;
  payload: Record<string, Json>;
  handling: Handling;
  audience: Audience;
  actor: AuditActor;
}

export interface ForwardInput {
  /** The received copy to forward (its inbox envelope id). */
  heldEnvelopeId: string;
  to: string;
  handling: Handling;
  audience: Audience;
  /** Why the forward is needed: sent to the originator when consent is required. */
  reason: string;
  actor: AuditActor;
}

export type ForwardResult = { outcome: 'queued'; id: string } | { outcome: 'needs_consent'; requestId: string };

export interface Sharing {
  /** Shares an item this node originates. */
  share(input: ShareInput): Promise<OutboxRecord>;
  /** Forwards a received item to another node, or asks its originator first. */
  forward(input: ForwardInput): Promise<ForwardResult>;
  /** The originator's answer to a ConsentRequest it received. */
  decideConsent(
    requestId: string,
    decision: { granted: boolean; reason: string; maxHandling?: Handling; validForMs?: number; actor: AuditActor },
  ): Promise<void>;
  /** Inbox handlers. */
  onConsentRequest(message: ReceivedMessage): Promise<void>;
  onConsentDecision(message: ReceivedMessage): Promise<void>;
}

const CONSENT_RETENTION_DAYS = 365;
/** Messages about the exchange itself, never forwarded. */
const CONTROL_TYPES: readonly MessageType[] = ['Receipt', 'ConsentRequest', 'ConsentDecision', 'KeyAnnouncement'];
const DEFAULT_GRANT_VALIDITY_MS = 7 * DAY_MS;

export function createSharing(deps: SharingDeps): Sharing {
  const { messages, clock } = deps;
  const audit = federationAudit(deps.audit, clock);

  async function context(): Promise<{ self: NodeRef; community: string[]; peerRef: (node: string) => Promise<NodeRef> }> {
    const [keys, peers] = await Promise.all([deps.keys.load(), deps.peers.list()]);
    const peerRef = async (node: string): Promise<NodeRef> => {
      const peer = peers.find((p) => p.node === node);
      if (!peer) throw fedError('FED_UNKNOWN_PEER', { node });
      return { node: peer.node, country: peer.country };
    };
    return { self: keys.self, community: [keys.self.node, ...peers.map((p) => p.node)], peerRef };
  }

  const newMessage = (fields: MessageFields): Message => buildMessage(fields, newId(), iso(clock.now()));

  async function grantFor(itemId: string, to: string): Promise<ConsentGrant | null> {
    const granted = await messages.consents.list({ direction: 'outgoing', status: 'granted' });
    const match = granted.find((c) => c.itemId === itemId && c.forwardTo.node === to && c.grant !== null);
    return match?.grant ?? null;
  }

  const sharing: Sharing = {
    async share(input) {
      const { self, community, peerRef } = await context();
      const to = await peerRef(input.to);
      const message = newMessage({
        type: input.type,
        from: self,
        to,
        handling: input.handling,
        audience: input.audience,
        consentGrant: null,
        payload: input.payload,
      });
      const held: HeldItem = { itemId: message.id, originator: self.node, holder: self.node, handling: input.handling, audience: input.audience, expiresAt: null };
      const decision = decideShare(held, { to: to.node, handling: input.handling, audience: input.audience }, { now: clock.now(), community });
      if (decision.outcome === 'deny') throw fedError(decision.code, decision.params);
      const payload = readPayload(input.type, input.payload, message.created);
      if (!payload.ok) throw fedError(payload.code, payload.params);
      return deps.outbox.enqueue(message, input.actor);
    },

    async forward(input) {
      const { self, community, peerRef } = await context();
      const item = await messages.inbox.get(input.heldEnvelopeId);
      if (!item) throw fedError('FED_MESSAGE_NOT_FOUND', { id: input.heldEnvelopeId });
      if (input.to === self.node) throw fedError('FED_HANDLING_INVALID', { field: 'to' });
      if (CONTROL_TYPES.includes(item.type)) throw fedError('FED_HANDLING_INVALID', { field: 'type' });
      if (item.payload === null) throw fedError('FED_HANDLING_EXPIRED', { expiresAt: item.expiresAt });
      const to = await peerRef(input.to);
      const held: HeldItem = {
        itemId: item.originator.itemId,
        originator: item.originator.node,
        holder: self.node,
        handling: item.handling,
        audience: item.audience,
        expiresAt: item.expiresAt,
      };
      const decision = decideShare(
        held,
        { to: to.node, handling: input.handling, audience: input.audience },
        { now: clock.now(), community, grant: await grantFor(held.itemId, to.node) },
      );
      if (decision.outcome === 'deny') throw fedError(decision.code, decision.params);
      if (decision.outcome === 'allow') {
        const message = newMessage({
          type: item.type,
          from: self,
          to,
          originator: item.originator,
          handling: decision.handling,
          audience: decision.audience,
          consentGrant: decision.consentGrant,
          payload: item.payload,
        });
        await deps.outbox.enqueue(message, input.actor);
        return { outcome: 'queued', id: message.id };
      }

      const pending = await messages.consents.list({ direction: 'outgoing', status: 'pending' });
      const asked = pending.find((c) => c.itemId === held.itemId && c.forwardTo.node === to.node && c.heldEnvelopeId === item.envelopeId);
      if (asked) return { outcome: 'needs_consent', requestId: asked.requestId };
      const originator = await peerRef(held.originator);
      const payload: ConsentRequestPayload = {
        itemId: held.itemId,
        forwardTo: to,
        proposedHandling: input.handling,
        proposedAudience: input.audience,
        reason: input.reason,
      };
      const request = newMessage({
        type: 'ConsentRequest',
        from: self,
        to: originator,
        handling: CONSENT_HANDLING(CONSENT_RETENTION_DAYS),
        audience: { agencies: [], persons: [] },
        consentGrant: null,
        payload: payload as unknown as Record<string, Json>,
      });
      await messages.consents.add({
        requestId: request.id,
        direction: 'outgoing',
        itemId: held.itemId,
        originator: held.originator,
        forwarder: self.node,
        forwardTo: to,
        proposedHandling: input.handling,
        proposedAudience: input.audience,
        reason: input.reason,
        status: 'pending',
        createdAt: request.created,
        decidedAt: null,
        decisionReason: null,
        grant: null,
        heldEnvelopeId: item.envelopeId,
      });
      await deps.outbox.enqueue(request, input.actor);
      await audit('federation.consent.requested', request.id, { itemId: held.itemId, originator: held.originator, forwardTo: to.node }, input.actor);
      return { outcome: 'needs_consent', requestId: request.id };
    },

    async decideConsent(requestId, decision) {
      const record = await messages.consents.get(requestId);
      if (!record || record.direction !== 'incoming' || record.status !== 'pending') {
        throw fedError('FED_CONSENT_REQUEST_NOT_FOUND', { id: requestId });
      }
      const [keys, forwarder] = await Promise.all([deps.keys.load(), deps.peers.get(record.forwarder)]);
      if (!forwarder) throw fedError('FED_UNKNOWN_PEER', { node: record.forwarder });
      const now = clock.now();
      const grant = decision.granted
        ? signGrant(
            {
              itemId: record.itemId,
              originator: keys.self.node,
              forwarder: record.forwarder,
              grantedTo: record.forwardTo.node,
              maxHandling: decision.maxHandling ?? record.proposedHandling,
              issued: iso(now),
              expires: iso(now + (decision.validForMs ?? DEFAULT_GRANT_VALIDITY_MS)),
            },
            activeSigningKey(keys),
          )
        : null;
      const decided = await messages.consents.decide(requestId, {
        status: decision.granted ? 'granted' : 'refused',
        decidedAt: iso(now),
        reason: decision.reason,
        grant,
      });
      if (!decided) throw fedError('FED_CONSENT_REQUEST_NOT_FOUND', { id: requestId });
      const payload: ConsentDecisionPayload = { requestId, itemId: record.itemId, granted: decision.granted, grant, reason: decision.reason };
      await deps.outbox.enqueue(
        newMessage({
          type: 'ConsentDecision',
          from: keys.self,
          to: { node: forwarder.node, country: forwarder.country },
          handling: CONSENT_HANDLING(CONSENT_RETENTION_DAYS),
          audience: { agencies: [], persons: [] },
          consentGrant: null,
          payload: payload as unknown as Record<string, Json>,
        }),
        decision.actor,
      );
      await audit('federation.consent.decided', requestId, { itemId: record.itemId, granted: decision.granted, forwardTo: record.forwardTo.node }, decision.actor);
    },

    async onConsentRequest(message) {
      const p = message.payload as unknown as ConsentRequestPayload;
      const keys = await deps.keys.load();
      const record: ConsentRecord = {
        requestId: message.envelopeId,
        direction: 'incoming',
        itemId: p.itemId,
        originator: keys.self.node,
        forwarder: message.from.node,
        forwardTo: p.forwardTo,
        proposedHandling: p.proposedHandling,
        proposedAudience: p.proposedAudience,
        reason: p.reason,
        status: 'pending',
        createdAt: message.receivedAt,
        decidedAt: null,
        decisionReason: null,
        grant: null,
        heldEnvelopeId: null,
      };
      if (!(await messages.consents.add(record))) return;
      await audit('federation.consent.received', message.envelopeId, { itemId: p.itemId, forwarder: message.from.node, forwardTo: p.forwardTo.node });
      // only the originator can consent: a request about an item this node never sent is refused at once
      if (!(await messages.outbox.get(p.itemId))) {
        await sharing.decideConsent(message.envelopeId, { granted: false, reason: 'unknown item', actor: SYSTEM });
      }
    },

    async onConsentDecision(message) {
      const p = message.payload as unknown as ConsentDecisionPayload;
      const record = await messages.consents.get(p.requestId);
      if (!record || record.direction !== 'outgoing' || record.status !== 'pending' || record.originator !== message.from.node) {
        await audit('federation.consent.ignored', message.envelopeId, { requestId: p.requestId, from: message.from.node });
        return;
      }
      let grant = p.grant;
      if (grant) {
        const originator = await deps.peers.get(record.originator);
        const covers =
          grantIsGenuine(grant, originator) &&
          grant.itemId === record.itemId &&
          grant.forwarder === record.forwarder &&
          grant.grantedTo === record.forwardTo.node;
        if (!covers) grant = null;
      }
      const granted = p.granted && grant !== null;
      await messages.consents.decide(record.requestId, {
        status: granted ? 'granted' : 'refused',
        decidedAt: iso(clock.now()),
        reason: p.reason,
        grant,
      });
      await audit('federation.consent.answered', record.requestId, { itemId: record.itemId, granted, forwardTo: record.forwardTo.node });
      if (!granted || !grant || record.heldEnvelopeId === null) return;

      // forward now, within what the originator granted
      const handling = narrowHandling(record.proposedHandling, grant.maxHandling);
      const blocked = async (code: string): Promise<void> => {
        await audit('federation.forward.blocked', record.requestId, { itemId: record.itemId, forwardTo: record.forwardTo.node, code });
      };
      if (!handling) return blocked('FED_CONSENT_INVALID');
      const gap = grantGap(grant, {
        itemId: record.itemId,
        originator: record.originator,
        forwarder: record.forwarder,
        to: record.forwardTo.node,
        handling,
        at: clock.now(),
      });
      if (gap !== null) return blocked('FED_CONSENT_INVALID');
      try {
        await sharing.forward({
          heldEnvelopeId: record.heldEnvelopeId,
          to: record.forwardTo.node,
          handling,
          audience: record.proposedAudience,
          reason: record.reason,
          actor: SYSTEM,
        });
      } catch (e) {
        await blocked(e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'FED_INTERNAL');
      }
    },
  };
  return sharing;
}
