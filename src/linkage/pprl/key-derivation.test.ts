import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encode } from './clk-encoder';
import { deriveFeatureKeys } from './key-derivation';
import { parseLinkageSchema } from './schema';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const concat = (keys: Uint8Array[][]) => hex(Uint8Array.from(keys.flat().flatMap((k) => [...k])));

/** A schema of one encoded feature whose key derivation is given by `kdf`. */
function schemaWith(kdf: Record<string, unknown>) {
  return parseLinkageSchema({
    version: 3,
    clkConfig: { l: 1024, kdf: { type: 'HKDF', ...kdf } },
    features: [{ identifier: 'name', format: { type: 'string' }, hashing: { comparison: { type: 'ngram', n: 2 }, strategy: { bitsPerFeature: 100 } } }],
  });
}

/** RFC 5869 written out with HMAC, independent of the implementation under test. */
function referenceHkdf(hash: 'sha256' | 'sha512', ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): string {
  const hashLen = hash === 'sha256' ? 32 : 64;
  const prk = createHmac(hash, salt.length ? salt : new Uint8Array(hashLen)).update(ikm).digest();
  let t = Buffer.alloc(0);
  let okm = Buffer.alloc(0);
  for (let i = 1; okm.length < length; i++) {
    t = createHmac(hash, prk).update(Buffer.concat([t, info, Buffer.from([i])])).digest();
    okm = Buffer.concat([okm, t]);
  }
  return okm.subarray(0, length).toString('hex');
}

describe('per-feature keys from the linkage secret (HKDF)', () => {
  const ikm = new Uint8Array(22).fill(0x0b);

  it('matches RFC 5869 test case 1 when the schema gives a salt and an info (base64)', () => {
    // salt 0x00..0x0c, info 0xf0..0xf9, L = 42 = 2 keys × 21 bytes for the one feature
    const schema = schemaWith({ hash: 'SHA256', salt: 'AAECAwQFBgcICQoLDA==', info: '8PHy8/T19vf4+Q==', keySize: 21 });
    expect(hex(schema.kdf.salt!)).toBe('000102030405060708090a0b0c');
    expect(concat(deriveFeatureKeys(ikm, 1, schema.kdf))).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
  });

  it('matches RFC 5869 test case 3 without salt or info', () => {
    const schema = schemaWith({ keySize: 21 });
    expect(concat(deriveFeatureKeys(ikm, 1, schema.kdf))).toBe(
      '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
    );
  });

  it('uses SHA-512, salt and info as the schema says', () => {
    const schema = schemaWith({ hash: 'SHA512', salt: 'c2FsdA==', info: 'aW5mbw==', keySize: 64 });
    const keys = deriveFeatureKeys('secret', 3, schema.kdf);
    expect(concat(keys)).toBe(referenceHkdf('sha512', new TextEncoder().encode('secret'), new TextEncoder().encode('salt'), new TextEncoder().encode('info'), 3 * 2 * 64));
  });

  it('changes every CLK when the salt or the info changes', () => {
    const plain = encode([['maria']], schemaWith({}), 'secret')[0]!;
    const salted = encode([['maria']], schemaWith({ salt: 'c2FsdA==' }), 'secret')[0]!;
    const withInfo = encode([['maria']], schemaWith({ info: 'aW5mbw==' }), 'secret')[0]!;
    expect(new Set([hex(plain), hex(salted), hex(withInfo)]).size).toBe(3);
  });

  it('refuses a salt that is not base64, naming the field', () => {
    expect(() => schemaWith({ salt: 'not base64!' })).toThrow(
      expect.objectContaining({ code: 'PPRL_SCHEMA_BAD_BASE64', params: { path: 'clkConfig.kdf.salt' } }),
    );
  });
});
