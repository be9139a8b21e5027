/**
 * Who may read or write what: the one place that decides. Permissions are data — a table
 * of which roles may perform each action, and within which scope — plus three relational
 * checks: is the case visible to the actor (TLP), is the actor in the owning agency, is
 * the actor assigned to the case in a capacity that fits their role.
 *
 * Rules in words:
 * - admin manages users and agencies and reads no case and no victim identity;
 * - auditor reads the audit log and case records, never victims' identities;
 * - analyst reads cases, entities and the network, victims pseudonymised;
 * - investigator and inspector create cases and edit those of their agency (or those they
 *   are assigned to as investigators);
 * - caseworker edits the victim-support parts (screening) and sees victims' identities
 *   when assigned to the case;
 * - prosecutor reads cases and records criminal-justice outcomes;
 * - liaison reads and shares across borders;
 * - liaison, investigators and analysts run the cross-border check (hits only: scores and
 *   opaque references); more needs a disclosure request, decided at the owning node by a
 *   liaison officer who may see the record, or by an investigator or inspector of the
 *   record's owning agency who may see it (a record only in a restricted case the liaison
 *   may not see); the liaison officers still see such a request, without the record;
 * - investigators and analysts run entity resolution and decide its pairs; a pair with a
 *   victim only someone who may see that victim's identity in every case where they are one;
 * - a victim's identity is visible only to members of the case in the capacity of
 *   investigator or caseworker; everyone else sees a stable pseudonym;
 * - RED and AMBER+STRICT cases are visible only inside the owning agency and to the users
 *   named on the case; to anyone else they do not exist (not found, not forbidden).
 */
import { AlianzaError, type ErrorParams } from './errors';
import { editedParts, type CasePart } from './case';
import { isRestrictedTlp } from './handling';
import type { Actor, Case, CaseMember, CaseMemberCapacity, Entity, Role } from './model';

export type PolicyActor = Pick<Actor, 'userId' | 'agencyId' | 'role'>;
export type PolicyCase = Pick<Case, 'owningAgencyId' | 'namedUserIds' | 'handling'>;
export type PolicyEntity = Pick<Entity, 'owningAgencyId'>;

/** Actions that concern the node as a whole. */
export const GLOBAL_ACTIONS = [
  'users.manage',
  'agencies.manage',
  'audit.read',
  'case.create',
  'case.list',
  'entity.read',
  'entity.write',
  'network.read',
  'search',
  'stats.read',
  'federation.share',
  'disclosure.request',
  'disclosure.decide',
  'entity.resolve',
  'crossborder.check',
] as const;
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

