/**
 * Cross-border matching and gradual disclosure between two demo nodes over real HTTP, with
 * the federation workers running: the linkage secret (mismatch, then rotation), a check
 * that finds the same recruiter, phone and victim on both sides with opaque references, and
 * disclosure requests approved (fewer fields), refused, at contact level, and the victim
 * identity rule; a record only in a restricted case, decided by its owning agency while the
 * liaison office sees the request without the record; the role matrix; idempotent handlers;
 * refusals with a code and a message in the user's language; audit entries on both sides.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Session } from '../helpers/demo-node';
import { closeNodes, eventually, httpNodes, type HttpNode } from '../federation/http-nodes';
import { setNodeLinkageSecret } from '../../src/server/linkage-secret';
import { crossBorderErrors } from '../../src/app/cross-border-errors';
import { disclosureNotices, markedEntities, runCheck, sendCrossBorder, type CrossBorderAccess } from '../../src/app/cross-border-service';
import { actorOf } from '../../src/app/auth-service';
import { SYSTEM } from '../../src/federation/audit';
import { CROSS_BORDER_SCHEMA_ID, createCrossBorderEncoder, secretFingerprint } from '../../src/linkage/pprl/cross-border-encoding';
import type { Role } from '../../src/domain/model';
import type { CrossBorderCheckView, CrossBorderHitView, DisclosureView, LinkageSecretStatus, ListResult } from '../../src/server/api-types';

const ROLES: Role[] = ['admin', 'liaison', 'investigator', 'analyst', 'inspector', 'caseworker', 'prosecutor', 'auditor'];
/** the roles, and an investigator of a second police agency of the same node */
type Who = Role | 'investigator2';
const AMBER = { tlp: 'AMBER', purpose: 'investigation', retentionDays: 365, originatorConsentRequiredToForward: true };
const MLAT = { kind: 'mlat', reference: 'MX–CA Mutual Legal Assistance Treaty, art. 1' };

let nodes: Record<string, HttpNode>;
let mx: HttpNode;
let ca: HttpNode;
const s = { mx: {} as Record<Who, Session>, ca: {} as Record<Who, Session> };
const ids = { mx: {} as Record<string, string>, ca: {} as Record<string, string> };
const SHARED = randomBytes(32);

type Side = 'mx' | 'ca';
const node = (side: Side) => (side === 'mx' ? mx : ca);

async function api(side: Side, who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return node(side).app.inject({ method, url, headers: as(s[side][who]), ...(payload ? { payload } : {}) });
}

/** A case of the investigator with one subject; returns the subject's entity id. */
async function subject(side: Side, key: string, role: string, schema: string, properties: Record<string, string[]>, caseId?: string, handling: object = AMBER): Promise<string> {
  let kase = caseId;
  if (!kase) {
    const res = await api(side, 'investigator', 'POST', '/api/cases', { title: `Cross-border ${key}`, type: 'labour_trafficking', handling });
    expect(res.statusCode, res.body).toBe(201);
    kase = res.json().id as string;
  }
  ids[side][`case:${key}`] = kase;
  const res = await api(side, 'investigator', 'POST', `/api/cases/${kase}/subjects`, { role, entity: { schema, properties } });
  expect(res.statusCode, res.body).toBe(201);
  const found = res.json().subjects.find((x: { role: string; entity: { schema: string } }) => x.role === role && x.entity.schema === schema);
  ids[side][key] = found.entity.id;
  return found.entity.id as string;
}

async function mark(side: Side, key: string, check = true) {
  const res = await api(side, 'investigator', 'PUT', `/api/entities/${ids[side][key]}/cross-border`, { check });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

async function checks(side: Side): Promise<CrossBorderCheckView[]> {
  const res = await api(side, 'liaison', 'GET', '/api/cross-border/checks?limit=200');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as ListResult<CrossBorderCheckView>).items;
}

