import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone-normalise';

describe('phones', () => {
  it('reads international numbers to E.164', () => {
    expect(normalisePhone('+52 55 1234 5678')?.text).toBe('+525512345678');
    expect(normalisePhone('+1 (416) 555-0199')?.text).toBe('+14165550199');
    expect(normalisePhone('0033 1 23 45 67 89')?.text).toBe('+33123456789');
  });
  it('uses the default country for national numbers', () => {
    expect(normalisePhone('55 1234 5678', { defaultCountry: 'MX' })?.text).toBe('+525512345678');
    expect(normalisePhone('(416) 555-0199', { defaultCountry: 'CA' })?.text).toBe('+14165550199');
  });
  it('removes the retired Mexican mobile prefixes', () => {
    expect(normalisePhone('+52 1 55 1234 5678')?.text).toBe('+525512345678');
    expect(normalisePhone('044 55 1234 5678', { defaultCountry: 'MX' })?.text).toBe('+525512345678');
    expect(normalisePhone('045 33 1234 5678', { defaultCountry: 'MX' })?.text).toBe('+523312345678');
  });
  it('gives the national number so that a missing country code still agrees', () => {
    const a = normalisePhone('+52 55 1234 5678');
    const b = normalisePhone('55-1234-5678');
    expect(a?.national).toBe('5512345678');
    expect(b?.national).toBe('5512345678');
    expect(a?.text).not.toBe(b?.text);
  });
  it('drops an extension and refuses what is too short to be a number', () => {
    expect(normalisePhone('+1 416 555 0199 ext. 12')?.text).toBe('+14165550199');
    expect(normalisePhone('123')).toBeNull();
  });
});
