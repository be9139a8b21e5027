/**
 * Cross-border matching and gradual disclosure as people use it (docs/protocol/matching.md).
 *
 * A node marks people, phones and organisations for the check. Running the check encodes
 * them as CLKs under the trilateral linkage secret and sends one MatchQuery per partner; the
 * partner answers with hits only (scores and opaque references, new for every check). Either
 * side may then ask the owner of a reference for more: first the owning agency's contact,
 * then chosen fields, each time under a recorded legal basis; at the owner, a liaison officer
 * who may see the record, or an investigator or inspector of the record's owning agency who
 * may see it, approves (possibly less) or refuses (policy.ts: disclosureRequestSight). Raw
 * personal data leaves the node only in an approved DisclosureDecision, with only the
 * approved fields. Every step is a signed message and an audit entry on both sides. The
 * inbox handlers are in cross-border-handlers.ts.
 *
 * The secret is sealed by the node (its keystore) before it reaches the store: this module
 * only sees the `SecretSealer` port.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { AlianzaError, localise, type Catalogue } from '../domain/errors';
import type { Actor, Entity, Locale } from '../domain/model';
import { assertCan, can, canWriteEntities, disclosureRequestSight, type DisclosureSight } from '../domain/policy';
import { getSchema } from '../domain/schema-registry';
import { SYSTEM, type AuditActor } from '../federation/audit';
import type { Json } from '../federation/canonical-json';
import { MAX_PLAINTEXT_BYTES } from '../federation/constants';
import type { Audience, MessageType } from '../federation/envelope';
import type { Federation } from '../federation/federation-node';
import { DISCLOSURE_HANDLING, MATCH_HANDLING, MATCH_LIMITS, readMatchPayload } from '../federation/match-messages';
import type { OutboxRecord, OutboxStatus, PeerRepository } from '../federation/ports';
import {
  band,
  CROSS_BORDER_SCHEMA_ID,
  CROSS_BORDER_THRESHOLD,
  createCrossBorderEncoder,
  secretFingerprint,
  validateLinkageSecret,
  type CrossBorderKind,
  type EncodedSubject,
} from '../linkage/pprl/cross-border-encoding';
import type {
  CrossBorderCheck,
  CrossBorderHit,
  CrossBorderQuery,
  CrossBorderRepository,
  DisclosureRecord,
  LegalBasisRecord,
  LinkageSecretRecord,
  Repositories,
} from '../store/ports';
import { StoreError } from '../store/ports';
import { audit } from './audit';
import { crossBorderErrors } from './cross-border-errors';
import type { AppContext } from './context';
import { entityAccess, readEntity, type EntityDetailBundle } from './entity-service';
import { presentEntityFor } from './visibility';

export type CrossBorderActor = Actor & { email?: string };

/** Seals the linkage secret for the store and opens it again (the node's keystore; never in src/app). */
export interface SecretSealer {
  seal(secret: Uint8Array): string;
  open(sealed: string): Uint8Array;
}

/** What the services need of the node's federation. */
export interface CrossBorderAccess {
  federation: Pick<Federation, 'sharing'>;
  peers: Pick<PeerRepository, 'list' | 'get'>;
  sealer: SecretSealer;
  /** for the state of the checks sent (a MatchQuery that could not be delivered) */
  outbox?: { list(filter: { status?: OutboxStatus[] }): Promise<OutboxRecord[]> };
  /** encodings in one MatchQuery (default MATCH_PART_RECORDS); a check with more is sent in several parts */
  partSize?: number;
}

export const CROSS_BORDER_KINDS: readonly CrossBorderKind[] = ['Person', 'Phone', 'Organization'];
export const LEGAL_BASIS_KINDS: readonly LegalBasisRecord['kind'][] = ['treaty', 'mlat', 'domestic_law', 'court_order', 'consent', 'vital_interest'];
/** Legal bases under which a victim's identity fields may leave the node. */
export const VICTIM_IDENTITY_BASES: readonly LegalBasisRecord['kind'][] = ['consent', 'vital_interest'];
export const MAX_DISCLOSURE_FIELDS = 20;
const MAX_PURPOSE = 1000;
const MAX_REASON = 2000;
const MAX_REFERENCE = 500;
const MAX_CASE_REFERENCE = 100;
/** The lowest threshold a check asks for; each kind's own threshold applies on top (compareWith). */
export const QUERY_THRESHOLD = Math.min(...Object.values(CROSS_BORDER_THRESHOLD));
/**
 * Encodings in one MatchQuery: about 360,000 bytes of payload (some 240 bytes an encoding),
 * well under the 524,288-byte limit of one message. A check with more is split in parts.
 */
export const MATCH_PART_RECORDS = 1500;
const LIST_WINDOW = 5000;
const PAGE = 500;

// ---- small helpers ---------------------------------------------------------------------

export function crossBorderOf(r: Pick<Repositories, 'crossBorder'>): CrossBorderRepository {
  if (!r.crossBorder) throw new AlianzaError('INTERNAL');
  return r.crossBorder;
}

export const isCrossBorderKind = (schema: string): schema is CrossBorderKind => (CROSS_BORDER_KINDS as readonly string[]).includes(schema);

/** A fresh opaque reference: 16 random bytes, 22 characters of base64url. */
export const newRef = (): string => randomBytes(16).toString('base64url');

const actorLabel = (actor: CrossBorderActor): string => actor.email ?? actor.displayName;
export const auditActorOf = (actor: CrossBorderActor | null): AuditActor => (actor ? { actorId: actor.userId, actorLabel: actorLabel(actor) } : SYSTEM);

const now = (ctx: Pick<AppContext, 'clock'>): string => ctx.clock.now().toISOString();

/** May read hits and disclosures: whoever runs checks or asks for / decides disclosures. */
export const canSeeCrossBorder = (actor: Actor): boolean => can(actor, 'crossborder.check') || can(actor, 'disclosure.request') || can(actor, 'disclosure.decide');

