/**
 * Composing what a person sends across borders: the entities and fields they chose from a
 * case, minimised (src/federation/minimise.ts), with a victim's identity refused unless the
 * victim's consent or a legal basis is recorded; and what a case offers for sharing.
 */
import { AlianzaError } from '../domain/errors';
import type { Actor, Entity } from '../domain/model';
import { assertOnCase } from '../domain/policy';
import { minimise, VICTIM_IDENTITY_FIELDS } from '../federation/minimise';
import type { IdentityBasis, SharedEntity } from '../federation/messages';
import type { AppContext } from './context';

export interface EntityChoice {
  id: string;
  fields: string[];
}

export interface Composed {
  entities: SharedEntity[];
  identityBasis: IdentityBasis | null;
  caseReference: string | null;
  carriesVictimIdentity: boolean;
  /** Victim entities whose identity fields are included (for the disclosure audit entry). */
  disclosedVictims: string[];
}

interface CaseOffer {
  reference: string;
  entities: Entity[];
  victimIds: Set<string>;
  roles: Map<string, string[]>;
}

/**
 * The entities a case offers for sharing (its subjects and linked entities, and the edges
 * between them) and those that identify a victim: the victim subjects, the edges that touch
 * them and the entities at the other end of those edges (their phones, documents, accounts).
 */
async function caseOffer(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseOffer> {
  const kase = await ctx.store.cases.get(caseId);
  if (!kase) throw new AlianzaError('CASE_NOT_FOUND', { id: caseId });
  const [members, subjects, links] = await Promise.all([ctx.store.cases.listMembers(caseId), ctx.store.cases.listSubjects(caseId), ctx.store.cases.listLinks(caseId)]);
  assertOnCase(actor, 'case.share', kase, members);
  const roles = new Map<string, string[]>();
  for (const s of subjects) roles.set(s.entityId, [...(roles.get(s.entityId) ?? []), s.role]);
  const ids = new Set([...subjects.map((s) => s.entityId), ...links.map((l) => l.entityId)]);
  const victimIds = new Set(subjects.filter((s) => s.role === 'victim').map((s) => s.entityId));
  const edges: Entity[] = [];
  for (const id of [...ids]) edges.push(...(await ctx.store.entities.listEdgesOf(id)));
  for (const edge of edges) {
    const ends = Object.values(edge.properties).flat().filter((v) => ids.has(v));
    if (ends.length === 0) continue;
    ids.add(edge.id);
    if (ends.some((v) => victimIds.has(v))) {
      victimIds.add(edge.id);
      for (const v of ends) if (!roles.get(v)?.some((r) => r !== 'victim')) victimIds.add(v);
    }
  }
  const entities = await ctx.store.entities.getMany([...ids]);
  return { reference: kase.reference, entities, victimIds, roles };
}

export interface ShareableEntity {
  id: string;
  schema: string;
  roles: string[];
  identifiesVictim: boolean;
  /** The fields that hold a value, and which of them are identity fields of a victim. */
  fields: { name: string; values: number; victimIdentity: boolean }[];
}

/** What a case offers for sharing: entity ids, schemata and field names — never the values. */
export async function shareableEntities(ctx: AppContext, actor: Actor, caseId: string): Promise<{ caseReference: string; entities: ShareableEntity[] }> {
  const offer = await caseOffer(ctx, actor, caseId);
  return {
    caseReference: offer.reference,
    entities: offer.entities.map((e) => {
      const victim = offer.victimIds.has(e.id);
      return {
        id: e.id,
        schema: e.schema,
        roles: offer.roles.get(e.id) ?? [],
        identifiesVictim: victim,
        fields: Object.entries(e.properties)
          .filter(([, v]) => v.length > 0)
          .map(([name, v]) => ({ name, values: v.length, victimIdentity: victim && VICTIM_IDENTITY_FIELDS.has(name) })),
      };
    }),
  };
}

/** The minimised entities of an outgoing payload. Without a case, nothing but text is sent. */
export async function composeEntities(
  ctx: AppContext,
  actor: Actor,
  input: { caseId?: string | null; entities?: EntityChoice[]; identityBasis?: IdentityBasis | null },
): Promise<Composed> {
  const chosen = input.entities ?? [];
  if (!input.caseId) {
    if (chosen.length > 0) throw new AlianzaError('FEDERATION_CASE_REQUIRED');
    return { entities: [], identityBasis: null, caseReference: null, carriesVictimIdentity: false, disclosedVictims: [] };
  }
  const offer = await caseOffer(ctx, actor, input.caseId);
  if (chosen.length === 0) return { entities: [], identityBasis: null, caseReference: offer.reference, carriesVictimIdentity: false, disclosedVictims: [] };
  const fields: Record<string, string[]> = {};
  for (const c of chosen) fields[c.id] = [...new Set([...(fields[c.id] ?? []), ...c.fields])];
  const m = minimise({
    node: ctx.node.nodeId,
    entities: offer.entities,
    entityIds: [...new Set(chosen.map((c) => c.id))],
    fields,
    victimEntityIds: offer.victimIds,
    identityBasis: input.identityBasis ?? null,
  });
  const disclosedVictims = chosen.filter((c) => offer.victimIds.has(c.id) && c.fields.some((f) => VICTIM_IDENTITY_FIELDS.has(f))).map((c) => c.id);
  return { entities: m.entities, identityBasis: m.identityBasis, caseReference: offer.reference, carriesVictimIdentity: m.carriesVictimIdentity, disclosedVictims };
}
