import { describe, expect, it } from 'vitest';
import { makeFormatter } from './format';
import { browserLocale } from './i18n';

describe('browserLocale', () => {
  it('takes the first browser language the app speaks', () => {
    expect(browserLocale(['de-DE', 'fr-CA', 'en-US'])).toBe('fr');
    expect(browserLocale(['es-MX'])).toBe('es');
    expect(browserLocale(['pt-BR', 'zh'])).toBe('en');
    expect(browserLocale([])).toBe('en');
  });
});

describe('makeFormatter', () => {
  it('writes numbers in each language’s regional style', () => {
    expect(makeFormatter('en').number(1825)).toBe('1,825');
    expect(makeFormatter('es').number(1825)).toBe('1,825');
    expect(makeFormatter('fr').number(1825).replace(/\s/g, ' ')).toBe('1 825');
  });

  it('shows partial dates as partial, full dates in the reader’s language', () => {
    const fr = makeFormatter('fr');
    expect(fr.date('1994')).toBe('1994');
    expect(fr.date('1994-07')).toBe('juillet 1994');
    expect(makeFormatter('es').date('1994-07')).toMatch(/julio/);
    expect(makeFormatter('en').date('2026-06-11')).toBe('Jun 11, 2026');
    expect(fr.date('not a date')).toBe('not a date');
    expect(fr.date(null)).toBe('');
  });

  it('names countries and picks labels in the reader’s language, falling back to English', () => {
    expect(makeFormatter('es').country('US')).toBe('Estados Unidos');
    expect(makeFormatter('fr').country('MX')).toBe('Mexique');
    expect(makeFormatter('fr').pick({ en: 'Phone', fr: 'Téléphone', es: 'Teléfono' })).toBe('Téléphone');
    expect(makeFormatter('es').pick({ en: 'Phone' })).toBe('Phone');
  });
});
