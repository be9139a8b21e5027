/**
 * Federation over HTTP: the node-to-node endpoint `POST /federation/v1/envelopes` (no user
 * session: peers authenticate by signature; it reads the raw body bytes, so that the inbox
 * sees duplicate member names and lone surrogates that a JSON parse would hide) and the API
 * people use under /api/federation.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AlianzaError } from '../../domain/errors';
import type { Handling as HandlingValue } from '../../domain/model';
import { assertCan } from '../../domain/policy';
import { federationAppErrors } from '../../app/federation-errors';
import { addPeer, listPeers, ownKeys, removePeer } from '../../app/federation-peers';
import { shareableEntities } from '../../app/federation-compose';
import {
  canReadAcross,
  canShareAcross,
  decideConsent,
  forwardItem,
  listConsents,
  listInbox,
  listLedger,
  listOutbox,
  openItem,
  readThread,
  requeueItem,
  sendMessage,
  type SendInput,
} from '../../app/federation-service';
import { MAX_ENVELOPE_BYTES } from '../../federation/constants';
import { registerCatalogue } from '../http-errors';
import { requireUser } from '../session';
import { federationFor, type FederationRuntime } from '../federation-wiring';
import { ENVELOPES_PATH } from '../federation-transport';
import { RefusalThrottle, REFUSALS_PER_MINUTE } from '../federation-throttle';
import type { RouteDeps } from './index';
import type { ItemDetail, ItemSummary } from '../../app/federation-views';
import type { PeerView } from '../../app/federation-peers';
import type { ConsentView } from '../../app/federation-service';
import type { FederationConsent, FederationItemDetail, FederationItemSummary, FederationPeer, FederationSendRequest, FederationShareable } from '../api-types';
import { Enum, Handling, Id, IdParams, Paging } from './schemas';

/** HTTP status of a refusal at the node-to-node endpoint (docs/protocol/README.md §12). */
export function federationStatus(code: string): number {
  switch (code) {
    case 'FED_TOO_LARGE':
      return 413;
    case 'FED_REPLAY':
    case 'FED_DUPLICATE_CONFLICT':
      return 409;
    case 'FED_NOT_FOR_US':
      return 421;
    case 'FED_UNKNOWN_PEER':
    case 'FED_UNKNOWN_SENDER_KEY':
    case 'FED_BAD_SIGNATURE':
      return 401;
    case 'FED_INTERNAL':
      return 503;
    default:
      return 400;
  }
}

const NodeId = Type.String({ minLength: 1, maxLength: 63, pattern: '^[a-z0-9][a-z0-9._-]{0,62}$' });
const Audience = Type.Object(
  {
    agencies: Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 64 }),
    persons: Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 64 }),
  },
  { additionalProperties: false },
);
const Timestamp = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const EntityChoice = Type.Object({ id: Id, fields: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100 }) }, { additionalProperties: false });
const IdentityBasis = Type.Object(
  { kind: Enum(['consent', 'legal_basis']), reference: Text(500), recordedAt: Timestamp },
  { additionalProperties: false },
);
const common = {
  to: Type.Optional(NodeId),
  handling: Handling,
  audience: Audience,
  caseId: Type.Optional(Type.Union([Id, Type.Null()])),
  entities: Type.Optional(Type.Array(EntityChoice, { maxItems: 500 })),
  identityBasis: Type.Optional(Type.Union([IdentityBasis, Type.Null()])),
};
const SendMessage = Type.Union([
  Type.Object({ type: Type.Literal('Alert'), title: Text(200), summary: Text(4000), ...common }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('RequestForInformation'), subject: Text(200), questions: Type.Array(Text(4000), { minItems: 1, maxItems: 50 }), deadline: Timestamp, ...common },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('Response'), inReplyTo: Id, answers: Type.Array(Text(4000), { maxItems: 50 }), final: Type.Boolean(), ...common },
    { additionalProperties: false },
  ),
]);
const Forward = Type.Object({ to: NodeId, handling: Handling, audience: Audience, reason: Text(4000) }, { additionalProperties: false });
const Decision = Type.Object({ granted: Type.Boolean(), reason: Text(4000) }, { additionalProperties: false });
const AddPeer = Type.Object({ url: Text(500), key: Text(4000), fingerprint: Text(100) }, { additionalProperties: false });
const ItemTypes = Enum(['Alert', 'RequestForInformation', 'Response']);

type EndpointAudit = (action: 'federation.message.refused' | 'federation.peer.throttled', detail: Record<string, unknown>) => Promise<void>;

