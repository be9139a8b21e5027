import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDiceKernel, generatedSource, GENERATED_PATH, WAT_PATH } from './build-dice-kernel.node';
import { packClks } from './clk-matrix';
import { instantiateDiceKernel, sharedMemory } from './dice-kernel';
import { DICE_KERNEL_WASM_BASE64 } from './dice-kernel.generated';
import { findPairsAboveThreshold, popcounts, stage } from './dice-matching';
import { seededRandom } from './lsh-plan';
import { columnOf, planLayout } from './match-layout';
import { dice } from './popcount';

/** Filters of `bytes` bytes with a given density, from fast-check. */
const filters = (bytes: number) =>
  fc.array(fc.uint8Array({ minLength: bytes, maxLength: bytes }), { minLength: 1, maxLength: 40 });

/** Every pair at or above the threshold, by the plain JavaScript definition. */
function referencePairs(a: Uint8Array[], b: Uint8Array[], t: number): string[] {
  const out: string[] = [];
  a.forEach((x, i) => b.forEach((y, j) => {
    const s = dice(x, y);
    if (s >= t) out.push(`${i},${j},${s}`);
  }));
  return out.sort();
}

describe('the WebAssembly Dice kernel', () => {
  it('is the committed compilation of dice-kernel.wat', async () => {
    const wat = readFileSync(WAT_PATH, 'utf8');
    const wasm = await compileDiceKernel(wat);
    expect(Buffer.from(wasm).toString('base64')).toBe(DICE_KERNEL_WASM_BASE64);
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(generatedSource(wat, wasm));
  });

  it('finds exactly the pairs the definition of Dice gives, with their scores (all pairs, popcount pruning)', async () => {
    await fc.assert(
      fc.asyncProperty(filters(13), filters(13), fc.double({ min: 0.05, max: 1, noNaN: true }), async (a, b, t) => {
        const run = await findPairsAboveThreshold(packClks(a), packClks(b), { threshold: t, threads: 1, blocking: 'all-pairs' });
        const got = Array.from(run.pairs.left, (l, k) => `${l},${run.pairs.right[k]},${run.pairs.score[k]}`).sort();
        expect(got).toEqual(referencePairs(a, b, t));
      }),
      { numRuns: 60 },
    );
  });

  it('never pairs two empty filters (their Dice coefficient is taken as 0)', async () => {
    const empty = (n: number, bytes: number) => packClks(Array.from({ length: n }, () => new Uint8Array(bytes)));
    for (const blocking of ['all-pairs', 'lsh'] as const) {
      for (const bytes of [13, 128]) {
        const run = await findPairsAboveThreshold(empty(5, bytes), empty(7, bytes), { threshold: 0.5, threads: 1, blocking });
        expect(run.pairs.left.length).toBe(0);
      }
    }
  });

  it('skips the tail of long filters only when the pair cannot reach the threshold', async () => {
    // 200-byte rows: the kernel compares the first 64 bytes, then bounds the rest
    const dense = (n: number, seed: number) => {
      const random = (() => {
        let s = seed;
        return () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
      })();
      const base = Array.from({ length: n }, () => Uint8Array.from({ length: 200 }, () => Math.floor(random() * 256)));
      return { base, noisy: base.map((x) => x.map((v) => (random() < 0.2 ? v ^ (1 << Math.floor(random() * 8)) : v))) };
    };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0.3, max: 1, noNaN: true }), async (seed, t) => {
        const { base, noisy } = dense(25, seed);
        const run = await findPairsAboveThreshold(packClks(base), packClks(noisy), { threshold: t, threads: 1, blocking: 'all-pairs' });
        const got = Array.from(run.pairs.left, (l, k) => `${l},${run.pairs.right[k]},${run.pairs.score[k]}`).sort();
        expect(got).toEqual(referencePairs(base, noisy, t));
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same pairs on two worker threads as in the calling thread', async () => {
    const random = (n: number, bytes: number, seed: number) => {
      let s = seed;
      return Array.from({ length: n }, () => Uint8Array.from({ length: bytes }, () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
    };
    const a = random(700, 128, 1);
    const b = [...random(600, 128, 2), ...a.slice(0, 50).map((x) => x.map((v, i) => (i === 3 ? v ^ 1 : v)))];
    const one = await findPairsAboveThreshold(packClks(a), packClks(b), { threshold: 0.6, threads: 1, blocking: 'all-pairs' });
    const two = await findPairsAboveThreshold(packClks(a), packClks(b), { threshold: 0.6, threads: 2, blocking: 'all-pairs' });
    const key = (r: typeof one) => Array.from(r.pairs.left, (l, k) => `${l},${r.pairs.right[k]},${r.pairs.score[k]}`).sort();
    expect(one.pairs.left.length).toBeGreaterThanOrEqual(50);
    expect(key(two)).toEqual(key(one));
  });

  it('reads band keys from the bit columns as the sampled bits of each row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 32 }), fc.nat(), (bytes, rows, r, seed) => {
        const random = seededRandom(seed);
        const m = packClks(Array.from({ length: rows }, () => Uint8Array.from({ length: bytes }, () => Math.floor(random() * 256))));
        const L = planLayout(rows, 1, bytes, 1, true);
        const memory = sharedMemory(L.totalBytes);
        const one = packClks([new Uint8Array(bytes)]);
        stage(memory, L, m, one, popcounts(m), popcounts(one));
        const k = instantiateDiceKernel(memory);
        const C = L.columns!;
        const bits = Array.from({ length: r }, () => Math.floor(random() * bytes * 8));
        new Uint32Array(memory.buffer, L.scratch[0]!.offsetsA, r).set(bits.map((b) => columnOf(b) * C.aColBytes));
        k.band_keys(C.aCols, C.aBlocks, L.scratch[0]!.offsetsA, r, L.scratch[0]!.a.keys);
        const keys = new Uint32Array(memory.buffer, L.scratch[0]!.a.keys, rows);
        for (let row = 0; row < rows; row++) {
          const expected = bits.reduce((key, b, i) => key | (((m.data[row * bytes + (b >> 3)]! >> (7 - (b & 7))) & 1) << i), 0) >>> 0;
          if (keys[row] !== expected) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('gives every pair of identical filters when their hits overflow a band’s output (LSH)', async () => {
    // 300 × 300 identical filters: 90,000 hits in every band, more than one call's output holds
    const same = Array.from({ length: 300 }, () => Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff));
    const other = Array.from({ length: 20 }, (_, n) => Uint8Array.from({ length: 64 }, (_, i) => (i * 11 + n * 101) & 0xff));
    const a = packClks([...same, ...other]);
    const b = packClks([...other, ...same]);
    const run = await findPairsAboveThreshold(a, b, { threshold: 0.9, threads: 1, blocking: 'lsh' });
    const exact = await findPairsAboveThreshold(a, b, { threshold: 0.9, threads: 1, blocking: 'all-pairs' });
    const key = (r: typeof run) => Array.from(r.pairs.left, (l, k) => `${l},${r.pairs.right[k]},${r.pairs.score[k]}`).sort();
    expect(run.pairs.left.length).toBeGreaterThanOrEqual(90_000);
    expect(key(run)).toEqual(key(exact));
  });

  it('refuses filters of different lengths and thresholds outside (0, 1]', async () => {
    const a = packClks([new Uint8Array(128)]);
    const b = packClks([new Uint8Array(64)]);
    await expect(findPairsAboveThreshold(a, b, { threshold: 0.8 })).rejects.toMatchObject({ code: 'PPRL_CLK_FILES_MISMATCH' });
    await expect(findPairsAboveThreshold(a, a, { threshold: 0 })).rejects.toMatchObject({ code: 'PPRL_THRESHOLD_RANGE' });
    await expect(findPairsAboveThreshold(a, a, { threshold: 1.5 })).rejects.toMatchObject({ code: 'PPRL_THRESHOLD_RANGE' });
  });
});
