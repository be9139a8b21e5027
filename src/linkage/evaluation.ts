/**
 * Linkage quality against a known truth: precision, recall and F1 of found pairs, and the
 * pairwise scores of a clustering (every pair of records put in one cluster counts as a
 * found pair), computed from the contingency counts in O(n).
 */
export interface Quality {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

function quality(tp: number, found: number, truth: number): Quality {
  const precision = found === 0 ? 0 : tp / found;
  const recall = truth === 0 ? 0 : tp / truth;
  return {
    truePositives: tp,
    falsePositives: found - tp,
    falseNegatives: truth - tp,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/** Found pairs scored against a predicate that knows the true matches, of which there are `trueCount`. */
export function qualityOfPairs<T>(found: Iterable<readonly [T, T]>, isMatch: (a: T, b: T) => boolean, trueCount: number): Quality {
  let tp = 0;
  let n = 0;
  for (const [a, b] of found) {
    n++;
    if (isMatch(a, b)) tp++;
  }
  return quality(tp, n, trueCount);
}

const pairsIn = (n: number): number => (n * (n - 1)) / 2;

/** Pairwise quality of a clustering: `predicted` and `truth` give each record's cluster. */
export function qualityOfClusters<K, P, T>(records: Iterable<K>, predicted: (r: K) => P, truth: (r: K) => T): Quality {
  const cell = new Map<P, Map<T, number>>();
  const pred = new Map<P, number>();
  const real = new Map<T, number>();
  for (const r of records) {
    const p = predicted(r);
    const t = truth(r);
    pred.set(p, (pred.get(p) ?? 0) + 1);
    real.set(t, (real.get(t) ?? 0) + 1);
    let row = cell.get(p);
    if (!row) cell.set(p, (row = new Map()));
    row.set(t, (row.get(t) ?? 0) + 1);
  }
  let tp = 0;
  for (const row of cell.values()) for (const n of row.values()) tp += pairsIn(n);
  let found = 0;
  for (const n of pred.values()) found += pairsIn(n);
  let truePairs = 0;
  for (const n of real.values()) truePairs += pairsIn(n);
  return quality(tp, found, truePairs);
}
