/**
 * Ports of the store: the only part of src/store that modules other than server and cli
 * may import. Adapters (SQLite, PostgreSQL through Kysely) implement them; the contract
 * suite in src/store/contract.test.ts runs against every adapter.
 */
import type {
  Agency,
  AuditEntry,
  Case,
  CaseEntityLink,
  CaseMember,
  CaseStatus,
  CaseSubject,
  CaseType,
  Entity,
  Session,
  Tlp,
  User,
} from '../domain/model';
import { AlianzaError, type ErrorParams } from '../domain/errors';

export interface Page<T> {
  items: T[];
  total: number;
}

/** Who is asking: used to filter rows that the policy would hide anyway (RED / AMBER+STRICT). */
export interface Viewer {
  userId: string;
  agencyId: string;
}

export interface AgencyRepository {
  create(agency: Agency): Promise<void>;
  get(id: string): Promise<Agency | undefined>;
  getByCode(code: string): Promise<Agency | undefined>;
  list(): Promise<Agency[]>;
}

export interface UserRepository {
  create(user: User): Promise<void>;
  get(id: string): Promise<User | undefined>;
  getByEmail(email: string): Promise<User | undefined>;
  list(filter?: { agencyId?: string }): Promise<User[]>;
  update(id: string, patch: Partial<Omit<User, 'id' | 'createdAt'>>): Promise<void>;
}

export interface SessionRepository {
  create(session: Session): Promise<void>;
  get(id: string): Promise<Session | undefined>;
  /** A session deleted meanwhile stays deleted: touching it does nothing. */
  touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

export interface EntityFilter {
  schema?: string;
  crossBorderCheck?: boolean;
  limit?: number;
  offset?: number;
}

export interface EntityRepository {
  create(entity: Entity): Promise<void>;
  get(id: string): Promise<Entity | undefined>;
  getMany(ids: string[]): Promise<Entity[]>;
  /**
   * Optimistic concurrency: throws StoreError('STORE_VERSION_CONFLICT') when the stored version is not `expectedVersion`
   * (STORE_NOT_FOUND when there is no such entity). The stored version becomes `expectedVersion + 1`.
   */
  update(entity: Entity, expectedVersion: number): Promise<void>;
  /** Ordered by createdAt, then id. */
  list(filter?: EntityFilter): Promise<Page<Entity>>;
  /**
   * Entities of `schema` having `value` among the values of `property` (exact match on the normalised value:
   * Unicode NFC, trimmed, inner whitespace collapsed, lower case; the store normalises both sides).
   */
  findByProperty(schema: string, property: string, value: string): Promise<Entity[]>;
  /**
   * Edge entities whose source or target is the given entity: the entities holding its id as a property value.
   * `schemas` (e.g. the edge schemata of the schema registry) restricts the answer to those schemata.
   */
  listEdgesOf(entityId: string, opts?: { schemas?: string[] }): Promise<Entity[]>;
}

export interface CaseFilter {
  status?: CaseStatus;
  type?: CaseType;
  tlp?: Tlp;
  owningAgencyId?: string;
  /** ids to restrict to (e.g. the result of a full-text search) */
  ids?: string[];
  visibleTo?: Viewer;
  sort?: 'updated_desc' | 'created_desc' | 'reference_asc';
  limit?: number;
  offset?: number;
}

export interface CaseRepository {
  /** STORE_DUPLICATE when the id or the reference exists. */
  create(kase: Case): Promise<void>;
  get(id: string): Promise<Case | undefined>;
  getByReference(reference: string): Promise<Case | undefined>;
  /**
   * Optimistic concurrency: throws StoreError('STORE_VERSION_CONFLICT') when the stored version is not `expectedVersion`
   * (STORE_NOT_FOUND when there is no such case). The stored version becomes `expectedVersion + 1`;
   * namedUserIds replaces the case's access list.
   */
  update(kase: Case, expectedVersion: number): Promise<void>;
  /**
   * `visibleTo`: a RED or AMBER+STRICT case is listed only when the viewer's agency owns it or the viewer is
   * among its namedUserIds. Default sort: updated_desc (ties broken by id).
   */
  list(filter: CaseFilter): Promise<Page<Case>>;
  /** 1, 2, 3, ... per prefix; concurrent callers get distinct numbers (a rolled-back transaction gives its number back). */
  nextReferenceNumber(prefix: string): Promise<number>;

