/**
 * TOTP: enrolment, login with a code, replay refused, and the enrolment gate outside demo
 * mode (a user without TOTP may only enrol, read who they are, change language, sign out).
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpStepKey } from '../../src/app/auth-service';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ANALYST_EMAIL, ANALYST_PASSWORD, authNode, codeAt, enrolTotp, headersOf, postLogin, signIn, type AuthNode } from './auth-fixtures';

let node: AuthNode;

beforeAll(async () => {
  node = await authNode({ env: { ALIANZA_LOCKOUT_THRESHOLD: '20' } });
});
afterAll(async () => node?.close());

describe('TOTP enrolment and login', () => {
  let secret: string;

  it('setup returns a secret and an otpauth URL; a wrong code does not enable it, the right one does', async () => {
    const s = await signIn(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const setup = await node.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: headersOf(s) });
    expect(setup.statusCode, setup.body).toBe(200);
    secret = setup.json().secret;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const url = new URL(setup.json().otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(url.pathname)).toContain(ADMIN_EMAIL);
    expect(url.searchParams.get('issuer')).toContain('CA');

    const right = await generate({ secret });
    const wrong = right === '000000' ? '111111' : '000000';
    const bad = await node.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: headersOf(s, { 'accept-language': 'es' }), payload: { code: wrong } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('AUTH_TOTP_INVALID');
    expect(bad.json().error.message).toBe('That code is not valid. Check your device’s clock and try again.'); // the user's language wins over Accept-Language
    expect((await node.store.users.get(node.admin.id))?.totpEnabled).toBe(false);

    const ok = await node.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: headersOf(s), payload: { code: right } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().totpEnabled).toBe(true);
    expect((await node.store.users.get(node.admin.id))?.totpEnabled).toBe(true);
    expect(await node.store.settings.get(totpStepKey(node.admin.id))).toMatch(/^\d+$/);

    const again = await node.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: headersOf(s) });
    expect(again.statusCode).toBe(403);
    expect((await node.store.users.get(node.admin.id))?.totpSecret).toBe(secret);
  });

  it('login then asks for the code: none → AUTH_TOTP_REQUIRED, wrong → AUTH_TOTP_INVALID, right → 200', async () => {
    const none = await postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, { headers: { 'accept-language': 'fr' } });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('AUTH_TOTP_REQUIRED');
    expect(none.json().error.message).toMatch(/code à six chiffres/);
    expect(none.headers['set-cookie']).toBeUndefined();

    node.clock.advance(30_000); // the enrolment code's period is spent
    const right = await codeAt(secret, node.clock);
    const wrong = await postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, totp: right === '123456' ? '654321' : '123456' }, { headers: { 'accept-language': 'es' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('AUTH_TOTP_INVALID');
    expect(wrong.json().error.message).toMatch(/no es válido/);
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const wrongPassword = await postLogin(node.app, { email: ADMIN_EMAIL, password: 'not-it', totp: right });
    expect(wrongPassword.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');

    const ok = await postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, totp: right });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().totpEnrolmentRequired).toBe(false);
  });

  it('a code is good once: replaying it, or an older one still inside the window, is refused', async () => {
    node.clock.advance(30_000);
    const previous = await codeAt(secret, node.clock, -1); // inside the ±1 period window, but not newer than the last accepted step
    const current = await codeAt(secret, node.clock);
    const first = await postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, totp: current });
    expect(first.statusCode, first.body).toBe(200);
    const replay = await postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, totp: current });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('AUTH_TOTP_INVALID');
    const older = await postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, totp: previous });
    expect(older.json().error?.code).toBe('AUTH_TOTP_INVALID');
    node.clock.advance(30_000);
    const next = await postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, totp: await codeAt(secret, node.clock) });
    expect(next.statusCode).toBe(200);
  });

  it('the enrolment code itself cannot be used to sign in', async () => {
    const other = await authNode();
    try {
      const s = await signIn(other.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
      const setup = await other.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: headersOf(s) });
      const code = await codeAt(setup.json().secret, other.clock);
      expect((await other.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: headersOf(s), payload: { code } })).statusCode).toBe(200);
      const replay = await postLogin(other.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD, totp: code });
      expect(replay.json().error?.code).toBe('AUTH_TOTP_INVALID');
    } finally {
      await other.close();
    }
  });

  it('of two logins sent at once with the same code, exactly one succeeds', async () => {
    node.clock.advance(30_000);
    const code = await codeAt(secret, node.clock);
    const answers = await Promise.all([1, 2, 3].map(() => postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, totp: code })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401, 401]);
    for (const r of answers.filter((a) => a.statusCode === 401)) expect(r.json().error.code).toBe('AUTH_TOTP_INVALID');
  });
});

describe('outside demo mode a user without TOTP may only enrol', () => {
  const ALLOWED = new Set(['GET /api/auth/me', 'POST /api/auth/logout', 'PUT /api/auth/me/locale', 'POST /api/auth/totp/setup', 'POST /api/auth/totp/enable']);

  it('login says totpEnrolmentRequired, and every other API operation answers 403 AUTH_TOTP_ENROLMENT_REQUIRED in the user’s language', async () => {
    const login = await postLogin(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(login.json().totpEnrolmentRequired).toBe(true);
    const s = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });

    const spec = (await node.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const id = '00000000-0000-4000-8000-000000000000';
    let checked = 0;
    for (const [p, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${p}`;
        if (ALLOWED.has(key) || (Array.isArray(op.security) && op.security.length === 0)) continue;
        const url = p.replace(/\{[^}]+\}/g, id);
        const res = await node.app.inject({ method: method.toUpperCase() as 'GET', url, headers: headersOf(s), ...(method === 'get' || method === 'delete' ? {} : { payload: {} }) });
        expect(res.statusCode, key).toBe(403);
        expect(res.json().error.code, key).toBe('AUTH_TOTP_ENROLMENT_REQUIRED');
        expect(res.json().error.message, key).toBe('Configurez l’authentification à deux facteurs avant de continuer.');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
    const unknown = await node.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: headersOf(s) });
    expect(unknown.json().error.code).toBe('AUTH_TOTP_ENROLMENT_REQUIRED');
  });

  it('me, locale, enrolment and logout work; after enrolment everything opens', async () => {
    const s = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    const me = await node.app.inject({ method: 'GET', url: '/api/auth/me', headers: headersOf(s) });
    expect(me.statusCode).toBe(200);
    expect(me.json().totpEnrolmentRequired).toBe(true);
    const locale = await node.app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers: headersOf(s), payload: { locale: 'es' } });
    expect(locale.statusCode, locale.body).toBe(200);
    expect(locale.json().locale).toBe('es');
    const health = await node.app.inject({ method: 'GET', url: '/api/health', headers: headersOf(s) });
    expect(health.statusCode).toBe(200);

    await enrolTotp(node, s);
    const after = await node.app.inject({ method: 'GET', url: '/api/auth/me', headers: headersOf(s) });
    expect(after.json().totpEnrolmentRequired).toBe(false);
    const cases = await node.app.inject({ method: 'GET', url: '/api/cases', headers: headersOf(s) });
    expect(cases.statusCode, cases.body).toBe(200);

    const out = await node.app.inject({ method: 'POST', url: '/api/auth/logout', headers: headersOf(s) });
    expect(out.statusCode).toBe(204);
  });

  it('a demo node does not ask for TOTP', async () => {
    const demo = await authNode({ demo: true });
    try {
      const s = await signIn(demo.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
      const cases = await demo.app.inject({ method: 'GET', url: '/api/cases', headers: headersOf(s) });
      expect(cases.statusCode, cases.body).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