/** Actions on one case. */
export const CASE_ACTIONS = [
  'case.read',
  'case.edit',
  'case.changeStatus',
  'case.editScreening',
  'case.editHandling',
  'case.manageSubjects',
  'case.manageMembers',
  'case.recordOutcome',
  'case.share',
  'case.readAudit',
  'victim.identity.read',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Where a role's case permission applies, always within the cases the actor can see:
 * - `visible`: any case visible to the actor;
 * - `agency`: cases owned by the actor's agency;
 * - `assigned`: cases the actor is a member of, in a capacity fitting their role.
 */
export type Scope = 'visible' | 'agency' | 'assigned';

const ALL_BUT_ADMIN: readonly Role[] = ['liaison', 'investigator', 'analyst', 'inspector', 'caseworker', 'prosecutor', 'auditor'];

export const GLOBAL_PERMISSIONS: Readonly<Record<GlobalAction, readonly Role[]>> = {
  'users.manage': ['admin'],
  'agencies.manage': ['admin'],
  'audit.read': ['auditor'],
  'case.create': ['investigator', 'inspector'],
  'case.list': ALL_BUT_ADMIN,
  'entity.read': ['liaison', 'investigator', 'analyst', 'inspector', 'caseworker', 'prosecutor'],
  'entity.write': ['investigator', 'inspector', 'caseworker'],
  'network.read': ['liaison', 'investigator', 'analyst', 'inspector', 'prosecutor'],
  search: ['liaison', 'investigator', 'analyst', 'inspector', 'caseworker', 'prosecutor'],
  'stats.read': ['admin', ...ALL_BUT_ADMIN],
  'federation.share': ['liaison'],
  'disclosure.request': ['liaison', 'investigator', 'analyst', 'inspector'],
  // within DISCLOSURE_DECIDE_SCOPES: the liaison any record, the others their agency's records
  'disclosure.decide': ['liaison', 'investigator', 'inspector'],
  // run entity resolution and decide its pairs (docs/resolution-review.md: victims need more)
  'entity.resolve': ['investigator', 'analyst'],
  // run the cross-border check of the marked entities and read its hits (docs/protocol/matching.md)
  'crossborder.check': ['liaison', 'investigator', 'analyst'],
};

export const CASE_PERMISSIONS: Readonly<Record<CaseAction, Readonly<Partial<Record<Role, readonly Scope[]>>>>> = {
  'case.read': {
    liaison: ['visible'],
    investigator: ['visible'],
    analyst: ['visible'],
    inspector: ['visible'],
    caseworker: ['visible'],
    prosecutor: ['visible'],
    auditor: ['visible'],
  },
  'case.edit': { investigator: ['agency', 'assigned'], inspector: ['agency', 'assigned'] },
  'case.changeStatus': { investigator: ['agency', 'assigned'], inspector: ['agency', 'assigned'], prosecutor: ['assigned'] },
  'case.editScreening': { investigator: ['agency', 'assigned'], inspector: ['agency', 'assigned'], caseworker: ['agency', 'assigned'] },
  'case.editHandling': { investigator: ['agency'], inspector: ['agency'] },
  'case.manageSubjects': { investigator: ['agency', 'assigned'], inspector: ['agency', 'assigned'], caseworker: ['assigned'] },
  'case.manageMembers': { investigator: ['agency'], inspector: ['agency'] },
  'case.recordOutcome': { prosecutor: ['agency', 'assigned'] },
  'case.share': { liaison: ['visible'] },
  'case.readAudit': { auditor: ['visible'], investigator: ['agency'], inspector: ['agency'] },
  'victim.identity.read': { investigator: ['assigned'], inspector: ['assigned'], caseworker: ['assigned'] },
};

/**
 * Which partners' disclosure requests a role may decide, always about a record the actor may
 * see: `node` any record of the node (the liaison office, to which partners send them),
 * `agency` only the records the actor's agency owns (so that a record found only in a
 * restricted case of that agency, which the liaison may not see, still has someone to decide).
 */
export const DISCLOSURE_DECIDE_SCOPES: Readonly<Partial<Record<Role, 'node' | 'agency'>>> = {
  liaison: 'node',
  investigator: 'agency',
  inspector: 'agency',
};

/** The capacities in which a user of each role may be assigned to a case. */
export const ROLE_CAPACITIES: Readonly<Record<Role, readonly CaseMemberCapacity[]>> = {
  admin: [],
  liaison: [],
  investigator: ['investigator'],
  analyst: [],
  inspector: ['investigator'],
  caseworker: ['caseworker'],
  prosecutor: ['prosecutor'],
  auditor: [],
};

/** Capacities that open a victim's identity to the member holding them. */
export const IDENTITY_CAPACITIES: readonly CaseMemberCapacity[] = ['investigator', 'caseworker'];

export const canAssign = (role: Role, capacity: CaseMemberCapacity): boolean => ROLE_CAPACITIES[role]?.includes(capacity) ?? false;

// ---- relational checks -------------------------------------------------------------

const inOwningAgency = (actor: PolicyActor, kase: PolicyCase): boolean => actor.agencyId === kase.owningAgencyId;

/** The actor's memberships of the case that fit their role. */
function assignments(actor: PolicyActor, members: readonly CaseMember[]): CaseMemberCapacity[] {
  return members.filter((m) => m.userId === actor.userId && canAssign(actor.role, m.capacity)).map((m) => m.capacity);
}

/** TLP visibility alone: restricted cases only inside the owning agency or for named users. */
export function tlpAllows(actor: PolicyActor, kase: PolicyCase): boolean {
  return !isRestrictedTlp(kase.handling.tlp) || inOwningAgency(actor, kase) || kase.namedUserIds.includes(actor.userId);
}

function inScope(scope: Scope, actor: PolicyActor, kase: PolicyCase, members: readonly CaseMember[]): boolean {
  switch (scope) {
    case 'visible':
      return true;
    case 'agency':
      return inOwningAgency(actor, kase);
    case 'assigned':
      return assignments(actor, members).length > 0;
  }
}

// ---- decisions ---------------------------------------------------------------------

export function can(actor: PolicyActor, action: GlobalAction): boolean {
  return GLOBAL_PERMISSIONS[action]?.includes(actor.role) ?? false;
}

export function canOnCase(actor: PolicyActor, action: CaseAction, kase: PolicyCase, members: readonly CaseMember[] = []): boolean {
  const readScopes = CASE_PERMISSIONS['case.read'][actor.role];
  if (!readScopes || !tlpAllows(actor, kase)) return false; // the case does not exist for this actor
  const scopes = CASE_PERMISSIONS[action]?.[actor.role];
  if (!scopes || !scopes.some((s) => inScope(s, actor, kase, members))) return false;
  if (action === 'victim.identity.read') return assignments(actor, members).some((c) => IDENTITY_CAPACITIES.includes(c));
  return true;
}

/** Everything the actor may do on the case, for the UI to show. Empty when the case is hidden. */
export function allowedActions(actor: PolicyActor, kase: PolicyCase, members: readonly CaseMember[] = []): Set<CaseAction> {
  return new Set(CASE_ACTIONS.filter((a) => canOnCase(actor, a, kase, members)));
}

/** Everything the actor may do on the node as a whole. */
export function globalActions(actor: PolicyActor): Set<GlobalAction> {
  return new Set(GLOBAL_ACTIONS.filter((a) => can(actor, a)));
}

export type Decision = { allowed: true } | { allowed: false; code: 'POLICY_NOT_FOUND' | 'POLICY_DENIED'; params: ErrorParams };

/** A case decision with its refusal: a case the actor may not see is "not found", never "forbidden". */
export function decideOnCase(actor: PolicyActor, action: CaseAction, kase: PolicyCase, members: readonly CaseMember[] = []): Decision {
  if (!canOnCase(actor, 'case.read', kase, members)) return { allowed: false, code: 'POLICY_NOT_FOUND', params: {} };
  return canOnCase(actor, action, kase, members) ? { allowed: true } : { allowed: false, code: 'POLICY_DENIED', params: { action } };
}

/** Throws AlianzaError('POLICY_NOT_FOUND' | 'POLICY_DENIED') unless the action is allowed. */
export function assertOnCase(actor: PolicyActor, action: CaseAction, kase: PolicyCase, members: readonly CaseMember[] = []): void {
  const d = decideOnCase(actor, action, kase, members);
  if (!d.allowed) throw new AlianzaError(d.code, d.params);
}

/** Throws AlianzaError('POLICY_DENIED') unless the node-wide action is allowed. */
export function assertCan(actor: PolicyActor, action: GlobalAction): void {
  if (!can(actor, action)) throw new AlianzaError('POLICY_DENIED', { action });
}

const PART_ACTIONS: Readonly<Record<CasePart, CaseAction>> = {
  core: 'case.edit',
  status: 'case.changeStatus',
  screening: 'case.editScreening',
  handling: 'case.editHandling',
  outcomes: 'case.recordOutcome',
};

/**
 * Whether the actor may apply an edit, judged by the parts of the case it touches. Editors
 * of the case (case.edit) may also record outcomes, change the status and the screening.
 */
export function decideEdit(actor: PolicyActor, kase: PolicyCase, members: readonly CaseMember[], edit: object): Decision {
  if (!canOnCase(actor, 'case.read', kase, members)) return { allowed: false, code: 'POLICY_NOT_FOUND', params: {} };
  const editor = canOnCase(actor, 'case.edit', kase, members);
  for (const part of editedParts(edit)) {
    const action = PART_ACTIONS[part];
    const ok = canOnCase(actor, action, kase, members) || (editor && part !== 'handling');
    if (!ok) return { allowed: false, code: 'POLICY_DENIED', params: { action } };
  }
  return { allowed: true };
}

// ---- named checks, as the services use them ---------------------------------------

export const canReadCase = (a: PolicyActor, k: PolicyCase, m: readonly CaseMember[] = []): boolean => canOnCase(a, 'case.read', k, m);
export const canEditCase = (a: PolicyActor, k: PolicyCase, m: readonly CaseMember[] = []): boolean => canOnCase(a, 'case.edit', k, m);
/** Add or remove subjects and linked entities. */
export const canWriteCase = (a: PolicyActor, k: PolicyCase, m: readonly CaseMember[] = []): boolean => canOnCase(a, 'case.manageSubjects', k, m);
export const canEditScreening = (a: PolicyActor, k: PolicyCase, m: readonly CaseMember[] = []): boolean => canOnCase(a, 'case.editScreening', k, m);
export const canManageMembers = (a: PolicyActor, k: PolicyCase, m: readonly CaseMember[] = []): boolean => canOnCase(a, 'case.manageMembers', k, m);
export const canRecordOutcome = (a: PolicyActor, k: PolicyCase, m: readonly CaseMember[] = []): boolean => canOnCase(a, 'case.recordOutcome', k, m);
export const canShareCase = (a: PolicyActor, k: PolicyCase, m: readonly CaseMember[] = []): boolean => canOnCase(a, 'case.share', k, m);
export const canReadCaseAudit = (a: PolicyActor, k: PolicyCase, m: readonly CaseMember[] = []): boolean => canOnCase(a, 'case.readAudit', k, m);
export const canSeeVictimIdentity = (a: PolicyActor, k: PolicyCase, m: readonly CaseMember[] = []): boolean => canOnCase(a, 'victim.identity.read', k, m);

/**
 * Whether the actor may decide a partner's disclosure request about one of this node's
 * records, given whether they may see that record (entity visibility: the cases it is in).
 */
export function canDecideDisclosure(actor: PolicyActor, entity: PolicyEntity, seesEntity: boolean): boolean {
  if (!seesEntity || !can(actor, 'disclosure.decide')) return false;
  const scope = DISCLOSURE_DECIDE_SCOPES[actor.role];
  return scope === 'node' || (scope === 'agency' && actor.agencyId === entity.owningAgencyId);
}

/**
 * How the actor sees a partner's disclosure request about one of this node's records
 * (`entity` null: the record is gone):
 * - `decide`: in full, and may decide it (canDecideDisclosure);
 * - `read`: in full, read-only — whoever asks for disclosures or runs checks and may see the record;
 * - `stub`: without the record (no caption, no values) — the liaison office, for a record it
 *   may not see: it learns that the request exists and that the owning agency decides it;
 * - `none`: not at all (the request does not exist for the actor).
 */
export type DisclosureSight = 'decide' | 'read' | 'stub' | 'none';

export function disclosureRequestSight(actor: PolicyActor, entity: PolicyEntity | null, seesEntity: boolean): DisclosureSight {
  const sees = entity !== null && seesEntity;
  if (sees && canDecideDisclosure(actor, entity, true)) return 'decide';
  if (sees && (can(actor, 'disclosure.request') || can(actor, 'crossborder.check'))) return 'read';
  if (can(actor, 'disclosure.decide') && DISCLOSURE_DECIDE_SCOPES[actor.role] === 'node') return 'stub';
  return 'none';
}

export const canCreateCase = (a: PolicyActor): boolean => can(a, 'case.create');
export const canReadEntities = (a: PolicyActor): boolean => can(a, 'entity.read');
export const canWriteEntities = (a: PolicyActor): boolean => can(a, 'entity.write');
export const canReadNetwork = (a: PolicyActor): boolean => can(a, 'network.read');
export const canSearch = (a: PolicyActor): boolean => can(a, 'search');
export const canManageUsers = (a: PolicyActor): boolean => can(a, 'users.manage');
export const canManageAgencies = (a: PolicyActor): boolean => can(a, 'agencies.manage');
export const canReadAudit = (a: PolicyActor): boolean => can(a, 'audit.read');

/**
 * Whether the actor may see the identity of a person who is a victim in the given cases:
 * yes if the person is a victim in none of them, or if the actor may see victims in at
 * least one where the person is a victim.
 */
export function canSeePersonIdentity(
  actor: PolicyActor,
  appearances: readonly { kase: PolicyCase; members: readonly CaseMember[]; role: string }[],
): boolean {
  const asVictim = appearances.filter((a) => a.role === 'victim');
  return asVictim.length === 0 || asVictim.some((a) => canSeeVictimIdentity(actor, a.kase, a.members));
}
