/**
 * Session cookie and CSRF: the session token travels only in an httpOnly SameSite=Strict
 * cookie; every state-changing API call must also carry the session's CSRF token in
 * the `x-csrf-token` header.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AlianzaError } from '../domain/errors';
import type { Actor, Session, User } from '../domain/model';
import { actorOf, resumeSession } from '../app/auth-service';
import type { AppContext } from '../app/context';
import type { Config } from './config';

export const SESSION_COOKIE = 'alianza_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    session: Session | null;
    sessionToken: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_EXEMPT = new Set(['/api/auth/login']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerSessions(app: FastifyInstance, ctx: AppContext, config: Config): void {
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await resumeSession(ctx, token);
      if (found) {
        request.user = found.user;
        request.session = found.session;
        request.sessionToken = token;
      }
    }
    const route = request.routeOptions.url ?? request.url;
    if (UNSAFE.has(request.method) && !CSRF_EXEMPT.has(route) && request.session) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.session.csrfToken)) {
        throw new AlianzaError('CSRF_INVALID');
      }
    }
  });

  void config;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    maxAge: config.sessionMaxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies });
}

/** The signed-in user, or a 401. Outside demo mode a user without TOTP may only enrol. */
export function requireUser(request: FastifyRequest, opts: { allowWithoutTotp?: boolean } = {}): User & { actor: Actor & { email: string } } {
  const user = request.user;
  if (!user) throw new AlianzaError('AUTH_REQUIRED');
  const demo = (request.server as FastifyInstance & { alianzaDemo?: boolean }).alianzaDemo;
  if (!demo && !user.totpEnabled && !opts.allowWithoutTotp) throw new AlianzaError('AUTH_TOTP_ENROLMENT_REQUIRED');
  return Object.assign(user, { actor: actorOf(user) });
}
