import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email';
import { normaliseEntityRef } from './entity-ref';
import { normaliseIdentifier } from './identifier';
import { nameGroups, normaliseName, splitHispanicName } from './name';
import { normaliseAddress, normaliseString, normaliseText } from './text';
import { normaliseUrl } from './url';

describe('names', () => {
  it('tidies spacing, quotes, apostrophes and hyphens, keeping case and accents', () => {
    expect(normaliseName('  María   José  ')).toEqual({ ok: true, value: 'María José' });
    expect(normaliseName('“El Güero”')).toEqual({ ok: true, value: 'El Güero' });
    expect(normaliseName('«Chuy»')).toEqual({ ok: true, value: 'Chuy' });
    expect(normaliseName('O ’ Brien')).toEqual({ ok: true, value: "O'Brien" });
    expect(normaliseName('García – López')).toEqual({ ok: true, value: 'García-López' });
    expect(normaliseName('PÉREZ, ')).toEqual({ ok: true, value: 'PÉREZ' });
  });

  it('composes accents (NFC)', () => {
    const decomposed = 'Nu\u0301n\u0303ez';
    const r = normaliseName(decomposed);
    expect(r).toEqual({ ok: true, value: 'Núñez' });
    if (r.ok) expect(r.value.length).toBe(5);
  });

  it('removes invisible characters', () => {
    expect(normaliseName('Ana\u200B María\u00AD')).toEqual({ ok: true, value: 'Ana María' });
  });

  it('refuses characters that have no place in a name', () => {
    for (const bad of ["Robert'); DROP TABLE cases;--", '<img src=x onerror=alert(1)>', 'Ana {x}', 'a=b', 'back\\slash', 'x|y', 'user@host']) {
      expect(normaliseName(bad), bad).toMatchObject({ ok: false, code: 'VALUE_INVALID_NAME' });
    }
    for (const good of ['Agrícola del Bajío S.A. de C.V.', 'Smith & Sons (Leamington) Ltd.', 'Z-40', "D'Arcy-Núñez", 'Ñandú 3/4', 'Jr., Juan']) {
      expect(normaliseName(good).ok, good).toBe(true);
    }
  });

  it('refuses empty and overlong names', () => {
    expect(normaliseName(' "" ')).toMatchObject({ ok: false, code: 'VALUE_EMPTY' });
    expect(normaliseName('a'.repeat(301))).toMatchObject({ ok: false, code: 'VALUE_TOO_LONG', params: { max: 300 } });
  });

  it('groups particles with the word that follows', () => {
    expect(nameGroups('María de los Ángeles García de la Torre')).toEqual(['María', 'de los Ángeles', 'García', 'de la Torre']);
    expect(nameGroups('Del Carmen Ruiz')).toEqual(['Del', 'Carmen', 'Ruiz']);
    expect(nameGroups('Juan de')).toEqual(['Juan', 'de']);
  });

  it('splits a Hispanic full name into given names and two surnames', () => {
    expect(splitHispanicName('José Luis Hernández de la Cruz')).toEqual({ givenNames: 'José Luis', surnames: ['Hernández', 'de la Cruz'] });
    expect(splitHispanicName('Ana María López-Portillo Núñez')).toEqual({ givenNames: 'Ana María', surnames: ['López-Portillo', 'Núñez'] });
    expect(splitHispanicName('Ana Núñez')).toEqual({ givenNames: 'Ana', surnames: ['Núñez'] });
    expect(splitHispanicName('Ana')).toEqual({ givenNames: 'Ana', surnames: [] });
  });
});

describe('strings, texts and addresses', () => {
  it('keeps a string on one line', () => {
    expect(normaliseString(' a\tb \n c ')).toEqual({ ok: true, value: 'a b c' });
  });

  it('keeps paragraphs in a text but not runs of blank lines', () => {
    expect(normaliseText('  first line  \r\n\r\n\r\n  second\u0007 \n\n')).toEqual({ ok: true, value: 'first line\n\nsecond' });
  });

  it('writes an address on one line with tidy commas', () => {
    expect(normaliseAddress('Calle 5 ,Col. Centro\n  Ciudad de México ;; 06000')).toEqual({
      ok: true,
      value: 'Calle 5, Col. Centro, Ciudad de México, 06000',
    });
    expect(normaliseAddress('Km 12,5 carretera federal')).toEqual({ ok: true, value: 'Km 12,5 carretera federal' });
    expect(normaliseAddress(' , ,')).toMatchObject({ ok: false, code: 'VALUE_EMPTY' });
  });
});

describe('emails, identifiers, URLs and references', () => {
  it('lower-cases emails and checks their shape', () => {
    expect(normaliseEmail(' Juan.Perez@Ejemplo.COM.MX ')).toEqual({ ok: true, value: 'juan.perez@ejemplo.com.mx' });
    expect(normaliseEmail('mailto:<ana@example.org>')).toEqual({ ok: true, value: 'ana@example.org' });
    expect(normaliseEmail('ana@münchen.de')).toEqual({ ok: true, value: 'ana@xn--mnchen-3ya.de' });
    for (const bad of ['ana', 'ana@', '@example.com', 'ana@example', 'a..b@example.com', 'ana maria@example.com', 'ana@-x.com']) {
      expect(normaliseEmail(bad)).toMatchObject({ ok: false, code: 'VALUE_INVALID_EMAIL' });
    }
  });

  it('writes identifiers in upper case without separators', () => {
    expect(normaliseIdentifier('123-456-789')).toEqual({ ok: true, value: '123456789' });
    expect(normaliseIdentifier('goma 850101 hdf r09')).toEqual({ ok: true, value: 'GOMA850101HDFR09' });
    expect(normaliseIdentifier('ñaña850101ab1')).toEqual({ ok: true, value: 'ÑAÑA850101AB1' });
    expect(normaliseIdentifier('AB#12')).toMatchObject({ ok: false, code: 'VALUE_INVALID_IDENTIFIER' });
  });

  it('canonicalises web addresses and refuses other schemes', () => {
    expect(normaliseUrl('Example.COM/Ad?id=3')).toEqual({ ok: true, value: 'https://example.com/Ad?id=3' });
    expect(normaliseUrl('http://example.com:80/x')).toEqual({ ok: true, value: 'http://example.com/x' });
    for (const bad of ['javascript:alert(1)', 'ftp://example.com', 'not a url', 'https://user:pw@example.com', 'localhost']) {
      expect(normaliseUrl(bad).ok).toBe(false);
    }
  });

  it('accepts entity ids and refuses anything else', () => {
    expect(normaliseEntityRef(' 0b9f3c1e-5f6a-4c1e-9d7a-2f1b3c4d5e6f ')).toEqual({ ok: true, value: '0b9f3c1e-5f6a-4c1e-9d7a-2f1b3c4d5e6f' });
    expect(normaliseEntityRef('a b')).toMatchObject({ ok: false, code: 'VALUE_INVALID_REFERENCE' });
    expect(normaliseEntityRef('../x')).toMatchObject({ ok: false, code: 'VALUE_INVALID_REFERENCE' });
  });
});