function requireSee(actor: Actor): void {
  if (!canSeeCrossBorder(actor)) throw new AlianzaError('POLICY_DENIED', { action: 'crossborder.check' });
}

/**
 * Who may see a cross-border message at the recipient node: its liaison office. AMBER needs a
 * named agency, and the sender does not know the recipient's agency codes; the handlers act
 * for the node as a whole and show these messages only through the cross-border pages.
 */
export const CROSS_BORDER_AUDIENCE: Audience = Object.freeze({ agencies: ['LIAISON'], persons: [] }) as Audience;

/** Sends one cross-border message through the sharing rule (the handling is checked there). */
export async function sendCrossBorder(
  federation: Pick<Federation, 'sharing'>,
  to: string,
  type: MessageType,
  payload: object,
  actor: AuditActor,
): Promise<OutboxRecord> {
  const checked = readMatchPayload(type, payload);
  if (!checked.ok) throw new AlianzaError(checked.code, checked.params);
  const handling = type === 'MatchQuery' || type === 'MatchResult' ? MATCH_HANDLING : DISCLOSURE_HANDLING;
  return federation.sharing.share({ to, type, payload: payload as Record<string, Json>, handling, audience: CROSS_BORDER_AUDIENCE, actor });
}

/** The canonical size of a payload (ASCII-only payloads: the JSON text length is close enough). */
export const payloadBytes = (payload: object): number => Buffer.byteLength(JSON.stringify(payload), 'utf8');

// ---- the linkage secret ------------------------------------------------------------------

export interface LinkageSecretStatusView {
  configured: boolean;
  version: number | null;
  fingerprint: string | null;
  setAt: string | null;
  previous: { version: number; fingerprint: string; retiredAt: string }[];
}

/** The bytes of a secret written in base64 (standard or URL-safe, padding optional), as `secret generate` prints it. */
export function parseLinkageSecretText(text: string): Uint8Array {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t.length === 0) throw new AlianzaError('PPRL_SECRET_EMPTY');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t) || t.replace(/=+$/, '').length % 4 === 1) throw new AlianzaError('CROSSBORDER_SECRET_NOT_BASE64');
  const bytes = Uint8Array.from(Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  validateLinkageSecret(bytes);
  return bytes;
}

/** A fresh random 32-byte secret in base64, to share with the partners out of band. */
export const generateLinkageSecret = (): string => randomBytes(32).toString('base64');

function statusOf(versions: LinkageSecretRecord[]): LinkageSecretStatusView {
  const active = versions.find((v) => v.retiredAt === null);
  return {
    configured: active !== undefined,
    version: active?.version ?? null,
    fingerprint: active?.fingerprint ?? null,
    setAt: active?.createdAt ?? null,
    previous: versions.filter((v) => v.retiredAt !== null).map((v) => ({ version: v.version, fingerprint: v.fingerprint, retiredAt: v.retiredAt! })),
  };
}

/**
 * Stores `secret` as the active version of the linkage secret (the previous one is retired:
 * hits found under it stay, new checks use the new one). `actor` null: the command line,
 * or the demo set-up. Audited (crossborder.secret.set) with the fingerprint, never the secret.
 */
export async function setLinkageSecret(
  ctx: AppContext,
  sealer: Pick<SecretSealer, 'seal'>,
  actor: CrossBorderActor | null,
  secret: Uint8Array,
  by = 'cli',
): Promise<LinkageSecretStatusView> {
  if (actor && !can(actor, 'agencies.manage')) throw new AlianzaError('POLICY_DENIED', { action: 'crossborder.secret.set' });
  validateLinkageSecret(secret);
  const fingerprint = secretFingerprint(secret);
  const sealed = sealer.seal(secret);
  return ctx.store.transaction(async (tx) => {
    const repo = crossBorderOf(tx);
    const before = await repo.activeSecret();
    const record = await repo.addSecret({ fingerprint, sealed, createdAt: now(ctx), createdBy: actor ? actorLabel(actor) : by });
    await audit(tx, ctx.clock, actor, {
      action: 'crossborder.secret.set',
      targetType: 'linkage_secret',
      targetId: String(record.version),
      detail: { version: record.version, fingerprint, previous: before ? { version: before.version, fingerprint: before.fingerprint } : null, by: actor ? null : by },
    });
    return statusOf(await repo.listSecrets());
  });
}

/** The state of the secret (admins and liaison officers): versions and fingerprints, never the secret. */
export async function linkageSecretStatus(ctx: AppContext, actor: CrossBorderActor | null): Promise<LinkageSecretStatusView> {
  if (actor && !can(actor, 'agencies.manage') && !can(actor, 'federation.share')) throw new AlianzaError('POLICY_DENIED', { action: 'crossborder.secret.read' });
  return statusOf(await crossBorderOf(ctx.store).listSecrets());
}

/** The active secret, opened; CROSSBORDER_SECRET_MISSING when none is set. */
export async function activeLinkageSecret(repos: Pick<Repositories, 'crossBorder'>, sealer: Pick<SecretSealer, 'open'>): Promise<{ record: LinkageSecretRecord; secret: Uint8Array } | null> {
  const record = await crossBorderOf(repos).activeSecret();
  if (!record) return null;
  let secret: Uint8Array;
  try {
    secret = sealer.open(record.sealed);
  } catch {
    throw new AlianzaError('CROSSBORDER_SECRET_UNREADABLE');
  }
  if (secretFingerprint(secret) !== record.fingerprint) throw new AlianzaError('CROSSBORDER_SECRET_UNREADABLE');
  return { record, secret };
}

// ---- the node's marked entities ----------------------------------------------------------

/** Every marked person, phone and organisation, merged tombstones left out. */
export async function markedEntities(repos: Pick<Repositories, 'entities' | 'resolution'>): Promise<Entity[]> {
  const merged = new Set((await repos.resolution?.mergedIds()) ?? []);
  const out: Entity[] = [];
  for (const kind of CROSS_BORDER_KINDS) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await repos.entities.list({ schema: kind, crossBorderCheck: true, limit: PAGE, offset });
      out.push(...page.items.filter((e) => !merged.has(e.id)));
      if (page.items.length < PAGE) break;
    }
  }
  return out;
}

