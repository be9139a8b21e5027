/**
 * `npm run bench federation [messages]`: two nodes, each in its own process, on loopback.
 * Node A sends alerts to node B through its API; each one is signed, encrypted, delivered,
 * verified and decrypted by B, stored, and answered with a signed receipt that A verifies.
 * Figures: messages per second end to end (sent in bulk), and the delivery latency (from
 * queued at A to A holding B's verified receipt) at a steady rate well below capacity.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addAgency, addUser } from '../src/app/user-service';
import { addPeer, ownKeys } from '../src/app/federation-peers';
import { makeMessage, sampleAlertPayload } from '../src/federation/fixtures';
import { createNodeKeys } from '../src/federation/key-rotation';
import { openEnvelope } from '../src/federation/open';
import { activeSigningKey, publicIdentity } from '../src/federation/peers';
import { sealEnvelope } from '../src/federation/seal';
import { iso } from '../src/federation/bytes';
import { loadConfig } from '../src/server/config';
import { openFederation } from '../src/server/federation-wiring';
import { initNodeFiles } from '../src/server/node-files';
import { openNode } from '../src/server/open-node';
import type { BenchReport } from './harness';

const PASSWORD = 'bench-Passw0rd!';
const ROOT = path.resolve(import.meta.dirname, '..');
const ENV = {
  ALIANZA_DEMO: 'true',
  ALIANZA_DEMO_PASSWORD: PASSWORD,
  LOG_LEVEL: 'error',
  DATABASE_URL: '',
  ALIANZA_RATE_LIMIT: '10000000',
  ALIANZA_FEDERATION_POLL_MS: '200',
};
const GREEN = { tlp: 'GREEN', purpose: 'investigation', retentionDays: 30, originatorConsentRequiredToForward: false };

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startProcess(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'alianza.mjs'), 'start', '--data', dir, '--port', String(port)], { cwd: ROOT, env: { ...process.env, ...ENV }, stdio: 'ignore' });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`node ${dir} did not start`);
}

/** Seal + open of one alert in this process: the cryptographic cost alone. */
function cryptoCost(n: number): number {
  const now = Date.now();
  const a = createNodeKeys({ node: 'a', country: 'MX' }, now - 1000);
  const b = createNodeKeys({ node: 'b', country: 'CA' }, now - 1000);
  const aPeer = publicIdentity(a, 'http://a.test');
  const bPeer = publicIdentity(b, 'http://b.test');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const message = makeMessage({ from: a.self, to: b.self, created: iso(now), payload: sampleAlertPayload(`Alert ${i}`) });
    const envelope = sealEnvelope(message, iso(now), { signing: activeSigningKey(a), recipient: bPeer.encryptionKey });
    const opened = openEnvelope(envelope, { keys: b, now, peerOf: (n) => (n === 'a' ? aPeer : undefined), sighting: undefined });
    if (!opened.ok) throw new Error(opened.code);
  }
  return (performance.now() - t0) / n;
}

