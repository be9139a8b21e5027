/**
 * `alianza export` (our JSON lines, and FollowTheMoney entities for Aleph), `alianza backup`
 * while the node is open, and `alianza restore` (refused without --force, exact with it).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenNode } from '../../src/server/open-node';
import { cli, cliAsync, fixtureEntity, makeNode, openTestNode, putEntity, tempDir } from './cli-helpers';

let base: string;
let dir: string;
let node: OpenNode;
const out = (name: string) => path.join(base, 'out', name);
const TABLES = ['entities', 'cases', 'case_subjects', 'audit_log', 'users', 'agencies'] as const;
type Counts = Record<(typeof TABLES)[number], number>;

function counts(file: string): Counts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n])) as Counts;
  } finally {
    db.close();
  }
}

interface Line {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  kind?: string;
}
const readLines = (file: string): Line[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
  base = tempDir('export');
  dir = path.join(base, 'node');
  node = await makeNode(dir);
  const e = (id: string, schema: string, p: Record<string, string[]>) => putEntity(node, id, schema, p);
  await e('p-ana', 'Person', { givenName: ['Ana'], surname: ['García'], secondSurname: ['López'], gender: ['female'], phone: ['+52 55 1234 5678'], language: ['Mixtec'] });
  await e('p-luis', 'Person', { givenName: ['Luis'], surname: ['García'], gender: ['unknown'] });
  await e('o-agro', 'Organization', { name: ['Agrícola del Norte'], country: ['MX'] });
  await e('ph-1', 'Phone', { number: ['+52 81 1234 5678'] });
  await e('ph-ad', 'Phone', { number: ['+1 404 555 0117'] });
  await e('em-1', 'Email', { email: ['ana@example.org'] });
  await e('ba-1', 'BankAccount', { accountNumber: ['0123456789'], bankName: ['Banco Ejemplo'] });
  await e('ad-1', 'Address', { full: ['Calle 5, Culiacán'], city: ['Culiacán'], placeType: ['worker_housing'] });
  await e('own-ph', 'Ownership', { source: ['p-ana'], target: ['ph-1'] });
  await e('own-em', 'Ownership', { source: ['p-ana'], target: ['em-1'] });
  await e('own-ba', 'Ownership', { source: ['o-agro'], target: ['ba-1'], percentage: ['100'] });
  await e('emp-1', 'Employment', { source: ['o-agro'], target: ['p-ana'], role: ['picker'], promisedWage: ['15 USD'], startDate: ['2024-04'] });
  await e('fam-1', 'Family', { source: ['p-ana'], target: ['p-luis'], relationship: ['sibling'] });
  await e('ass-1', 'Association', { source: ['p-luis'], target: ['o-agro'], role: ['driver'] });
  await e('pay-1', 'Payment', { source: ['ba-1'], target: ['p-luis'], amount: ['1500'], currency: ['MXN'], date: ['2024-05-01'] });
  await e('tr-1', 'Travel', { source: ['p-ana'], target: ['ad-1'], mode: ['bus'] });
  await e('com-1', 'Communication', { source: ['ph-1'], target: ['ph-ad'], method: ['call'] });
});
afterAll(async () => {
  await node.store.close().catch(() => undefined);
  rmSync(base, { recursive: true, force: true });
});

describe('alianza export', () => {
  it('writes JSON lines that parse, one per entity, atomically and readable by the owner only', async () => {
    const r = cli(['export', '--out', out('all.jsonl'), '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readLines(out('all.jsonl'));
    expect(lines.filter((l) => l.kind === 'entity')).toHaveLength((await node.store.entities.list({ limit: 1 })).total);
    expect(lines.find((l) => l.id === 'emp-1')).toMatchObject({ kind: 'entity', schema: 'Employment', properties: { source: ['o-agro'], target: ['p-ana'] } });
    expect(statSync(out('all.jsonl')).mode & 0o077).toBe(0);
    expect(readdirSync(path.join(base, 'out')).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('--format ftm writes FollowTheMoney entities with FtM’s schema and property names', () => {
    const r = cli(['export', '--out', out('ftm.jsonl'), '--format', 'ftm', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readLines(out('ftm.jsonl'));
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(['id', 'properties', 'schema']);
      for (const v of Object.values(l.properties)) expect(v.every((x) => typeof x === 'string')).toBe(true);
    }
    const byId = new Map(lines.map((l) => [l.id, l]));
    expect(byId.get('emp-1')).toMatchObject({ schema: 'Employment', properties: { employer: ['o-agro'], employee: ['p-ana'], role: ['picker'], startDate: ['2024-04'] } });
    expect(byId.get('emp-1')!.properties.summary?.join(' ')).toMatch(/promisedWage: 15\.00 USD/);
    expect(byId.get('fam-1')).toMatchObject({ schema: 'Family', properties: { person: ['p-ana'], relative: ['p-luis'], relationship: ['sibling'] } });
    expect(byId.get('ass-1')).toMatchObject({ schema: 'Associate', properties: { person: ['p-luis'], associate: ['o-agro'], relationship: ['driver'] } });
    expect(byId.get('own-ba')).toMatchObject({ schema: 'Ownership', properties: { owner: ['o-agro'], asset: ['ba-1'], percentage: ['100'] } });
    expect(byId.get('pay-1')).toMatchObject({ schema: 'Payment', properties: { payerAccount: ['ba-1'], beneficiary: ['p-luis'], amount: ['1500'], currency: ['MXN'] } });
    expect(byId.get('tr-1')).toMatchObject({ schema: 'Travel', properties: { source: ['p-ana'], target: ['ad-1'] } });
    // phones and e-mails live on their owners; their entities and the ownership edges to them are gone
    const ana = byId.get('p-ana')!;
    expect(ana.schema).toBe('Person');
    expect(ana.properties).toMatchObject({ firstName: ['Ana'], lastName: ['García', 'López'], gender: ['female'], email: ['ana@example.org'] });
    expect(ana.properties.phone?.sort()).toEqual(['+525512345678', '+528112345678']);
    expect(byId.get('p-luis')!.properties.gender).toBeUndefined();
    for (const gone of ['ph-1', 'ph-ad', 'em-1', 'own-ph', 'own-em']) expect(byId.has(gone)).toBe(false);
    for (const l of lines) {
      expect(['Phone', 'Email']).not.toContain(l.schema);
      if (!['Travel', 'Recruitment', 'Communication'].includes(l.schema)) expect(l.properties.source ?? l.properties.target).toBeUndefined();
    }
    expect(byId.get('com-1')).toMatchObject({ schema: 'Communication', properties: { source: ['ph-1'], target: ['ph-ad'] } });
    expect(r.stdout).toMatch(/2 phones and e-mail addresses folded into their owners, 1 without an owner left out/);
  });
});

describe('alianza backup and restore', () => {
  let backupCounts: Counts;

  it('backs up a node that is open and writing, into a consistent file with the same rows', async () => {
    const live = path.join(dir, 'alianza.db');
    const before = counts(live);
    const running = cliAsync(['backup', '--out', out('node.backup'), '--data', dir]);
    let finished = false;
    void running.then(() => (finished = true));
    // each write adds one entity and one audit entry in the same transaction
    for (let i = 0; !finished; i++) {
      const entity = await fixtureEntity(node, `p-during-${i}`, 'Person', { givenName: [`Durante ${i}`] });
      await node.store.transaction(async (tx) => {
        await tx.entities.create(entity);
        await tx.audit.append({ at: new Date().toISOString(), actorId: null, actorLabel: 'test', action: 'entity.create', targetType: 'entity', targetId: entity.id, caseId: null, detail: {} });
      });
      await new Promise((res) => setTimeout(res, 5));
    }
    const r = await running;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Backup written to/);
    backupCounts = counts(out('node.backup'));
    const after = counts(live);
    expect(backupCounts.entities - before.entities).toBe(backupCounts.audit_log - before.audit_log);
    expect(backupCounts.entities).toBeGreaterThanOrEqual(before.entities);
    expect(backupCounts.entities).toBeLessThanOrEqual(after.entities);
    for (const t of ['cases', 'case_subjects', 'users', 'agencies'] as const) expect(backupCounts[t]).toBe(after[t]);
    const db = new Database(out('node.backup'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(statSync(out('node.backup')).mode & 0o077).toBe(0);
    await node.store.close();
    // once the writes stop, a backup has exactly the live rows
    const quiet = cli(['backup', '--out', out('quiet.backup'), '--data', dir]);
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(counts(out('quiet.backup'))).toEqual(counts(live));
  });

  it('refuses to replace the node’s database without --force', () => {
    const before = readFileSync(path.join(dir, 'alianza.db'));
    const r = cli(['restore', '--from', out('node.backup'), '--data', dir], { lang: 'es_MX.UTF-8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Se rechaza reemplazar .*--force/);
    expect(readFileSync(path.join(dir, 'alianza.db')).equals(before)).toBe(true);
  });

  it('with --force puts the backup back exactly', async () => {
    const later = await openTestNode(dir);
    await putEntity(later, 'p-after-backup', 'Person', { givenName: ['Posterior'] });
    await later.store.close();
    expect(counts(path.join(dir, 'alianza.db')).entities).toBeGreaterThan(backupCounts.entities);
    const r = cli(['restore', '--from', out('node.backup'), '--data', dir, '--force']);
    expect(r.status, r.stderr).toBe(0);
    expect(counts(path.join(dir, 'alianza.db'))).toEqual(backupCounts);
    const restored = await openTestNode(dir);
    try {
      expect(await restored.store.entities.get('p-after-backup')).toBeUndefined();
      expect(await restored.store.entities.get('p-ana')).toBeDefined();
      expect((await restored.store.audit.verify()).ok).toBe(true);
    } finally {
      await restored.store.close();
    }
  });
});