/**
 * Encodings already made, by entity: a check in many parts is answered part by part, and the
 * answering node would otherwise encode all its marked entities again for every part. An
 * entry holds only while the entity's kind and values are the same and the secret is.
 */
export class EncodingCache {
  private fingerprint = '';
  private readonly byEntity = new Map<string, { key: string; clk: Uint8Array | null }>();

  constructor(private readonly maxEntries = 200_000) {}

  /** The encoder for `secret`, remembering its encodings (forgetting those of another secret). */
  encoderFor(secret: Uint8Array): (e: Entity & { schema: CrossBorderKind }) => Uint8Array | null {
    const fingerprint = secretFingerprint(secret);
    if (fingerprint !== this.fingerprint) {
      this.byEntity.clear();
      this.fingerprint = fingerprint;
    }
    const encoder = createCrossBorderEncoder(secret);
    return (e) => {
      const key = `${e.schema}\u0000${JSON.stringify(e.properties)}`;
      const known = this.byEntity.get(e.id);
      if (known && known.key === key) return known.clk;
      const clk = encoder.encode(e.schema, e.properties);
      if (this.byEntity.size >= this.maxEntries) this.byEntity.clear();
      this.byEntity.set(e.id, { key, clk });
      return clk;
    };
  }

  get size(): number {
    return this.byEntity.size;
  }
}

/** The encodings of the marked entities under `secret`, each with a fresh reference. */
export function encodeEntities(secret: Uint8Array, entities: readonly Entity[], cache: EncodingCache = new EncodingCache()): { subject: EncodedSubject; entityId: string }[] {
  const encode = cache.encoderFor(secret);
  const out: { subject: EncodedSubject; entityId: string }[] = [];
  for (const e of entities) {
    if (!isCrossBorderKind(e.schema)) continue;
    const clk = encode(e as Entity & { schema: CrossBorderKind });
    if (clk) out.push({ subject: { ref: newRef(), kind: e.schema, clk }, entityId: e.id });
  }
  return out;
}

/** Marks or unmarks an entity for the cross-border check (entity.write on that entity); the entity as the user sees it. */
export async function markEntity(ctx: AppContext, actor: CrossBorderActor, id: string, check: boolean): Promise<EntityDetailBundle> {
  await ctx.store.transaction(async (tx) => {
    const entity = await tx.entities.get(id);
    if (!entity) throw new AlianzaError('ENTITY_NOT_FOUND');
    const access = await entityAccess(tx, actor, id);
    if (!access.visible) throw new AlianzaError('ENTITY_NOT_FOUND');
    if (access.hideIdentity || !canWriteEntities(actor)) throw new AlianzaError('FORBIDDEN');
    if (check && !isCrossBorderKind(entity.schema)) throw new AlianzaError('CROSSBORDER_KIND_NOT_SUPPORTED', { schema: entity.schema });
    if (entity.crossBorderCheck === check) return;
    const next: Entity = { ...entity, crossBorderCheck: check, updatedAt: now(ctx), version: entity.version + 1 };
    try {
      await tx.entities.update(next, entity.version);
    } catch (e) {
      if (e instanceof StoreError && e.code === 'STORE_VERSION_CONFLICT') throw new AlianzaError('ENTITY_VERSION_CONFLICT');
      throw e;
    }
    await audit(tx, ctx.clock, actor, { action: 'entity.crossborder.mark', targetType: 'entity', targetId: id, detail: { check, schema: entity.schema } });
  });
  return readEntity(ctx, actor, id);
}

// ---- views -------------------------------------------------------------------------------

export interface CrossBorderCheckView {
  /** the check's id: the `part.checkId` of all its MatchQuery messages (one check, one partner) */
  queryId: string;
  peerNode: string;
  peerCountry: string;
  direction: 'sent' | 'received';
  status: 'sent' | 'answered' | 'secret_mismatch' | 'failed';
  records: number;
  hits: number;
  parts: { total: number; answered: number };
  createdAt: string;
  answeredAt: string | null;
  requestedBy: string | null;
}

export interface LocalRef {
  entityId: string;
  caption: string;
  schema: string;
}

export interface CrossBorderHitView {
  id: string;
  queryId: string;
  peerNode: string;
  peerCountry: string;
  kind: CrossBorderKind;
  score: number;
  band: 'strong' | 'possible';
  local: LocalRef;
  remoteRef: string;
  createdAt: string;
  disclosure: { id: string; direction: 'outgoing' | 'incoming'; status: DisclosureRecord['status']; level: DisclosureLevel } | null;
}

export type DisclosureLevel = 'existence' | 'contact' | 'fields';

export interface DisclosureView {
  id: string;
  hitId: string;
  direction: 'outgoing' | 'incoming';
  peerNode: string;
  peerCountry: string;
  kind: CrossBorderKind;
  score: number;
  local: LocalRef | null;
  requested: { level: 'contact' | 'fields'; fields: string[]; legalBasis: LegalBasisRecord; purpose: string; caseReference: string | null; by: string; at: string };
  status: DisclosureRecord['status'];
  decision: {
    level: DisclosureLevel;
    legalBasis: LegalBasisRecord;
    reason: string;
    by: string;
    at: string;
    contact: { agency: string; country: string; name: string; email: string | null } | null;
    disclosed: { schema: string; properties: Record<string, string[]> } | null;
  } | null;
  availableFields: string[];
  canDecide: boolean;
  /** incoming: why this viewer sees the request without this node's record ('hidden_case'), or null */
  restricted: 'hidden_case' | null;
  /** a sentence in the viewer's language when the record is withheld from them or gone, else null */
  notice: string | null;
}

