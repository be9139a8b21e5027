/**
 * The fault test: three real node processes on loopback exchange 1,000 messages through
 * proxies that drop requests and answers, duplicate and reorder them, while nodes are
 * killed (SIGKILL included) and started again. At the end every message took effect exactly
 * once at its recipient, every receipt matches what was sent and verifies, the outboxes are
 * empty and the three audit chains verify. Bounded in count and time; it stops by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addAgency, addUser } from '../../src/app/user-service';
import { addPeer, ownKeys } from '../../src/app/federation-peers';
import { parseEnvelope } from '../../src/federation/envelope';
import { seededRandom } from '../../src/federation/memory';
import { signingKeyValidAt } from '../../src/federation/peers';
import { verifySignature } from '../../src/federation/seal';
import { loadConfig } from '../../src/server/config';
import { openFederation } from '../../src/server/federation-wiring';
import { initNodeFiles } from '../../src/server/node-files';
import { openNode } from '../../src/server/open-node';
import { faultProxy, type FaultProxy } from './fault-proxy';
import { freePort, nodeProcess, type NodeProcess } from './node-process';

const MESSAGES = 1000;
const BATCH = 100;
const PASSWORD = 'fault-test-Passw0rd!';
const NODES = [
  ['mx', 'MX'],
  ['ca', 'CA'],
  ['us', 'US'],
] as const;
type Cc = (typeof NODES)[number][0];
const ENV: NodeJS.ProcessEnv = {
  ALIANZA_DEMO: 'true',
  ALIANZA_DEMO_PASSWORD: PASSWORD,
  LOG_LEVEL: 'error',
  DATABASE_URL: '',
  ALIANZA_RATE_LIMIT: '10000000',
  ALIANZA_FEDERATION_POLL_MS: '200',
  ALIANZA_FEDERATION_RETRY_BASE_MS: '200',
  ALIANZA_FEDERATION_RETRY_CAP_MS: '2000',
  ALIANZA_FEDERATION_RETRY_ATTEMPTS: '60', // a node down for a minute on a busy machine loses nothing either
  ALIANZA_FEDERATION_LEASE_MS: '3000',
};
const GREEN = { tlp: 'GREEN', purpose: 'investigation', retentionDays: 30, originatorConsentRequiredToForward: false };

let base: string;
const procs = {} as Record<Cc, NodeProcess>;
const proxies = {} as Record<Cc, FaultProxy>;
const sessions = {} as Record<Cc, { cookie: string; csrf: string }>;
const random = seededRandom(20261130);

async function prepare(): Promise<void> {
  base = mkdtempSync(path.join(os.tmpdir(), 'alianza-fault-'));
  const ports = {} as Record<Cc, number>;
  for (const [cc] of NODES) ports[cc] = await freePort();
  for (const [cc] of NODES) proxies[cc] = await faultProxy(() => ports[cc], random, { dropRequest: 0.1, dropResponse: 0.1, duplicate: 0.1, maxDelayMs: 20 });
  const tokens = {} as Record<Cc, string>;
  const opened = [];
  for (const [cc, country] of NODES) {
    const dir = path.join(base, cc);
    initNodeFiles(dir, { country, name: `Fault test ${country}`, nodeId: cc });
    const node = await openNode(loadConfig({ ALIANZA_DATA: dir, ALIANZA_DEMO: 'true', LOG_LEVEL: 'silent' }));
    const agency = await addAgency(node.ctx, null, { code: `${country}-LIAISON`, name: 'Liaison', country });
    await addUser(node.ctx, null, { email: `liaison@${cc}.test`, displayName: 'Liaison', role: 'liaison', agencyId: agency.id, locale: 'en', password: PASSWORD });
    const rt = openFederation(node.ctx, { dataDir: dir });
    tokens[cc] = (await ownKeys(rt)).token;
    opened.push({ cc, node, rt });
    procs[cc] = nodeProcess(dir, ports[cc], ENV);
  }
  for (const a of opened) {
    for (const [b] of NODES) if (b !== a.cc) await addPeer(a.node.ctx, a.rt, null, { url: proxies[b].url, token: tokens[b] });
    await a.node.store.close();
  }
}

async function call(cc: Cc, method: string, url: string, body?: object): Promise<{ status: number; json: Record<string, unknown> }> {
  const s = sessions[cc];
  const res = await fetch(procs[cc].url + url, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function signInto(cc: Cc): Promise<void> {
  const res = await fetch(`${procs[cc].url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `liaison@${cc}.test`, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${cc}: ${res.status} ${await res.text()}`);
  sessions[cc] = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Runs `tasks` with at most `n` at a time. */
async function pool<T>(items: T[], n: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await task(items[next++]!);
  }));
}

beforeAll(async () => {
  await prepare();
  await Promise.all(NODES.map(([cc]) => procs[cc].start()));
  for (const [cc] of NODES) await signInto(cc);
}, 180_000);

