/**
 * Entity resolution over HTTP: runs (as jobs), the review queue, decisions, undo, and where
 * a merged record went. Shapes: src/server/api-types.ts; rules: docs/resolution-review.md.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AlianzaError } from '../../domain/errors';
import type { EntityMerge, ResolutionRun } from '../../store/ports';
import type { MergeHistory } from '../../app/entity-merge';
import { resolutionErrors } from '../../app/resolution-errors';
import {
  confirmPair,
  entityResolution,
  getRun,
  listReviewPairs,
  processResolutionJobs,
  readReviewPair,
  rejectPair,
  requestResolutionRun,
  undoMerge,
  type PairSeen,
} from '../../app/resolution-service';
import type { PairExplanation } from '../../app/resolution-candidates';
import { errorBody, registerCatalogue } from '../http-errors';
import { requestLocale } from '../locale';
import { presentEntity } from '../presenters';
import { requireUser } from '../session';
import type { EntityResolutionView, MergeView, ResolutionPairView, ResolutionRunView } from '../api-types';
import type { RouteDeps } from './index';
import { Enum, Id, IdParams, Paging } from './schemas';

const Decision = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 2000 })), survivorId: Type.Optional(Id) },
  { additionalProperties: false },
);
const UndoBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
const PairQuery = Type.Object(
  {
    status: Type.Optional(Enum(['pending', 'confirmed', 'rejected', 'split'])),
    decision: Type.Optional(Enum(['match', 'review'])),
    schema: Type.Optional(Enum(['Person', 'Organization', 'Phone'])),
    lang: Type.Optional(Type.String({ maxLength: 5 })),
    ...Paging,
  },
  { additionalProperties: false },
);
const RunParams = Type.Object({ id: Type.Union([Type.Literal('latest'), Id]) });

/** A pair a user may see but not decide is forbidden to them (the server's catalogue maps unknown codes to 400). */
const STATUS: Record<string, number> = { RESOLUTION_PAIR_RESTRICTED: 403, RESOLUTION_UNAVAILABLE: 503 };

function presentRun(run: ResolutionRun): ResolutionRunView {
  const s = run.summary as Record<string, unknown> | null;
  const n = (k: string): number => (typeof s?.[k] === 'number' ? (s[k] as number) : 0);
  return {
    id: run.id,
    status: run.status,
    requestedAt: run.requestedAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    summary: s
      ? {
          people: n('people'),
          organizations: n('organizations'),
          phones: n('phones'),
          proposed: n('proposed'),
          review: n('review'),
          alreadyDecided: n('alreadyDecided'),
          threshold: n('threshold'),
          reviewThreshold: n('reviewThreshold'),
          labels: n('labels'),
          mFromLabels: s.mFromLabels === true,
        }
      : null,
    error: run.error,
  };
}

function presentMerge(m: EntityMerge): MergeView {
  const h = m.history as Partial<MergeHistory>;
  return { id: m.id, survivorId: m.survivorId, mergedId: m.mergedId, status: m.status, mergedAt: m.mergedAt, undoneAt: m.undoneAt, conflicts: h.conflicts ?? [] };
}

function presentPair(s: PairSeen): ResolutionPairView {
  const p = s.pair;
  const x = p.explanation as PairExplanation | null;
  const side = (v: PairSeen['left']) => ({ schema: v.schema, entity: v.entity ? presentEntity({ entity: v.entity, pseudonymised: false }) : null, pseudonym: v.pseudonym });
  return {
    id: p.id,
    schema: p.schema,
    probability: p.probability,
    weight: p.weight,
    decision: p.decision,
    status: p.status,
    restricted: s.restricted,
    canDecide: s.canDecide,
    left: side(s.left),
    right: side(s.right),
    explanation: s.canDecide && x ? { kind: x.kind, priorWeight: x.priorWeight, transposedNames: x.transposedNames, parts: x.parts } : null,
    createdAt: p.createdAt,
    decidedAt: p.decidedAt,
    note: s.canDecide ? p.note : null,
    merge: s.canDecide && s.merge ? presentMerge(s.merge) : null,
  };
}

