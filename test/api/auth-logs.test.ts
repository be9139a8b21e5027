/**
 * Secrets never reach the logs: with debug logging, a password, the session cookie, the CSRF
 * token, the TOTP secret and codes do not appear in anything the server writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST_EMAIL, ANALYST_PASSWORD, authNode, codeAt, headersOf, postLogin, sessionOf, type AuthNode } from './auth-fixtures';

const lines: string[] = [];
const capture = { write: (msg: string) => void lines.push(msg) };
let node: AuthNode;

beforeAll(async () => {
  node = await authNode({ env: { LOG_LEVEL: 'debug' }, logStream: capture });
});
afterAll(async () => node?.close());

describe('logs at debug level', () => {
  it('hold the requests but no password, cookie, CSRF token, TOTP secret or code', async () => {
    const secrets: string[] = [ANALYST_PASSWORD];
    const codes: string[] = []; // six digits may occur inside a timestamp: look for them as JSON strings

    const wrong = 'wrong-Pa55word-for-the-log-test';
    secrets.push(wrong);
    expect((await postLogin(node.app, { email: ANALYST_EMAIL, password: wrong })).statusCode).toBe(401);

    const res = await postLogin(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const s = sessionOf(res);
    secrets.push(s.token, s.csrf);

    const setup = await node.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: headersOf(s) });
    const secret = setup.json().secret as string;
    secrets.push(secret);
    const code = await codeAt(secret, node.clock);
    codes.push(code);
    expect((await node.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: headersOf(s), payload: { code } })).statusCode).toBe(200);

    node.clock.advance(30_000);
    const next = await codeAt(secret, node.clock);
    codes.push(next);
    const second = await postLogin(node.app, { email: ANALYST_EMAIL, password: ANALYST_PASSWORD, totp: next });
    expect(second.statusCode).toBe(200);
    const s2 = sessionOf(second);
    secrets.push(s2.token, s2.csrf);

    expect((await node.app.inject({ method: 'GET', url: '/api/cases', headers: headersOf(s2) })).statusCode).toBe(200);
    expect((await node.app.inject({ method: 'POST', url: '/api/auth/logout', headers: headersOf(s2) })).statusCode).toBe(204);
    expect((await node.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'forged' } })).statusCode).toBe(403);

    const log = lines.join('');
    expect(log).toContain('/api/auth/login'); // the capture works: requests are logged
    expect(log).toContain('/api/auth/totp/enable');
    for (const secretValue of secrets) {
      expect(secretValue.length).toBeGreaterThanOrEqual(12);
      expect(log.includes(secretValue), `a secret of ${secretValue.length} characters is in the logs`).toBe(false);
    }
    for (const c of codes) expect(log.includes(`"${c}"`), 'a TOTP code is in the logs').toBe(false);
  });
});
