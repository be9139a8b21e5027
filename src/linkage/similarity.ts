/**
 * String similarities used by the comparison levels. Jaro–Winkler follows Winkler (1990):
 * prefix scale 0.1, common prefix up to 4 characters, prefix boost only when Jaro is above
 * 0.7 (the usual boost threshold, as in rapidfuzz and DuckDB).
 * Edit distance comes from fastest-levenshtein.
 */
import { distance } from 'fastest-levenshtein';

let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

/** Jaro similarity in [0, 1]; two empty strings are identical (1). */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (matchedA.length < la) matchedA = new Uint8Array(la * 2);
  if (matchedB.length < lb) matchedB = new Uint8Array(lb * 2);
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/** Jaro–Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7 || j === 1) return j;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

let lastA = '';
let lastB = '';
let lastValue = 1;

/**
 * Jaro–Winkler with a one-entry memory: the levels of a comparison ask for the same pair
 * several times with different thresholds (≥ 0.92, then ≥ 0.88).
 */
export function jaroWinklerOnce(a: string, b: string): number {
  if (a === lastA && b === lastB) return lastValue;
  lastA = a;
  lastB = b;
  lastValue = jaroWinkler(a, b);
  return lastValue;
}

const bag = new Int32Array(128);

/**
 * An upper bound of Jaro–Winkler, in O(|a| + |b|): Jaro's matches cannot outnumber the
 * characters the two strings have in common (counted as multisets, here in 128 buckets,
 * which can only over-count), and the prefix bonus adds at most 0.4 of the remainder.
 * Used to skip the full computation when a threshold cannot be reached.
 */
export function jaroWinklerUpperBound(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return la === lb ? 1 : 0;
  for (let i = 0; i < la; i++) {
    const k = a.charCodeAt(i) & 127;
    bag[k] = (bag[k] as number) + 1;
  }
  let common = 0;
  for (let i = 0; i < lb; i++) {
    const k = b.charCodeAt(i) & 127;
    const left = bag[k] as number;
    if (left > 0) {
      bag[k] = left - 1;
      common++;
    }
  }
  for (let i = 0; i < la; i++) bag[a.charCodeAt(i) & 127] = 0;
  if (common === 0) return 0;
  const j = (common / la + common / lb + 1) / 3;
  return j + 0.4 * (1 - j);
}

let boundA = '';
let boundB = '';
let boundValue = 1;

/**
 * Jaro–Winkler of (a, b) reaches `t`; the cheap bound is tried first. Bound and value are
 * remembered for the last pair, since a comparison's levels ask again with lower thresholds.
 */
export function jaroWinklerAtLeast(a: string, b: string, t: number): boolean {
  if (a !== boundA || b !== boundB) {
    boundA = a;
    boundB = b;
    boundValue = jaroWinklerUpperBound(a, b);
  }
  return boundValue >= t && jaroWinklerOnce(a, b) >= t;
}

/** Same test without touching the remembered pair (for the words inside a value). */
export function wordsJaroWinklerAtLeast(a: string, b: string, t: number): boolean {
  return jaroWinklerUpperBound(a, b) >= t && jaroWinkler(a, b) >= t;
}

/** Levenshtein edit distance (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  return distance(a, b);
}

/**
 * Damerau–Levenshtein (optimal string alignment) distance, capped: returns `cap + 1` as soon
 * as the distance is known to exceed `cap`. Adjacent transpositions cost 1.
 */
export function osaDistance(a: string, b: string, cap = Infinity): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > cap) return cap + 1;
  if (cap === 1) return withinOneEdit(a, b) ? (a === b ? 0 : 1) : 2;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (rowBuffer.length < 3 * (lb + 1)) rowBuffer = new Int32Array(3 * (lb + 1) * 2);
  const w = lb + 1;
  // three rows in one buffer: i-2, i-1, i (rotating offsets)
  let o2 = 0;
  let o1 = w;
  let o0 = 2 * w;
  for (let j = 0; j <= lb; j++) rowBuffer[o1 + j] = j;
  for (let i = 1; i <= la; i++) {
    rowBuffer[o0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((rowBuffer[o1 + j] as number) + 1, (rowBuffer[o0 + j - 1] as number) + 1, (rowBuffer[o1 + j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (rowBuffer[o2 + j - 2] as number) + 1);
      }
      rowBuffer[o0 + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    const t = o2;
    o2 = o1;
    o1 = o0;
    o0 = t;
  }
  return rowBuffer[o1 + lb] as number;
}

let rowBuffer = new Int32Array(96);

/** At most one insertion, deletion, substitution or adjacent transposition apart, in O(n). */
function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  if (la === lb) {
    // substitution at i, or transposition of i and i+1
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
