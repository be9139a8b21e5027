/**
 * Where a token's bits go in the Bloom filter.
 *
 * - blakeHash: keyed BLAKE2b-512 of the token with salt = the block number as decimal text
 *   (zero-padded to 16 bytes); each digest gives 32 little-endian 16-bit values, taken
 *   modulo the filter length (a power of two). k bits need ⌈k/32⌉ digests.
 * - doubleHash (Schnell, Bachteler and Reiher 2011): g_i = (h1 + i·h2) mod l with
 *   h1 = HMAC-SHA1, h2 = HMAC-MD5 read as big-endian integers. With prevent_singularity,
 *   an h2 ≡ 0 (mod l) is re-drawn from HMAC-MD5(token ‖ chr(j)), j = 0, 1, …
 *
 * Tokens repeat across records far more than they vary, so each hasher keeps a bounded
 * cache of token → positions.
 */
import { createHmac } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2';
import type { HashFunction, TextEncodingName } from './schema-types';
import { encodeText } from './text-encoding';

const CACHE_LIMIT = 1 << 18;
const utf8 = new TextEncoder();

/** Positions in [0, l) for a token; may repeat (a Bloom filter sets each once). */
export interface TokenHasher {
  positions(token: string, k: number): ArrayLike<number>;
}

function bigEndianMod(bytes: Uint8Array, l: number): number {
  let r = 0;
  for (const b of bytes) r = (r * 256 + b) % l;
  return r;
}

function saltFor(block: number): Uint8Array {
  const salt = new Uint8Array(16);
  salt.set(utf8.encode(String(block)));
  return salt;
}

/** The blakeHash positions of a token already turned into bytes. */
export function blakePositions(token: Uint8Array, k: number, key: Uint8Array, l: number): Uint32Array {
  const out = new Uint32Array(k);
  const blocks = Math.ceil(k / 32);
  for (let b = 0; b < blocks; b++) {
    const digest = blake2b(token, { key, salt: saltFor(b), dkLen: 64 });
    for (let j = 0; j < 32 && b * 32 + j < k; j++) {
      out[b * 32 + j] = (digest[2 * j]! | (digest[2 * j + 1]! << 8)) % l;
    }
  }
  return out;
}

/** h1 and h2 of doubleHash for a token already turned into bytes. */
export function doubleHashPair(token: Uint8Array, keys: readonly Uint8Array[], l: number, preventSingularity: boolean): [number, number] {
  const h1 = bigEndianMod(createHmac('sha1', keys[0]!).update(token).digest(), l);
  let h2 = bigEndianMod(createHmac('md5', keys[1]!).update(token).digest(), l);
  for (let j = 0; preventSingularity && h2 === 0; j++) {
    const extended = new Uint8Array([...token, ...utf8.encode(String.fromCodePoint(j))]);
    h2 = bigEndianMod(createHmac('md5', keys[1]!).update(extended).digest(), l);
  }
  return [h1, h2];
}

export function doubleHashPositions(h1: number, h2: number, k: number, l: number): Uint32Array {
  const out = new Uint32Array(k);
  for (let i = 0; i < k; i++) out[i] = (h1 + i * h2) % l;
  return out;
}

export function createTokenHasher(hash: HashFunction, keys: readonly Uint8Array[], encoding: TextEncodingName, l: number): TokenHasher {
  if (hash.type === 'blakeHash') {
    const key = keys[0]!;
    const cache = new Map<string, Uint32Array>();
    return {
      positions(token, k) {
        const hit = cache.get(token);
        // the first k positions do not depend on how many more are drawn
        if (hit && hit.length >= k) return hit.length === k ? hit : hit.subarray(0, k);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        const fresh = blakePositions(encodeText(token, encoding), k, key, l);
        cache.set(token, fresh);
        return fresh;
      },
    };
  }
  const cache = new Map<string, [number, number]>();
  return {
    positions(token, k) {
      let pair = cache.get(token);
      if (!pair) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        pair = doubleHashPair(encodeText(token, encoding), keys, l, hash.preventSingularity);
        cache.set(token, pair);
      }
      return doubleHashPositions(pair[0], pair[1], k, l);
    },
  };
}
