/**
 * The JSON shapes of the HTTP API, shared by the server and the web app (the only file of
 * src/server that web/ may import). Routes and their validation schemas live beside the
 * route handlers; these types describe what the browser receives and sends.
 *
 * Conventions:
 * - Every error is `{ error: ApiError }` with a 4xx/5xx status; `message` is in the user's language.
 * - Every state-changing request (POST/PUT/PATCH/DELETE under /api, except /api/auth/login)
 *   carries the header `x-csrf-token` with the token from /api/auth/me or the login answer.
 * - Lists are `{ items, total }` with `limit` (default 25, max 200) and `offset` query params.
 */
import type {
  CaseStatus,
  CaseType,
  CountryCode,
  Handling,
  IndicatorFinding,
  JusticeOutcome,
  Locale,
  PalermoAssessment,
  Role,
  SubjectRole,
  CaseMemberCapacity,
  Tlp,
} from '../domain/model';

export type {
  CaseStatus,
  CaseType,
  CountryCode,
  Handling,
  IndicatorFinding,
  JusticeOutcome,
  Locale,
  PalermoAssessment,
  Role,
  SubjectRole,
  CaseMemberCapacity,
  Tlp,
};

export interface ApiError {
  code: string; // stable, e.g. "VALIDATION_FAILED", "AUTH_INVALID_CREDENTIALS"
  message: string; // localised
  issues?: { field: string; code: string; message: string }[];
}

export interface ListResult<T> {
  items: T[];
  total: number;
}

export interface AgencyView {
  id: string;
  code: string;
  name: string;
  country: CountryCode;
}

export interface NodeInfo {
  country: CountryCode;
  name: string;
  demo: boolean;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  agency: AgencyView;
  totpEnabled: boolean;
  node: NodeInfo;
}

/** GET /api/health */
export interface Health {
  status: 'ok';
  country: CountryCode;
  node: string;
  version: string;
}

/** POST /api/auth/login {email, password, totp?} -> 200 LoginResult (sets the session cookie).
 *  401 AUTH_INVALID_CREDENTIALS, 401 AUTH_TOTP_REQUIRED (ask for the code), 401 AUTH_TOTP_INVALID,
 *  429 AUTH_LOCKED / RATE_LIMITED. */
export interface LoginResult {
  user: Me;
  csrfToken: string;
  /** true outside demo mode when the user must enrol TOTP before anything else */
  totpEnrolmentRequired: boolean;
}
/** GET /api/auth/me -> LoginResult (401 AUTH_REQUIRED when not logged in). POST /api/auth/logout -> 204.
 *  PUT /api/auth/me/locale {locale} -> Me.
 *  POST /api/auth/totp/setup -> TotpSetup; POST /api/auth/totp/enable {code} -> Me. */
export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export interface EntityView {
  id: string;
  schema: string;
  caption: string;
  /** property -> values; for a pseudonymised victim only non-identifying properties remain */
  properties: Record<string, string[]>;
  pseudonymised: boolean;
  version: number;
  /** marked for the cross-border check (PUT /api/entities/:id/cross-border) */
  crossBorderCheck?: boolean;
}

/** GET /api/cases?q&status&type&tlp&limit&offset -> ListResult<CaseSummary> */
export interface CaseSummary {
  id: string;
  reference: string;
  title: string;
  type: CaseType;
  status: CaseStatus;
  tlp: Tlp;
  owningAgency: AgencyView;
  updatedAt: string;
  subjectCount: number;
}

export interface SubjectView {
  role: SubjectRole;
  entity: EntityView;
  addedAt: string;
}

export interface MemberView {
  userId: string;
  displayName: string;
  email: string;
  capacity: CaseMemberCapacity;
}

export interface CasePermissions {
  edit: boolean;
  /** indicators and the Palermo assessment (caseworkers too) */
  editScreening: boolean;
  /** add or remove subjects and linked entities */
  manageSubjects: boolean;
  seeVictimIdentity: boolean;
  recordOutcome: boolean;
  manageMembers: boolean;
  readAudit: boolean;
}

