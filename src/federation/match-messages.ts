/**
 * Payloads of cross-border matching and gradual disclosure (docs/protocol/matching.md):
 * MatchQuery, MatchResult, DisclosureRequest and DisclosureDecision, and the readers that
 * check them. The inbox checks every received payload of these types here (through
 * readPayload in messages.ts) before anything is stored, so a malformed one is refused at the
 * envelope with FED_MALFORMED; the sender checks what it sends.
 */
import type { Handling } from '../domain/model';
import { accept, refuse, type Checked } from './errors';
import { COUNTRY } from './envelope';
import {
  readArray,
  readEnum,
  readInteger,
  readNullable,
  readNumber,
  readObject,
  readString,
  readUuid,
  ShapeError,
  stringReader,
  type Reader,
} from './shape';

export type MatchKind = 'Person' | 'Phone' | 'Organization';
export const MATCH_KINDS: readonly MatchKind[] = ['Person', 'Phone', 'Organization'];

export type MatchStatus = 'ok' | 'secret_mismatch' | 'schema_unsupported';
export const MATCH_STATUSES: readonly MatchStatus[] = ['ok', 'secret_mismatch', 'schema_unsupported'];

export type LegalBasisKind = 'treaty' | 'mlat' | 'domestic_law' | 'court_order' | 'consent' | 'vital_interest';
/** The grounds on which a node may ask for, or grant, a disclosure. */
export const LEGAL_BASIS_KINDS: readonly LegalBasisKind[] = ['treaty', 'mlat', 'domestic_law', 'court_order', 'consent', 'vital_interest'];

export type DisclosureLevel = 'existence' | 'contact' | 'fields';
export const DISCLOSURE_LEVELS: readonly DisclosureLevel[] = ['existence', 'contact', 'fields'];

/** Limits of the protocol. */
export const MATCH_LIMITS = Object.freeze({
  /** bytes of one encoding (1024 bits) */
  clkBytes: 128,
  /** encodings in one MatchQuery */
  maxRecords: 50_000,
  /** MatchQuery messages (parts) of one check to one partner */
  maxParts: 1000,
  /** hits in one MatchResult */
  maxHits: 10_000,
  minThreshold: 0.5,
  maxFields: 20,
  maxLegalReference: 500,
  maxPurpose: 1000,
  maxReason: 2000,
  maxCaseReference: 100,
  maxProperties: 100,
  maxValuesPerProperty: 100,
});

export interface LegalBasis {
  kind: LegalBasisKind;
  reference: string;
}

export interface MatchRecord {
  /** opaque reference, meaningful only to the side that made it: 22 characters of base64url (16 random bytes) */
  ref: string;
  kind: MatchKind;
  /** standard base64 of the 128-byte encoding */
  clk: string;
}

/**
 * Which part of a check a MatchQuery (and the MatchResult answering it) is: a check larger
 * than one message is sent as `count` queries sharing `checkId`, numbered 0..count-1.
 */
export interface MatchPart {
  /** one check to one partner: the same in every part, new for every check and partner */
  checkId: string;
  index: number;
  count: number;
}

export interface MatchQueryPayload {
  queryId: string;
  part: MatchPart;
  schemaId: string;
  /** 32 lowercase hex digits naming the linkage secret the encodings were made under */
  secretFingerprint: string;
  threshold: number;
  records: MatchRecord[];
}

export interface MatchHit {
  queryRef: string;
  ownerRef: string;
  kind: MatchKind;
  score: number;
}

export interface MatchResultPayload {
  queryId: string;
  /** the part of the query answered, as the query gave it */
  part: MatchPart;
  status: MatchStatus;
  /** the answering node's own fingerprint (32 zeros when it has no secret) */
  secretFingerprint: string;
  hits: MatchHit[];
}

export interface DisclosureRequestPayload {
  requestId: string;
  queryId: string;
  /** the asking side's reference of the hit */
  requesterRef: string;
  /** the reference of the receiving (owning) side */
  ownerRef: string;
  kind: MatchKind;
  score: number;
  level: 'contact' | 'fields';
  fields: string[];
  legalBasis: LegalBasis;
  purpose: string;
  caseReference: string | null;
}

