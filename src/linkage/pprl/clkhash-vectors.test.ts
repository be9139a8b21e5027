/** The interoperability vectors produced by clkhash itself (fixtures/clkhash_test_vectors.json). */
import { describe, expect, it } from 'vitest';
import { deriveFeatureKeys } from './key-derivation';
import { parseLinkageSchema } from './schema';
import { blakePositions, doubleHashPair, doubleHashPositions } from './token-hashing';
import { tokenize } from './tokenizers';
import { readFixture, vectors } from './test-fixtures.node';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (s: string) => new TextEncoder().encode(s);
const setBits = (positions: ArrayLike<number>) => [...new Set(Array.from(positions))].sort((a, b) => a - b);

describe('clkhash test vectors', () => {
  const v = vectors();
  const schema = parseLinkageSchema(readFixture('febrl_schema_blake_v3.json'));
  const keys = deriveFeatureKeys('secret', schema.features.length, schema.kdf);

  it('derives the same HKDF-SHA256 keys (two per feature, ignored features included)', () => {
    const expected = v.hkdf_sha256_nosalt_noinfo_secret_11fields_2keys_64B;
    expect(keys).toHaveLength(11);
    expect(hex(keys[0]![0]!)).toBe(expected.field0_key0);
    expect(hex(keys[0]![1]!)).toBe(expected.field0_key1);
    expect(hex(keys[1]![0]!)).toBe(expected.field1_key0);
  });

  it('tokenises as clkhash does', () => {
    const t = v.tokenize;
    expect(tokenize('clkhash', { type: 'ngram', n: 2, positional: false })).toEqual(t['ngram2("clkhash")']);
    expect(tokenize('4223', { type: 'ngram', n: 1, positional: true })).toEqual(t['ngram1pos("4223")']);
    expect(tokenize('nsw', { type: 'ngram', n: 2, positional: true })).toEqual(t['ngram2pos("nsw")']);
    expect(tokenize('25', { type: 'numeric', distanceInterval: 8n, resolution: 2, fractionalPrecision: 0 })).toEqual(
      t['numeric(td=8,res=2)("25")'],
    );
  });

  it('places a blakeHash token on the same bits', () => {
    const expected = v['blake_hash_token(b" n", k=20, key=field1_key0, l=1024)'] as number[];
    expect(Array.from(blakePositions(bytes(' n'), 20, keys[1]![0]!, 1024))).toEqual(expected);
  });

  describe('doubleHash with keys "secret1" and "secret2", k = 20, l = 1024', () => {
    const dk = [bytes('secret1'), bytes('secret2')];
    const positions = (token: string, preventSingularity: boolean) => {
      const [h1, h2] = doubleHashPair(bytes(token), dk, 1024, preventSingularity);
      return setBits(doubleHashPositions(h1, h2, 20, 1024));
    };

    it('collapses a singular token onto one bit, as the original construction does', () => {
      expect(positions('635', false)).toEqual(v['doubleHash("635", keys=(secret1,secret2), k=20, l=1024) set bits']);
    });

    it('sets the same bits for a non-singular token', () => {
      expect(positions('666', false)).toEqual(v['doubleHash("666", keys=(secret1,secret2), k=20, l=1024) set bits']);
    });

    it('spreads the singular token when prevent_singularity is on', () => {
      expect(positions('635', true)).toEqual(v['doubleHash_nonsingular("635", keys=(secret1,secret2), k=20) set bits']);
    });
  });
});