/** Sentences shown with a request whose record the viewer may not see, in English, French and Spanish. */
export const disclosureNotices = {
  DISCLOSURE_RESTRICTED_CASE: {
    en: 'The record this request is about is in a restricted case that you may not see. The agency that owns the record decides the request; its investigators and inspectors find it under Disclosures, Incoming.',
    fr: 'La fiche visée par cette demande figure dans une affaire à diffusion restreinte que vous ne pouvez pas voir. L’organisme qui détient la fiche décide de la demande ; ses enquêteurs et inspecteurs la trouvent sous Divulgations, Reçues.',
    es: 'El registro al que se refiere esta solicitud está en un caso restringido que usted no puede ver. La agencia propietaria del registro decide la solicitud; sus investigadores e inspectores la encuentran en Revelaciones, Recibidas.',
  },
} satisfies Catalogue;

/** The entity a reference points to now: a merged record is followed to the record that holds it. */
export async function currentEntity(repos: Pick<Repositories, 'entities' | 'resolution'>, id: string): Promise<Entity | undefined> {
  let entityId = id;
  for (let i = 0; i < 5; i++) {
    const of = (await repos.resolution?.mergesOf(entityId))?.of;
    if (!of) break;
    entityId = of.survivorId;
  }
  return repos.entities.get(entityId);
}

/** How one person sees this node's entities (cached per request). */
class LocalSight {
  private readonly seen = new Map<string, Promise<{ entity: Entity; local: LocalRef } | null>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly actor: CrossBorderActor,
  ) {}

  /** The entity as this person may see it; null when it is hidden from them (or gone). */
  of(entityId: string): Promise<{ entity: Entity; local: LocalRef } | null> {
    let p = this.seen.get(entityId);
    if (!p) {
      p = (async () => {
        const entity = await currentEntity(this.ctx.store, entityId);
        if (!entity) return null;
        const access = await entityAccess(this.ctx.store, this.actor, entity.id);
        if (!access.visible) return null;
        const shown = presentEntityFor(this.ctx, entity, access.hideIdentity, this.actor.locale).entity;
        return { entity, local: { entityId: entity.id, caption: shown.caption, schema: entity.schema } };
      })();
      this.seen.set(entityId, p);
    }
    return p;
  }
}

async function peerCountries(access: Pick<CrossBorderAccess, 'peers'>): Promise<Map<string, string>> {
  return new Map((await access.peers.list()).map((p) => [p.node, p.country]));
}

/** Properties that may be disclosed: values a person recorded (no references to other records, no free-text notes). */
export function disclosableProperty(schema: string, property: string): boolean {
  const spec = getSchema(schema)?.properties[property];
  return spec !== undefined && spec.type !== 'entity' && spec.type !== 'text';
}

/** Identity fields of a victim: every property the pseudonymised view drops or cuts down. */
export function isIdentityProperty(schema: string, property: string): boolean {
  const spec = getSchema(schema)?.properties[property];
  return spec !== undefined && spec.redaction !== 'keep';
}

export const availableFields = (entity: Entity): string[] =>
  Object.entries(entity.properties)
    .filter(([name, values]) => values.length > 0 && disclosableProperty(entity.schema, name))
    .map(([name]) => name)
    .sort();

/** A check with one partner, all its parts summed; its id is the check id its parts carry. */
function checkView(q: CrossBorderCheck, countries: Map<string, string>, failed: Set<string>): CrossBorderCheckView {
  return {
    queryId: q.checkId,
    peerNode: q.peerNode,
    peerCountry: countries.get(q.peerNode) ?? '',
    direction: q.direction,
    status: q.status === 'sent' && q.direction === 'sent' && failed.has(q.checkId) ? 'failed' : q.status,
    records: q.records,
    hits: q.hits,
    parts: { total: q.partCount, answered: q.answeredParts },
    createdAt: q.createdAt,
    answeredAt: q.answeredAt,
    requestedBy: q.requestedBy,
  };
}

/** Ids of the checks of which a MatchQuery (one part is enough) could not be delivered. */
async function failedChecks(access: Pick<CrossBorderAccess, 'outbox'>): Promise<Set<string>> {
  if (!access.outbox) return new Set();
  const failed = await access.outbox.list({ status: ['failed'] });
  const ids = failed
    .filter((r) => r.type === 'MatchQuery')
    .map((r) => {
      const payload = r.message?.payload as { queryId?: unknown; part?: { checkId?: unknown } } | undefined;
      // a check of one part sent before parts existed: its check id is its query id
      return payload?.part?.checkId ?? payload?.queryId;
    });
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
}

// ---- running a check -------------------------------------------------------------------

/**
 * Encodes this node's marked people, phones and organisations under the active secret and
 * sends them to each partner (all of them unless `peers` names some): one check per partner,
 * in as many MatchQuery messages (parts) as needed, each with at most `access.partSize`
 * encodings. One transaction: the checks, the references and the queued messages are all
 * there or none.
 */