export interface DisclosureContact {
  agency: string;
  country: string;
  name: string;
  email: string | null;
}

export interface DisclosedEntity {
  schema: string;
  properties: Record<string, string[]>;
}

export interface DisclosureDecisionPayload {
  requestId: string;
  decision: 'approved' | 'refused';
  level: DisclosureLevel;
  legalBasis: LegalBasis;
  reason: string;
  contact: DisclosureContact | null;
  entity: DisclosedEntity | null;
}

export interface MatchPayloadOf {
  MatchQuery: MatchQueryPayload;
  MatchResult: MatchResultPayload;
  DisclosureRequest: DisclosureRequestPayload;
  DisclosureDecision: DisclosureDecisionPayload;
}
export type MatchMessageType = keyof MatchPayloadOf;
export const MATCH_MESSAGE_TYPES: readonly MatchMessageType[] = ['MatchQuery', 'MatchResult', 'DisclosureRequest', 'DisclosureDecision'];

const REF = /^[A-Za-z0-9_-]{22}$/;
const FINGERPRINT = /^[0-9a-f]{32}$/;
const SCHEMA_ID = /^[a-z0-9][a-z0-9.-]{0,63}$/;
const SCHEMA = /^[A-Z][A-Za-z]{0,63}$/;
const PROPERTY = /^[a-zA-Z][a-zA-Z0-9]{0,63}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;
/** standard base64 of exactly 128 bytes: 171 characters (the last with its two low bits zero) and "=" */
const CLK_BASE64 = /^[A-Za-z0-9+/]{170}[AEIMQUYcgkosw048]=$/;

const readRef = (v: unknown, p: string): string => readString(v, p, { max: 22, pattern: REF });
const readFingerprint = (v: unknown, p: string): string => readString(v, p, { max: 32, pattern: FINGERPRINT });
const readKind = (v: unknown, p: string): MatchKind => readEnum(v, p, MATCH_KINDS);
/** Dice scores travel with two decimals. */
function readScore(v: unknown, p: string): number {
  const s = readNumber(v, p, 0, 1);
  if (Math.abs(s * 100 - Math.round(s * 100)) > 1e-9) throw new ShapeError(p, 'more than two decimals');
  return s;
}

function readClk(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(path, 'expected a string');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) throw new ShapeError(path, 'not base64');
  if (!CLK_BASE64.test(value)) throw new ShapeError(path, `not ${MATCH_LIMITS.clkBytes} bytes`);
  return value;
}

export function readLegalBasis(value: unknown, path: string): LegalBasis {
  const o = readObject(value, path, ['kind', 'reference']);
  return {
    kind: readEnum(o.kind, `${path}.kind`, LEGAL_BASIS_KINDS),
    reference: readString(o.reference, `${path}.reference`, { max: MATCH_LIMITS.maxLegalReference }),
  };
}

function readPart(value: unknown, path: string): MatchPart {
  const o = readObject(value, path, ['checkId', 'index', 'count']);
  const count = readInteger(o.count, `${path}.count`, 1, MATCH_LIMITS.maxParts);
  const index = readInteger(o.index, `${path}.index`, 0, MATCH_LIMITS.maxParts - 1);
  if (index >= count) throw new ShapeError(`${path}.index`, 'not below the count');
  return { checkId: readUuid(o.checkId, `${path}.checkId`), index, count };
}

const readRecord: Reader<MatchRecord> = (value, path) => {
  const o = readObject(value, path, ['ref', 'kind', 'clk']);
  return { ref: readRef(o.ref, `${path}.ref`), kind: readKind(o.kind, `${path}.kind`), clk: readClk(o.clk, `${path}.clk`) };
};

const readHit: Reader<MatchHit> = (value, path) => {
  const o = readObject(value, path, ['queryRef', 'ownerRef', 'kind', 'score']);
  return {
    queryRef: readRef(o.queryRef, `${path}.queryRef`),
    ownerRef: readRef(o.ownerRef, `${path}.ownerRef`),
    kind: readKind(o.kind, `${path}.kind`),
    score: readScore(o.score, `${path}.score`),
  };
};

