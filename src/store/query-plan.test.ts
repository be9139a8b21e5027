/**
 * The queries behind the lists and searches a user waits for must run on indexes: checked
 * with SQLite's EXPLAIN QUERY PLAN on the very SQL the repositories send (captured through
 * Kysely's log), over a seeded and analysed database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely } from 'kysely';
import type { Database } from './db-types';
import { migrateToLatest } from './open-store';
import { caseToRow } from './repositories/case-rows';
import { NodeSqliteDialect, openSqliteFile } from './sqlite-dialect';
import { SqlStore } from './sql-store';
import { kase } from './contract/fixtures';
import type BetterSqlite3 from 'better-sqlite3';

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

let dir: string;
let handle: BetterSqlite3.Database;
let store: SqlStore;
let captured: Captured[] = [];

const TLPS = ['RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR'] as const;
const STATUSES = ['open', 'investigating', 'prosecution', 'closed', 'archived'] as const;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'alianza-plan-'));
  handle = openSqliteFile(path.join(dir, 'plan.db'));
  const db = new Kysely<Database>({
    dialect: new NodeSqliteDialect(handle),
    log: (event) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  await migrateToLatest(db, 'sqlite');
  store = new SqlStore('sqlite', db, handle);
  // 5,000 cases, 20,000 entities with values, 60,000 search terms, 5,000 audit entries
  const cases = Array.from({ length: 5000 }, (_, i) =>
    caseToRow(
      { ...kase(`ag-${i % 8}`, { status: STATUSES[i % 5] }, TLPS[i % 5]), reference: `REF-${i}` },
      1,
    ),
  );
  const insert = handle.transaction(() => {
    const c = handle.prepare(
      `insert into cases (${Object.keys(cases[0] as object).join(',')}) values (${Object.keys(cases[0] as object).map(() => '?').join(',')})`,
    );
    for (const row of cases) c.run(...Object.values(row));
    const e = handle.prepare(`insert into entities values (?, ?, ?, '{}', 'ag-1', ?, 1, ?, ?)`);
    const v = handle.prepare(`insert into entity_values values (?, ?, ?)`);
    for (let i = 0; i < 20000; i++) {
      const at = new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
      e.run(`e-${i}`, i % 4 ? 'Person' : 'Phone', 'x', i % 5 ? 0 : 1, at, at);
      v.run(`e-${i}`, i % 4 ? 'name' : 'number', `value ${i}`);
      if (i % 10 === 9) v.run(`e-${i}`, 'employer', `e-${i - 1}`);
    }
    const t = handle.prepare(`insert into search_terms values (?, ?, ?)`);
    for (let i = 0; i < 20000; i++) for (const w of ['nunez', `n${i % 500}`, `w${i}`]) t.run('entity', `e-${i}`, w);
    const a = handle.prepare(
      `insert into audit_log values (?, '2026-01-01T00:00:00.000Z', ?, 'x', ?, 'case', ?, ?, '{}', 'p', 'h')`,
    );
    for (let i = 1; i <= 5000; i++) a.run(i, `u-${i % 50}`, i % 2 ? 'case.read' : 'search', `c-${i % 900}`, `c-${i % 900}`);
  });
  insert();
  handle.exec('analyze');
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `fn`, then EXPLAIN QUERY PLAN on every statement it sent; returns the plans. */
async function plansOf(fn: () => Promise<unknown>): Promise<string[]> {
  captured = [];
  await fn();
  const sent = captured.filter((q) => /^\s*(select|update|delete|with)/i.test(q.sql));
  return sent.map((q) =>
    (handle.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n'),
  );
}

/** A plan that reads a whole table without an index. */
const fullScan = (plan: string, table: string) => new RegExp(`SCAN ${table}(?! USING)`).test(plan);

describe('query plans (SQLite)', () => {
  const viewer = { userId: 'u-1', agencyId: 'ag-1' };

  it('a page of cases, newest first, under the visibility rule', async () => {
    const plans = await plansOf(() => store.cases.list({ visibleTo: viewer, limit: 25 }));
    const page = plans.find((p) => p.includes('cases_updated'));
    expect(page, plans.join('\n---\n')).toBeDefined();
    expect(page).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    expect(plans.join('\n')).toMatch(/case_access/);
    for (const p of plans) expect(fullScan(p, 'cases'), p).toBe(false);
  });

  it('a page of cases filtered by status, type, TLP or owner, sorted by the index', async () => {
    const filters = [{ status: 'open' as const }, { type: 'forced_labour' as const }, { tlp: 'GREEN' as const }, { owningAgencyId: 'ag-3' }];
    for (const filter of filters) {
      const plans = await plansOf(() => store.cases.list({ ...filter, visibleTo: viewer, limit: 25 }));
      for (const p of plans) expect(fullScan(p, 'cases'), p).toBe(false);
      const pages = plans.filter((p) => /(SCAN|SEARCH) cases /.test(p) && !p.includes('COVERING INDEX cases_visibility'));
      expect(pages.length).toBeGreaterThan(0);
      for (const p of pages) expect(p, p).not.toContain('TEMP B-TREE');
    }
  });

  it('counting the visible cases stays off the case rows', async () => {
    const [count] = await plansOf(() => store.cases.list({ visibleTo: viewer, limit: 25 }));
    expect(count).toMatch(/USING COVERING INDEX/);
  });

  it('a prefix search uses the term index by range', async () => {
    const plans = await plansOf(() => store.search.search([['nun*'], ['n12']], { limit: 20, all: true }));
    const all = plans.join('\n');
    expect(all).toMatch(/search_terms USING COVERING INDEX search_terms_term \(term>\? AND term<\?\)/);
    expect(all).toMatch(/search_terms USING COVERING INDEX search_terms_term \(term=\?\)/);
    expect(fullScan(all, 'search_terms')).toBe(false);
  });

  it('a search needing every group walks one exact term in index order, without sorting', async () => {
    const plans = await plansOf(() => store.search.search([['nunez'], ['n12']], { limit: 20, all: true }));
    const walk = plans.find((p) => p.includes('CORRELATED') || p.includes('EXISTS'));
    expect(walk, plans.join('\n---\n')).toBeDefined();
    expect(walk).toMatch(/search_terms USING COVERING INDEX search_terms_term \(term=\?\)/);
    expect(walk).not.toContain('TEMP B-TREE');
  });

  it('exact property lookups and edges use the value index', async () => {
    const byValue = (await plansOf(() => store.entities.findByProperty('Phone', 'number', 'value 8'))).join('\n');
    expect(byValue).toMatch(/entity_values USING COVERING INDEX entity_values_lookup \(value=\? AND property=\?\)/);
    const edges = (await plansOf(() => store.entities.listEdgesOf('e-8'))).join('\n');
    expect(edges).toMatch(/entity_values USING COVERING INDEX entity_values_lookup \(value=\?\)/);
    expect(fullScan(byValue + edges, 'entities')).toBe(false);
  });

  it('audit lists by case or actor and the job claim use their indexes', async () => {
    const audit = (await plansOf(() => store.audit.list({ caseId: 'c-7', limit: 50 }))).join('\n');
    expect(audit).toMatch(/audit_log USING (COVERING )?INDEX audit_log_case/);
    const actor = (await plansOf(() => store.audit.list({ actorId: 'u-7', limit: 50 }))).join('\n');
    expect(actor).toMatch(/audit_log USING (COVERING )?INDEX audit_log_actor/);
    const claim = (await plansOf(() => store.jobs.claim(['outbox.send'], '2026-06-01T00:00:00.000Z', 1000))).join('\n');
    expect(fullScan(claim, 'jobs')).toBe(false);
    const verifyBatch = (await plansOf(() => store.audit.verify())).join('\n');
    expect(fullScan(verifyBatch, 'audit_log') && verifyBatch.includes('TEMP B-TREE')).toBe(false);
  });
});

