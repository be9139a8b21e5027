/**
 * Full-text lookups over search_terms. Each query group becomes one indexed lookup (exact
 * terms with IN, prefixes as ranges `term >= 'nun' AND term < 'nuo'`), the groups are
 * united and counted per document. The terms arrive already folded by domain/search-text.
 */
import { sql, type RawBuilder } from 'kysely';
import { chunks, toCount } from '../db-errors';
import type { SearchDocType, SearchHit, SearchRepository } from '../ports';
import type { StoreContext } from '../store-context';

/** Longer terms are cut: no word is that long, and index entries stay small. */
export const MAX_TERM_LENGTH = 120;
const ROWS_PER_INSERT = 300;

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

function groupCondition(alts: Alternatives): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (alts.exact.length > 0) parts.push(sql`term in (${sql.join(alts.exact)})`);
  for (const p of alts.prefixes) {
    const upper = prefixUpperBound(p);
    parts.push(upper === undefined ? sql`term >= ${p}` : sql`(term >= ${p} and term < ${upper})`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
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
    const docFilter = opts.docType === undefined ? sql`` : sql` and doc_type = ${opts.docType}`;
    const branches = usable.map(
      (g, i) =>
        sql`select doc_type, doc_id, ${sql.lit(i)} as g from search_terms where ${groupCondition(g)}${docFilter}`,
    );
    // No DISTINCT inside the branches: it would lead SQLite to walk the whole table in
    // document order instead of the term index; a group is counted once by count(distinct g).
    const having = opts.all ? sql` having count(distinct g) = ${usable.length}` : sql``;
    const query = sql<{ doc_type: string; doc_id: string; score: unknown }>`
      select doc_type, doc_id, count(distinct g) as score
      from (${sql.join(branches, sql` union all `)}) as matched
      group by doc_type, doc_id${having}
      order by score desc, doc_type, doc_id
      limit ${opts.limit}`;
    const { rows } = await query.execute(this.ctx.db());
    return rows.map((r) => ({ docType: r.doc_type as SearchDocType, docId: r.doc_id, score: toCount(r.score) }));
  }
}
