/**
 * The closed vocabularies the forms offer, typed against the API so that the compiler
 * notices when the server adds or removes a value (each record must name every member).
 */
import type {
  CaseMemberCapacity,
  CaseStatus,
  CaseType,
  IndicatorFinding,
  JusticeOutcome,
  PalermoAssessment,
  Role,
  SubjectRole,
  Tlp,
} from '../../src/server/api-types';

export type IndicatorCode = IndicatorFinding['indicator'];
export type PalermoAct = PalermoAssessment['acts'][number];
export type PalermoMeans = PalermoAssessment['means'][number];
export type PalermoPurpose = PalermoAssessment['purposes'][number];
export type OutcomeStage = JusticeOutcome['stage'];

const keysOf = <K extends string>(record: Record<K, true>): K[] => Object.keys(record) as K[];

export const CASE_TYPES = keysOf<CaseType>({
  sex_trafficking: true,
  labour_trafficking: true,
  forced_labour: true,
  forced_criminality: true,
  domestic_servitude: true,
  other_exploitation: true,
});

export const CASE_STATUSES = keysOf<CaseStatus>({
  open: true,
  investigating: true,
  prosecution: true,
  closed: true,
  archived: true,
});

export const TLP_LEVELS = keysOf<Tlp>({ RED: true, 'AMBER+STRICT': true, AMBER: true, GREEN: true, CLEAR: true });

export const SUBJECT_ROLES = keysOf<SubjectRole>({
  victim: true,
  suspect: true,
  witness: true,
  worker: true,
  recruiter: true,
  employer: true,
});

export const ROLES = keysOf<Role>({
  admin: true,
  liaison: true,
  investigator: true,
  analyst: true,
  inspector: true,
  caseworker: true,
  prosecutor: true,
  auditor: true,
});

export const MEMBER_CAPACITIES = keysOf<CaseMemberCapacity>({ investigator: true, caseworker: true, prosecutor: true });

export const INDICATORS = keysOf<IndicatorCode>({
  abuse_of_vulnerability: true,
  deception: true,
  restriction_of_movement: true,
  isolation: true,
  physical_sexual_violence: true,
  intimidation_threats: true,
  retention_of_identity_documents: true,
  withholding_of_wages: true,
  debt_bondage: true,
  abusive_working_living_conditions: true,
  excessive_overtime: true,
});

export const PALERMO_ACTS = keysOf<PalermoAct>({
  recruitment: true,
  transportation: true,
  transfer: true,
  harbouring: true,
  receipt: true,
});

export const PALERMO_MEANS = keysOf<PalermoMeans>({
  threat_or_force: true,
  coercion: true,
  abduction: true,
  fraud: true,
  deception: true,
  abuse_of_power_or_vulnerability: true,
  payments_or_benefits: true,
});

export const PALERMO_PURPOSES = keysOf<PalermoPurpose>({
  sexual_exploitation: true,
  forced_labour_or_services: true,
  slavery_or_similar: true,
  servitude: true,
  removal_of_organs: true,
  forced_criminality: true,
});

export const OUTCOME_STAGES = keysOf<OutcomeStage>({
  investigation: true,
  charges: true,
  conviction: true,
  acquittal: true,
  dismissal: true,
  sentence: true,
});

/** Purposes offered for the handling code of a new case. */
/** Root purposes of a handling code, used when the node's reference data does not list them. */
export const HANDLING_PURPOSES = [
  'investigation',
  'prosecution',
  'intelligence',
  'victim-support',
  'labour-inspection',
  'event-operations',
  'statistics',
  'oversight',
] as const;

/*
 * Which roles see which pages. These mirror the node's global permissions (GLOBAL_PERMISSIONS
 * in src/domain/policy.ts) only to hide links a person could not use; the server decides.
 */
export const AUDIT_ROLES: readonly Role[] = ['auditor'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];
export const CASE_LIST_ROLES: readonly Role[] = ['liaison', 'investigator', 'analyst', 'inspector', 'caseworker', 'prosecutor', 'auditor'];
export const CASE_CREATOR_ROLES: readonly Role[] = ['investigator', 'inspector'];
export const ENTITY_READ_ROLES: readonly Role[] = ['liaison', 'investigator', 'analyst', 'inspector', 'caseworker', 'prosecutor'];
export const SEARCH_ROLES: readonly Role[] = ['liaison', 'investigator', 'analyst', 'inspector', 'caseworker', 'prosecutor'];

/** Where a person lands after login: the case list, or administration for administrators. */
export const homePath = (role: Role): string => (CASE_LIST_ROLES.includes(role) ? '/cases' : '/admin');
