/** The API describes itself: OpenAPI 3.1 at /api/openapi.json and a docs page at /api/docs, offline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNode, type TestNode } from '../helpers/demo-node';

let node: TestNode;
beforeAll(async () => {
  node = await demoNode('CA');
});
afterAll(async () => node?.close());

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document listing the routes', async () => {
    const res = await node.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/health', '/api/auth/login', '/api/cases', '/api/cases/{id}', '/api/cases/{id}/subjects', '/api/entities/{id}', '/api/search', '/api/audit', '/api/audit/verify', '/api/admin/users', '/api/schema', '/api/reference', '/api/cross-border/secret', '/api/cross-border/checks', '/api/cross-border/hits', '/api/cross-border/disclosures', '/api/cross-border/disclosures/{id}', '/api/cross-border/disclosures/{id}/decision', '/api/entities/{id}/cross-border']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    const create = doc.paths['/api/cases'].post;
    expect(create.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });

  it('serves the documentation page from the node itself', async () => {
    const res = await node.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\/[^"']*\.(js|css)/i);
  });

  it('health names the node’s country', async () => {
    const res = await node.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', country: 'CA' });
  });
});
