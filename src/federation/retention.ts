/**
 * Retention of received items (docs/protocol/handling.md §6): when a payload must be purged,
 * and the stub that remains.
 */
import type { Handling } from '../domain/model';
import type { Audience, MessageType, NodeRef } from './envelope';

export interface RetentionDecision {
  expiresAt: string;
  /** True when the payload must be purged now. */
  purge: boolean;
  /** Milliseconds left before the purge (0 when due). */
  remainingMs: number;
}

export function retentionDecision(copy: { expiresAt: string; purgedAt: string | null }, now: number): RetentionDecision | null {
  if (copy.purgedAt !== null) return null; // already a stub
  const expires = Date.parse(copy.expiresAt);
  return { expiresAt: copy.expiresAt, purge: now >= expires, remainingMs: Math.max(0, expires - now) };
}

/** What remains of a purged message: enough for audits and receipts, nothing of the content. */
export interface MessageStub {
  envelopeId: string;
  type: MessageType;
  from: NodeRef;
  originator: { node: string; itemId: string };
  handling: Handling;
  audience: Audience;
  created: string;
  receivedAt: string;
  expiresAt: string;
  purgedAt: string;
  contentDigest: string;
}

export function stubOf(
  record: Omit<MessageStub, 'purgedAt'> & Record<string, unknown>,
  purgedAt: string,
): MessageStub {
  return {
    envelopeId: record.envelopeId,
    type: record.type,
    from: record.from,
    originator: record.originator,
    handling: record.handling,
    audience: record.audience,
    created: record.created,
    receivedAt: record.receivedAt,
    expiresAt: record.expiresAt,
    purgedAt,
    contentDigest: record.contentDigest,
  };
}
