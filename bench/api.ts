/**
 * `npm run bench api [scales…]`: p50/p95 latency of the case list and of case search, as an
 * investigator, on the demo data (scale 1) and on 100 times the demo data. Seeded nodes are
 * kept under data/bench/ so that a second run skips the seeding.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareDemo } from '../src/cli/demo-command';
import { loadConfig } from '../src/server/config';
import { buildApp } from '../src/server/app';
import { openNode } from '../src/server/open-node';
import type { BenchReport } from './harness';

const PASSWORD = 'alianza-demo';

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function measure(url: string, cookie: string, n: number): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < n + 20; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    if (i >= 20) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

export default async function run(args: string[]): Promise<BenchReport> {
  const scales = args.length ? args.map(Number) : [1, 100];
  const figures: Record<string, string | number> = {};
  const notes: string[] = [];
  for (const scale of scales) {
    const base = path.resolve('data', 'bench', `scale-${scale}`);
    const t0 = performance.now();
    await prepareDemo({ baseDir: base, scale, seed: 2026, reset: false, countries: ['MX'], quiet: false }, { ...process.env, ALIANZA_DEMO_PASSWORD: PASSWORD });
    const seedSeconds = (performance.now() - t0) / 1000;
    const config = loadConfig({ ALIANZA_DATA: path.join(base, 'mx'), ALIANZA_DEMO: 'true', ALIANZA_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'silent', ALIANZA_PORT: '0', ALIANZA_RATE_LIMIT: '10000000' });
    const node = await openNode(config);
    const app = await buildApp({ config, ctx: node.ctx });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'investigator@mx.demo', password: PASSWORD }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const total = (await node.store.cases.list({ limit: 1 })).total;
      const entities = (await node.store.entities.list({ limit: 1 })).total;
      const list = await measure(`${url}/api/cases?limit=25`, cookie, 300);
      const filtered = await measure(`${url}/api/cases?limit=25&status=investigating&type=forced_labour`, cookie, 300);
      const search = await measure(`${url}/api/cases?limit=25&q=hernandez`, cookie, 300);
      const search2 = await measure(`${url}/api/search?q=nunez&limit=25`, cookie, 300);
      const k = `scale ${scale} (${total} cases, ${entities} entities)`;
      figures[`${k}: case list p50 / p95 ms`] = `${list.p50.toFixed(1)} / ${list.p95.toFixed(1)}`;
      figures[`${k}: filtered case list p50 / p95 ms`] = `${filtered.p50.toFixed(1)} / ${filtered.p95.toFixed(1)}`;
      figures[`${k}: case search "hernandez" p50 / p95 ms`] = `${search.p50.toFixed(1)} / ${search.p95.toFixed(1)}`;
      figures[`${k}: search "nunez" p50 / p95 ms`] = `${search2.p50.toFixed(1)} / ${search2.p95.toFixed(1)}`;
      if (seedSeconds > 5) notes.push(`scale ${scale}: seeding took ${seedSeconds.toFixed(0)} s`);
    } finally {
      await app.close();
      await node.store.close();
    }
  }
  notes.push('300 sequential requests per figure after 20 warm-up requests, over HTTP on 127.0.0.1, signed in as investigator@mx.demo (SQLite). Every request also writes its audit entry (search) and checks the session.');
  return { title: 'case list and case search latency', figures, notes };
}
