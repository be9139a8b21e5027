/**
 * Helpers for command-line tests: run `node bin/alianza.mjs …` in a chosen language, and
 * make a small node in a temporary folder without going through the command line (faster
 * for tests whose subject is another command).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addAgency } from '../../src/app/user-service';
import { validateEntity } from '../../src/domain/entity-validation';
import type { Entity } from '../../src/domain/model';
import { loadConfig } from '../../src/server/config';
import { initNodeFiles } from '../../src/server/node-files';
import { openNode, type OpenNode } from '../../src/server/open-node';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const BIN = path.resolve('bin/alianza.mjs');

/** Environment of a spawned command: no inherited node folder, database or language. */
export function cliEnv(lang = 'en_US.UTF-8', extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang, ...extra };
  for (const k of ['ALIANZA_DATA', 'DATABASE_URL', 'ALIANZA_LANG', 'ALIANZA_DEMO']) if (!(k in extra)) delete env[k];
  return env;
}

export function cli(args: string[], opts: { lang?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: cliEnv(opts.lang, opts.env), cwd: opts.cwd ?? process.cwd() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like cli(), without blocking: the test can act while the command runs. */
export function cliAsync(args: string[], opts: { lang?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(opts.lang) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export function tempDir(tag: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `alianza-cli-${tag}-`));
}

/** A node folder with an agency "FGR", created in-process. */
export async function makeNode(dir: string, country = 'MX'): Promise<OpenNode> {
  initNodeFiles(dir, { country, name: `Test ${country}` });
  const node = await openNode(loadConfig({ ALIANZA_DATA: dir, LOG_LEVEL: 'silent' }));
  await addAgency(node.ctx, null, { code: 'FGR', name: 'Fiscalía General', country });
  return node;
}

export async function openTestNode(dir: string): Promise<OpenNode> {
  return openNode(loadConfig({ ALIANZA_DATA: dir, LOG_LEVEL: 'silent' }));
}

export async function countEntities(node: OpenNode, schema?: string): Promise<number> {
  return (await node.store.entities.list({ ...(schema ? { schema } : {}), limit: 1 })).total;
}

/** A validated entity of the node's first agency (test fixtures). */
export async function fixtureEntity(node: OpenNode, id: string, schema: string, properties: Record<string, string[]>): Promise<Entity> {
  const v = validateEntity(schema, properties, { defaultCountry: node.ctx.node.country });
  if (!v.ok) throw new Error(`fixture ${id}: ${JSON.stringify(v.issues)}`);
  const agency = (await node.store.agencies.list())[0]!;
  const now = new Date().toISOString();
  return { id, schema, properties: v.properties, caption: v.caption, owningAgencyId: agency.id, crossBorderCheck: false, createdAt: now, updatedAt: now, version: 1 };
}

/** Stores a validated entity directly (test fixtures). */
export async function putEntity(node: OpenNode, id: string, schema: string, properties: Record<string, string[]>): Promise<Entity> {
  const e = await fixtureEntity(node, id, schema, properties);
  await node.store.entities.create(e);
  return e;
}
