import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addMember, addSubject, caseAuditTrail, createCase, editCase, linkEntity, listCases, readCase, removeSubject } from '../../app/case-service';
import { matchingCaseIds } from '../../app/search-service';
import type { CaseMemberCapacity, SubjectRole } from '../../domain/model';
import type { NewCaseInput, CaseEdit as CaseEditInput } from '../../domain/case';
import { agencyMap, presentAudit, presentCaseDetail, presentCaseSummary } from '../presenters';
import { requireUser } from '../session';
import type { RouteDeps } from './index';
import { AddMember, AddSubject, CaseEdit, CaseListQuery, Enum, IdParams, LinkEntity, NewCase, Paging } from './schemas';
import { SUBJECT_ROLES } from '../../domain/model';

export async function caseRoutes(app: FastifyInstance, { ctx }: RouteDeps): Promise<void> {
  const detail = async (actor: Parameters<typeof readCase>[1], id: string, auditRead = true) =>
    presentCaseDetail(ctx, actor, await readCase(ctx, actor, id, { audit: auditRead }));

  app.get('/api/cases', { schema: { tags: ['cases'], summary: 'List and search cases', querystring: CaseListQuery } }, async (request) => {
    const user = requireUser(request);
    const q = request.query as { q?: string; status?: never; type?: never; tlp?: never; limit: number; offset: number };
    let ids: string[] | undefined;
    if (q.q && q.q.trim()) ids = await matchingCaseIds(ctx, user.actor, q.q);
    const page = await listCases(ctx, user.actor, { status: q.status, type: q.type, tlp: q.tlp, limit: q.limit, offset: q.offset, sort: 'updated_desc' }, ids);
    const agencies = await agencyMap(ctx);
    const counts = await Promise.all(page.items.map((c) => ctx.store.cases.listSubjects(c.id).then((s) => s.length)));
    return { items: page.items.map((c, i) => presentCaseSummary(c, agencies, counts[i] ?? 0)), total: page.total };
  });

  app.post('/api/cases', { schema: { tags: ['cases'], summary: 'Open a case', body: NewCase } }, async (request, reply) => {
    const user = requireUser(request);
    const kase = await createCase(ctx, user.actor, request.body as NewCaseInput);
    return reply.status(201).send(await detail(user.actor, kase.id, false));
  });

  app.get('/api/cases/:id', { schema: { tags: ['cases'], summary: 'A case, as this user may see it', params: IdParams } }, async (request) => {
    const user = requireUser(request);
    return detail(user.actor, (request.params as { id: string }).id);
  });

  app.patch('/api/cases/:id', { schema: { tags: ['cases'], summary: 'Edit a case (optimistic concurrency on version)', params: IdParams, body: CaseEdit } }, async (request) => {
    const user = requireUser(request);
    const id = (request.params as { id: string }).id;
    await editCase(ctx, user.actor, id, request.body as CaseEditInput & { version: number });
    return detail(user.actor, id, false);
  });

  app.post('/api/cases/:id/subjects', { schema: { tags: ['cases'], summary: 'Add a subject (existing or new entity) with a role', params: IdParams, body: AddSubject } }, async (request, reply) => {
    const user = requireUser(request);
    const id = (request.params as { id: string }).id;
    await addSubject(ctx, user.actor, id, request.body as { role: SubjectRole; entityId?: string; entity?: { schema: string; properties: Record<string, string[]> } });
    return reply.status(201).send(await detail(user.actor, id, false));
  });

  app.delete(
    '/api/cases/:id/subjects/:entityId',
    {
      schema: {
        tags: ['cases'],
        summary: 'Remove a subject',
        params: Type.Object({ id: IdParams.properties.id, entityId: IdParams.properties.id }),
        querystring: Type.Object({ role: Enum(SUBJECT_ROLES) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const p = request.params as { id: string; entityId: string };
      await removeSubject(ctx, user.actor, p.id, p.entityId, (request.query as { role: string }).role);
      return detail(user.actor, p.id, false);
    },
  );

  app.post('/api/cases/:id/entities', { schema: { tags: ['cases'], summary: 'Link an entity (phone, address, ...) to a case', params: IdParams, body: LinkEntity } }, async (request, reply) => {
    const user = requireUser(request);
    const id = (request.params as { id: string }).id;
    await linkEntity(ctx, user.actor, id, request.body as { entityId?: string; entity?: { schema: string; properties: Record<string, string[]> } });
    return reply.status(201).send(await detail(user.actor, id, false));
  });

  app.post('/api/cases/:id/members', { schema: { tags: ['cases'], summary: 'Assign a user to a case', params: IdParams, body: AddMember } }, async (request, reply) => {
    const user = requireUser(request);
    const id = (request.params as { id: string }).id;
    const body = request.body as { userId: string; capacity: CaseMemberCapacity };
    await addMember(ctx, user.actor, id, body.userId, body.capacity);
    return reply.status(201).send(await detail(user.actor, id, false));
  });

  app.get('/api/cases/:id/audit', { schema: { tags: ['cases'], summary: 'The case’s own audit trail', params: IdParams, querystring: Type.Object(Paging) } }, async (request) => {
    const user = requireUser(request);
    const id = (request.params as { id: string }).id;
    const q = request.query as { limit: number; offset: number };
    const page = await caseAuditTrail(ctx, user.actor, id, q.limit, q.offset);
    const kase = await ctx.store.cases.get(id);
    const refs = new Map(kase ? [[kase.id, kase.reference]] : []);
    return { items: page.items.map((e) => presentAudit(e, refs)), total: page.total };
  });
}
