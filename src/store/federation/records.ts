/**
 * The records the federation stores keep, as the store sees them. They mirror the ports of
 * src/federation/ports.ts (which the store may not import): the types of the protocol's own
 * documents — messages, consent grants, payloads, key sets — are parameters, so that the
 * server wires the adapters to the ports with the protocol's types and the compiler checks
 * that the two agree.
 */
import type { Kysely } from 'kysely';
import type { Handling } from '../../domain/model';
import type { SqlStore } from '../sql-store';

/** The protocol's document types, given by whoever wires the adapters. */
export interface FederationShapes {
  type: string;
  message: object;
  grant: object;
  payload: object;
  keys: object;
}

/** The defaults: plain JSON objects, for tests and tools that do not need the precise types. */
export interface JsonShapes extends FederationShapes {
  type: string;
  message: Record<string, unknown>;
  grant: Record<string, unknown>;
  payload: Record<string, unknown>;
  keys: Record<string, unknown>;
}

export interface NodeRefRecord {
  node: string;
  country: string;
}

export interface AudienceRecord {
  agencies: string[];
  persons: string[];
}

export type OutboxStatusValue = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface OutboxEntry<S extends FederationShapes> {
  id: string;
  type: S['type'];
  to: string;
  message: S['message'] | null;
  contentDigest: string;
  status: OutboxStatusValue;
  attempts: number;
  createdAt: string;
  firstAttemptAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
  readAt: string | null;
}

export interface InboxEntry<S extends FederationShapes> {
  envelopeId: string;
  type: S['type'];
  from: NodeRefRecord;
  originator: { node: string; itemId: string };
  handling: Handling;
  audience: AudienceRecord;
  consentGrant: S['grant'] | null;
  created: string;
  receivedAt: string;
  expiresAt: string;
  contentDigest: string;
  payload: S['payload'] | null;
  evidence: string | null;
  status: 'received' | 'processed';
  handlerAttempts: number;
  lastError: string | null;
  readAt: string | null;
  purgedAt: string | null;
}

export interface SightingEntry {
  envelopeId: string;
  from: string;
  contentDigest: string;
  signatureDigests: string[];
  acceptedAt: string;
}

export interface ReceiptEntry {
  envelopeId: string;
  status: 'delivered' | 'read';
  from: string;
  at: string;
  contentDigest: string;
  evidence: string;
  receivedAt: string;
}

export type ConsentStatusValue = 'pending' | 'granted' | 'refused';

export interface ConsentEntry<S extends FederationShapes> {
  requestId: string;
  direction: 'outgoing' | 'incoming';
  itemId: string;
  originator: string;
  forwarder: string;
  forwardTo: NodeRefRecord;
  proposedHandling: Handling;
  proposedAudience: AudienceRecord;
  reason: string;
  status: ConsentStatusValue;
  createdAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  grant: S['grant'] | null;
  heldEnvelopeId: string | null;
}

export interface PeerEntry {
  node: string;
  country: string;
  url: string;
  signingKeys: { keyId: string; publicKey: string; notBefore: string; notAfter: string | null; revokedAt: string | null }[];
  encryptionKey: { keyId: string; publicKey: string };
  supportedVersions: number[];
}

/** One item people sent or received (Alert, RequestForInformation, Response ...), for lists and threads. */
export interface FederationItemEntry {
  envelopeId: string;
  direction: 'sent' | 'received';
  type: string;
  peerNode: string;
  threadId: string;
  title: string;
  createdAt: string;
  senderUserId: string | null;
  senderLabel: string | null;
  caseId: string | null;
  /** Sent items only: this node's own copy of what it sent. Received payloads live in the inbox. */
  payload: Record<string, unknown> | null;
}

// ---------------------------------------------------------------- tables

export interface FederationTables {
  federation_outbox: {
    id: string;
    type: string;
    to_node: string;
    message: string | null;
    content_digest: string;
    status: string;
    attempts: number;
    created_at: string;
    first_attempt_at: string | null;
    last_attempt_at: string | null;
    next_attempt_at: string | null;
    last_error: string | null;
    delivered_at: string | null;
    read_at: string | null;
  };
  federation_receipts: {
    envelope_id: string;
    status: string;
    from_node: string;
    at: string;
    content_digest: string;
    evidence: string;
    received_at: string;
  };
  federation_inbox: {
    envelope_id: string;
    type: string;
    from_node: string;
    from_country: string;
    originator_node: string;
    originator_item_id: string;
    handling: string;
    audience: string;
    consent_grant: string | null;
    created: string;
    received_at: string;
    expires_at: string;
    content_digest: string;
    payload: string | null;
    evidence: string | null;
    status: string;
    handler_attempts: number;
    last_error: string | null;
    read_at: string | null;
    purged_at: string | null;
  };
  federation_sightings: {
    envelope_id: string;
    from_node: string;
    content_digest: string;
    signature_digests: string;
    accepted_at: string;
  };
  federation_consents: {
    request_id: string;
    direction: string;
    item_id: string;
    originator: string;
    forwarder: string;
    forward_to: string;
    proposed_handling: string;
    proposed_audience: string;
    reason: string;
    status: string;
    created_at: string;
    decided_at: string | null;
    decision_reason: string | null;
    grant: string | null;
    held_envelope_id: string | null;
  };
  federation_peers: {
    node: string;
    country: string;
    url: string;
    signing_keys: string;
    encryption_key: string;
    supported_versions: string;
  };
  federation_node_keys: {
    node: string;
    keys: string;
    updated_at: string;
  };
  federation_items: {
    envelope_id: string;
    direction: string;
    type: string;
    peer_node: string;
    thread_id: string;
    title: string;
    created_at: string;
    sender_user_id: string | null;
    sender_label: string | null;
    case_id: string | null;
    payload: string | null;
  };
}

export type FedDb = Kysely<FederationTables>;

/** How the federation adapters reach the database: the ambient transaction when there is one. */
export interface FederationDb {
  readonly dialect: 'sqlite' | 'postgres';
  db(): FedDb;
  /** Runs `fn` in a transaction (joining the current one). */
  atomic<T>(fn: () => Promise<T>): Promise<T>;
}

export function federationDb(store: SqlStore): FederationDb {
  return {
    dialect: store.dialect,
    db: () => store.currentDb() as unknown as FedDb,
    atomic: (fn) => store.transaction(() => fn()),
  };
}

export const toJson = (value: unknown): string => JSON.stringify(value);
export const fromJson = <T>(text: string): T => JSON.parse(text) as T;
export const fromJsonOrNull = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));
