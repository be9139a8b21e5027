/**
 * The JSON shapes of /api/federation as the web app reads them. They mirror the server's
 * views (src/app/federation-views.ts, federation-service.ts, federation-peers.ts,
 * federation-compose.ts); federation-types.test.ts fails to compile when the two drift apart.
 */
import type { Handling } from '../../../../src/server/api-types';

export type ItemType = 'Alert' | 'RequestForInformation' | 'Response';
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface Audience {
  agencies: string[];
  persons: string[];
}

export interface DeliveryView {
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
}

export interface ItemSummary {
  id: string;
  type: string;
  direction: 'sent' | 'received';
  peer: { node: string; country: string | null };
  threadId: string;
  /** null when the payload was purged at the end of its retention */
  title: string | null;
  createdAt: string;
  handling: Handling | null;
  sender: string | null;
  caseId: string | null;
  deadline: string | null;
  receivedAt: string | null;
  expiresAt: string | null;
  purgedAt: string | null;
  readAt: string | null;
  delivery: DeliveryView | null;
}

export interface ReceiptView {
  status: 'delivered' | 'read';
  from: string;
  at: string;
  receivedAt: string;
}

export interface ItemDetail extends ItemSummary {
  audience: Audience | null;
  originator: { node: string; itemId: string } | null;
  payload: Record<string, Json> | null;
  receipts: ReceiptView[];
}

/** GET /api/federation/threads/:id */
export interface Thread {
  threadId: string;
  title: string;
  items: ItemDetail[];
}

/** GET /api/federation/ledger (auditors): an item without its title and content. */
export type LedgerEntry = Omit<ItemDetail, 'title' | 'payload'>;

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

export type ForwardOutcome = { outcome: 'queued'; id: string } | { outcome: 'needs_consent'; requestId: string };

export type ConsentStatus = 'pending' | 'granted' | 'refused';

export interface ConsentView {
  requestId: string;
  direction: 'outgoing' | 'incoming';
  itemId: string;
  originator: string;
  forwarder: string;
  forwardTo: { node: string; country: string };
  proposedHandling: Handling;
  proposedAudience: Audience;
  reason: string;
  status: ConsentStatus;
  createdAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface KeyView {
  keyId: string;
  publicKey: string;
  fingerprint: string;
  notBefore?: string;
  notAfter?: string | null;
  revokedAt?: string | null;
}

export interface PeerView {
  node: string;
  country: string;
  url: string;
  signingKeys: KeyView[];
  encryptionKey: KeyView;
  supportedVersions: number[];
}

/** GET /api/federation/node */
export interface NodeIdentity {
  node: string;
  country: string;
  token: string;
  activeSigningKeyId: string;
  pendingSigningKeyId: string | null;
  signingKeys: KeyView[];
  encryptionKey: KeyView;
  outbox: Record<DeliveryStatus, number>;
  pendingConsents: number;
  peers: number;
}

export interface ShareableEntity {
  id: string;
  schema: string;
  roles: string[];
  identifiesVictim: boolean;
  fields: { name: string; values: number; victimIdentity: boolean }[];
}

/** GET /api/federation/shareable?caseId */
export interface Shareable {
  caseReference: string;
  entities: ShareableEntity[];
}

interface SendCommon {
  to: string;
  handling: Handling;
  audience: Audience;
  caseId?: string | null;
  entities?: { id: string; fields: string[] }[];
  identityBasis?: IdentityBasis | null;
}

/** POST /api/federation/messages */
export type SendRequest =
  | (SendCommon & { type: 'Alert'; title: string; summary: string })
  | (SendCommon & { type: 'RequestForInformation'; subject: string; questions: string[]; deadline: string })
  | (SendCommon & { type: 'Response'; inReplyTo: string; answers: string[]; final: boolean });

/** POST /api/federation/messages/:id/forward */
export interface ForwardRequest {
  to: string;
  handling: Handling;
  audience: Audience;
  reason: string;
}