afterAll(async () => {
  for (const [cc] of NODES) await procs[cc]?.kill('SIGTERM');
  for (const [cc] of NODES) await proxies[cc]?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('fault test: three node processes, a faulty network, restarts', () => {
  it('delivers 1,000 messages exactly once with matching receipts, empty outboxes and intact audit chains', async () => {
    const sent: { id: string; from: Cc; to: Cc }[] = [];
    const opened = new Set<string>();
    const ccs = NODES.map(([cc]) => cc);
    const up = (): Cc[] => ccs.filter((cc) => procs[cc].running());

    const sendBatch = async (batch: number): Promise<void> => {
      const senders = up();
      const plan = Array.from({ length: BATCH }, (_, i) => {
        const from = senders[Math.floor(random() * senders.length)]!;
        const others = ccs.filter((c) => c !== from);
        return { n: batch * BATCH + i, from, to: others[Math.floor(random() * others.length)]! };
      });
      await pool(plan, 8, async ({ n, from, to }) => {
        const res = await call(from, 'POST', '/api/federation/messages', { type: 'Alert', to, handling: GREEN, audience: { agencies: [], persons: [] }, title: `Alert ${n}`, summary: `Fault test message ${n}` });
        if (res.status !== 201) throw new Error(`send ${n}: ${res.status} ${JSON.stringify(res.json)}`);
        sent.push({ id: String(res.json.id), from, to });
      });
    };

    const readSome = async (): Promise<void> => {
      const candidates = sent.filter((m) => !opened.has(m.id) && procs[m.to].running());
      for (let i = 0; i < 10 && candidates.length > 0; i++) {
        const m = candidates.splice(Math.floor(random() * candidates.length), 1)[0]!;
        const res = await call(m.to, 'GET', `/api/federation/messages/${m.id}`);
        if (res.status === 200) opened.add(m.id);
      }
    };

    for (let batch = 0; batch < MESSAGES / BATCH; batch++) {
      if (batch === 3) await procs.ca.kill('SIGKILL'); // down for two batches: peers keep its messages
      if (batch === 5) {
        await procs.ca.start();
        await signInto('ca');
      }
      if (batch === 7) {
        await procs.us.kill('SIGTERM'); // an orderly restart
        await procs.us.start();
      }
      if (batch === 9) {
        await procs.mx.kill('SIGKILL'); // killed with deliveries in flight, back a moment later
        await new Promise((r) => setTimeout(r, 500));
        await procs.mx.start();
      }
      await sendBatch(batch);
      await readSome();
    }
    await readSome();
    expect(sent).toHaveLength(MESSAGES);

    // wait (bounded) until every outbox is empty
    const until = Date.now() + 150_000;
    for (;;) {
      const pending = await Promise.all(ccs.map(async (cc) => {
        const res = await call(cc, 'GET', '/api/federation/node');
        const o = res.json.outbox as Record<string, number>;
        return (o.queued ?? 0) + (o.sent ?? 0);
      }));
      if (pending.every((p) => p === 0)) break;
      if (Date.now() > until) throw new Error(`outboxes not empty: ${pending.join(', ')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const cc of ccs) await procs[cc].kill('SIGTERM');

    // the network did misbehave
    const stats = ccs.map((cc) => proxies[cc].stats);
    const total = (k: keyof (typeof stats)[number]) => stats.reduce((a, s) => a + s[k], 0);
    expect(total('droppedRequests')).toBeGreaterThan(20);
    expect(total('droppedResponses')).toBeGreaterThan(20);
    expect(total('duplicates')).toBeGreaterThan(20);

    // open the three stores and check what each node holds
    const stores = {} as Record<Cc, Awaited<ReturnType<typeof openNode>> & { rt: ReturnType<typeof openFederation> }>;
    for (const cc of ccs) {
      const node = await openNode(loadConfig({ ALIANZA_DATA: procs[cc].dir, ALIANZA_DEMO: 'true', LOG_LEVEL: 'silent' }));
      stores[cc] = { ...node, rt: openFederation(node.ctx, { dataDir: procs[cc].dir }) };
    }
    try {
      const receivedCount = new Map<string, number>();
      for (const cc of ccs) {
        const entries = await stores[cc].store.audit.list({ action: 'federation.message.received', limit: 100_000 });
        for (const e of entries.items) if (e.targetId) receivedCount.set(e.targetId, (receivedCount.get(e.targetId) ?? 0) + 1);
      }
      for (const m of sent) {
        const from = stores[m.from].rt;
        const to = stores[m.to].rt;
        // took effect exactly once, at its recipient
        expect(receivedCount.get(m.id), m.id).toBe(1);
        const record = await to.inbox.get(m.id);
        expect(record?.from.node).toBe(m.from);
        expect((await to.items.get(m.id))?.direction).toBe('received');
        expect(await stores[m.from].rt.inbox.get(m.id)).toBeUndefined();
        // delivered, and read where a person opened it
        const out = await from.outbox.get(m.id);
        expect(out?.status).toBe(opened.has(m.id) ? 'read' : 'delivered');
        // every receipt is signed by the recipient and matches the content sent
        const receipts = await from.receipts.listFor(m.id);
        // (a read receipt can overtake a lost delivered one: it is evidence of delivery too, and the sender stops retrying)
        const statuses = receipts.map((r) => r.status);
        if (opened.has(m.id)) expect(statuses).toContain('read');
        else expect(statuses).toEqual(['delivered']);
        const pinned = (await from.peers.get(m.to))!;
        for (const r of receipts) {
          expect(r.from).toBe(m.to);
          expect(r.contentDigest).toBe(out!.contentDigest);
          expect(r.contentDigest).toBe(record!.contentDigest);
          const evidence = parseEnvelope(r.evidence);
          if (!evidence.ok) throw new Error(evidence.code);
          const key = signingKeyValidAt(pinned, evidence.value.signature.keyId, Date.parse(evidence.value.sent));
          expect(key && verifySignature(evidence.value, key.publicKey)).toBe(true);
        }
      }
      for (const cc of ccs) {
        expect(await stores[cc].rt.federation.outbox.pending()).toBe(0);
        expect(await stores[cc].rt.outbox.countByStatus()).toMatchObject({ queued: 0, sent: 0, failed: 0 });
        expect(await stores[cc].store.audit.verify()).toMatchObject({ ok: true });
      }
    } finally {
      for (const cc of ccs) await stores[cc].store.close();
    }
  }, 420_000);
});