async function hits(side: Side, who: Who = 'liaison', query = ''): Promise<CrossBorderHitView[]> {
  const res = await api(side, who, 'GET', `/api/cross-border/hits?limit=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as ListResult<CrossBorderHitView>).items;
}

const hitOf = (list: CrossBorderHitView[], entityId: string) => list.find((h) => h.local.entityId === entityId);

/** Runs a check from MX and waits for both sides to record its outcome. */
async function runCheckFromMx(): Promise<CrossBorderCheckView> {
  const res = await api('mx', 'analyst', 'POST', '/api/cross-border/checks', {});
  expect(res.statusCode, res.body).toBe(202);
  const [sent] = res.json() as CrossBorderCheckView[];
  expect(sent).toMatchObject({ peerNode: 'ca', peerCountry: 'CA', direction: 'sent', status: 'sent', requestedBy: 'analyst@mx.demo' });
  return eventually(async () => {
    const mine = (await checks('mx')).find((c) => c.queryId === sent!.queryId);
    const theirs = (await checks('ca')).find((c) => c.queryId === sent!.queryId);
    return mine && mine.status !== 'sent' && theirs ? mine : false;
  });
}

async function incoming(side: Side, requestId: string): Promise<DisclosureView> {
  return eventually(async () => {
    const res = await api(side, 'liaison', 'GET', `/api/cross-border/disclosures/${requestId}`);
    return res.statusCode === 200 ? (res.json() as DisclosureView) : false;
  });
}

async function decided(side: Side, who: Who, requestId: string): Promise<DisclosureView> {
  return eventually(async () => {
    const res = await api(side, who, 'GET', `/api/cross-border/disclosures/${requestId}`);
    const view = res.json() as DisclosureView;
    return view.status !== 'pending' ? view : false;
  });
}

async function request(who: Role, hitId: string, level: 'contact' | 'fields', fields: string[], legalBasis: object = MLAT) {
  return api('mx', who, 'POST', '/api/cross-border/disclosures', { hitId, level, fields, legalBasis, purpose: 'Identify a recruiter active in both countries', caseReference: 'MX-2026-000042' });
}

async function resultsSent(): Promise<number> {
  return (await ca.rt.outbox.list({})).filter((r) => r.type === 'MatchResult').length;
}

async function auditActions(side: Side): Promise<Map<string, Record<string, unknown>[]>> {
  const page = await node(side).store.audit.list({ limit: 5000 });
  const out = new Map<string, Record<string, unknown>[]>();
  for (const e of page.items) out.set(e.action, [...(out.get(e.action) ?? []), e.detail as Record<string, unknown>]);
  return out;
}

beforeAll(async () => {
  nodes = await httpNodes(['MX', 'CA']);
  ({ mx, ca } = nodes as Record<Side, HttpNode>);
  for (const r of [...ROLES, 'investigator2'] as Who[]) {
    s.mx[r] = await mx.signIn(r);
    s.ca[r] = await ca.signIn(r);
  }
  // the recruiter written three ways, a phone in two notations, a victim known to both, a person only MX knows
  await subject('mx', 'jose', 'suspect', 'Person', { name: ['José Luis Hernández Ruiz'], givenName: ['José Luis'], surname: ['Hernández'], secondSurname: ['Ruiz'], birthDate: ['1985-03-14'], phone: ['+52 55 1234 5678'], nationality: ['MX'] });
  await subject('mx', 'phone', 'suspect', 'Phone', { number: ['+52 33 1234 5678'] });
  await subject('mx', 'rosa', 'victim', 'Person', { name: ['Rosa Ibáñez Peña'], givenName: ['Rosa'], surname: ['Ibáñez'], secondSurname: ['Peña'], birthDate: ['1990-05-02'], nationality: ['MX'] });
  await subject('mx', 'marta', 'witness', 'Person', { name: ['Marta Quiroga Luna'], givenName: ['Marta'], surname: ['Quiroga'], birthDate: ['1971-08-30'] });
  await subject('ca', 'jose', 'suspect', 'Person', { name: ['Jose Hernandez'], givenName: ['Jose'], surname: ['Hernandez'], birthDate: ['1985'], phone: ['011-52-55-1234-5678'], occupation: ['recruiter'] });
  await subject('ca', 'phone', 'suspect', 'Phone', { number: ['011-52-33-1234-5678'], country: ['MX'] });
  await subject('ca', 'rosa', 'victim', 'Person', { name: ['Rosa Ibanez Pena'], givenName: ['Rosa'], surname: ['Ibanez'], secondSurname: ['Pena'], birthDate: ['1990-05-02'], nationality: ['MX'], gender: ['female'] });
  await subject('ca', 'unmarked', 'suspect', 'Person', { name: ['José Luis Hernández Ruiz'], givenName: ['José Luis'], surname: ['Hernández'], secondSurname: ['Ruiz'], birthDate: ['1985-03-14'] });
  for (const k of ['jose', 'phone', 'rosa', 'marta']) await mark('mx', k);
  for (const k of ['jose', 'phone', 'rosa']) await mark('ca', k);
}, 240_000);
afterAll(async () => closeNodes(nodes));

describe('the linkage secret', () => {
  it('refuses a check while no secret is set, with a message in the user’s language', async () => {
    const res = await api('mx', 'analyst', 'POST', '/api/cross-border/checks', {});
    expect(res.statusCode).toBe(409);
    const { code, message } = res.json().error;
    expect(code).toBe('CROSSBORDER_SECRET_MISSING');
    const user = await mx.store.users.getByEmail('analyst@mx.demo');
    expect(message).toBe(crossBorderErrors.CROSSBORDER_SECRET_MISSING[user!.locale]);
    expect((await api('mx', 'liaison', 'GET', '/api/cross-border/secret')).json()).toEqual({ configured: false, version: null, fingerprint: null, setAt: null, previous: [] });
  });

  it('shows version, fingerprint and date to admins and liaison officers, never the secret', async () => {
    await setNodeLinkageSecret(mx.ctx, mx.dir, SHARED);
    const status = (await api('mx', 'admin', 'GET', '/api/cross-border/secret')).json() as LinkageSecretStatus;
    expect(status).toMatchObject({ configured: true, version: 1, previous: [] });
    expect(status.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const got: Record<string, number> = {};
    for (const r of ROLES) got[r] = (await api('mx', r, 'GET', '/api/cross-border/secret')).statusCode;
    expect(got).toEqual({ admin: 200, liaison: 200, investigator: 403, analyst: 403, inspector: 403, caseworker: 403, prosecutor: 403, auditor: 403 });
    // the secret is sealed at rest: neither its bytes nor its base64 are in the database
    const stored = await mx.store.crossBorder!.listSecrets();
    expect(stored[0]!.sealed).not.toContain(SHARED.toString('base64'));
    expect(JSON.stringify(await mx.store.audit.list({ action: 'crossborder.secret.set' }))).not.toContain(SHARED.toString('base64'));
  });

  it('a partner with another secret answers secret_mismatch: no hits, both sides show it', async () => {
    await setNodeLinkageSecret(ca.ctx, ca.dir, randomBytes(32));
    const check = await runCheckFromMx();
    // the four records of this test and those the demo marked
    expect(check).toMatchObject({ status: 'secret_mismatch', hits: 0 });
    expect(check.records).toBeGreaterThanOrEqual(4);
    const theirs = (await checks('ca')).find((c) => c.queryId === check.queryId)!;
    expect(theirs).toMatchObject({ direction: 'received', status: 'secret_mismatch', hits: 0, records: check.records, peerNode: 'mx', peerCountry: 'MX', requestedBy: null });
    expect(await hits('mx')).toEqual([]);
    expect(await hits('ca')).toEqual([]);
  });

  it('after rotation to the shared secret the previous version is listed as retired', async () => {
    await setNodeLinkageSecret(ca.ctx, ca.dir, SHARED);
    const status = (await api('ca', 'liaison', 'GET', '/api/cross-border/secret')).json() as LinkageSecretStatus;
    const mine = (await api('mx', 'liaison', 'GET', '/api/cross-border/secret')).json() as LinkageSecretStatus;
    expect(status.version).toBe(2);
    expect(status.fingerprint).toBe(mine.fingerprint);
    expect(status.previous).toHaveLength(1);
    expect(status.previous[0]!.fingerprint).not.toBe(status.fingerprint);
  });
});

describe('a check and its hits', () => {
  let check: CrossBorderCheckView;
  beforeAll(async () => {
    check = await runCheckFromMx();
  }, 60_000);

  it('finds the recruiter, the phone and the victim on both sides; nothing for an unmarked or unknown person', async () => {
    expect(check.status).toBe('answered');
    const mine = await hits('mx');
    const theirs = await hits('ca');
    for (const key of ['jose', 'phone', 'rosa']) {
      const a = hitOf(mine, ids.mx[key]!);
      const b = hitOf(theirs, ids.ca[key]!);
      expect(a, `MX hit on ${key}`).toBeDefined();
      expect(b, `CA hit on ${key}`).toBeDefined();
      // the same pair, the same score, seen from each side
      expect(a!.score).toBe(b!.score);
      expect(a!.kind).toBe(b!.kind);
      expect(a!.queryId).toBe(check.queryId);
      expect(a!.peerNode).toBe('ca');
      expect(b!.peerNode).toBe('mx');
    }
    expect(hitOf(mine, ids.mx.phone!)!.score).toBe(1);
    expect(hitOf(mine, ids.mx.marta!)).toBeUndefined();
    expect(hitOf(theirs, ids.ca.unmarked!)).toBeUndefined();
    expect(check.hits).toBe((await mx.store.crossBorder!.listHits({ checkId: check.queryId })).total);
    expect(check.hits).toBe((await ca.store.crossBorder!.listHits({ checkId: check.queryId })).total);
    // best score first
    expect(mine.map((h) => h.score)).toEqual([...mine.map((h) => h.score)].sort((x, y) => y - x));
  });

  it('gives opaque references, different on each side, that join only through the store of each node', async () => {
    const a = hitOf(await hits('mx'), ids.mx.jose!)!;
    const b = hitOf(await hits('ca'), ids.ca.jose!)!;
    expect(a.remoteRef).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(b.remoteRef).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.remoteRef).not.toBe(b.remoteRef);
    expect(a.remoteRef).not.toContain(ids.ca.jose!.slice(0, 8));
    const storedA = await mx.store.crossBorder!.getHit(a.id);
    const storedB = await ca.store.crossBorder!.getHit(b.id);
    expect(storedA!.localRef).toBe(b.remoteRef);
    expect(storedB!.localRef).toBe(a.remoteRef);
  });

  it('keeps neither the partner’s encodings nor any name in the messages', async () => {
    const answered = (await ca.store.audit.list({ action: 'crossborder.check.answered' })).items.find((e) => e.detail.checkId === check.queryId)!;
    const record = await ca.rt.inbox.get(answered.detail.envelopeId as string);
    expect(record?.type).toBe('MatchQuery');
    expect(record?.payload).toBeNull();
    const received = (await mx.store.audit.list({ action: 'crossborder.hits.received' })).items.find((e) => e.detail.checkId === check.queryId)!;
    const result = await mx.rt.inbox.get(received.detail.envelopeId as string);
    expect(result?.type).toBe('MatchResult');
    expect(JSON.stringify(result?.payload)).not.toMatch(/Hern|Rosa|Ib[aá]ñ?n?ez|1234/);
  });

  it('shows a victim by pseudonym to whoever may not see the identity', async () => {
    const forAnalyst = hitOf(await hits('mx', 'analyst'), ids.mx.rosa!)!;
    expect(forAnalyst.local.caption).toMatch(/^(Victim|Victime|Víctima)-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const forInvestigator = hitOf(await hits('mx', 'investigator'), ids.mx.rosa!)!;
    expect(forInvestigator.local.caption).toBe('Rosa Ibáñez Peña');
    expect(hitOf(await hits('mx', 'analyst'), ids.mx.jose!)!.local.caption).toBe('José Luis Hernández Ruiz');
    const phones = await hits('mx', 'analyst', '&kind=Phone');
    expect(phones.every((h) => h.kind === 'Phone')).toBe(true);
    expect(hitOf(phones, ids.mx.phone!)).toBeDefined();
    expect((await hits('mx', 'analyst', '&minScore=0.99')).every((h) => h.score >= 0.99)).toBe(true);
  });

  it('records each hit once when the same MatchQuery and MatchResult arrive again in new envelopes', async () => {
    const count = async (n: HttpNode) => (await n.store.crossBorder!.listHits({ checkId: check.queryId })).total;
    const before = { mx: await count(mx), ca: await count(ca), caChecks: (await checks('ca')).length, results: await resultsSent() };
    // the check went in one part
    const [part, ...more] = await mx.store.crossBorder!.checkParts(check.queryId, 'ca', 'sent');
    expect(more).toEqual([]);
    const queryId = part!.queryId;
    // the same query again, rebuilt from MX's references and its own records
    const refs = await mx.store.crossBorder!.getRefs(queryId);
    const encoder = createCrossBorderEncoder(SHARED);
    const records = [];
    for (const r of refs) {
      const e = (await mx.store.entities.get(r.entityId))!;
      records.push({ ref: r.ref, kind: r.kind, clk: Buffer.from(encoder.encode(r.kind, e.properties)!).toString('base64') });
    }
    const fingerprint = secretFingerprint(SHARED);
    const query = { queryId, part: { checkId: check.queryId, index: 0, count: 1 }, schemaId: CROSS_BORDER_SCHEMA_ID, secretFingerprint: fingerprint, threshold: 0.7, records };
    const q = await mx.store.transaction(() => sendCrossBorder(mx.rt.federation, 'ca', 'MatchQuery', query, SYSTEM));
    // and the same answer again, rebuilt from CA's hits
    const answered = (await ca.store.crossBorder!.listHits({ queryId, limit: 1000 })).items;
    const result = { queryId, part: query.part, status: 'ok', secretFingerprint: fingerprint, hits: answered.map((h) => ({ queryRef: h.remoteRef, ownerRef: h.localRef, kind: h.kind, score: h.score })) };
    const r = await ca.store.transaction(() => sendCrossBorder(ca.rt.federation, 'mx', 'MatchResult', result, SYSTEM));
    await eventually(async () => ['delivered', 'read'].includes((await mx.rt.outbox.get(q.id))?.status ?? '') && ['delivered', 'read'].includes((await ca.rt.outbox.get(r.id))?.status ?? ''));
    expect(await count(mx)).toBe(before.mx);
    expect(await count(ca)).toBe(before.ca);
    expect((await checks('ca')).length).toBe(before.caChecks);
    // the repeated query was not answered a second time: only the copy sent by this test went out
    expect(await resultsSent()).toBe(before.results + 1);
    // both copies were applied without error, the second recording nothing new
    const received = (await mx.store.audit.list({ action: 'crossborder.hits.received', targetId: queryId })).items;
    expect(received.map((e) => e.detail.hits)).toEqual([0, before.mx]);
    for (const n of [mx, ca]) expect((await n.store.audit.list({ action: 'federation.message.handler_failed' })).total).toBe(0);
  });
});

describe('disclosure', () => {
  let pendingNameOnly = '';
  const hit = { mx: {} as Record<string, CrossBorderHitView> };
  beforeAll(async () => {
    const list = await hits('mx');
    for (const k of ['jose', 'phone', 'rosa']) hit.mx[k] = hitOf(list, ids.mx[k]!)!;
  });

  it('approved at level fields with fewer fields: the requester sees exactly those properties', async () => {
    const res = await request('analyst', hit.mx.jose!.id, 'fields', ['name', 'birthDate', 'phone']);
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json() as DisclosureView;
    expect(out).toMatchObject({ direction: 'outgoing', status: 'pending', peerNode: 'ca', kind: 'Person', local: null, decision: null, canDecide: false });
    // a second request while the first waits is refused
    const twice = await request('analyst', hit.mx.jose!.id, 'contact', []);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('DISCLOSURE_ALREADY_PENDING');

    const inc = await incoming('ca', out.id);
    expect(inc).toMatchObject({ direction: 'incoming', status: 'pending', peerNode: 'mx', peerCountry: 'MX', canDecide: true, score: hit.mx.jose!.score });
    expect(inc.local).toMatchObject({ entityId: ids.ca.jose, caption: 'Jose Hernandez', schema: 'Person' });
    expect(inc.requested).toMatchObject({ level: 'fields', fields: ['name', 'birthDate', 'phone'], legalBasis: MLAT, caseReference: 'MX-2026-000042' });
    expect(inc.availableFields).toEqual(expect.arrayContaining(['name', 'birthDate', 'phone', 'occupation']));

    // the analyst, the admin, and an investigator or inspector of another agency than the record's may not decide
    const body = { decision: 'approved', level: 'fields', fields: ['name', 'birthDate'], legalBasis: { kind: 'treaty', reference: 'Palermo Protocol, art. 10' }, reason: 'Joint investigation of a recruiter' };
    for (const r of ['analyst', 'admin', 'investigator2', 'inspector'] as Who[]) expect((await api('ca', r, 'POST', `/api/cross-border/disclosures/${out.id}/decision`, body)).statusCode, r).toBe(403);
    // they see it read-only; the investigator of the record's agency may decide it too
    const seenBy = async (who: Who) => (await api('ca', who, 'GET', `/api/cross-border/disclosures/${out.id}`)).json() as DisclosureView;
    for (const r of ['analyst', 'investigator2', 'inspector'] as Who[]) expect(await seenBy(r), r).toMatchObject({ canDecide: false, local: { caption: 'Jose Hernandez' }, restricted: null, notice: null });
    expect(await seenBy('investigator')).toMatchObject({ canDecide: true, local: { caption: 'Jose Hernandez' } });
    expect(inc).toMatchObject({ restricted: null, notice: null });
    const res2 = await api('ca', 'liaison', 'POST', `/api/cross-border/disclosures/${out.id}/decision`, body);
    expect(res2.statusCode, res2.body).toBe(200);
    expect(res2.json()).toMatchObject({ status: 'approved', canDecide: false, decision: { level: 'fields' } });

    const done = await decided('mx', 'analyst', out.id);
    expect(done.status).toBe('approved');
    expect(done.decision!.level).toBe('fields');
    expect(done.decision!.contact).toMatchObject({ country: 'CA', name: expect.any(String) });
    expect(done.decision!.contact!.email).toBe('liaison@ca.demo');
    expect(done.decision!.disclosed).toEqual({ schema: 'Person', properties: { birthDate: ['1985'], name: ['Jose Hernandez'] } });
    // the hit shows the latest disclosure
    expect(hitOf(await hits('mx'), ids.mx.jose!)!.disclosure).toEqual({ id: out.id, direction: 'outgoing', status: 'approved', level: 'fields' });
  });

  it('refused: nothing but the refusal, its legal basis and reason; a new request may follow, approved at contact level', async () => {
    const res = await request('investigator', hit.mx.phone!.id, 'contact', []);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    await incoming('ca', id);
    const refusal = { decision: 'refused', legalBasis: { kind: 'domestic_law', reference: 'Privacy Act, s. 8' }, reason: 'The number belongs to an open undercover operation' };
    expect((await api('ca', 'liaison', 'POST', `/api/cross-border/disclosures/${id}/decision`, refusal)).statusCode).toBe(200);
    const done = await decided('mx', 'investigator', id);
    expect(done.status).toBe('refused');
    expect(done.decision).toMatchObject({ level: 'existence', contact: null, disclosed: null, legalBasis: refusal.legalBasis, reason: refusal.reason });
    // a decided request cannot be decided again
    const again = await api('ca', 'liaison', 'POST', `/api/cross-border/disclosures/${id}/decision`, { ...refusal, decision: 'approved' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DISCLOSURE_ALREADY_DECIDED');

    const res2 = await request('investigator', hit.mx.phone!.id, 'contact', []);
    expect(res2.statusCode, res2.body).toBe(201);
    const id2 = res2.json().id as string;
    await incoming('ca', id2);
    const above = await api('ca', 'liaison', 'POST', `/api/cross-border/disclosures/${id2}/decision`, { decision: 'approved', level: 'fields', fields: ['number'], legalBasis: MLAT, reason: 'ok' });
    expect(above.statusCode).toBe(400);
    expect(above.json().error.code).toBe('DISCLOSURE_LEVEL_ABOVE_REQUEST');
    expect((await api('ca', 'liaison', 'POST', `/api/cross-border/disclosures/${id2}/decision`, { decision: 'approved', legalBasis: MLAT, reason: 'Contact the liaison officer' })).statusCode).toBe(200);
    const contact = await decided('mx', 'investigator', id2);
    expect(contact.decision).toMatchObject({ level: 'contact', disclosed: null, contact: { country: 'CA', email: 'liaison@ca.demo' } });
  });

  it('a victim’s identity fields leave only under consent or a vital interest, and the audit entry says so', async () => {
    const res = await request('analyst', hit.mx.rosa!.id, 'fields', ['name', 'nationality', 'birthDate']);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const inc = await incoming('ca', id);
    // the liaison officer sees the victim by pseudonym
    expect(inc.local!.caption).toMatch(/^(Victim|Victime|Víctima)-/);
    const refused = await api('ca', 'liaison', 'POST', `/api/cross-border/disclosures/${id}/decision`, { decision: 'approved', level: 'fields', fields: ['name', 'nationality'], legalBasis: MLAT, reason: 'Reunification' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DISCLOSURE_VICTIM_IDENTITY');
    expect(refused.json().error.message).toContain('name');
    expect((await api('ca', 'liaison', 'GET', `/api/cross-border/disclosures/${id}`)).json().status).toBe('pending');
    const consent = { kind: 'consent', reference: 'Signed consent of the victim, 2026-05-03, file CA-VS-118' };
    const ok = await api('ca', 'liaison', 'POST', `/api/cross-border/disclosures/${id}/decision`, { decision: 'approved', level: 'fields', fields: ['name', 'nationality'], legalBasis: consent, reason: 'Family reunification' });
    expect(ok.statusCode, ok.body).toBe(200);
    const done = await decided('mx', 'analyst', id);
    expect(done.decision!.disclosed).toEqual({ schema: 'Person', properties: { name: ['Rosa Ibanez Pena'], nationality: ['MX'] } });
    const entry = (await ca.store.audit.list({ action: 'disclosure.decided', targetId: id })).items[0]!;
    expect(entry.detail).toMatchObject({ victimIdentityDisclosed: true, victimIdentityFields: ['name'], legalBasis: consent });
  });

  it('refuses bad input with a code and a message in the user’s language', async () => {
    const locale = (await mx.store.users.getByEmail('analyst@mx.demo'))!.locale;
    const unknown = await request('analyst', randomUUID(), 'contact', []);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('CROSSBORDER_HIT_NOT_FOUND');
    expect(unknown.json().error.message).toContain(crossBorderErrors.CROSSBORDER_HIT_NOT_FOUND[locale].slice(0, 12));

    const badBasis = await request('analyst', hit.mx.jose!.id, 'contact', [], { kind: 'because', reference: 'x' });
    expect(badBasis.statusCode).toBe(400);
    expect(badBasis.json().error.code).toBe('VALIDATION_FAILED');
    expect(badBasis.json().error.issues.map((i: { field: string }) => i.field).join(' ')).toContain('legalBasis');

    const noField = await request('analyst', hit.mx.jose!.id, 'fields', []);
    expect(noField.json().error.code).toBe('DISCLOSURE_FIELDS_REQUIRED');
    const oddField = await request('analyst', hit.mx.jose!.id, 'fields', ['favouriteColour']);
    expect(oddField.statusCode).toBe(400);
    expect(oddField.json().error).toMatchObject({ code: 'DISCLOSURE_FIELD_UNKNOWN' });

    // fields that were not requested cannot be approved
    const res = await request('analyst', hit.mx.jose!.id, 'fields', ['name']);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    await incoming('ca', id);
    const extra = await api('ca', 'liaison', 'POST', `/api/cross-border/disclosures/${id}/decision`, { decision: 'approved', level: 'fields', fields: ['name', 'phone'], legalBasis: MLAT, reason: 'x' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('DISCLOSURE_FIELDS_NOT_REQUESTED');
    const caLocale = (await ca.store.users.getByEmail('liaison@ca.demo'))!.locale;
    expect(extra.json().error.message).toBe(crossBorderErrors.DISCLOSURE_FIELDS_NOT_REQUESTED[caLocale].replace('{fields}', 'phone'));
    // deciding one's own outgoing request is not possible
    const own = await api('mx', 'liaison', 'POST', `/api/cross-border/disclosures/${id}/decision`, { decision: 'refused', legalBasis: MLAT, reason: 'x' });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('DISCLOSURE_NOT_DECIDABLE');
    expect((await api('mx', 'liaison', 'GET', `/api/cross-border/disclosures/${randomUUID()}`)).statusCode).toBe(404);
    pendingNameOnly = id;
  });

  it('keeps only the requested fields when a partner’s decision carries more, and audits the breach', async () => {
    // a decision written by hand, as a faulty or hostile node could send it
    const decision = {
      requestId: pendingNameOnly,
      decision: 'approved',
      level: 'fields',
      legalBasis: MLAT,
      reason: 'More than asked',
      contact: { agency: 'National Liaison Office', country: 'CA', name: 'Officer', email: null },
      entity: { schema: 'Person', properties: { name: ['Jose Hernandez'], phone: ['+52 55 1234 5678'] } },
    };
    await ca.store.transaction(() => sendCrossBorder(ca.rt.federation, 'mx', 'DisclosureDecision', decision, SYSTEM));
    const done = await decided('mx', 'analyst', pendingNameOnly);
    expect(done.decision!.disclosed).toEqual({ schema: 'Person', properties: { name: ['Jose Hernandez'] } });
    const breach = (await mx.store.audit.list({ action: 'disclosure.decision.violation', targetId: pendingNameOnly })).items;
    expect(breach).toHaveLength(1);
    expect(breach[0]!.detail).toMatchObject({ from: 'ca', droppedFields: ['phone'] });
  });

  it('lists disclosures by direction and status', async () => {
    const out = (await api('mx', 'analyst', 'GET', '/api/cross-border/disclosures?direction=outgoing&limit=100')).json() as ListResult<DisclosureView>;
    expect(out.items.length).toBeGreaterThanOrEqual(4);
    expect(out.items.every((d) => d.direction === 'outgoing')).toBe(true);
    const pending = (await api('ca', 'liaison', 'GET', '/api/cross-border/disclosures?direction=incoming&status=pending')).json() as ListResult<DisclosureView>;
    expect(pending.items.length).toBeGreaterThanOrEqual(1);
    expect(pending.items.every((d) => d.status === 'pending' && d.canDecide && d.direction === 'incoming')).toBe(true);
  });
});

describe('a record only in a restricted case of its owning agency', () => {
  const STRICT = { ...AMBER, tlp: 'AMBER+STRICT' };
  const ORG = 'Agencia de Colocación Horizonte Boreal';
  let requestId = '';
  let hitScore = 0;
  let caseEntityId = '';
  beforeAll(async () => {
    // CA: the police agency's AMBER+STRICT case, in which the liaison office is not named; MX: the same agency, in an AMBER case
    caseEntityId = await subject('ca', 'strictOrg', 'employer', 'Organization', { name: [ORG], country: ['MX'], phone: ['+52 81 5555 0199'] }, undefined, STRICT);
    await subject('mx', 'strictOrg', 'employer', 'Organization', { name: [ORG], country: ['MX'] });
    await mark('ca', 'strictOrg');
    await mark('mx', 'strictOrg');
    await runCheckFromMx();
    const hit = hitOf(await hits('mx'), ids.mx.strictOrg!)!;
    expect(hit, 'MX hit on the organisation').toBeDefined();
    hitScore = hit.score;
    const res = await request('analyst', hit.id, 'fields', ['name', 'phone']);
    expect(res.statusCode, res.body).toBe(201);
    requestId = res.json().id as string;
    await incoming('ca', requestId);
  }, 60_000);

  const view = async (who: Who) => api('ca', who, 'GET', `/api/cross-border/disclosures/${requestId}`);
  const incomingList = async (who: Who) => {
    const res = await api('ca', who, 'GET', '/api/cross-border/disclosures?direction=incoming&limit=100');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ListResult<DisclosureView>;
  };
  const decision = { decision: 'approved', level: 'fields', fields: ['name'], legalBasis: MLAT, reason: 'Joint investigation of the recruiting agency' };

  it('the liaison office sees the request without the record, told in its language that the owning agency decides, and cannot decide it', async () => {
    const locale = (await ca.store.users.getByEmail('liaison@ca.demo'))!.locale;
    const res = await view('liaison');
    expect(res.statusCode, res.body).toBe(200);
    const stub = res.json() as DisclosureView;
    expect(stub).toMatchObject({ direction: 'incoming', status: 'pending', kind: 'Organization', score: hitScore, local: null, canDecide: false, availableFields: [], restricted: 'hidden_case', decision: null });
    expect(stub.requested).toMatchObject({ level: 'fields', fields: ['name', 'phone'], legalBasis: MLAT, caseReference: 'MX-2026-000042' });
    expect(stub.notice).toBe(disclosureNotices.DISCLOSURE_RESTRICTED_CASE[locale]);
    expect(res.body).not.toContain('Horizonte');
    expect(res.body).not.toContain(caseEntityId);
    const listed = (await incomingList('liaison')).items.find((d) => d.id === requestId);
    expect(listed).toMatchObject({ restricted: 'hidden_case', local: null, canDecide: false });
    expect(JSON.stringify(listed)).not.toContain('Horizonte');
    const refused = await api('ca', 'liaison', 'POST', `/api/cross-border/disclosures/${requestId}/decision`, decision);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('POLICY_DENIED');
    // nor does the hit show, to the liaison office, a record it may not see
    expect((await hits('ca', 'liaison')).some((h) => h.local.entityId === caseEntityId)).toBe(false);
  });

  it('an investigator or inspector of another agency neither sees nor decides it', async () => {
    for (const who of ['investigator2', 'inspector'] as Who[]) {
      const res = await view(who);
      expect(res.statusCode, who).toBe(404);
      expect(res.json().error.code).toBe('DISCLOSURE_NOT_FOUND');
      expect((await incomingList(who)).items.some((d) => d.id === requestId), who).toBe(false);
      const tried = await api('ca', who, 'POST', `/api/cross-border/disclosures/${requestId}/decision`, decision);
      expect(tried.statusCode, who).toBe(404);
    }
    // an analyst of the owning agency sees it, read-only
    expect((await view('analyst')).json()).toMatchObject({ canDecide: false, local: { caption: ORG }, restricted: null });
    expect((await api('ca', 'analyst', 'POST', `/api/cross-border/disclosures/${requestId}/decision`, decision)).statusCode).toBe(403);
    expect((await view('liaison')).json().status).toBe('pending');
  });

  it('the investigator of the owning agency finds it under incoming requests and decides it; the node sends the fields approved', async () => {
    const mine = (await incomingList('investigator')).items.find((d) => d.id === requestId);
    expect(mine).toMatchObject({ status: 'pending', canDecide: true, restricted: null, notice: null, local: { entityId: caseEntityId, caption: ORG, schema: 'Organization' } });
    expect(mine!.availableFields).toEqual(expect.arrayContaining(['name', 'phone']));
    expect((await hits('ca', 'investigator')).some((h) => h.local.entityId === caseEntityId)).toBe(true);

    const res = await api('ca', 'investigator', 'POST', `/api/cross-border/disclosures/${requestId}/decision`, decision);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', canDecide: false, decision: { level: 'fields', by: 'investigator@ca.demo' } });
    const done = await decided('mx', 'analyst', requestId);
    expect(done.decision!.disclosed).toEqual({ schema: 'Organization', properties: { name: [ORG] } });
    expect(done.decision!.contact).toMatchObject({ country: 'CA', email: 'investigator@ca.demo' });
    const entry = (await ca.store.audit.list({ action: 'disclosure.decided', targetId: requestId })).items[0]!;
    expect(entry.actorLabel).toBe('investigator@ca.demo');
    expect(entry.detail).toMatchObject({ decision: 'approved', fields: ['name'], entityId: caseEntityId, decider: { role: 'investigator' } });

    // the liaison office sees that it was decided, still without the record or what was disclosed
    const after = await view('liaison');
    expect(after.json()).toMatchObject({ status: 'approved', local: null, restricted: 'hidden_case', decision: { level: 'fields', disclosed: null, contact: null } });
    expect(after.body).not.toContain('Horizonte');
  });
});

describe('who may do what', () => {
  it('check: liaison, investigator and analyst; hits: also the inspector; nobody else', async () => {
    const got: Record<string, number> = {};
    for (const r of ROLES) got[r] = (await api('mx', r, 'GET', '/api/cross-border/hits')).statusCode;
    expect(got).toEqual({ admin: 403, liaison: 200, investigator: 200, analyst: 200, inspector: 200, caseworker: 403, prosecutor: 403, auditor: 403 });
    for (const r of ['admin', 'inspector', 'caseworker', 'prosecutor', 'auditor'] as Role[]) {
      const res = await api('mx', r, 'POST', '/api/cross-border/checks', {});
      expect(res.statusCode, r).toBe(403);
    }
    const checksBy: Record<string, number> = {};
    for (const r of ROLES) checksBy[r] = (await api('mx', r, 'GET', '/api/cross-border/checks')).statusCode;
    expect(checksBy).toEqual({ admin: 403, liaison: 200, investigator: 200, analyst: 200, inspector: 200, caseworker: 403, prosecutor: 403, auditor: 403 });
  });

  it('request: liaison, investigator, analyst, inspector; nobody else', async () => {
    const hitId = hitOf(await hits('mx'), ids.mx.jose!)!.id;
    for (const r of ['admin', 'caseworker', 'prosecutor', 'auditor'] as Role[]) {
      const res = await request(r, hitId, 'contact', []);
      expect(res.statusCode, r).toBe(403);
    }
  });

  it('marking: whoever may edit the record; only people, phones and organisations', async () => {
    expect((await api('mx', 'analyst', 'PUT', `/api/entities/${ids.mx.marta}/cross-border`, { check: false })).statusCode).toBe(403);
    const res = await mark('mx', 'marta', false);
    expect(res.json().entity.id).toBe(ids.mx.marta);
    expect((await mx.store.entities.get(ids.mx.marta!))!.crossBorderCheck).toBe(false);
    const addr = await api('mx', 'investigator', 'POST', `/api/cases/${ids.mx['case:marta']}/entities`, { entity: { schema: 'Address', properties: { full: ['Calle 5 de Mayo 12, Oaxaca'] } } });
    expect(addr.statusCode, addr.body).toBe(201);
    const address = addr.json().linkedEntities.find((e: { schema: string }) => e.schema === 'Address');
    const refused = await api('mx', 'investigator', 'PUT', `/api/entities/${address.id}/cross-border`, { check: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('CROSSBORDER_KIND_NOT_SUPPORTED');
  });
});

describe('the audit log of both nodes', () => {
  it('records every step on each side', async () => {
    const m = await auditActions('mx');
    const c = await auditActions('ca');
    for (const a of ['crossborder.secret.set', 'entity.crossborder.mark', 'crossborder.check.sent', 'crossborder.hits.received', 'crossborder.hits.read', 'disclosure.requested', 'disclosure.decision.received', 'disclosure.read']) {
      expect(m.has(a), `MX ${a}`).toBe(true);
    }
    for (const a of ['crossborder.secret.set', 'entity.crossborder.mark', 'crossborder.check.answered', 'disclosure.request.received', 'disclosure.decided', 'crossborder.hits.read']) {
      expect(c.has(a), `CA ${a}`).toBe(true);
    }
    expect(m.get('crossborder.hits.received')!.some((d) => d.status === 'secret_mismatch')).toBe(true);
    expect(c.get('crossborder.check.answered')!.some((d) => d.status === 'secret_mismatch' && d.hits === 0)).toBe(true);
    expect(c.get('disclosure.decided')!.some((d) => d.decision === 'refused')).toBe(true);
    // the audit chain is still intact on both nodes
    expect((await mx.store.audit.verify()).ok).toBe(true);
    expect((await ca.store.audit.verify()).ok).toBe(true);
  });
});

describe('a check larger than one message', () => {
  it('goes in several parts; each side lists one check with the parts summed, answered once every part is', async () => {
    const user = (await mx.store.users.getByEmail('analyst@mx.demo'))!;
    const access: CrossBorderAccess = { federation: mx.rt.federation, peers: mx.rt.peers, sealer: mx.rt.linkageSealer, outbox: mx.rt.outbox, partSize: 2 };
    const [sent] = await runCheck(mx.ctx, access, actorOf(user), ['ca']);
    expect(sent).toMatchObject({ peerNode: 'ca', direction: 'sent', status: 'sent', hits: 0 });
    const parts = Math.ceil(sent!.records / 2);
    expect(parts).toBeGreaterThan(1);
    expect(sent!.parts).toEqual({ total: parts, answered: 0 });
    const sentEntry = (await mx.store.audit.list({ action: 'crossborder.check.sent', targetId: sent!.queryId })).items[0]!;
    expect(sentEntry.detail).toMatchObject({ to: 'ca', records: sent!.records, parts });
    expect(sentEntry.detail.envelopeIds).toHaveLength(parts);

    const mine = await eventually(async () => {
      const c = (await checks('mx')).filter((x) => x.queryId === sent!.queryId);
      return c.length === 1 && c[0]!.status === 'answered' ? c[0]! : false;
    }, 30_000);
    const theirs = (await checks('ca')).filter((x) => x.queryId === sent!.queryId);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ direction: 'received', status: 'answered', records: sent!.records, hits: mine.hits, peerNode: 'mx' });
    expect(mine).toMatchObject({ records: sent!.records, requestedBy: 'analyst@mx.demo', parts: { total: parts, answered: parts } });
    expect(theirs[0]!.parts).toEqual({ total: parts, answered: parts });
    // every part was answered once, and the hits of all of them add up
    const answered = (await ca.store.audit.list({ action: 'crossborder.check.answered', limit: 500 })).items.filter((e) => e.detail.checkId === sent!.queryId);
    expect(answered.map((e) => (e.detail.part as { index: number }).index).sort((a, b) => a - b)).toEqual(Array.from({ length: parts }, (_, i) => i));
    expect(answered.reduce((n, e) => n + (e.detail.hits as number), 0)).toBe(mine.hits);
    expect(mine.hits).toBe((await mx.store.crossBorder!.listHits({ checkId: sent!.queryId })).total);
    // the recruiter, the phone and the victim are found again, in whichever part they went
    const found = (await hits('mx')).filter((h) => h.queryId === sent!.queryId);
    for (const key of ['jose', 'phone', 'rosa']) expect(hitOf(found, ids.mx[key]!), key).toBeDefined();
    for (const n of [mx, ca]) expect((await n.store.audit.list({ action: 'federation.message.handler_failed' })).total).toBe(0);
  }, 60_000);
});

describe('a node with nothing marked', () => {
  it('refuses to run a check, with a message in the user’s language', async () => {
    const marked = await markedEntities(ca.store);
    expect(marked.length).toBeGreaterThan(0);
    const setMark = async (check: boolean) => {
      for (const e of marked) {
        const now = (await ca.store.entities.get(e.id))!;
        await ca.store.entities.update({ ...now, crossBorderCheck: check, version: now.version + 1 }, now.version);
      }
    };
    await setMark(false);
    try {
      const res = await api('ca', 'liaison', 'POST', '/api/cross-border/checks', {});
      expect(res.statusCode).toBe(409);
      const locale = (await ca.store.users.getByEmail('liaison@ca.demo'))!.locale;
      expect(res.json().error).toMatchObject({ code: 'CROSSBORDER_NOTHING_MARKED', message: crossBorderErrors.CROSSBORDER_NOTHING_MARKED[locale] });
      expect(locale).toBe('fr');
      const en = await api('ca', 'investigator', 'POST', '/api/cross-border/checks', {});
      const enLocale = (await ca.store.users.getByEmail('investigator@ca.demo'))!.locale;
      expect(enLocale).not.toBe(locale);
      expect(en.json().error).toMatchObject({ code: 'CROSSBORDER_NOTHING_MARKED', message: crossBorderErrors.CROSSBORDER_NOTHING_MARKED[enLocale] });
      // nothing was sent
      expect((await checks('ca')).some((c) => c.direction === 'sent')).toBe(false);
    } finally {
      await setMark(true);
    }
  });
});
