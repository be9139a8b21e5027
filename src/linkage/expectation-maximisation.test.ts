import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregatePatterns, expectationMaximisation, posteriors, type FsParameters } from './expectation-maximisation';

const FIXTURE = '/work/shared/datasets/em_known_params_comparison_vectors.csv';

function readVectors(): Int8Array {
  const lines = readFileSync(FIXTURE, 'utf8').trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const cols = ['gamma_col_1', 'gamma_col_2', 'gamma_col_3'].map((c) => header.indexOf(c));
  expect(cols.every((c) => c >= 0)).toBe(true);
  const out = new Int8Array((lines.length - 1) * 3);
  lines.slice(1).forEach((line, r) => {
    const cells = line.split(',');
    cols.forEach((c, f) => (out[r * 3 + f] = Number(cells[c])));
  });
  return out;
}

/** A neutral start: each level equally likely except that gamma 1 (agreement) leans to matches. */
const start = (): FsParameters => ({
  lambda: 0.3,
  m: [0, 1, 2].map(() => Float64Array.from([0.3, 0.7])),
  u: [0, 1, 2].map(() => Float64Array.from([0.7, 0.3])),
});

describe('expectation maximisation', () => {
  it('recovers the known parameters of the Splink fixture (lambda within 1%, m and u within 0.01)', () => {
    const vectors = readVectors();
    expect(vectors.length).toBe(4000 * 3);
    const patterns = aggregatePatterns(vectors, 3, [2, 2, 2]);
    const { params, converged } = expectationMaximisation(patterns, start(), { maxIterations: 200, tolerance: 1e-5 });
    expect(converged).toBe(true);
    expect(Math.abs(params.lambda - 0.5) / 0.5).toBeLessThan(0.01);
    const trueM = [[0.3, 0.7], [0.1, 0.9], [0.05, 0.95]];
    const trueU = [[0.9, 0.1], [0.975, 0.025], [0.8, 0.2]];
    for (let f = 0; f < 3; f++) {
      for (let g = 0; g < 2; g++) {
        expect(Math.abs((params.m[f]?.[g] ?? NaN) - (trueM[f]?.[g] ?? NaN))).toBeLessThan(0.01);
        expect(Math.abs((params.u[f]?.[g] ?? NaN) - (trueU[f]?.[g] ?? NaN))).toBeLessThan(0.01);
      }
    }
  });

  it('aggregates identical vectors into one pattern with its count', () => {
    const v = Int8Array.from([1, 0, -1, 1, 0, -1, 0, 0, 1]);
    const p = aggregatePatterns(v, 3, [2, 2, 2]);
    expect(p.size).toBe(2);
    expect([...p.counts].sort()).toEqual([1, 2]);
  });

  it('keeps m and u as probability distributions and lambda in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 2 }), fc.integer({ min: -1, max: 1 })), { minLength: 1, maxLength: 60 }), (rows) => {
        const v = Int8Array.from(rows.flat());
        const patterns = aggregatePatterns(v, 2, [3, 2]);
        const s: FsParameters = { lambda: 0.2, m: [Float64Array.from([0.1, 0.2, 0.7]), Float64Array.from([0.2, 0.8])], u: [Float64Array.from([0.7, 0.2, 0.1]), Float64Array.from([0.8, 0.2])] };
        const { params } = expectationMaximisation(patterns, s, { maxIterations: 20 });
        expect(params.lambda).toBeGreaterThanOrEqual(0);
        expect(params.lambda).toBeLessThanOrEqual(1);
        for (const row of [...params.m, ...params.u]) {
          const sum = row.reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it('with u fixed, leaves u alone and gives higher posteriors to agreeing patterns', () => {
    const vectors = readVectors();
    const patterns = aggregatePatterns(vectors, 3, [2, 2, 2]);
    const s = start();
    const { params } = expectationMaximisation(patterns, s, { fixU: true });
    expect([...(params.u[0] ?? [])]).toEqual([...(s.u[0] ?? [])]);
    const post = posteriors(aggregatePatterns(Int8Array.from([1, 1, 1, 0, 0, 0]), 3, [2, 2, 2]), params);
    expect(post[0]).toBeGreaterThan(post[1] ?? 1);
  });

  it('refuses an empty set of patterns with a coded error', () => {
    expect(() => expectationMaximisation(aggregatePatterns(new Int8Array(0), 3, [2, 2, 2]), start())).toThrow(/LINK_EM_NO_DATA/);
  });
});
