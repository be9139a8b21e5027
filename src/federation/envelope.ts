/**
 * The envelope (docs/protocol/README.md §2): its types, and the reader that checks the
 * shape of an untrusted envelope before anything else looks at it.
 */
import type { Handling, Tlp } from '../domain/model';
import { TLP_LEVELS } from '../domain/model';
import { ENC_ALG, MAX_AUDIENCE_VALUES, MAX_ENVELOPE_BYTES, SCHEMA_VERSION, SIG_ALG, SUPPORTED_VERSIONS } from './constants';
import { canonicalize, JsonFormError, parseStrictJson, type Json } from './canonical-json';
import { accept, refuse, type Checked } from './errors';
import {
  readArray,
  readBoolean,
  readEnum,
  readInteger,
  readJsonObject,
  readObject,
  readString,
  readTimestamp,
  readUuid,
  ShapeError,
  stringReader,
} from './shape';

export const DEFINED_TYPES = [
  'Alert',
  'RequestForInformation',
  'Response',
  'Receipt',
  'ConsentRequest',
  'ConsentDecision',
  'KeyAnnouncement',
] as const;
export const RESERVED_TYPES = [
  'MatchQuery',
  'MatchResult',
  'DisclosureRequest',
  'DisclosureDecision',
  'Referral',
  'ReferralUpdate',
  'WorkerComplaintRouting',
  'EventTask',
  'TaskUpdate',
] as const;
export const MESSAGE_TYPES = [...DEFINED_TYPES, ...RESERVED_TYPES] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];
export type DefinedType = (typeof DEFINED_TYPES)[number];

export const NODE_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/;
export const COUNTRY = /^[A-Z]{2}$/;
export const KEY_ID = /^[0-9a-f]{32}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface NodeRef {
  node: string;
  country: string;
}

export interface Audience {
  agencies: string[];
  persons: string[];
}

export const EVERYONE_AT_NODE: Audience = Object.freeze({ agencies: [], persons: [] }) as Audience;

/** The originator's signed permission for one forward (docs/protocol/handling.md §5). */
export interface ConsentGrant {
  itemId: string;
  originator: string;
  forwarder: string;
  grantedTo: string;
  maxHandling: Handling;
  issued: string;
  expires: string;
  keyId: string;
  signature: string;
}

export interface EncryptedPayload {
  enc: typeof ENC_ALG;
  recipientKeyId: string;
  ephemeralKey: string;
  nonce: string;
  ciphertext: string;
  tag: string;
}

export interface PlainPayload {
  enc: 'none';
  data: Record<string, Json>;
}

export interface Signature {
  alg: typeof SIG_ALG;
  keyId: string;
  value: string;
}

export interface Envelope {
  id: string;
  type: MessageType;
  schemaVersion: number;
  from: NodeRef;
  to: NodeRef;
  created: string;
  sent: string;
  originator: { node: string; itemId: string };
  handling: Handling;
  audience: Audience;
  consentGrant: ConsentGrant | null;
  payload: EncryptedPayload | PlainPayload;
  signature: Signature;
}

/** What a message is before sealing and after opening: the envelope without the seal. */
export interface Message {
  id: string;
  type: MessageType;
  schemaVersion: number;
  from: NodeRef;
  to: NodeRef;
  created: string;
  originator: { node: string; itemId: string };
  handling: Handling;
  audience: Audience;
  consentGrant: ConsentGrant | null;
  payload: Record<string, Json>;
}

const readNodeRef = (value: unknown, path: string): NodeRef => {
  const o = readObject(value, path, ['node', 'country']);
  return {
    node: readString(o.node, `${path}.node`, { max: 63, pattern: NODE_ID }),
    country: readString(o.country, `${path}.country`, { max: 2, pattern: COUNTRY }),
  };
};

