/**
 * The work of one thread in a matching run, over the shared memory laid out by
 * match-layout.ts: either a range of A rows against all of B (popcount-pruned scan), or a
 * list of LSH bands (bit-sample keys, buckets, comparisons within buckets). Used alike by
 * worker threads and by the calling thread when it works alone.
 */
import type { DiceKernel } from './dice-kernel';
import type { MatchLayout } from './match-layout';
import { concatPairs, PairSet, type ScoredPairs } from './pair-set';

export type DiceTask =
  | { kind: 'scan'; threshold: number; from: number; to: number }
  | {
      kind: 'bands';
      threshold: number;
      /** sampled bits per band */
      r: number;
      bucketBits: number;
      /** bit positions of every band of the run, r per band */
      positions: Uint32Array;
      /** the bands this thread does */
      bands: number[];
    };

export interface TaskResult {
  pairs: ScoredPairs;
  /** pairs whose intersection was computed */
  compared: number;
}

/** Rows of A per kernel call in a scan (progress is reported per call). */
const SCAN_CHUNK = 64;
/** Rows of B per block of a scan: 1,024 rows of 1,024 bits fit in a core's L2 cache. */
export const SCAN_TILE = 1024;

function readHits(memory: WebAssembly.Memory, at: number, n: number): ScoredPairs {
  const words = new Uint32Array(memory.buffer, at, n * 4);
  const floats = new Float64Array(memory.buffer, at, n * 2);
  const out = { left: new Uint32Array(n), right: new Uint32Array(n), score: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    out.left[i] = words[4 * i]!;
    out.right[i] = words[4 * i + 1]!;
    out.score[i] = floats[2 * i + 1]!;
  }
  return out;
}

function scan(k: DiceKernel, memory: WebAssembly.Memory, L: MatchLayout, w: number, task: Extract<DiceTask, { kind: 'scan' }>, progress: (units: number) => void): ScoredPairs {
  const s = L.scratch[w]!;
  const parts: ScoredPairs[] = [];
  // every block of B must be able to hold the hits of all rows of a call
  const rows = Math.max(1, Math.min(SCAN_CHUNK, Math.floor(L.outCap / Math.min(SCAN_TILE, L.nB))));
  for (let from = task.from; from < task.to; ) {
    const to = Math.min(task.to, from + rows);
    for (let bFrom = 0; bFrom < L.nB; ) {
      const hits = k.scan_all(
        L.aData, L.aPop, from, to, L.bData, L.bPop, L.bOrig, L.bStart, L.bitLength,
        L.stride, L.head, task.threshold, s.out, L.outCap, bFrom, L.nB, SCAN_TILE,
      );
      if (hits > 0) parts.push(readHits(memory, s.out, hits));
      bFrom = k.resume_at();
    }
    progress(to - from);
    from = to;
  }
  return concatPairs(parts);
}

function bands(k: DiceKernel, memory: WebAssembly.Memory, L: MatchLayout, w: number, task: Extract<DiceTask, { kind: 'bands' }>, progress: (units: number) => void): ScoredPairs {
  const s = L.scratch[w]!;
  const found = new PairSet(Math.min(L.nA, L.nB));
  const pos = new Uint32Array(memory.buffer, s.pos, 2 * task.r);
  new Uint32Array(memory.buffer, s.seen, L.nA).fill(0xffffffff);
  for (const band of task.bands) {
    for (let i = 0; i < task.r; i++) {
      const bit = task.positions[band * task.r + i]!;
      pos[2 * i] = bit >> 3;
      pos[2 * i + 1] = 7 - (bit & 7);
    }
    const { a, b } = s;
    k.band_keys(L.aData, L.nA, L.stride, s.pos, task.r, a.keys);
    k.band_keys(L.bData, L.nB, L.stride, s.pos, task.r, b.keys);
    k.bucket_build(a.keys, L.aPop, L.nA, task.bucketBits, a.start, a.order, a.okeys, a.opops);
    k.bucket_build(b.keys, L.bPop, L.nB, task.bucketBits, b.start, b.order, b.okeys, b.opops);
    for (let at = 0; at < L.nA; ) {
      const hits = k.band_join(
        at, L.nA, task.bucketBits, a.order, a.okeys, a.opops, L.aData,
        b.start, b.order, b.okeys, b.opops, L.bData, L.bOrig, L.stride, L.head, task.threshold, s.out, L.outCap, s.cand, L.outCap, s.seen,
      );
      if (hits > 0) found.addAll(readHits(memory, s.out, hits));
      at = k.resume_at();
    }
    progress(1);
  }
  return found.toArrays();
}

export function runDiceTask(
  kernel: DiceKernel,
  memory: WebAssembly.Memory,
  layout: MatchLayout,
  worker: number,
  task: DiceTask,
  progress: (units: number) => void = () => {},
): TaskResult {
  kernel.reset_compared();
  const pairs = task.kind === 'scan' ? scan(kernel, memory, layout, worker, task, progress) : bands(kernel, memory, layout, worker, task, progress);
  return { pairs, compared: kernel.compared() };
}
