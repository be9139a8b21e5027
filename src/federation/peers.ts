/**
 * Pinned peers and the node's own keys, as plain data, with the pure rules on their
 * validity (docs/protocol/README.md §6).
 */
import type { NodeRef } from './envelope';
import { fedError } from './errors';
import type { KeyPair } from './keys';

export interface PinnedSigningKey {
  keyId: string;
  publicKey: string;
  notBefore: string;
  notAfter: string | null;
  revokedAt: string | null;
}

export interface PinnedEncryptionKey {
  keyId: string;
  publicKey: string;
}

/** A peer as this node pinned it: identity, address and keys. */
export interface PeerRecord {
  node: string;
  country: string;
  url: string;
  signingKeys: PinnedSigningKey[];
  /** The key to seal messages to this peer with. */
  encryptionKey: PinnedEncryptionKey;
  supportedVersions: number[];
}

export interface OwnSigningKey extends KeyPair {
  notBefore: string;
  notAfter: string | null;
}

export interface OwnEncryptionKey extends KeyPair {
  createdAt: string;
  /** After this time the private key may be destroyed; null while current. */
  retireAfter: string | null;
}

/** This node's identity and key material. */
export interface NodeKeys {
  self: NodeRef;
  signingKeys: OwnSigningKey[];
  activeSigningKeyId: string;
  /** A new signing key announced to peers but not yet used (delivery.md §6). */
  pendingSigningKeyId: string | null;
  encryptionKeys: OwnEncryptionKey[];
  activeEncryptionKeyId: string;
}

/** The pinned signing key with this id if it verifies an envelope sent at `sentMs`. */
export function signingKeyValidAt(peer: PeerRecord, keyId: string, sentMs: number): PinnedSigningKey | undefined {
  const key = peer.signingKeys.find((k) => k.keyId === keyId);
  if (!key) return undefined;
  if (Date.parse(key.notBefore) > sentMs) return undefined;
  if (key.notAfter !== null && sentMs > Date.parse(key.notAfter)) return undefined;
  if (key.revokedAt !== null && sentMs >= Date.parse(key.revokedAt)) return undefined;
  return key;
}

export function activeSigningKey(keys: NodeKeys): OwnSigningKey {
  const key = keys.signingKeys.find((k) => k.keyId === keys.activeSigningKeyId);
  if (!key) throw fedError('FED_NO_SIGNING_KEY');
  return key;
}

export function activeEncryptionKey(keys: NodeKeys): OwnEncryptionKey {
  const key = keys.encryptionKeys.find((k) => k.keyId === keys.activeEncryptionKeyId);
  if (!key) throw fedError('FED_NO_ENCRYPTION_KEY', { node: keys.self.node });
  return key;
}

/** The private key for a `recipientKeyId`, current or kept through the overlap. */
export const decryptionKey = (keys: NodeKeys, keyId: string): OwnEncryptionKey | undefined =>
  keys.encryptionKeys.find((k) => k.keyId === keyId);

/** What this node tells peers to pin: public keys only. */
export function publicIdentity(keys: NodeKeys, url: string): PeerRecord {
  const encryption = activeEncryptionKey(keys);
  return {
    node: keys.self.node,
    country: keys.self.country,
    url,
    signingKeys: keys.signingKeys.map((k) => ({
      keyId: k.keyId,
      publicKey: k.publicKey,
      notBefore: k.notBefore,
      notAfter: k.notAfter,
      revokedAt: null,
    })),
    encryptionKey: { keyId: encryption.keyId, publicKey: encryption.publicKey },
    supportedVersions: [1],
  };
}
