import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addAgency, addUser, editUser } from '../../app/user-service';
import { AlianzaError } from '../../domain/errors';
import { LOCALES, ROLES, type Locale, type Role } from '../../domain/model';
import { canManageUsers } from '../../domain/policy';
import { agencyMap, presentAgency, presentUser } from '../presenters';
import { requireUser } from '../session';
import type { RouteDeps } from './index';
import { Enum, Id, IdParams } from './schemas';

export async function adminRoutes(app: FastifyInstance, { ctx }: RouteDeps): Promise<void> {
  app.get('/api/admin/users', { schema: { tags: ['admin'], summary: 'All users of the node' } }, async (request) => {
    const user = requireUser(request);
    if (!canManageUsers(user.actor)) throw new AlianzaError('FORBIDDEN');
    const agencies = await agencyMap(ctx);
    const users = await ctx.store.users.list();
    return { items: users.map((u) => presentUser(u, agencies)), total: users.length };
  });

  app.get('/api/users', { schema: { tags: ['admin'], summary: 'Colleagues on this node (for assignments)' } }, async (request) => {
    requireUser(request);
    const agencies = await agencyMap(ctx);
    const users = (await ctx.store.users.list()).filter((u) => !u.disabled);
    return { items: users.map((u) => presentUser(u, agencies)), total: users.length };
  });

  app.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a user; the generated password is returned once',
        body: Type.Object(
          {
            email: Type.String({ minLength: 3, maxLength: 254 }),
            displayName: Type.String({ minLength: 1, maxLength: 120 }),
            role: Enum(ROLES),
            agencyId: Id,
            locale: Enum(LOCALES),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body as { email: string; displayName: string; role: Role; agencyId: string; locale: Locale };
      const out = await addUser(ctx, user.actor, body);
      return reply.status(201).send({ user: presentUser(out.user, await agencyMap(ctx)), initialPassword: out.password });
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a user’s role, agency or status',
        params: IdParams,
        body: Type.Object(
          {
            role: Type.Optional(Enum(ROLES)),
            disabled: Type.Optional(Type.Boolean()),
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            agencyId: Type.Optional(Id),
            unlock: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const updated = await editUser(ctx, user.actor, (request.params as { id: string }).id, request.body as never);
      return presentUser(updated, await agencyMap(ctx));
    },
  );

  app.get('/api/admin/agencies', { schema: { tags: ['admin'], summary: 'Agencies of the node' } }, async (request) => {
    requireUser(request);
    const agencies = await ctx.store.agencies.list();
    return { items: agencies.map(presentAgency), total: agencies.length };
  });

  app.post(
    '/api/admin/agencies',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create an agency',
        body: Type.Object(
          { code: Type.String({ minLength: 2, maxLength: 16, pattern: '^[A-Za-z0-9-]+$' }), name: Type.String({ minLength: 2, maxLength: 200 }), country: Type.String({ minLength: 2, maxLength: 2 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const a = await addAgency(ctx, user.actor, request.body as { code: string; name: string; country: string });
      return reply.status(201).send(presentAgency(a));
    },
  );
}
