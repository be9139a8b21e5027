import { describe, expect, it } from 'vitest';
import { AlianzaError, localise } from '../../domain/errors';
import { pprlCatalogue } from './errors';
import { parseLinkageSchema } from './schema';
import { popcountTable } from './popcount';
import {
  band,
  compareEncodings,
  createCrossBorderEncoder,
  CROSS_BORDER_CLK_BYTES,
  CROSS_BORDER_KINDS,
  CROSS_BORDER_SCHEMA_ID,
  CROSS_BORDER_STRONG,
  CROSS_BORDER_THRESHOLD,
  crossBorderLinkageSchema,
  crossBorderRecord,
  organisationNameKey,
  secretFingerprint,
  validateLinkageSecret,
  type CrossBorderKind,
  type EncodedSubject,
} from './cross-border-encoding';

/** A synthetic 32-byte secret (never a real one). */
const secretOf = (seed: number): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + seed * 101 + ((i * i) ^ seed)) & 255);
const SECRET = secretOf(1);
const enc = createCrossBorderEncoder(SECRET);

type Props = Record<string, string[]>;
const props = (o: Record<string, string | undefined>): Props =>
  Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (v === undefined ? [] : [[k, [v]]])));

function clk(kind: CrossBorderKind, p: Props, encoder = enc): Uint8Array {
  const c = encoder.encode(kind, p);
  if (!c) throw new Error(`no encoding for ${JSON.stringify(p)}`);
  return c;
}

/** The Dice score of two encodings as compareEncodings reports it (0 when below 0.01). */
function score(kind: CrossBorderKind, a: Props, b: Props, encoder = enc): number {
  const hits = compareEncodings([{ ref: 'a', kind, clk: clk(kind, a, encoder) }], [{ ref: 'b', kind, clk: clk(kind, b, encoder) }], 0.01);
  return hits[0]?.score ?? 0;
}

const bits = (c: Uint8Array): number => c.reduce((n, b) => n + popcountTable[b]!, 0);

function rawDice(a: Uint8Array, b: Uint8Array): number {
  let common = 0;
  for (let i = 0; i < a.length; i++) common += popcountTable[a[i]! & b[i]!]!;
  return (2 * common) / (bits(a) + bits(b));
}

// the recruiter as three countries recorded him
const MX = props({ name: 'José Luis Hernández Ruiz', birthDate: '1978-03-14', phone: '+52 33 1234 5678' });
const CA = props({ name: 'Jose Hernandez', birthDate: '1978', phone: '011-52-33-1234-5678' });
const US = props({ name: 'J. L. Hernandez', phone: '+52 1 33 1234 5678' });

describe('cross-border records', () => {
  it('normalises the three sightings of the recruiter to agreeing features', () => {
    const [mx, ca, us] = [MX, CA, US].map((p) => crossBorderRecord('Person', p)!) as [string[], string[], string[]];
    // givenName, initials, surnames, birthYear, birthDay, birthMonthDay, phone
    expect(mx[0]).toBe('jose');
    expect(ca[0]).toBe('jose');
    expect(us[0]).toBe(''); // initials only: no given name
    expect([mx[1], ca[1], us[1]]).toEqual(['jl', 'j', 'jl']);
    expect([mx[2], ca[2], us[2]]).toEqual(['hernandez ruiz', 'hernandez', 'hernandez']);
    expect([mx[3], ca[3], us[3]]).toEqual(['1978', '1978', '']);
    expect(mx[4]).not.toBe('');
    expect(ca[4]).toBe('');
    // +52 33…, 011-52-33… and +52 1 33… are the same number
    expect(new Set([mx[6], ca[6], us[6]])).toEqual(new Set(['3312345678']));
  });

  it('reads the structured name properties and nicknames', () => {
    const r = crossBorderRecord('Person', props({ givenName: 'Pepe', surname: 'de la Cruz', secondSurname: 'Núñez', birthDate: '14/03/1978' }))!;
    expect(r.slice(0, 4)).toEqual(['jose', 'j', 'cruz nunez', '1978']);
  });

  it('refuses entities with too little to identify them', () => {
    expect(crossBorderRecord('Person', props({ name: 'Hernández' }))).toBeNull();
    expect(crossBorderRecord('Person', props({ name: 'José Hernández' }))).toBeNull();
    expect(crossBorderRecord('Person', props({ name: 'J. Hernández', birthDate: '1978' }))).not.toBeNull();
    expect(crossBorderRecord('Person', props({ name: 'Hernández', birthDate: 'unknown' }))).toBeNull();
    expect(crossBorderRecord('Phone', props({ number: '123' }))).toBeNull();
    expect(crossBorderRecord('Organization', props({ name: 'S.A.' }))).toBeNull();
    expect(enc.encode('Person', props({ name: 'María' }))).toBeNull();
  });

  it('removes legal forms and writes abbreviations out in organisation names', () => {
    const full = organisationNameKey('Enlace Agrícola Internacional del Bajío, S.A. de C.V.');
    expect(full).toBe('agricola bajio enlace internacional');
    expect(organisationNameKey('Enlace Agricola Intl. SA de CV')).toBe('agricola enlace internacional');
    expect(organisationNameKey("ENLACE AGRICOLA INT'L")).toBe('agricola enlace internacional');
    expect(organisationNameKey('Erie Shore Greenhouses Ltd.')).toBe(organisationNameKey('Erie Shore Greenhouses'));
    expect(organisationNameKey('Satilla River Onion Growers, L.L.C.')).toBe('growers onion river satilla');
    expect(organisationNameKey('Tremblay et Fils Ltée')).toBe('fils tremblay');
  });
});

