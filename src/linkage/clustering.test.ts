import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterRecords, oneToOne, type ScoredPairs } from './clustering';

const pairs = (list: [number, number, number][]): ScoredPairs => ({
  left: list.map((p) => p[0]),
  right: list.map((p) => p[1]),
  probability: list.map((p) => p[2]),
  size: list.length,
});
const loose = { threshold: 0.9, mergeThreshold: 1.1, minLinkFraction: 0 };
const guarded = { threshold: 0.9, mergeThreshold: 0.999, minLinkFraction: 0.5 };
const groups = (c: { clusterOf: Int32Array }) => {
  const m = new Map<number, number[]>();
  c.clusterOf.forEach((k, i) => m.set(k, [...(m.get(k) ?? []), i]));
  return [...m.values()];
};

describe('clustering', () => {
  it('joins records linked above the threshold into connected components', () => {
    const c = clusterRecords(6, pairs([[0, 1, 0.95], [1, 2, 0.97], [3, 4, 0.99], [4, 5, 0.5]]), loose);
    expect(groups(c)).toEqual([[0, 1, 2], [3, 4], [5]]);
    expect(c.count).toBe(3);
  });

  it('stops a long chain of weak links but keeps a well-supported group', () => {
    // a chain 0-1-2-3-4, each link only to its neighbour
    const chain = clusterRecords(5, pairs([[0, 1, 0.95], [1, 2, 0.95], [2, 3, 0.95], [3, 4, 0.95]]), guarded);
    expect(Math.max(...groups(chain).map((g) => g.length))).toBeLessThan(5);
    expect(chain.refusedMerges).toBeGreaterThan(0);
    // a clique 0..3 stays whole
    const clique: [number, number, number][] = [];
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) clique.push([i, j, 0.95]);
    expect(groups(clusterRecords(4, pairs(clique), guarded))).toEqual([[0, 1, 2, 3]]);
  });

  it('lets a very strong link merge whatever the support', () => {
    const c = clusterRecords(4, pairs([[0, 1, 0.9999], [1, 2, 0.9999], [2, 3, 0.9999]]), guarded);
    expect(groups(c)).toEqual([[0, 1, 2, 3]]);
  });

  it('never puts two records together without a chain of links above the threshold', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(9), fc.nat(9), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 30 }), (list) => {
        const c = clusterRecords(10, pairs(list), guarded);
        const free = clusterRecords(10, pairs(list), loose);
        // guarded clusters refine the plain components
        for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) if (c.clusterOf[i] === c.clusterOf[j]) expect(free.clusterOf[i]).toBe(free.clusterOf[j]);
      }),
    );
  });
});

describe('one-to-one', () => {
  it('keeps the strongest partner of each record', () => {
    const p = pairs([[0, 0, 0.95], [0, 1, 0.99], [1, 1, 0.97], [2, 2, 0.5]]);
    expect(oneToOne(p, 0.9).map((k) => [p.left[k], p.right[k]])).toEqual([[0, 1]]);
  });
  it('orders by weight when probabilities round to 1', () => {
    const p = { ...pairs([[0, 0, 1], [0, 1, 1]]), weight: [40, 60] };
    expect(oneToOne(p, 0.9)).toEqual([1]);
  });
});