  /** Adding an existing subject, member or link is a no-op (a member's capacity is updated). */
  addSubject(subject: CaseSubject): Promise<void>;
  removeSubject(caseId: string, entityId: string, role: string): Promise<void>;
  listSubjects(caseId: string): Promise<CaseSubject[]>;
  listCasesOfEntity(entityId: string): Promise<CaseSubject[]>;

  addMember(member: CaseMember): Promise<void>;
  removeMember(caseId: string, userId: string): Promise<void>;
  listMembers(caseId: string): Promise<CaseMember[]>;

  linkEntity(link: CaseEntityLink): Promise<void>;
  unlinkEntity(caseId: string, entityId: string): Promise<void>;
  listLinks(caseId: string): Promise<CaseEntityLink[]>;
}

export type SearchDocType = 'case' | 'entity';

export interface SearchHit {
  docType: SearchDocType;
  docId: string;
  /** how many of the query's terms matched (higher first) */
  score: number;
}

/**
 * Full-text index over terms produced by domain/search-text (accent- and case-folded
 * tokens plus phonetic keys). The store only stores and looks up terms.
 */
export interface SearchRepository {
  /** Replace the terms of a document. */
  index(docType: SearchDocType, docId: string, terms: string[]): Promise<void>;
  remove(docType: SearchDocType, docId: string): Promise<void>;
  /**
   * Each query term group matches a document if any of its alternatives matches one of the
   * document's terms; alternatives ending in '*' are prefix matches. Documents are ranked by
   * the number of groups matched; only documents matching every group are returned when
   * `all` is true.
   */
  search(groups: string[][], opts: { docType?: SearchDocType; limit: number; all: boolean }): Promise<SearchHit[]>;
}

export interface AuditFilter {
  actorId?: string;
  caseId?: string;
  action?: string; // exact, or a prefix ending in '*'
  targetId?: string;
  /** ISO timestamps: `from <= at < to` */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

export type AuditVerification =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; firstBadSeq: number; reason: 'altered' | 'deleted' | 'reordered' | 'broken_link' };

export interface AuditRepository {
  /** Appends under a lock so that the chain stays linear, whatever the concurrency. */
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first (seq descending). */
  list(filter: AuditFilter): Promise<Page<AuditEntry>>;
  /** Streams the whole chain in seq order through domain/audit-chain. */
  verify(): Promise<AuditVerification>;
}

export interface Job {
  id: string;
  kind: string;
  payload: unknown;
  runAt: string;
  attempts: number;
  lastError: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
}

export interface JobRepository {
  /** STORE_DUPLICATE when `opts.id` is taken. */
  enqueue(kind: string, payload: unknown, opts?: { runAt?: string; id?: string }): Promise<string>;
  /**
   * Claims the oldest due job of the given kinds (FOR UPDATE SKIP LOCKED on PostgreSQL): a queued job whose
   * runAt has come, or a running job whose lease (claim time + leaseMs) has run out. Counts an attempt.
   */
  claim(kinds: string[], now: string, leaseMs: number): Promise<Job | undefined>;
  complete(id: string): Promise<void>;
  /** Schedules a retry at `retryAt`, or marks failed when `retryAt` is null. */
  fail(id: string, error: string, retryAt: string | null): Promise<void>;
  counts(): Promise<Record<Job['status'], number>>;
}

export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export interface Repositories {
  agencies: AgencyRepository;
  users: UserRepository;
  sessions: SessionRepository;
  entities: EntityRepository;
  cases: CaseRepository;
  search: SearchRepository;
  audit: AuditRepository;
  jobs: JobRepository;
  settings: SettingsRepository;
  /** Entity resolution: runs, candidate pairs, decisions, merges (optional for stores without it). */
  resolution?: ResolutionRepository;
  /** Cross-border matching and disclosure (optional for stores without it). */
  crossBorder?: CrossBorderRepository;
}

export interface Store extends Repositories {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `fn` in one transaction: every write inside is all or nothing. Nested calls join the outer transaction. */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * An AlianzaError, so that the server maps its code like any other (texts in src/store/errors.ts);
 * `message` is the English detail for logs.
 */
export class StoreError extends AlianzaError {
  declare readonly code: 'STORE_VERSION_CONFLICT' | 'STORE_DUPLICATE' | 'STORE_NOT_FOUND';