export async function runCheck(ctx: AppContext, access: CrossBorderAccess, actor: CrossBorderActor, peers?: string[]): Promise<CrossBorderCheckView[]> {
  assertCan(actor, 'crossborder.check');
  const opened = await activeLinkageSecret(ctx.store, access.sealer);
  if (!opened) throw new AlianzaError('CROSSBORDER_SECRET_MISSING');
  const known = await access.peers.list();
  if (known.length === 0) throw new AlianzaError('CROSSBORDER_NO_PEERS');
  const targets = peers === undefined ? known.map((p) => p.node) : [...new Set(peers)];
  for (const node of targets) if (!known.some((p) => p.node === node)) throw new AlianzaError('CROSSBORDER_PEER_NOT_FOUND', { node });
  if (targets.length === 0) throw new AlianzaError('CROSSBORDER_NO_PEERS');

  const entities = await markedEntities(ctx.store);
  const encodedOnce = encodeEntities(opened.secret, entities);
  if (encodedOnce.length === 0) throw new AlianzaError('CROSSBORDER_NOTHING_MARKED');
  const partSize = Math.max(1, Math.floor(access.partSize ?? MATCH_PART_RECORDS));
  const partCount = Math.ceil(encodedOnce.length / partSize);
  if (partCount > MATCH_LIMITS.maxParts) throw new AlianzaError('CROSSBORDER_TOO_MANY_RECORDS', { count: encodedOnce.length, max: MATCH_LIMITS.maxParts * partSize });

  const at = now(ctx);
  const checks = targets.map((node) => {
    // fresh references for every partner: two partners cannot join their answers on them
    const encoded = encodedOnce.map((e) => ({ ...e, subject: { ...e.subject, ref: newRef() } }));
    const checkId = randomUUID();
    const parts = Array.from({ length: partCount }, (_, index) => {
      const slice = encoded.slice(index * partSize, (index + 1) * partSize);
      const payload = {
        queryId: randomUUID(),
        part: { checkId, index, count: partCount },
        schemaId: CROSS_BORDER_SCHEMA_ID,
        secretFingerprint: opened.record.fingerprint,
        threshold: QUERY_THRESHOLD,
        records: slice.map((e) => ({ ref: e.subject.ref, kind: e.subject.kind, clk: Buffer.from(e.subject.clk).toString('base64') })),
      };
      return { encoded: slice, payload };
    });
    return { node, checkId, encoded, parts };
  });
  const limit = MAX_PLAINTEXT_BYTES - 4096;
  for (const part of checks[0]!.parts) {
    const size = payloadBytes(part.payload);
    if (size > limit) throw new AlianzaError('CROSSBORDER_TOO_MANY_RECORDS', { count: part.encoded.length, max: Math.floor((part.encoded.length * limit) / size) });
  }

  const countries = new Map(known.map((p) => [p.node, p.country]));
  return ctx.store.transaction(async (tx) => {
    const repo = crossBorderOf(tx);
    const views: CrossBorderCheckView[] = [];
    for (const c of checks) {
      const envelopeIds: string[] = [];
      for (const part of c.parts) {
        const query: CrossBorderQuery = {
          queryId: part.payload.queryId,
          checkId: c.checkId,
          partIndex: part.payload.part.index,
          partCount,
          peerNode: c.node,
          direction: 'sent',
          secretFingerprint: opened.record.fingerprint,
          records: part.encoded.length,
          hits: 0,
          status: 'sent',
          createdAt: at,
          answeredAt: null,
          requestedBy: actorLabel(actor),
        };
        await repo.createQuery(query);
        await repo.addRefs(part.encoded.map((e) => ({ ref: e.subject.ref, queryId: query.queryId, entityId: e.entityId, kind: e.subject.kind })));
        envelopeIds.push((await sendCrossBorder(access.federation, c.node, 'MatchQuery', part.payload, auditActorOf(actor))).id);
      }
      const byKind: Record<string, number> = {};
      for (const e of c.encoded) byKind[e.subject.kind] = (byKind[e.subject.kind] ?? 0) + 1;
      await audit(tx, ctx.clock, actor, {
        action: 'crossborder.check.sent',
        targetType: 'crossborder_check',
        targetId: c.checkId,
        detail: {
          to: c.node,
          records: c.encoded.length,
          byKind,
          parts: partCount,
          queryIds: c.parts.map((p) => p.payload.queryId),
          secretFingerprint: opened.record.fingerprint,
          secretVersion: opened.record.version,
          envelopeIds,
          marked: entities.length,
        },
      });
      const check: CrossBorderCheck = {
        checkId: c.checkId,
        peerNode: c.node,
        direction: 'sent',
        secretFingerprint: opened.record.fingerprint,
        records: c.encoded.length,
        hits: 0,
        status: 'sent',
        parts: partCount,
        partCount,
        answeredParts: 0,
        createdAt: at,
        answeredAt: null,
        requestedBy: actorLabel(actor),
      };
      views.push(checkView(check, countries, new Set()));
    }
    return views;
  });
}

/** The checks sent and answered by this node, newest first: one per check and partner, its parts summed. */
export async function listChecks(
  ctx: AppContext,
  access: Pick<CrossBorderAccess, 'peers' | 'outbox'>,
  actor: CrossBorderActor,
  q: { direction?: 'sent' | 'received'; peer?: string; limit: number; offset: number },
): Promise<{ items: CrossBorderCheckView[]; total: number }> {
  requireSee(actor);
  const page = await crossBorderOf(ctx.store).listChecks({ direction: q.direction, peerNode: q.peer, limit: q.limit, offset: q.offset });
  const [countries, failed] = await Promise.all([peerCountries(access), failedChecks(access)]);
  return { items: page.items.map((x) => checkView(x, countries, failed)), total: page.total };
}

// ---- hits ----------------------------------------------------------------------------------

async function latestDisclosures(repos: Pick<Repositories, 'crossBorder'>, hitIds: string[]): Promise<Map<string, DisclosureRecord>> {
  const all = await crossBorderOf(repos).listDisclosures({ hitIds });
  const out = new Map<string, DisclosureRecord>();
  for (const d of all.items) if (!out.has(d.hitId)) out.set(d.hitId, d); // newest first
  return out;
}

/** The check each part belongs to, by query id. */
async function checkIdsOf(repos: Pick<Repositories, 'crossBorder'>, queryIds: string[]): Promise<Map<string, string>> {
  const repo = crossBorderOf(repos);
  const out = new Map<string, string>();
  for (const id of new Set(queryIds)) out.set(id, (await repo.getQuery(id))?.checkId ?? id);
  return out;
}

function hitView(h: CrossBorderHit, checkId: string, local: LocalRef, countries: Map<string, string>, d: DisclosureRecord | undefined): CrossBorderHitView {
  return {
    id: h.id,
    queryId: checkId,
    peerNode: h.peerNode,
    peerCountry: countries.get(h.peerNode) ?? '',
    kind: h.kind,
    score: h.score,
    band: band(h.score, h.kind),
    local,
    remoteRef: h.remoteRef,
    createdAt: h.createdAt,
    disclosure: d ? { id: d.id, direction: d.direction, status: d.status, level: d.decision?.level ?? d.level } : null,
  };
}

