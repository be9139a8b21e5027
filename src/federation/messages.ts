/**
 * Payloads of the message types defined in version 1 (docs/protocol/messages.md) and the
 * readers that check them. The four matching and disclosure types are checked by their own
 * readers (match-messages.ts, docs/protocol/matching.md); other reserved types are checked by
 * the handler their module registers.
 */
import type { Handling } from '../domain/model';
import { KEY_ID, NODE_ID, readAudience, readConsentGrant, readHandling, type Audience, type ConsentGrant, type DefinedType, type MessageType, type NodeRef } from './envelope';
import { COUNTRY } from './envelope';
import {
  readArray,
  readBoolean,
  readEnum,
  readNullable,
  readObject,
  readString,
  readTimestamp,
  readUuid,
  ShapeError,
  stringReader,
  type Reader,
} from './shape';
import { accept, refuse, type Checked } from './errors';
import { isMatchMessageType, readMatchPayload } from './match-messages';

export interface SharedEntity {
  globalId: string;
  schema: string;
  properties: Record<string, string[]>;
}

export interface IdentityBasis {
  kind: 'consent' | 'legal_basis';
  reference: string;
  recordedAt: string;
}

export interface AlertPayload {
  title: string;
  summary: string;
  caseReference: string | null;
  entities: SharedEntity[];
  identityBasis: IdentityBasis | null;
}

export interface RequestForInformationPayload {
  subject: string;
  questions: string[];
  deadline: string;
  caseReference: string | null;
  entities: SharedEntity[];
  identityBasis: IdentityBasis | null;
}

export interface ResponsePayload {
  inReplyTo: string;
  answers: string[];
  entities: SharedEntity[];
  identityBasis: IdentityBasis | null;
  final: boolean;
}

export type ReceiptStatus = 'delivered' | 'read';
export interface ReceiptPayload {
  envelopeId: string;
  status: ReceiptStatus;
  at: string;
  contentDigest: string;
}

export interface ConsentRequestPayload {
  itemId: string;
  forwardTo: NodeRef;
  proposedHandling: Handling;
  proposedAudience: Audience;
  reason: string;
}

export interface ConsentDecisionPayload {
  requestId: string;
  itemId: string;
  granted: boolean;
  grant: ConsentGrant | null;
  reason: string;
}

export interface AnnouncedSigningKey {
  keyId: string;
  publicKey: string;
  notBefore: string;
  notAfter: string | null;
}

export interface KeyAnnouncementPayload {
  signingKeys: AnnouncedSigningKey[];
  encryptionKey: { keyId: string; publicKey: string };
}

export interface PayloadOf {
  Alert: AlertPayload;
  RequestForInformation: RequestForInformationPayload;
  Response: ResponsePayload;
  Receipt: ReceiptPayload;
  ConsentRequest: ConsentRequestPayload;
  ConsentDecision: ConsentDecisionPayload;
  KeyAnnouncement: KeyAnnouncementPayload;
}

const GLOBAL_ID = /^[a-z0-9][a-z0-9._-]{0,62}:[^\s:][^\s]{0,199}$/;
const SCHEMA = /^[A-Z][A-Za-z]{0,63}$/;
const PROPERTY = /^[a-zA-Z][a-zA-Z0-9]{0,63}$/;
const DIGEST = /^[0-9a-f]{64}$/;
const PUBLIC_KEY = /^[A-Za-z0-9_-]{43}$/;

export function readSharedEntity(value: unknown, path: string): SharedEntity {
  const o = readObject(value, path, ['globalId', 'schema', 'properties']);
  const props = o.properties;
  if (typeof props !== 'object' || props === null || Array.isArray(props)) throw new ShapeError(`${path}.properties`, 'expected an object');
  const names = Object.keys(props);
  if (names.length > 100) throw new ShapeError(`${path}.properties`, 'more than 100 properties');
  const properties: Record<string, string[]> = {};
  for (const name of names) {
    if (!PROPERTY.test(name)) throw new ShapeError(`${path}.properties.${name}`, 'wrong form');
    properties[name] = readArray((props as Record<string, unknown>)[name], `${path}.properties.${name}`, stringReader(), 100, 1);
  }
  return {
    globalId: readString(o.globalId, `${path}.globalId`, { max: 264, pattern: GLOBAL_ID }),
    schema: readString(o.schema, `${path}.schema`, { max: 64, pattern: SCHEMA }),
    properties,
  };
}

