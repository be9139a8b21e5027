import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AlianzaError } from '../../domain/errors';
import { canReadAudit } from '../../domain/policy';
import { audit } from '../../app/audit';
import { presentAudit } from '../presenters';
import { requireUser } from '../session';
import type { RouteDeps } from './index';
import { Paging } from './schemas';

export async function auditRoutes(app: FastifyInstance, { ctx }: RouteDeps): Promise<void> {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The node’s audit log, filtered (auditors and admins)',
        querystring: Type.Object(
          {
            actor: Type.Optional(Type.String({ maxLength: 254 })),
            case: Type.Optional(Type.String({ maxLength: 64 })),
            action: Type.Optional(Type.String({ maxLength: 80 })),
            from: Type.Optional(Type.String({ maxLength: 30 })),
            to: Type.Optional(Type.String({ maxLength: 30 })),
            lang: Type.Optional(Type.String({ maxLength: 5 })),
            ...Paging,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!canReadAudit(user.actor)) throw new AlianzaError('FORBIDDEN');
      const q = request.query as { actor?: string; case?: string; action?: string; from?: string; to?: string; limit: number; offset: number };
      let actorId: string | undefined;
      if (q.actor) {
        const u = q.actor.includes('@') ? await ctx.store.users.getByEmail(q.actor.trim().toLowerCase()) : await ctx.store.users.get(q.actor);
        actorId = u?.id ?? '00000000-0000-0000-0000-000000000000';
      }
      let caseId: string | undefined;
      if (q.case) {
        const k = (await ctx.store.cases.getByReference(q.case.trim().toUpperCase())) ?? (await ctx.store.cases.get(q.case.trim()));
        caseId = k?.id ?? '00000000-0000-0000-0000-000000000000';
      }
      const to = q.to && /^\d{4}-\d{2}-\d{2}$/.test(q.to) ? q.to + 'T23:59:59.999Z' : q.to;
      const page = await ctx.store.audit.list({ actorId, caseId, action: q.action, from: q.from, to, limit: q.limit, offset: q.offset });
      const caseIds = [...new Set(page.items.map((e) => e.caseId).filter((x): x is string => !!x))];
      const refs = new Map<string, string>();
      for (const id of caseIds) {
        const k = await ctx.store.cases.get(id);
        if (k) refs.set(id, k.reference);
      }
      await audit(ctx.store, ctx.clock, user.actor, { action: 'audit.read', detail: { actor: q.actor, case: q.case, action: q.action, from: q.from, to: q.to } });
      return { items: page.items.map((e) => presentAudit(e, refs)), total: page.total };
    },
  );

  app.get('/api/audit/verify', { schema: { tags: ['audit'], summary: 'Verify the audit log’s hash chain' } }, async (request) => {
    const user = requireUser(request);
    if (!canReadAudit(user.actor)) throw new AlianzaError('FORBIDDEN');
    const r = await ctx.store.audit.verify();
    await audit(ctx.store, ctx.clock, user.actor, { action: 'audit.verify', detail: { ok: r.ok, count: r.count } });
    return r.ok ? { ok: true, count: r.count } : { ok: false, count: r.count, firstBadSeq: r.firstBadSeq, reason: r.reason };
  });
}