/** Hits on both sides, best score first, each with this node's entity as this person may see it. */
export async function listHits(
  ctx: AppContext,
  access: Pick<CrossBorderAccess, 'peers'>,
  actor: CrossBorderActor,
  q: { kind?: CrossBorderKind; peer?: string; minScore?: number; limit: number; offset: number },
): Promise<{ items: CrossBorderHitView[]; total: number }> {
  requireSee(actor);
  const all = await crossBorderOf(ctx.store).listHits({ kind: q.kind, peerNode: q.peer, minScore: q.minScore, limit: LIST_WINDOW });
  const sight = new LocalSight(ctx, actor);
  const visible: { hit: CrossBorderHit; local: LocalRef }[] = [];
  for (const hit of all.items) {
    const seen = await sight.of(hit.localEntityId);
    if (seen) visible.push({ hit, local: seen.local });
  }
  const page = visible.slice(q.offset, q.offset + q.limit);
  const [countries, disclosures, checkIds] = await Promise.all([
    peerCountries(access),
    latestDisclosures(ctx.store, page.map((v) => v.hit.id)),
    checkIdsOf(ctx.store, page.map((v) => v.hit.queryId)),
  ]);
  await audit(ctx.store, ctx.clock, actor, {
    action: 'crossborder.hits.read',
    detail: { kind: q.kind ?? null, peer: q.peer ?? null, minScore: q.minScore ?? null, offset: q.offset, shown: page.length, hits: page.map((v) => v.hit.id) },
  });
  return { items: page.map((v) => hitView(v.hit, checkIds.get(v.hit.queryId) ?? v.hit.queryId, v.local, countries, disclosures.get(v.hit.id))), total: visible.length };
}

// ---- disclosures -------------------------------------------------------------------------

export interface DisclosureRequestInput {
  hitId: string;
  level: 'contact' | 'fields';
  fields: string[];
  legalBasis: LegalBasisRecord;
  purpose: string;
  caseReference?: string | null;
}

export interface DisclosureDecisionInput {
  decision: 'approved' | 'refused';
  level?: 'contact' | 'fields';
  fields?: string[];
  legalBasis: LegalBasisRecord;
  reason: string;
}

function checkText(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) throw new AlianzaError('DISCLOSURE_TEXT_INVALID', { field, max });
  return value;
}

export function checkLegalBasis(value: unknown): LegalBasisRecord {
  const b = value as Partial<LegalBasisRecord> | null;
  if (
    typeof b !== 'object' ||
    b === null ||
    !LEGAL_BASIS_KINDS.includes(b.kind as LegalBasisRecord['kind']) ||
    typeof b.reference !== 'string' ||
    b.reference.trim().length === 0 ||
    b.reference.length > MAX_REFERENCE
  ) {
    throw new AlianzaError('DISCLOSURE_LEGAL_BASIS_INVALID');
  }
  return { kind: b.kind as LegalBasisRecord['kind'], reference: b.reference };
}

const LEVEL_RANK: Record<DisclosureLevel, number> = { existence: 0, contact: 1, fields: 2 };

/** How the viewer sees a request: outgoing ones as whoever reads disclosures; incoming ones by the record they are about. */
interface RequestSight {
  access: DisclosureSight;
  hit: CrossBorderHit | undefined;
  /** the record now (a merged one followed), undefined when gone */
  entity: Entity | undefined;
  seen: { entity: Entity; local: LocalRef } | null;
}

async function requestSight(repos: Pick<Repositories, 'crossBorder' | 'entities' | 'resolution'>, actor: CrossBorderActor, d: DisclosureRecord, sight: LocalSight): Promise<RequestSight> {
  const hit = await crossBorderOf(repos).getHit(d.hitId);
  if (d.direction === 'outgoing') return { access: 'read', hit, entity: undefined, seen: null };
  const entity = hit ? await currentEntity(repos, hit.localEntityId) : undefined;
  const seen = entity ? await sight.of(entity.id) : null;
  return { access: disclosureRequestSight(actor, entity ?? null, seen !== null), hit, entity, seen };
}

const noticeOf = (code: keyof typeof disclosureNotices | 'DISCLOSURE_ENTITY_GONE', locale: Locale): string => localise([disclosureNotices, crossBorderErrors], code, locale);

/**
 * The view of a request as the viewer may see it. A stub (the liaison office, a record it may
 * not see) keeps what the partner asked, its legal basis and the state, never the record:
 * no caption, no fields, nothing of what was disclosed, and says who decides.
 */
function disclosureView(actor: CrossBorderActor, d: DisclosureRecord, seen: RequestSight, countries: Map<string, string>): DisclosureView {
  const { hit } = seen;
  const pending = d.direction === 'incoming' && d.status === 'pending';
  const stub = seen.access === 'stub';
  const local = d.direction === 'incoming' && !stub ? seen.seen : null;
  const gone = d.direction === 'incoming' && !seen.entity;
  return {
    id: d.id,
    hitId: d.hitId,
    direction: d.direction,
    peerNode: d.peerNode,
    peerCountry: countries.get(d.peerNode) ?? '',
    kind: hit?.kind ?? 'Person',
    score: hit?.score ?? 0,
    local: local?.local ?? null,
    requested: { level: d.level, fields: d.fields, legalBasis: d.legalBasis, purpose: d.purpose, caseReference: d.caseReference, by: d.requestedBy, at: d.requestedAt },
    status: d.status,
    decision: d.decision
      ? {
          level: d.decision.level,
          legalBasis: d.decision.legalBasis,
          reason: d.decision.reason,
          by: d.decision.decidedBy,
          at: d.decision.decidedAt,
          contact: stub ? null : d.decision.contact,
          disclosed: stub ? null : d.decision.disclosed,
        }
      : null,
    availableFields: pending && local ? availableFields(local.entity) : [],
    canDecide: pending && seen.access === 'decide',
    restricted: stub && !gone ? 'hidden_case' : null,
    notice: gone ? noticeOf('DISCLOSURE_ENTITY_GONE', actor.locale) : stub ? noticeOf('DISCLOSURE_RESTRICTED_CASE', actor.locale) : null,
  };
}