  constructor(code: 'STORE_VERSION_CONFLICT' | 'STORE_DUPLICATE' | 'STORE_NOT_FOUND', message: string, params: ErrorParams = {}) {
    super(code, params);
    this.message = message;
    this.name = 'StoreError';
  }
}

// ---- entity resolution inside the node (src/app/resolution-service.ts) ----------------

export type ResolutionRunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ResolutionRun {
  id: string;
  status: ResolutionRunStatus;
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** counts, thresholds and training report (JSON) */
  summary: Record<string, unknown> | null;
  /** the error code when the run failed */
  error: string | null;
}

export type ResolutionPairStatus = 'pending' | 'confirmed' | 'rejected' | 'split';

/** A candidate pair: two entities of one schema, `leftId < rightId`, explained field by field. */
export interface ResolutionPair {
  id: string;
  runId: string;
  schema: string;
  leftId: string;
  rightId: string;
  probability: number;
  /** match weight in bits; null for pairs found by an exact value */
  weight: number | null;
  /** 'match': at or above the match threshold (proposed); 'review': between the thresholds */
  decision: 'match' | 'review';
  status: ResolutionPairStatus;
  explanation: unknown;
  createdAt: string;
  updatedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  mergeId: string | null;
}

export type NewResolutionPair = Pick<ResolutionPair, 'schema' | 'leftId' | 'rightId' | 'probability' | 'weight' | 'decision' | 'explanation'>;

/** A confirmed pair applied: `mergedId` became a tombstone pointing to `survivorId`. */
export interface EntityMerge {
  id: string;
  pairId: string;
  survivorId: string;
  mergedId: string;
  status: 'active' | 'undone';
  /** what an undo needs: both entities before, repointed subjects, links and edges (JSON) */
  history: unknown;
  mergedBy: string;
  mergedAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
}

export interface ResolutionRepository {
  createRun(run: ResolutionRun): Promise<void>;
  /** STORE_NOT_FOUND when there is no such run. */
  updateRun(id: string, patch: Partial<Omit<ResolutionRun, 'id' | 'requestedBy' | 'requestedAt'>>): Promise<void>;
  getRun(id: string): Promise<ResolutionRun | undefined>;
  /** The most recently requested run. */
  latestRun(): Promise<ResolutionRun | undefined>;
  /**
   * Stores the pairs a run found: a pair already decided keeps its decision and is not
   * touched; a pending pair is refreshed; pending pairs not found again are removed.
   */
  replacePending(runId: string, pairs: NewResolutionPair[], now: string): Promise<{ inserted: number; updated: number; removed: number; alreadyDecided: number }>;
  getPair(id: string): Promise<ResolutionPair | undefined>;
  /** Pending pairs by uncertainty (|probability - 0.5| ascending), decided ones newest first. */
  listPairs(filter: { status: ResolutionPairStatus; entityId?: string }): Promise<ResolutionPair[]>;
  /**
   * Records a decision on a pair whose status is still `from`; STORE_VERSION_CONFLICT when
   * someone else decided it first, STORE_NOT_FOUND when there is no such pair.
   */
  decidePair(
    id: string,
    from: ResolutionPairStatus,
    decision: { status: ResolutionPairStatus; decidedBy: string; decidedAt: string; note: string | null; mergeId: string | null },
  ): Promise<void>;
  /** Confirmed (match) and rejected or split (non-match) pairs, for training. */
  labels(): Promise<{ leftId: string; rightId: string; match: boolean; mergeId: string | null }[]>;
  createMerge(merge: EntityMerge): Promise<void>;
  getMerge(id: string): Promise<EntityMerge | undefined>;
  /** Active merges: into the entity (as survivor) and of it (as merged, at most one). */
  mergesOf(entityId: string): Promise<{ into: EntityMerge[]; of: EntityMerge | undefined }>;
  /** Ids of every entity that is an active tombstone. */
  mergedIds(): Promise<string[]>;
  /** STORE_VERSION_CONFLICT unless the merge is still active. */
  markUndone(id: string, undoneBy: string, undoneAt: string): Promise<void>;
  /** Case links of an entity (a case's non-subject entities), for repointing. */
  linksOfEntity(entityId: string): Promise<CaseEntityLink[]>;
}

// ---- cross-border matching and gradual disclosure (src/app/cross-border-service.ts) ----

/** One version of the trilateral linkage secret; `sealed` is opaque to the store (sealed by the node's keystore). */
export interface LinkageSecretRecord {
  version: number;
  /** 32 lowercase hex digits: safe to show and to send */
  fingerprint: string;
  sealed: string;
  createdAt: string;
  createdBy: string;
  /** when a newer version replaced it; null for the active one */
  retiredAt: string | null;
}

export type CrossBorderKindName = 'Person' | 'Phone' | 'Organization';
export type CrossBorderQueryStatus = 'sent' | 'answered' | 'secret_mismatch' | 'failed';

/**
 * One MatchQuery of a check: sent by this node to a peer, or received from a peer and
 * answered. A check larger than one message has several, sharing `checkId` (one check to one
 * peer), numbered `partIndex` 0..`partCount`-1.
 */
export interface CrossBorderQuery {
  queryId: string;
  checkId: string;
  partIndex: number;
  partCount: number;
  peerNode: string;
  direction: 'sent' | 'received';
  secretFingerprint: string;
  records: number;
  hits: number;
  status: CrossBorderQueryStatus;
  createdAt: string;
  answeredAt: string | null;
  /** the person who ran the check (sent), null for checks received */
  requestedBy: string | null;
}

/**
 * A check as people see it: the parts of one check with one peer in one direction, summed.
 * Its status is `secret_mismatch` when a part says so, else `failed` when a part failed,
 * else `answered` when every part (all `partCount` of them) is answered, else `sent`.
 */
export interface CrossBorderCheck {
  checkId: string;
  peerNode: string;
  direction: 'sent' | 'received';
  secretFingerprint: string;
  /** encodings in all the parts recorded */
  records: number;
  hits: number;
  status: CrossBorderQueryStatus;
  /** parts recorded, and parts the check has */
  parts: number;
  partCount: number;
  answeredParts: number;
  /** the earliest part's */
  createdAt: string;
  /** the latest part's answer, once the check is no longer `sent` */
  answeredAt: string | null;
  requestedBy: string | null;
}

/** This node's opaque reference to one of its entities, valid in one check only. */
export interface CrossBorderRef {
  ref: string;
  queryId: string;
  entityId: string;
  kind: CrossBorderKindName;
}

/** A hit seen from this node: `asked` when this node sent the check, `answered` when it answered it. */
export interface CrossBorderHit {
  id: string;
  queryId: string;
  peerNode: string;
  side: 'asked' | 'answered';
  localEntityId: string;
  localRef: string;
  remoteRef: string;
  kind: CrossBorderKindName;
  score: number;
  createdAt: string;
}

export interface LegalBasisRecord {
  kind: 'treaty' | 'mlat' | 'domestic_law' | 'court_order' | 'consent' | 'vital_interest';
  reference: string;
}

export interface DisclosureContact {
  agency: string;
  country: string;
  name: string;
  email: string | null;
}

/** A disclosure request: `outgoing` when this node asked, `incoming` when a peer asks this node. Its id is the request id. */
export interface DisclosureRecord {
  id: string;
  hitId: string;
  direction: 'outgoing' | 'incoming';
  peerNode: string;
  level: 'contact' | 'fields';
  fields: string[];
  legalBasis: LegalBasisRecord;
  purpose: string;
  caseReference: string | null;
  /** who asked: a person of this node (outgoing) or `peer:<node>` (incoming) */
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'refused';
  decision: DisclosureDecisionRecord | null;
}

export interface DisclosureDecisionRecord {
  level: 'existence' | 'contact' | 'fields';
  legalBasis: LegalBasisRecord;
  reason: string;
  contact: DisclosureContact | null;
  disclosed: { schema: string; properties: Record<string, string[]> } | null;
  /** who decided: a person of this node (incoming) or `peer:<node>` (outgoing) */
  decidedBy: string;
  decidedAt: string;
}

export interface CrossBorderHitFilter {
  kind?: CrossBorderKindName;
  peerNode?: string;
  minScore?: number;
  queryId?: string;
  /** the hits of every part of a check (with peerNode: of that peer's check only) */
  checkId?: string;
  localEntityId?: string;
  limit?: number;
  offset?: number;
}

export interface CrossBorderRepository {
  /**
   * Stores a new version of the secret as the active one (version = previous + 1) and retires
   * the version that was active, at `createdAt`.
   */
  addSecret(secret: { fingerprint: string; sealed: string; createdAt: string; createdBy: string }): Promise<LinkageSecretRecord>;
  activeSecret(): Promise<LinkageSecretRecord | undefined>;
  /** Every version, newest first. */
  listSecrets(): Promise<LinkageSecretRecord[]>;

