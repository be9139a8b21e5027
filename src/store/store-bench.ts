/**
 * Store benchmark: 30,000 cases, 300,000 entities, ~1 M search terms, 200,000 audit
 * entries (synthetic, seeded), then timed reads the UI makes: a page of 25 cases with and
 * without filters and the visibility rule, deep pages, id-restricted lists, prefix searches,
 * exact property lookups, edges; plus audit append and verify rates.
 *   npx tsx src/store/store-bench.ts [--pg] [--small]
 * (exports the bench/<name>.ts shape: default async (args) => report)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { GENESIS_HASH, auditHash } from '../domain/audit-chain';
import type { CaseFilter, Viewer } from './ports';
import type { CaseRow, EntityRow } from './db-types';
import { chunks } from './db-errors';
import { normaliseValue } from './normalise-value';
import { openStore } from './open-store';
import { caseToRow } from './repositories/case-rows';
import type { SqlStore } from './sql-store';

interface Report {
  title: string;
  figures: Record<string, string | number>;
  notes?: string[];
}

const AGENCIES = ['ag-fgr', 'ag-inm', 'ag-stps', 'ag-rcmp', 'ag-cbsa', 'ag-hsi', 'ag-fbi', 'ag-dol'];
const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
const STATUSES = ['open', 'investigating', 'prosecution', 'closed', 'archived'] as const;
const TYPES = ['sex_trafficking', 'labour_trafficking', 'forced_labour', 'forced_criminality', 'domestic_servitude'] as const;
const GIVEN = ['jose', 'maria', 'juan', 'guadalupe', 'francois', 'marie', 'jean', 'sophie', 'michael', 'jennifer', 'luis', 'ana', 'pierre', 'isabelle', 'david', 'sarah'];
const FAMILY = ['hernandez', 'garcia', 'martinez', 'lopez', 'gonzalez', 'tremblay', 'gagnon', 'roy', 'cote', 'smith', 'johnson', 'williams', 'brown', 'nunez', 'perez', 'sanchez'];
const WORDS = ['rancho', 'invernadero', 'hotel', 'bar', 'agencia', 'reclutamiento', 'pasaporte', 'deuda', 'salario', 'transporte', 'ferme', 'usine', 'farm', 'motel', 'massage', 'construction', 'oaxaca', 'chiapas', 'guerrero', 'ontario', 'quebec', 'georgia', 'florida', 'texas'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const iso = (ms: number) => new Date(Date.UTC(2024, 0, 1) + ms).toISOString();
/** A random-looking, reproducible id, so that sorting by id is not sorting by time. */
const idOf = (prefix: string, i: number) => `${prefix}-${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}-${i}`;

async function insertAll<T>(store: SqlStore, table: 'cases' | 'entities' | 'entity_values' | 'search_terms' | 'case_access' | 'audit_log', rows: T[], per: number): Promise<void> {
  await store.transaction(async () => {
    const db = store.currentDb();
    for (const batch of chunks(rows, per)) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await db.insertInto(table).values(batch as any).execute();
    }
  });
}

