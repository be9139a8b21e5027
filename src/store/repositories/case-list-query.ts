/**
 * The WHERE and ORDER BY of CaseRepository.list. The visibility rule mirrors the handling
 * policy: a RED or AMBER+STRICT case is listed only to its owning agency and to its named
 * users (case_access).
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db-types';
import type { CaseFilter } from '../ports';
import type { StoreDialect } from '../store-context';

export const RESTRICTED_TLPS = ['RED', 'AMBER+STRICT'] as const;

type CaseQuery<O> = SelectQueryBuilder<Database, 'cases', O>;

/** `column IN ids` as one bound parameter, whatever the number of ids. */
export function idListCondition(dialect: StoreDialect, column: string, ids: readonly string[]) {
  return dialect === 'postgres'
    ? sql<boolean>`${sql.ref(column)} = any(${[...ids]}::text[])`
    : sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}

export function filterCases<O>(q: CaseQuery<O>, filter: CaseFilter, dialect: StoreDialect): CaseQuery<O> {
  let out = q;
  if (filter.status !== undefined) out = out.where('cases.status', '=', filter.status);
  if (filter.type !== undefined) out = out.where('cases.type', '=', filter.type);
  if (filter.tlp !== undefined) out = out.where('cases.tlp', '=', filter.tlp);
  if (filter.owningAgencyId !== undefined) out = out.where('cases.owning_agency_id', '=', filter.owningAgencyId);
  if (filter.ids !== undefined) out = out.where(idListCondition(dialect, 'cases.id', filter.ids));
  const viewer = filter.visibleTo;
  if (viewer) {
    out = out.where((eb) =>
      eb.or([
        eb('cases.tlp', 'not in', [...RESTRICTED_TLPS]),
        eb('cases.owning_agency_id', '=', viewer.agencyId),
        eb.exists(
          eb
            .selectFrom('case_access')
            .select('case_access.case_id')
            .whereRef('case_access.case_id', '=', 'cases.id')
            .where('case_access.user_id', '=', viewer.userId),
        ),
      ]),
    );
  }
  return out;
}

export function sortCases<O>(q: CaseQuery<O>, sort: CaseFilter['sort']): CaseQuery<O> {
  switch (sort ?? 'updated_desc') {
    case 'created_desc':
      return q.orderBy('cases.created_at', 'desc').orderBy('cases.id', 'desc');
    case 'reference_asc':
      return q.orderBy('cases.reference', 'asc');
    default:
      return q.orderBy('cases.updated_at', 'desc').orderBy('cases.id', 'desc');
  }
}
