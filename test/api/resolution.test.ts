/**
 * Entity resolution in a node, through the API: a run finds variants of one person planted
 * in several cases, a reviewer confirms (the records merge, subjects and edges follow the
 * survivor, search finds it) or rejects, an undo puts everything back; victims and cases
 * a reviewer cannot see are never shown in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, demoNode, signIn, type Session, type TestNode } from '../helpers/demo-node';
import type { Role } from '../../src/domain/model';
import type { ListResult, ResolutionPairView, ResolutionRunView } from '../../src/server/api-types';
import { processResolutionJobs, requestResolutionRun, runResolution } from '../../src/app/resolution-service';
import { actorOf } from '../../src/app/auth-service';

const ROLES: Role[] = ['admin', 'liaison', 'investigator', 'analyst', 'inspector', 'caseworker', 'prosecutor', 'auditor'];
const AMBER = { tlp: 'AMBER', purpose: 'investigation', retentionDays: 365, originatorConsentRequiredToForward: true };
const RED = { ...AMBER, tlp: 'RED' };

let node: TestNode;
const s = {} as Record<Role | 'investigator2', Session>;
const ids: Record<string, string> = {};
const cases: Record<string, string> = {};

async function inject(who: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return node.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) });
}

/** Opens a case and adds one subject; returns the subject's entity id. */
async function caseWith(key: string, who: Session, handling: object, role: string, properties: Record<string, string[]>): Promise<string> {
  let res = await inject(who, 'POST', '/api/cases', { title: `Resolution ${key}`, type: 'labour_trafficking', handling });
  expect(res.statusCode, res.body).toBe(201);
  cases[key] = res.json().id;
  res = await inject(who, 'POST', `/api/cases/${cases[key]}/subjects`, { role, entity: { schema: 'Person', properties } });
  expect(res.statusCode, res.body).toBe(201);
  const subject = res.json().subjects.find((x: { entity: { caption: string } }) => x.entity.caption === properties.name![0]);
  ids[key] = subject.entity.id;
  return ids[key]!;
}

async function queue(who: Session, query = ''): Promise<ListResult<ResolutionPairView>> {
  const res = await inject(who, 'GET', `/api/resolution/pairs?limit=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const between = (items: ResolutionPairView[], a: string, b: string) =>
  items.find((p) => (p.left.entity?.id === a && p.right.entity?.id === b) || (p.left.entity?.id === b && p.right.entity?.id === a));

async function runToEnd(who: Session): Promise<ResolutionRunView> {
  const res = await inject(who, 'POST', '/api/resolution/runs');
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  // the run is a job carried out after the answer: wait for it (hooks cannot use expect.poll)
  for (let i = 0; i < 300; i++) {
    const run: ResolutionRunView = (await inject(who, 'GET', `/api/resolution/runs/${id}`)).json();
    if (run.status === 'done' || run.status === 'failed') {
      expect(run.error).toBeNull();
      return run;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${id} did not finish`);
}

