/**
 * CSRF: a state-changing call needs the session's token in x-csrf-token, and a browser's
 * Origin (or Sec-Fetch-Site) must name the node itself; reads are not affected; login needs
 * no token but is refused from another origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST_EMAIL, ANALYST_PASSWORD, authNode, freshIp, headersOf, postLogin, signIn, type AuthNode, type SignedIn } from './auth-fixtures';

let node: AuthNode; // outside demo mode: Secure cookies, https origins only
let s: SignedIn;

beforeAll(async () => {
  node = await authNode();
  s = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
});
afterAll(async () => node?.close());

const setLocale = (headers: Record<string, string>, locale = 'es') => node.app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers, payload: { locale } });
const storedLocale = async () => (await node.store.users.get(node.analyst.id))!.locale;

describe('the CSRF token', () => {
  it('is required on unsafe methods: missing or wrong → 403 CSRF_INVALID in the user’s language, nothing changed', async () => {
    const before = await storedLocale();
    const other = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    const wrongTokens: Record<string, string>[] = [
      { cookie: s.cookie },
      { cookie: s.cookie, 'x-csrf-token': '' },
      { cookie: s.cookie, 'x-csrf-token': s.csrf.slice(0, -1) },
      { cookie: s.cookie, 'x-csrf-token': s.csrf + 'x' },
      { cookie: s.cookie, 'x-csrf-token': other.csrf }, // another session's token
    ];
    for (const headers of wrongTokens) {
      const res = await setLocale(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toBe('CSRF_INVALID');
      expect(res.json().error.message).toBe('Ce formulaire a expiré. Rechargez la page et réessayez.');
    }
    const logout = await node.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(logout.json().error.code).toBe('CSRF_INVALID');
    expect(await storedLocale()).toBe(before);

    const ok = await setLocale(headersOf(s), 'fr');
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('does not concern reads', async () => {
    const res = await node.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
  });

  it('is not needed to log in, even with a session cookie already set', async () => {
    const res = await node.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: freshIp(), headers: { cookie: s.cookie }, payload: { email: ANALYST_EMAIL, password: ANALYST_PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    s = await signIn(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
  });
});

describe('the Origin check', () => {
  const host = 'alianza.example.ca';

  it('refuses a state-changing call from another origin even with the right token', async () => {
    const before = await storedLocale();
    for (const origin of ['https://evil.example', 'https://alianza.example.ca.evil.example', 'https://alianza.example.ca:8443', 'null', 'http://alianza.example.ca', 'not a url']) {
      const res = await setLocale(headersOf(s, { host, origin }));
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().error.code, origin).toBe('CSRF_INVALID');
    }
    for (const site of ['cross-site', 'same-site']) {
      const res = await setLocale(headersOf(s, { host, 'sec-fetch-site': site }));
      expect(res.json().error?.code, site).toBe('CSRF_INVALID');
    }
    expect(await storedLocale()).toBe(before);
  });

  it('accepts the node’s own https origin (default port or not) and same-origin fetches', async () => {
    expect((await setLocale(headersOf(s, { host, origin: `https://${host}` }))).statusCode).toBe(200);
    expect((await setLocale(headersOf(s, { host: `${host}:443`, origin: `https://${host}` }))).statusCode).toBe(200);
    expect((await setLocale(headersOf(s, { host: `${host}:8443`, origin: `https://${host}:8443` }))).statusCode).toBe(200);
    expect((await setLocale(headersOf(s, { host, origin: `https://${host}`, 'sec-fetch-site': 'same-origin' }))).statusCode).toBe(200);
  });

  it('lets reads from anywhere through (the cookie is SameSite=Strict anyway)', async () => {
    const res = await node.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie, host, origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a login posted from another origin', async () => {
    const res = await postLogin(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD }, { headers: { host, origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    expect(res.headers['set-cookie']).toBeUndefined();
    const same = await postLogin(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD }, { headers: { host, origin: `https://${host}` } });
    expect(same.statusCode).toBe(200);
  });

  it('on a demo node over plain HTTP, the http origin of the node is its own', async () => {
    const demo = await authNode({ demo: true });
    try {
      const d = await signIn(demo.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
      const put = (origin: string) => demo.app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers: headersOf(d, { host: '127.0.0.1:8082', origin }), payload: { locale: 'en' } });
      expect((await put('http://127.0.0.1:8082')).statusCode).toBe(200);
      expect((await put('http://127.0.0.1:8081')).json().error?.code).toBe('CSRF_INVALID');
      expect((await put('http://localhost:8082')).json().error?.code).toBe('CSRF_INVALID');
    } finally {
      await demo.close();
    }
  });
});
