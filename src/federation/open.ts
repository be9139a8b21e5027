/**
 * Opening an envelope: steps 5–16 of docs/protocol/README.md §10, in that order, after
 * `parseEnvelope` did steps 1–4. Pure: the caller passes its keys, its peers, the clock
 * reading and what it remembers of this envelope id.
 */
import { CLOCK_SKEW_MS } from './constants';
import { sha256Hex } from './bytes';
import type { Json } from './canonical-json';
import { grantIsGenuine } from './consent-grant';
import { messageOf, parseEnvelope, type Envelope, type Message } from './envelope';
import { accept, refuse, type Checked } from './errors';
import { checkReceivedHandling } from './handling';
import { readPayload } from './messages';
import { decryptionKey, publicIdentity, signingKeyValidAt, type NodeKeys, type PeerRecord } from './peers';
import { contentDigest, decryptPayload, verifySignature } from './seal';

/** What a receiver remembers of an envelope id it accepted (README §9). */
export interface Sighting {
  envelopeId: string;
  from: string;
  contentDigest: string;
  /** SHA-256 (hex) of every signature value accepted under this id. */
  signatureDigests: string[];
  acceptedAt: string;
}

export interface OpenContext {
  keys: NodeKeys;
  now: number;
  peerOf: (node: string) => PeerRecord | undefined;
  /** What this node remembers of the envelope's id, if anything. */
  sighting: Sighting | undefined;
}

export interface OpenedEnvelope {
  envelope: Envelope;
  /** The message with its plaintext payload, checked against its type. */
  message: Message;
  contentDigest: string;
  signatureDigest: string;
  /** A new attempt of a message already accepted: answer with a receipt, apply nothing. */
  duplicate: boolean;
}

export const signatureDigestOf = (envelope: Envelope): string => sha256Hex(envelope.signature.value);

export function openEnvelope(envelope: Envelope, context: OpenContext): Checked<OpenedEnvelope> {
  const { keys, now } = context;
  const self = keys.self;

  if (envelope.to.node !== self.node || envelope.to.country !== self.country) {
    return refuse('FED_NOT_FOR_US', { to: envelope.to.node, self: self.node });
  }

  const sentMs = Date.parse(envelope.sent);
  const skew = sentMs - now;
  if (Math.abs(skew) > CLOCK_SKEW_MS) {
    return refuse('FED_CLOCK_SKEW', {
      skewSeconds: Math.round(skew / 1000),
      toleranceSeconds: CLOCK_SKEW_MS / 1000,
      direction: skew > 0 ? 'future' : 'past',
    });
  }

  const peer = context.peerOf(envelope.from.node);
  if (!peer || peer.country !== envelope.from.country) return refuse('FED_UNKNOWN_PEER', { node: envelope.from.node });
  const signingKey = signingKeyValidAt(peer, envelope.signature.keyId, sentMs);
  if (!signingKey) return refuse('FED_UNKNOWN_SENDER_KEY', { node: peer.node, keyId: envelope.signature.keyId });
  if (!verifySignature(envelope, signingKey.publicKey)) return refuse('FED_BAD_SIGNATURE');

  const signatureDigest = signatureDigestOf(envelope);
  const sighting = context.sighting;
  if (sighting && sighting.signatureDigests.includes(signatureDigest)) return refuse('FED_REPLAY', { id: envelope.id });

  let plaintext: Record<string, Json>;
  if (envelope.payload.enc === 'none') {
    if (envelope.handling.tlp !== 'CLEAR') return refuse('FED_PLAINTEXT_NOT_ALLOWED', { tlp: envelope.handling.tlp });
    plaintext = envelope.payload.data;
  } else {
    const key = decryptionKey(keys, envelope.payload.recipientKeyId);
    if (!key) return refuse('FED_UNKNOWN_RECIPIENT_KEY', { keyId: envelope.payload.recipientKeyId });
    const opened = decryptPayload(envelope, key);
    if (opened === 'tampered') return refuse('FED_TAMPERED');
    if (opened === 'malformed') return refuse('FED_MALFORMED', { field: '$.payload', reason: 'plaintext is not a JSON object' });
    plaintext = opened;
  }

  const payload = readPayload(envelope.type, plaintext, envelope.created);
  if (!payload.ok) return payload;

  const handling = checkReceivedHandling(envelope, (grant) => {
    const originator = grant.originator === self.node ? publicIdentity(keys, '') : context.peerOf(grant.originator);
    return grantIsGenuine(grant, originator);
  });
  if (!handling.ok) return handling;

  const message = messageOf(envelope, plaintext);
  const digest = contentDigest(message);
  let duplicate = false;
  if (sighting) {
    if (sighting.contentDigest !== digest || sighting.from !== envelope.from.node) {
      return refuse('FED_DUPLICATE_CONFLICT', { id: envelope.id });
    }
    duplicate = true;
  }
  return accept({ envelope, message, contentDigest: digest, signatureDigest, duplicate });
}

/** parseEnvelope then openEnvelope, for callers that remember sightings synchronously. */
export function openRaw(
  body: string | Uint8Array,
  context: Omit<OpenContext, 'sighting'> & { sightingOf: (id: string) => Sighting | undefined },
): Checked<OpenedEnvelope> & { envelope?: Envelope } {
  const parsed = parseEnvelope(body);
  if (!parsed.ok) return parsed;
  const result = openEnvelope(parsed.value, { ...context, sighting: context.sightingOf(parsed.value.id) });
  return result.ok ? result : { ...result, envelope: parsed.value };
}