function readContact(value: unknown, path: string): DisclosureContact {
  const o = readObject(value, path, ['agency', 'country', 'name', 'email']);
  return {
    agency: readString(o.agency, `${path}.agency`, { max: 200 }),
    country: readString(o.country, `${path}.country`, { max: 2, pattern: COUNTRY }),
    name: readString(o.name, `${path}.name`, { max: 200 }),
    email: readNullable(o.email, `${path}.email`, stringReader({ max: 320, pattern: EMAIL })),
  };
}

function readDisclosedEntity(value: unknown, path: string): DisclosedEntity {
  const o = readObject(value, path, ['schema', 'properties']);
  const props = o.properties;
  if (typeof props !== 'object' || props === null || Array.isArray(props)) throw new ShapeError(`${path}.properties`, 'expected an object');
  const names = Object.keys(props);
  if (names.length > MATCH_LIMITS.maxProperties) throw new ShapeError(`${path}.properties`, `more than ${MATCH_LIMITS.maxProperties} properties`);
  const properties: Record<string, string[]> = {};
  for (const name of names) {
    if (!PROPERTY.test(name)) throw new ShapeError(`${path}.properties.${name}`, 'wrong form');
    properties[name] = readArray((props as Record<string, unknown>)[name], `${path}.properties.${name}`, stringReader(), MATCH_LIMITS.maxValuesPerProperty, 1);
  }
  return { schema: readString(o.schema, `${path}.schema`, { max: 64, pattern: SCHEMA }), properties };
}

/** Names listed once each. */
function unique(list: string[], path: string): string[] {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x)) throw new ShapeError(`${path}[${i}]`, 'listed twice');
    seen.add(x);
  });
  return list;
}

type Readers = { [T in MatchMessageType]: (value: unknown) => MatchPayloadOf[T] };

