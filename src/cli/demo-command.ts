/**
 * `alianza demo`: three nodes (MX :8081, CA :8082, US :8083) on 127.0.0.1, each with its
 * own folder under data/demo/<cc>/, seeded once with the reproducible synthetic scenario.
 */
import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { generateScenario } from '../demo/scenario';
import { DEFAULT_SEED, DEMO_COUNTRIES, formatDemoAccounts, listDemoAccounts } from '../demo/agencies';
import type { DemoCountry } from '../demo/places';
import { seed } from '../app/seed';
import { loadConfig } from '../server/config';
import { initNodeFiles, nodeExists } from '../server/node-files';
import { openNode } from '../server/open-node';
import { startNode, type RunningNode } from '../server/start';
import { AlianzaError } from '../domain/errors';
import { cliLocale, cliMessage } from './messages';

export const DEMO_PORTS: Record<DemoCountry, number> = { MX: 8081, CA: 8082, US: 8083 };
const NODE_NAMES: Record<DemoCountry, string> = { MX: 'México (demo)', CA: 'Canada (démo / demo)', US: 'United States (demo)' };

export interface DemoOptions {
  baseDir: string;
  scale: number;
  seed: number;
  reset: boolean;
  countries: DemoCountry[];
  quiet?: boolean;
  /** Give every node the same demo linkage secret (default: when there are several nodes). */
  linkageSecret?: boolean;
}

