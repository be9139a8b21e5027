/**
 * Row shapes of the tables, as Kysely sees them. Portable column types only: text ids,
 * ISO timestamps as text, JSON as text, booleans as 0/1 integers.
 * Tables added by other modules' migrations extend `Database` by declaration merging
 * or use their own interface over the same Kysely instance.
 */
export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  country: string;
  created_at: string;
}

export interface UserRow {
  id: string;
  agency_id: string;
  email: string;
  display_name: string;
  role: string;
  locale: string;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: number;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
}

export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface EntityRow {
  id: string;
  schema: string;
  caption: string;
  properties: string;
  owning_agency_id: string;
  cross_border_check: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface EntityValueRow {
  entity_id: string;
  property: string;
  value: string;
}

export interface CaseRow {
  id: string;
  reference: string;
  title: string;
  type: string;
  polaris_type: string | null;
  status: string;
  jurisdiction: string;
  narrative: string;
  tlp: string;
  handling: string;
  owning_agency_id: string;
  event_id: string | null;
  labour_program: string | null;
  indicators: string;
  palermo: string;
  outcomes: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CaseSubjectRow {
  case_id: string;
  entity_id: string;
  role: string;
  added_at: string;
}

export interface CaseMemberRow {
  case_id: string;
  user_id: string;
  capacity: string;
}

export interface CaseLinkRow {
  case_id: string;
  entity_id: string;
  added_at: string;
}

export interface CaseAccessRow {
  case_id: string;
  user_id: string;
  /** order of the user in Case.namedUserIds */
  position: number;
}

export interface CounterRow {
  name: string;
  value: number;
}

export interface SearchTermRow {
  doc_type: string;
  doc_id: string;
  term: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  case_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface JobRow {
  id: string;
  kind: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  last_error: string | null;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingRow {
  key: string;
  value: string;
}

export interface Database {
  agencies: AgencyRow;
  users: UserRow;
  sessions: SessionRow;
  entities: EntityRow;
  entity_values: EntityValueRow;
  cases: CaseRow;
  case_subjects: CaseSubjectRow;
  case_members: CaseMemberRow;
  case_links: CaseLinkRow;
  case_access: CaseAccessRow;
  counters: CounterRow;
  search_terms: SearchTermRow;
  audit_log: AuditRow;
  jobs: JobRow;
  settings: SettingRow;
}
