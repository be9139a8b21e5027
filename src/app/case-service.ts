/**
 * Cases: the use cases an investigator, caseworker, analyst or prosecutor performs,
 * each one policy-checked, all-or-nothing, indexed for search and audited.
 */
import { randomUUID } from 'node:crypto';
import { AlianzaError } from '../domain/errors';
import type { Actor, Case, CaseMember, CaseMemberCapacity, CaseSubject, Entity, SubjectRole } from '../domain/model';
import { applyCaseEdit, validateNewCase, type CaseEdit, type NewCaseInput } from '../domain/case';
import { can, canAssign, canCreateCase, canManageMembers, canReadCase, canReadCaseAudit, canRecordOutcome, canSeeVictimIdentity, canWriteCase, decideEdit } from '../domain/policy';
import type { CaseFilter, Page, Repositories } from '../store/ports';
import { StoreError } from '../store/ports';
import { audit } from './audit';
import type { AppContext } from './context';
import { createEntityIn, indexCase } from './entity-service';
import { presentEntityFor, type SeenEntity } from './visibility';
import { withoutVictimNames } from './search-documents';
import { pseudonymFor } from '../domain/pseudonym';

export type ActorWithEmail = Actor & { email?: string };

export interface CaseBundle {
  kase: Case;
  subjects: { subject: CaseSubject; entity: SeenEntity }[];
  linked: SeenEntity[];
  members: CaseMember[];
  canSeeVictims: boolean;
  /** the title or narrative named a victim and shows pseudonyms instead */
  textRedacted: boolean;
}

async function loadVisibleCase(repos: Repositories, actor: Actor, id: string): Promise<{ kase: Case; members: CaseMember[] }> {
  const kase = await repos.cases.get(id);
  if (!kase) throw new AlianzaError('CASE_NOT_FOUND');
  const members = await repos.cases.listMembers(id);
  if (!canReadCase(actor, kase, members)) throw new AlianzaError('CASE_NOT_FOUND');
  return { kase, members };
}

/** Reads a case for a user: victims' identities only for those allowed, every identity read audited. */
export async function readCase(ctx: AppContext, actor: ActorWithEmail, id: string, opts: { audit?: boolean } = {}): Promise<CaseBundle> {
  const { store, clock } = ctx;
  const { kase, members } = await loadVisibleCase(store, actor, id);
  const subjects = await store.cases.listSubjects(id);
  const links = await store.cases.listLinks(id);
  const entities = new Map((await store.entities.getMany([...subjects.map((s) => s.entityId), ...links.map((l) => l.entityId)])).map((e) => [e.id, e]));
  const canSeeVictims = canSeeVictimIdentity(actor, kase, members);
  const victimIds = new Set(subjects.filter((s) => s.role === 'victim').map((s) => s.entityId));
  const seenSubjects = subjects
    .filter((s) => entities.has(s.entityId))
    .map((s) => ({ subject: s, entity: presentEntityFor(ctx, entities.get(s.entityId)!, victimIds.has(s.entityId) && !canSeeVictims, actor.locale) }));
  const linked = links.filter((l) => entities.has(l.entityId)).map((l) => presentEntityFor(ctx, entities.get(l.entityId)!, victimIds.has(l.entityId) && !canSeeVictims, actor.locale));
  if (opts.audit !== false) {
    await store.transaction(async (tx) => {
      await audit(tx, clock, actor, { action: 'case.read', targetType: 'case', targetId: id, caseId: id });
      if (canSeeVictims) {
        for (const vid of victimIds) {
          await audit(tx, clock, actor, { action: 'victim.identity.read', targetType: 'entity', targetId: vid, caseId: id });
        }
      }
    });
  }
  const victims = [...victimIds].map((v) => entities.get(v)).filter((e): e is Entity => !!e);
  const shown = canSeeVictims || victims.length === 0 ? kase : redactCaseText(ctx, kase, victims, actor.locale);
  return { kase: shown, subjects: seenSubjects, linked, members, canSeeVictims, textRedacted: shown !== kase && (shown.title !== kase.title || shown.narrative !== kase.narrative) };
}