/** Creates and seeds the demo nodes that do not exist yet (all of them with reset). */
export async function prepareDemo(opts: DemoOptions, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const dirs: string[] = [];
  for (const country of opts.countries) {
    const dir = path.resolve(opts.baseDir, country.toLowerCase());
    dirs.push(dir);
    if (opts.reset) rmSync(dir, { recursive: true, force: true });
    if (nodeExists(dir)) continue;
    initNodeFiles(dir, { country, name: NODE_NAMES[country], demo: true, nodeId: country.toLowerCase() });
    const config = loadConfig({ ...env, ALIANZA_DATA: dir, ALIANZA_DEMO: 'true', DATABASE_URL: '' });
    const node = await openNode(config);
    const bar = opts.quiet || !process.stderr.isTTY ? null : new cliProgress.SingleBar({ format: `${country} seeding [{bar}] {percentage}% | {value}/{total} {what}`, hideCursor: true }, cliProgress.Presets.shades_classic);
    try {
      const scenario = generateScenario({ country, scale: opts.scale, seed: opts.seed });
      bar?.start(1, 0, { what: '' });
      const report = await seed(node.ctx, scenario, config.demoPassword, (done, total, what) => {
        bar?.setTotal(total);
        bar?.update(done, { what });
      });
      bar?.stop();
      await node.store.settings.set('demo.seed', String(opts.seed));
      await node.store.settings.set('demo.scale', String(opts.scale));
      if (!opts.quiet) {
        console.log(cliMessage('DEMO_SEEDED', cliLocale(), { country, cases: report.cases, entities: report.entities, users: report.users, rejected: report.rejected.length }));
      }
    } catch (e) {
      bar?.stop();
      await node.store.close();
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    await node.store.close();
  }
  await wireDemoPeers(opts.countries, dirs, env);
  if (opts.linkageSecret ?? opts.countries.length > 1) await setDemoLinkageSecret(dirs, opts.seed, env);
  return dirs;
}

/**
 * The demo's trilateral linkage secret, the same on every node so that the cross-border check
 * finds the planted people, phones and organisations. Derived from the scenario seed: fine for
 * synthetic data, never for a real deployment, where the three countries agree a random
 * secret out of band (`alianza pprl secret generate`) and each sets it (`alianza pprl secret set`).
 */
export function demoLinkageSecret(seed: number): Uint8Array {
  return Uint8Array.from(createHash('sha256').update(`alianza-demo-linkage-secret:${seed}`).digest());
}

async function setDemoLinkageSecret(dirs: string[], seed: number, env: NodeJS.ProcessEnv): Promise<void> {
  const { setNodeLinkageSecret } = await import('../server/linkage-secret');
  const { linkageSecretStatus } = await import('../app/cross-border-service');
  const secret = demoLinkageSecret(seed);
  const { secretFingerprint } = await import('../linkage/pprl/cross-border-encoding');
  for (const dir of dirs) {
    const node = await openNode(loadConfig({ ...env, ALIANZA_DATA: dir, ALIANZA_DEMO: 'true', DATABASE_URL: '' }));
    try {
      const status = await linkageSecretStatus(node.ctx, null);
      if (status.fingerprint !== secretFingerprint(secret)) await setNodeLinkageSecret(node.ctx, dir, secret, 'demo');
    } finally {
      await node.store.close();
    }
  }
}

/**
 * Each demo node pins the others (their loopback address and public keys). The three nodes
 * are created here by one operator, so their keys need no comparison out of band; a real
 * deployment pins partners with `alianza peer add`, after checking fingerprints.
 */
export async function wireDemoPeers(countries: DemoCountry[], dirs: string[], env: NodeJS.ProcessEnv = process.env, urlOf: (c: DemoCountry) => string = (c) => `http://127.0.0.1:${DEMO_PORTS[c]}`): Promise<void> {
  if (countries.length < 2) return;
  const { openFederation } = await import('../server/federation-wiring');
  const { addPeer, ownKeys } = await import('../app/federation-peers');
  const opened = [];
  try {
    for (const dir of dirs) {
      const node = await openNode(loadConfig({ ...env, ALIANZA_DATA: dir, ALIANZA_DEMO: 'true', DATABASE_URL: '' }));
      opened.push({ node, rt: openFederation(node.ctx, { dataDir: dir }) });
    }
    const tokens = await Promise.all(opened.map((o) => ownKeys(o.rt)));
    for (const [i, o] of opened.entries()) {
      for (const [j, other] of tokens.entries()) {
        if (i === j) continue;
        const pinned = await o.rt.peers.get(other.node);
        if (pinned && pinned.signingKeys.some((k) => k.keyId === other.activeSigningKeyId) && pinned.encryptionKey.keyId === other.encryptionKey.keyId && pinned.url === urlOf(countries[j]!)) continue;
        await addPeer(o.node.ctx, o.rt, null, { url: urlOf(countries[j]!), token: other.token });
      }
    }
  } finally {
    for (const o of opened) await o.node.store.close();
  }
}

export async function runDemo(opts: DemoOptions, env: NodeJS.ProcessEnv = process.env): Promise<RunningNode[]> {
  const dirs = await prepareDemo(opts, env);
  const running: RunningNode[] = [];
  try {
    for (const [i, country] of opts.countries.entries()) {
      const config = loadConfig({ ...env, ALIANZA_DATA: dirs[i], ALIANZA_DEMO: 'true', ALIANZA_PORT: String(DEMO_PORTS[country]), ALIANZA_HOST: '127.0.0.1', DATABASE_URL: '', LOG_LEVEL: env.LOG_LEVEL ?? 'warn' });
      try {
        running.push(await startNode(config));
      } catch (e) {
        if ((e as { code?: string }).code === 'EADDRINUSE') throw new AlianzaError('CLI_PORT_TAKEN', { port: DEMO_PORTS[country] });
        throw e;
      }
    }
  } catch (e) {
    for (const r of running) await r.stop();
    throw e;
  }
  return running;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run the three-country demo (MX :8081, CA :8082, US :8083) with synthetic data')
    .option('--scale <n>', 'multiply the demo data, for benchmarks', '1')
    .option('--seed <n>', 'scenario seed', String(DEFAULT_SEED))
    .option('--reset', 'throw away the demo data and seed again', false)
    .option('--dir <dir>', 'where the demo nodes keep their state', 'data/demo')
    .option('--prepare-only', 'create and seed the nodes, then exit', false)
    .action(async (o: { scale: string; seed: string; reset: boolean; dir: string; prepareOnly: boolean }) => {
      const scale = Number(o.scale);
      if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) throw new AlianzaError('CLI_BAD_OPTION', { option: '--scale', value: o.scale });
      const seedN = Number(o.seed);
      if (!Number.isInteger(seedN)) throw new AlianzaError('CLI_BAD_OPTION', { option: '--seed', value: o.seed });
      const opts: DemoOptions = { baseDir: o.dir, scale, seed: seedN, reset: o.reset, countries: [...DEMO_COUNTRIES] };
      if (o.prepareOnly) {
        await prepareDemo(opts);
        return;
      }
      const nodes = await runDemo(opts);
      const locale = cliLocale();
      console.log(`\n${cliMessage('DEMO_BANNER', locale)}\n`);
      for (const n of nodes) console.log(`  ${n.ctx.node.country}  ${n.ctx.node.name.padEnd(24)} http://127.0.0.1:${DEMO_PORTS[n.ctx.node.country as DemoCountry]}/`);
      console.log(`\n${cliMessage('DEMO_ACCOUNTS', locale)}\n`);
      console.log(formatDemoAccounts(listDemoAccounts(seedN)));
      console.log(`\n${cliMessage('DEMO_FOOTER', locale, { url: 'http://127.0.0.1:8081/api/docs' })}\n`);
      const stop = async () => {
        for (const n of nodes) await n.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
