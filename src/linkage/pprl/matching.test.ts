import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packClks, readClkDocument } from './clk-matrix';
import { findPairsAboveThreshold } from './dice-matching';
import { greedySolve, matchesToCsv } from './greedy-solve';
import { bandCollisionProbability, bandPositions, bandsForRecall, planBlocking, recallOf, seededRandom } from './lsh-plan';
import { hasFebrl, readDataset } from './test-fixtures.node';

describe.skipIf(!hasFebrl)('linking the FEBRL CLKs of clkhash', () => {
  const entity = (file: string) =>
    (parse(readDataset(file), { ltrim: true, from_line: 2 }) as string[][]).map((r) => r[0]!.replace(/-(org|dup-0)$/, ''));

  it('reaches precision ≥ 0.999 and recall ≥ 0.99 at threshold 0.8 (Dice, greedy 1:1)', async () => {
    const a = readClkDocument(JSON.parse(readDataset('clkhash/clk_febrl4a_blake_secret.json')), 'a');
    const b = readClkDocument(JSON.parse(readDataset('clkhash/clk_febrl4b_blake_secret.json')), 'b');
    const left = entity('febrl4a.csv');
    const right = entity('febrl4b.csv');
    const matches = greedySolve((await findPairsAboveThreshold(a, b, { threshold: 0.8 })).pairs);
    const correct = matches.filter((m) => left[m.left] === right[m.right]).length;
    expect(correct / matches.length).toBeGreaterThanOrEqual(0.999);
    expect(correct / 5000).toBeGreaterThanOrEqual(0.99);
  });
});

describe('greedy one-to-one solving', () => {
  const pairs = (rows: [number, number, number][]) => ({
    left: Uint32Array.from(rows.map((r) => r[0])),
    right: Uint32Array.from(rows.map((r) => r[1])),
    score: Float64Array.from(rows.map((r) => r[2])),
  });

  it('takes the best pair first and never reuses a record', () => {
    const m = greedySolve(pairs([[0, 0, 0.9], [0, 1, 0.95], [1, 1, 0.85], [1, 0, 0.8], [2, 2, 0.81]]));
    expect(m).toEqual([
      { left: 0, right: 1, score: 0.95 },
      { left: 1, right: 0, score: 0.8 },
      { left: 2, right: 2, score: 0.81 },
    ]);
    expect(matchesToCsv(m)).toBe('left_index,right_index,score\n0,1,0.95\n1,0,0.8\n2,2,0.81\n');
  });

  it('is one-to-one, and every candidate left out conflicts with an accepted pair scoring at least as much', () => {
    const candidate = fc.tuple(fc.nat(15), fc.nat(15), fc.double({ min: 0.5, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => `${c[0]},${c[1]}`, maxLength: 60 }), (rows) => {
        const m = greedySolve(pairs(rows));
        const lefts = new Map(m.map((x) => [x.left, x]));
        const rights = new Map(m.map((x) => [x.right, x]));
        if (lefts.size !== m.length || rights.size !== m.length) return false;
        return rows.every(([l, r, s]) => {
          if (lefts.get(l)?.right === r) return true;
          const blocker = [lefts.get(l), rights.get(r)].filter((x) => x !== undefined);
          return blocker.some((x) => x.score >= s);
        });
      }),
    );
  });
});