const readers: Readers = {
  MatchQuery: (value) => {
    const o = readObject(value, '$.payload', ['queryId', 'part', 'schemaId', 'secretFingerprint', 'threshold', 'records']);
    const part = readPart(o.part, '$.payload.part');
    const records = readArray(o.records, '$.payload.records', readRecord, MATCH_LIMITS.maxRecords);
    unique(
      records.map((r) => r.ref),
      '$.payload.records',
    );
    return {
      queryId: readUuid(o.queryId, '$.payload.queryId'),
      part,
      schemaId: readString(o.schemaId, '$.payload.schemaId', { max: 64, pattern: SCHEMA_ID }),
      secretFingerprint: readFingerprint(o.secretFingerprint, '$.payload.secretFingerprint'),
      threshold: readNumber(o.threshold, '$.payload.threshold', MATCH_LIMITS.minThreshold, 1),
      records,
    };
  },
  MatchResult: (value) => {
    const o = readObject(value, '$.payload', ['queryId', 'part', 'status', 'secretFingerprint', 'hits']);
    const part = readPart(o.part, '$.payload.part');
    const status = readEnum(o.status, '$.payload.status', MATCH_STATUSES);
    const hits = readArray(o.hits, '$.payload.hits', readHit, MATCH_LIMITS.maxHits);
    if (status !== 'ok' && hits.length > 0) throw new ShapeError('$.payload.hits', `present although the status is ${status}`);
    return {
      queryId: readUuid(o.queryId, '$.payload.queryId'),
      part,
      status,
      secretFingerprint: readFingerprint(o.secretFingerprint, '$.payload.secretFingerprint'),
      hits,
    };
  },
  DisclosureRequest: (value) => {
    const o = readObject(value, '$.payload', ['requestId', 'queryId', 'requesterRef', 'ownerRef', 'kind', 'score', 'level', 'fields', 'legalBasis', 'purpose', 'caseReference']);
    const level = readEnum(o.level, '$.payload.level', ['contact', 'fields'] as const);
    const fields = unique(readArray(o.fields, '$.payload.fields', stringReader({ max: 64, pattern: PROPERTY }), MATCH_LIMITS.maxFields), '$.payload.fields');
    if (level === 'fields' && fields.length === 0) throw new ShapeError('$.payload.fields', 'empty although the level is fields');
    if (level === 'contact' && fields.length > 0) throw new ShapeError('$.payload.fields', 'present although the level is contact');
    return {
      requestId: readUuid(o.requestId, '$.payload.requestId'),
      queryId: readUuid(o.queryId, '$.payload.queryId'),
      requesterRef: readRef(o.requesterRef, '$.payload.requesterRef'),
      ownerRef: readRef(o.ownerRef, '$.payload.ownerRef'),
      kind: readKind(o.kind, '$.payload.kind'),
      score: readScore(o.score, '$.payload.score'),
      level,
      fields,
      legalBasis: readLegalBasis(o.legalBasis, '$.payload.legalBasis'),
      purpose: readString(o.purpose, '$.payload.purpose', { max: MATCH_LIMITS.maxPurpose }),
      caseReference: readNullable(o.caseReference, '$.payload.caseReference', stringReader({ max: MATCH_LIMITS.maxCaseReference })),
    };
  },
  DisclosureDecision: (value) => {
    const o = readObject(value, '$.payload', ['requestId', 'decision', 'level', 'legalBasis', 'reason', 'contact', 'entity']);
    const decision = readEnum(o.decision, '$.payload.decision', ['approved', 'refused'] as const);
    const level = readEnum(o.level, '$.payload.level', DISCLOSURE_LEVELS);
    const contact = readNullable(o.contact, '$.payload.contact', readContact);
    const entity = readNullable(o.entity, '$.payload.entity', readDisclosedEntity);
    if (decision === 'refused') {
      if (level !== 'existence') throw new ShapeError('$.payload.level', 'must be existence when refused');
      if (contact !== null) throw new ShapeError('$.payload.contact', 'present although refused');
      if (entity !== null) throw new ShapeError('$.payload.entity', 'present although refused');
    } else {
      if (level === 'existence') throw new ShapeError('$.payload.level', 'must be contact or fields when approved');
      if (contact === null) throw new ShapeError('$.payload.contact', 'missing although approved');
      if (level === 'contact' && entity !== null) throw new ShapeError('$.payload.entity', 'present although the level is contact');
      if (level === 'fields' && entity === null) throw new ShapeError('$.payload.entity', 'missing although the level is fields');
      if (level === 'fields' && Object.keys(entity!.properties).length > MATCH_LIMITS.maxFields) {
        throw new ShapeError('$.payload.entity.properties', `more than ${MATCH_LIMITS.maxFields} properties`);
      }
    }
    return {
      requestId: readUuid(o.requestId, '$.payload.requestId'),
      decision,
      level,
      legalBasis: readLegalBasis(o.legalBasis, '$.payload.legalBasis'),
      reason: readString(o.reason, '$.payload.reason', { max: MATCH_LIMITS.maxReason }),
      contact,
      entity,
    };
  },
};

export const isMatchMessageType = (type: string): type is MatchMessageType => (MATCH_MESSAGE_TYPES as readonly string[]).includes(type);

/**
 * Checks the payload of one of the four types: the checked payload, or FED_MALFORMED with
 * the field and the reason (FED_MALFORMED at `$.type` for any other type).
 */
export function readMatchPayload<T extends MatchMessageType>(type: T, payload: unknown): Checked<MatchPayloadOf[T]>;
export function readMatchPayload(type: string, payload: unknown): Checked<MatchPayloadOf[MatchMessageType]>;
export function readMatchPayload(type: string, payload: unknown): Checked<MatchPayloadOf[MatchMessageType]> {
  if (!isMatchMessageType(type)) return refuse('FED_MALFORMED', { field: '$.type', reason: 'not a matching or disclosure message' });
  try {
    return accept(readers[type](payload));
  } catch (e) {
    if (e instanceof ShapeError) return refuse('FED_MALFORMED', { field: e.field, reason: e.reason });
    throw e;
  }
}

/** Handling of MatchQuery and MatchResult: encodings and scores, need-to-know, one year. */
export const MATCH_HANDLING: Handling = Object.freeze({
  tlp: 'AMBER',
  purpose: 'cross-border-matching',
  retentionDays: 365,
  originatorConsentRequiredToForward: true,
}) as Handling;

/** Handling of DisclosureRequest and DisclosureDecision. */
export const DISCLOSURE_HANDLING: Handling = Object.freeze({
  tlp: 'AMBER',
  purpose: 'disclosure',
  retentionDays: 365,
  originatorConsentRequiredToForward: true,
}) as Handling;