beforeAll(async () => {
  node = await demoNode('MX');
  for (const r of [...ROLES, 'investigator2' as const]) s[r] = await signIn(node.app, `${r}@mx.demo`);
  const inv = s.investigator;
  const inv2 = s.investigator2;
  // one recruiter written three ways in three cases
  await caseWith('jose', inv, AMBER, 'recruiter', { name: ['José Luis Hernández Ruiz'], givenName: ['José Luis'], surname: ['Hernández'], secondSurname: ['Ruiz'], birthDate: ['1985-03-14'], gender: ['male'], nationality: ['MX'] });
  await caseWith('pepe', inv, AMBER, 'suspect', { name: ['Pepe Hernandez Ruiz'], givenName: ['Pepe'], surname: ['Hernandez'], secondSurname: ['Ruiz'], birthDate: ['1985-03-14'], gender: ['male'], phone: ['55 1234 5678'] });
  await caseWith('jl', inv, AMBER, 'suspect', { name: ['J. L. Hernández'], givenName: ['J. L.'], surname: ['Hernández'], birthDate: ['1985'] });
  // a witness of the "pepe" case associated with Pepe: the edge must follow the merge
  let res = await inject(inv, 'POST', `/api/cases/${cases.pepe}/subjects`, { role: 'witness', entity: { schema: 'Person', properties: { name: ['Marta Quiroga Luna'] } } });
  ids.marta = res.json().subjects.find((x: { role: string }) => x.role === 'witness').entity.id;
  res = await inject(inv, 'POST', `/api/cases/${cases.pepe}/entities`, { entity: { schema: 'Association', properties: { source: [ids.pepe], target: [ids.marta], role: ['cousin'] } } });
  expect(res.statusCode, res.body).toBe(201);
  ids.edge = res.json().linkedEntities.find((e: { schema: string }) => e.schema === 'Association').id;
  // the same phone, written two ways, linked to two cases
  for (const [key, number] of [['phoneA', '55 1234 9876'], ['phoneB', '+52 (55) 1234-9876']] as const) {
    res = await inject(inv, 'POST', `/api/cases/${cases[key === 'phoneA' ? 'jose' : 'pepe']}/entities`, { entity: { schema: 'Phone', properties: { number: [number] } } });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().linkedEntities.filter((e: { schema: string }) => e.schema === 'Phone').at(-1).id;
  }
  // a victim recorded by two agencies
  await caseWith('rosa', inv, AMBER, 'victim', { name: ['Rosa Ibáñez Peña'], givenName: ['Rosa'], surname: ['Ibáñez'], secondSurname: ['Peña'], birthDate: ['1990-05-02'], gender: ['female'] });
  await caseWith('rosa2', inv2, AMBER, 'victim', { name: ['Rosa Ibanez'], givenName: ['Rosa'], surname: ['Ibanez'], birthDate: ['1990-05-02'], gender: ['female'] });
  // a suspect of a RED case of the second agency, and a variant in a case everyone sees
  await caseWith('ximena', inv2, RED, 'suspect', { name: ['Ximena Solís Cárdenas'], givenName: ['Ximena'], surname: ['Solís'], secondSurname: ['Cárdenas'], birthDate: ['1979-11-30'] });
  await caseWith('jimena', inv, AMBER, 'suspect', { name: ['Jimena Solis Cardenas'], givenName: ['Jimena'], surname: ['Solis'], secondSurname: ['Cardenas'], birthDate: ['1979'] });
});
afterAll(async () => node?.close());

describe('who may use entity resolution', () => {
  it('investigators and analysts read the queue; nobody else', async () => {
    const got: Record<string, number> = {};
    for (const r of ROLES) got[r] = (await inject(s[r], 'GET', '/api/resolution/pairs')).statusCode;
    expect(got).toEqual({ admin: 403, liaison: 403, investigator: 200, analyst: 200, inspector: 403, caseworker: 403, prosecutor: 403, auditor: 403 });
  });

  it('other roles may not start a run', async () => {
    for (const r of ROLES.filter((x) => x !== 'investigator' && x !== 'analyst')) {
      const res = await inject(s[r], 'POST', '/api/resolution/runs');
      expect(res.statusCode, r).toBe(403);
      expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
    }
  });
});

