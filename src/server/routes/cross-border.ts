/**
 * Cross-border matching and gradual disclosure over HTTP (docs/protocol/matching.md): the
 * state of the linkage secret, checks, hits, disclosure requests and decisions, and marking
 * an entity for the check. Shapes: src/server/api-types.ts ("Cross-border matching").
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AlianzaError } from '../../domain/errors';
import { CROSS_BORDER_STATUS, crossBorderErrors } from '../../app/cross-border-errors';
import {
  decideDisclosure,
  getDisclosure,
  linkageSecretStatus,
  listChecks,
  listDisclosures,
  listHits,
  markEntity,
  requestDisclosure,
  runCheck,
  type CrossBorderAccess,
  type CrossBorderCheckView as CheckView,
  type CrossBorderHitView as HitView,
  type DisclosureDecisionInput,
  type DisclosureRequestInput,
  type DisclosureView as AppDisclosureView,
  type LinkageSecretStatusView,
} from '../../app/cross-border-service';
import type { CrossBorderKind } from '../../linkage/pprl/cross-border-encoding';
import { errorBody, registerCatalogue } from '../http-errors';
import { requestLocale } from '../locale';
import { presentEntity } from '../presenters';
import { requireUser } from '../session';
import { federationFor } from '../federation-wiring';
import type {
  CrossBorderCheckRequest,
  CrossBorderCheckView,
  CrossBorderHitView,
  CrossBorderMarkBody,
  DisclosureDecisionBody,
  DisclosureRequestBody,
  DisclosureView,
  EntityDetail,
  LinkageSecretStatus,
} from '../api-types';
import type { RouteDeps } from './index';
import { Enum, IdParams, Paging } from './schemas';

const NodeId = Type.String({ minLength: 1, maxLength: 63, pattern: '^[a-z0-9][a-z0-9._-]{0,62}$' });
const Kind = Enum(['Person', 'Phone', 'Organization']);
const Lang = { lang: Type.Optional(Type.String({ maxLength: 5 })) };
const LegalBasis = Type.Object(
  { kind: Enum(['treaty', 'mlat', 'domestic_law', 'court_order', 'consent', 'vital_interest']), reference: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
const Field = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-zA-Z][a-zA-Z0-9]{0,63}$' });

const CheckBody = Type.Object({ peers: Type.Optional(Type.Array(NodeId, { maxItems: 20 })) }, { additionalProperties: false });
const CheckQuery = Type.Object({ direction: Type.Optional(Enum(['sent', 'received'])), peer: Type.Optional(NodeId), ...Paging, ...Lang }, { additionalProperties: false });
const HitQuery = Type.Object(
  { kind: Type.Optional(Kind), peer: Type.Optional(NodeId), minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })), ...Paging, ...Lang },
  { additionalProperties: false },
);
const RequestBody = Type.Object(
  {
    hitId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }),
    level: Enum(['contact', 'fields']),
    fields: Type.Array(Field, { maxItems: 20 }),
    legalBasis: LegalBasis,
    purpose: Type.String({ minLength: 1, maxLength: 1000 }),
    caseReference: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const DecisionBody = Type.Object(
  {
    decision: Enum(['approved', 'refused']),
    level: Type.Optional(Enum(['contact', 'fields'])),
    fields: Type.Optional(Type.Array(Field, { maxItems: 20 })),
    legalBasis: LegalBasis,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
const DisclosureQuery = Type.Object(
  { direction: Type.Optional(Enum(['outgoing', 'incoming'])), status: Type.Optional(Enum(['pending', 'approved', 'refused'])), ...Paging, ...Lang },
  { additionalProperties: false },
);
const MarkBody = Type.Object({ check: Type.Boolean() }, { additionalProperties: false });

/** Runs the handler; a refusal whose status the server's general rule would get wrong gets it here. */
const handled =
  <T>(fn: (request: FastifyRequest, reply: FastifyReply) => Promise<T>) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<T | FastifyReply> => {
    try {
      return await fn(request, reply);
    } catch (e) {
      const status = e instanceof AlianzaError ? CROSS_BORDER_STATUS[e.code] : undefined;
      if (status && e instanceof AlianzaError) return reply.status(status).send(errorBody(e, requestLocale(request)));
      throw e;
    }
  };