/** The JSON types of a handling code; its values are judged by handling.ts (FED_HANDLING_INVALID). */
export function readHandling(value: unknown, path: string): Handling {
  const o = readObject(value, path, ['tlp', 'purpose', 'retentionDays', 'originatorConsentRequiredToForward']);
  return {
    tlp: readString(o.tlp, `${path}.tlp`, { max: 20 }) as Tlp,
    purpose: readString(o.purpose, `${path}.purpose`, { max: 200 }),
    retentionDays: readInteger(o.retentionDays, `${path}.retentionDays`, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    originatorConsentRequiredToForward: readBoolean(o.originatorConsentRequiredToForward, `${path}.originatorConsentRequiredToForward`),
  };
}

export function readAudience(value: unknown, path: string): Audience {
  const o = readObject(value, path, ['agencies', 'persons']);
  const item = stringReader({ max: 128 });
  return {
    agencies: readArray(o.agencies, `${path}.agencies`, item, MAX_AUDIENCE_VALUES),
    persons: readArray(o.persons, `${path}.persons`, item, MAX_AUDIENCE_VALUES),
  };
}

const readKeyId = (value: unknown, path: string): string => readString(value, path, { max: 32, pattern: KEY_ID });
const readB64 = (value: unknown, path: string, max: number): string => readString(value, path, { max, pattern: BASE64URL });

export function readConsentGrant(value: unknown, path: string): ConsentGrant {
  const o = readObject(value, path, ['itemId', 'originator', 'forwarder', 'grantedTo', 'maxHandling', 'issued', 'expires', 'keyId', 'signature']);
  return {
    itemId: readUuid(o.itemId, `${path}.itemId`),
    originator: readString(o.originator, `${path}.originator`, { max: 63, pattern: NODE_ID }),
    forwarder: readString(o.forwarder, `${path}.forwarder`, { max: 63, pattern: NODE_ID }),
    grantedTo: readString(o.grantedTo, `${path}.grantedTo`, { max: 63, pattern: NODE_ID }),
    maxHandling: readHandling(o.maxHandling, `${path}.maxHandling`),
    issued: readTimestamp(o.issued, `${path}.issued`),
    expires: readTimestamp(o.expires, `${path}.expires`),
    keyId: readKeyId(o.keyId, `${path}.keyId`),
    signature: readB64(o.signature, `${path}.signature`, 86),
  };
}

function readPayload(value: unknown, path: string): EncryptedPayload | PlainPayload {
  const enc = readJsonObject(value, path).enc;
  if (enc === 'none') {
    const o = readObject(value, path, ['enc', 'data']);
    return { enc: 'none', data: readJsonObject(o.data, `${path}.data`) as Record<string, Json> };
  }
  if (enc !== ENC_ALG) throw new ShapeError(`${path}.enc`, `expected "${ENC_ALG}" or "none"`);
  const o = readObject(value, path, ['enc', 'recipientKeyId', 'ephemeralKey', 'nonce', 'ciphertext', 'tag']);
  return {
    enc: ENC_ALG,
    recipientKeyId: readKeyId(o.recipientKeyId, `${path}.recipientKeyId`),
    ephemeralKey: readB64(o.ephemeralKey, `${path}.ephemeralKey`, 43),
    nonce: readB64(o.nonce, `${path}.nonce`, 16),
    ciphertext: readString(o.ciphertext, `${path}.ciphertext`, { min: 0, max: MAX_ENVELOPE_BYTES, pattern: /^[A-Za-z0-9_-]*$/ }),
    tag: readB64(o.tag, `${path}.tag`, 22),
  };
}

const ENVELOPE_MEMBERS = [
  'id',
  'type',
  'schemaVersion',
  'from',
  'to',
  'created',
  'sent',
  'originator',
  'handling',
  'audience',
  'consentGrant',
  'payload',
  'signature',
] as const;

/** Reads the header members of an already-parsed envelope; throws ShapeError. */
export function readEnvelope(value: unknown): Envelope {
  const o = readObject(value, '$', ENVELOPE_MEMBERS);
  const originator = readObject(o.originator, '$.originator', ['node', 'itemId']);
  const signature = readObject(o.signature, '$.signature', ['alg', 'keyId', 'value']);
  const envelope: Envelope = {
    id: readUuid(o.id, '$.id'),
    type: readEnum(o.type, '$.type', MESSAGE_TYPES),
    schemaVersion: readInteger(o.schemaVersion, '$.schemaVersion', 1, Number.MAX_SAFE_INTEGER),
    from: readNodeRef(o.from, '$.from'),
    to: readNodeRef(o.to, '$.to'),
    created: readTimestamp(o.created, '$.created'),
    sent: readTimestamp(o.sent, '$.sent'),
    originator: {
      node: readString(originator.node, '$.originator.node', { max: 63, pattern: NODE_ID }),
      itemId: readUuid(originator.itemId, '$.originator.itemId'),
    },
    handling: readHandling(o.handling, '$.handling'),
    audience: readAudience(o.audience, '$.audience'),
    consentGrant: o.consentGrant === null ? null : readConsentGrant(o.consentGrant, '$.consentGrant'),
    payload: readPayload(o.payload, '$.payload'),
    signature: {
      alg: readEnum(signature.alg, '$.signature.alg', [SIG_ALG] as const),
      keyId: readKeyId(signature.keyId, '$.signature.keyId'),
      value: readB64(signature.value, '$.signature.value', 86),
    },
  };
  if (Date.parse(envelope.created) > Date.parse(envelope.sent)) throw new ShapeError('$.created', 'later than sent');
  return envelope;
}

/**
 * Steps 1–4 of docs/protocol/README.md §10: size, JSON, version, shape. Pure; says nothing
 * yet about who sent the envelope or whether it is genuine.
 */
export function parseEnvelope(body: string | Uint8Array, supported: readonly number[] = SUPPORTED_VERSIONS): Checked<Envelope> {
  const size = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
  if (size > MAX_ENVELOPE_BYTES) return refuse('FED_TOO_LARGE', { size, limit: MAX_ENVELOPE_BYTES });
  let json: Json;
  try {
    json = parseStrictJson(body);
  } catch (e) {
    const err = e as JsonFormError;
    return refuse('FED_MALFORMED', { field: err.path ?? '$', reason: err.reason ?? 'not JSON' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse('FED_MALFORMED', { field: '$', reason: 'expected an object' });
  }
  const version = (json as Record<string, Json>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return refuse('FED_MALFORMED', { field: '$.schemaVersion', reason: 'expected an integer' });
  }
  if (!supported.includes(version)) {
    return refuse('FED_UNSUPPORTED_VERSION', { version, supported: supported.join(',') });
  }
  try {
    return accept(readEnvelope(json));
  } catch (e) {
    if (e instanceof ShapeError) return refuse('FED_MALFORMED', { field: e.field, reason: e.reason });
    throw e;
  }
}

/** The text sent on the wire: the canonical form, so that every node sees the same bytes. */
export const serializeEnvelope = (envelope: Envelope): string => canonicalize(envelope);

export const isTlp = (value: string): value is Tlp => (TLP_LEVELS as readonly string[]).includes(value);

/** The message an envelope carries, given its plaintext payload. */
export function messageOf(envelope: Envelope, payload: Record<string, Json>): Message {
  return {
    id: envelope.id,
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    from: envelope.from,
    to: envelope.to,
    created: envelope.created,
    originator: envelope.originator,
    handling: envelope.handling,
    audience: envelope.audience,
    consentGrant: envelope.consentGrant,
    payload,
  };
}

export interface MessageFields {
  type: MessageType;
  from: NodeRef;
  to: NodeRef;
  handling: Handling;
  audience: Audience;
  payload: Record<string, Json>;
  /** Only for a forward: the item's global id, kept from the first sender. */
  originator?: { node: string; itemId: string };
  consentGrant?: ConsentGrant | null;
}

/** A new message (not yet sealed): a fresh id; the sender is the originator unless it forwards. */
export function buildMessage(fields: MessageFields, id: string, created: string): Message {
  return {
    id,
    type: fields.type,
    schemaVersion: SCHEMA_VERSION,
    from: fields.from,
    to: fields.to,
    created,
    originator: fields.originator ?? { node: fields.from.node, itemId: id },
    handling: fields.handling,
    audience: fields.audience,
    consentGrant: fields.consentGrant ?? null,
    payload: fields.payload,
  };
}
