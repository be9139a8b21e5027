import { describe, expect, it } from 'vitest';
import { normaliseAddress, splitHouseNumber } from './address-normalise';
import { normaliseCode, normaliseEmail, normaliseSex } from './contact-normalise';

describe('e-mail addresses', () => {
  it('lower-cases and drops a +tag', () => {
    expect(normaliseEmail(' Robert+jobs@Example.ORG ')).toEqual({ text: 'robert@example.org', local: 'robert', domain: 'example.org' });
  });
  it('ignores the dots of a Gmail local part only', () => {
    expect(normaliseEmail('j.l.hernandez@gmail.com')?.text).toBe('jlhernandez@gmail.com');
    expect(normaliseEmail('j.l.hernandez@correo.mx')?.text).toBe('j.l.hernandez@correo.mx');
  });
  it('keeps a value without @ as it is', () => {
    expect(normaliseEmail('robert')).toEqual({ text: 'robert', local: 'robert', domain: '' });
    expect(normaliseEmail('  ')).toBeNull();
  });
});

describe('codes and sex', () => {
  it('keeps letters and digits only', () => {
    expect(normaliseCode('123-45-678')?.text).toBe('12345678');
    expect(normaliseCode('heru 800101')?.text).toBe('HERU800101');
  });
  it('reads sex in three languages', () => {
    expect(normaliseSex('Mujer')?.text).toBe('F');
    expect(normaliseSex('homme')?.text).toBe('M');
    expect(normaliseSex('female')?.text).toBe('F');
    expect(normaliseSex('?')).toBeNull();
  });
});

describe('addresses', () => {
  it('shortens street words in English, Spanish and French', () => {
    expect(normaliseAddress('12 Stanley Street')?.text).toBe(normaliseAddress('12 stanley st.')?.text);
    expect(normaliseAddress('Avenida Juárez 45')?.text).toBe(normaliseAddress('Av. Juarez 45')?.text);
    expect(normaliseAddress('C. Hidalgo 7')?.text).toBe(normaliseAddress('Calle Hidalgo 7')?.text);
    expect(normaliseAddress('4 avenue des Pins')?.text).toBe(normaliseAddress('4 ave des pins')?.text);
  });
  it('sets the house number apart wherever it is written', () => {
    const a = normaliseAddress('12 Main Street');
    const b = normaliseAddress('Calle Juárez 123 Int 4');
    expect(a && splitHouseNumber(a)).toEqual({ number: '12', rest: { text: 'main st', tokens: ['main', 'st'] } });
    expect(b && splitHouseNumber(b).number).toBe('123');
  });
});
