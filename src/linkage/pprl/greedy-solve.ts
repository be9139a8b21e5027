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
  const n = candidates.left.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  const { left, right, score } = candidates;
  order.sort((x, y) => score[y]! - score[x]! || left[x]! - left[y]! || right[x]! - right[y]!);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const matches: Match[] = [];
  for (const i of order) {
    const l = left[i]!;
    const r = right[i]!;
    if (usedLeft.has(l) || usedRight.has(r)) continue;
    usedLeft.add(l);
    usedRight.add(r);
    matches.push({ left: l, right: r, score: score[i]! });
  }
  return matches.sort((x, y) => x.left - y.left);
}

/** The CSV the `pprl match` command writes: 0-based indices, one match per line. */
export function matchesToCsv(matches: readonly Match[]): string {
  return ['left_index,right_index,score', ...matches.map((m) => `${m.left},${m.right},${m.score}`)].join('\n') + '\n';
}
