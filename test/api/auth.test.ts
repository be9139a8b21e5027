/**
 * Signing in on a node outside demo mode: the session cookie and what is stored, wrong
 * credentials without user enumeration, lockout on the node's clock, the per-IP login limit,
 * and the end of sessions (logout, disabled account, idle timeout, absolute lifetime).
 */
import { hash, verify } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/app/auth-service';
import { dbFile } from '../../src/server/node-files';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  ANALYST_EMAIL,
  ANALYST_PASSWORD,
  auditActions,
  authNode,
  freshIp,
  headersOf,
  postLogin,
  sessionOf,
  signIn,
  type AuthNode,
} from './auth-fixtures';

let node: AuthNode;

beforeAll(async () => {
  node = await authNode({ env: { ALIANZA_LOCKOUT_THRESHOLD: '3', ALIANZA_LOCKOUT_MINUTES: '15', ALIANZA_SESSION_IDLE_MINUTES: '10', ALIANZA_SESSION_MAX_HOURS: '1' } });
});
afterAll(async () => node?.close());

function cookieAttributes(setCookie: string): Map<string, string> {
  return new Map(
    setCookie
      .split(';')
      .slice(1)
      .map((p) => p.trim().split('='))
      .map(([k, v]) => [k!.toLowerCase(), v ?? ''] as [string, string]),
  );
}

/** Every text value of every table of the node's database, joined. */
function wholeDatabase(): string {
  const db = new Database(dbFile(node.dir), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n');
  } finally {
    db.close();
  }
}

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/ and Secure outside demo mode; the answer carries the CSRF token', async () => {
    expect(node.config.demo).toBe(false);
    expect(node.config.secureCookies).toBe(true);
    const res = await postLogin(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const s = sessionOf(res);
    expect(s.token.length).toBeGreaterThanOrEqual(40);
    const attrs = cookieAttributes(s.setCookie);
    expect(attrs.has('httponly')).toBe(true);
    expect(attrs.get('samesite')).toBe('Strict');
    expect(attrs.get('path')).toBe('/');
    expect(attrs.has('secure')).toBe(true);
    expect(s.csrf).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    expect(res.json().totpEnrolmentRequired).toBe(true);
    expect(res.json().user.email).toBe(ANALYST_EMAIL);
    const me = await node.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(s.csrf);
  });

  it('has no Secure flag on a demo node on plain HTTP', async () => {
    const demo = await authNode({ demo: true });
    try {
      expect(demo.config.secureCookies).toBe(false);
      const res = await postLogin(demo.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
      expect(res.statusCode).toBe(200);
      const attrs = cookieAttributes(sessionOf(res).setCookie);
      expect(attrs.has('secure')).toBe(false);
      expect(attrs.has('httponly')).toBe(true);
      expect(res.json().totpEnrolmentRequired).toBe(false);
    } finally {
      await demo.close();
    }
  });

  it('is stored only as a hash: the database never holds the raw token; passwords are argon2id hashes', async () => {
    const s = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    expect(await node.store.sessions.get(s.token)).toBeUndefined();
    const stored = await node.store.sessions.get(hashToken(s.token));
    expect(stored?.userId).toBe(node.analyst.id);
    const everything = wholeDatabase();
    expect(everything).toContain(hashToken(s.token));
    expect(everything).not.toContain(s.token);
    expect(everything).not.toContain(ANALYST_PASSWORD);
    const users = await node.store.users.list();
    expect(users.length).toBe(2);
    for (const u of users) {
      const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(u.passwordHash);
      expect(m, u.email).not.toBeNull();
      expect(Number(m![1])).toBeGreaterThanOrEqual(19456); // OWASP minimum: 19 MiB, 2 passes
      expect(Number(m![2])).toBeGreaterThanOrEqual(2);
    }
  });

  it('a hash weaker than today’s parameters (or not argon2id) is replaced at the next login', async () => {
    const other = await authNode();
    try {
      for (const weak of [await hash(ANALYST_PASSWORD, { algorithm: 1, memoryCost: 4096, timeCost: 3 }), await hash(ANALYST_PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1 })]) {
        await other.store.users.update(other.analyst.id, { passwordHash: weak });
        expect((await postLogin(other.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD })).statusCode).toBe(200);
        const now = (await other.store.users.get(other.analyst.id))!.passwordHash;
        expect(now).not.toBe(weak);
        expect(now).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
        expect(await verify(now, ANALYST_PASSWORD)).toBe(true);
      }
      const current = (await other.store.users.get(other.analyst.id))!.passwordHash;
      await postLogin(other.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
      expect((await other.store.users.get(other.analyst.id))!.passwordHash).toBe(current);
    } finally {
      await other.close();
    }
  });

  it('a new login ends the session the browser held before', async () => {
    const first = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    const again = await node.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: freshIp(), headers: { cookie: first.cookie }, payload: { email: ANALYST_EMAIL, password: ANALYST_PASSWORD } });
    expect(again.statusCode).toBe(200);
    expect(sessionOf(again).token).not.toBe(first.token);
    expect(await node.store.sessions.get(hashToken(first.token))).toBeUndefined();
  });
});

