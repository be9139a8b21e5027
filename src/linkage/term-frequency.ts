/**
 * Term-frequency adjustment (Winkler; Splink's `tf_adjustment`): when two records agree
 * exactly on a value, the chance that two different people share it is the value's own
 * frequency, not the field's average. The weight of the exact level becomes
 * log2(m / tf(value)) instead of log2(m / u): the adjustment log2(u / tf(value)) is added,
 * negative for a common surname, positive for a rare one, and bounded.
 *
 * A frequency counted on few records is mostly noise, so it is pulled towards the field's
 * average: share = (count + α·u) / (total + α), with α = 100 values. The u must come from
 * the same records (a trained model): resolve.ts applies the adjustment only then.
 */
import type { ComparisonModel } from './comparison-model';
import type { FieldValue, NormalisedPerson } from './person-record';

/** Largest adjustment, in bits, either way. */
const LIMIT = 8;
/** Weight of the field's average in a value's share, in values. */
const PRIOR_VALUES = 100;

export interface TermFrequencies {
  /** By comparison index: value text → number of values, and the number of values in all. */
  tables: ({ counts: Map<string, number>; total: number } | null)[];
}

/** Counts the values of every field that asks for the adjustment, over all the given records. */
export function termFrequencies(model: ComparisonModel, ...tables: (readonly NormalisedPerson[])[]): TermFrequencies {
  return {
    tables: model.comparisons.map((c) => {
      if (!c.termFrequency) return null;
      const counts = new Map<string, number>();
      let total = 0;
      for (const records of tables) {
        for (const r of records) {
          for (const v of r.values[c.field] as FieldValue[]) {
            counts.set(v.text, (counts.get(v.text) ?? 0) + 1);
            total++;
          }
        }
      }
      return { counts, total };
    }),
  };
}

/**
 * The adjustment (bits) for comparison `f` of (a, b), when the pair sits in the first level
 * of a field with term frequencies; 0 otherwise.
 */
export function termFrequencyAdjustment(model: ComparisonModel, tf: TermFrequencies, f: number, gamma: number, a: NormalisedPerson, b: NormalisedPerson): number {
  const table = tf.tables[f];
  const c = model.comparisons[f];
  if (!table || !c || gamma !== c.levels.length - 1) return 0;
  const bv = b.values[c.field] as FieldValue[];
  let count: number | undefined;
  for (const v of a.values[c.field] as FieldValue[]) {
    if (bv.some((w) => w.text === v.text)) {
      count = table.counts.get(v.text);
      break;
    }
  }
  const u = c.u[gamma] ?? 0;
  if (count === undefined || u <= 0) return 0;
  const share = (count + PRIOR_VALUES * u) / (table.total + PRIOR_VALUES);
  return Math.max(-LIMIT, Math.min(LIMIT, Math.log2(u / share)));
}