describe('cross-border encodings', () => {
  it('are 1024 bits, one linkage schema v3 per kind with a fixed number of bits per feature', () => {
    expect(enc.clkBytes).toBe(128);
    expect(CROSS_BORDER_CLK_BYTES).toBe(128);
    for (const kind of CROSS_BORDER_KINDS) {
      const json = crossBorderLinkageSchema(kind) as { clkConfig: { kdf: { info: string } }; features: { hashing: { strategy: object; hash: object } }[] };
      const schema = parseLinkageSchema(json);
      expect(schema.l).toBe(1024);
      for (const f of json.features) {
        expect(Object.keys(f.hashing.strategy)).toEqual(['bitsPerFeature']);
        expect(f.hashing.hash).toEqual({ type: 'blakeHash' });
      }
      expect(Buffer.from(json.clkConfig.kdf.info, 'base64').toString()).toBe(`${CROSS_BORDER_SCHEMA_ID}/${kind}`);
    }
  });

  it('sets about as many bits for a short surname as for a long one', () => {
    const short = clk('Person', props({ givenName: 'Ana', surname: 'Li', phone: '+1 416 555 0101' }));
    const long = clk('Person', props({ givenName: 'Maximiliano', surname: 'Hernández-Villanueva', phone: '+1 416 555 0102' }));
    // 16 more letters at a fixed number of bits per token would set dozens more bits
    expect(Math.abs(bits(short) - bits(long))).toBeLessThan(12);
  });

  it('match the three sightings of the recruiter with one another', () => {
    const t = CROSS_BORDER_THRESHOLD.Person;
    const pairs = [score('Person', MX, CA), score('Person', MX, US), score('Person', CA, US)];
    for (const s of pairs) expect(s).toBeGreaterThanOrEqual(t);
    // the two records with a given name, a birth year and the phone agree most
    expect(pairs[0]).toBeGreaterThan(pairs[1]!);
  });

  it('treat Pepe as José', () => {
    const pepe = props({ name: 'Pepe Hernández', birthDate: '1978-03-14' });
    const jose = props({ name: 'José Hernández', birthDate: '1978-03-14' });
    expect(score('Person', pepe, jose)).toBeGreaterThanOrEqual(0.95);
    expect(score('Person', props({ name: 'Pedro Hernández', birthDate: '1978-03-14' }), jose)).toBeLessThan(0.95);
  });

  it('keep apart two people who share only a common surname', () => {
    const other = props({ name: 'María Hernández López', birthDate: '1990-07-02', phone: '+52 55 9876 5432' });
    const s = score('Person', MX, other);
    expect(s).toBeLessThan(CROSS_BORDER_THRESHOLD.Person);
    expect(s).toBeLessThan(0.45);
    // and the same given name and surnames with another birth date and phone stay below too
    expect(score('Person', MX, props({ name: 'José Hernández Ruiz', birthDate: '1985-05-02', phone: '+52 55 9876 5432' }))).toBeLessThan(CROSS_BORDER_THRESHOLD.Person);
  });

  it('tolerate a day off, day and month swapped, and surnames swapped or hyphenated', () => {
    const base = props({ givenName: 'Iván', surname: 'Jiménez', secondSurname: 'Santiago', birthDate: '1983-04-23', phone: '+52 461 498 4250' });
    const variants = [
      props({ givenName: 'Ivan', surname: 'Jimenez-Santiago', birthDate: '1983-04-24', phone: '+52 461 498 4250' }),
      props({ givenName: 'Iván', surname: 'Santiago', secondSurname: 'Jiménez', birthDate: '1983-04-23', phone: '+52 461 498 4250' }),
      props({ givenName: 'Ivan', surname: 'Jimenez', birthDate: '04/23/1983', phone: '461 498 4250' }),
    ];
    for (const v of variants) expect(score('Person', base, v)).toBeGreaterThanOrEqual(CROSS_BORDER_STRONG.Person);
  });

  it('match a phone however it is written', () => {
    const a = props({ number: '+52 33 1234 5678', country: 'MX' });
    for (const written of ['011-52-33-1234-5678', '+52 1 33 1234 5678', '0052 33 1234 5678', '33 1234 5678']) {
      expect(score('Phone', a, props({ number: written, country: 'MX' }))).toBe(1);
    }
    expect(score('Phone', a, props({ number: '+52 33 1234 5679', country: 'MX' }))).toBeLessThan(0.3);
  });

  it('match an organisation across legal forms and abbreviations', () => {
    const mx = props({ name: 'Enlace Agrícola Internacional del Bajío, S.A. de C.V.', phone: '+52 462 346 6538' });
    const ca = props({ name: 'Enlace Agricola Internacional', phone: '+52 462 346 6538' });
    const us = props({ name: 'Enlace Agricola Intl. SA de CV' });
    const t = CROSS_BORDER_THRESHOLD.Organization;
    expect(score('Organization', mx, ca)).toBeGreaterThanOrEqual(t);
    expect(score('Organization', mx, us)).toBeGreaterThanOrEqual(t);
    expect(score('Organization', ca, us)).toBeGreaterThanOrEqual(CROSS_BORDER_STRONG.Organization);
    expect(score('Organization', props({ name: 'Patel Construction Inc.' }), props({ name: 'Turner Construction Inc.' }))).toBeLessThan(t);
  });

  it('of different kinds never compare, and are unrelated even for the same value', () => {
    const asPerson = clk('Person', props({ name: 'X', phone: '+52 33 1234 5678' }));
    const asPhone = clk('Phone', props({ number: '+52 33 1234 5678' }));
    const subjects: EncodedSubject[] = [{ ref: 'p', kind: 'Person', clk: asPerson }];
    expect(compareEncodings(subjects, [{ ref: 'q', kind: 'Phone', clk: asPhone }], 0.01)).toEqual([]);
    expect(compareEncodings(subjects, [{ ref: 'q', kind: 'Person', clk: asPerson }], 0.5)).toHaveLength(1);
    // the kind is part of the key derivation: the same phone lands on unrelated bits
    expect(rawDice(asPerson, asPhone)).toBeLessThan(0.3);
  });

  it('under another secret are unrelated (a score like two random filters)', () => {
    const other = createCrossBorderEncoder(secretOf(2));
    const same = rawDice(clk('Person', MX), clk('Person', MX, other));
    // two random filters of these densities score about the fill ratio (~0.2)
    expect(same).toBeLessThan(0.35);
    expect(rawDice(clk('Person', MX), clk('Person', MX))).toBe(1);
    expect(score('Person', MX, CA, other)).toBeGreaterThanOrEqual(CROSS_BORDER_THRESHOLD.Person);
  });
});