/** The case's title and narrative with its victims' names replaced by their pseudonyms. */
function redactCaseText(ctx: AppContext, kase: Case, victims: Entity[], locale: Actor['locale']): Case {
  const pseudonym = (v: Entity) => pseudonymFor(v.id, ctx.node.pseudonymKey, locale);
  return { ...kase, title: withoutVictimNames(kase.title, victims, pseudonym), narrative: withoutVictimNames(kase.narrative, victims, pseudonym) };
}

export async function createCase(ctx: AppContext, actor: ActorWithEmail, input: NewCaseInput): Promise<Case> {
  if (!canCreateCase(actor)) throw new AlianzaError('FORBIDDEN');
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const year = now.slice(0, 4);
    const prefix = `${ctx.node.country}-${year}-`;
    const n = await tx.cases.nextReferenceNumber(prefix);
    const kase = validateNewCase(input, {
      id: randomUUID(),
      reference: prefix + String(n).padStart(6, '0'),
      owningAgencyId: actor.agencyId,
      createdBy: actor.userId,
      now,
      defaultJurisdiction: ctx.node.country,
    });
    await tx.cases.create(kase);
    const capacity: CaseMemberCapacity | null = actor.role === 'caseworker' ? 'caseworker' : actor.role === 'prosecutor' ? 'prosecutor' : actor.role === 'investigator' || actor.role === 'inspector' ? 'investigator' : null;
    if (capacity) await tx.cases.addMember({ caseId: kase.id, userId: actor.userId, capacity });
    await indexCase(tx, kase, []);
    await audit(tx, ctx.clock, actor, { action: 'case.create', targetType: 'case', targetId: kase.id, caseId: kase.id, detail: { reference: kase.reference, type: kase.type, tlp: kase.handling.tlp } });
    return kase;
  });
}

export async function editCase(ctx: AppContext, actor: ActorWithEmail, id: string, edit: CaseEdit & { version: number }): Promise<Case> {
  return ctx.store.transaction(async (tx) => {
    const { kase, members } = await loadVisibleCase(tx, actor, id);
    const decision = decideEdit(actor, kase, members, edit);
    if (!decision.allowed) throw new AlianzaError(decision.code === 'POLICY_NOT_FOUND' ? 'CASE_NOT_FOUND' : 'FORBIDDEN', decision.params);
    if (edit.version !== kase.version) throw new AlianzaError('CASE_VERSION_CONFLICT', { current: kase.version });
    if ((edit.title !== undefined || edit.narrative !== undefined) && !canSeeVictimIdentity(actor, kase, members)) {
      // an editor who sees pseudonyms in the text must not overwrite the names behind them
      const victims = await tx.entities.getMany((await tx.cases.listSubjects(id)).filter((s) => s.role === 'victim').map((s) => s.entityId));
      const hidden = redactCaseText(ctx, kase, victims, actor.locale);
      if (hidden.title !== kase.title || hidden.narrative !== kase.narrative) throw new AlianzaError('CASE_TEXT_REDACTED');
    }
    const next = applyCaseEdit(kase, edit, { now: ctx.clock.now().toISOString() });
    try {
      await tx.cases.update(next, kase.version);
    } catch (e) {
      if (e instanceof StoreError && e.code === 'STORE_VERSION_CONFLICT') throw new AlianzaError('CASE_VERSION_CONFLICT');
      throw e;
    }
    const subjects = await tx.cases.listSubjects(id);
    await indexCase(tx, next, await tx.entities.getMany(subjects.filter((s) => s.role !== 'victim').map((s) => s.entityId)));
    const changed = Object.keys(edit).filter((k) => k !== 'version');
    await audit(tx, ctx.clock, actor, { action: 'case.update', targetType: 'case', targetId: id, caseId: id, detail: { fields: changed, status: edit.status } });
    return next;
  });
}

export async function addSubject(
  ctx: AppContext,
  actor: ActorWithEmail,
  caseId: string,
  req: { role: SubjectRole; entityId?: string; entity?: { schema: string; properties: Record<string, string[]> } },
): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const { kase, members } = await loadVisibleCase(tx, actor, caseId);
    if (!canWriteCase(actor, kase, members)) throw new AlianzaError('FORBIDDEN');
    const entity = await resolveEntity(ctx, tx, actor, req);
    await tx.cases.addSubject({ caseId, entityId: entity.id, role: req.role, addedAt: ctx.clock.now().toISOString() });
    await touchCase(ctx, tx, kase);
    await audit(tx, ctx.clock, actor, { action: 'case.subject.add', targetType: 'entity', targetId: entity.id, caseId, detail: { role: req.role, schema: entity.schema } });
  });
}