/** The node-to-node endpoint, in its own context: raw bodies, protocol-shaped refusals. */
async function envelopeEndpoint(app: FastifyInstance, rt: FederationRuntime, audit: EndpointAudit, throttle = new RefusalThrottle()): Promise<void> {
  const counted = async (address: string): Promise<void> => {
    if (throttle.refused(address)) await audit('federation.peer.throttled', { address, refusalsPerMinute: REFUSALS_PER_MINUTE }).catch(() => undefined);
  };
  await app.register(async (sub) => {
    sub.removeAllContentTypeParsers();
    sub.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ENVELOPE_BYTES }, (_request, body, done) => done(null, body));
    sub.setErrorHandler(async (error: FastifyError, request, reply) => {
      const tooLarge = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
      if (!tooLarge) request.log.warn({ err: error }, 'federation endpoint');
      const size = Number(request.headers['content-length'] ?? 0);
      const refusal = tooLarge
        ? { code: 'FED_TOO_LARGE', params: { size: Number.isFinite(size) ? size : 0, limit: MAX_ENVELOPE_BYTES } }
        : { code: 'FED_MALFORMED', params: { field: '$', reason: 'unreadable request' } };
      if (!throttle.throttled(request.ip)) {
        await audit('federation.message.refused', { ...refusal, from: null, type: null }).catch(() => undefined);
        await counted(request.ip);
      }
      return reply.code(tooLarge ? 413 : 400).send(refusal);
    });
    sub.post(ENVELOPES_PATH, { schema: { hide: true }, bodyLimit: MAX_ENVELOPE_BYTES }, async (request, reply) => {
      if (throttle.throttled(request.ip)) return reply.code(429).type('application/json').send({ code: 'FED_INTERNAL', params: { reason: 'throttled' } });
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const answer = await rt.federation.inbox.receive(body);
      if (answer.ok) return reply.code(200).type('application/json').send(answer.receipt);
      await counted(request.ip);
      return reply.code(federationStatus(answer.code)).type('application/json').send({ code: answer.code, params: answer.params });
    });
  });
}

