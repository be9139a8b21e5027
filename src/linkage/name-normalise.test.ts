import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  aliasesOf,
  givenNamesAlias,
  initialsAgree,
  normaliseGivenName,
  normaliseSurname,
  splitFullName,
  surnamesShareWord,
  tokensEquivalent,
} from './name-normalise';
import { foldText, isNullish } from './text-fold';

const given = (s: string) => {
  const v = normaliseGivenName(s);
  if (!v) throw new Error(`no name in ${s}`);
  return v;
};
const surname = (s: string) => {
  const v = normaliseSurname(s);
  if (!v) throw new Error(`no surname in ${s}`);
  return v;
};

describe('text folding', () => {
  it('removes accents, case and punctuation', () => {
    expect(foldText('  Hernández-RUIZ ')).toBe('hernandez ruiz');
    expect(foldText('Françoise Lefèvre')).toBe('francoise lefevre');
    expect(foldText('Peña Ñúñez')).toBe('pena nunez');
    expect(foldText('Strauß Øster')).toBe('strauss oster');
    expect(foldText("O'Brien")).toBe('o brien');
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(foldText(foldText(s))).toBe(foldText(s));
    }));
  });
  it('treats "unknown" words as missing', () => {
    expect(isNullish('N/A')).toBe(true);
    expect(isNullish('Desconocido')).toBe(true);
    expect(isNullish('  ')).toBe(true);
    expect(isNullish('Ana')).toBe(false);
  });
});

describe('surnames', () => {
  it('sets particles apart from the core', () => {
    expect(surname('de la Cruz').text).toBe('cruz');
    expect(surname('de la Cruz').full).toBe('delacruz');
    expect(surname('Delacruz').full).toBe('delacruz');
    expect(surname('van der Berg').text).toBe('berg');
    expect(surname('Du Pont').text).toBe('pont');
  });
  it('keeps both words of a compound surname', () => {
    expect(surname('Hernández Ruiz').tokens).toEqual(['hernandez', 'ruiz']);
    expect(surname('Hernández-Ruiz').text).toBe('hernandez ruiz');
    expect(surnamesShareWord(surname('Hernández Ruiz'), surname('Hernandez'))).toBe(true);
    expect(surnamesShareWord(surname('Hernández Ruiz'), surname('Ruiz'))).toBe(true);
    expect(surnamesShareWord(surname('Hernández'), surname('López'))).toBe(false);
  });
  it('keeps a name made only of particles', () => {
    expect(surname('De La').text).toBe('de la');
  });
  it('gives nothing for an empty value', () => {
    expect(normaliseSurname(' - ')).toBeNull();
  });
});

describe('given names', () => {
  it('resolves nicknames from the data file, in three languages', () => {
    expect(tokensEquivalent('pepe', 'jose')).toBe(true);
    expect(tokensEquivalent('chuy', 'jesus')).toBe(true);
    expect(tokensEquivalent('paco', 'francisco')).toBe(true);
    expect(tokensEquivalent('lupe', 'guadalupe')).toBe(true);
    expect(tokensEquivalent('memo', 'guillermo')).toBe(true);
    expect(tokensEquivalent('nacho', 'ignacio')).toBe(true);
    expect(tokensEquivalent('tono', 'antonio')).toBe(true);
    expect(tokensEquivalent('bill', 'william')).toBe(true);
    expect(tokensEquivalent('bob', 'robert')).toBe(true);
    expect(tokensEquivalent('liz', 'elizabeth')).toBe(true);
    expect(tokensEquivalent('pepe', 'chepe')).toBe(true);
  });
  it('lets a nickname stand for several names without joining those names', () => {
    expect(tokensEquivalent('beto', 'alberto')).toBe(true);
    expect(tokensEquivalent('beto', 'roberto')).toBe(true);
    expect(tokensEquivalent('alberto', 'roberto')).toBe(false);
    expect(aliasesOf('zzz')).toEqual(['zzz']);
  });
  it('agrees through nicknames, accents and a second given name', () => {
    expect(givenNamesAlias(given('Pepe'), given('José Luis'))).toBe(true);
    expect(givenNamesAlias(given('Toño'), given('Antonio'))).toBe(true);
    expect(givenNamesAlias(given('Lupe'), given('María Guadalupe'))).toBe(true);
    expect(givenNamesAlias(given('Juan Carlos'), given('Carlos Alberto'))).toBe(false);
    expect(givenNamesAlias(given('Ana'), given('Sofía'))).toBe(false);
  });
  it('drops titles before a name', () => {
    expect(given('Sra. María').text).toBe('maria');
    expect(given('Don').text).toBe('don');
  });
  it('recognises initials', () => {
    expect(given('J. L.').isInitials).toBe(true);
    expect(initialsAgree(given('J. L.'), given('José Luis'))).toBe(true);
    expect(initialsAgree(given('J. Luis'), given('José Luis'))).toBe(true);
    expect(initialsAgree(given('J'), given('Jean-Pierre'))).toBe(true);
    expect(initialsAgree(given('J. M.'), given('José Luis'))).toBe(false);
    expect(initialsAgree(given('José Luis'), given('José Luis'))).toBe(false);
  });
});

describe('full names', () => {
  it('splits given names and surnames by custom', () => {
    expect(splitFullName('Hernández Ruiz, José Luis')).toEqual({ surname: 'Hernández Ruiz', given: 'José Luis' });
    expect(splitFullName('Juan de la Cruz')).toEqual({ given: 'juan', surname: 'de la cruz' });
    expect(splitFullName('María Hernández Ruiz')).toEqual({ given: 'maria', surname: 'hernandez ruiz' });
    expect(splitFullName('María Guadalupe Hernández Ruiz')).toEqual({ given: 'maria guadalupe', surname: 'hernandez ruiz' });
    expect(splitFullName('John Smith')).toEqual({ given: 'john', surname: 'smith' });
    expect(splitFullName('Madonna')).toEqual({ given: '', surname: 'madonna' });
  });
});