  /** STORE_DUPLICATE when the query id exists, or when that peer's check in that direction has that part already. */
  createQuery(query: CrossBorderQuery): Promise<void>;
  getQuery(queryId: string): Promise<CrossBorderQuery | undefined>;
  /** STORE_NOT_FOUND when there is no such query. */
  updateQuery(queryId: string, patch: Partial<Pick<CrossBorderQuery, 'status' | 'hits' | 'answeredAt' | 'secretFingerprint'>>): Promise<void>;
  /** Every part, newest first. */
  listQueries(filter: { direction?: 'sent' | 'received'; peerNode?: string; limit?: number; offset?: number }): Promise<Page<CrossBorderQuery>>;
  /** The parts recorded of one check with one peer in one direction, by part index. */
  checkParts(checkId: string, peerNode: string, direction: 'sent' | 'received'): Promise<CrossBorderQuery[]>;
  /** Checks (parts summed, one per check, peer and direction), newest first; `total` counts checks. */
  listChecks(filter: { direction?: 'sent' | 'received'; peerNode?: string; limit?: number; offset?: number }): Promise<Page<CrossBorderCheck>>;

  /** STORE_DUPLICATE when a reference exists (references are random: a duplicate is a bug). */
  addRefs(refs: CrossBorderRef[]): Promise<void>;
  /** The references of a query among `refs` (all of the query's when `refs` is absent). */
  getRefs(queryId: string, refs?: string[]): Promise<CrossBorderRef[]>;