async function seed(store: SqlStore, nCases: number, nEntities: number, nAudit: number): Promise<{ terms: number }> {
  const r = rng(2026);
  // cases
  const cases: CaseRow[] = [];
  const access: { case_id: string; user_id: string; position: number }[] = [];
  for (let i = 0; i < nCases; i++) {
    const tlp = pick(r, TLPS);
    const owner = pick(r, AGENCIES);
    const at = iso(Math.floor(r() * 900 * 86400e3));
    const id = idOf('case', i);
    cases.push(
      caseToRow(
        {
          id,
          reference: `MX-2026-${String(i).padStart(6, '0')}`,
          title: `${pick(r, WORDS)} ${pick(r, WORDS)} ${pick(r, FAMILY)}`,
          type: pick(r, TYPES),
          polarisType: null,
          status: pick(r, STATUSES),
          jurisdiction: 'MX',
          narrative: 'synthetic',
          handling: { tlp, purpose: 'investigation', retentionDays: 3650, originatorConsentRequiredToForward: false },
          owningAgencyId: owner,
          namedUserIds: [],
          eventId: null,
          labourProgram: null,
          indicators: [],
          palermo: { acts: [], means: [], purposes: [], victimIsChild: false, notes: '' },
          outcomes: [],
          createdBy: 'system',
          createdAt: at,
          updatedAt: at,
          version: 1,
        },
        1,
      ),
    );
    if (r() < 0.05) access.push({ case_id: id, user_id: `user-${Math.floor(r() * 200)}`, position: 0 });
  }
  await insertAll(store, 'cases', cases, 200);
  await insertAll(store, 'case_access', access, 500);

  // entities: people, phones, and Employment edges between them
  const entities: EntityRow[] = [];
  const values: { entity_id: string; property: string; value: string }[] = [];
  const terms: { doc_type: string; doc_id: string; term: string }[] = [];
  for (let i = 0; i < nEntities; i++) {
    const id = idOf('ent', i);
    const at = iso(i * 1000);
    let props: Record<string, string[]>;
    let schema: string;
    if (i % 10 === 9) {
      schema = 'Employment';
      props = { employer: [idOf('ent', Math.floor(r() * i))], employee: [idOf('ent', Math.floor(r() * i))] };
    } else if (i % 3 === 0) {
      schema = 'Phone';
      props = { number: [`+52${Math.floor(1e9 + r() * 9e9)}`] };
    } else {
      schema = 'Person';
      const g = pick(r, GIVEN);
      const f = pick(r, FAMILY);
      const f2 = pick(r, FAMILY);
      props = { name: [`${g} ${f} ${f2}`] };
      for (const t of new Set([g, f, f2, `${f}${i % 997}`, `k${f2.slice(0, 4)}${g.slice(0, 2)}`])) terms.push({ doc_type: 'entity', doc_id: id, term: t });
    }
    entities.push({
      id,
      schema,
      caption: schema,
      properties: JSON.stringify(props),
      owning_agency_id: pick(r, AGENCIES),
      cross_border_check: r() < 0.2 ? 1 : 0,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    const seen = new Set<string>();
    for (const [p, vs] of Object.entries(props)) {
      for (const v of vs) {
        const key = p + '\u0000' + normaliseValue(v);
        if (!seen.has(key)) values.push({ entity_id: id, property: p, value: normaliseValue(v) });
        seen.add(key);
      }
    }
  }
  await insertAll(store, 'entities', entities, 300);
  await insertAll(store, 'entity_values', values, 500);
  for (const c of cases) {
    const words = new Set(c.title.split(' '));
    for (const w of words) terms.push({ doc_type: 'case', doc_id: c.id, term: w });
    terms.push({ doc_type: 'case', doc_id: c.id, term: c.reference.toLowerCase() });
  }
  await insertAll(store, 'search_terms', terms, 500);

  // audit: a valid chain, written directly
  const audit = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= nAudit; seq++) {
    const body = { seq, at: iso(seq * 1000), actorId: `user-${seq % 200}`, actorLabel: `user${seq % 200}@mx.demo`, action: seq % 5 ? 'case.read' : 'search', targetType: 'case', targetId: idOf('case', seq % nCases), caseId: idOf('case', seq % nCases), detail: { q: seq % 7 } };
    const hash = auditHash(prev, body);
    audit.push({ seq, at: body.at, actor_id: body.actorId, actor_label: body.actorLabel, action: body.action, target_type: body.targetType, target_id: body.targetId, case_id: body.caseId, detail: JSON.stringify(body.detail), prev_hash: prev, hash });
    prev = hash;
  }
  await insertAll(store, 'audit_log', audit, 500);
  // statistics as a running node has them (PostgreSQL: autovacuum also sets the visibility map)
  if (store.dialect === 'sqlite') await sql`analyze`.execute(store.kysely);
  else await sql`vacuum analyze`.execute(store.kysely);
  return { terms: terms.length };
}

async function timeIt(runs: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await fn(i); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] as number).toFixed(2);
  return { p50: Number(at(0.5)), p95: Number(at(0.95)) };
}