describe('wrong credentials', () => {
  it('a wrong password is 401 AUTH_INVALID_CREDENTIALS in the caller’s language', async () => {
    for (const [lang, text] of [
      ['en', /e-mail or the password/],
      ['fr', /mot de passe est incorrect/],
      ['es', /contraseña no son correctos/],
    ] as const) {
      const res = await postLogin(node.app, { email: ADMIN_EMAIL, password: 'not-the-password' }, { headers: { 'accept-language': lang } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(res.json().error.message).toMatch(text);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    await node.store.users.update(node.admin.id, { failedLogins: 0, lockedUntil: null });
  });

  it('an unknown e-mail gets exactly the same answer as a wrong password', async () => {
    const wrong = await postLogin(node.app, { email: ADMIN_EMAIL, password: 'not-the-password' });
    const unknown = await postLogin(node.app, { email: 'nobody@ca.test', password: 'not-the-password' });
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.body).toBe(wrong.body);
    await node.store.users.update(node.admin.id, { failedLogins: 0, lockedUntil: null });
  });

  it('a disabled account answers like an unknown e-mail, even with the right password', async () => {
    const other = await authNode();
    try {
      await other.store.users.update(other.analyst.id, { disabled: true });
      const disabled = await postLogin(other.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
      const unknown = await postLogin(other.app, { email: 'nobody@ca.test', password: ANALYST_PASSWORD });
      expect(disabled.statusCode).toBe(401);
      expect(disabled.body).toBe(unknown.body);
    } finally {
      await other.close();
    }
  });
});

describe('lockout after lockoutThreshold failures', () => {
  it('locks the account even for the right password until lockedUntil, on the node’s clock, and audits every step', async () => {
    const threshold = node.config.lockoutThreshold;
    expect(threshold).toBe(3);
    const ip = freshIp();
    await node.store.users.update(node.admin.id, { failedLogins: 0, lockedUntil: null });
    const before = (await auditActions(node.store, node.admin.id)).length;
    for (let i = 0; i < threshold; i++) {
      const res = await postLogin(node.app, { email: ADMIN_EMAIL, password: `wrong-${i}` }, { ip });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    const stored = await node.store.users.get(node.admin.id);
    expect(stored?.lockedUntil).toBeTruthy();
    const locked = await postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, { ip: freshIp(), headers: { 'accept-language': 'es' } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('AUTH_LOCKED');
    expect(locked.json().error.message).toContain('bloqueada hasta');
    expect(locked.json().error.message).toContain(stored!.lockedUntil!);
    expect(locked.headers['set-cookie']).toBeUndefined();

    node.clock.minutes(node.config.lockoutMinutes - 1);
    const stillLocked = await postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(stillLocked.json().error?.code).toBe('AUTH_LOCKED');
    node.clock.minutes(2);
    const open = await postLogin(node.app, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(open.statusCode, open.body).toBe(200);
    expect(await node.store.users.get(node.admin.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });

    const actions = (await auditActions(node.store, node.admin.id)).slice(before);
    expect(actions.filter((a) => a === 'auth.login.failed')).toHaveLength(threshold);
    expect(actions.filter((a) => a === 'auth.lockout')).toHaveLength(1);
    expect(actions.filter((a) => a === 'auth.login.locked')).toHaveLength(2);
    expect(actions.at(-1)).toBe('auth.login');
  });

  it('failures sent at the same moment are all counted', async () => {
    const other = await authNode({ env: { ALIANZA_LOCKOUT_THRESHOLD: '4' } });
    try {
      const answers = await Promise.all([0, 1, 2, 3].map((i) => postLogin(other.app, { email: ANALYST_EMAIL, password: `wrong-${i}` })));
      expect(answers.map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
      const locked = await postLogin(other.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
      expect(locked.json().error?.code).toBe('AUTH_LOCKED');
    } finally {
      await other.close();
    }
  });

  it('an unknown e-mail locks after as many failures, so the lock does not reveal which accounts exist', async () => {
    const email = 'ghost@ca.test';
    for (let i = 0; i < node.config.lockoutThreshold; i++) {
      expect((await postLogin(node.app, { email, password: `wrong-${i}` })).json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    const locked = await postLogin(node.app, { email, password: 'anything' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('AUTH_LOCKED');
    const page = await node.store.audit.list({ action: 'auth.lockout', limit: 100 });
    expect(page.items.some((e) => e.detail.email === email)).toBe(true);
  });
});

describe('the per-IP login rate limit', () => {
  it('answers 429 RATE_LIMITED in the caller’s language after the limit; other addresses are not affected', async () => {
    const ip = freshIp();
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await postLogin(node.app, { email: `visitor${i}@ca.test`, password: 'x' }, { ip });
      codes.push(res.json().error.code);
    }
    expect(new Set(codes)).toEqual(new Set(['AUTH_INVALID_CREDENTIALS']));
    const limited = await postLogin(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD }, { ip, headers: { 'accept-language': 'fr' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.json().error.message).toBe('Trop de requêtes. Patientez un instant et réessayez.');
    expect(limited.headers['set-cookie']).toBeUndefined();
    const elsewhere = await postLogin(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD }, { ip: freshIp() });
    expect(elsewhere.statusCode).toBe(200);
  });
});

describe('the end of a session', () => {
  const me = (cookie: string) => node.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  it('logout deletes the session: the cookie no longer works', async () => {
    const s = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    expect((await me(s.cookie)).statusCode).toBe(200);
    const out = await node.app.inject({ method: 'POST', url: '/api/auth/logout', headers: headersOf(s) });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/alianza_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await node.store.sessions.get(hashToken(s.token))).toBeUndefined();
    const after = await me(s.cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('logout without the CSRF token is refused and the session lives on', async () => {
    const s = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    const out = await node.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(out.json().error.code).toBe('CSRF_INVALID');
    expect((await me(s.cookie)).statusCode).toBe(200);
  });

  it('a disabled user’s sessions stop working at once', async () => {
    const s = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    expect((await me(s.cookie)).statusCode).toBe(200);
    await node.store.users.update(node.analyst.id, { disabled: true });
    try {
      expect((await me(s.cookie)).statusCode).toBe(401);
      expect(await node.store.sessions.get(hashToken(s.token))).toBeUndefined();
    } finally {
      await node.store.users.update(node.analyst.id, { disabled: false });
    }
    expect((await me(s.cookie)).statusCode).toBe(401);
  });

  it('the idle timeout ends a session that is not used; use slides it', async () => {
    const idle = node.config.sessionIdleMinutes;
    expect(idle).toBe(10);
    const active = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    const dormant = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    node.clock.minutes(idle - 2);
    expect((await me(active.cookie)).statusCode).toBe(200);
    node.clock.minutes(3);
    expect((await me(active.cookie)).statusCode).toBe(200);
    expect((await me(dormant.cookie)).statusCode).toBe(401);
    node.clock.minutes(idle + 1);
    expect((await me(active.cookie)).statusCode).toBe(401);
  });

  it('the absolute lifetime ends a session even while it is in use', async () => {
    const maxMinutes = node.config.sessionMaxHours * 60;
    const s = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    let elapsed = 0;
    while (elapsed + 8 < maxMinutes) {
      node.clock.minutes(8);
      elapsed += 8;
      expect((await me(s.cookie)).statusCode, `after ${elapsed} minutes`).toBe(200);
    }
    node.clock.minutes(maxMinutes - elapsed + 1);
    expect((await me(s.cookie)).statusCode).toBe(401);
    expect(await node.store.sessions.get(hashToken(s.token))).toBeUndefined();
  });
});
