import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from './model';
import { PSEUDONYM_PATTERN, pseudonymCode, pseudonymFor, redactEntity } from './pseudonym';

const KEY = new Uint8Array(32).map((_, i) => i + 1);
const OTHER_KEY = new Uint8Array(32).map((_, i) => 100 + i);

const person = (properties: Record<string, string[]>): Entity => ({
  id: 'p-1',
  schema: 'Person',
  properties,
  caption: 'María José Hernández',
  owningAgencyId: 'ag',
  crossBorderCheck: true,
  createdAt: '2026-06-01T00:00:00Z',
  updatedAt: '2026-06-01T00:00:00Z',
  version: 3,
});

describe('pseudonymFor', () => {
  it('is stable, shaped like Victim-XXXX-XXXX, and the same code in every language', () => {
    const p = pseudonymFor('p-1', KEY);
    expect(p).toMatch(PSEUDONYM_PATTERN);
    expect(pseudonymFor('p-1', KEY)).toBe(p);
    expect(pseudonymFor('p-1', KEY, 'es')).toBe(`Víctima-${pseudonymCode('p-1', KEY)}`);
    expect(pseudonymFor('p-1', KEY, 'fr')).toBe(`Victime-${pseudonymCode('p-1', KEY)}`);
  });

  it('depends on the key and on the id', () => {
    expect(pseudonymFor('p-1', OTHER_KEY)).not.toBe(pseudonymFor('p-1', KEY));
    expect(pseudonymFor('p-2', KEY)).not.toBe(pseudonymFor('p-1', KEY));
  });

  it('matches a known HMAC-SHA256 value', () => {
    // HMAC-SHA256(key = 0x01..0x20, "p-1"): first five bytes in Crockford base32, computed independently with node:crypto
    expect(pseudonymCode('p-1', KEY)).toBe(EXPECTED_CODE);
  });

  it('refuses a short key', () => {
    expect(() => pseudonymFor('p-1', new Uint8Array(8))).toThrow(RangeError);
  });

  it('rarely collides (property: distinct ids, distinct codes, over a sample)', () => {
    const ids = fc.sample(fc.uuid(), 2000);
    const codes = new Set(ids.map((id) => pseudonymCode(id, KEY)));
    expect(codes.size).toBeGreaterThanOrEqual(new Set(ids).size - 1);
  });
});

describe('redactEntity', () => {
  it('keeps only non-identifying properties and replaces names with the pseudonym', () => {
    const e = person({
      name: ['María José Hernández López'],
      givenName: ['María José'],
      surname: ['Hernández'],
      alias: ['La Güera'],
      birthDate: ['1994-07-23'],
      nationality: ['MX'],
      gender: ['female'],
      phone: ['+525512345678'],
      email: ['mj@example.com'],
      passportNumber: ['G12345678'],
      address: ['Hidalgo 12, Irapuato'],
      occupation: ['jornalera'],
      notes: ['llegó en junio'],
    });
    const r = redactEntity(e, 'Victim-7KQ2-M9XD');
    expect(r.properties).toEqual({ name: ['Victim-7KQ2-M9XD'], birthDate: ['1994'], nationality: ['MX'], gender: ['female'], occupation: ['jornalera'] });
    expect(r.caption).toBe('Victim-7KQ2-M9XD');
    expect(r.redacted).toBe(true);
    expect(r).toMatchObject({ id: 'p-1', schema: 'Person', version: 3 });
    expect(e.properties.surname).toEqual(['Hernández']); // original untouched
  });

  it('leaks no identifying value (property)', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9 ]{1,12}$/).map((s) => `SECRET ${s}`);
    fc.assert(
      fc.property(secret, secret, secret, secret, secret, (name, alias, phone, id, note) => {
        const r = redactEntity(person({ name: [name], alias: [alias], phone: [phone], idNumber: [id], notes: [note], gender: ['male'] }), 'Victim-AAAA-BBBB');
        expect(JSON.stringify(r)).not.toContain('SECRET');
      }),
    );
  });

  it('keeps references and kept fields of other schemata', () => {
    const phone: Entity = { ...person({ number: ['+525512345678'], country: ['MX'], carrier: ['Telcel'] }), schema: 'Phone' };
    expect(redactEntity(phone, 'Victim-AAAA-BBBB').properties).toEqual({ country: ['MX'] });
  });
});

const EXPECTED_CODE = computeExpected();

function computeExpected(): string {
  // computed independently with node:crypto and a bit string
  const mac = createHmac('sha256', Buffer.from(KEY)).update('p-1').digest();
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let bits = '';
  for (const byte of mac.subarray(0, 5)) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < 40; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