export async function removeSubject(ctx: AppContext, actor: ActorWithEmail, caseId: string, entityId: string, role: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const { kase, members } = await loadVisibleCase(tx, actor, caseId);
    if (!canWriteCase(actor, kase, members)) throw new AlianzaError('FORBIDDEN');
    await tx.cases.removeSubject(caseId, entityId, role);
    await touchCase(ctx, tx, kase);
    await audit(tx, ctx.clock, actor, { action: 'case.subject.remove', targetType: 'entity', targetId: entityId, caseId, detail: { role } });
  });
}

export async function linkEntity(
  ctx: AppContext,
  actor: ActorWithEmail,
  caseId: string,
  req: { entityId?: string; entity?: { schema: string; properties: Record<string, string[]> } },
): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const { kase, members } = await loadVisibleCase(tx, actor, caseId);
    if (!canWriteCase(actor, kase, members)) throw new AlianzaError('FORBIDDEN');
    const entity = await resolveEntity(ctx, tx, actor, req);
    await tx.cases.linkEntity({ caseId, entityId: entity.id, addedAt: ctx.clock.now().toISOString() });
    await touchCase(ctx, tx, kase);
    await audit(tx, ctx.clock, actor, { action: 'case.entity.link', targetType: 'entity', targetId: entity.id, caseId, detail: { schema: entity.schema } });
  });
}

export async function addMember(ctx: AppContext, actor: ActorWithEmail, caseId: string, userId: string, capacity: CaseMemberCapacity): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const { kase, members } = await loadVisibleCase(tx, actor, caseId);
    if (!canManageMembers(actor, kase, members)) throw new AlianzaError('FORBIDDEN');
    const user = await tx.users.get(userId);
    if (!user || user.disabled) throw new AlianzaError('USER_NOT_FOUND');
    if (!canAssign(user.role, capacity)) throw new AlianzaError('CASE_MEMBER_CAPACITY', { role: user.role, capacity });
    await tx.cases.addMember({ caseId, userId, capacity });
    await audit(tx, ctx.clock, actor, { action: 'case.member.add', targetType: 'user', targetId: userId, caseId, detail: { capacity } });
  });
}

async function resolveEntity(
  ctx: AppContext,
  tx: Repositories,
  actor: ActorWithEmail,
  req: { entityId?: string; entity?: { schema: string; properties: Record<string, string[]> } },
): Promise<Entity> {
  if (req.entityId) {
    const e = await tx.entities.get(req.entityId);
    if (!e) throw new AlianzaError('ENTITY_NOT_FOUND');
    return e;
  }
  if (!req.entity) throw new AlianzaError('VALIDATION_FAILED', {}, [{ field: 'entity', code: 'SCHEMA.required' }]);
  return createEntityIn(ctx, tx, actor, req.entity);
}

/** A change to a case's parts bumps its version and updated time, so concurrent editors notice. */
async function touchCase(ctx: AppContext, tx: Repositories, kase: Case): Promise<void> {
  const next = { ...kase, updatedAt: ctx.clock.now().toISOString(), version: kase.version + 1 };
  await tx.cases.update(next, kase.version);
  const subjects = await tx.cases.listSubjects(kase.id);
  await indexCase(tx, next, await tx.entities.getMany(subjects.filter((s) => s.role !== 'victim').map((s) => s.entityId)));
}

export async function listCases(ctx: AppContext, actor: Actor, filter: Omit<CaseFilter, 'visibleTo' | 'ids'>, ids?: string[]): Promise<Page<Case>> {
  if (!can(actor, 'case.list')) throw new AlianzaError('FORBIDDEN');
  return ctx.store.cases.list({ ...filter, ...(ids ? { ids } : {}), visibleTo: { userId: actor.userId, agencyId: actor.agencyId } });
}

export async function caseAuditTrail(ctx: AppContext, actor: ActorWithEmail, caseId: string, limit = 200, offset = 0) {
  const { kase, members } = await loadVisibleCase(ctx.store, actor, caseId);
  if (!canReadCaseAudit(actor, kase, members)) throw new AlianzaError('FORBIDDEN');
  return ctx.store.audit.list({ caseId, limit, offset });
}

export { canRecordOutcome };
