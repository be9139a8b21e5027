/**
 * Blocking: only records that share a key under at least one rule are compared. The
 * candidate set is the union of the rules; a pair is emitted once, by the first rule
 * that finds it (the same test Splink uses: a later rule skips a pair an earlier rule
 * already holds), so no set of seen pairs is kept in memory. Blocks whose pair count
 * exceeds a limit are skipped and reported, so one very common key cannot blow up.
 */
import type { BlockingRuleSpec, KeyTransform } from './comparison-model';
import type { DateValue } from './date-normalise';
import { aliasesOf, type NameValue } from './name-normalise';
import { COMPARISON_FIELD_TYPES, type FieldValue, type NormalisedPerson } from './person-record';
import { phoneticKey } from './phonetic-key';

export interface BlockingOptions {
  /** Blocks with more pairs than this are skipped (default 100 000). */
  maxBlockPairs?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface RuleStats {
  name: string;
  /** Pairs first found by this rule. */
  pairs: number;
  skippedBlocks: number;
  skippedPairs: number;
}

export interface CandidatePairs {
  left: Int32Array;
  right: Int32Array;
  /** Index of the first rule that found each pair. */
  rule: Uint8Array;
  size: number;
  rules: RuleStats[];
  /** Does rule `r` put left record i and right record j in one (kept) block? */
  inRule(r: number, i: number, j: number): boolean;
}

/** Keys of one value under a transform (usually one; none when the value gives none). */
function transformValue(value: FieldValue, type: string, transform: KeyTransform): string[] {
  const one = (k: string | null | undefined): string[] => (k ? [k] : []);
  switch (transform) {
    case 'exact':
      if (type === 'date') return (value as DateValue).precision === 'day' ? one(value.text) : [];
      return one(value.text);
    case 'phonetic': {
      const first = (value as NameValue).tokens?.[0] ?? value.text.split(' ')[0] ?? '';
      return one(phoneticKey(first));
    }
    case 'prefix1':
      return one(value.text.slice(0, 1));
    case 'prefix3':
      return one(value.text.slice(0, 3));
    case 'alias_initial': {
      const first = (value as NameValue).tokens?.[0];
      if (first === undefined) return one(value.text.slice(0, 1));
      const initials = new Set(aliasesOf(first).map((a) => a.slice(0, 1)));
      return [...initials];
    }
    case 'year':
      return type === 'date' ? [String((value as DateValue).year)] : [];
    case 'first_token':
      return one(value.text.split(' ')[0]);
  }
}

/** The blocking keys of one record under one rule (usually zero or one). */
export function blockingKeys(rule: BlockingRuleSpec, person: NormalisedPerson): string[] {
  let combos: string[][] = [[]];
  for (const part of rule.parts) {
    const type = COMPARISON_FIELD_TYPES[part.field];
    const values = person.values[part.field] as FieldValue[];
    let keys: string[];
    if (values.length === 1) {
      keys = transformValue(values[0] as FieldValue, type, part.transform);
    } else {
      const set = new Set<string>();
      for (const v of values) for (const k of transformValue(v, type, part.transform)) set.add(k);
      keys = [...set];
    }
    if (keys.length === 0) return [];
    if (keys.length === 1 && combos.length === 1) {
      (combos[0] as string[]).push(keys[0] as string);
      continue;
    }
    const next: string[][] = [];
    for (const c of combos) for (const k of keys) next.push([...c, k]);
    combos = next;
  }
  if (combos.length === 1) {
    const c = combos[0] as string[];
    return [(rule.unordered ? c.sort() : c).join('\u0001')];
  }
  const out = new Set<string>();
  for (const c of combos) out.add((rule.unordered ? [...c].sort() : c).join('\u0001'));
  return [...out];
}

class GrowableInt32 {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

function groupByKey(keys: string[][]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  keys.forEach((ks, i) => {
    for (const k of ks) {
      const list = map.get(k);
      if (list) list.push(i);
      else map.set(k, [i]);
    }
  });
  return map;
}

/** The first key of `a` (in order) that `b` shares and that was not skipped; null if none. */
function firstSharedKey(a: string[], b: string[], skipped: Set<string>): string | null {
  if (a.length === 1 && b.length === 1) return a[0] === b[0] && !skipped.has(a[0] as string) ? (a[0] as string) : null;
  for (const k of a) if (b.includes(k) && !skipped.has(k)) return k;
  return null;
}

/**
 * Candidate pairs between `left` and `right`, or within `left` when `right` is null
 * (deduplication: pairs i < j only).
 */
export function candidatePairs(
  rules: readonly BlockingRuleSpec[],
  left: readonly NormalisedPerson[],
  right: readonly NormalisedPerson[] | null,
  options: BlockingOptions = {},
): CandidatePairs {
  const limit = options.maxBlockPairs ?? 100_000;
  const dedupe = right === null;
  const rightRecords = right ?? left;
  const keysL = rules.map((rule) => left.map((p) => blockingKeys(rule, p)));
  const keysR = dedupe ? keysL : rules.map((rule) => rightRecords.map((p) => blockingKeys(rule, p)));
  const skipped = rules.map(() => new Set<string>());
  const outL = new GrowableInt32();
  const outR = new GrowableInt32();
  const outRule: number[] = [];
  const stats: RuleStats[] = [];

  const alreadyFound = (r: number, i: number, j: number): boolean => {
    for (let q = 0; q < r; q++) {
      if (firstSharedKey((keysL[q] as string[][])[i] as string[], (keysR[q] as string[][])[j] as string[], skipped[q] as Set<string>) !== null) return true;
    }
    return false;
  };

  rules.forEach((rule, r) => {
    const kl = keysL[r] as string[][];
    const kr = keysR[r] as string[][];
    const blocksL = groupByKey(kl);
    const blocksR = dedupe ? blocksL : groupByKey(kr);
    const stat: RuleStats = { name: rule.name, pairs: 0, skippedBlocks: 0, skippedPairs: 0 };
    const skip = skipped[r] as Set<string>;
    for (const [key, ls] of blocksL) {
      const rs = blocksR.get(key);
      if (!rs) continue;
      const n = dedupe ? (ls.length * (ls.length - 1)) / 2 : ls.length * rs.length;
      if (n > limit) {
        skip.add(key);
        stat.skippedBlocks++;
        stat.skippedPairs += n;
      }
    }
    for (const [key, ls] of blocksL) {
      if (skip.has(key)) continue;
      const rs = blocksR.get(key);
      if (!rs) continue;
      for (let a = 0; a < ls.length; a++) {
        const i = ls[a] as number;
        for (let b = dedupe ? a + 1 : 0; b < rs.length; b++) {
          const j = rs[b] as number;
          if (firstSharedKey(kl[i] as string[], kr[j] as string[], skip) !== key) continue;
          if (alreadyFound(r, i, j)) continue;
          outL.push(i);
          outR.push(j);
          outRule.push(r);
          stat.pairs++;
        }
      }
    }
    stats.push(stat);
    options.onProgress?.(r + 1, rules.length);
  });

  return {
    left: outL.toArray(),
    right: outR.toArray(),
    rule: Uint8Array.from(outRule),
    size: outL.length,
    rules: stats,
    inRule: (r, i, j) =>
      firstSharedKey((keysL[r] as string[][])[i] as string[], (keysR[r] as string[][])[j] as string[], skipped[r] as Set<string>) !== null,
  };
}
