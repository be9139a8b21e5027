import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTerms, fold, matchesAll, metaphoneKeys, queryGroups, spanishKey, tokens } from './search-text';
import { phoneTerms } from './values/phone';

const finds = (query: string, ...texts: string[]): boolean => matchesAll(documentTerms(texts), queryGroups(query, { defaultCountry: 'MX' }));

describe('fold and tokens', () => {
  it('removes accents and case, and spells out special letters', () => {
    expect(fold('Núñez')).toBe('nunez');
    expect(fold('FRANÇOISE Côté')).toBe('francoise cote');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Œuvre Æsir Søren Łódź')).toBe('oeuvre aesir soren lodz');
    expect(fold('ﬁnca')).toBe('finca');
  });

  it('splits words and numbers, joining apostrophes inside words', () => {
    expect(tokens("O'Brien, D’Arcy-Núñez (55) 1234")).toEqual(['obrien', 'darcy', 'nunez', '55', '1234']);
    expect(tokens('  ¿¡!?  ')).toEqual([]);
  });

  it('fold is idempotent and leaves no combining marks or capitals', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (s) => {
        const f = fold(s);
        expect(fold(f)).toBe(f);
        expect(/\p{M}/u.test(f.normalize('NFD'))).toBe(false);
        expect(f).toBe(f.toLowerCase());
      }),
    );
  });
});

describe('phonetic keys', () => {
  it('gives sound-alike Spanish spellings one key', () => {
    const same = [
      ['Hernández', 'Hernandes', 'Ernandez'],
      ['Núñez', 'Nunes', 'NUÑEZ'],
      ['Vázquez', 'Vasques', 'Basquez'],
      ['González', 'Gonzales', 'Gonsalez'],
      ['Jiménez', 'Giménez', 'Ximénez'],
      ['Yolanda', 'Llolanda'],
      ['Cervantes', 'Servantes', 'Zervantes'],
      ['Quiroz', 'Kiroz', 'Quiros'],
    ];
    for (const group of same) expect(new Set(group.map(spanishKey)).size, group.join('/')).toBe(1);
    expect(spanishKey('López')).not.toBe(spanishKey('Pérez'));
    expect(spanishKey('a')).toBe('');
  });

  it('uses Double Metaphone for English and French spellings', () => {
    expect(metaphoneKeys('Smith')).toEqual(expect.arrayContaining(metaphoneKeys('Smyth')));
    expect(metaphoneKeys('Catherine')[0]).toBe(metaphoneKeys('Katherine')[0]);
  });
});

describe('documentTerms and queryGroups', () => {
  it('finds accented names typed without accents and the other way round', () => {
    expect(finds('nunez', 'María Núñez')).toBe(true);
    expect(finds('NUÑEZ', 'maria nunez')).toBe(true);
    expect(finds('Núñez', 'NUNEZ')).toBe(true);
  });

  it('finds misspellings that sound the same', () => {
    expect(finds('hernandes', 'José Hernández')).toBe(true);
    expect(finds('Nunes', 'Núñez')).toBe(true);
    expect(finds('gonzales', 'Ana González')).toBe(true);
    expect(finds('jose ernandez', 'José Hernández')).toBe(true);
  });

  it('finds by prefix', () => {
    expect(finds('hern', 'José Hernández')).toBe(true);
    expect(finds('jos hern', 'José Hernández')).toBe(true);
  });

  it('does not find what is not there', () => {
    expect(finds('lopez', 'José Hernández')).toBe(false);
    expect(finds('martinez', 'Núñez')).toBe(false);
    expect(finds('hernandez perez', 'José Hernández')).toBe(false);
  });

  it('joins compound surnames and drops particles from queries', () => {
    expect(finds('delacruz', 'Juan de la Cruz')).toBe(true);
    expect(finds('garcialopez', 'Ana García-López')).toBe(true);
    expect(finds('garcia lopez', 'Ana García-López')).toBe(true);
    expect(finds('Juan de la Cruz', 'Juan Cruz')).toBe(true);
    expect(queryGroups('de la')).toEqual([['de*'], ['la*']]);
  });

  it('indexes phone numbers as digits and finds them however they are typed', () => {
    const terms = [...documentTerms(['Call +52 55 1234 5678 now']), ...phoneTerms('+525512345678')];
    for (const q of ['55 1234 5678', '+52 1 55 1234 5678', '5512345678', '1234-5678', '044 55 1234 5678']) {
      expect(matchesAll(terms, queryGroups(q, { defaultCountry: 'MX' })), q).toBe(true);
    }
    expect(matchesAll(terms, queryGroups('55 9999 0000', { defaultCountry: 'MX' }))).toBe(false);
  });

  it('gives no groups for an empty query', () => {
    expect(queryGroups('   ')).toEqual([]);
    expect(queryGroups('!!!')).toEqual([]);
  });

  it('a text always finds itself, accents or not (property)', () => {
    const words = fc.constantFrom('María', 'José', 'Núñez', 'Hernández', 'de', 'la', 'Cruz', 'Françoise', 'Côté', "O'Brien", 'Smith', 'García-López', 'Ñandú', 'Zoë');
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 5 }), (ws) => {
        const text = ws.join(' ');
        const plain = text.normalize('NFD').replace(/\p{M}/gu, '');
        expect(matchesAll(documentTerms([text]), queryGroups(plain))).toBe(true);
        expect(matchesAll(documentTerms([plain]), queryGroups(text.toUpperCase()))).toBe(true);
      }),
    );
  });

  it('never throws and keeps terms short', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 4 }), (texts) => {
        const terms = documentTerms(texts);
        expect(terms.filter((t) => t.length === 0 || t.length > 68)).toEqual([]);
        expect(Math.max(0, ...texts.map((t) => queryGroups(t).length))).toBeLessThanOrEqual(12);
      }),
    );
  });
});
