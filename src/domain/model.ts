/**
 * The domain model of a node: the shapes every layer agrees on.
 * Pure types only; behaviour lives in the neighbouring modules.
 */

export type Locale = 'en' | 'fr' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'fr', 'es'];

/** ISO 3166-1 alpha-2, upper case. */
export type CountryCode = string;

export const ROLES = [
  'admin',
  'liaison',
  'investigator',
  'analyst',
  'inspector',
  'caseworker',
  'prosecutor',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export interface Agency {
  id: string;
  code: string; // short code, e.g. "FGR", "RCMP", "HSI"
  name: string;
  country: CountryCode;
  createdAt: string;
}

export interface User {
  id: string;
  agencyId: string;
  email: string; // lower case
  displayName: string;
  role: Role;
  locale: Locale;
  passwordHash: string;
  totpSecret: string | null;
  totpEnabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  disabled: boolean;
  createdAt: string;
}

/** A user as the rest of the program sees them once authenticated. */
export interface Actor {
  userId: string;
  agencyId: string;
  role: Role;
  locale: Locale;
  displayName: string;
}

/** TLP 2.0 */
export const TLP_LEVELS = ['RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

export interface Handling {
  tlp: Tlp;
  purpose: string; // e.g. "investigation", "victim-support", "statistics"
  retentionDays: number;
  originatorConsentRequiredToForward: boolean;
}

/**
 * An entity of any schema (see schema/*.json): FollowTheMoney-style multi-valued
 * properties. Edges (Employment, Recruitment, ...) are entities of an edge schema whose
 * source/target properties hold entity ids.
 */
export interface Entity {
  id: string;
  schema: string; // "Person", "Phone", "Employment", ...
  properties: Record<string, string[]>;
  caption: string;
  owningAgencyId: string;
  crossBorderCheck: boolean; // marked for privacy-preserving matching
  createdAt: string;
  updatedAt: string;
  version: number;
  /** set on copies whose identifying properties were removed (domain/pseudonym redactEntity) */
  redacted?: boolean;
}

export const CASE_TYPES = [
  'sex_trafficking',
  'labour_trafficking',
  'forced_labour',
  'forced_criminality',
  'domestic_servitude',
  'other_exploitation',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = ['open', 'investigating', 'prosecution', 'closed', 'archived'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const SUBJECT_ROLES = ['victim', 'suspect', 'witness', 'worker', 'recruiter', 'employer'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

/** ILO 11 indicators of forced labour, as stable codes. */
export const ILO_INDICATORS = [
  'abuse_of_vulnerability',
  'deception',
  'restriction_of_movement',
  'isolation',
  'physical_sexual_violence',
  'intimidation_threats',
  'retention_of_identity_documents',
  'withholding_of_wages',
  'debt_bondage',
  'abusive_working_living_conditions',
  'excessive_overtime',
] as const;
export type IloIndicator = (typeof ILO_INDICATORS)[number];

export interface IndicatorFinding {
  indicator: IloIndicator;
  present: boolean;
  evidence: string; // free-text note
}

export const PALERMO_ACTS = ['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt'] as const;
export const PALERMO_MEANS = [
  'threat_or_force',
  'coercion',
  'abduction',
  'fraud',
  'deception',
  'abuse_of_power_or_vulnerability',
  'payments_or_benefits',
] as const;
export const PALERMO_PURPOSES = [
  'sexual_exploitation',
  'forced_labour_or_services',
  'slavery_or_similar',
  'servitude',
  'removal_of_organs',
  'forced_criminality',
] as const;
export type PalermoAct = (typeof PALERMO_ACTS)[number];
export type PalermoMeans = (typeof PALERMO_MEANS)[number];
export type PalermoPurpose = (typeof PALERMO_PURPOSES)[number];

export interface PalermoAssessment {
  acts: PalermoAct[];
  means: PalermoMeans[];
  purposes: PalermoPurpose[];
  victimIsChild: boolean;
  notes: string;
}

export const OUTCOME_STAGES = ['investigation', 'charges', 'conviction', 'acquittal', 'dismissal', 'sentence'] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

export interface JusticeOutcome {
  stage: OutcomeStage;
  date: string; // partial ISO date
  detail: string;
  sentenceMonths?: number;
}

export interface Case {
  id: string;
  reference: string; // human reference, e.g. "MX-2026-000123"
  title: string;
  type: CaseType;
  polarisType: string | null; // one of the 25 Polaris types
  status: CaseStatus;
  jurisdiction: CountryCode;
  narrative: string;
  handling: Handling;
  owningAgencyId: string;
  namedUserIds: string[]; // who may see a RED / AMBER+STRICT case beyond the owners
  eventId: string | null; // e.g. a World Cup match or venue id
  labourProgram: string | null; // e.g. "SAWP", "H-2A"
  indicators: IndicatorFinding[];
  palermo: PalermoAssessment;
  outcomes: JusticeOutcome[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CaseSubject {
  caseId: string;
  entityId: string;
  role: SubjectRole;
  addedAt: string;
}

/** A user's assignment to a case: decides who may read a victim's identity. */
export const CASE_MEMBER_CAPACITIES = ['investigator', 'caseworker', 'prosecutor'] as const;
export type CaseMemberCapacity = (typeof CASE_MEMBER_CAPACITIES)[number];
export interface CaseMember {
  caseId: string;
  userId: string;
  capacity: CaseMemberCapacity;
}

/** Non-subject entities linked to a case (phones, addresses, edges, ...). */
export interface CaseEntityLink {
  caseId: string;
  entityId: string;
  addedAt: string;
}

export interface AuditEntry {
  seq: number;
  at: string; // ISO timestamp
  actorId: string | null; // user id, or null for the node itself
  actorLabel: string; // email or "system" or "peer:CA"
  action: string; // e.g. "case.create", "case.read", "victim.identity.read", "search"
  targetType: string | null;
  targetId: string | null;
  caseId: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface Session {
  id: string; // random token hash
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}
