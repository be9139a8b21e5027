import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createEntity, readEntity, updateEntity } from '../../app/entity-service';
import { search } from '../../app/search-service';
import { presentEntity } from '../presenters';
import { requireUser } from '../session';
import type { RouteDeps } from './index';
import { IdParams, NewEntity, Properties } from './schemas';

export async function entityRoutes(app: FastifyInstance, { ctx }: RouteDeps): Promise<void> {
  app.post('/api/entities', { schema: { tags: ['entities'], summary: 'Create an entity of a schema', body: NewEntity } }, async (request, reply) => {
    const user = requireUser(request);
    const e = await createEntity(ctx, user.actor, request.body as { schema: string; properties: Record<string, string[]> });
    return reply.status(201).send(presentEntity({ entity: e, pseudonymised: false }));
  });

  app.get('/api/entities/:id', { schema: { tags: ['entities'], summary: 'An entity, its cases and its edges', params: IdParams } }, async (request) => {
    const user = requireUser(request);
    const b = await readEntity(ctx, user.actor, (request.params as { id: string }).id);
    return {
      entity: presentEntity(b.entity),
      cases: b.cases.map((c) => ({ caseId: c.kase.id, reference: c.kase.reference, title: c.kase.title, role: c.role })),
      edges: b.edges.map((x) => ({ edge: presentEntity(x.edge), source: presentEntity(x.source), target: presentEntity(x.target) })),
    };
  });

  app.patch(
    '/api/entities/:id',
    { schema: { tags: ['entities'], summary: 'Edit an entity', params: IdParams, body: Type.Object({ version: Type.Integer({ minimum: 1 }), properties: Properties }, { additionalProperties: false }) } },
    async (request) => {
      const user = requireUser(request);
      const body = request.body as { version: number; properties: Record<string, string[]> };
      const e = await updateEntity(ctx, user.actor, (request.params as { id: string }).id, body.version, body.properties);
      return presentEntity({ entity: e, pseudonymised: false });
    },
  );

  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Full-text search over cases and entities (accents and case ignored)',
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 200 }),
            type: Type.Optional(Type.Union([Type.Literal('case'), Type.Literal('entity')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            lang: Type.Optional(Type.String({ maxLength: 5 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = request.query as { q: string; type?: 'case' | 'entity'; limit: number };
      const found = await search(ctx, user.actor, q.q, { docType: q.type, limit: q.limit });
      const items = [
        ...found.cases.map((c) => ({ docType: 'case' as const, id: c.id, title: `${c.reference} — ${c.title}`, caseType: c.type, tlp: c.handling.tlp })),
        ...found.entities.map((e) => ({ docType: 'entity' as const, id: e.entity.id, title: e.entity.caption, schema: e.entity.schema })),
      ];
      return { items, total: items.length };
    },
  );
}
