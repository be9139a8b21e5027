/**
 * Full-text lookups over search_terms. Each query group becomes one indexed lookup (exact
 * terms with IN, prefixes as ranges `term >= 'nun' AND term < 'nuo'`). Searches needing
 * every group walk the most selective group and check the others per document; others unite
 * the groups' matches and count them per document. Terms arrive folded by domain/search-text.
 */
import { sql, type RawBuilder } from 'kysely';
import { chunks, toCount } from '../db-errors';
import type { SearchDocType, SearchHit, SearchRepository } from '../ports';
import type { StoreContext } from '../store-context';

/** Longer terms are cut: no word is that long, and index entries stay small. */
export const MAX_TERM_LENGTH = 120;
const ROWS_PER_INSERT = 300;
/** Matches counted per group to choose which group drives an all-groups search. */
const ESTIMATE_CAP = 1000;

/** The smallest string greater than every string starting with `prefix` (code point order). */
export function prefixUpperBound(prefix: string): string | undefined {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop() as string;
    const cp = last.codePointAt(0) as number;
    let next = cp + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000; // skip surrogates
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return undefined; // the prefix is all U+10FFFF: no upper bound
}

interface Alternatives {
  exact: string[];
  prefixes: string[];
}

function parseGroup(group: readonly string[]): Alternatives {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const alt of group) {
    if (alt.endsWith('*')) {
      const p = alt.slice(0, -1);
      if (p.length > 0) prefixes.add(p.slice(0, MAX_TERM_LENGTH));
    } else if (alt.length > 0) {
      exact.add(alt.slice(0, MAX_TERM_LENGTH));
    }
  }
  return { exact: [...exact], prefixes: [...prefixes] };
}

function groupCondition(alts: Alternatives, column = 'term'): RawBuilder<unknown> {
  const term = sql.ref(column);
  const parts: RawBuilder<unknown>[] = [];
  if (alts.exact.length > 0) parts.push(sql`${term} in (${sql.join(alts.exact)})`);
  for (const p of alts.prefixes) {
    const upper = prefixUpperBound(p);
    parts.push(upper === undefined ? sql`${term} >= ${p}` : sql`(${term} >= ${p} and ${term} < ${upper})`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Without counts to tell groups apart: exact terms before prefixes, longer prefixes first. */
function selectivityRank(g: Alternatives): number {
  if (g.prefixes.length === 0) return g.exact.length;
  return 100 + g.exact.length - Math.min(...g.prefixes.map((p) => p.length));
}

export class SqlSearchRepository implements SearchRepository {
  constructor(private readonly ctx: StoreContext) {}

  async index(docType: SearchDocType, docId: string, terms: string[]): Promise<void> {
    const unique = [...new Set(terms.filter((t) => t.length > 0).map((t) => t.slice(0, MAX_TERM_LENGTH)))];
    await this.ctx.atomic(async (db) => {
      await db.deleteFrom('search_terms').where('doc_type', '=', docType).where('doc_id', '=', docId).execute();
      for (const batch of chunks(unique, ROWS_PER_INSERT)) {
        await db
          .insertInto('search_terms')
          .values(batch.map((term) => ({ doc_type: docType, doc_id: docId, term })))
          .execute();
      }
    });
  }

  async remove(docType: SearchDocType, docId: string): Promise<void> {
    await this.ctx.db().deleteFrom('search_terms').where('doc_type', '=', docType).where('doc_id', '=', docId).execute();
  }

  async search(
    groups: string[][],
    opts: { docType?: SearchDocType; limit: number; all: boolean },
  ): Promise<SearchHit[]> {
    const parsed = groups.map(parseGroup);
    const usable = parsed.filter((g) => g.exact.length + g.prefixes.length > 0);
    if (usable.length === 0 || opts.limit <= 0) return [];
    if (opts.all && usable.length < parsed.length) return []; // a group that can match nothing
    return opts.all ? this.searchAll(usable, opts) : this.searchAny(usable, opts);
  }

  /**
   * Every group must match: walk the matches of the most selective group and check the
   * others on the (doc_type, doc_id, term) key. When that group is a single exact term its
   * index already yields documents in order, so the walk stops after `limit` hits.
   */
  private async searchAll(groups: Alternatives[], opts: { docType?: SearchDocType; limit: number }): Promise<SearchHit[]> {
    const db = this.ctx.db();
    const docFilter = opts.docType === undefined ? sql`` : sql` and doc_type = ${opts.docType}`;
    const sizes = await Promise.all(groups.map((g) => this.estimate(g, docFilter)));
    const order = groups
      .map((g, i) => ({ g, size: sizes[i] as number, rank: selectivityRank(g) }))
      .sort((a, b) => a.size - b.size || a.rank - b.rank);
    const driver = (order[0] as { g: Alternatives }).g;
    const others = order.slice(1).map((o) => o.g);
    const single = driver.prefixes.length === 0 && driver.exact.length === 1;
    const candidates = single
      ? sql`select doc_type, doc_id from search_terms where term = ${driver.exact[0]}${docFilter}`
      : sql`select distinct doc_type, doc_id from search_terms where ${groupCondition(driver)}${docFilter}`;
    const checks = others.map(
      (g) =>
        sql` and exists (select 1 from search_terms t where t.doc_type = d.doc_type and t.doc_id = d.doc_id and ${groupCondition(g, 't.term')})`,
    );
    const { rows } = await sql<{ doc_type: string; doc_id: string }>`
      select d.doc_type, d.doc_id from (${candidates}) as d
      where 1 = 1${sql.join(checks, sql``)}
      order by d.doc_type, d.doc_id
      limit ${opts.limit}`.execute(db);
    return rows.map((r) => ({ docType: r.doc_type as SearchDocType, docId: r.doc_id, score: groups.length }));
  }

  /** Matches of a group, counted up to ESTIMATE_CAP (enough to pick the smallest group). */
  private async estimate(g: Alternatives, docFilter: RawBuilder<unknown>): Promise<number> {
    const { rows } = await sql<{ n: unknown }>`
      select count(*) as n from (select 1 from search_terms where ${groupCondition(g)}${docFilter} limit ${ESTIMATE_CAP}) as x`.execute(
      this.ctx.db(),
    );
    return toCount(rows[0]?.n);
  }

  /**
   * Any group may match: count the groups each document matches, most first. When enough
   * documents match every group, they are the answer and nothing needs counting.
   */
  private async searchAny(groups: Alternatives[], opts: { docType?: SearchDocType; limit: number }): Promise<SearchHit[]> {
    if (groups.length > 1) {
      const full = await this.searchAll(groups, opts);
      if (full.length >= opts.limit) return full;
    }
    const docFilter = opts.docType === undefined ? sql`` : sql` and doc_type = ${opts.docType}`;
    // No DISTINCT inside the branches: it would lead SQLite to walk the whole table in
    // document order instead of the term index; a group is counted once by count(distinct g).
    const branches = groups.map(
      (g, i) => sql`select doc_type, doc_id, ${sql.lit(i)} as g from search_terms where ${groupCondition(g)}${docFilter}`,
    );
    const { rows } = await sql<{ doc_type: string; doc_id: string; score: unknown }>`
      select doc_type, doc_id, count(distinct g) as score
      from (${sql.join(branches, sql` union all `)}) as matched
      group by doc_type, doc_id
      order by score desc, doc_type, doc_id
      limit ${opts.limit}`.execute(this.ctx.db());
    return rows.map((r) => ({ docType: r.doc_type as SearchDocType, docId: r.doc_id, score: toCount(r.score) }));
  }
}
