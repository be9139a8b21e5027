/**
 * Per-feature keys from the shared linkage secret: one HKDF (RFC 5869) call yields
 * 2 × (number of features) keys, ignored features included, and feature i takes keys 2i
 * and 2i+1 — the first for blakeHash or the SHA-1 half of doubleHash, the second for the
 * MD5 half.
 */
import { hkdfSync } from 'node:crypto';
import { AlianzaError } from '../../domain/errors';
import type { KeyDerivation } from './schema-types';

export const KEYS_PER_FEATURE = 2;

export function deriveFeatureKeys(secret: string | Uint8Array, featureCount: number, kdf: KeyDerivation): Uint8Array[][] {
  const ikm = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (ikm.length === 0) throw new AlianzaError('PPRL_SECRET_EMPTY');
  const total = KEYS_PER_FEATURE * featureCount * kdf.keySize;
  const digest = kdf.hash === 'SHA256' ? 'sha256' : 'sha512';
  const okm = new Uint8Array(hkdfSync(digest, ikm, kdf.salt ?? new Uint8Array(0), kdf.info ?? new Uint8Array(0), total));
  const keys: Uint8Array[][] = [];
  for (let f = 0; f < featureCount; f++) {
    const own: Uint8Array[] = [];
    for (let k = 0; k < KEYS_PER_FEATURE; k++) {
      const start = (f * KEYS_PER_FEATURE + k) * kdf.keySize;
      own.push(okm.slice(start, start + kdf.keySize));
    }
    keys.push(own);
  }
  return keys;
}
