import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256 } from './bytes';
import { compareFingerprint, fingerprintOf, fingerprintOfKey, generateEncryptionKey, generateSigningKey, keyIdMatches, keyIdOf, publicKeyObject } from './keys';

describe('keys, key ids and fingerprints', () => {
  it('derives the key id and the fingerprint from SHA-256 of the raw public key', () => {
    const key = generateSigningKey();
    const raw = Buffer.from(key.publicKey, 'base64url');
    const digest = sha256(raw).toString('hex');
    expect(key.keyId).toBe(digest.slice(0, 32));
    expect(fingerprintOf(raw).replace(/ /g, '')).toBe(digest.toUpperCase());
    expect(fingerprintOf(raw)).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(keyIdMatches(key.keyId, key.publicKey)).toBe(true);
    expect(keyIdMatches(generateSigningKey().keyId, key.publicKey)).toBe(false);
  });

  it('gives a known fingerprint for a known key (SHA-256 of 32 zero bytes)', () => {
    expect(fingerprintOf(Buffer.alloc(32))).toBe('6668 7AAD F862 BD77 6C8F C18B 8E9F 8E20 0897 1485 6EE2 33B3 902A 591D 0D5F 2925');
    expect(keyIdOf(Buffer.alloc(32))).toBe('66687aadf862bd776c8fc18b8e9f8e20');
  });

  it('tells a person which group of a read-out fingerprint differs', () => {
    const fp = fingerprintOfKey(generateEncryptionKey().publicKey)!;
    expect(compareFingerprint(fp, fp.toLowerCase().replace(/ /g, '-'))).toBe(0);
    const groups = fp.split(' ');
    groups[6] = groups[6] === '0000' ? '0001' : '0000';
    expect(compareFingerprint(fp, groups.join(' '))).toBe(7);
    expect(compareFingerprint(fp, groups.slice(0, 10).join(' '))).toBe(7);
  });

  it('refuses public keys that are not 32 bytes of base64url', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const key = publicKeyObject('Ed25519', text);
        if (key) expect(Buffer.from(text, 'base64url')).toHaveLength(32);
      }),
    );
    expect(publicKeyObject('X25519', 'AAAA')).toBeUndefined();
    expect(fingerprintOfKey('not a key')).toBeUndefined();
  });

  it('generates distinct keys', () => {
    const ids = new Set(Array.from({ length: 20 }, () => generateSigningKey().keyId));
    expect(ids.size).toBe(20);
  });
});