/** Audits the reading of the fields a partner disclosed (disclosure.read). */
async function auditDisclosedRead(ctx: AppContext, actor: CrossBorderActor, d: DisclosureRecord, view: DisclosureView): Promise<void> {
  if (!d.decision?.disclosed || !view.decision?.disclosed) return;
  await audit(ctx.store, ctx.clock, actor, {
    action: 'disclosure.read',
    targetType: 'disclosure',
    targetId: d.id,
    detail: { direction: d.direction, peer: d.peerNode, fields: Object.keys(d.decision.disclosed.properties) },
  });
}

/**
 * Asks the partner that owns the hit's other reference for its contact, or for chosen fields,
 * under a legal basis (disclosure.request). Recorded as an outgoing request; audited.
 */
export async function requestDisclosure(ctx: AppContext, access: CrossBorderAccess, actor: CrossBorderActor, body: DisclosureRequestInput): Promise<DisclosureView> {
  assertCan(actor, 'disclosure.request');
  const legalBasis = checkLegalBasis(body.legalBasis);
  const purpose = checkText(body.purpose, 'purpose', MAX_PURPOSE);
  const caseReference = body.caseReference === undefined || body.caseReference === null || body.caseReference.trim() === '' ? null : checkText(body.caseReference, 'caseReference', MAX_CASE_REFERENCE);
  const repo = crossBorderOf(ctx.store);
  const hit = await repo.getHit(body.hitId);
  const sight = new LocalSight(ctx, actor);
  if (!hit || !(await sight.of(hit.localEntityId))) throw new AlianzaError('CROSSBORDER_HIT_NOT_FOUND', { id: body.hitId });
  let fields: string[] = [];
  if (body.level === 'fields') {
    fields = [...new Set(body.fields ?? [])];
    if (fields.length === 0) throw new AlianzaError('DISCLOSURE_FIELDS_REQUIRED');
    if (fields.length > MAX_DISCLOSURE_FIELDS) throw new AlianzaError('VALIDATION_FAILED', {}, [{ field: 'fields', code: 'SCHEMA.maxItems', params: { limit: MAX_DISCLOSURE_FIELDS } }]);
    for (const f of fields) if (!disclosableProperty(hit.kind, f)) throw new AlianzaError('DISCLOSURE_FIELD_UNKNOWN', { schema: hit.kind, field: f });
  } else if (body.level !== 'contact') {
    throw new AlianzaError('VALIDATION_FAILED', {}, [{ field: 'level', code: 'SCHEMA.enum' }]);
  }

  const id = randomUUID();
  const at = now(ctx);
  await ctx.store.transaction(async (tx) => {
    const x = crossBorderOf(tx);
    const pending = await x.listDisclosures({ hitIds: [hit.id] });
    if (pending.items.some((d) => d.direction === 'outgoing' && d.status === 'pending')) throw new AlianzaError('DISCLOSURE_ALREADY_PENDING');
    const record: DisclosureRecord = {
      id,
      hitId: hit.id,
      direction: 'outgoing',
      peerNode: hit.peerNode,
      level: body.level,
      fields,
      legalBasis,
      purpose,
      caseReference,
      requestedBy: actorLabel(actor),
      requestedAt: at,
      status: 'pending',
      decision: null,
    };
    await x.createDisclosure(record);
    const payload = {
      requestId: id,
      queryId: hit.queryId,
      requesterRef: hit.localRef,
      ownerRef: hit.remoteRef,
      kind: hit.kind,
      score: hit.score,
      level: body.level,
      fields,
      legalBasis,
      purpose,
      caseReference,
    };
    const sent = await sendCrossBorder(access.federation, hit.peerNode, 'DisclosureRequest', payload, auditActorOf(actor));
    await audit(tx, ctx.clock, actor, {
      action: 'disclosure.requested',
      targetType: 'disclosure',
      targetId: id,
      detail: { to: hit.peerNode, hitId: hit.id, kind: hit.kind, score: hit.score, level: body.level, fields, legalBasis, caseReference, envelopeId: sent.id },
    });
  });
  return getDisclosure(ctx, access, actor, id);
}

/**
 * The owning node decides a request a partner sent (disclosure.decide): a liaison officer who
 * may see the record, or an investigator or inspector of the record's owning agency who may
 * see it (policy.ts: canDecideDisclosure). The decider approves at most the requested level
 * and fields (and only fields the record holds), or refuses, under a legal basis. A victim's
 * identity fields leave only under consent or a vital interest. The node signs and sends the
 * DisclosureDecision; audited with the decider.
 */