async function measure(store: SqlStore, label: string, nCases: number, nEntities: number, figures: Record<string, string | number>) {
  const viewer = (i: number): Viewer => ({ userId: `user-${i % 200}`, agencyId: AGENCIES[i % AGENCIES.length] as string });
  const put = (name: string, t: { p50: number; p95: number }) => {
    figures[`${label}: ${name} p50 (ms)`] = t.p50;
    figures[`${label}: ${name} p95 (ms)`] = t.p95;
  };
  const list = (f: (i: number) => CaseFilter) => timeIt(60, (i) => store.cases.list(f(i)));
  put('cases page of 25, newest first, visibility rule', await list((i) => ({ visibleTo: viewer(i), limit: 25 })));
  put('cases page of 25, status + type filters, visibility', await list((i) => ({ status: STATUSES[i % 5], type: TYPES[i % 5], visibleTo: viewer(i), limit: 25 })));
  put('cases page of 25, tlp filter, by reference', await list((i) => ({ tlp: TLPS[i % 6], sort: 'reference_asc', limit: 25 })));
  put('cases page 400 (offset 10,000), visibility', await list((i) => ({ visibleTo: viewer(i), limit: 25, offset: 10_000 })));
  put('cases restricted to 200 ids, visibility', await list((i) => ({ ids: Array.from({ length: 200 }, (_, k) => idOf('case', (i * 977 + k * 131) % nCases)), visibleTo: viewer(i), limit: 25 })));
  put('search 2 groups, prefix + exact, top 50', await timeIt(60, (i) => store.search.search([[`${FAMILY[i % 16]?.slice(0, 3)}*`], [GIVEN[i % 16] as string]], { limit: 50, all: true })));
  put('search 3 groups, any, top 50', await timeIt(60, (i) => store.search.search([[GIVEN[i % 16] as string], [FAMILY[(i * 7) % 16] as string], [`${WORDS[i % 24]?.slice(0, 4)}*`]], { limit: 50, all: false })));
  put('entity findByProperty (phone)', await timeIt(100, async (i) => {
    const e = await store.entities.get(idOf('ent', ((i * 7919) % (nEntities / 3)) * 3));
    return store.entities.findByProperty('Phone', 'number', e?.properties.number?.[0] ?? '');
  }));
  put('entity listEdgesOf', await timeIt(100, (i) => store.entities.listEdgesOf(idOf('ent', (i * 104729) % nEntities))));
  put('entity list by schema, page of 50', await timeIt(60, (i) => store.entities.list({ schema: 'Person', limit: 50, offset: i * 50 })));
  put('audit list by case', await timeIt(60, (i) => store.audit.list({ caseId: idOf('case', i), limit: 50 })));

  const t0 = performance.now();
  const n = 2000;
  for (let i = 0; i < n; i++) {
    await store.audit.append({ at: new Date().toISOString(), actorId: 'bench', actorLabel: 'bench', action: 'bench.append', targetType: null, targetId: null, caseId: null, detail: { i } });
  }
  figures[`${label}: audit appends per second (sequential)`] = Math.round(n / ((performance.now() - t0) / 1000));
  const tc = performance.now();
  for (let round = 0; round < 20; round++) {
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        store.audit.append({ at: new Date().toISOString(), actorId: 'bench', actorLabel: 'bench', action: 'bench.concurrent', targetType: null, targetId: null, caseId: null, detail: { round, i } }),
      ),
    );
  }
  figures[`${label}: audit appends per second (100 concurrent)`] = Math.round(2000 / ((performance.now() - tc) / 1000));
  const t1 = performance.now();
  const v = await store.audit.verify();
  const secs = (performance.now() - t1) / 1000;
  figures[`${label}: audit verify (${v.count} entries, s)`] = secs.toFixed(2);
  figures[`${label}: audit verify entries per second`] = Math.round(v.count / secs);
  if (!v.ok) throw new Error('audit chain did not verify');
}

export default async function run(args: string[]): Promise<Report> {
  const small = args.includes('--small');
  const nCases = small ? 3000 : 30_000;
  const nEntities = small ? 30_000 : 300_000;
  const nAudit = small ? 20_000 : 200_000;
  const figures: Record<string, string | number> = {};
  const notes: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alianza-store-bench-'));
  try {
    const targets: { label: string; open: () => Promise<SqlStore>; drop?: () => Promise<void> }[] = [
      { label: 'SQLite', open: () => openStore({ kind: 'sqlite', file: path.join(dir, 'bench.db') }) },
    ];
    if (args.includes('--pg')) {
      const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
      const schema = `alianza_bench_${process.pid}`;
      let pgStore: SqlStore | undefined;
      targets.push({
        label: 'PostgreSQL',
        open: async () => (pgStore = await openStore({ kind: 'postgres', url, schema })),
        drop: async () => {
          const s = await openStore({ kind: 'postgres', url });
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(s.kysely);
          await s.close();
          void pgStore;
        },
      });
    }
    for (const t of targets) {
      const store = await t.open();
      try {
        const s0 = performance.now();
        const { terms } = await seed(store, nCases, nEntities, nAudit);
        figures[`${t.label}: seed (s)`] = ((performance.now() - s0) / 1000).toFixed(1);
        notes.push(`${t.label}: ${nCases} cases, ${nEntities} entities, ${terms} search terms, ${nAudit} audit entries`);
        await measure(store, t.label, nCases, nEntities, figures);
      } finally {
        await store.close();
        await t.drop?.();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  notes.push(`load average when done: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  return { title: 'Store reads at 30,000 cases, 300,000 entities, ~1 M search terms', figures, notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await run(process.argv.slice(2));
  const { writeReport } = await import('../../bench/harness');
  writeReport('store', report);
}
