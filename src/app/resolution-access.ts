/**
 * What a reviewer may see and decide of a candidate pair. The rule, for each of the two
 * entities, from the cases it appears in:
 *
 * - hidden: it appears only in cases the reviewer cannot see -> the pair does not exist
 *   for them (not listed, "not found");
 * - restricted: it appears in a case the reviewer cannot see, or it is a victim in a case
 *   where the reviewer may not see victims' identities -> the pair is listed without ids,
 *   names or field-by-field explanation (a victim keeps their usual pseudonym) and cannot
 *   be decided: merging would move subjects of cases the reviewer cannot see, and the
 *   explanation ("surname: exact") would reveal a victim's name;
 * - clear: every case is visible and, where it is a victim, the reviewer may see the
 *   victim's identity (an investigator assigned to each of those cases).
 *
 * A pair is decided only when both entities are clear.
 */
import type { Actor, Case, CaseMember, Entity } from '../domain/model';
import { canReadCase, canSeeVictimIdentity } from '../domain/policy';
import { pseudonymFor } from '../domain/pseudonym';
import type { Repositories } from '../store/ports';
import type { AppContext } from './context';

export type Reach = 'clear' | 'restricted' | 'hidden';

export interface EntityReach {
  reach: Reach;
  /** a victim somewhere whose identity this reviewer may not see */
  hiddenVictim: boolean;
  /** the reason of a restriction */
  reason: 'victim' | 'hidden_case' | null;
  /** cases (visible ones) where the entity is a victim whose identity the reviewer sees */
  victimCaseIds: string[];
}

/** Works out the reach of entities for one reviewer, caching cases and their members. */
export class ReachOf {
  private readonly cases = new Map<string, Promise<{ kase: Case; members: CaseMember[] } | null>>();
  private readonly reaches = new Map<string, Promise<EntityReach>>();

  constructor(
    private readonly repos: Pick<Repositories, 'cases' | 'resolution'>,
    private readonly actor: Actor,
  ) {}

  private loadCase(id: string) {
    let p = this.cases.get(id);
    if (!p) {
      p = (async () => {
        const kase = await this.repos.cases.get(id);
        return kase ? { kase, members: await this.repos.cases.listMembers(id) } : null;
      })();
      this.cases.set(id, p);
    }
    return p;
  }

  /** From the entity's appearances in cases: as a subject, or linked (with no role). */
  entity(id: string): Promise<EntityReach> {
    let p = this.reaches.get(id);
    if (!p) {
      p = this.compute(id);
      this.reaches.set(id, p);
    }
    return p;
  }

  private async compute(id: string): Promise<EntityReach> {
    const subjects = await this.repos.cases.listCasesOfEntity(id);
    const links = (await this.repos.resolution?.linksOfEntity(id)) ?? [];
    const appearances = [...subjects.map((s) => ({ caseId: s.caseId, role: s.role as string })), ...links.map((l) => ({ caseId: l.caseId, role: 'linked' }))];
    let readable = 0;
    let unreadable = 0;
    let hiddenVictim = false;
    const victimCaseIds: string[] = [];
    for (const a of appearances) {
      const c = await this.loadCase(a.caseId);
      if (!c) continue;
      const sees = canReadCase(this.actor, c.kase, c.members);
      if (sees) readable++;
      else unreadable++;
      if (a.role === 'victim') {
        if (sees && canSeeVictimIdentity(this.actor, c.kase, c.members)) victimCaseIds.push(a.caseId);
        else hiddenVictim = true;
      }
    }
    if (appearances.length > 0 && readable === 0) return { reach: 'hidden', hiddenVictim, reason: 'hidden_case', victimCaseIds: [] };
    if (hiddenVictim) return { reach: 'restricted', hiddenVictim, reason: 'victim', victimCaseIds };
    if (unreadable > 0) return { reach: 'restricted', hiddenVictim, reason: 'hidden_case', victimCaseIds };
    return { reach: 'clear', hiddenVictim, reason: null, victimCaseIds };
  }
}

/** The reach of a pair: the lesser of its two entities'. */
export function pairReach(a: EntityReach, b: EntityReach): { reach: Reach; reason: 'victim' | 'hidden_case' | null } {
  if (a.reach === 'hidden' || b.reach === 'hidden') return { reach: 'hidden', reason: 'hidden_case' };
  if (a.reach === 'restricted' || b.reach === 'restricted') {
    return { reach: 'restricted', reason: a.reason === 'victim' || b.reason === 'victim' ? 'victim' : 'hidden_case' };
  }
  return { reach: 'clear', reason: null };
}

/** A victim's usual pseudonym in a restricted pair; nothing for anyone else. */
export function restrictedLabel(ctx: Pick<AppContext, 'node'>, entity: Entity | undefined, reach: EntityReach, locale: Actor['locale']): string | null {
  return entity && reach.hiddenVictim ? pseudonymFor(entity.id, ctx.node.pseudonymKey, locale) : null;
}