export async function federationRoutes(app: FastifyInstance, { ctx, config }: RouteDeps): Promise<void> {
  registerCatalogue(federationAppErrors);
  const rt = federationFor(ctx, { dataDir: config.dataDir });
  await envelopeEndpoint(app, rt, async (action, detail) => {
    await ctx.store.audit.append({
      at: ctx.clock.now().toISOString(),
      actorId: null,
      actorLabel: 'system',
      action,
      targetType: 'federation_message',
      targetId: null,
      caseId: null,
      detail,
    });
  });

  const tags = ['federation'];

  app.get('/api/federation/node', { schema: { tags, summary: 'This node’s federation identity: public keys, fingerprints, the token to give partners, delivery counts' } }, async (request) => {
    const user = requireUser(request);
    if (user.role !== 'admin' && !canShareAcross(user.actor)) throw new AlianzaError('POLICY_DENIED', { action: 'federation.node' });
    const [keys, outbox, pendingConsents, peers] = await Promise.all([
      ownKeys(rt),
      rt.outbox.countByStatus(),
      rt.consents.list({ direction: 'incoming', status: 'pending' }),
      rt.peers.list(),
    ]);
    return { ...keys, outbox, pendingConsents: pendingConsents.length, peers: peers.length };
  });

  app.get('/api/federation/peers', { schema: { tags, summary: 'Pinned partner nodes with their key fingerprints' } }, async (request) => {
    const user = requireUser(request);
    if (user.role !== 'admin' && !canReadAcross(user.actor)) throw new AlianzaError('POLICY_DENIED', { action: 'federation.peers' });
    const items = await listPeers(rt);
    return { items, total: items.length };
  });

  app.post('/api/federation/peers', { schema: { tags, summary: 'Pin a partner node (admins), after comparing its fingerprint out of band', body: AddPeer } }, async (request, reply) => {
    const user = requireUser(request);
    assertCan(user.actor, 'agencies.manage');
    const body = request.body as { url: string; key: string; fingerprint: string };
    const peer = await addPeer(ctx, rt, user.actor, { url: body.url, token: body.key, confirmFingerprint: body.fingerprint });
    return reply.status(201).send(peer);
  });

  app.delete('/api/federation/peers/:node', { schema: { tags, summary: 'Forget a partner node (admins)', params: Type.Object({ node: NodeId }) } }, async (request, reply) => {
    const user = requireUser(request);
    assertCan(user.actor, 'agencies.manage');
    await removePeer(ctx, rt, user.actor, (request.params as { node: string }).node);
    return reply.status(204).send();
  });

  app.get('/api/federation/shareable', { schema: { tags, summary: 'What a case offers for sharing: entities and field names (no values)', querystring: Type.Object({ caseId: Id }) } }, async (request) => {
    const user = requireUser(request);
    if (!canShareAcross(user.actor)) throw new AlianzaError('POLICY_DENIED', { action: 'federation.share' });
    return shareableEntities(ctx, user.actor, (request.query as { caseId: string }).caseId);
  });

  app.post('/api/federation/messages', { schema: { tags, summary: 'Send an alert, a request for information or a response to a partner node', body: SendMessage } }, async (request, reply) => {
    const user = requireUser(request);
    return reply.status(201).send(await sendMessage(ctx, rt, user.actor, request.body as SendInput));
  });

  app.get(
    '/api/federation/inbox',
    { schema: { tags, summary: 'Items received from partners that this user may see, newest first', querystring: Type.Object({ type: Type.Optional(ItemTypes), unread: Type.Optional(Type.Boolean()), ...Paging }) } },
    async (request) => {
      const user = requireUser(request);
      return listInbox(ctx, rt, user.actor, request.query as { type?: string; unread?: boolean; limit: number; offset: number });
    },
  );

  app.get(
    '/api/federation/outbox',
    {
      schema: {
        tags,
        summary: 'Items this node sent, with their delivery state and receipts',
        querystring: Type.Object({ type: Type.Optional(ItemTypes), status: Type.Optional(Enum(['queued', 'sent', 'delivered', 'read', 'failed'])), ...Paging }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      return listOutbox(ctx, rt, user.actor, request.query as { type?: string; status?: string; limit: number; offset: number });
    },
  );

  app.get(
    '/api/federation/ledger',
    {
      schema: {
        tags,
        summary: 'The auditors’ ledger: every item sent and received, with handling, parties, delivery and receipts, never its content',
        querystring: Type.Object({ direction: Type.Optional(Enum(['sent', 'received'])), type: Type.Optional(ItemTypes), ...Paging }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      return listLedger(ctx, rt, user.actor, request.query as { direction?: 'sent' | 'received'; type?: string; limit: number; offset: number });
    },
  );

  app.get('/api/federation/messages/:id', { schema: { tags, summary: 'Open one item (a received item is marked read and a read receipt goes back)', params: IdParams } }, async (request) => {
    const user = requireUser(request);
    return openItem(ctx, rt, user.actor, (request.params as { id: string }).id);
  });

  app.post('/api/federation/messages/:id/requeue', { schema: { tags, summary: 'Queue a failed message again (liaison), once the cause is fixed', params: IdParams } }, async (request) => {
    const user = requireUser(request);
    return requeueItem(ctx, rt, user.actor, (request.params as { id: string }).id);
  });

  app.get('/api/federation/threads/:id', { schema: { tags, summary: 'A thread: the request or alert and every response', params: IdParams } }, async (request) => {
    const user = requireUser(request);
    return readThread(ctx, rt, user.actor, (request.params as { id: string }).id);
  });

  app.post('/api/federation/messages/:id/forward', { schema: { tags, summary: 'Forward a received item to another partner, within its handling code', params: IdParams, body: Forward } }, async (request, reply) => {
    const user = requireUser(request);
    const body = request.body as { to: string; handling: HandlingValue; audience: { agencies: string[]; persons: string[] }; reason: string };
    const result = await forwardItem(ctx, rt, user.actor, (request.params as { id: string }).id, body);
    return reply.status(result.outcome === 'queued' ? 201 : 202).send(result);
  });

  app.get(
    '/api/federation/consents',
    { schema: { tags, summary: 'Requests for consent to forward, asked of this node or by it', querystring: Type.Object({ direction: Type.Optional(Enum(['incoming', 'outgoing'])), status: Type.Optional(Enum(['pending', 'granted', 'refused'])) }) } },
    async (request) => {
      const user = requireUser(request);
      const items = await listConsents(ctx, rt, user.actor, request.query as { direction?: 'incoming' | 'outgoing'; status?: 'pending' | 'granted' | 'refused' });
      return { items, total: items.length };
    },
  );

  app.post('/api/federation/consents/:id/decision', { schema: { tags, summary: 'Grant or refuse a partner’s request to forward one of this node’s items', params: IdParams, body: Decision } }, async (request) => {
    const user = requireUser(request);
    return decideConsent(ctx, rt, user.actor, (request.params as { id: string }).id, request.body as { granted: boolean; reason: string });
  });
}

// the API types promised to the web app are what the services return
type Assignable<From, To> = From extends To ? true : never;
export const FEDERATION_API_TYPES_AGREE: [
  Assignable<ItemSummary, FederationItemSummary>,
  Assignable<ItemDetail, FederationItemDetail>,
  Assignable<ConsentView, FederationConsent>,
  Assignable<PeerView, FederationPeer>,
  Assignable<Awaited<ReturnType<typeof shareableEntities>>, FederationShareable>,
  Assignable<SendInput, FederationSendRequest>,
] = [true, true, true, true, true, true];