/** Runs the handler; a refusal whose status the server's table does not know gets it here. */
const handled =
  <T>(fn: (request: FastifyRequest, reply: FastifyReply) => Promise<T>) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<T | FastifyReply> => {
    try {
      return await fn(request, reply);
    } catch (e) {
      const status = e instanceof AlianzaError ? STATUS[e.code] : undefined;
      if (status && e instanceof AlianzaError) return reply.status(status).send(errorBody(e, requestLocale(request)));
      throw e;
    }
  };

export async function resolutionRoutes(app: FastifyInstance, { ctx }: RouteDeps): Promise<void> {
  registerCatalogue(resolutionErrors);
  let draining: Promise<unknown> | null = null;
  /** Carries out queued runs in this process, one drain at a time. */
  const drain = (): void => {
    if (draining) return;
    draining = processResolutionJobs(ctx)
      .catch((err: unknown) => app.log.error({ err }, 'entity resolution job failed'))
      .finally(() => {
        draining = null;
      });
  };
  app.addHook('onClose', async () => {
    await draining;
  });

  app.post('/api/resolution/runs', { schema: { tags: ['resolution'], summary: 'Queue an entity resolution run over the node (people, organisations, phones)' } }, handled(async (request, reply) => {
    const user = requireUser(request);
    const run = await requestResolutionRun(ctx, user.actor);
    drain();
    return reply.status(202).send(presentRun(run));
  }));

  app.get('/api/resolution/runs/:id', { schema: { tags: ['resolution'], summary: 'A resolution run (or the latest)', params: RunParams } }, handled(async (request) => {
    const user = requireUser(request);
    return presentRun(await getRun(ctx, user.actor, (request.params as { id: string }).id));
  }));

  app.get('/api/resolution/pairs', { schema: { tags: ['resolution'], summary: 'The review queue: candidate pairs as this user may see them', querystring: PairQuery } }, handled(async (request) => {
    const user = requireUser(request);
    const q = request.query as { status?: 'pending' | 'confirmed' | 'rejected' | 'split'; decision?: 'match' | 'review'; schema?: string; limit: number; offset: number };
    const page = await listReviewPairs(ctx, user.actor, { status: q.status ?? 'pending', decision: q.decision, schema: q.schema, limit: q.limit, offset: q.offset });
    return { items: page.items.map(presentPair), total: page.total };
  }));

  app.get('/api/resolution/pairs/:id', { schema: { tags: ['resolution'], summary: 'One candidate pair, explained field by field', params: IdParams } }, handled(async (request) => {
    const user = requireUser(request);
    return presentPair(await readReviewPair(ctx, user.actor, (request.params as { id: string }).id));
  }));

  app.post('/api/resolution/pairs/:id/confirm', { schema: { tags: ['resolution'], summary: 'Confirm a pair: the two records are merged', params: IdParams, body: Decision } }, handled(async (request) => {
    const user = requireUser(request);
    const body = (request.body ?? {}) as { note?: string; survivorId?: string };
    return presentPair(await confirmPair(ctx, user.actor, (request.params as { id: string }).id, body));
  }));

  app.post('/api/resolution/pairs/:id/reject', { schema: { tags: ['resolution'], summary: 'Reject a pair: the records are different', params: IdParams, body: UndoBody } }, handled(async (request) => {
    const user = requireUser(request);
    const body = (request.body ?? {}) as { note?: string };
    return presentPair(await rejectPair(ctx, user.actor, (request.params as { id: string }).id, body));
  }));

  app.post('/api/resolution/merges/:id/undo', { schema: { tags: ['resolution'], summary: 'Undo a merge: both records as they were', params: IdParams, body: UndoBody } }, handled(async (request) => {
    const user = requireUser(request);
    const body = (request.body ?? {}) as { note?: string };
    return presentPair(await undoMerge(ctx, user.actor, (request.params as { id: string }).id, body));
  }));

  app.get('/api/resolution/entities/:id', { schema: { tags: ['resolution'], summary: 'Where a record went: the record holding it after a merge', params: IdParams } }, handled(async (request): Promise<EntityResolutionView> => {
    const user = requireUser(request);
    const r = await entityResolution(ctx, user.actor, (request.params as { id: string }).id);
    return { entityId: r.entityId, mergedInto: r.mergedInto, mergedFrom: r.mergedFrom.map(presentMerge) };
  }));
}