  /** Adds the hits not yet recorded (same query, local and remote reference: kept as it was); returns the hits of those triples as stored. */
  addHits(hits: CrossBorderHit[]): Promise<{ inserted: number; hits: CrossBorderHit[] }>;
  getHit(id: string): Promise<CrossBorderHit | undefined>;
  findHit(queryId: string, localRef: string, remoteRef: string): Promise<CrossBorderHit | undefined>;
  /** Best score first (then newest, then id). */
  listHits(filter: CrossBorderHitFilter): Promise<Page<CrossBorderHit>>;

  /** STORE_DUPLICATE when the id exists. */
  createDisclosure(d: DisclosureRecord): Promise<void>;
  getDisclosure(id: string): Promise<DisclosureRecord | undefined>;
  /**
   * Records the decision of a request that is still pending; STORE_VERSION_CONFLICT when it was
   * decided already, STORE_NOT_FOUND when there is no such request.
   */
  decideDisclosure(id: string, status: 'approved' | 'refused', decision: DisclosureDecisionRecord): Promise<void>;
  /** Newest first. */
  listDisclosures(filter: { direction?: 'outgoing' | 'incoming'; status?: DisclosureRecord['status']; hitIds?: string[]; limit?: number; offset?: number }): Promise<Page<DisclosureRecord>>;
}
