/**
 * All pairs of encodings whose Sørensen–Dice coefficient reaches a threshold, computed by
 * the WebAssembly kernel on worker threads over one shared memory. Small runs scan all
 * pairs (pruned by popcount, exact); large runs block with Hamming LSH whose parameters
 * guarantee the requested recall at the threshold (see lsh-plan.ts).
 */
import { availableParallelism } from 'node:os';
import { AlianzaError } from '../../domain/errors';
import type { ClkMatrix } from './clk-matrix';
import { diceKernelModule, instantiateDiceKernel, sharedMemory } from './dice-kernel';
import { runDiceTask, type DiceTask, type TaskResult } from './dice-tasks';
import { runOnWorkers } from './dice-worker-pool';
import { bandPositions, planBlocking, seededRandom, type BlockingPlan } from './lsh-plan';
import { HEAD_BYTES, planLayout, TABLE_BITS, type MatchLayout } from './match-layout';
import { concatPairs, PairSet, type ScoredPairs } from './pair-set';
import { popcountTable } from './popcount';

export interface MatchOptions {
  /** Dice threshold in (0, 1]: pairs scoring at least this are returned */
  threshold: number;
  /** worker threads (default: the cores of the machine, for runs long enough to be worth
   * starting them); 1 runs in the calling thread */
  threads?: number;
  blocking?: 'auto' | 'all-pairs' | 'lsh';
  /** expected probability of finding a pair at the threshold when blocking with LSH
   * (default 0.99) */
  recall?: number;
  /** seed of the LSH bit samples (default fixed, so runs repeat) */
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface MatchRun {
  pairs: ScoredPairs;
  plan: BlockingPlan;
  /** pairs whose intersection was computed */
  comparisons: number;
  threads: number;
}

const SAMPLE_PAIRS = 20_000;
const MAX_BITS = 65_528;
const MIN_SECONDS_FOR_WORKERS = 2;
const POPCOUNT_QUANTILE = 0.999;

function quantile(pops: Uint32Array, q: number): number {
  let max = 0;
  for (const p of pops) if (p > max) max = p;
  const hist = new Uint32Array(max + 1);
  for (const p of pops) hist[p]!++;
  const target = Math.ceil(q * pops.length);
  let seen = 0;
  for (let v = 0; v < hist.length; v++) {
    seen += hist[v]!;
    if (seen >= target) return v;
  }
  return hist.length - 1;
}

/** Hamming distances and the popcount-bound pass rate of random (A, B) pairs. */
function samplePairs(a: ClkMatrix, b: ClkMatrix, popA: Uint32Array, popB: Uint32Array, threshold: number, seed: number) {
  const random = seededRandom(seed ^ 0x5bd1e995);
  const n = Math.min(SAMPLE_PAIRS, a.count * b.count);
  const distances = new Uint32Array(n);
  const popSums = new Uint32Array(n);
  let inRange = 0;
  for (let s = 0; s < n; s++) {
    const i = Math.floor(random() * a.count);
    const j = Math.floor(random() * b.count);
    let common = 0;
    for (let k = 0; k < a.clkBytes; k++) common += popcountTable[a.data[i * a.clkBytes + k]! & b.data[j * b.clkBytes + k]!]!;
    const pa = popA[i]!;
    const pb = popB[j]!;
    distances[s] = pa + pb - 2 * common;
    popSums[s] = pa + pb;
    if (pa + pb > 0 && (2 * Math.min(pa, pb)) / (pa + pb) >= threshold) inRange++;
  }
  return { distances, popSums, inRange: n ? inRange / n : 0 };
}

export function popcounts(m: ClkMatrix): Uint32Array {
  return prefixPopcounts(m, m.clkBytes);
}

/** Popcounts of the first `head` bytes of each CLK. */
function headPopcounts(m: ClkMatrix, head: number): Uint32Array {
  return prefixPopcounts(m, Math.min(head, m.clkBytes));
}

function prefixPopcounts(m: ClkMatrix, bytes: number): Uint32Array {
  const out = new Uint32Array(m.count);
  if (m.data.byteOffset % 4 === 0 && m.clkBytes % 4 === 0 && bytes % 4 === 0) {
    // 32-bit words, counted in parallel within each word
    const words = new Uint32Array(m.data.buffer, m.data.byteOffset, (m.count * m.clkBytes) / 4);
    const perRow = m.clkBytes / 4;
    for (let i = 0; i < m.count; i++) {
      let c = 0;
      for (let at = i * perRow, end = at + bytes / 4; at < end; at++) {
        let x = words[at]!;
        x -= (x >>> 1) & 0x55555555;
        x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
        c += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
      }
      out[i] = c;
    }
    return out;
  }
  for (let i = 0; i < m.count; i++) {
    let c = 0;
    for (let k = 0, at = i * m.clkBytes; k < bytes; k++, at++) c += popcountTable[m.data[at]!]!;
    out[i] = c;
  }
  return out;
}

/**
 * Copies A, and B in popcount order, into the shared memory with their popcount tables
 * (popcount | head popcount << 16) and the table of where each popcount starts in B; for LSH
 * also as bit columns, with no hit partners known yet and empty chain tables.
 */
export function stage(memory: WebAssembly.Memory, L: MatchLayout, a: ClkMatrix, b: ClkMatrix, popA: Uint32Array, popB: Uint32Array): void {
  const bytes = new Uint8Array(memory.buffer);
  if (L.stride === a.clkBytes) bytes.set(a.data, L.aData);
  else for (let i = 0; i < a.count; i++) bytes.set(a.data.subarray(i * a.clkBytes, (i + 1) * a.clkBytes), L.aData + i * L.stride);
  const headA = headPopcounts(a, HEAD_BYTES);
  const aPop = new Uint32Array(memory.buffer, L.aPop, a.count);
  for (let i = 0; i < a.count; i++) aPop[i] = popA[i]! | (headA[i]! << 16);

  // counting sort of B by popcount
  const start = new Uint32Array(memory.buffer, L.bStart, L.bitLength + 2);
  for (const p of popB) start[p + 1]!++;
  for (let p = 1; p < start.length; p++) start[p]! += start[p - 1]!;
  const cursor = start.slice();
  const headB = headPopcounts(b, HEAD_BYTES);
  const bPop = new Uint32Array(memory.buffer, L.bPop, b.count);
  const bOrig = new Uint32Array(memory.buffer, L.bOrig, b.count);
  for (let j = 0; j < b.count; j++) {
    const row = cursor[popB[j]!]!++;
    bOrig[row] = j;
    bPop[row] = popB[j]! | (headB[j]! << 16);
    bytes.set(b.data.subarray(j * b.clkBytes, (j + 1) * b.clkBytes), L.bData + row * L.stride);
  }

  const C = L.columns;
  if (!C) return;
  const k = instantiateDiceKernel(memory);
  const words = Math.ceil(L.clkBytes / 4);
  const scratch = L.scratch[0]!.transpose;
  k.transpose_rows(L.aData, C.aBlocks, L.stride, words, C.aCols, C.aColBytes, scratch);
  k.transpose_rows(L.bData, C.bBlocks, L.stride, words, C.bCols, C.bColBytes, scratch);
  new Uint32Array(memory.buffer, C.seenA, L.nA).fill(0xffffffff);
  new Uint32Array(memory.buffer, C.seenB, L.nB).fill(0xffffffff);
  for (const s of L.scratch) new Int32Array(memory.buffer, s.head, 2 * 2 ** TABLE_BITS).fill(-1);
}

function tasksFor(plan: BlockingPlan, nA: number, threads: number, threshold: number, seed: number, bitLength: number): DiceTask[] {
  if (plan.mode === 'all-pairs') {
    const per = Math.ceil(nA / threads);
    return Array.from({ length: threads }, (_, w) => ({ kind: 'scan' as const, threshold, from: Math.min(nA, w * per), to: Math.min(nA, (w + 1) * per) }));
  }
  const positions = bandPositions(seed, plan.bands, plan.bitsPerBand, bitLength);
  return Array.from({ length: threads }, (_, w) => ({
    kind: 'bands' as const,
    threshold,
    r: plan.bitsPerBand,
    positions,
    bands: Array.from({ length: plan.bands }, (_, i) => i).filter((i) => i % threads === w),
  }));
}

export async function findPairsAboveThreshold(a: ClkMatrix, b: ClkMatrix, options: MatchOptions): Promise<MatchRun> {
  const { threshold } = options;
  if (!(threshold > 0 && threshold <= 1)) throw new AlianzaError('PPRL_THRESHOLD_RANGE', { value: String(threshold) });
  const recall = options.recall ?? 0.99;
  if (!(recall >= 0.5 && recall <= 0.999999)) throw new AlianzaError('PPRL_BLOCKING_RECALL_RANGE', { value: String(recall) });
  if (a.count > 0 && b.count > 0 && a.clkBytes !== b.clkBytes) throw new AlianzaError('PPRL_CLK_FILES_MISMATCH', { left: a.clkBytes, right: b.clkBytes });
  // popcounts are kept in 16 bits
  if (a.clkBytes * 8 > MAX_BITS) throw new AlianzaError('PPRL_CLK_TOO_LONG', { bits: a.clkBytes * 8, max: MAX_BITS });
  const seed = options.seed ?? 20_260_611;
  const empty = { left: new Uint32Array(0), right: new Uint32Array(0), score: new Float64Array(0) };
  if (a.count === 0 || b.count === 0) return { pairs: empty, plan: { mode: 'all-pairs', estimatedSeconds: 0 }, comparisons: 0, threads: 0 };

  const popA = popcounts(a);
  const popB = popcounts(b);
  const sample = samplePairs(a, b, popA, popB, threshold, seed);
  const machineThreads = Math.max(1, options.threads ?? availableParallelism());
  const plan = planBlocking({
    bitLength: a.clkBytes * 8,
    nA: a.count,
    nB: b.count,
    threshold,
    recall,
    popHighA: quantile(popA, POPCOUNT_QUANTILE),
    popHighB: quantile(popB, POPCOUNT_QUANTILE),
    sampleDistances: sample.distances,
    samplePopSums: sample.popSums,
    inPopcountRange: sample.inRange,
    threads: machineThreads,
    mode: options.blocking ?? 'auto',
  });
  // starting a worker costs about half a second: unless told otherwise, short runs stay in
  // the calling thread
  const worthThreads = options.threads !== undefined || plan.estimatedSeconds * machineThreads > MIN_SECONDS_FOR_WORKERS;
  const threads = worthThreads ? Math.max(1, Math.min(machineThreads, plan.mode === 'lsh' ? plan.bands : Math.ceil(a.count / 256))) : 1;

  const layout = planLayout(a.count, b.count, a.clkBytes, threads, plan.mode === 'lsh');
  const memory = sharedMemory(layout.totalBytes);
  stage(memory, layout, a, b, popA, popB);

  const tasks = tasksFor(plan, a.count, threads, threshold, seed, layout.bitLength);
  const total = plan.mode === 'lsh' ? plan.bands : a.count;
  let done = 0;
  const progress = (units: number) => {
    done += units;
    options.onProgress?.(done, total);
  };
  let results: TaskResult[];
  if (threads === 1) {
    results = [runDiceTask(instantiateDiceKernel(memory), memory, layout, 0, tasks[0]!, progress)];
  } else {
    results = await runOnWorkers(diceKernelModule(), memory, layout, tasks, progress);
  }

  let pairs: ScoredPairs;
  if (plan.mode === 'lsh') {
    const merged = new PairSet(results.reduce((s, r) => s + r.pairs.left.length, 0));
    for (const r of results) merged.addAll(r.pairs);
    pairs = merged.toArrays();
  } else {
    pairs = concatPairs(results.map((r) => r.pairs));
  }
  return { pairs, plan, comparisons: results.reduce((s, r) => s + r.compared, 0), threads };
}
