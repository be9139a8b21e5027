import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiFailure, buildQuery, CLIENT_NETWORK_ERROR, setApiLocale, setCsrfToken, setUnauthorizedHandler } from './api';

interface Seen {
  url: string;
  init: RequestInit;
}

const answerWith = (status: number, body: unknown) => {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
};

const header = (s: Seen, name: string): string | undefined => (s.init.headers as Record<string, string>)[name];

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('api client', () => {
  it('sends the CSRF token on changes, never on reads, and always same-origin credentials', async () => {
    setCsrfToken('token-1');
    const seen = answerWith(200, { ok: true });
    await api.get('/cases', { q: 'ávila', status: '', limit: 25 });
    await api.patch('/cases/1', { version: 3 });
    await api.del('/cases/1/subjects/2', { role: 'victim' });
    expect(seen.map((s) => [s.init.method, header(s, 'x-csrf-token')])).toEqual([
      ['GET', undefined],
      ['PATCH', 'token-1'],
      ['DELETE', 'token-1'],
    ]);
    expect(seen.every((s) => s.init.credentials === 'same-origin')).toBe(true);
    expect(seen[0]?.url).toBe('/api/cases?q=%C3%A1vila&limit=25');
  });

  it('speaks the chosen language to the server', async () => {
    setApiLocale('fr');
    const seen = answerWith(200, {});
    await api.get('/reference');
    expect(header(seen[0]!, 'accept-language')).toBe('fr');
  });

  it('turns an error body into an ApiFailure with code, message and issues', async () => {
    answerWith(409, { error: { code: 'CASE_VERSION_CONFLICT', message: 'Otra persona modificó el caso.', issues: [] } });
    const failure = await api.patch('/cases/1', { version: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 409, code: 'CASE_VERSION_CONFLICT', message: 'Otra persona modificó el caso.' });
  });

  it('ends the session on a 401, except for the login form and the session probe', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    answerWith(401, { error: { code: 'AUTH_REQUIRED', message: 'Sign in.' } });
    await api.quiet.post('/auth/login', { email: 'a@b.c', password: 'x' }).catch(() => undefined);
    await api.quiet.get('/auth/me').catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
    await api.get('/cases').catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('reports an unreachable server with its own code', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(api.get('/cases')).rejects.toMatchObject({ code: CLIENT_NETWORK_ERROR, status: 0 });
  });

  it('leaves out empty query values', () => {
    expect(buildQuery({ a: '', b: null, c: undefined, d: 0, e: false })).toBe('?d=0&e=false');
    expect(buildQuery({})).toBe('');
  });
});
