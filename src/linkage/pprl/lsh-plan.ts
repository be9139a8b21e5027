/**
 * Blocking on encodings with locality-sensitive hashing on bit samples (Hamming LSH,
 * Indyk and Motwani 1998; used for Bloom-filter PPRL by Durham 2012 and Karapiperis and
 * Verykios 2015). Each band samples r distinct bit positions; two filters land in the same
 * bucket of a band when they agree on all r bits. Positions are drawn independently per
 * band, so for a pair differing in h of L bits:
 *
 *   P(same bucket in one band) = q(h) = Π_{i<r} (L − h − i) / (L − i)
 *   P(found in some of b bands) = 1 − (1 − q(h))^b.
 *
 * At the Dice threshold t, a pair with popcounts |a|, |b| differs in at most
 * h = (|a| + |b|)(1 − t) bits. The number of bands b is the smallest for which the expected
 * probability of finding a pair at the threshold, over the popcounts of the data, reaches
 * R; pairs above the threshold are found more often. The plan also reports the recall of a
 * worst-case pair (both popcounts at the 99.9th percentile). The number of bits per band is
 * chosen by a cost model fed with sampled random pairs of the actual data.
 */

export type BlockingPlan =
  | { mode: 'all-pairs'; estimatedSeconds: number }
  | {
      mode: 'lsh';
      bitsPerBand: number;
      bands: number;
      /** expected probability of finding a pair at the threshold (popcounts as in the data) */
      recallAtThreshold: number;
      /** the same for a pair whose popcounts are both at the 99.9th percentile */
      worstCaseRecall: number;
      /** differing bits of that worst-case pair at the threshold */
      worstDistance: number;
      estimatedCandidates: number;
      estimatedSeconds: number;
    };

export interface PlanInput {
  bitLength: number;
  nA: number;
  nB: number;
  threshold: number;
  /** target probability of finding a pair at the threshold (e.g. 0.99) */
  recall: number;
  /** high popcount quantiles of A and B (e.g. the 99.9th percentile) */
  popHighA: number;
  popHighB: number;
  /** |a| + |b| of sampled (A, B) pairs: the popcounts a pair at the threshold may have */
  samplePopSums: ArrayLike<number>;
  /** Hamming distances of random (A, B) pairs of the data */
  sampleDistances: ArrayLike<number>;
  /** fraction of random pairs whose popcounts pass the Dice bound (all-pairs work) */
  inPopcountRange: number;
  threads: number;
  /** 'all-pairs' or 'lsh' to force a mode; 'auto' compares their cost */
  mode?: 'auto' | 'all-pairs' | 'lsh';
}

export const MIN_BAND_BITS = 4;
export const MAX_BAND_BITS = 32;
export const MAX_BANDS = 4096;

// CPU costs measured on the reference machine (2-core EPYC, Node 20), in nanoseconds per
// unit of work and per thread: the popcount-pruned scan; a candidate of a band (random
// access to two filters); a sampled bit of a band key (read from the bit columns); the
// partitioning and join of a record.
const NS_PER_SCAN_COMPARISON = 4;
const NS_PER_CANDIDATE = 40;
const NS_PER_KEY_BIT = 0.05;
const NS_PER_RECORD_PER_BAND = 12;
/** LSH is preferred only when clearly cheaper: the all-pairs scan is exact. */
const LSH_ADVANTAGE = 4;

export function bandCollisionProbability(bitLength: number, distance: number, r: number): number {
  let q = 1;
  for (let i = 0; i < r; i++) {
    const agree = bitLength - distance - i;
    if (agree <= 0) return 0;
    q *= agree / (bitLength - i);
  }
  return q;
}

export function bandsForRecall(q: number, recall: number): number {
  if (q >= 1) return 1;
  if (q <= 0) return Infinity;
  return Math.ceil(Math.log(1 - recall) / Math.log(1 - q));
}

export function recallOf(q: number, bands: number): number {
  return 1 - (1 - q) ** bands;
}

