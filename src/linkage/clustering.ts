/**
 * Clustering scored pairs into people: connected components over the pairs at or above
 * the match threshold, built strongest link first (union–find). Plain components chain:
 * A~B and B~C join A and C however unlike they are. To stop long chains, any merge that
 * makes a group of three or more needs either a very strong link (`mergeThreshold`) or
 * enough support: a share `minLinkFraction` of the cross pairs between the two groups
 * must themselves be linked at or above the match threshold. Refused links are tried once
 * more after all the others.
 */

export interface ScoredPairs {
  left: ArrayLike<number>;
  right: ArrayLike<number>;
  probability: ArrayLike<number>;
  /** Match weights (log2 odds): order pairs where probabilities round to 1. Optional. */
  weight?: ArrayLike<number>;
  size: number;
}

/** Strongest first: by weight when given (probabilities saturate at 1), else by probability. */
function strongestFirst(pairs: ScoredPairs): (x: number, y: number) => number {
  const key = pairs.weight ?? pairs.probability;
  return (x, y) => (key[y] as number) - (key[x] as number) || x - y;
}

export interface ClusteringOptions {
  threshold: number;
  mergeThreshold: number;
  minLinkFraction: number;
}

export interface Clusters {
  /** Cluster number of each record, 0..count-1, numbered by first record. */
  clusterOf: Int32Array;
  count: number;
  /** Merges refused by the chain guard. */
  refusedMerges: number;
}

export function clusterRecords(recordCount: number, pairs: ScoredPairs, options: ClusteringOptions): Clusters {
  const parent = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) parent[i] = i;
  const members: number[][] = Array.from({ length: recordCount }, (_, i) => [i]);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };

  // edges at or above the threshold, strongest first; adjacency for the support test
  const order: number[] = [];
  const neighbours = new Map<number, Map<number, number>>();
  for (let k = 0; k < pairs.size; k++) {
    const p = pairs.probability[k] as number;
    if (p < options.threshold) continue;
    order.push(k);
    const a = pairs.left[k] as number;
    const b = pairs.right[k] as number;
    if (a === b) continue;
    if (!neighbours.has(a)) neighbours.set(a, new Map());
    if (!neighbours.has(b)) neighbours.set(b, new Map());
    neighbours.get(a)?.set(b, p);
    neighbours.get(b)?.set(a, p);
  }
  order.sort(strongestFirst(pairs));

  let refused: number[] = [];
  const tryMerge = (k: number): boolean => {
    const ra = find(pairs.left[k] as number);
    const rb = find(pairs.right[k] as number);
    if (ra === rb) return true;
    const ma = members[ra] as number[];
    const mb = members[rb] as number[];
    const p = pairs.probability[k] as number;
    if (ma.length + mb.length > 2 && p < options.mergeThreshold) {
      const [small, otherRoot] = ma.length <= mb.length ? [ma, rb] : [mb, ra];
      let links = 0;
      for (const x of small) {
        const adj = neighbours.get(x);
        if (!adj) continue;
        for (const y of adj.keys()) if (find(y) === otherRoot) links++;
      }
      if (links / (ma.length * mb.length) < options.minLinkFraction) return false;
    }
    const [big, small, bigRoot, smallRoot] = ma.length >= mb.length ? [ma, mb, ra, rb] : [mb, ma, rb, ra];
    parent[smallRoot] = bigRoot;
    for (const x of small) big.push(x);
    members[smallRoot] = [];
    return true;
  };
  for (const k of order) if (!tryMerge(k)) refused.push(k);
  // a refused link may be supported once other merges have happened: one more pass
  if (refused.length > 0) refused = refused.filter((k) => !tryMerge(k));

  const clusterOf = new Int32Array(recordCount);
  const numberOfRoot = new Map<number, number>();
  for (let i = 0; i < recordCount; i++) {
    const r = find(i);
    let c = numberOfRoot.get(r);
    if (c === undefined) numberOfRoot.set(r, (c = numberOfRoot.size));
    clusterOf[i] = c;
  }
  return { clusterOf, count: numberOfRoot.size, refusedMerges: refused.length };
}

/** Greedy one-to-one assignment: strongest pairs first, each record used at most once. */
export function oneToOne(pairs: ScoredPairs, threshold: number): number[] {
  const order: number[] = [];
  for (let k = 0; k < pairs.size; k++) if ((pairs.probability[k] as number) >= threshold) order.push(k);
  order.sort(strongestFirst(pairs));
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const kept: number[] = [];
  for (const k of order) {
    const a = pairs.left[k] as number;
    const b = pairs.right[k] as number;
    if (usedL.has(a) || usedR.has(b)) continue;
    usedL.add(a);
    usedR.add(b);
    kept.push(k);
  }
  return kept;
}
