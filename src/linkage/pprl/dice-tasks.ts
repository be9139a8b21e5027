/**
 * The work of one thread in a matching run, over the shared memory laid out by
 * match-layout.ts: either a range of A rows against all of B (popcount-pruned scan), or a
 * list of LSH bands (bit-sample keys from the bit columns, partitions, comparisons within
 * them). Used alike by worker threads and by the calling thread when it works alone.
 */
import type { DiceKernel } from './dice-kernel';
import { columnOf, TABLE_BITS, type MatchLayout } from './match-layout';
import { concatPairs, PairSet, type ScoredPairs } from './pair-set';

export type DiceTask =
  | { kind: 'scan'; threshold: number; from: number; to: number }
  | {
      kind: 'bands';
      threshold: number;
      /** sampled bits per band */
      r: number;
      /** bit positions of every band of the run, r per band */
      positions: Uint32Array;
      /** the bands this thread does */
      bands: number[];
    };

export interface TaskResult {
  /** pairs without repeats; two threads may both find a pair, the caller removes those */
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
        L.stride, task.threshold, s.out, L.outCap, bFrom, L.nB, SCAN_TILE,
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
  const C = L.columns!;
  // a pair is found again in a later band when both its records already had another partner
  const found = new PairSet(Math.min(L.nA, L.nB));
  const offsetsA = new Uint32Array(memory.buffer, s.offsetsA, task.r);
  const offsetsB = new Uint32Array(memory.buffer, s.offsetsB, task.r);
  const partitions = 2 ** C.partitionBits;
  for (const band of task.bands) {
    for (let i = 0; i < task.r; i++) {
      const column = columnOf(task.positions[band * task.r + i]!);
      offsetsA[i] = column * C.aColBytes;
      offsetsB[i] = column * C.bColBytes;
    }
    const { a, b } = s;
    k.band_keys(C.aCols, C.aBlocks, s.offsetsA, task.r, a.keys);
    k.band_keys(C.bCols, C.bBlocks, s.offsetsB, task.r, b.keys);
    k.partition_rows(a.keys, L.aPop, C.seenA, L.nA, C.partitionBits, a.start, a.records);
    k.partition_rows(b.keys, L.bPop, C.seenB, L.nB, C.partitionBits, b.start, b.records);
    for (let p = 0, at = 0; p < partitions; ) {
      const hits = k.band_join(
        p, partitions, at, C.partitionBits, TABLE_BITS, a.start, a.records, L.aData, b.start, b.records, L.bData, L.bOrig,
        L.stride, task.threshold, s.out, L.outCap, s.cand, s.head, s.next, C.seenA, C.seenB, s.ranges, L.bitLength,
      );
      if (hits > 0) found.addAll(readHits(memory, s.out, hits));
      p = k.resume_part();
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
