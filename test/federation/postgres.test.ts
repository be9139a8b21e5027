/**
 * Federation with PostgreSQL stores (scale-out): two nodes, each in its own schema, one of
 * them delivering from two processes' worth of workers over the same database (leased
 * claims), messages both ways over HTTP on loopback. Skipped, with the reason printed, when
 * no PostgreSQL answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/app/context';
import { systemClock } from '../../src/app/context';
import { addPeer, ownKeys } from '../../src/app/federation-peers';
import { sendMessage } from '../../src/app/federation-service';
import { addAgency, addUser } from '../../src/app/user-service';
import { sampleAlertPayload } from '../../src/federation/fixtures';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { federationFor, openFederation, type FederationRuntime } from '../../src/server/federation-wiring';
import { startFederationWorker, type FederationWorker } from '../../src/server/federation-worker';
import { initNodeFiles, loadIdentity } from '../../src/server/node-files';
import { findPostgres } from '../../src/store/contract/adapters';
import { openStore } from '../../src/store/open-store';
import type { SqlStore } from '../../src/store/sql-store';
import { FAST, eventually } from './http-nodes';

const url = await findPostgres();
const run = `alianza_fed_${process.pid}_${randomBytes(3).toString('hex')}`;

interface PgNode {
  cc: string;
  ctx: AppContext;
  store: SqlStore;
  app: FastifyInstance;
  rt: FederationRuntime;
  url: string;
  workers: FederationWorker[];
  extra: SqlStore[];
}

let base: string;
const nodes: PgNode[] = [];

async function pgNode(cc: string, country: string): Promise<PgNode> {
  const dir = path.join(base, cc);
  initNodeFiles(dir, { country, name: `PG ${country}`, nodeId: cc });
  const store = await openStore({ kind: 'postgres', url: url!, schema: `${run}_${cc}` });
  const config = loadConfig({ ALIANZA_DATA: dir, ALIANZA_DEMO: 'true', LOG_LEVEL: 'silent', ALIANZA_PORT: '0' });
  const ctx: AppContext = { store, node: loadIdentity(dir), clock: systemClock, demo: true, lockoutThreshold: 5, lockoutMinutes: 15, sessionIdleMinutes: 60, sessionMaxHours: 12 };
  const rt = federationFor(ctx, { dataDir: dir, retry: FAST.retry, leaseMs: 5000 });
  const app = await buildApp({ config, ctx });
  const listening = await app.listen({ host: '127.0.0.1', port: 0 });
  // a second process's worth: another store over the same schema, with its own worker
  const other = await openStore({ kind: 'postgres', url: url!, schema: `${run}_${cc}` });
  const otherCtx: AppContext = { ...ctx, store: other };
  const otherRt = openFederation(otherCtx, { dataDir: dir, retry: FAST.retry, leaseMs: 5000 });
  return { cc, ctx, store, app, rt, url: listening, workers: [startFederationWorker(rt, FAST), startFederationWorker(otherRt, FAST)], extra: [other] };
}

beforeAll(async () => {
  if (!url) return;
  base = mkdtempSync(path.join(os.tmpdir(), 'alianza-fed-pg-'));
  nodes.push(await pgNode('mx', 'MX'), await pgNode('ca', 'CA'));
  const [mx, ca] = nodes as [PgNode, PgNode];
  await addPeer(mx.ctx, mx.rt, null, { url: ca.url, token: (await ownKeys(ca.rt)).token });
  await addPeer(ca.ctx, ca.rt, null, { url: mx.url, token: (await ownKeys(mx.rt)).token });
}, 120_000);

afterAll(async () => {
  for (const n of nodes) {
    for (const w of n.workers) await w.stop();
    await n.app.close();
    await n.store.close();
    for (const s of n.extra) await s.close();
  }
  if (url && nodes.length > 0) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const n of nodes) await client.query(`drop schema if exists "${run}_${n.cc}" cascade`);
    await client.end();
  }
  if (base) rmSync(base, { recursive: true, force: true });
});

describe.skipIf(!url)('federation on PostgreSQL', () => {
  it('delivers messages both ways exactly once with two workers per node, and keeps the audit chains intact', async () => {
    const [mx, ca] = nodes as [PgNode, PgNode];
    const agency = await addAgency(mx.ctx, null, { code: 'MX-ENT', name: 'Enlace', country: 'MX' });
    const { user } = await addUser(mx.ctx, null, { email: 'liaison@mx.pg', displayName: 'Enlace', role: 'liaison', agencyId: agency.id, locale: 'es', password: 'pg-test-Passw0rd!' });
    const actor = { userId: user.id, agencyId: agency.id, role: user.role, locale: user.locale, displayName: user.displayName, email: user.email };
    const green = { tlp: 'GREEN' as const, purpose: 'investigation', retentionDays: 30, originatorConsentRequiredToForward: false };
    const ids: { id: string; to: PgNode; from: PgNode }[] = [];
    await Promise.all([
      (async () => {
        for (let i = 0; i < 40; i++) {
          const r = await sendMessage(mx.ctx, mx.rt, actor, { type: 'Alert', to: 'ca', handling: green, audience: { agencies: [], persons: [] }, title: `PG alert ${i}`, summary: 's' });
          ids.push({ id: r.id, from: mx, to: ca });
        }
      })(),
      (async () => {
        for (let i = 0; i < 40; i++) {
          const r = await ca.rt.federation.sharing.share({ to: 'mx', type: 'Alert', payload: sampleAlertPayload(`CA ${i}`), handling: green, audience: { agencies: [], persons: [] }, actor: { actorId: null, actorLabel: 'test' } });
          ids.push({ id: r.id, from: ca, to: mx });
        }
      })(),
    ]);
    await eventually(async () => (await mx.rt.federation.outbox.pending()) + (await ca.rt.federation.outbox.pending()) === 0, 60_000);
    for (const n of nodes) {
      const received = await n.store.audit.list({ action: 'federation.message.received', limit: 1000 });
      const counts = new Map<string, number>();
      for (const e of received.items) counts.set(e.targetId!, (counts.get(e.targetId!) ?? 0) + 1);
      for (const m of ids.filter((x) => x.to === n)) expect(counts.get(m.id), m.id).toBe(1);
      expect((await n.store.audit.verify()).ok).toBe(true);
    }
    for (const m of ids) {
      expect((await m.from.rt.outbox.get(m.id))?.status).toBe('delivered');
      expect((await m.to.rt.inbox.get(m.id))?.contentDigest).toBe((await m.from.rt.outbox.get(m.id))?.contentDigest);
    }
  }, 120_000);
});
