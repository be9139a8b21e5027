import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { beginTotpEnrolment, confirmTotpEnrolment, login, logout, setLocale } from '../../app/auth-service';
import type { RouteDeps } from './index';
import { presentMe } from '../presenters';
import { clearSessionCookie, requireUser, setSessionCookie } from '../session';
import { AlianzaError } from '../../domain/errors';

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(Type.String({ maxLength: 12 })),
  },
  { additionalProperties: false },
);

export async function authRoutes(app: FastifyInstance, { ctx, config }: RouteDeps): Promise<void> {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: LoginBody, security: [] },
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (req) => req.ip } },
    },
    async (request, reply) => {
      const body = request.body as { email: string; password: string; totp?: string };
      const out = await login(ctx, { ...body, ip: request.ip, previousToken: request.sessionToken });
      setSessionCookie(reply, config, out.token);
      request.user = out.user;
      return { user: await presentMe(ctx, out.user), csrfToken: out.session.csrfToken, totpEnrolmentRequired: out.totpEnrolmentRequired };
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token' } }, async (request) => {
    const user = requireUser(request, { allowWithoutTotp: true });
    return { user: await presentMe(ctx, user), csrfToken: request.session!.csrfToken, totpEnrolmentRequired: !config.demo && !user.totpEnabled };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (request, reply) => {
    const user = requireUser(request, { allowWithoutTotp: true });
    await logout(ctx, request.sessionToken!, user);
    clearSessionCookie(reply, config);
    return reply.status(204).send();
  });

  app.put(
    '/api/auth/me/locale',
    {
      schema: {
        tags: ['auth'],
        summary: 'Remember the user’s language',
        body: Type.Object({ locale: Type.Union([Type.Literal('en'), Type.Literal('fr'), Type.Literal('es')]) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const user = requireUser(request, { allowWithoutTotp: true });
      const updated = await setLocale(ctx, user, (request.body as { locale: string }).locale);
      request.user = updated;
      return presentMe(ctx, updated);
    },
  );

  app.post('/api/auth/totp/setup', { schema: { tags: ['auth'], summary: 'Start TOTP enrolment' } }, async (request) => {
    const user = requireUser(request, { allowWithoutTotp: true });
    if (user.totpEnabled) throw new AlianzaError('FORBIDDEN');
    return beginTotpEnrolment(ctx, user);
  });

  app.post(
    '/api/auth/totp/enable',
    {
      schema: { tags: ['auth'], summary: 'Confirm TOTP enrolment with a code', body: Type.Object({ code: Type.String({ minLength: 6, maxLength: 8 }) }, { additionalProperties: false }) },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => {
      const user = requireUser(request, { allowWithoutTotp: true });
      const updated = await confirmTotpEnrolment(ctx, user, (request.body as { code: string }).code);
      return presentMe(ctx, updated);
    },
  );
}