describe('the linkage secret', () => {
  it('has a fingerprint that is stable, 32 hex digits, and different for another secret', () => {
    const f = secretFingerprint(SECRET);
    expect(f).toMatch(/^[0-9a-f]{32}$/);
    expect(secretFingerprint(Uint8Array.from(SECRET))).toBe(f);
    expect(secretFingerprint(secretOf(2))).not.toBe(f);
    expect(f).not.toContain(Buffer.from(SECRET).toString('hex').slice(0, 8));
  });

  it('is refused when shorter than 32 bytes or not random, with a message in English, French and Spanish', () => {
    const codeOf = (secret: Uint8Array): string => {
      try {
        validateLinkageSecret(secret);
        return 'accepted';
      } catch (e) {
        expect(e).toBeInstanceOf(AlianzaError);
        return (e as AlianzaError).code;
      }
    };
    expect(codeOf(SECRET)).toBe('accepted');
    expect(codeOf(SECRET.slice(0, 31))).toBe('PPRL_SECRET_TOO_SHORT');
    expect(codeOf(new Uint8Array(0))).toBe('PPRL_SECRET_TOO_SHORT');
    expect(codeOf(new Uint8Array(64).fill(7))).toBe('PPRL_SECRET_WEAK');
    expect(() => createCrossBorderEncoder(new TextEncoder().encode('short'))).toThrow(AlianzaError);
    for (const code of ['PPRL_SECRET_TOO_SHORT', 'PPRL_SECRET_WEAK']) {
      for (const locale of ['en', 'fr', 'es'] as const) {
        const text = localise([pprlCatalogue], code, locale, { found: 5, min: 32 });
        expect(text).not.toBe(code);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    try {
      validateLinkageSecret(SECRET.slice(0, 5));
    } catch (e) {
      expect(localise([pprlCatalogue], (e as AlianzaError).code, 'es', (e as AlianzaError).params)).toContain('32');
    }
  });
});

describe('compareEncodings', () => {
  const people = [MX, CA, US, props({ name: 'María Hernández López', birthDate: '1990-07-02', phone: '+52 55 9876 5432' })];
  const subjects = people.map((p, i): EncodedSubject => ({ ref: `r${i}`, kind: 'Person', clk: clk('Person', p) }));

  it('returns every same-kind pair at or above the threshold, best first, with two decimals', () => {
    const hits = compareEncodings(subjects.slice(0, 1), subjects, CROSS_BORDER_THRESHOLD.Person);
    expect(hits.map((h) => h.ownRef)).toEqual(['r0', 'r1', 'r2']);
    expect(hits[0]!.score).toBe(1);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    for (const h of hits) {
      expect(Math.round(h.score * 100) / 100).toBe(h.score);
      expect(h.kind).toBe('Person');
      expect(h.queryRef).toBe('r0');
    }
  });

  it('takes the threshold given, and refuses one outside (0, 1]', () => {
    const all = compareEncodings(subjects, subjects, 0.01);
    expect(all).toHaveLength(16);
    const high = compareEncodings(subjects, subjects, 0.99);
    expect(high.map((h) => `${h.queryRef}-${h.ownRef}`)).toEqual(['r0-r0', 'r1-r1', 'r2-r2', 'r3-r3']);
    expect(() => compareEncodings(subjects, subjects, 0)).toThrow(AlianzaError);
    expect(() => compareEncodings(subjects, subjects, 1.5)).toThrow(AlianzaError);
  });

  it('agrees with a plain Dice computation', () => {
    for (const h of compareEncodings(subjects, subjects, 0.01)) {
      const a = subjects.find((s) => s.ref === h.queryRef)!.clk;
      const b = subjects.find((s) => s.ref === h.ownRef)!.clk;
      expect(h.score).toBe(Math.round(rawDice(a, b) * 100) / 100);
    }
  });
});

describe('band', () => {
  it('calls a hit strong from the strong score of its kind', () => {
    for (const kind of CROSS_BORDER_KINDS) {
      expect(CROSS_BORDER_STRONG[kind]).toBeGreaterThan(CROSS_BORDER_THRESHOLD[kind]);
      expect(band(CROSS_BORDER_STRONG[kind], kind)).toBe('strong');
      expect(band(CROSS_BORDER_THRESHOLD[kind], kind)).toBe('possible');
    }
  });
});