export async function crossBorderRoutes(app: FastifyInstance, { ctx, config }: RouteDeps): Promise<void> {
  registerCatalogue(crossBorderErrors);
  const rt = federationFor(ctx, { dataDir: config.dataDir });
  const access: CrossBorderAccess = { federation: rt.federation, peers: rt.peers, sealer: rt.linkageSealer, outbox: rt.outbox };
  const tags = ['cross-border'];

  app.get('/api/cross-border/secret', { schema: { tags, summary: 'The trilateral linkage secret: version, fingerprint and date (admins, liaison officers); never the secret' } }, handled(async (request): Promise<LinkageSecretStatus> => {
    const user = requireUser(request);
    return linkageSecretStatus(ctx, user.actor);
  }));

  app.post(
    '/api/cross-border/checks',
    { schema: { tags, summary: 'Run the cross-border check: encode the marked people, phones and organisations and send one query per partner', body: CheckBody } },
    handled(async (request, reply) => {
      const user = requireUser(request);
      const body = (request.body ?? {}) as CrossBorderCheckRequest;
      const views: CrossBorderCheckView[] = await runCheck(ctx, access, user.actor, body.peers);
      return reply.status(202).send(views);
    }),
  );

  app.get('/api/cross-border/checks', { schema: { tags, summary: 'Checks sent and answered, newest first', querystring: CheckQuery } }, handled(async (request) => {
    const user = requireUser(request);
    const q = request.query as { direction?: 'sent' | 'received'; peer?: string; limit: number; offset: number };
    return listChecks(ctx, access, user.actor, q);
  }));

  app.get('/api/cross-border/hits', { schema: { tags, summary: 'Hits on both sides, best score first: this node’s record as the user may see it and the partner’s opaque reference', querystring: HitQuery } }, handled(async (request) => {
    const user = requireUser(request);
    const q = request.query as { kind?: CrossBorderKind; peer?: string; minScore?: number; limit: number; offset: number };
    return listHits(ctx, access, user.actor, q);
  }));

  app.post('/api/cross-border/disclosures', { schema: { tags, summary: 'Ask the partner that owns a hit for its contact or chosen fields, under a legal basis', body: RequestBody } }, handled(async (request, reply) => {
    const user = requireUser(request);
    const view: DisclosureView = await requestDisclosure(ctx, access, user.actor, request.body as DisclosureRequestBody);
    return reply.status(201).send(view);
  }));

  app.get('/api/cross-border/disclosures', { schema: { tags, summary: 'Disclosure requests, sent and received, newest first', querystring: DisclosureQuery } }, handled(async (request) => {
    const user = requireUser(request);
    const q = request.query as { direction?: 'outgoing' | 'incoming'; status?: 'pending' | 'approved' | 'refused'; limit: number; offset: number };
    return listDisclosures(ctx, access, user.actor, q);
  }));

  app.get('/api/cross-border/disclosures/:id', { schema: { tags, summary: 'One disclosure request with its decision (reading disclosed fields is audited)', params: IdParams } }, handled(async (request) => {
    const user = requireUser(request);
    return getDisclosure(ctx, access, user.actor, (request.params as { id: string }).id);
  }));

  app.post(
    '/api/cross-border/disclosures/:id/decision',
    { schema: { tags, summary: 'Approve (at most what was asked) or refuse a partner’s request, under a legal basis (liaison officers)', params: IdParams, body: DecisionBody } },
    handled(async (request) => {
      const user = requireUser(request);
      return decideDisclosure(ctx, access, user.actor, (request.params as { id: string }).id, request.body as DisclosureDecisionBody);
    }),
  );

  app.put('/api/entities/:id/cross-border', { schema: { tags: ['entities', ...tags], summary: 'Mark or unmark a person, phone or organisation for the cross-border check', params: IdParams, body: MarkBody } }, handled(async (request): Promise<EntityDetail> => {
    const user = requireUser(request);
    const b = await markEntity(ctx, user.actor, (request.params as { id: string }).id, (request.body as CrossBorderMarkBody).check);
    return {
      entity: presentEntity(b.entity),
      cases: b.cases.map((c) => ({ caseId: c.kase.id, reference: c.kase.reference, title: c.kase.title, role: c.role as EntityDetail['cases'][number]['role'] })),
      edges: b.edges.map((x) => ({ edge: presentEntity(x.edge), source: presentEntity(x.source), target: presentEntity(x.target) })),
    };
  }));
}

// the API types promised to the web app are what the services return and accept
type Assignable<From, To> = From extends To ? true : never;
export const CROSS_BORDER_API_TYPES_AGREE: [
  Assignable<LinkageSecretStatusView, LinkageSecretStatus>,
  Assignable<CheckView, CrossBorderCheckView>,
  Assignable<HitView, CrossBorderHitView>,
  Assignable<AppDisclosureView, DisclosureView>,
  Assignable<DisclosureRequestBody, DisclosureRequestInput>,
  Assignable<DisclosureDecisionBody, DisclosureDecisionInput>,
] = [true, true, true, true, true, true];
