/**
 * Session cookie, CSRF and the TOTP enrolment gate. The session token travels only in an
 * httpOnly SameSite=Strict cookie (Secure outside demo mode); every state-changing API call
 * must carry the session's CSRF token in the `x-csrf-token` header, and a browser's Origin
 * (or Sec-Fetch-Site) must name this node. Outside demo mode a signed-in user without TOTP
 * may only enrol, read who they are, change language and sign out.
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
/** Routes that need no CSRF token: there is no session to protect yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);
/** What a signed-in user without TOTP may still call outside demo mode. */
export const ALLOWED_BEFORE_TOTP = new Set(['/api/auth/login', '/api/auth/me', '/api/auth/logout', '/api/auth/me/locale', '/api/auth/totp/setup', '/api/auth/totp/enable']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A route anyone may call (declared with `security: []`), or the API documentation. */
function isPublicRoute(request: FastifyRequest, route: string): boolean {
  const security = (request.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
  return (Array.isArray(security) && security.length === 0) || route === '/api/openapi.json' || route.startsWith('/api/docs');
}

/**
 * True when the browser says the request comes from this node's own pages. Without Origin and
 * Sec-Fetch-Site (non-browser clients) the CSRF token alone decides. With Secure cookies only an
 * https origin counts; the host must be the one the request was sent to.
 */
export function sameOrigin(request: FastifyRequest, config: Config): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (config.publicOrigin) return origin === config.publicOrigin;
  const host = request.headers.host;
  if (!host) return false;
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    return false; // includes the opaque origin "null"
  }
  const schemes = config.tls || config.secureCookies ? ['https:'] : ['http:', 'https:'];
  if (!schemes.includes(given.protocol)) return false;
  try {
    return new URL(`${given.protocol}//${host}`).origin === given.origin;
  } catch {
    return false;
  }
}

export function registerSessions(app: FastifyInstance, ctx: AppContext, config: Config): void {
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const route = request.routeOptions.url ?? request.url.split('?')[0]!;
    const unsafe = UNSAFE.has(request.method);
    if (unsafe && !sameOrigin(request, config)) throw new AlianzaError('CSRF_INVALID');

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await resumeSession(ctx, token);
      if (found) {
        request.user = found.user;
        request.session = found.session;
        request.sessionToken = token;
      }
    }
    if (unsafe && !CSRF_EXEMPT.has(route) && request.session) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.session.csrfToken)) {
        throw new AlianzaError('CSRF_INVALID');
      }
    }
    if (!config.demo && request.user && !request.user.totpEnabled && !ALLOWED_BEFORE_TOTP.has(route) && !isPublicRoute(request, route)) {
      throw new AlianzaError('AUTH_TOTP_ENROLMENT_REQUIRED');
    }
  });
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