/** GET /api/cases/:id -> CaseDetail (404 CASE_NOT_FOUND also when the policy hides it) */
export interface CaseDetail {
  id: string;
  reference: string;
  title: string;
  type: CaseType;
  polarisType: string | null;
  status: CaseStatus;
  jurisdiction: CountryCode;
  narrative: string;
  handling: Handling;
  owningAgency: AgencyView;
  eventId: string | null;
  labourProgram: string | null;
  indicators: IndicatorFinding[];
  palermo: PalermoAssessment;
  palermoResult: { met: boolean; missing: ('act' | 'means' | 'purpose')[] };
  outcomes: JusticeOutcome[];
  subjects: SubjectView[];
  linkedEntities: EntityView[];
  members: MemberView[];
  permissions: CasePermissions;
  /** the title or narrative named a victim this user may not see: pseudonyms are shown, and editing that text is refused */
  textRedacted: boolean;
  /** statuses this user may move the case to now */
  nextStatuses: CaseStatus[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** POST /api/cases -> 201 CaseDetail */
export interface NewCaseRequest {
  title: string;
  type: CaseType;
  polarisType?: string | null;
  jurisdiction?: CountryCode;
  narrative?: string;
  handling: Handling;
  labourProgram?: string | null;
  eventId?: string | null;
}

/** PATCH /api/cases/:id -> CaseDetail; 409 CASE_VERSION_CONFLICT when `version` is stale */
export interface CaseEditRequest {
  version: number;
  title?: string;
  type?: CaseType;
  polarisType?: string | null;
  status?: CaseStatus;
  narrative?: string;
  handling?: Handling;
  labourProgram?: string | null;
  eventId?: string | null;
  indicators?: IndicatorFinding[];
  palermo?: PalermoAssessment;
  outcomes?: JusticeOutcome[];
  namedUserIds?: string[];
}

/** POST /api/cases/:id/subjects -> CaseDetail. Either an existing entity or a new one. */
export interface AddSubjectRequest {
  role: SubjectRole;
  entityId?: string;
  entity?: { schema: string; properties: Record<string, string[]> };
}
/** DELETE /api/cases/:id/subjects/:entityId?role=victim -> CaseDetail
 *  POST /api/cases/:id/entities {entityId? | entity?} -> CaseDetail (links a non-subject entity, e.g. a phone)
 *  POST /api/cases/:id/members {userId, capacity} -> CaseDetail
 *  GET /api/cases/:id/audit -> ListResult<AuditEntryView> (the case's own trail) */

/** GET /api/entities/:id -> EntityDetail */
export interface EntityDetail {
  entity: EntityView;
  cases: { caseId: string; reference: string; title: string; role: SubjectRole | 'linked' }[];
  edges: { edge: EntityView; source: EntityView; target: EntityView }[];
}
/** POST /api/entities {schema, properties} -> 201 EntityView; PATCH /api/entities/:id {version, properties} -> EntityView */

/** GET /api/search?q&type=case|entity&limit -> ListResult<SearchResult> */
export interface SearchResult {
  docType: 'case' | 'entity';
  id: string;
  title: string; // case "reference — title" or entity caption (pseudonym for hidden victims)
  schema?: string; // for entities
  caseType?: CaseType; // for cases
  tlp?: Tlp; // for cases
}

/** GET /api/schema -> SchemaView[] */
export interface SchemaView {
  name: string;
  label: Record<Locale, string>;
  plural: Record<Locale, string>;
  edge: null | { source: string; target: string; label: Record<Locale, string> };
  properties: {
    name: string;
    type: string;
    label: Record<Locale, string>;
    required: boolean;
    multiple: boolean;
    /** a closed list of codes with their labels (e.g. gender) */
    options?: { code: string; label: Record<Locale, string> }[];
    /** for entity references: the schemata an id may point to */
    range?: string[];
  }[];
}

/** GET /api/reference -> Reference (labels and guidance for the forms) */
export interface Reference {
  indicators: { code: string; label: Record<Locale, string>; guidance: Record<Locale, string>; source: string }[];
  palermo: {
    acts: { code: string; label: Record<Locale, string> }[];
    means: { code: string; label: Record<Locale, string> }[];
    purposes: { code: string; label: Record<Locale, string> }[];
    guidance: Record<Locale, string>;
    source: string;
  };
  polarisTypes: { code: string; label: Record<Locale, string> }[];
  tlp: { code: Tlp; colour: string; meaning: Record<Locale, string> }[];
  labourPrograms: { code: string; label: Record<Locale, string> }[];
  events: { id: string; label: string; date: string; city: string; country: CountryCode }[];
}

/** GET /api/audit?actor&case&action&from&to&limit&offset -> ListResult<AuditEntryView> (auditor, admin)
 *  GET /api/audit/verify -> AuditVerifyResult */
export interface AuditEntryView {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  caseId: string | null;
  caseReference: string | null;
  detail: Record<string, unknown>;
}
export interface AuditVerifyResult {
  ok: boolean;
  count: number;
  firstBadSeq?: number;
  reason?: string;
}

/** GET /api/admin/users -> ListResult<UserView>; POST /api/admin/users {email, displayName, role, agencyId, locale}
 *  -> 201 {user: UserView, initialPassword}; PATCH /api/admin/users/:id {role?, disabled?, displayName?, agencyId?} -> UserView
 *  GET /api/admin/agencies -> ListResult<AgencyView>; POST /api/admin/agencies {code, name, country} -> 201 AgencyView
 *  GET /api/users (any logged-in user: colleagues of the node, for assigning members) -> ListResult<UserView> */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  agency: AgencyView;
  totpEnabled: boolean;
  disabled: boolean;
  lockedUntil: string | null;
}

// ---- entity resolution inside the node (docs/resolution-review.md) ----------------------

export type ResolutionRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** POST /api/resolution/runs -> 202 ResolutionRunView (a job; 409 RESOLUTION_RUN_CONFLICT while one waits or runs)
 *  GET /api/resolution/runs/latest, GET /api/resolution/runs/:id -> ResolutionRunView */
export interface ResolutionRunView {
  id: string;
  status: ResolutionRunStatus;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  summary: {
    people: number;
    organizations: number;
    phones: number;
    /** pairs at or above the match threshold, proposed for confirmation */
    proposed: number;
    /** pairs between the review and match thresholds */
    review: number;
    /** pairs already decided that the run found again (their decision stands) */
    alreadyDecided: number;
    threshold: number;
    reviewThreshold: number;
    /** decisions used to train the model; mFromLabels: m was estimated from confirmed pairs */
    labels: number;
    mFromLabels: boolean;
  } | null;
  /** error code of a failed run */
  error: string | null;
}

export type ResolutionPairStatus = 'pending' | 'confirmed' | 'rejected' | 'split';

/** One field of the comparison: its agreement level and the weight it adds (log2 m/u, bits). */
export interface ResolutionFieldView {
  /** given_name, surname, date_of_birth, sex, address, locality, postcode, region, country, email, phone,
   *  identifier, street_number (people); name, registrationNumber, taxNumber (organisations); number (phones) */
  field: string;
  /** exact, alias, transposed, jaro_winkler_0.92, one_typo, ..., else; "null" when a side has no value */
  level: string;
  /** null for a pair found by an exact value */
  weight: number | null;
  termFrequencyAdjustment: number;
  m: number | null;
  u: number | null;
}

export interface ResolutionSideView {
  schema: string;
  /** the record (before the merge, for the merged one of a confirmed pair); null in a restricted pair */
  entity: EntityView | null;
  /** a victim's usual pseudonym, in a restricted pair */
  pseudonym: string | null;
}

export interface MergeView {
  id: string;
  survivorId: string;
  mergedId: string;
  status: 'active' | 'undone';
  mergedAt: string;
  undoneAt: string | null;
  /** single-valued properties on which the records disagreed (the kept record's value stands) */
  conflicts: string[];
}

/** GET /api/resolution/pairs?status=pending|confirmed|rejected|split&decision=match|review&schema&limit&offset
 *  -> ListResult<ResolutionPairView> (pending: most uncertain first); GET /api/resolution/pairs/:id -> ResolutionPairView */
export interface ResolutionPairView {
  id: string;
  schema: string;
  probability: number;
  /** match weight in bits; null for a pair found by an exact value */
  weight: number | null;
  /** 'match': proposed (at or above the match threshold); 'review': uncertain */
  decision: 'match' | 'review';
  status: ResolutionPairStatus;
  /** why the pair is shown without names and cannot be decided by this user, or null */
  restricted: 'victim' | 'hidden_case' | null;
  canDecide: boolean;
  left: ResolutionSideView;
  right: ResolutionSideView;
  /** null in a restricted pair */
  explanation: { kind: 'model' | 'exact'; priorWeight: number | null; transposedNames: boolean; parts: ResolutionFieldView[] } | null;
  createdAt: string;
  decidedAt: string | null;
  note: string | null;
  merge: MergeView | null;
}

/** POST /api/resolution/pairs/:id/confirm {note?, survivorId?} -> ResolutionPairView (the records are merged)
 *  POST /api/resolution/pairs/:id/reject {note?} -> ResolutionPairView
 *  403 RESOLUTION_PAIR_RESTRICTED, 409 RESOLUTION_DECISION_CONFLICT, 409 RESOLUTION_ENTITY_MERGED_CONFLICT */
export interface ResolutionDecisionRequest {
  note?: string;
  /** confirm only: which record to keep (default: the one in more cases, then the older) */
  survivorId?: string;
}

/** POST /api/resolution/merges/:id/undo {note?} -> ResolutionPairView (status 'split')
 *  409 RESOLUTION_UNDO_DONE_CONFLICT, 409 RESOLUTION_UNDO_CHANGED_CONFLICT */

/** GET /api/resolution/entities/:id -> EntityResolutionView: where a record went (old ids keep resolving) */
export interface EntityResolutionView {
  entityId: string;
  /** the record that holds this one now, or null */
  mergedInto: string | null;
  mergedFrom: MergeView[];
}

// ---------------------------------------------------------------- federation
// Items exchanged with partner nodes. Who may do what: liaison officers send, forward, decide
// consent and see the outbox; the roles that read entities also read received items, each
// item only if its handling lets them (RED: named persons; AMBER(+STRICT): the agencies named).
// Errors: FED_* (protocol and handling rules, e.g. FED_HANDLING_WIDENS, FED_VICTIM_IDENTITY_NEEDS_BASIS,
// FED_HANDLING_RED_NO_FORWARD), FEDERATION_* (peers, items), POLICY_DENIED (403).

export type FederationItemType = 'Alert' | 'RequestForInformation' | 'Response';
export type FederationDeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

/** Who may see the item at the recipient node: agency codes and person ids (or e-mails) there. */
export interface FederationAudience {
  agencies: string[];
  persons: string[];
}

/** Where the victim's consent or the legal basis for sharing their identity is recorded. */
export interface FederationIdentityBasis {
  kind: 'consent' | 'legal_basis';
  reference: string;
  /** ISO timestamp with milliseconds, e.g. 2026-06-01T10:00:00.000Z */
  recordedAt: string;
}

/** One entity chosen for sharing and the fields of it that go (see GET /api/federation/shareable). */
export interface FederationEntityChoice {
  id: string;
  fields: string[];
}

interface FederationSendCommon {
  /** the partner node id; for a Response, defaults to the requester */
  to?: string;
  handling: Handling;
  audience: FederationAudience;
  /** the case whose entities are shared (required when `entities` is not empty) */
  caseId?: string | null;
  entities?: FederationEntityChoice[];
  /** required when a victim's identity fields are chosen */
  identityBasis?: FederationIdentityBasis | null;
}

/** POST /api/federation/messages -> 201 FederationItemSummary (liaison) */
export type FederationSendRequest =
  | (FederationSendCommon & { type: 'Alert'; title: string; summary: string })
  | (FederationSendCommon & { type: 'RequestForInformation'; subject: string; questions: string[]; deadline: string })
  | (FederationSendCommon & { type: 'Response'; inReplyTo: string; answers: string[]; final: boolean });

export interface FederationSharedEntity {
  /** `<node>:<local id>` */
  globalId: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** The payloads, as a detail view returns them. */
export interface FederationAlertPayload {
  title: string;
  summary: string;
  caseReference: string | null;
  entities: FederationSharedEntity[];
  identityBasis: FederationIdentityBasis | null;
}
export interface FederationRfiPayload {
  subject: string;
  questions: string[];
  deadline: string;
  caseReference: string | null;
  entities: FederationSharedEntity[];
  identityBasis: FederationIdentityBasis | null;
}
export interface FederationResponsePayload {
  inReplyTo: string;
  answers: string[];
  entities: FederationSharedEntity[];
  identityBasis: FederationIdentityBasis | null;
  final: boolean;
}

export interface FederationDelivery {
  status: FederationDeliveryStatus;
  attempts: number;
  /** the last FED_* code of a failed attempt */
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  /** when a person at the recipient first opened it (signed read receipt) */
  readAt: string | null;
}

/** One item in a list: GET /api/federation/inbox, GET /api/federation/outbox (ListResult) */
export interface FederationItemSummary {
  /** the envelope id */
  id: string;
  type: string;
  direction: 'sent' | 'received';
  peer: { node: string; country: string | null };
  /** the request or alert that opened the thread (a Response joins the thread of its request) */
  threadId: string;
  /** null once a received item's retention ended (the payload was purged; the stub stays) */
  title: string | null;
  createdAt: string;
  /** TLP, purpose, retention, consent to forward: show the TLP label with every item */
  handling: Handling | null;
  /** sent items: who sent it here */
  sender: string | null;
  caseId: string | null;
  /** requests for information: when the answer is needed */
  deadline: string | null;
  receivedAt: string | null;
  expiresAt: string | null;
  purgedAt: string | null;
  /** received items: when someone here first opened it */
  readAt: string | null;
  /** sent items */
  delivery: FederationDelivery | null;
}

/** POST /api/federation/messages/:id/requeue -> FederationItemSummary: a failed message queued again (liaison);
 *  409 FEDERATION_NOT_FAILED_CONFLICT when it has not failed */

/** GET /api/federation/messages/:id -> FederationItemDetail (opening a received item marks it read) */
export interface FederationItemDetail extends FederationItemSummary {
  audience: FederationAudience | null;
  /** the item's global id: the node that first sent it, and its id there */
  originator: { node: string; itemId: string } | null;
  /** FederationAlertPayload | FederationRfiPayload | FederationResponsePayload; null when purged */
  payload: Record<string, unknown> | null;
  receipts: { status: 'delivered' | 'read'; from: string; at: string; receivedAt: string }[];
}

/** GET /api/federation/ledger?direction&type&limit&offset -> ListResult<FederationLedgerEntry> (auditors; audited) */
export type FederationLedgerEntry = Omit<FederationItemDetail, 'title' | 'payload'>;

/** GET /api/federation/threads/:id */
export interface FederationThread {
  threadId: string;
  title: string | null;
  items: FederationItemDetail[];
}

/** POST /api/federation/messages/:id/forward -> 201 {outcome:'queued', id} | 202 {outcome:'needs_consent', requestId} */
export interface FederationForwardRequest {
  to: string;
  handling: Handling;
  audience: FederationAudience;
  /** sent to the originator when its consent is needed */
  reason: string;
}
export type FederationForwardResult = { outcome: 'queued'; id: string } | { outcome: 'needs_consent'; requestId: string };

/** GET /api/federation/consents?direction&status -> ListResult<FederationConsent> */
export interface FederationConsent {
  requestId: string;
  /** incoming: a partner asks this node (the originator); outgoing: this node asked */
  direction: 'outgoing' | 'incoming';
  itemId: string;
  originator: string;
  forwarder: string;
  forwardTo: { node: string; country: string };
  proposedHandling: Handling;
  proposedAudience: FederationAudience;
  reason: string;
  status: 'pending' | 'granted' | 'refused';
  createdAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** POST /api/federation/consents/:id/decision -> FederationConsent */
export interface FederationConsentDecision {
  granted: boolean;
  reason: string;
}

export interface FederationKey {
  keyId: string;
  publicKey: string;
  /** 16 groups of 4 hex digits, to compare out of band */
  fingerprint: string;
  notBefore?: string;
  notAfter?: string | null;
  revokedAt?: string | null;
}

/** GET /api/federation/peers -> ListResult<FederationPeer> (admins, and the roles that read items) */
export interface FederationPeer {
  node: string;
  country: string;
  url: string;
  signingKeys: FederationKey[];
  encryptionKey: FederationKey;
  supportedVersions: number[];
}

/** POST /api/federation/peers -> 201 FederationPeer (admins). `fingerprint`: the signing
 *  fingerprint as read out by the partner's operator; 400 FEDERATION_FINGERPRINT_MISMATCH {group}. */
export interface FederationAddPeerRequest {
  url: string;
  /** the partner's key token (`alianza node keys` on its side) */
  key: string;
  fingerprint: string;
}
/** DELETE /api/federation/peers/:node -> 204 (admins) */

/** GET /api/federation/node (admins, liaison) */
export interface FederationNodeView {
  node: string;
  country: string;
  /** give this to partners, with the fingerprints */
  token: string;
  activeSigningKeyId: string;
  pendingSigningKeyId: string | null;
  signingKeys: FederationKey[];
  encryptionKey: FederationKey;
  outbox: Record<FederationDeliveryStatus, number>;
  pendingConsents: number;
  peers: number;
}

/** GET /api/federation/shareable?caseId -> what a case offers for sharing: ids and field names, never values (liaison) */
export interface FederationShareable {
  caseReference: string;
  entities: {
    id: string;
    schema: string;
    roles: string[];
    identifiesVictim: boolean;
    fields: { name: string; values: number; victimIdentity: boolean }[];
  }[];
}

// ---------------------------------------------------------------------------------------
// Cross-border matching and gradual disclosure (docs/protocol/matching.md)
// ---------------------------------------------------------------------------------------

/** The kinds of entity a node may mark for the cross-border check. */
export type CrossBorderKind = 'Person' | 'Phone' | 'Organization';
/** existence (the hit itself) → contact (the owning agency's contact) → fields (chosen values) */
export type DisclosureLevel = 'existence' | 'contact' | 'fields';
export type DisclosureStatus = 'pending' | 'approved' | 'refused';
export type LegalBasisKind = 'treaty' | 'mlat' | 'domestic_law' | 'court_order' | 'consent' | 'vital_interest';

export interface LegalBasisView {
  kind: LegalBasisKind;
  /** e.g. "Palermo Protocol art. 10; MX–CA MLAT art. 1" */
  reference: string;
}

/** GET /api/cross-border/secret -> status of the trilateral linkage secret (admin, liaison); never the secret */
export interface LinkageSecretStatus {
  configured: boolean;
  version: number | null;
  /** 32 hex digits, HMAC of a fixed label under the secret: compare with partners out of band */
  fingerprint: string | null;
  setAt: string | null;
  previous: { version: number; fingerprint: string; retiredAt: string }[];
}

/** POST /api/cross-border/checks {peers?: string[]} -> 202 CrossBorderCheckView[] (one per peer) */
export interface CrossBorderCheckRequest {
  /** peer node ids; all peers when absent */
  peers?: string[];
}

/** GET /api/cross-border/checks -> ListResult<CrossBorderCheckView> */
export interface CrossBorderCheckView {
  queryId: string;
  peerNode: string;
  peerCountry: string;
  /** sent: this node asked; received: the peer asked and this node answered */
  direction: 'sent' | 'received';
  status: 'sent' | 'answered' | 'secret_mismatch' | 'failed';
  records: number;
  hits: number;
  /** a check larger than one message goes in parts: how many, and how many are answered */
  parts: { total: number; answered: number };
  createdAt: string;
  answeredAt: string | null;
  requestedBy: string | null;
}

/** GET /api/cross-border/hits?kind&peer&minScore -> ListResult<CrossBorderHitView>, best score first */
export interface CrossBorderHitView {
  id: string;
  queryId: string;
  peerNode: string;
  peerCountry: string;
  kind: CrossBorderKind;
  /** Sørensen–Dice of the two encodings, 0..1, two decimals */
  score: number;
  band: 'strong' | 'possible';
  /** this node's entity: caption as this viewer may see it (victims pseudonymised) */
  local: { entityId: string; caption: string; schema: string };
  /** the partner's opaque reference: means nothing outside this hit */
  remoteRef: string;
  createdAt: string;
  /** the latest disclosure about this hit, in either direction */
  disclosure: { id: string; direction: 'outgoing' | 'incoming'; status: DisclosureStatus; level: DisclosureLevel } | null;
}

/** POST /api/cross-border/disclosures -> 201 DisclosureView (roles with disclosure.request) */
export interface DisclosureRequestBody {
  hitId: string;
  level: 'contact' | 'fields';
  /** property names wanted when level = fields (e.g. name, birthDate, nationality, number, address) */
  fields: string[];
  legalBasis: LegalBasisView;
  purpose: string;
  caseReference?: string | null;
}

/** POST /api/cross-border/disclosures/:id/decision -> DisclosureView (the owning node's liaison, or an investigator or inspector of the record's owning agency) */
export interface DisclosureDecisionBody {
  decision: 'approved' | 'refused';
  /** approved: contact or fields (at most what was asked); refused: ignored */
  level?: 'contact' | 'fields';
  /** approved at level fields: a subset of the requested fields */
  fields?: string[];
  legalBasis: LegalBasisView;
  reason: string;
}

/** GET /api/cross-border/disclosures?direction&status -> ListResult<DisclosureView>; GET /api/cross-border/disclosures/:id -> DisclosureView */
export interface DisclosureView {
  id: string;
  hitId: string;
  /** outgoing: this node asked a partner; incoming: a partner asks this node */
  direction: 'outgoing' | 'incoming';
  peerNode: string;
  peerCountry: string;
  kind: CrossBorderKind;
  score: number;
  /** incoming only: this node's entity the partner asks about (caption as this viewer may see it) */
  local: { entityId: string; caption: string; schema: string } | null;
  requested: { level: 'contact' | 'fields'; fields: string[]; legalBasis: LegalBasisView; purpose: string; caseReference: string | null; by: string; at: string };
  status: DisclosureStatus;
  decision: {
    level: DisclosureLevel;
    legalBasis: LegalBasisView;
    reason: string;
    by: string;
    at: string;
    /** approved at contact or fields */
    contact: { agency: string; country: string; name: string; email: string | null } | null;
    /** approved at fields: exactly the approved properties, nothing else */
    disclosed: { schema: string; properties: Record<string, string[]> } | null;
  } | null;
  /** incoming, pending: the fields this node could disclose for the entity (names only) */
  availableFields: string[];
  /** the viewer may decide this request: a liaison officer, or an investigator or inspector of the record's owning agency, who may see the record */
  canDecide: boolean;
  /** incoming: 'hidden_case' when the viewer (the liaison office) sees the request without the record, which is only in a restricted case; null otherwise */
  restricted: 'hidden_case' | null;
  /** a sentence in the viewer's language when the record is withheld from them (who decides) or gone; null otherwise */
  notice: string | null;
}

/** PUT /api/entities/:id/cross-border {check: boolean} -> EntityDetail (entity.write) */
export interface CrossBorderMarkBody {
  check: boolean;
}