export default async function run(args: string[]): Promise<BenchReport> {
  const bulk = Number(args[0] ?? 2000);
  const steady = 300;
  const steadyRate = 20;
  const base = mkdtempSync(path.join(os.tmpdir(), 'alianza-bench-fed-'));
  const nodes = [
    { cc: 'mx', country: 'MX', dir: path.join(base, 'mx'), port: await freePort() },
    { cc: 'ca', country: 'CA', dir: path.join(base, 'ca'), port: await freePort() },
  ];
  const tokens: string[] = [];
  const opened = [];
  for (const n of nodes) {
    initNodeFiles(n.dir, { country: n.country, name: `Bench ${n.country}`, nodeId: n.cc });
    const node = await openNode(loadConfig({ ALIANZA_DATA: n.dir, ALIANZA_DEMO: 'true', LOG_LEVEL: 'silent' }));
    const agency = await addAgency(node.ctx, null, { code: `${n.country}-LIAISON`, name: 'Liaison', country: n.country });
    await addUser(node.ctx, null, { email: `liaison@${n.cc}.bench`, displayName: 'Liaison', role: 'liaison', agencyId: agency.id, locale: 'en', password: PASSWORD });
    const rt = openFederation(node.ctx, { dataDir: n.dir });
    tokens.push((await ownKeys(rt)).token);
    opened.push({ node, rt });
  }
  await addPeer(opened[0]!.node.ctx, opened[0]!.rt, null, { url: `http://127.0.0.1:${nodes[1]!.port}`, token: tokens[1]! });
  await addPeer(opened[1]!.node.ctx, opened[1]!.rt, null, { url: `http://127.0.0.1:${nodes[0]!.port}`, token: tokens[0]! });
  // queued before the nodes start: A's worker drains them at start, which measures delivery alone
  const preQueued: string[] = [];
  for (let i = 0; i < bulk; i++) {
    const r = await opened[0]!.rt.federation.sharing.share({
      to: 'ca',
      type: 'Alert',
      payload: sampleAlertPayload(`Queued alert ${i}`),
      handling: { tlp: 'GREEN', purpose: 'investigation', retentionDays: 30, originatorConsentRequiredToForward: false },
      audience: { agencies: [], persons: [] },
      actor: { actorId: null, actorLabel: 'bench' },
    });
    preQueued.push(r.id);
  }
  for (const o of opened) await o.node.store.close();

  const children = await Promise.all(nodes.map((n) => startProcess(n.dir, n.port)));
  const a = `http://127.0.0.1:${nodes[0]!.port}`;
  try {
    const login = await fetch(`${a}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'liaison@mx.bench', password: PASSWORD }) });
    const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
    const send = async (n: number): Promise<string> => {
      const res = await fetch(`${a}/api/federation/messages`, { method: 'POST', headers, body: JSON.stringify({ type: 'Alert', to: 'ca', handling: GREEN, audience: { agencies: [], persons: [] }, title: `Bench alert ${n}`, summary: 'Workers report fees of 30,000 MXN and passports held by the recruiter.' }) });
      if (res.status !== 201) throw new Error(`send: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    };
    const drained = async (): Promise<void> => {
      for (;;) {
        const res = await fetch(`${a}/api/federation/node`, { headers });
        const o = ((await res.json()) as { outbox: Record<string, number> }).outbox;
        if ((o.queued ?? 0) + (o.sent ?? 0) === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    await drained(); // the pre-queued messages
    for (let i = 0; i < 50; i++) await send(-i); // warm-up
    await drained();

    // bulk: as fast as the sender's API accepts them
    const t0 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < bulk) await send(next++);
    }));
    const queuedMs = performance.now() - t0;
    await drained();
    const bulkMs = performance.now() - t0;

    // steady rate, latency from queued to verified receipt
    const steadyIds: string[] = [];
    const s0 = performance.now();
    for (let i = 0; i < steady; i++) {
      const due = s0 + (i * 1000) / steadyRate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      steadyIds.push(await send(bulk + i));
    }
    await drained();

    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    const node = await openNode(loadConfig({ ALIANZA_DATA: nodes[0]!.dir, ALIANZA_DEMO: 'true', LOG_LEVEL: 'silent' }));
    const rt = openFederation(node.ctx, { dataDir: nodes[0]!.dir });
    const latencies: number[] = [];
    for (const id of steadyIds) {
      const r = await rt.outbox.get(id);
      if (!r?.deliveredAt) throw new Error(`${id} not delivered`);
      latencies.push(Date.parse(r.deliveredAt) - Date.parse(r.createdAt));
    }
    let first = Number.POSITIVE_INFINITY;
    let last = 0;
    for (const id of preQueued) {
      const r = await rt.outbox.get(id);
      if (!r?.deliveredAt) throw new Error(`${id} not delivered`);
      first = Math.min(first, Date.parse(r.deliveredAt));
      last = Math.max(last, Date.parse(r.deliveredAt));
    }
    await node.store.close();
    const deliveryRate = Math.round((preQueued.length - 1) / ((last - first) / 1000));
    latencies.sort((x, y) => x - y);
    const perMessage = cryptoCost(500);
    return {
      title: 'two nodes on loopback, one process each (sign + encrypt + deliver + verify + decrypt + store + signed receipt)',
      figures: {
        'messages per run': bulk,
        'messages/s delivered (sign + encrypt + POST + verify + decrypt + store + signed receipt verified), from a full outbox': deliveryRate,
        'messages/s end to end (bulk, queued to receipt verified)': Math.round(bulk / (bulkMs / 1000)),
        'messages/s accepted by the sender API (16 clients)': Math.round(bulk / (queuedMs / 1000)),
        [`delivery latency p50 at ${steadyRate} msg/s (ms)`]: percentile(latencies, 50),
        [`delivery latency p95 at ${steadyRate} msg/s (ms)`]: percentile(latencies, 95),
        [`delivery latency max at ${steadyRate} msg/s (ms)`]: latencies[latencies.length - 1]!,
        'seal + open of one alert in one process (ms)': perMessage.toFixed(3),
      },
      notes: [
        'Delivered from a full outbox: the messages are queued before the nodes start, then A drains them (rate between the first and the last verified receipt).',
        'Latency: from the message queued in the outbox of A to A holding B’s verified delivered receipt (outbox timestamps, 1 ms resolution).',
        'Each node is a separate `alianza start` process with SQLite in WAL mode; the audit log gets 3 entries per message at A (queued, delivered) and B (received).',
      ],
    };
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  }
}
