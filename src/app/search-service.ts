/** Full-text search over cases and entities, filtered by what the user may see, and audited. */
import type { Actor, Case, Entity } from '../domain/model';
import { queryGroups } from '../domain/search-text';
import { can, canSearch } from '../domain/policy';
import { AlianzaError } from '../domain/errors';
import { audit } from './audit';
import type { AppContext } from './context';
import { entityAccess } from './entity-service';
import { presentEntityFor, type SeenEntity } from './visibility';

export interface SearchOutcome {
  cases: Case[];
  /** how many visible cases matched (the page holds at most `limit`) */
  caseTotal: number;
  entities: SeenEntity[];
}

const MAX_HITS = 500;

/**
 * Finds cases and entities matching every word of `q` (accents and case ignored, prefixes
 * and sound-alike spellings accepted). Cases are also found through the people and things
 * linked to them that the user may see.
 */
export async function search(
  ctx: AppContext,
  actor: Actor & { email?: string },
  q: string,
  opts: { docType?: 'case' | 'entity'; limit: number; audit?: boolean },
): Promise<SearchOutcome> {
  const { store } = ctx;
  if (!canSearch(actor)) throw new AlianzaError('FORBIDDEN');
  const groups = queryGroups(q, { defaultCountry: ctx.node.country });
  const out: SearchOutcome = { cases: [], caseTotal: 0, entities: [] };
  if (groups.length === 0) return out;
  const hits = await store.search.search(groups, { limit: MAX_HITS, all: true, ...(opts.docType ? { docType: opts.docType } : {}) });
  const caseIds: string[] = [];
  const entityIds: string[] = [];
  for (const h of hits) {
    if (h.docType === 'case') caseIds.push(h.docId);
    else entityIds.push(h.docId);
  }

  // entities in rank order, until the page is full; each one checked against the cases it appears in
  if (opts.docType !== 'case') {
    for (let i = 0; i < entityIds.length && out.entities.length < opts.limit; i += opts.limit) {
      const slice = entityIds.slice(i, i + opts.limit);
      const byId = new Map((await store.entities.getMany(slice)).map((e) => [e.id, e] as [string, Entity]));
      for (const id of slice) {
        const e = byId.get(id);
        if (!e || out.entities.length >= opts.limit) continue;
        const access = await entityAccess(store, actor, id);
        // a hidden victim is never returned by a search on identifying words: that would reveal the identity
        if (!access.visible || access.hideIdentity) continue;
        out.entities.push(presentEntityFor(ctx, e, false));
      }
    }
  }
  // cases are indexed with their non-victim subjects' names, so a case search needs no detour through entities
  if (opts.docType !== 'entity' && caseIds.length) {
    const page = await store.cases.list({ ids: caseIds, visibleTo: { userId: actor.userId, agencyId: actor.agencyId }, limit: opts.limit, sort: 'updated_desc' });
    out.cases = page.items.filter(() => can(actor, 'case.list'));
    out.caseTotal = page.total;
  }
  if (opts.audit !== false) {
    await audit(store, ctx.clock, actor, { action: 'search', detail: { q: q.slice(0, 200), cases: out.cases.length, entities: out.entities.length } });
  }
  return out;
}

/**
 * Ids of the cases whose own terms match every word of `q` (the case list's search box);
 * the caller lists them with its filters and the visibility rule. Audited as a search.
 */
export async function matchingCaseIds(ctx: AppContext, actor: Actor & { email?: string }, q: string): Promise<string[]> {
  if (!canSearch(actor) && !can(actor, 'case.list')) throw new AlianzaError('FORBIDDEN');
  const groups = queryGroups(q, { defaultCountry: ctx.node.country });
  const hits = groups.length ? await ctx.store.search.search(groups, { limit: MAX_HITS, all: true, docType: 'case' }) : [];
  await audit(ctx.store, ctx.clock, actor, { action: 'search', detail: { q: q.slice(0, 200), scope: 'cases', matches: hits.length } });
  return hits.map((h) => h.docId);
}
