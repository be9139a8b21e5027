/**
 * Over real HTTP between two demo nodes: a request for information from Canada to Mexico
 * with a deadline, Mexico's answer, the thread on both sides, read receipts, the policy on
 * who may send and read, minimisation and the victim-identity rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../helpers/demo-node';
import { closeNodes, eventually, httpNodes, type HttpNode } from './http-nodes';

let nodes: Record<string, HttpNode>;
const AMBER = { tlp: 'AMBER', purpose: 'investigation', retentionDays: 90, originatorConsentRequiredToForward: true };

beforeAll(async () => {
  nodes = await httpNodes(['CA', 'MX']);
}, 120_000);
afterAll(async () => closeNodes(nodes));

describe('request for information, answer, thread', () => {
  it('CA asks MX with a deadline; MX answers; both threads show both messages', async () => {
    const { ca, mx } = nodes as { ca: HttpNode; mx: HttpNode };
    const caLiaison = await ca.signIn('liaison');
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
    let res = await ca.app.inject({
      method: 'POST',
      url: '/api/federation/messages',
      headers: as(caLiaison),
      payload: {
        type: 'RequestForInformation',
        to: 'mx',
        handling: AMBER,
        audience: { agencies: ['MX-ENT'], persons: [] },
        subject: 'Recruiter placing workers in Ontario',
        questions: ['Is Agencia Laboral del Sur registered in Oaxaca?', 'Any complaints against it?'],
        deadline,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rfi = res.json();
    expect(rfi).toMatchObject({ type: 'RequestForInformation', direction: 'sent', peer: { node: 'mx', country: 'MX' }, deadline, threadId: rfi.id });

    const mxLiaison = await mx.signIn('liaison');
    const inbox = await eventually(async () => {
      const r = await mx.app.inject({ method: 'GET', url: '/api/federation/inbox', headers: as(mxLiaison) });
      const found = r.json().items.find((i: { id: string }) => i.id === rfi.id);
      return found;
    });
    expect(inbox).toMatchObject({ type: 'RequestForInformation', direction: 'received', deadline, readAt: null, peer: { node: 'ca', country: 'CA' }, title: 'Recruiter placing workers in Ontario' });

    // a person at MX outside the audience does not see it
    const analyst = await mx.signIn('analyst');
    res = await mx.app.inject({ method: 'GET', url: '/api/federation/inbox', headers: as(analyst) });
    expect(res.json().items.some((i: { id: string }) => i.id === rfi.id)).toBe(false);
    res = await mx.app.inject({ method: 'GET', url: `/api/federation/messages/${rfi.id}`, headers: as(analyst) });
    expect(res.statusCode).toBe(404);

    // MX's liaison opens it: read once, receipt back to CA
    res = await mx.app.inject({ method: 'GET', url: `/api/federation/messages/${rfi.id}`, headers: as(mxLiaison) });
    expect(res.statusCode).toBe(200);
    expect(res.json().payload.questions).toHaveLength(2);
    expect(res.json().readAt).not.toBeNull();

    res = await mx.app.inject({
      method: 'POST',
      url: '/api/federation/messages',
      headers: as(mxLiaison),
      payload: {
        type: 'Response',
        inReplyTo: rfi.id,
        handling: AMBER,
        audience: { agencies: ['CA-NLO'], persons: [] },
        answers: ['Registered in 2019; two labour complaints pending.'],
        final: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const response = res.json();
    expect(response).toMatchObject({ type: 'Response', peer: { node: 'ca' }, threadId: rfi.id });

    const thread = await eventually(async () => {
      const r = await ca.app.inject({ method: 'GET', url: `/api/federation/threads/${rfi.id}`, headers: as(caLiaison) });
      return r.statusCode === 200 && r.json().items.length === 2 ? r.json() : undefined;
    });
    expect(thread.items.map((i: { type: string; direction: string }) => [i.type, i.direction])).toEqual([
      ['RequestForInformation', 'sent'],
      ['Response', 'received'],
    ]);
    expect(thread.items[1].payload.answers).toEqual(['Registered in 2019; two labour complaints pending.']);

    res = await mx.app.inject({ method: 'GET', url: `/api/federation/threads/${rfi.id}`, headers: as(mxLiaison) });
    expect(res.json().items.map((i: { type: string; direction: string }) => [i.type, i.direction])).toEqual([
      ['RequestForInformation', 'received'],
      ['Response', 'sent'],
    ]);

    // CA's outbox: the request was read, with signed receipts kept as evidence
    const sent = await eventually(async () => {
      const r = await ca.app.inject({ method: 'GET', url: '/api/federation/outbox', headers: as(caLiaison) });
      const item = r.json().items.find((i: { id: string }) => i.id === rfi.id);
      return item?.delivery.status === 'read' ? item : undefined;
    });
    expect(sent.delivery.deliveredAt).not.toBeNull();
    const readOnly = await ca.app.inject({ method: 'GET', url: '/api/federation/outbox?status=read', headers: as(caLiaison) });
    expect(readOnly.json().items.map((i: { id: string }) => i.id)).toContain(rfi.id);
    const failedOnly = await ca.app.inject({ method: 'GET', url: '/api/federation/outbox?status=failed', headers: as(caLiaison) });
    expect(failedOnly.json()).toEqual({ items: [], total: 0 });
    const receipts = await ca.rt.receipts.listFor(rfi.id);
    expect(receipts.map((r) => r.status).sort()).toEqual(['delivered', 'read']);

    // every step is in the audit logs of both nodes
    const caActions = (await ca.store.audit.list({ targetId: rfi.id, limit: 50 })).items.map((e) => e.action);
    expect(caActions).toEqual(expect.arrayContaining(['federation.message.queued', 'federation.message.delivered', 'federation.message.read']));
    const mxActions = (await mx.store.audit.list({ targetId: rfi.id, limit: 50 })).items.map((e) => e.action);
    expect(mxActions).toEqual(expect.arrayContaining(['federation.message.received', 'federation.message.opened']));
    expect((await ca.store.audit.verify()).ok).toBe(true);
    expect((await mx.store.audit.verify()).ok).toBe(true);
  });

  it("gives auditors a ledger of every item, without titles or content, and audits the reading", async () => {
    const { ca } = nodes as { ca: HttpNode };
    const auditor = await ca.signIn('auditor');
    const res = await ca.app.inject({ method: 'GET', url: '/api/federation/ledger', headers: as(auditor) });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { type: string; direction: string; receipts: unknown[]; title?: unknown; payload?: unknown }[];
    expect(items.map((i) => [i.type, i.direction])).toEqual(expect.arrayContaining([['RequestForInformation', 'sent'], ['Response', 'received']]));
    for (const i of items) {
      expect(i).not.toHaveProperty('title');
      expect(i).not.toHaveProperty('payload');
    }
    expect(res.body).not.toContain('Recruiter placing workers');
    expect(items.find((i) => i.direction === 'sent')!.receipts.length).toBeGreaterThan(0);
    expect((await ca.store.audit.list({ action: 'federation.ledger.read' })).items).toHaveLength(1);
    const liaison = await ca.signIn('liaison');
    expect((await ca.app.inject({ method: 'GET', url: '/api/federation/ledger', headers: as(liaison) })).statusCode).toBe(403);
  });

  it('only liaison officers send; a response must answer a request this node received', async () => {
    const { ca } = nodes as { ca: HttpNode };
    for (const role of ['admin', 'analyst', 'investigator', 'auditor']) {
      const s = await ca.signIn(role);
      const res = await ca.app.inject({
        method: 'POST',
        url: '/api/federation/messages',
        headers: as(s),
        payload: { type: 'Alert', to: 'mx', handling: AMBER, audience: { agencies: ['MX-ENT'], persons: [] }, title: 't', summary: 's' },
      });
      expect(res.statusCode, role).toBe(403);
    }
    const liaison = await ca.signIn('liaison');
    const res = await ca.app.inject({
      method: 'POST',
      url: '/api/federation/messages',
      headers: as(liaison),
      payload: { type: 'Response', inReplyTo: '00000000-0000-4000-8000-000000000001', handling: AMBER, audience: { agencies: ['MX-ENT'], persons: [] }, answers: ['x'], final: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FEDERATION_NOT_A_REQUEST');
  });
});
