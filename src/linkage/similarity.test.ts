import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jaro, jaroWinkler, jaroWinklerUpperBound, levenshtein, osaDistance } from './similarity';

describe('string similarity', () => {
  it('gives the published Jaro–Winkler values', () => {
    // Winkler (1990) / Wikipedia examples
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaro('crate', 'trace')).toBeCloseTo(0.7333, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', '')).toBe(1);
  });
  it('is symmetric, bounded and 1 only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(Math.abs(s - jaroWinkler(b, a))).toBeLessThan(1e-12);
        if (a !== b) expect(s).toBeLessThan(1);
      }),
    );
  });
  it('bounds Jaro–Winkler from above, so the shortcut never rules out a pair that reaches a threshold', () => {
    const word = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'e', 'n', 'r', 'é', '\u0100', ' ') });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(jaroWinklerUpperBound(a, b)).toBeGreaterThanOrEqual(jaroWinkler(a, b) - 1e-12);
      }),
    );
    expect(jaroWinklerUpperBound('smith', 'garcia')).toBeLessThan(0.88);
  });
  it('counts an adjacent transposition as one edit in OSA, two in Levenshtein', () => {
    expect(osaDistance('4086030', '4086300')).toBe(1);
    expect(levenshtein('4086030', '4086300')).toBe(2);
    expect(osaDistance('kitten', 'sitting')).toBe(3);
    expect(osaDistance('abc', 'abc')).toBe(0);
    expect(osaDistance('abcdef', 'zzzzzz', 1)).toBe(2);
  });
  it('agrees with Levenshtein when no transposition helps, and never exceeds it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (a, b) => {
        expect(osaDistance(a, b)).toBeLessThanOrEqual(levenshtein(a, b));
        expect(osaDistance(a, b)).toBe(osaDistance(b, a));
      }),
    );
  });
});
