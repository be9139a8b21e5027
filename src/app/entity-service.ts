/**
 * Entities (people, phones, organisations, edges ...): validated against the schema,
 * indexed for search, and shown to a user only as the policy allows.
 */
import { randomUUID } from 'node:crypto';
import { AlianzaError } from '../domain/errors';
import type { Actor, Case, CaseMember, Entity } from '../domain/model';
import { edgeEnds, validateEntity } from '../domain/entity-validation';
import { caseSearchTexts } from './search-documents';
import { entityTerms } from '../domain/entity-terms';
import { documentTerms } from '../domain/search-text';
import { canReadCase, canReadEntities, canSeeVictimIdentity, canWriteEntities } from '../domain/policy';
import type { Repositories } from '../store/ports';
import { StoreError } from '../store/ports';
import { audit } from './audit';
import type { AppContext } from './context';
import { presentEntityFor, type SeenEntity } from './visibility';

/** Indexes a case; its victims are looked up so that their names stay out of the case's terms. */
export async function indexCase(tx: Repositories, kase: Case, nonVictimSubjects: Entity[], victims?: Entity[]): Promise<void> {
  const victimEntities = victims ?? (await tx.entities.getMany((await tx.cases.listSubjects(kase.id)).filter((s) => s.role === 'victim').map((s) => s.entityId)));
  await tx.search.index('case', kase.id, documentTerms(caseSearchTexts(kase, nonVictimSubjects, victimEntities)));
}

export async function indexEntity(tx: Repositories, entity: Entity): Promise<void> {
  await tx.search.index('entity', entity.id, entityTerms(entity));
}

