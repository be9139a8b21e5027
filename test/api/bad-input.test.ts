/**
 * Bad input never changes what is stored and always gets a 4xx with a stable code and a
 * message in the user's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, demoNode, signIn, type Session, type TestNode } from '../helpers/demo-node';

let node: TestNode;
let es: Session; // investigator@mx.demo speaks Spanish
let caseId: string;

async function counts() {
  const cases = await node.store.cases.list({ limit: 1 });
  const entities = await node.store.entities.list({ limit: 1 });
  return { cases: cases.total, entities: entities.total };
}

beforeAll(async () => {
  node = await demoNode('MX');
  es = await signIn(node.app, 'investigator@mx.demo');
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: as(es),
    payload: { title: 'Caso de prueba', type: 'forced_labour', handling: { tlp: 'AMBER', purpose: 'investigation', retentionDays: 365, originatorConsentRequiredToForward: true } },
  });
  expect(res.statusCode).toBe(201);
  caseId = res.json().id;
});

afterAll(async () => node?.close());

type Probe = { name: string; method: 'POST' | 'PATCH'; url: () => string; body: string | object | (() => Promise<object>); contentType?: string; status: number; code: string };

const probes: Probe[] = [
  { name: 'malformed JSON', method: 'POST', url: () => '/api/cases', body: '{"title": "x", ', contentType: 'application/json', status: 400, code: 'BAD_JSON' },
  { name: 'wrong type', method: 'POST', url: () => '/api/cases', body: { title: 42, type: 'forced_labour', handling: { tlp: 'AMBER', purpose: 'x', retentionDays: 1, originatorConsentRequiredToForward: true } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'number as string', method: 'POST', url: () => '/api/cases', body: { title: 't', type: 'forced_labour', handling: { tlp: 'AMBER', purpose: 'x', retentionDays: '30', originatorConsentRequiredToForward: true } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'unknown field', method: 'POST', url: () => '/api/cases', body: { title: 't', type: 'forced_labour', isAdmin: true, handling: { tlp: 'AMBER', purpose: 'x', retentionDays: 1, originatorConsentRequiredToForward: true } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'unknown TLP', method: 'POST', url: () => '/api/cases', body: { title: 't', type: 'forced_labour', handling: { tlp: 'PURPLE', purpose: 'x', retentionDays: 1, originatorConsentRequiredToForward: true } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'invalid phone', method: 'POST', url: () => `/api/cases/${caseId}/entities`, body: { entity: { schema: 'Phone', properties: { number: ['12'] } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'invalid date', method: 'POST', url: () => `/api/cases/${caseId}/subjects`, body: { role: 'victim', entity: { schema: 'Person', properties: { name: ['Ana López'], birthDate: ['1990-02-31'] } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'invalid country', method: 'POST', url: () => `/api/cases/${caseId}/subjects`, body: { role: 'victim', entity: { schema: 'Person', properties: { name: ['Ana López'], nationality: ['XX'] } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'unknown schema', method: 'POST', url: () => `/api/cases/${caseId}/subjects`, body: { role: 'victim', entity: { schema: 'Spaceship', properties: { name: ['x'] } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'unknown property', method: 'POST', url: () => `/api/cases/${caseId}/subjects`, body: { role: 'victim', entity: { schema: 'Person', properties: { name: ['Ana'], shoeSize: ['42'] } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'SQL injection in a name', method: 'POST', url: () => `/api/cases/${caseId}/subjects`, body: { role: 'suspect', entity: { schema: 'Person', properties: { name: ["Robert'); DROP TABLE cases;--"] } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'HTML in a name', method: 'POST', url: () => `/api/cases/${caseId}/subjects`, body: { role: 'suspect', entity: { schema: 'Person', properties: { name: ['<img src=x onerror=alert(1)>'] } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'bad status transition', method: 'PATCH', url: () => `/api/cases/${caseId}`, body: async () => ({ version: (await node.store.cases.get(caseId))!.version, status: 'archived' }), status: 409, code: 'CASE_BAD_TRANSITION' },
  { name: 'stale version', method: 'PATCH', url: () => `/api/cases/${caseId}`, body: { version: 1_000_000, title: 'x' }, status: 409, code: 'CASE_VERSION_CONFLICT' },
  { name: 'form-encoded body', method: 'POST', url: () => '/api/cases', body: 'title=x', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
];

describe('bad input is refused with a stable code, a Spanish message and nothing stored', () => {
  for (const p of probes) {
    it(p.name, async () => {
      const before = await counts();
      const body = typeof p.body === 'function' ? await (p.body as () => Promise<object>)() : p.body;
      const res = await node.app.inject({
        method: p.method,
        url: p.url(),
        headers: as(es, p.contentType ? { 'content-type': p.contentType } : {}),
        payload: typeof body === 'string' ? body : JSON.stringify(body),
        ...(typeof body === 'string' ? {} : { headers: as(es, { 'content-type': 'application/json' }) }),
      });
      expect(res.statusCode, res.body).toBe(p.status);
      const err = res.json().error;
      expect(err.code).toBe(p.code);
      expect(err.message).toBeTruthy();
      expect(err.message).not.toBe(p.code);
      expect(await counts()).toEqual(before);
    });
  }

  it('a 10 MB body is refused with 413 before it is parsed', async () => {
    const before = await counts();
    const res = await node.app.inject({ method: 'POST', url: '/api/cases', headers: as(es, { 'content-type': 'application/json' }), payload: JSON.stringify({ title: 'x'.repeat(10 * 1024 * 1024) }) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
    expect(res.json().error.message).toMatch(/demasiado grande/);
    expect(await counts()).toEqual(before);
  });

  it('field issues name the field and speak the user’s language', async () => {
    const res = await node.app.inject({ method: 'POST', url: `/api/cases/${caseId}/entities`, headers: as(es), payload: { entity: { schema: 'Phone', properties: { number: ['12'] } } } });
    const issues = res.json().error.issues as { field: string; code: string; message: string }[];
    expect(issues[0]!.field).toMatch(/number/);
    expect(issues[0]!.code).toMatch(/PHONE/);
    expect(res.json().error.message).toMatch(/campos/);
  });

  it('an anonymous caller gets English or the Accept-Language it asks for', async () => {
    const en = await node.app.inject({ method: 'GET', url: '/api/cases' });
    expect(en.statusCode).toBe(401);
    expect(en.json().error).toMatchObject({ code: 'AUTH_REQUIRED', message: 'Please sign in.' });
    const fr = await node.app.inject({ method: 'GET', url: '/api/cases', headers: { 'accept-language': 'fr-CA,fr;q=0.9' } });
    expect(fr.json().error.message).toBe('Veuillez vous connecter.');
  });

  it('a state-changing request without the CSRF token is refused', async () => {
    const before = await counts();
    const res = await node.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: es.cookie }, payload: { title: 't', type: 'forced_labour', handling: { tlp: 'AMBER', purpose: 'x', retentionDays: 1, originatorConsentRequiredToForward: true } } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    expect(await counts()).toEqual(before);
  });

  it('SQL and HTML in free text are stored verbatim, as text', async () => {
    const title = `<script>alert("x")</script> '; DROP TABLE cases; --`;
    const res = await node.app.inject({ method: 'PATCH', url: `/api/cases/${caseId}`, headers: as(es), payload: { version: (await node.store.cases.get(caseId))!.version, title } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await node.store.cases.get(caseId))!.title).toBe(title);
    expect((await counts()).cases).toBeGreaterThan(0);
  });

  it('security headers: strict CSP, no sniffing, no framing', async () => {
    const res = await node.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', country: 'MX' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