export function readIdentityBasis(value: unknown, path: string): IdentityBasis {
  const o = readObject(value, path, ['kind', 'reference', 'recordedAt']);
  return {
    kind: readEnum(o.kind, `${path}.kind`, ['consent', 'legal_basis'] as const),
    reference: readString(o.reference, `${path}.reference`, { max: 500 }),
    recordedAt: readTimestamp(o.recordedAt, `${path}.recordedAt`),
  };
}

const entities = (v: unknown, p: string): SharedEntity[] => readArray(v, p, readSharedEntity, 500);
const basis = (v: unknown, p: string): IdentityBasis | null => readNullable(v, p, readIdentityBasis);
const caseRef = (v: unknown, p: string): string | null => readNullable(v, p, stringReader({ max: 100 }));

type PayloadReaders = { [T in DefinedType]: (value: unknown, created: string) => PayloadOf[T] };

const readers: PayloadReaders = {
  Alert: (value) => {
    const o = readObject(value, '$.payload', ['title', 'summary', 'caseReference', 'entities', 'identityBasis']);
    return {
      title: readString(o.title, '$.payload.title', { max: 200 }),
      summary: readString(o.summary, '$.payload.summary'),
      caseReference: caseRef(o.caseReference, '$.payload.caseReference'),
      entities: entities(o.entities, '$.payload.entities'),
      identityBasis: basis(o.identityBasis, '$.payload.identityBasis'),
    };
  },
  RequestForInformation: (value, created) => {
    const o = readObject(value, '$.payload', ['subject', 'questions', 'deadline', 'caseReference', 'entities', 'identityBasis']);
    const deadline = readTimestamp(o.deadline, '$.payload.deadline');
    if (Date.parse(deadline) <= Date.parse(created)) throw new ShapeError('$.payload.deadline', 'not later than created');
    return {
      subject: readString(o.subject, '$.payload.subject', { max: 200 }),
      questions: readArray(o.questions, '$.payload.questions', stringReader(), 50, 1),
      deadline,
      caseReference: caseRef(o.caseReference, '$.payload.caseReference'),
      entities: entities(o.entities, '$.payload.entities'),
      identityBasis: basis(o.identityBasis, '$.payload.identityBasis'),
    };
  },
  Response: (value) => {
    const o = readObject(value, '$.payload', ['inReplyTo', 'answers', 'entities', 'identityBasis', 'final']);
    return {
      inReplyTo: readUuid(o.inReplyTo, '$.payload.inReplyTo'),
      answers: readArray(o.answers, '$.payload.answers', stringReader(), 50),
      entities: entities(o.entities, '$.payload.entities'),
      identityBasis: basis(o.identityBasis, '$.payload.identityBasis'),
      final: readBoolean(o.final, '$.payload.final'),
    };
  },
  Receipt: (value) => {
    const o = readObject(value, '$.payload', ['envelopeId', 'status', 'at', 'contentDigest']);
    return {
      envelopeId: readUuid(o.envelopeId, '$.payload.envelopeId'),
      status: readEnum(o.status, '$.payload.status', ['delivered', 'read'] as const),
      at: readTimestamp(o.at, '$.payload.at'),
      contentDigest: readString(o.contentDigest, '$.payload.contentDigest', { max: 64, pattern: DIGEST }),
    };
  },
  ConsentRequest: (value) => {
    const o = readObject(value, '$.payload', ['itemId', 'forwardTo', 'proposedHandling', 'proposedAudience', 'reason']);
    const to = readObject(o.forwardTo, '$.payload.forwardTo', ['node', 'country']);
    return {
      itemId: readUuid(o.itemId, '$.payload.itemId'),
      forwardTo: {
        node: readString(to.node, '$.payload.forwardTo.node', { max: 63, pattern: NODE_ID }),
        country: readString(to.country, '$.payload.forwardTo.country', { max: 2, pattern: COUNTRY }),
      },
      proposedHandling: readHandling(o.proposedHandling, '$.payload.proposedHandling'),
      proposedAudience: readAudience(o.proposedAudience, '$.payload.proposedAudience'),
      reason: readString(o.reason, '$.payload.reason'),
    };
  },
  ConsentDecision: (value) => {
    const o = readObject(value, '$.payload', ['requestId', 'itemId', 'granted', 'grant', 'reason']);
    const granted = readBoolean(o.granted, '$.payload.granted');
    const grant = readNullable(o.grant, '$.payload.grant', readConsentGrant);
    if (granted !== (grant !== null)) throw new ShapeError('$.payload.grant', granted ? 'missing' : 'present although refused');
    return {
      requestId: readUuid(o.requestId, '$.payload.requestId'),
      itemId: readUuid(o.itemId, '$.payload.itemId'),
      granted,
      grant,
      reason: readString(o.reason, '$.payload.reason'),
    };
  },
  KeyAnnouncement: (value) => {
    const o = readObject(value, '$.payload', ['signingKeys', 'encryptionKey']);
    const signingKey: Reader<AnnouncedSigningKey> = (v, p) => {
      const k = readObject(v, p, ['keyId', 'publicKey', 'notBefore', 'notAfter']);
      return {
        keyId: readString(k.keyId, `${p}.keyId`, { max: 32, pattern: KEY_ID }),
        publicKey: readString(k.publicKey, `${p}.publicKey`, { max: 43, pattern: PUBLIC_KEY }),
        notBefore: readTimestamp(k.notBefore, `${p}.notBefore`),
        notAfter: readNullable(k.notAfter, `${p}.notAfter`, readTimestamp),
      };
    };
    const enc = readObject(o.encryptionKey, '$.payload.encryptionKey', ['keyId', 'publicKey']);
    return {
      signingKeys: readArray(o.signingKeys, '$.payload.signingKeys', signingKey, 16, 1),
      encryptionKey: {
        keyId: readString(enc.keyId, '$.payload.encryptionKey.keyId', { max: 32, pattern: KEY_ID }),
        publicKey: readString(enc.publicKey, '$.payload.encryptionKey.publicKey', { max: 43, pattern: PUBLIC_KEY }),
      },
    };
  },
};