export async function createEntityIn(
  ctx: AppContext,
  tx: Repositories,
  actor: Actor,
  input: { schema: string; properties: Record<string, string[]> },
): Promise<Entity> {
  if (!canWriteEntities(actor)) throw new AlianzaError('FORBIDDEN');
  const result = validateEntity(input.schema, input.properties, { defaultCountry: ctx.node.country });
  if (!result.ok) throw new AlianzaError('VALIDATION_FAILED', {}, result.issues);
  const now = ctx.clock.now().toISOString();
  const entity: Entity = {
    id: randomUUID(),
    schema: input.schema,
    properties: result.properties,
    caption: result.caption,
    owningAgencyId: actor.agencyId,
    crossBorderCheck: false,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await tx.entities.create(entity);
  await indexEntity(tx, entity);
  await audit(tx, ctx.clock, actor, { action: 'entity.create', targetType: 'entity', targetId: entity.id, detail: { schema: entity.schema } });
  return entity;
}

export async function createEntity(ctx: AppContext, actor: Actor, input: { schema: string; properties: Record<string, string[]> }): Promise<Entity> {
  return ctx.store.transaction((tx) => createEntityIn(ctx, tx, actor, input));
}

interface EntityAccess {
  /** the user may see the entity at all */
  visible: boolean;
  /** the entity is a victim in a case where this user may not see victims' identities (and in none where they may) */
  hideIdentity: boolean;
  cases: { kase: Case; role: string }[];
}

/** Decides, from the cases an entity appears in, whether and how a user may see it. */
export async function entityAccess(repos: Repositories, actor: Actor, entityId: string): Promise<EntityAccess> {
  const subjectOf = await repos.cases.listCasesOfEntity(entityId);
  const readable: { kase: Case; role: string; members: CaseMember[] }[] = [];
  let inAnyCase = subjectOf.length > 0;
  for (const s of subjectOf) {
    const kase = await repos.cases.get(s.caseId);
    if (!kase) continue;
    const members = await repos.cases.listMembers(kase.id);
    if (canReadCase(actor, kase, members)) readable.push({ kase, role: s.role, members });
  }
  const victimIn = readable.filter((r) => r.role === 'victim');
  const seesSomewhere = victimIn.some((r) => canSeeVictimIdentity(actor, r.kase, r.members));
  const isVictimAnywhere = subjectOf.some((s) => s.role === 'victim');
  if (!inAnyCase) inAnyCase = false;
  return {
    visible: !inAnyCase || readable.length > 0,
    hideIdentity: isVictimAnywhere && !seesSomewhere,
    cases: readable.map((r) => ({ kase: r.kase, role: r.role })),
  };
}

export interface EntityDetailBundle {
  entity: SeenEntity;
  cases: { kase: Case; role: string }[];
  edges: { edge: SeenEntity; source: SeenEntity; target: SeenEntity }[];
}

export async function readEntity(ctx: AppContext, actor: Actor & { email?: string }, id: string): Promise<EntityDetailBundle> {
  const { store, clock } = ctx;
  if (!canReadEntities(actor)) throw new AlianzaError('FORBIDDEN');
  const entity = await store.entities.get(id);
  if (!entity) throw new AlianzaError('ENTITY_NOT_FOUND');
  const access = await entityAccess(store, actor, id);
  if (!access.visible) throw new AlianzaError('ENTITY_NOT_FOUND');
  const edges = await store.entities.listEdgesOf(id);
  const endIds = edges.map((e) => edgeEnds(e)).filter((x): x is NonNullable<typeof x> => !!x);
  const ends = new Map((await store.entities.getMany(endIds.flatMap((x) => [x.source, x.target]))).map((e) => [e.id, e]));
  const out: EntityDetailBundle['edges'] = [];
  for (const edge of edges) {
    const ids = edgeEnds(edge);
    const s = ends.get(ids?.source ?? '');
    const t = ends.get(ids?.target ?? '');
    if (!s || !t) continue;
    const sa = s.id === id ? access : await entityAccess(store, actor, s.id);
    const ta = t.id === id ? access : await entityAccess(store, actor, t.id);
    if (!sa.visible || !ta.visible) continue;
    out.push({ edge: { entity: edge, pseudonymised: false }, source: presentEntityFor(ctx, s, sa.hideIdentity, actor.locale), target: presentEntityFor(ctx, t, ta.hideIdentity, actor.locale) });
  }
  await store.transaction(async (tx) => {
    await audit(tx, clock, actor, { action: access.hideIdentity ? 'entity.read.pseudonymised' : 'entity.read', targetType: 'entity', targetId: id });
    if (!access.hideIdentity && access.cases.some((c) => c.role === 'victim')) {
      await audit(tx, clock, actor, { action: 'victim.identity.read', targetType: 'entity', targetId: id, caseId: access.cases.find((c) => c.role === 'victim')?.kase.id ?? null });
    }
  });
  return { entity: presentEntityFor(ctx, entity, access.hideIdentity, actor.locale), cases: access.cases, edges: out };
}

export async function updateEntity(ctx: AppContext, actor: Actor & { email?: string }, id: string, version: number, properties: Record<string, string[]>): Promise<Entity> {
  return ctx.store.transaction(async (tx) => {
    const entity = await tx.entities.get(id);
    if (!entity) throw new AlianzaError('ENTITY_NOT_FOUND');
    const access = await entityAccess(tx, actor, id);
    if (!access.visible || access.hideIdentity || !canWriteEntities(actor)) throw new AlianzaError('FORBIDDEN');
    if (entity.version !== version) throw new AlianzaError('ENTITY_VERSION_CONFLICT');
    const result = validateEntity(entity.schema, properties, { defaultCountry: ctx.node.country });
    if (!result.ok) throw new AlianzaError('VALIDATION_FAILED', {}, result.issues);
    const next: Entity = { ...entity, properties: result.properties, caption: result.caption, updatedAt: ctx.clock.now().toISOString(), version: entity.version + 1 };
    try {
      await tx.entities.update(next, version);
    } catch (e) {
      if (e instanceof StoreError && e.code === 'STORE_VERSION_CONFLICT') throw new AlianzaError('ENTITY_VERSION_CONFLICT');
      throw e;
    }
    await indexEntity(tx, next);
    await audit(tx, ctx.clock, actor, { action: 'entity.update', targetType: 'entity', targetId: id, detail: { properties: Object.keys(properties) } });
    return next;
  });
}
