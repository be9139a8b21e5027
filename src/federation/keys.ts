/**
 * Node keys (docs/protocol/README.md §6): Ed25519 for signatures, X25519 for encryption.
 * Keys travel and rest as raw 32-byte values in base64url; the key id and the fingerprint
 * are both taken from SHA-256 of the raw public key.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { fromBase64url, sha256 } from './bytes';

export type KeyAlg = 'Ed25519' | 'X25519';

/** A key pair as it rests in a node's key store: raw values in base64url. */
export interface KeyPair {
  alg: KeyAlg;
  keyId: string;
  publicKey: string;
  privateKey: string;
}

const CURVE: Record<KeyAlg, string> = { Ed25519: 'Ed25519', X25519: 'X25519' };

/** The key id: the first 16 bytes of SHA-256 of the raw public key, lower-case hex. */
export const keyIdOf = (rawPublicKey: Uint8Array): string => sha256(rawPublicKey).subarray(0, 16).toString('hex');

/** The fingerprint people compare out of band: SHA-256 of the raw public key in 16 groups of 4 hex digits. */
export function fingerprintOf(rawPublicKey: Uint8Array): string {
  const hex = sha256(rawPublicKey).toString('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** Fingerprint of a base64url public key; undefined when it is not 32 bytes of base64url. */
export function fingerprintOfKey(publicKey: string): string | undefined {
  const raw = fromBase64url(publicKey, 32);
  return raw ? fingerprintOf(raw) : undefined;
}

/**
 * Compares a fingerprint typed or read out by a person with the expected one, ignoring
 * spaces, dashes and case. Returns the 1-based number of the first group that differs, or 0.
 */
export function compareFingerprint(expected: string, typed: string): number {
  const clean = (s: string): string => s.replace(/[\s-]/g, '').toUpperCase();
  const a = clean(expected);
  const b = clean(typed);
  for (let group = 0; group < Math.max(a.length, b.length) / 4; group++) {
    if (a.slice(group * 4, group * 4 + 4) !== b.slice(group * 4, group * 4 + 4)) return group + 1;
  }
  return 0;
}

// JWK is the fast path in node:crypto here: DER import and export cost 0.2–1 ms per key.
const jwkOf = (key: KeyObject): { x: string; d?: string } => key.export({ format: 'jwk' }) as { x: string; d?: string };

export function generateKeyPair(alg: KeyAlg): KeyPair {
  const { privateKey } = alg === 'Ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  const jwk = jwkOf(privateKey);
  return { alg, keyId: keyIdOf(Buffer.from(jwk.x, 'base64url')), publicKey: jwk.x, privateKey: jwk.d! };
}

/** A one-time X25519 key pair for one sealing: the private key never leaves memory. */
export function generateEphemeralKey(): { privateKey: KeyObject; publicKey: string } {
  const { privateKey } = generateKeyPairSync('x25519');
  return { privateKey, publicKey: jwkOf(privateKey).x };
}

export const generateSigningKey = (): KeyPair => generateKeyPair('Ed25519');
export const generateEncryptionKey = (): KeyPair => generateKeyPair('X25519');

const publicCache = new Map<string, KeyObject>();
const privateCache = new Map<string, KeyObject>();
const CACHE_LIMIT = 1024;

function remember(cache: Map<string, KeyObject>, key: string, value: KeyObject): KeyObject {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** A public key object from its raw base64url form; undefined when the value is not a valid key. */
export function publicKeyObject(alg: KeyAlg, publicKey: string): KeyObject | undefined {
  const cacheKey = alg + ':' + publicKey;
  const cached = publicCache.get(cacheKey);
  if (cached) return cached;
  if (!fromBase64url(publicKey, 32)) return undefined;
  try {
    return remember(publicCache, cacheKey, createPublicKey({ key: { kty: 'OKP', crv: CURVE[alg], x: publicKey }, format: 'jwk' }));
  } catch {
    return undefined;
  }
}

export function privateKeyObject(pair: Pick<KeyPair, 'alg' | 'privateKey' | 'publicKey'>): KeyObject {
  const cacheKey = pair.alg + ':' + pair.privateKey;
  const cached = privateCache.get(cacheKey);
  if (cached) return cached;
  if (!fromBase64url(pair.privateKey, 32) || !fromBase64url(pair.publicKey, 32)) throw new Error('key is not 32 bytes of base64url');
  const jwk = { kty: 'OKP', crv: CURVE[pair.alg], x: pair.publicKey, d: pair.privateKey };
  return remember(privateCache, cacheKey, createPrivateKey({ key: jwk, format: 'jwk' }));
}

/** The public half of a key pair: what a node publishes and a peer pins. */
export const publicPart = (pair: KeyPair): { alg: KeyAlg; keyId: string; publicKey: string } => ({
  alg: pair.alg,
  keyId: pair.keyId,
  publicKey: pair.publicKey,
});

/** True when `keyId` is the key id of the base64url public key. */
export function keyIdMatches(keyId: string, publicKey: string): boolean {
  const raw = fromBase64url(publicKey, 32);
  return raw !== undefined && keyIdOf(raw) === keyId;
}
