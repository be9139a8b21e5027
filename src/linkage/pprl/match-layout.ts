/**
 * Where everything lives in the shared memory of one matching run: the two filter sets
 * (B in popcount order), their popcounts, and for LSH blocking the filters again as bit
 * columns, the hit partners found so far, and a scratch area per worker for band keys,
 * partitions, chains, candidates and hits. Offsets are 64-byte aligned; every filter row is
 * padded to a multiple of 64 bytes (its first 64 bytes are the head the kernel compares
 * first), and each side to a multiple of 128 rows (the blocks of the bit columns).
 */

/** bytes of the head of a row, compared before the rest */
export const HEAD_BYTES = 64;
/** rows per block of the bit columns */
export const COLUMN_BLOCK_ROWS = 128;
export const MAX_BAND_BITS = 32;
/** chain heads of the table of one partition's B rows */
export const TABLE_BITS = 12;
/** B rows a partition holds on average */
const ROWS_PER_PARTITION = 2048;

/** One side of a band: keys by row, then the rows in partition order as {key, row, popcount, first hit partner}. */
export interface BandPartitions {
  keys: number;
  start: number;
  records: number;
}

export interface WorkerScratch {
  out: number;
  /** candidate batch of band_join: 16 bytes each, nB + 256 of them */
  cand: number;
  a: BandPartitions;
  b: BandPartitions;
  /** the chain table of a partition's B rows: 2^TABLE_BITS heads and a successor per row, 8 bytes each
   * ({key, record}, record −1 when empty) */
  head: number;
  next: number;
  /** byte offsets of a band's sampled columns, for A and for B */
  offsetsA: number;
  offsetsB: number;
  /** 512 bytes for transposing */
  transpose: number;
  /** per popcount of A, the popcounts of B that can reach the threshold ({lo, hi − lo}) */
  ranges: number;
}

export interface Columns {
  /** 32 × the 32-bit words of a filter */
  count: number;
  aCols: number;
  bCols: number;
  aBlocks: number;
  bBlocks: number;
  /** bytes of one column of A, of B */
  aColBytes: number;
  bColBytes: number;
  /** per row, the first partner found as a hit (u32, 0xffffffff for none) */
  seenA: number;
  seenB: number;
  /** bits of the hash of a band key that choose its partition */
  partitionBits: number;
}

export interface MatchLayout {
  nA: number;
  nB: number;
  clkBytes: number;
  /** bytes per padded filter row */
  stride: number;
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
  /** present when the run blocks with LSH */
  columns: Columns | null;
  scratch: WorkerScratch[];
  totalBytes: number;
}

const align = (n: number) => Math.ceil(n / 64) * 64;
const blocks = (n: number) => Math.ceil(n / COLUMN_BLOCK_ROWS);

/** About ROWS_PER_PARTITION rows per partition: a partition's table and records stay in cache. */
export function partitionBitsFor(rows: number): number {
  return Math.max(1, Math.min(20, Math.ceil(Math.log2(Math.max(2, rows / ROWS_PER_PARTITION)))));
}

/** The column of CLK bit p: bit 7 − (p mod 8) of byte p / 8, i.e. bit p of the row read as 32-bit little-endian words. */
export function columnOf(bit: number): number {
  return (bit & ~7) | (7 - (bit & 7));
}

export function planLayout(nA: number, nB: number, clkBytes: number, workers: number, lsh: boolean): MatchLayout {
  const stride = Math.max(HEAD_BYTES, Math.ceil(clkBytes / HEAD_BYTES) * HEAD_BYTES);
  const bitLength = clkBytes * 8;
  let at = 0;
  const take = (bytes: number) => {
    const here = at;
    at = align(at + Math.max(bytes, 4));
    return here;
  };
  const aData = take(blocks(nA) * COLUMN_BLOCK_ROWS * stride);
  const bData = take(blocks(nB) * COLUMN_BLOCK_ROWS * stride);
  const aPop = take(4 * nA);
  const bPop = take(4 * nB);
  const bOrig = take(4 * nB);
  const bStart = take(4 * (bitLength + 2));
  // a row of A never has more candidates than B has rows; the rest lets a band run long
  // between two reads of its hits
  const outCap = nB + (lsh ? 65_536 : 256);
  let columns: Columns | null = null;
  if (lsh) {
    const count = 32 * Math.ceil(clkBytes / 4);
    const aBlocks = blocks(nA);
    const bBlocks = blocks(nB);
    columns = {
      count,
      aBlocks,
      bBlocks,
      aColBytes: 16 * aBlocks,
      bColBytes: 16 * bBlocks,
      aCols: take(count * 16 * aBlocks),
      bCols: take(count * 16 * bBlocks),
      seenA: take(4 * nA),
      seenB: take(4 * nB),
      partitionBits: partitionBitsFor(Math.max(nA, nB)),
    };
  }
  const side = (blockCount: number, n: number, bits: number): BandPartitions => ({
    keys: take(4 * COLUMN_BLOCK_ROWS * blockCount),
    start: take(4 * (2 ** bits + 1)),
    records: take(16 * n),
  });
  const scratch: WorkerScratch[] = [];
  for (let w = 0; w < workers; w++) {
    const out = take(16 * outCap);
    const transpose = take(512);
    if (!columns) {
      const none = { keys: 0, start: 0, records: 0 };
      scratch.push({ out, transpose, cand: 0, a: none, b: none, head: 0, next: 0, offsetsA: 0, offsetsB: 0, ranges: 0 });
      continue;
    }
    scratch.push({
      out,
      transpose,
      cand: take(16 * (nB + 256)),
      a: side(columns.aBlocks, nA, columns.partitionBits),
      b: side(columns.bBlocks, nB, columns.partitionBits),
      head: take(8 * 2 ** TABLE_BITS),
      next: take(8 * nB),
      offsetsA: take(4 * MAX_BAND_BITS),
      offsetsB: take(4 * MAX_BAND_BITS),
      ranges: take(8 * (bitLength + 1)),
    });
  }
  return { nA, nB, clkBytes, stride, bitLength, aData, bData, aPop, bPop, bOrig, bStart, outCap, columns, scratch, totalBytes: at };
}
