/**
 * Role × endpoint matrix: each role can do what its work needs and nothing more. The
 * expectations are written out here, independently of the policy module they check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, demoNode, signIn, type Session, type TestNode } from '../helpers/demo-node';
import type { Role } from '../../src/domain/model';

const ROLES: Role[] = ['admin', 'liaison', 'investigator', 'analyst', 'inspector', 'caseworker', 'prosecutor', 'auditor'];
let node: TestNode;
const s = {} as Record<Role | 'investigator2', Session>;
let caseId: string; // AMBER case opened by investigator@mx.demo, with a victim
let strictId: string; // AMBER+STRICT case of the same agency
let victimId: string;
const HANDLING = { tlp: 'AMBER', purpose: 'investigation', retentionDays: 365, originatorConsentRequiredToForward: true };

async function version(id: string) {
  return (await node.store.cases.get(id))!.version;
}

beforeAll(async () => {
  node = await demoNode('MX');
  for (const r of [...ROLES, 'investigator2' as const]) s[r] = await signIn(node.app, `${r}@mx.demo`);
  const inv = s.investigator;
  let res = await node.app.inject({ method: 'POST', url: '/api/cases', headers: as(inv), payload: { title: 'Matrix', type: 'labour_trafficking', handling: HANDLING } });
  caseId = res.json().id;
  res = await node.app.inject({ method: 'POST', url: `/api/cases/${caseId}/subjects`, headers: as(inv), payload: { role: 'victim', entity: { schema: 'Person', properties: { name: ['Rosa Ibáñez Peña'], gender: ['female'], nationality: ['MX'] } } } });
  victimId = res.json().subjects.find((x: { role: string }) => x.role === 'victim').entity.id;
  res = await node.app.inject({ method: 'POST', url: '/api/cases', headers: as(inv), payload: { title: 'Strict', type: 'sex_trafficking', handling: { ...HANDLING, tlp: 'AMBER+STRICT' } } });
  strictId = res.json().id;
});
afterAll(async () => node?.close());

type Expect = Partial<Record<Role, number>>;
const all = (status: number, except: Expect = {}): Record<Role, number> => Object.fromEntries(ROLES.map((r) => [r, except[r] ?? status])) as Record<Role, number>;

interface Row {
  what: string;
  request: (r: Role) => Promise<{ method: string; url: string; payload?: object }>;
  expect: Record<Role, number>;
}

const rows: Row[] = [
  { what: 'list cases', request: async () => ({ method: 'GET', url: '/api/cases' }), expect: all(200, { admin: 403 }) },
  { what: 'open a case', request: async () => ({ method: 'POST', url: '/api/cases', payload: { title: 'x', type: 'forced_labour', handling: HANDLING } }), expect: all(403, { investigator: 201, inspector: 201 }) },
  { what: 'read a case', request: async () => ({ method: 'GET', url: `/api/cases/${caseId}` }), expect: all(200, { admin: 404 }) },
  { what: 'edit the case record', request: async () => ({ method: 'PATCH', url: `/api/cases/${caseId}`, payload: { version: await version(caseId), narrative: 'n' } }), expect: all(403, { investigator: 200, admin: 404 }) },
  { what: 'change handling', request: async () => ({ method: 'PATCH', url: `/api/cases/${caseId}`, payload: { version: await version(caseId), handling: HANDLING } }), expect: all(403, { investigator: 200, admin: 404 }) },
  { what: 'record outcomes', request: async () => ({ method: 'PATCH', url: `/api/cases/${caseId}`, payload: { version: await version(caseId), outcomes: [{ stage: 'investigation', date: '2026-11', detail: 'opened' }] } }), expect: all(403, { investigator: 200, admin: 404 }) },
  { what: 'add a subject', request: async () => ({ method: 'POST', url: `/api/cases/${caseId}/subjects`, payload: { role: 'witness', entity: { schema: 'Person', properties: { name: ['Testigo Uno'] } } } }), expect: all(403, { investigator: 201, admin: 404 }) },
  { what: 'read the case’s audit trail', request: async () => ({ method: 'GET', url: `/api/cases/${caseId}/audit` }), expect: all(403, { investigator: 200, auditor: 200, admin: 404 }) },
  { what: 'search', request: async () => ({ method: 'GET', url: '/api/search?q=rosa' }), expect: all(200, { admin: 403, auditor: 403 }) },
  { what: 'read an entity', request: async () => ({ method: 'GET', url: `/api/entities/${victimId}` }), expect: all(200, { admin: 403, auditor: 403 }) },
  { what: 'read the audit log', request: async () => ({ method: 'GET', url: '/api/audit' }), expect: all(403, { auditor: 200 }) },
  { what: 'verify the audit chain', request: async () => ({ method: 'GET', url: '/api/audit/verify' }), expect: all(403, { auditor: 200 }) },
  { what: 'list users (admin)', request: async () => ({ method: 'GET', url: '/api/admin/users' }), expect: all(403, { admin: 200 }) },
  {
    what: 'create a user',
    request: async (r) => ({ method: 'POST', url: '/api/admin/users', payload: { email: `new-${r}@mx.demo`, displayName: 'New', role: 'analyst', agencyId: (await node.store.agencies.list())[0]!.id, locale: 'es' } }),
    expect: all(403, { admin: 201 }),
  },
];

describe('role × endpoint', () => {
  for (const row of rows) {
    it(row.what, async () => {
      const got: Record<string, number> = {};
      for (const role of ROLES) {
        const req = await row.request(role);
        const res = await node.app.inject({ method: req.method as 'GET', url: req.url, headers: as(s[role]), ...(req.payload ? { payload: req.payload } : {}) });
        got[role] = res.statusCode;
        if (res.statusCode >= 400) expect(res.json().error.code, `${role}: ${res.body}`).toMatch(/^[A-Z_]+$/);
      }
      expect(got).toEqual(row.expect);
    });
  }
});

describe('victim identity', () => {
  const nameSeen = async (role: Role | 'investigator2') => {
    const res = await node.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: as(s[role]) });
    if (res.statusCode !== 200) return `status ${res.statusCode}`;
    const victim = res.json().subjects.find((x: { role: string }) => x.role === 'victim');
    return victim.entity.pseudonymised ? 'pseudonym' : victim.entity.caption;
  };

  it('only the case’s investigators and assigned caseworkers see the name; others a stable pseudonym', async () => {
    const seen: Record<string, string> = {};
    for (const r of ROLES) seen[r] = await nameSeen(r);
    expect(seen).toEqual({ admin: 'status 404', liaison: 'pseudonym', investigator: 'Rosa Ibáñez Peña', analyst: 'pseudonym', inspector: 'pseudonym', caseworker: 'pseudonym', prosecutor: 'pseudonym', auditor: 'pseudonym' });
  });

  it('a caseworker sees the victim once assigned, and that read is audited', async () => {
    const cw = await node.store.users.getByEmail('caseworker@mx.demo');
    const res = await node.app.inject({ method: 'POST', url: `/api/cases/${caseId}/members`, headers: as(s.investigator), payload: { userId: cw!.id, capacity: 'caseworker' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(await nameSeen('caseworker')).toBe('Rosa Ibáñez Peña');
    const trail = await node.store.audit.list({ actorId: cw!.id, action: 'victim.identity.read' });
    expect(trail.items.some((e) => e.targetId === victimId)).toBe(true);
  });

  it('the pseudonym is stable and gives nothing of the name away', async () => {
    const a = await node.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: as(s.analyst) });
    const b = await node.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: as(s.analyst) });
    const va = a.json().subjects.find((x: { role: string }) => x.role === 'victim').entity;
    const vb = b.json().subjects.find((x: { role: string }) => x.role === 'victim').entity;
    expect(va.caption).toBe(vb.caption);
    expect(JSON.stringify(va)).not.toMatch(/Rosa|Ibáñez|Peña/);
    expect(va.properties.gender).toEqual(['female']);
  });

  it('search never returns a hidden victim to someone who may not see her', async () => {
    const analyst = await node.app.inject({ method: 'GET', url: '/api/search?q=rosa%20ibanez', headers: as(s.analyst) });
    expect(analyst.statusCode).toBe(200);
    expect(JSON.stringify(analyst.json())).not.toMatch(/Rosa Ibáñez Peña/);
    expect(analyst.json().items.map((i: { id: string }) => i.id)).not.toContain(victimId);
    const investigator = await node.app.inject({ method: 'GET', url: '/api/search?q=rosa%20ibanez', headers: as(s.investigator) });
    expect(investigator.json().items.map((i: { id: string }) => i.id)).toContain(victimId);
  });
});

describe('a victim named in free text', () => {
  it('is replaced by the pseudonym for readers who may not see her, and the case is not found by her name', async () => {
    const res = await node.app.inject({ method: 'PATCH', url: `/api/cases/${caseId}`, headers: as(s.investigator), payload: { version: await version(caseId), narrative: 'Rosa Ibáñez Peña refirió que ROSA trabajaba sin pago.' } });
    expect(res.statusCode, res.body).toBe(200);
    const own = await node.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: as(s.investigator) });
    expect(own.json().narrative).toBe('Rosa Ibáñez Peña refirió que ROSA trabajaba sin pago.');
    const analyst = await node.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: as(s.analyst) });
    const pseudonym = analyst.json().subjects.find((x: { role: string }) => x.role === 'victim').entity.caption;
    expect(analyst.json().narrative).toBe(`${pseudonym} refirió que ${pseudonym} trabajaba sin pago.`);
    expect(analyst.json().textRedacted).toBe(true);
    const found = await node.app.inject({ method: 'GET', url: '/api/cases?q=ibanez%20pena', headers: as(s.analyst) });
    expect(found.json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);
  });

  it('an editor who sees pseudonyms cannot overwrite the text that hides the name', async () => {
    // a second investigator of the owning agency, not assigned to the case: may edit it, may not see the victim
    const owner = (await node.store.cases.get(caseId))!.owningAgencyId;
    const created = await node.app.inject({ method: 'POST', url: '/api/admin/users', headers: as(s.admin), payload: { email: 'colleague@mx.demo', displayName: 'Colega', role: 'investigator', agencyId: owner, locale: 'es' } });
    expect(created.statusCode, created.body).toBe(201);
    const colleague = await signIn(node.app, 'colleague@mx.demo', created.json().initialPassword);
    const seen = await node.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: as(colleague) });
    expect(seen.json().permissions.edit).toBe(true);
    expect(seen.json().textRedacted).toBe(true);
    const before = (await node.store.cases.get(caseId))!.narrative;
    const res = await node.app.inject({ method: 'PATCH', url: `/api/cases/${caseId}`, headers: as(colleague), payload: { version: await version(caseId), narrative: seen.json().narrative + ' (revisado)' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CASE_TEXT_REDACTED');
    expect((await node.store.cases.get(caseId))!.narrative).toBe(before);
  });
});

describe('AMBER+STRICT', () => {
  it('a user of another agency cannot open it, list it or find it', async () => {
    const res = await node.app.inject({ method: 'GET', url: `/api/cases/${strictId}`, headers: as(s.investigator2) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('CASE_NOT_FOUND');
    const list = await node.app.inject({ method: 'GET', url: '/api/cases?tlp=AMBER%2BSTRICT&limit=200', headers: as(s.investigator2) });
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(strictId);
    const own = await node.app.inject({ method: 'GET', url: `/api/cases/${strictId}`, headers: as(s.investigator) });
    expect(own.statusCode).toBe(200);
  });

  it('a named user of another agency can open it', async () => {
    const other = await node.store.users.getByEmail('investigator2@mx.demo');
    const res = await node.app.inject({ method: 'PATCH', url: `/api/cases/${strictId}`, headers: as(s.investigator), payload: { version: await version(strictId), namedUserIds: [other!.id] } });
    expect(res.statusCode, res.body).toBe(200);
    const now = await node.app.inject({ method: 'GET', url: `/api/cases/${strictId}`, headers: as(s.investigator2) });
    expect(now.statusCode).toBe(200);
  });
});