export const isDefinedType = (type: MessageType): type is DefinedType => Object.prototype.hasOwnProperty.call(readers, type);

/**
 * Checks the payload of a defined type, or of one of the four matching and disclosure types
 * (FED_MALFORMED with the field). Other reserved types pass through unchanged: the handler
 * registered for them checks them.
 */
export function readPayload(type: MessageType, payload: unknown, created: string): Checked<unknown> {
  if (isMatchMessageType(type)) return readMatchPayload(type, payload);
  if (!isDefinedType(type)) return accept(payload);
  try {
    return accept(readers[type](payload, created));
  } catch (e) {
    if (e instanceof ShapeError) return refuse('FED_MALFORMED', { field: e.field, reason: e.reason });
    throw e;
  }
}

/** Handling of control messages (docs/protocol/messages.md). */
export const RECEIPT_HANDLING: Handling = Object.freeze({
  tlp: 'GREEN',
  purpose: 'delivery-evidence',
  retentionDays: 3650,
  originatorConsentRequiredToForward: true,
}) as Handling;

export const KEY_ANNOUNCEMENT_HANDLING: Handling = Object.freeze({
  tlp: 'CLEAR',
  purpose: 'key-management',
  retentionDays: 3650,
  originatorConsentRequiredToForward: false,
}) as Handling;

export const CONSENT_HANDLING = (retentionDays: number): Handling => ({
  tlp: 'GREEN',
  purpose: 'consent',
  retentionDays,
  originatorConsentRequiredToForward: true,
});
