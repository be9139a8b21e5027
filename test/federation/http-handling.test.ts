/**
 * Handling codes enforced between three demo nodes over HTTP: minimised alerts built from a
 * case, the victim-identity rule, a forward that needs the originator's consent, a RED item
 * that never leaves, and the retention purge that keeps an audited stub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { as, type Session } from '../helpers/demo-node';
import type { SqlStore } from '../../src/store/sql-store';
import { closeNodes, eventually, httpNodes, type HttpNode } from './http-nodes';

let nodes: Record<string, HttpNode>;
let mx: HttpNode;
let ca: HttpNode;
let us: HttpNode;
let mxLiaison: Session;
let caLiaison: Session;
let caseId: string;
let victimId: string;
let suspectId: string;
const AMBER = { tlp: 'AMBER' as const, purpose: 'investigation', retentionDays: 30, originatorConsentRequiredToForward: true };

async function send(node: HttpNode, s: Session, payload: object) {
  return node.app.inject({ method: 'POST', url: '/api/federation/messages', headers: as(s), payload });
}

async function received(node: HttpNode, s: Session, id: string) {
  return eventually(async () => {
    const r = await node.app.inject({ method: 'GET', url: '/api/federation/inbox', headers: as(s) });
    return r.json().items.find((i: { id: string }) => i.id === id);
  });
}

beforeAll(async () => {
  nodes = await httpNodes(['MX', 'CA', 'US']);
  ({ mx, ca, us } = nodes as Record<'mx' | 'ca' | 'us', HttpNode>);
  mxLiaison = await mx.signIn('liaison');
  caLiaison = await ca.signIn('liaison');
  const inv = await mx.signIn('investigator');
  let res = await mx.app.inject({ method: 'POST', url: '/api/cases', headers: as(inv), payload: { title: 'Red de enganchadores', type: 'labour_trafficking', handling: { ...AMBER, retentionDays: 365 } } });
  caseId = res.json().id;
  res = await mx.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/subjects`,
    headers: as(inv),
    payload: { role: 'victim', entity: { schema: 'Person', properties: { name: ['Rosa Ibáñez Peña'], nationality: ['MX'], gender: ['female'] } } },
  });
  victimId = res.json().subjects.find((x: { role: string }) => x.role === 'victim').entity.id;
  res = await mx.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/subjects`,
    headers: as(inv),
    payload: { role: 'suspect', entity: { schema: 'Person', properties: { name: ['Julián Ortega Ruiz'], nationality: ['MX'] } } },
  });
  suspectId = res.json().subjects.find((x: { role: string }) => x.role === 'suspect').entity.id;
}, 180_000);
afterAll(async () => closeNodes(nodes));

describe('minimisation and the victim-identity rule', () => {
  it('offers entity ids and field names, never values', async () => {
    const res = await mx.app.inject({ method: 'GET', url: `/api/federation/shareable?caseId=${caseId}`, headers: as(mxLiaison) });
    expect(res.statusCode).toBe(200);
    const victim = res.json().entities.find((e: { id: string }) => e.id === victimId);
    expect(victim).toMatchObject({ identifiesVictim: true, roles: ['victim'] });
    expect(victim.fields.find((f: { name: string }) => f.name === 'name')).toMatchObject({ victimIdentity: true });
    expect(res.body).not.toContain('Rosa');
  });

  it('sends only the chosen entities and fields', async () => {
    const res = await send(mx, mxLiaison, {
      type: 'Alert',
      to: 'ca',
      handling: AMBER,
      audience: { agencies: ['CA-NLO'], persons: [] },
      title: 'Recruiter active in Ontario',
      summary: 'Suspected recruiter placing workers with confiscated passports.',
      caseId,
      entities: [
        { id: suspectId, fields: ['name'] },
        { id: victimId, fields: ['gender'] },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    await received(ca, caLiaison, res.json().id);
    const open = await ca.app.inject({ method: 'GET', url: `/api/federation/messages/${res.json().id}`, headers: as(caLiaison) });
    const entities = open.json().payload.entities as { globalId: string; properties: Record<string, string[]> }[];
    expect(entities).toEqual([
      { globalId: `mx:${suspectId}`, schema: 'Person', properties: { name: ['Julián Ortega Ruiz'] } },
      { globalId: `mx:${victimId}`, schema: 'Person', properties: { gender: ['female'] } },
    ]);
    expect(open.body).not.toContain('Rosa');
    expect(open.body).not.toContain('nationality');
  });

  it("refuses a victim's identity without consent or a legal basis, and records the disclosure with one", async () => {
    const base = { type: 'Alert', to: 'ca', handling: AMBER, audience: { agencies: ['CA-NLO'], persons: [] }, title: 'Victim located', summary: 'Referral needed.', caseId };
    let res = await send(mx, mxLiaison, { ...base, entities: [{ id: victimId, fields: ['name'] }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FED_VICTIM_IDENTITY_NEEDS_BASIS');
    expect(res.json().error.issues[0].field).toBe(`${victimId}.name`);
    const basis = { kind: 'consent', reference: 'Consent form DIF-2026-0042', recordedAt: '2026-06-01T10:00:00.000Z' };
    res = await send(mx, mxLiaison, { ...base, entities: [{ id: victimId, fields: ['name'] }], identityBasis: basis });
    expect(res.statusCode, res.body).toBe(201);
    const disclosures = await mx.store.audit.list({ action: 'federation.disclosure', targetId: res.json().id });
    expect(disclosures.items).toHaveLength(1);
    expect(disclosures.items[0]).toMatchObject({ caseId, detail: { victims: [victimId], basis } });
  });
});

describe('forwarding under the handling code', () => {
  it('asks the originator before forwarding, and forwards once granted', async () => {
    const res = await send(mx, mxLiaison, { type: 'Alert', to: 'ca', handling: AMBER, audience: { agencies: ['CA-NLO'], persons: [] }, title: 'Forwardable alert', summary: 'For US as well.' });
    const id = res.json().id;
    await received(ca, caLiaison, id);
    const fwd = await ca.app.inject({
      method: 'POST',
      url: `/api/federation/messages/${id}/forward`,
      headers: as(caLiaison),
      payload: { to: 'us', handling: { ...AMBER, retentionDays: 29 }, audience: { agencies: ['US-NLO'], persons: [] }, reason: 'The recruiter also places workers in Georgia.' },
    });
    expect(fwd.statusCode, fwd.body).toBe(202);
    expect(fwd.json().outcome).toBe('needs_consent');

    const request = await eventually(async () => {
      const r = await mx.app.inject({ method: 'GET', url: '/api/federation/consents?direction=incoming&status=pending', headers: as(mxLiaison) });
      return r.json().items.find((c: { itemId: string }) => c.itemId === id);
    });
    expect(request).toMatchObject({ forwarder: 'ca', forwardTo: { node: 'us' }, reason: 'The recruiter also places workers in Georgia.' });
    const decided = await mx.app.inject({ method: 'POST', url: `/api/federation/consents/${request.requestId}/decision`, headers: as(mxLiaison), payload: { granted: true, reason: 'Agreed at the liaison call.' } });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().status).toBe('granted');

    const usLiaison = await us.signIn('liaison');
    const arrived = await eventually(async () => {
      const r = await us.app.inject({ method: 'GET', url: '/api/federation/inbox', headers: as(usLiaison) });
      return r.json().items.find((i: { title: string }) => i.title === 'Forwardable alert');
    });
    expect(arrived.peer.node).toBe('ca');
    const open = await us.app.inject({ method: 'GET', url: `/api/federation/messages/${arrived.id}`, headers: as(usLiaison) });
    expect(open.json().originator).toEqual({ node: 'mx', itemId: id });
  });

  it('never forwards a RED item, and audits the refusal', async () => {
    const persons = [(await ca.store.users.getByEmail('liaison@ca.demo'))!.id];
    const res = await send(mx, mxLiaison, { type: 'Alert', to: 'ca', handling: { ...AMBER, tlp: 'RED' }, audience: { agencies: [], persons }, title: 'Eyes only', summary: 'Named recipient only.' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    await received(ca, caLiaison, id);
    const fwd = await ca.app.inject({
      method: 'POST',
      url: `/api/federation/messages/${id}/forward`,
      headers: as(caLiaison),
      payload: { to: 'us', handling: { ...AMBER, tlp: 'RED' }, audience: { agencies: [], persons: ['someone'] }, reason: 'r' },
    });
    expect(fwd.statusCode).toBe(400);
    expect(fwd.json().error.code).toBe('FED_HANDLING_RED_NO_FORWARD');
    const refused = await ca.store.audit.list({ action: 'federation.forward.refused', targetId: id });
    expect(refused.items).toHaveLength(1);
    // RED: another person at CA, even a liaison's colleague, does not see it
    const analyst = await ca.signIn('analyst');
    const hidden = await ca.app.inject({ method: 'GET', url: `/api/federation/messages/${id}`, headers: as(analyst) });
    expect(hidden.statusCode).toBe(404);
  });
});

describe('threads', () => {
  it('does not let a partner slip a response into a conversation it was not part of', async () => {
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const res = await send(mx, mxLiaison, { type: 'RequestForInformation', to: 'ca', handling: AMBER, audience: { agencies: ['CA-NLO'], persons: [] }, subject: 'For CA only', questions: ['?'], deadline });
    const rfi = res.json().id;
    // US answers a request it never received (straight through the protocol, as a misbehaving node could)
    const spoof = await us.rt.federation.sharing.share({
      to: 'mx',
      type: 'Response',
      payload: { inReplyTo: rfi, answers: ['Unrelated answer'], entities: [], identityBasis: null, final: true },
      handling: AMBER,
      audience: { agencies: ['MX-ENT'], persons: [] },
      actor: { actorId: null, actorLabel: 'test' },
    });
    const item = await eventually(async () => mx.rt.items.get(spoof.id));
    expect(item.threadId).toBe(spoof.id);
    const thread = await mx.app.inject({ method: 'GET', url: `/api/federation/threads/${rfi}`, headers: as(mxLiaison) });
    expect(thread.json().items.map((i: { id: string }) => i.id)).toEqual([rfi]);
  });
});

describe('failed deliveries', () => {
  it('marks a permanently refused message failed, and a liaison officer can queue it again', async () => {
    // a peer pinned under the wrong node id: the node at that address answers FED_NOT_FOR_US
    const caAtMx = (await mx.rt.peers.get('ca'))!;
    await mx.rt.peers.put({ ...caAtMx, node: 'ca-old' });
    const res = await send(mx, mxLiaison, { type: 'Alert', to: 'ca-old', handling: AMBER, audience: { agencies: ['CA-NLO'], persons: [] }, title: 'Misaddressed', summary: 's' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const failed = await eventually(async () => {
      const r = await mx.app.inject({ method: 'GET', url: '/api/federation/outbox?status=failed', headers: as(mxLiaison) });
      return r.json().items.find((i: { id: string }) => i.id === id);
    });
    expect(failed.delivery).toMatchObject({ status: 'failed', lastError: 'FED_NOT_FOR_US', attempts: 1 });
    const again = await mx.app.inject({ method: 'POST', url: `/api/federation/messages/${id}/requeue`, headers: as(mxLiaison) });
    expect(again.statusCode, again.body).toBe(200);
    expect((await mx.store.audit.list({ action: 'federation.message.requeued', targetId: id })).items).toHaveLength(1);
    const delivered = (await mx.app.inject({ method: 'GET', url: '/api/federation/outbox?status=delivered', headers: as(mxLiaison) })).json().items[0];
    const refused = await mx.app.inject({ method: 'POST', url: `/api/federation/messages/${delivered.id}/requeue`, headers: as(mxLiaison) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('FEDERATION_NOT_FAILED_CONFLICT');
  });
});

describe('retention', () => {
  it('purges the payload when retention ends and keeps an audited stub', async () => {
    const res = await send(mx, mxLiaison, { type: 'Alert', to: 'ca', handling: { ...AMBER, retentionDays: 1 }, audience: { agencies: ['CA-NLO'], persons: [] }, title: 'Short-lived', summary: 'Expires soon.' });
    const id = res.json().id;
    await received(ca, caLiaison, id);
    // a day passes: move the copy's expiry into the past
    await sql`update federation_inbox set expires_at = ${new Date(Date.now() - 1000).toISOString()} where envelope_id = ${id}`.execute((ca.store as SqlStore).kysely);
    expect(await ca.rt.federation.inbox.purgeExpired()).toBeGreaterThanOrEqual(1);
    const stub = await ca.app.inject({ method: 'GET', url: `/api/federation/messages/${id}`, headers: as(caLiaison) });
    expect(stub.statusCode).toBe(200);
    expect(stub.json()).toMatchObject({ id, payload: null, title: null });
    expect(stub.json().purgedAt).not.toBeNull();
    expect(stub.body).not.toContain('Short-lived');
    const record = await ca.rt.inbox.get(id);
    expect(record).toMatchObject({ payload: null, evidence: null });
    expect(record!.contentDigest).toMatch(/^[0-9a-f]{64}$/);
    expect((await ca.rt.items.get(id))!.title).toBe(''); // the ledger never held the content
    expect((await ca.store.audit.list({ action: 'federation.message.purged', targetId: id })).items).toHaveLength(1);
    expect((await ca.store.audit.verify()).ok).toBe(true);
  });
});
