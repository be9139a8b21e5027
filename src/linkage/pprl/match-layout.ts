/**
 * Where everything lives in the shared memory of one matching run: the two filter sets
 * (B in popcount order), their popcounts, and a scratch area per worker for LSH keys,
 * buckets and hits. Offsets are 64-byte aligned; every filter row is padded to a multiple
 * of 32 bytes so the kernel can read four 64-bit words per step.
 */

/** One side of a band: raw keys, then the rows in bucket order with their keys and popcounts. */
export interface BandBuckets {
  keys: number;
  start: number;
  order: number;
  okeys: number;
  opops: number;
}

export interface WorkerScratch {
  out: number;
  /** candidate batch of band_join: 16 bytes each, outCap of them */
  cand: number;
  a: BandBuckets;
  b: BandBuckets;
  /** per A row, the first B row found (u32, 0xffffffff for none) */
  seen: number;
  pos: number;
}

export interface MatchLayout {
  nA: number;
  nB: number;
  clkBytes: number;
  /** bytes per padded filter row */
  stride: number;
  /** bytes of the head of a row, compared before the rest (= stride when rows are short) */
  head: number;
  /** bits per filter (the largest possible popcount) */
  bitLength: number;
  aData: number;
  bData: number;
  /** per row: popcount in the low 16 bits, popcount of the head in the high 16 bits */
  aPop: number;
  bPop: number;
  /** sorted B row → input row */
  bOrig: number;
  /** first sorted B row of popcount ≥ p, for p = 0 … bitLength + 1 */
  bStart: number;
  /** hits each worker's output holds (16 bytes each) */
  outCap: number;
  /** bucket bits of the largest LSH bucket table */
  maxBucketBits: number;
  scratch: WorkerScratch[];
  totalBytes: number;
}

export const MAX_BAND_BITS = 32;
// rows of 128 bytes then sit on exactly two cache lines
const align = (n: number) => Math.ceil(n / 64) * 64;

export function planLayout(nA: number, nB: number, clkBytes: number, workers: number, maxBucketBits: number): MatchLayout {
  const stride = Math.max(32, Math.ceil(clkBytes / 32) * 32);
  // one cache line of each row first: enough to reject most pairs
  const head = stride >= 128 ? Math.floor(stride / 64) * 32 : stride;
  const bitLength = clkBytes * 8;
  let at = 0;
  const take = (bytes: number) => {
    const here = at;
    at = align(at + Math.max(bytes, 4));
    return here;
  };
  const aData = take(nA * stride);
  const bData = take(nB * stride);
  const aPop = take(4 * nA);
  const bPop = take(4 * nB);
  const bOrig = take(4 * nB);
  const bStart = take(4 * (bitLength + 2));
  // a row of A never has more candidates than B has rows
  const outCap = nB + 16;
  const scratch: WorkerScratch[] = [];
  for (let w = 0; w < workers; w++) {
    const side = (n: number): BandBuckets => ({
      keys: take(4 * n),
      start: take(4 * (2 ** maxBucketBits + 1)),
      order: take(4 * n),
      okeys: take(4 * n),
      opops: take(4 * n),
    });
    scratch.push({ out: take(16 * outCap), cand: take(16 * outCap), a: side(nA), b: side(nB), seen: take(4 * nA), pos: take(8 * MAX_BAND_BITS) });
  }
  return { nA, nB, clkBytes, stride, head, bitLength, aData, bData, aPop, bPop, bOrig, bStart, outCap, maxBucketBits, scratch, totalBytes: at };
}