export async function decideDisclosure(ctx: AppContext, access: CrossBorderAccess, actor: CrossBorderActor, id: string, body: DisclosureDecisionInput): Promise<DisclosureView> {
  assertCan(actor, 'disclosure.decide');
  const legalBasis = checkLegalBasis(body.legalBasis);
  const reason = checkText(body.reason, 'reason', MAX_REASON);
  const sight = new LocalSight(ctx, actor);
  await ctx.store.transaction(async (tx) => {
    const x = crossBorderOf(tx);
    const d = await x.getDisclosure(id);
    if (!d) throw new AlianzaError('DISCLOSURE_NOT_FOUND', { id });
    if (d.direction !== 'incoming') throw new AlianzaError('DISCLOSURE_NOT_DECIDABLE');
    const seen = await requestSight(tx, actor, d, sight);
    if (seen.access === 'none') throw new AlianzaError('DISCLOSURE_NOT_FOUND', { id });
    const entity = seen.entity;
    if (!entity || Object.keys(entity.properties).length === 0) throw new AlianzaError('DISCLOSURE_ENTITY_GONE');
    if (seen.access !== 'decide') throw new AlianzaError('POLICY_DENIED', { action: 'disclosure.decide' });
    if (d.status !== 'pending') throw new AlianzaError('DISCLOSURE_ALREADY_DECIDED');

    let level: DisclosureLevel = 'existence';
    let contact: { agency: string; country: string; name: string; email: string | null } | null = null;
    let disclosed: { schema: string; properties: Record<string, string[]> } | null = null;
    let victimIdentity: string[] = [];
    if (body.decision === 'approved') {
      level = body.level ?? d.level;
      if (LEVEL_RANK[level] > LEVEL_RANK[d.level]) throw new AlianzaError('DISCLOSURE_LEVEL_ABOVE_REQUEST', { requested: d.level });
      const agency = await tx.agencies.get(entity.owningAgencyId);
      contact = { agency: agency?.name ?? ctx.node.name, country: agency?.country ?? ctx.node.country, name: actor.displayName, email: actor.email ?? null };
      if (level === 'fields') {
        const available = new Set(availableFields(entity));
        const chosen = body.fields === undefined ? d.fields.filter((f) => available.has(f)) : [...new Set(body.fields)];
        const notRequested = chosen.filter((f) => !d.fields.includes(f));
        if (notRequested.length > 0) throw new AlianzaError('DISCLOSURE_FIELDS_NOT_REQUESTED', { fields: notRequested.join(', ') });
        const missing = chosen.filter((f) => !available.has(f));
        if (missing.length > 0) throw new AlianzaError('DISCLOSURE_FIELDS_UNAVAILABLE', { fields: missing.join(', ') });
        if (chosen.length === 0) throw new AlianzaError('DISCLOSURE_FIELDS_REQUIRED');
        const victim = entity.schema === 'Person' && (await tx.cases.listCasesOfEntity(entity.id)).some((s) => s.role === 'victim');
        victimIdentity = victim ? chosen.filter((f) => isIdentityProperty(entity.schema, f)) : [];
        if (victimIdentity.length > 0 && !VICTIM_IDENTITY_BASES.includes(legalBasis.kind)) {
          throw new AlianzaError('DISCLOSURE_VICTIM_IDENTITY', { fields: victimIdentity.join(', ') });
        }
        const properties: Record<string, string[]> = {};
        for (const f of chosen.sort()) properties[f] = [...(entity.properties[f] ?? [])];
        disclosed = { schema: entity.schema, properties };
      }
    }
    const at = now(ctx);
    await x.decideDisclosure(id, body.decision, { level, legalBasis, reason, contact, disclosed, decidedBy: actorLabel(actor), decidedAt: at });
    const payload = { requestId: id, decision: body.decision, level, legalBasis, reason, contact, entity: disclosed };
    const sent = await sendCrossBorder(access.federation, d.peerNode, 'DisclosureDecision', payload, auditActorOf(actor));
    await audit(tx, ctx.clock, actor, {
      action: 'disclosure.decided',
      targetType: 'disclosure',
      targetId: id,
      detail: {
        to: d.peerNode,
        decision: body.decision,
        level,
        requestedLevel: d.level,
        fields: disclosed ? Object.keys(disclosed.properties) : [],
        requestedFields: d.fields,
        legalBasis,
        entityId: entity.id,
        decider: { role: actor.role, agencyId: actor.agencyId, owningAgencyId: entity.owningAgencyId },
        victimIdentityDisclosed: victimIdentity.length > 0,
        victimIdentityFields: victimIdentity,
        envelopeId: sent.id,
      },
    });
  });
  return getDisclosure(ctx, access, actor, id);
}

/**
 * Disclosure requests in both directions, newest first: outgoing ones for everyone who reads
 * disclosures; incoming ones for whoever may decide them or see their record, and as a stub
 * for the liaison office when it may not see the record (policy.ts: disclosureRequestSight).
 */
export async function listDisclosures(
  ctx: AppContext,
  access: Pick<CrossBorderAccess, 'peers'>,
  actor: CrossBorderActor,
  q: { direction?: 'outgoing' | 'incoming'; status?: DisclosureRecord['status']; limit: number; offset: number },
): Promise<{ items: DisclosureView[]; total: number }> {
  requireSee(actor);
  const all = await crossBorderOf(ctx.store).listDisclosures({ direction: q.direction, status: q.status, limit: LIST_WINDOW });
  const sight = new LocalSight(ctx, actor);
  const visible: { d: DisclosureRecord; seen: RequestSight }[] = [];
  for (const d of all.items) {
    const seen = await requestSight(ctx.store, actor, d, sight);
    if (seen.access !== 'none') visible.push({ d, seen });
  }
  const countries = await peerCountries(access);
  const items: DisclosureView[] = [];
  for (const { d, seen } of visible.slice(q.offset, q.offset + q.limit)) {
    const view = disclosureView(actor, d, seen, countries);
    await auditDisclosedRead(ctx, actor, d, view);
    items.push(view);
  }
  return { items, total: visible.length };
}

/** One disclosure request; reading the fields a partner disclosed is audited (disclosure.read). */
export async function getDisclosure(ctx: AppContext, access: Pick<CrossBorderAccess, 'peers'>, actor: CrossBorderActor, id: string): Promise<DisclosureView> {
  requireSee(actor);
  const d = await crossBorderOf(ctx.store).getDisclosure(id);
  if (!d) throw new AlianzaError('DISCLOSURE_NOT_FOUND', { id });
  const seen = await requestSight(ctx.store, actor, d, new LocalSight(ctx, actor));
  if (seen.access === 'none') throw new AlianzaError('DISCLOSURE_NOT_FOUND', { id });
  const view = disclosureView(actor, d, seen, await peerCountries(access));
  await auditDisclosedRead(ctx, actor, d, view);
  return view;
}