describe('greedy one-to-one solving, against its definition', () => {
  /** The definition: best score first, ties by left then right index; a pair whose records are free is taken. */
  function reference(rows: [number, number, number][]) {
    const sorted = [...rows].sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
    const usedLeft = new Set<number>();
    const usedRight = new Set<number>();
    const out: { left: number; right: number; score: number }[] = [];
    for (const [l, r, s] of sorted) {
      if (usedLeft.has(l) || usedRight.has(r)) continue;
      usedLeft.add(l);
      usedRight.add(r);
      out.push({ left: l, right: r, score: s });
    }
    return out.sort((x, y) => x.left - y.left);
  }

  it('takes the same pairs, with many equal scores and indices beyond 16 bits', () => {
    const index = fc.oneof(fc.nat(20), fc.integer({ min: 65_530, max: 65_545 }), fc.integer({ min: 1_000_000, max: 1_000_005 }));
    const score = fc.oneof(fc.constantFrom(0.8, 0.85, 0.9, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(index, index, score), { selector: (c) => `${c[0]},${c[1]}`, maxLength: 80 }), (rows) => {
        const m = greedySolve({
          left: Uint32Array.from(rows.map((r) => r[0])),
          right: Uint32Array.from(rows.map((r) => r[1])),
          score: Float64Array.from(rows.map((r) => r[2])),
        });
        expect(m).toEqual(reference(rows));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Hamming-LSH blocking', () => {
  it('computes the band collision probability of sampling without replacement', () => {
    expect(bandCollisionProbability(10, 0, 5)).toBe(1);
    expect(bandCollisionProbability(10, 2, 2)).toBeCloseTo((8 / 10) * (7 / 9), 12);
    expect(bandCollisionProbability(10, 8, 3)).toBe(0);
    const q = bandCollisionProbability(1024, 205, 16);
    const b = bandsForRecall(q, 0.99);
    expect(recallOf(q, b)).toBeGreaterThanOrEqual(0.99);
    expect(recallOf(q, b - 1)).toBeLessThan(0.99);
  });

  it('draws distinct positions within a band, the same for the same seed', () => {
    const p = bandPositions(7, 50, 20, 1024);
    for (let band = 0; band < 50; band++) expect(new Set(p.subarray(band * 20, band * 20 + 20)).size).toBe(20);
    expect(bandPositions(7, 50, 20, 1024)).toEqual(p);
    expect(bandPositions(8, 50, 20, 1024)).not.toEqual(p);
  });

  it('plans bands whose expected recall at the threshold meets the target', () => {
    const sums = Array.from({ length: 300 }, (_, i) => 960 + (i % 120));
    const plan = planBlocking({
      bitLength: 1024, nA: 1e6, nB: 1e6, threshold: 0.8, recall: 0.99, popHighA: 560, popHighB: 560, samplePopSums: sums,
      sampleDistances: Array.from({ length: 200 }, (_, i) => 400 + (i % 100)), inPopcountRange: 1, threads: 2,
    });
    expect(plan.mode).toBe('lsh');
    if (plan.mode === 'lsh') {
      // recomputed here from the definition: mean over the popcount sums of 1 − (1 − q(h))^b
      const expected = (bands: number) =>
        sums.reduce((acc, s) => acc + recallOf(bandCollisionProbability(1024, Math.ceil(s * 0.2), plan.bitsPerBand), bands), 0) / sums.length;
      expect(expected(plan.bands)).toBeGreaterThanOrEqual(0.99);
      expect(expected(plan.bands - 1)).toBeLessThan(0.99);
      expect(plan.worstDistance).toBe(Math.ceil(1120 * 0.2));
      expect(plan.worstCaseRecall).toBeLessThanOrEqual(plan.recallAtThreshold);
    }
  });

  it('finds at least 99% of the pairs at or above the threshold that the exact scan finds', async () => {
    // random half-full filters, plus noisy copies whose Dice spreads around the threshold
    const random = seededRandom(42);
    const bytes = 128;
    const fresh = () => Uint8Array.from({ length: bytes }, () => Math.floor(random() * 256) & Math.floor(random() * 256) | Math.floor(random() * 256) & 0x11);
    const a = Array.from({ length: 3000 }, fresh);
    const b = Array.from({ length: 3000 }, fresh);
    for (let i = 0; i < 1500; i++) {
      const copy = a[i]!.slice();
      const flips = 20 + Math.floor(random() * 140);
      for (let f = 0; f < flips; f++) copy[Math.floor(random() * bytes)]! ^= 1 << Math.floor(random() * 8);
      b[i] = copy;
    }
    const A = packClks(a);
    const B = packClks(b);
    const exact = await findPairsAboveThreshold(A, B, { threshold: 0.8, threads: 1, blocking: 'all-pairs' });
    const blocked = await findPairsAboveThreshold(A, B, { threshold: 0.8, threads: 1, blocking: 'lsh', recall: 0.99 });
    expect(blocked.plan.mode).toBe('lsh');
    const found = new Set(Array.from(blocked.pairs.left, (l, k) => `${l},${blocked.pairs.right[k]}`));
    const truth = Array.from(exact.pairs.left, (l, k) => `${l},${exact.pairs.right[k]}`);
    expect(truth.length).toBeGreaterThan(500);
    expect(truth.filter((p) => found.has(p)).length / truth.length).toBeGreaterThanOrEqual(0.99);
    // and compared fewer pairs than the exact scan
    expect(blocked.comparisons).toBeLessThan(exact.comparisons);
  });
});