describe('a run and the queue', () => {
  let run: ResolutionRunView;
  beforeAll(async () => {
    run = await runToEnd(s.investigator);
  });

  it('finds the planted variants, with a per-field explanation, most uncertain first', async () => {
    expect(run.summary!.people).toBeGreaterThan(100);
    const { items } = await queue(s.investigator);
    const josePepe = between(items, ids.jose!, ids.pepe!)!;
    expect(josePepe, 'José Luis / Pepe').toBeDefined();
    expect(josePepe.decision).toBe('match');
    expect(josePepe.explanation!.kind).toBe('model');
    const parts = Object.fromEntries(josePepe.explanation!.parts.map((p) => [p.field, p]));
    expect(parts.date_of_birth!.level).toBe('exact');
    expect(parts.given_name!.level).toBe('alias'); // Pepe stands for José
    expect(parts.date_of_birth!.weight!).toBeGreaterThan(0);
    const jl = between(items, ids.jl!, ids.jose!)!;
    expect(jl.decision).toBe('review');
    expect(jl.probability).toBeGreaterThanOrEqual(0.5);
    expect(jl.probability).toBeLessThan(0.9);
    const phones = between(items, ids.phoneA!, ids.phoneB!)!;
    expect(phones).toMatchObject({ schema: 'Phone', probability: 1, decision: 'match' });
    expect(phones.explanation!.parts).toEqual([expect.objectContaining({ field: 'number', level: 'exact' })]);
    const uncertainty = items.map((p) => Math.abs(p.probability - 0.5));
    expect(uncertainty).toEqual([...uncertainty].sort((a, b) => a - b));
    const audit = await node.store.audit.list({ action: 'resolution.run' });
    expect(audit.items[0]).toMatchObject({ targetId: run.id, detail: expect.objectContaining({ proposed: run.summary!.proposed }) });
  });

  it('a second run waits for the one queued', async () => {
    const user = (await node.store.users.getByEmail('analyst@mx.demo'))!;
    await requestResolutionRun(node.ctx, actorOf(user));
    const res = await inject(s.investigator, 'POST', '/api/resolution/runs');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RESOLUTION_RUN_CONFLICT');
    expect(await processResolutionJobs(node.ctx)).toBe(1);
    expect((await inject(s.analyst, 'GET', '/api/resolution/runs/latest')).json().status).toBe('done');
  });

  it('an analyst sees a victim pair only under a pseudonym, and cannot decide it', async () => {
    const { items } = await queue(s.analyst);
    const text = JSON.stringify(items);
    expect(text).not.toMatch(/Rosa|Ib[aá]ñ?n?ez|Peña/);
    const victimPairs = items.filter((p) => p.restricted === 'victim');
    expect(victimPairs.length).toBeGreaterThan(0);
    for (const v of victimPairs) {
      expect(v).toMatchObject({ canDecide: false, explanation: null, note: null, left: { entity: null }, right: { entity: null } });
      const shown = [v.left.pseudonym, v.right.pseudonym].filter((p): p is string => p !== null);
      expect(shown.length).toBeGreaterThan(0);
      for (const p of shown) expect(p).toMatch(/^Víctima-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    }
    const v = victimPairs[0]!;
    const res = await inject(s.analyst, 'POST', `/api/resolution/pairs/${v.id}/confirm`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('RESOLUTION_PAIR_RESTRICTED');
    expect(JSON.stringify(await node.store.cases.listSubjects(cases.rosa2!))).toContain(ids.rosa2!);
  });

  it('a record only in a case the reviewer cannot open does not exist in their queue', async () => {
    for (const who of [s.analyst, s.investigator]) {
      const text = JSON.stringify((await queue(who)).items);
      expect(text).not.toMatch(/Ximena|Jimena/);
    }
    const theirs = await queue(s.investigator2);
    expect(between(theirs.items, ids.ximena!, ids.jimena!)).toMatchObject({ canDecide: true, restricted: null });
  });

  it('an investigator decides a victim pair once assigned to both victims’ cases, and that read is audited', async () => {
    let pair = (await queue(s.investigator)).items.find((p) => p.restricted === 'victim')!;
    expect(pair.canDecide).toBe(false);
    const me = (await node.store.users.getByEmail('investigator@mx.demo'))!;
    const res = await inject(s.investigator2, 'POST', `/api/cases/${cases.rosa2}/members`, { userId: me.id, capacity: 'investigator' });
    expect(res.statusCode, res.body).toBe(201);
    pair = between((await queue(s.investigator)).items, ids.rosa!, ids.rosa2!)!;
    expect(pair).toMatchObject({ canDecide: true, restricted: null });
    const reads = await node.store.audit.list({ actorId: me.id, action: 'victim.identity.read' });
    expect(reads.items.map((e) => e.caseId)).toEqual(expect.arrayContaining([cases.rosa, cases.rosa2]));
  });
});

describe('decisions', () => {
  let mergeId = '';
  let before: { jose: unknown; pepe: unknown };

  it('confirm merges: both names kept, subjects and edges follow the survivor, search finds it, every step audited', async () => {
    before = { jose: await node.store.entities.get(ids.jose!), pepe: await node.store.entities.get(ids.pepe!) };
    const pair = between((await queue(s.investigator)).items, ids.jose!, ids.pepe!)!;
    const res = await inject(s.investigator, 'POST', `/api/resolution/pairs/${pair.id}/confirm`, { note: 'Same date of birth and surnames; Pepe is José.' });
    expect(res.statusCode, res.body).toBe(200);
    const done: ResolutionPairView = res.json();
    expect(done).toMatchObject({ status: 'confirmed', note: 'Same date of birth and surnames; Pepe is José.', merge: { status: 'active', survivorId: ids.jose, mergedId: ids.pepe } });
    mergeId = done.merge!.id;
    expect(done.merge!.conflicts).toContain('givenName');

    const survivor = (await node.store.entities.get(ids.jose!))!;
    expect(survivor.properties.name).toEqual(['José Luis Hernández Ruiz', 'Pepe Hernandez Ruiz']);
    expect(survivor.properties.phone).toEqual(['+525512345678']);
    expect(survivor.properties.givenName).toEqual(['José Luis']);
    const tombstone = (await node.store.entities.get(ids.pepe!))!;
    expect(tombstone.properties).toEqual({});
    expect((await node.store.cases.listSubjects(cases.pepe!)).map((x) => x.entityId)).toContain(ids.jose);
    expect((await node.store.cases.listSubjects(cases.pepe!)).map((x) => x.entityId)).not.toContain(ids.pepe);
    expect((await node.store.entities.get(ids.edge!))!.properties.source).toEqual([ids.jose]);

    const found = await inject(s.investigator, 'GET', '/api/search?q=pepe%20hernandez&type=entity');
    const hits = found.json().items.map((i: { id: string }) => i.id);
    expect(hits).toContain(ids.jose);
    expect(hits).not.toContain(ids.pepe);
    const where = await inject(s.analyst, 'GET', `/api/resolution/entities/${ids.pepe}`);
    expect(where.json()).toMatchObject({ entityId: ids.pepe, mergedInto: ids.jose });

    const trail = async (action: string) => (await node.store.audit.list({ action })).items;
    expect((await trail('resolution.pair.confirm'))[0]).toMatchObject({ targetId: pair.id, detail: expect.objectContaining({ mergeId, survivorId: ids.jose }) });
    expect((await trail('entity.merge'))[0]).toMatchObject({ targetId: ids.jose, detail: expect.objectContaining({ mergedId: ids.pepe }) });
    expect((await trail('case.subject.repoint')).some((e) => e.caseId === cases.pepe && e.detail.from === ids.pepe)).toBe(true);
    expect((await trail('entity.update')).some((e) => e.targetId === ids.edge && e.detail.mergeId === mergeId)).toBe(true);
    // the pair, and pairs with the merged record, have left the queue
    const after = (await queue(s.investigator)).items;
    expect(after.find((p) => p.id === pair.id)).toBeUndefined();
    expect(after.some((p) => p.left.entity?.id === ids.pepe || p.right.entity?.id === ids.pepe)).toBe(false);
    // the decided list shows the merged record as it was
    const confirmed = (await queue(s.investigator, '&status=confirmed')).items.find((p) => p.id === pair.id)!;
    expect([confirmed.left.entity!.caption, confirmed.right.entity!.caption].sort()).toEqual(['José Luis Hernández Ruiz', 'Pepe Hernandez Ruiz']);
  });

  it('reject takes a pair out of the queue for good; deciding it twice is a conflict', async () => {
    const pair = between((await queue(s.investigator)).items, ids.jl!, ids.jose!)!;
    const res = await inject(s.investigator, 'POST', `/api/resolution/pairs/${pair.id}/reject`, { note: 'Initials only.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', merge: null });
    const again = await inject(s.analyst, 'POST', `/api/resolution/pairs/${pair.id}/reject`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('RESOLUTION_DECISION_CONFLICT');
    const run = await runToEnd(s.analyst);
    expect(run.summary!.alreadyDecided).toBeGreaterThanOrEqual(1);
    expect((await queue(s.investigator)).items.find((p) => p.id === pair.id)).toBeUndefined();
    expect((await node.store.audit.list({ action: 'resolution.pair.reject' })).items[0]!.targetId).toBe(pair.id);
  });

  it('undo puts both records, the subjects and the edge back', async () => {
    const res = await inject(s.analyst, 'POST', `/api/resolution/merges/${mergeId}/undo`, { note: 'Two brothers after all.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'split', merge: { status: 'undone', id: mergeId } });
    const jose = (await node.store.entities.get(ids.jose!))!;
    const pepe = (await node.store.entities.get(ids.pepe!))!;
    expect(jose.properties).toEqual((before.jose as { properties: object }).properties);
    expect(pepe.properties).toEqual((before.pepe as { properties: object }).properties);
    expect(pepe.caption).toBe('Pepe Hernandez Ruiz');
    const subjects = (await node.store.cases.listSubjects(cases.pepe!)).map((x) => x.entityId);
    expect(subjects).toContain(ids.pepe);
    expect(subjects).not.toContain(ids.jose);
    expect((await node.store.entities.get(ids.edge!))!.properties.source).toEqual([ids.pepe]);
    const hits = (await inject(s.investigator, 'GET', '/api/search?q=pepe&type=entity')).json().items.map((i: { id: string }) => i.id);
    expect(hits).toContain(ids.pepe);
    expect((await inject(s.analyst, 'GET', `/api/resolution/entities/${ids.pepe}`)).json().mergedInto).toBeNull();
    expect((await node.store.audit.list({ action: 'entity.split' })).items[0]).toMatchObject({ targetId: ids.jose, detail: expect.objectContaining({ mergedId: ids.pepe, mergeId }) });
    const twice = await inject(s.analyst, 'POST', `/api/resolution/merges/${mergeId}/undo`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('RESOLUTION_UNDO_DONE_CONFLICT');
  });

  it('an undo is refused once the kept record changed', async () => {
    const pair = between((await queue(s.investigator)).items, ids.phoneA!, ids.phoneB!)!;
    const done: ResolutionPairView = (await inject(s.investigator, 'POST', `/api/resolution/pairs/${pair.id}/confirm`, { survivorId: ids.phoneB })).json();
    expect(done.merge).toMatchObject({ survivorId: ids.phoneB, mergedId: ids.phoneA });
    const kept = (await node.store.entities.get(ids.phoneB!))!;
    const edit = await inject(s.investigator, 'PATCH', `/api/entities/${kept.id}`, { version: kept.version, properties: { ...kept.properties, lineType: ['mobile'] } });
    expect(edit.statusCode, edit.body).toBe(200);
    const res = await inject(s.investigator, 'POST', `/api/resolution/merges/${done.merge!.id}/undo`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RESOLUTION_UNDO_CHANGED_CONFLICT');
    expect(res.json().error.message).toMatch(/modificó|fusionó/); // the investigator works in Spanish
  });

  it('bad input gets a 4xx with a stable code', async () => {
    expect((await inject(s.investigator, 'POST', '/api/resolution/pairs/nope/confirm', {})).json().error.code).toBe('RESOLUTION_PAIR_NOT_FOUND');
    expect((await inject(s.investigator, 'POST', '/api/resolution/pairs/x/confirm', { survivorId: 'a b' })).statusCode).toBe(400);
    expect((await inject(s.investigator, 'GET', '/api/resolution/pairs?status=maybe')).statusCode).toBe(400);
    const pending = (await queue(s.investigator2)).items.find((p) => p.canDecide)!;
    const res = await inject(s.investigator2, 'POST', `/api/resolution/pairs/${pending.id}/confirm`, { survivorId: ids.marta });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('RESOLUTION_SURVIVOR_INVALID');
  });

  it('confirmed pairs train the next run', async () => {
    const pair = between((await queue(s.investigator)).items, ids.rosa!, ids.rosa2!)!;
    expect((await inject(s.investigator, 'POST', `/api/resolution/pairs/${pair.id}/confirm`, {})).statusCode).toBe(200);
    const user = (await node.store.users.getByEmail('investigator@mx.demo'))!;
    const run = await runResolution(node.ctx, actorOf(user), { minTrainingLabels: 1 });
    expect(run.summary).toMatchObject({ mFromLabels: true });
    expect(run.summary!.labels).toBeGreaterThanOrEqual(1);
    const untrained = await runResolution(node.ctx, actorOf(user));
    expect(untrained.summary).toMatchObject({ mFromLabels: false });
    const pending = await node.store.resolution!.listPairs({ status: 'pending' });
    expect(pending.every((p) => !p.leftId.startsWith('label:') && !p.rightId.startsWith('label:'))).toBe(true);
    expect(pending.some((p) => [p.leftId, p.rightId].includes(ids.rosa2!))).toBe(false);
  });
});
