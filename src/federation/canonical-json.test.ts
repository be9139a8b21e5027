import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize, JsonFormError, parseStrictJson } from './canonical-json';

const numberFromBits = (hex: string): number => Buffer.from(hex, 'hex').readDoubleBE(0);

describe('canonicalize (RFC 8785)', () => {
  it('matches the example of RFC 8785 §3.2.2', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalize(parseStrictJson(input))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts member names by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const input = String.raw`{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}`;
    const text = canonicalize(parseStrictJson(input));
    // read the names from the text: a JS object would list "1" first whatever the text says
    const names = [...text.matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(names).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
  ])('writes the IEEE 754 number %s as %s (RFC 8785 appendix B)', (bits, text) => {
    expect(canonicalize(numberFromBits(bits))).toBe(text);
  });

  it('refuses values that are not JSON', () => {
    expect(() => canonicalize({ a: Number.NaN })).toThrow(JsonFormError);
    expect(() => canonicalize({ a: Infinity })).toThrow(JsonFormError);
    expect(() => canonicalize({ a: undefined })).toThrow(JsonFormError);
    expect(() => canonicalize({ a: new Date() })).toThrow(JsonFormError);
    expect(() => canonicalize('\ud800')).toThrow(JsonFormError);
    expect(() => canonicalize(() => 1)).toThrow(JsonFormError);
  });

  it('does not depend on the order in which members were written', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalize(reversed)).toBe(canonicalize(obj));
      }),
    );
  });

  it('is a fixed point: parsing canonical text and writing it again changes nothing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalize(value);
        expect(canonicalize(parseStrictJson(once))).toBe(once);
        expect(canonicalize(JSON.parse(once))).toBe(once);
      }),
    );
  });

  it('has no white space outside strings', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalize(value);
        const withoutStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
        expect(withoutStrings).not.toMatch(/\s/);
      }),
    );
  });
});

describe('parseStrictJson', () => {
  it('reads whatever JSON.stringify writes, as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(parseStrictJson(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('refuses duplicate member names, which JSON.parse silently accepts', () => {
    expect(() => parseStrictJson('{"a":1,"a":2}')).toThrow(/duplicate member name "a"/);
    expect(() => parseStrictJson('{"x":{"b":1,"b":1}}')).toThrow(JsonFormError);
  });

  it('keeps "__proto__" as an ordinary member', () => {
    const value = parseStrictJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting deeper than the limit', () => {
    expect(() => parseStrictJson('['.repeat(33) + ']'.repeat(33))).toThrow(/nested too deeply/);
    expect(parseStrictJson('['.repeat(32) + ']'.repeat(32))).toBeDefined();
  });

  it.each([
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
    ['a byte order mark', Buffer.from('\ufeff{}', 'utf8')],
    ['trailing commas', '[1,]'],
    ['single quotes', "{'a':1}"],
    ['a leading zero', '01'],
    ['a raw control character', '"a\u0001b"'],
    ['a lone surrogate escape', '"\\ud800"'],
    ['trailing text', '{} x'],
    ['NaN', 'NaN'],
    ['an empty body', ''],
  ])('refuses %s', (_label, input) => {
    expect(() => parseStrictJson(input)).toThrow(JsonFormError);
  });
});
