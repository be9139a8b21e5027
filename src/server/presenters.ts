/** Domain objects to the API shapes of api-types.ts. */
import type { Agency, AuditEntry, Case, User } from '../domain/model';
import type { AppContext } from '../app/context';
import type { CaseBundle } from '../app/case-service';
import type { SeenEntity } from '../app/visibility';
import { assessPalermo, nextStatuses } from '../domain/case';
import { allowedActions } from '../domain/policy';
import type { Actor } from '../domain/model';
import type { AgencyView, AuditEntryView, CaseDetail, CaseSummary, EntityView, Me, UserView } from './api-types';

const UNKNOWN_AGENCY: AgencyView = { id: '', code: '?', name: '?', country: '' };

export function presentAgency(a: Agency | undefined): AgencyView {
  return a ? { id: a.id, code: a.code, name: a.name, country: a.country } : UNKNOWN_AGENCY;
}

/** Agencies change rarely: one lookup per request is enough. */
export async function agencyMap(ctx: AppContext): Promise<Map<string, Agency>> {
  return new Map((await ctx.store.agencies.list()).map((a) => [a.id, a]));
}

export async function presentMe(ctx: AppContext, user: User): Promise<Me> {
  const agency = await ctx.store.agencies.get(user.agencyId);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    agency: presentAgency(agency),
    totpEnabled: user.totpEnabled,
    node: { country: ctx.node.country, name: ctx.node.name, demo: ctx.demo },
  };
}

export function presentUser(user: User, agencies: Map<string, Agency>): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    agency: presentAgency(agencies.get(user.agencyId)),
    totpEnabled: user.totpEnabled,
    disabled: user.disabled,
    lockedUntil: user.lockedUntil,
  };
}

export function presentEntity(seen: SeenEntity): EntityView {
  const e = seen.entity;
  return { id: e.id, schema: e.schema, caption: e.caption, properties: e.properties, pseudonymised: seen.pseudonymised, version: e.version, crossBorderCheck: e.crossBorderCheck };
}

export function presentCaseSummary(kase: Case, agencies: Map<string, Agency>, subjectCount: number): CaseSummary {
  return {
    id: kase.id,
    reference: kase.reference,
    title: kase.title,
    type: kase.type,
    status: kase.status,
    tlp: kase.handling.tlp,
    owningAgency: presentAgency(agencies.get(kase.owningAgencyId)),
    updatedAt: kase.updatedAt,
    subjectCount,
  };
}

export async function presentCaseDetail(ctx: AppContext, actor: Actor, bundle: CaseBundle): Promise<CaseDetail> {
  const { kase, members } = bundle;
  const allowed = allowedActions(actor, kase, members);
  const agencies = await agencyMap(ctx);
  const users = await Promise.all(members.map((m) => ctx.store.users.get(m.userId)));
  return {
    id: kase.id,
    reference: kase.reference,
    title: kase.title,
    type: kase.type,
    polarisType: kase.polarisType,
    status: kase.status,
    jurisdiction: kase.jurisdiction,
    narrative: kase.narrative,
    handling: kase.handling,
    owningAgency: presentAgency(agencies.get(kase.owningAgencyId)),
    eventId: kase.eventId,
    labourProgram: kase.labourProgram,
    indicators: kase.indicators,
    palermo: kase.palermo,
    palermoResult: assessPalermo(kase.palermo),
    outcomes: kase.outcomes,
    subjects: bundle.subjects.map((s) => ({ role: s.subject.role, entity: presentEntity(s.entity), addedAt: s.subject.addedAt })),
    linkedEntities: bundle.linked.map(presentEntity),
    members: members.map((m, i) => ({ userId: m.userId, displayName: users[i]?.displayName ?? '?', email: users[i]?.email ?? '', capacity: m.capacity })),
    permissions: {
      edit: allowed.has('case.edit'),
      editScreening: allowed.has('case.editScreening'),
      manageSubjects: allowed.has('case.manageSubjects'),
      seeVictimIdentity: bundle.canSeeVictims,
      recordOutcome: allowed.has('case.recordOutcome'),
      manageMembers: allowed.has('case.manageMembers'),
      readAudit: allowed.has('case.readAudit'),
    },
    textRedacted: bundle.textRedacted,
    nextStatuses: allowed.has('case.changeStatus') || allowed.has('case.edit') ? nextStatuses(kase.status) : [],
    createdAt: kase.createdAt,
    updatedAt: kase.updatedAt,
    version: kase.version,
  };
}

export function presentAudit(entry: AuditEntry, caseRefs: Map<string, string>): AuditEntryView {
  return {
    seq: entry.seq,
    at: entry.at,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    caseId: entry.caseId,
    caseReference: entry.caseId ? (caseRefs.get(entry.caseId) ?? null) : null,
    detail: entry.detail,
  };
}
