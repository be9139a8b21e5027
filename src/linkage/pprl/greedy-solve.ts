/**
 * One-to-one matching of two record sets from scored candidate pairs, greedily: the pair
 * with the highest score is accepted first, then the next pair whose records are both
 * still free, and so on (the greedy solver of anonlink, for two parties). Ties are broken
 * by the left index, then the right index, so the result never depends on the order in
 * which the candidates were found.
 */
import type { ScoredPairs } from './pair-set';

export interface Match {
  left: number;
  right: number;
  score: number;
}

export function greedySolve(candidates: ScoredPairs): Match[] {
  const { left, right, score } = candidates;
  const order = bestFirst(candidates);
  let maxLeft = 0;
  let maxRight = 0;
  for (let i = 0; i < left.length; i++) {
    if (left[i]! > maxLeft) maxLeft = left[i]!;
    if (right[i]! > maxRight) maxRight = right[i]!;
  }
  // the accepted candidate of each left record (−1 for none); right records taken
  const accepted = new Int32Array(maxLeft + 1).fill(-1);
  const usedRight = new Uint8Array(maxRight + 1);
  for (const i of order) {
    const l = left[i]!;
    const r = right[i]!;
    if (accepted[l] !== -1 || usedRight[r]) continue;
    accepted[l] = i;
    usedRight[r] = 1;
  }
  const matches: Match[] = [];
  for (let l = 0; l <= maxLeft && left.length > 0; l++) {
    const i = accepted[l]!;
    if (i !== -1) matches.push({ left: l, right: right[i]!, score: score[i]! });
  }
  return matches;
}

/**
 * Candidate indices by score (highest first), then left index, then right index: a stable
 * least-significant-digit radix sort on 16-bit digits of the right index, the left index
 * and the score's IEEE 754 bits (which order non-negative doubles as numbers), complemented
 * so that higher scores come first. Other scores (negative, −0, NaN) fall back to a comparison
 * sort.
 */
function bestFirst({ left, right, score }: ScoredPairs): Uint32Array {
  const n = left.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!score.every((s) => s > 0 || Object.is(s, 0))) {
    return order.sort((x, y) => score[y]! - score[x]! || left[x]! - left[y]! || right[x]! - right[y]!);
  }
  // little-endian: the low word of score i is bits[2i]
  const bits = new Uint32Array(score.buffer, score.byteOffset, 2 * n);
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    low[i] = ~bits[2 * i]!;
    high[i] = ~bits[2 * i + 1]!;
  }
  const keys = [right, left, low, high];
  let next = new Uint32Array(n);
  const digit = new Uint16Array(n);
  const count = new Uint32Array(65_537);
  for (const key of keys) {
    for (const shift of [0, 16]) {
      for (let i = 0; i < n; i++) digit[i] = key[i]! >>> shift;
      count.fill(0);
      for (let i = 0; i < n; i++) count[digit[i]! + 1]!++;
      // a digit that is the same for every candidate leaves the order as it is
      if (count.includes(n)) continue;
      for (let d = 1; d < count.length; d++) count[d]! += count[d - 1]!;
      for (let k = 0; k < n; k++) {
        const i = order[k]!;
        next[count[digit[i]!]!++] = i;
      }
      [order, next] = [next, order];
    }
  }
  return order;
}

/** The CSV the `pprl match` command writes: 0-based indices, one match per line. */
export function matchesToCsv(matches: readonly Match[]): string {
  return ['left_index,right_index,score', ...matches.map((m) => `${m.left},${m.right},${m.score}`)].join('\n') + '\n';
}
