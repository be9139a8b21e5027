/**
 * compareEncodings (the WebAssembly kernel, per kind) against a plain all-pairs Dice
 * computation, on random filters, on families of near-duplicates, on empty and on identical
 * filters, across kinds, lengths and thresholds.
 */
import { describe, expect, it } from 'vitest';
import { compareEncodings, CROSS_BORDER_KINDS, type CrossBorderKind, type EncodedSubject, type EncodingHit } from './cross-border-encoding';
import { seededRandom } from './lsh-plan';
import { popcountTable } from './popcount';

const BYTES = 128;

function bitsOf(c: Uint8Array): number {
  let n = 0;
  for (const b of c) n += popcountTable[b]!;
  return n;
}

/** Every pair of the same kind and word length, scored 2·common/total rounded to two decimals. */
function reference(query: readonly EncodedSubject[], own: readonly EncodedSubject[], threshold: number): EncodingHit[] {
  const words = (c: Uint8Array) => Math.ceil(c.length / 4);
  const hits: EncodingHit[] = [];
  const ownBits = own.map((o) => bitsOf(o.clk));
  for (const q of query) {
    const qBits = bitsOf(q.clk);
    own.forEach((o, j) => {
      if (o.kind !== q.kind || words(o.clk) !== words(q.clk)) return;
      const total = qBits + ownBits[j]!;
      if (total === 0) return;
      let common = 0;
      for (let k = 0; k < Math.min(q.clk.length, o.clk.length); k++) common += popcountTable[q.clk[k]! & o.clk[k]!]!;
      const score = Math.round((200 * common) / total) / 100;
      if (score >= threshold) hits.push({ queryRef: q.ref, ownRef: o.ref, kind: q.kind, score });
    });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return hits.sort((a, b) => b.score - a.score || cmp(a.queryRef, b.queryRef) || cmp(a.ownRef, b.ownRef));
}

/** A filter with each bit set with probability `density`. */
function randomClk(random: () => number, density: number, bytes = BYTES): Uint8Array {
  const c = new Uint8Array(bytes);
  for (let bit = 0; bit < bytes * 8; bit++) if (random() < density) c[bit >> 3]! |= 1 << (bit & 7);
  return c;
}

/** The filter with `n` random bits flipped. */
function flip(random: () => number, clk: Uint8Array, n: number): Uint8Array {
  const c = clk.slice();
  for (let k = 0; k < n; k++) {
    const bit = Math.floor(random() * c.length * 8);
    c[bit >> 3]! ^= 1 << (bit & 7);
  }
  return c;
}

const kindAt = (random: () => number): CrossBorderKind => CROSS_BORDER_KINDS[Math.floor(random() * 3)]!;

/** Query and own subjects drawn from families of near-duplicates (Person-like bit counts), plus strangers, empties and copies. */
function nearDuplicates(seed: number, nQuery: number, nOwn: number) {
  const random = seededRandom(seed);
  const bases = Array.from({ length: 500 }, () => ({ kind: kindAt(random), clk: randomClk(random, 0.1 + 0.15 * random()) }));
  const draw = (side: string, n: number): EncodedSubject[] =>
    Array.from({ length: n }, (_, i) => {
      const ref = `${side}${i}`;
      const r = random();
      if (r < 0.02) return { ref, kind: kindAt(random), clk: new Uint8Array(BYTES) };
      if (r < 0.1) return { ref, kind: kindAt(random), clk: randomClk(random, 0.05 + 0.3 * random()) };
      const base = bases[Math.floor(random() * bases.length)]!;
      // unchanged copies, a few bits, many bits
      const flips = r < 0.2 ? 0 : Math.floor(random() * (r < 0.6 ? 20 : 120));
      return { ref, kind: base.kind, clk: flip(random, base.clk, flips) };
    });
  return { query: draw('q', nQuery), own: draw('o', nOwn) };
}

describe('compareEncodings against a plain all-pairs computation', () => {
  it('finds the same pairs, scores and order on near-duplicates at the thresholds in use and around them', () => {
    const { query, own } = nearDuplicates(7, 2500, 3500);
    const all = reference(query, own, 0.6);
    for (const threshold of [0.6, 0.65, 0.9, 0.73, 1]) {
      const expected = all.filter((h) => h.score >= threshold);
      expect(expected.length).toBeGreaterThan(100);
      expect(compareEncodings(query, own, threshold)).toEqual(expected);
    }
  }, 60_000);

  it('finds the same pairs on random filters of varied density, empties included, at a low threshold', () => {
    const random = seededRandom(11);
    const draw = (side: string, n: number): EncodedSubject[] =>
      Array.from({ length: n }, (_, i) => ({
        ref: `${side}${String(i).padStart(4, '0')}`,
        kind: kindAt(random),
        clk: random() < 0.03 ? new Uint8Array(BYTES) : randomClk(random, 0.02 + 0.5 * random()),
      }));
    const query = draw('q', 2000);
    const own = draw('o', 3000);
    const all = reference(query, own, 0.3);
    for (const threshold of [0.3, 0.45]) {
      const expected = all.filter((h) => h.score >= threshold);
      expect(expected.length).toBeGreaterThan(1000);
      expect(compareEncodings(query, own, threshold)).toEqual(expected);
    }
  }, 60_000);

  it('returns every pair of many identical filters, with ties ordered by reference', () => {
    const random = seededRandom(3);
    const clk = randomClk(random, 0.2);
    const query = Array.from({ length: 400 }, (_, i): EncodedSubject => ({ ref: `q${(i * 7919) % 400}`, kind: 'Person', clk }));
    const own = Array.from({ length: 1500 }, (_, i): EncodedSubject => ({ ref: `o${i}`, kind: 'Person', clk: i % 2 ? clk : new Uint8Array(BYTES) }));
    const hits = compareEncodings(query, own, 0.6);
    expect(hits).toHaveLength(400 * 750);
    expect(hits).toEqual(reference(query, own, 0.6));
  }, 60_000);

  it('counts a score that rounds up to the threshold, and never pairs two empty filters', () => {
    // 119 common bits of 119 + 281: exactly 0.595, reported as 0.6
    const small = new Uint8Array(BYTES);
    for (let bit = 0; bit < 119; bit++) small[bit >> 3]! |= 1 << (bit & 7);
    const large = new Uint8Array(BYTES);
    for (let bit = 0; bit < 281; bit++) large[bit >> 3]! |= 1 << (bit & 7);
    const empty = new Uint8Array(BYTES);
    const query: EncodedSubject[] = [
      { ref: 's', kind: 'Person', clk: small },
      { ref: 'e', kind: 'Person', clk: empty },
    ];
    const own: EncodedSubject[] = [
      { ref: 'l', kind: 'Person', clk: large },
      { ref: 'e', kind: 'Person', clk: empty },
    ];
    expect(compareEncodings(query, own, 0.6)).toEqual([{ queryRef: 's', ownRef: 'l', kind: 'Person', score: 0.6 }]);
    expect(compareEncodings(query, own, 0.61)).toEqual([]);
  });

  it('compares only filters of one word length, and handles lengths that are not whole rows or too long for the kernel', () => {
    const random = seededRandom(5);
    const subjects: EncodedSubject[] = [];
    const shared = randomClk(random, 0.2, 125);
    for (const bytes of [125, 128, 64, 30, 8200]) {
      // the 128-byte filters are the 125-byte ones with three zero bytes more
      const base = bytes === 125 || bytes === 128 ? Uint8Array.from({ length: bytes }, (_, k) => shared[k] ?? 0) : randomClk(random, 0.2, bytes);
      for (let i = 0; i < 6; i++) subjects.push({ ref: `${bytes}-${i}`, kind: i % 2 ? 'Phone' : 'Organization', clk: flip(random, base, 5 * i) });
    }
    const hits = compareEncodings(subjects, subjects, 0.5);
    expect(hits.some((h) => h.queryRef.startsWith('125-') && h.ownRef.startsWith('128-'))).toBe(true);
    expect(hits.some((h) => h.queryRef.startsWith('8200-'))).toBe(true);
    expect(hits).toEqual(reference(subjects, subjects, 0.5));
  });
});
