/** Full-text search over cases and entities, filtered by what the user may see, and audited. */
import type { Actor, Case, Entity } from '../domain/model';
import { queryGroups } from '../domain/search-text';
import { canReadCase, canSearch } from '../domain/policy';
import { AlianzaError } from '../domain/errors';
import { audit } from './audit';
import type { AppContext } from './context';
import { entityAccess } from './entity-service';
import { presentEntityFor, type SeenEntity } from './visibility';

export interface SearchOutcome {
  cases: Case[];
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
  const out: SearchOutcome = { cases: [], entities: [] };
  if (groups.length === 0) return out;
  const hits = await store.search.search(groups, { limit: MAX_HITS, all: true });
  const caseIds = new Set<string>();
  const entityIds: string[] = [];
  for (const h of hits) {
    if (h.docType === 'case') caseIds.add(h.docId);
    else entityIds.push(h.docId);
  }

  const entities = await store.entities.getMany(entityIds.slice(0, MAX_HITS));
  const byId = new Map(entities.map((e) => [e.id, e] as [string, Entity]));
  for (const id of entityIds) {
    const e = byId.get(id);
    if (!e) continue;
    const access = await entityAccess(store, actor, id);
    // a hidden victim is never returned by a search on identifying words: that would reveal the identity
    if (!access.visible || access.hideIdentity) continue;
    if (opts.docType !== 'case' && out.entities.length < opts.limit) out.entities.push(presentEntityFor(ctx, e, false));
    for (const c of access.cases) caseIds.add(c.kase.id);
    if (out.entities.length >= opts.limit && opts.docType === 'entity') break;
  }
  if (opts.docType !== 'entity' && caseIds.size) {
    const page = await store.cases.list({ ids: [...caseIds], visibleTo: { userId: actor.userId, agencyId: actor.agencyId }, limit: opts.limit, sort: 'updated_desc' });
    for (const kase of page.items) {
      const members = await store.cases.listMembers(kase.id);
      if (canReadCase(actor, kase, members)) out.cases.push(kase);
    }
  }
  if (opts.audit !== false) {
    await audit(store, ctx.clock, actor, { action: 'search', detail: { q: q.slice(0, 200), cases: out.cases.length, entities: out.entities.length } });
  }
  return out;
}
