/**
 * Key life cycle as pure functions on NodeKeys and PeerRecord (docs/protocol/delivery.md §6):
 * first keys, the start of a rotation with an overlap, activation of the new signing key,
 * pruning, and applying a peer's KeyAnnouncement to its pinned record.
 */
import { DAY_MS } from './constants';
import { iso } from './bytes';
import type { NodeRef } from './envelope';
import { accept, refuse, type Checked } from './errors';
import { generateEncryptionKey, generateSigningKey, keyIdMatches, publicKeyObject } from './keys';
import type { KeyAnnouncementPayload } from './messages';
import type { NodeKeys, PeerRecord, PinnedSigningKey } from './peers';

export const DEFAULT_OVERLAP_MS = 7 * DAY_MS;

/** A node's first keys. */
export function createNodeKeys(self: NodeRef, now: number): NodeKeys {
  const signing = generateSigningKey();
  const encryption = generateEncryptionKey();
  return {
    self,
    signingKeys: [{ ...signing, notBefore: iso(now), notAfter: null }],
    activeSigningKeyId: signing.keyId,
    encryptionKeys: [{ ...encryption, createdAt: iso(now), retireAfter: null }],
    activeEncryptionKeyId: encryption.keyId,
    pendingSigningKeyId: null,
  };
}

/** What a node announces: every signing key it holds, and its current encryption key. */
export function announcementOf(keys: NodeKeys): KeyAnnouncementPayload {
  const encryption = keys.encryptionKeys.find((k) => k.keyId === keys.activeEncryptionKeyId)!;
  return {
    signingKeys: keys.signingKeys.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey, notBefore: k.notBefore, notAfter: k.notAfter })),
    encryptionKey: { keyId: encryption.keyId, publicKey: encryption.publicKey },
  };
}

/**
 * Starts a rotation: a new signing key valid from now (not yet used to sign), the current
 * one ending after the overlap; a new encryption key used from now on by peers that learn it,
 * the old one kept for the overlap so that envelopes sealed to it still open.
 */
export function beginRotation(keys: NodeKeys, now: number, overlapMs = DEFAULT_OVERLAP_MS): NodeKeys {
  const end = iso(now + overlapMs);
  const signing = generateSigningKey();
  const encryption = generateEncryptionKey();
  return {
    ...keys,
    signingKeys: [
      ...keys.signingKeys.map((k) =>
        k.keyId === keys.activeSigningKeyId && (k.notAfter === null || k.notAfter > end) ? { ...k, notAfter: end } : k,
      ),
      { ...signing, notBefore: iso(now), notAfter: null },
    ],
    pendingSigningKeyId: signing.keyId,
    encryptionKeys: [
      ...keys.encryptionKeys.map((k) => (k.retireAfter === null ? { ...k, retireAfter: end } : k)),
      { ...encryption, createdAt: iso(now), retireAfter: null },
    ],
    activeEncryptionKeyId: encryption.keyId,
  };
}

/** Starts signing with the new key, once peers have it. */
export function activatePendingSigningKey(keys: NodeKeys): NodeKeys {
  if (keys.pendingSigningKeyId === null) return keys;
  return { ...keys, activeSigningKeyId: keys.pendingSigningKeyId, pendingSigningKeyId: null };
}

/** Drops private keys no longer needed: signing keys past notAfter, encryption keys past retirement. */
export function pruneKeys(keys: NodeKeys, now: number): NodeKeys {
  return {
    ...keys,
    signingKeys: keys.signingKeys.filter(
      (k) => k.keyId === keys.activeSigningKeyId || k.keyId === keys.pendingSigningKeyId || k.notAfter === null || Date.parse(k.notAfter) >= now,
    ),
    encryptionKeys: keys.encryptionKeys.filter(
      (k) => k.keyId === keys.activeEncryptionKeyId || k.retireAfter === null || Date.parse(k.retireAfter) >= now,
    ),
  };
}

/**
 * Applies a verified KeyAnnouncement to a pinned peer: adds new keys, shortens (never
 * lengthens) the validity of known ones, never removes one, and takes the new encryption key.
 */
export function applyKeyAnnouncement(peer: PeerRecord, announcement: KeyAnnouncementPayload): Checked<PeerRecord> {
  const all = [...announcement.signingKeys, announcement.encryptionKey];
  for (const k of all) {
    if (!keyIdMatches(k.keyId, k.publicKey)) return refuse('FED_KEY_ID_MISMATCH', { keyId: k.keyId });
  }
  for (const k of announcement.signingKeys) {
    if (!publicKeyObject('Ed25519', k.publicKey)) return refuse('FED_KEY_INVALID', { alg: 'Ed25519' });
  }
  if (!publicKeyObject('X25519', announcement.encryptionKey.publicKey)) return refuse('FED_KEY_INVALID', { alg: 'X25519' });

  const signingKeys: PinnedSigningKey[] = peer.signingKeys.map((pinned) => {
    const announced = announcement.signingKeys.find((k) => k.keyId === pinned.keyId);
    if (!announced || announced.notAfter === null) return pinned;
    const notAfter = pinned.notAfter === null || announced.notAfter < pinned.notAfter ? announced.notAfter : pinned.notAfter;
    return { ...pinned, notAfter };
  });
  for (const k of announcement.signingKeys) {
    if (!signingKeys.some((p) => p.keyId === k.keyId)) {
      signingKeys.push({ keyId: k.keyId, publicKey: k.publicKey, notBefore: k.notBefore, notAfter: k.notAfter, revokedAt: null });
    }
  }
  return accept({ ...peer, signingKeys, encryptionKey: { ...announcement.encryptionKey } });
}
