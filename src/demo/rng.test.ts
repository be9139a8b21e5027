import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { personName, stripAccents, typo } from './names';
import { varyDate, varyName, type NameVariant } from './people';

describe('Rng', () => {
  it('repeats its sequence for the same key and differs for another', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const seq = (k: string): number[] => {
          const r = new Rng(k);
          return Array.from({ length: 8 }, () => r.next32());
        };
        expect(seq(a)).toEqual(seq(a));
        if (a !== b) expect(seq(a)).not.toEqual(seq(b));
      }),
    );
  });

  it('keeps int() within its bounds and float() in [0, 1)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (key, min, span) => {
        const r = new Rng(key);
        for (let i = 0; i < 50; i++) {
          const n = r.int(min, min + span);
          expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
          const f = r.float();
          expect(f >= 0 && f < 1).toBe(true);
        }
      }),
    );
  });

  it('makes RFC 4122 version-4 UUIDs without repeats', () => {
    const r = Rng.stream(1, 'MX', 'ids');
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const id = r.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(20_000);
  });

  it('spreads int() roughly evenly', () => {
    const r = new Rng('spread');
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 50_000; i++) counts[r.int(0, 9)]! += 1;
    for (const c of counts) expect(Math.abs(c - 5000)).toBeLessThan(400);
  });

  it('samples distinct items and honours weights', () => {
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.integer(), { maxLength: 30 }), fc.nat(40), (key, items, n) => {
        const s = new Rng(key).sample(items, n);
        expect(s.length).toBe(Math.min(n, items.length));
        expect(new Set(s).size).toBe(s.length);
        for (const x of s) expect(items).toContain(x);
      }),
    );
    const r = new Rng('weights');
    let a = 0;
    for (let i = 0; i < 20_000; i++) if (r.weighted([['a', 3], ['b', 1]] as const) === 'a') a++;
    expect(a / 20_000).toBeGreaterThan(0.72);
    expect(a / 20_000).toBeLessThan(0.78);
  });

  it('derives independent streams from their parts', () => {
    expect(Rng.stream(2026, 'MX', 'cases').uuid()).not.toBe(Rng.stream(2026, 'CA', 'cases').uuid());
    expect(Rng.stream(2026, 'MX', 'cases').uuid()).toBe(Rng.stream(2026, 'MX', 'cases').uuid());
  });
});

describe('record drift', () => {
  const isoPartial = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  const date = fc.date({ min: new Date('1950-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('keeps dates valid ISO partial dates', () => {
    fc.assert(
      fc.property(date, fc.constantFrom('exact', 'day-month-swapped', 'year-only', 'off-by-one' as const), (d, v) => {
        const out = varyDate(d, v)!;
        expect(out).toMatch(isoPartial);
        if (out.length === 10) expect(new Date(out + 'T00:00:00Z').toISOString().slice(0, 10)).toBe(out);
      }),
    );
  });

  it('swaps day and month only when the result is a date, and swapping twice restores it', () => {
    expect(varyDate('1990-04-07', 'day-month-swapped')).toBe('1990-07-04');
    expect(varyDate('1990-04-27', 'day-month-swapped')).toBe('1990-04-27');
    fc.assert(
      fc.property(date, (d) => {
        expect(varyDate(varyDate(d, 'day-month-swapped'), 'day-month-swapped')).toBe(d);
      }),
    );
  });

  it('drifts names the ways foreign records do', () => {
    const n = personName('José Luis', 'Hernández', 'male', 'Ruiz');
    const r = new Rng('names');
    const v = (kind: NameVariant): string => varyName(r, n, kind).name;
    expect(v('exact')).toBe('José Luis Hernández Ruiz');
    expect(v('accents')).toBe('Jose Luis Hernandez Ruiz');
    expect(v('one-surname')).toBe('Jose Luis Hernandez');
    expect(v('swapped')).toBe('José Luis Ruiz Hernández');
    expect(v('short-given')).toBe('Jose Hernandez Ruiz');
    expect(v('hyphen')).toBe('Jose Luis Hernandez-Ruiz');
    expect(v('typo')).not.toBe('José Luis Hernández Ruiz');
  });

  it('makes a typo one edit (or one transposition) away', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 20, unit: fc.constantFrom(...'abcdefghijklmnñopqrstuvwxyz') }), fc.string(), (s, key) => {
        const t = typo(new Rng(key), s);
        expect(Math.abs(t.length - s.length)).toBeLessThanOrEqual(1);
        expect(t[0]).toBe(s[0]);
      }),
    );
  });

  it('strips accents but keeps letters', () => {
    expect(stripAccents('Núñez Ibáñez Peña Côté Bélanger')).toBe('Nunez Ibanez Pena Cote Belanger');
  });
});