/** Distinct values with their frequencies, so that sums over samples stay cheap. */
function histogram(values: ArrayLike<number>): [number, number][] {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) counts.set(values[i]!, (counts.get(values[i]!) ?? 0) + 1);
  return [...counts].map(([v, c]) => [v, c / values.length]);
}

/** Expected recall at the threshold with b bands of r bits, over the popcount sums given. */
function expectedRecall(bitLength: number, r: number, bands: number, threshold: number, sums: [number, number][]): number {
  let recall = 0;
  for (const [sum, weight] of sums) recall += weight * recallOf(bandCollisionProbability(bitLength, Math.ceil(sum * (1 - threshold)), r), bands);
  return recall;
}

export function planBlocking(p: PlanInput): BlockingPlan {
  const pairs = p.nA * p.nB;
  const allPairsSeconds = (pairs * p.inPopcountRange * NS_PER_SCAN_COMPARISON) / 1e9 / p.threads;
  if (p.mode === 'all-pairs') return { mode: 'all-pairs', estimatedSeconds: allPairsSeconds };

  const worst = Math.ceil((p.popHighA + p.popHighB) * (1 - p.threshold));
  const sums = histogram(p.samplePopSums.length ? p.samplePopSums : [p.popHighA + p.popHighB]);
  const distances = histogram(p.sampleDistances);
  let best: Extract<BlockingPlan, { mode: 'lsh' }> | null = null;
  for (let r = MIN_BAND_BITS; r <= MAX_BAND_BITS; r++) {
    // the fewest bands reaching the recall, by bisection (recall grows with the bands)
    if (expectedRecall(p.bitLength, r, MAX_BANDS, p.threshold, sums) < p.recall) continue;
    let lo = 1;
    let hi = MAX_BANDS;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (expectedRecall(p.bitLength, r, mid, p.threshold, sums) >= p.recall) hi = mid;
      else lo = mid + 1;
    }
    const bands = lo;
    let meanQ = 0;
    for (const [d, weight] of distances) meanQ += weight * bandCollisionProbability(p.bitLength, d, r);
    const candidates = bands * pairs * meanQ;
    const perBandNs = (p.nA + p.nB) * (NS_PER_KEY_BIT * r + NS_PER_RECORD_PER_BAND);
    const seconds = (bands * perBandNs + candidates * NS_PER_CANDIDATE) / 1e9 / p.threads;
    if (!best || seconds < best.estimatedSeconds) {
      best = {
        mode: 'lsh',
        bitsPerBand: r,
        bands,
        recallAtThreshold: expectedRecall(p.bitLength, r, bands, p.threshold, sums),
        worstCaseRecall: recallOf(bandCollisionProbability(p.bitLength, worst, r), bands),
        worstDistance: worst,
        estimatedCandidates: candidates,
        estimatedSeconds: seconds,
      };
    }
  }
  if (!best) return { mode: 'all-pairs', estimatedSeconds: allPairsSeconds };
  if (p.mode === 'lsh' || best.estimatedSeconds * LSH_ADVANTAGE < allPairsSeconds) return best;
  return { mode: 'all-pairs', estimatedSeconds: allPairsSeconds };
}

/** A small seeded generator (mulberry32), so that a run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** r distinct bit positions in [0, bitLength) for each band, drawn independently per band. */
export function bandPositions(seed: number, bands: number, r: number, bitLength: number): Uint32Array {
  const random = seededRandom(seed);
  const out = new Uint32Array(bands * r);
  const pool = Uint32Array.from({ length: bitLength }, (_, i) => i);
  for (let b = 0; b < bands; b++) {
    // partial Fisher–Yates: the first r entries of the pool become the sample
    for (let i = 0; i < r; i++) {
      const j = i + Math.floor(random() * (bitLength - i));
      const tmp = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = tmp;
      out[b * r + i] = pool[i]!;
    }
  }
  return out;
}
