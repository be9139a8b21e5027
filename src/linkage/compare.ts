/**
 * Comparing two normalised person records: a comparison vector (one gamma per field),
 * and the explained form `compare(a, b) → {probability, weight, parts}` where each part
 * names the field's level and its weight, log2(m/u). The total weight adds the prior
 * log-odds log2(λ/(1-λ)); probability = 2^w / (1 + 2^w).
 */
import {
  logBayesFactors,
  priorWeight,
  probabilityFromWeight,
  type CompiledComparison,
  type ComparisonModel,
} from './comparison-model';
import type { ComparisonField, FieldValue, NormalisedPerson } from './person-record';
import { termFrequencyAdjustment, type TermFrequencies } from './term-frequency';

/** The gamma of the best level any pair of values reaches; -1 when a side has no value. */
export function comparisonLevel(comparison: CompiledComparison, a: readonly FieldValue[], b: readonly FieldValue[]): number {
  if (a.length === 0 || b.length === 0) return -1;
  const levels = comparison.levels;
  if (a.length === 1 && b.length === 1) {
    const x = a[0] as FieldValue;
    const y = b[0] as FieldValue;
    for (const level of levels) if (level.test(x, y, level.threshold)) return level.gamma;
    return 0;
  }
  for (const level of levels) {
    for (const x of a) for (const y of b) if (level.test(x, y, level.threshold)) return level.gamma;
  }
  return 0;
}

function sharesInitial(a: readonly FieldValue[], b: readonly FieldValue[]): boolean {
  for (const x of a) for (const y of b) if (x.text.charCodeAt(0) === y.text.charCodeAt(0)) return true;
  return false;
}

/**
 * Writes the comparison vector of (a, b) into `out` at `offset` and returns whether the
 * names were found transposed (given name written as surname and the other way round).
 */
export function writeComparisonVector(
  model: ComparisonModel,
  a: NormalisedPerson,
  b: NormalisedPerson,
  out: Int8Array,
  offset: number,
): boolean {
  const comparisons = model.comparisons;
  for (let f = 0; f < comparisons.length; f++) {
    const c = comparisons[f] as CompiledComparison;
    out[offset + f] = comparisonLevel(c, a.values[c.field], b.values[c.field]);
  }
  const t = model.transposition;
  if (!t) return false;
  const surnameGamma = out[offset + t.surname] ?? -1;
  const givenGamma = out[offset + t.given] ?? -1;
  if (surnameGamma < 0 || givenGamma < 0 || surnameGamma >= t.minCrossGamma) return false;
  const given = comparisons[t.given] as CompiledComparison;
  const surname = comparisons[t.surname] as CompiledComparison;
  // quick rejection: transposed names start with the same letters crosswise
  if (!sharesInitial(a.values[given.field], b.values[surname.field]) || !sharesInitial(a.values[surname.field], b.values[given.field])) return false;
  const cross1 = comparisonLevel(surname, a.values[given.field], b.values[surname.field]);
  if (cross1 < t.minCrossGamma) return false;
  const cross2 = comparisonLevel(surname, a.values[surname.field], b.values[given.field]);
  if (cross2 < t.minCrossGamma) return false;
  out[offset + t.given] = t.levelGamma;
  out[offset + t.surname] = Math.min(cross1, cross2);
  return true;
}

export interface ComparisonPart {
  field: ComparisonField;
  /** Level label, or "null" when a value is missing on either side. */
  level: string;
  gamma: number;
  /** log2(m/u) plus the term-frequency adjustment; 0 for the null level. */
  weight: number;
  /** Bits added because the agreed value is rare (> 0) or common (< 0); 0 when not used. */
  termFrequencyAdjustment: number;
  m: number | null;
  u: number | null;
}

export interface Comparison {
  probability: number;
  /** Prior log-odds plus the parts' weights (log2). */
  weight: number;
  priorWeight: number;
  transposedNames: boolean;
  parts: ComparisonPart[];
}

/** Scores a comparison vector with the model (prior plus per-field weights). */
export function explainVector(
  model: ComparisonModel,
  vector: ArrayLike<number>,
  offset = 0,
  transposed = false,
  factors = logBayesFactors(model),
  adjustments: ArrayLike<number> = [],
): Comparison {
  const prior = priorWeight(model.lambda);
  let weight = prior;
  const parts = model.comparisons.map((c, f): ComparisonPart => {
    const gamma = vector[offset + f] ?? -1;
    if (gamma < 0) return { field: c.field, level: 'null', gamma: -1, weight: 0, termFrequencyAdjustment: 0, m: null, u: null };
    const adjustment = adjustments[f] ?? 0;
    const w = (factors[f]?.[gamma] ?? 0) + adjustment;
    weight += w;
    return { field: c.field, level: c.labels[gamma] ?? String(gamma), gamma, weight: w, termFrequencyAdjustment: adjustment, m: c.m[gamma] ?? 0, u: c.u[gamma] ?? 0 };
  });
  return { probability: probabilityFromWeight(weight), weight, priorWeight: prior, transposedNames: transposed, parts };
}

/** Term-frequency adjustments of every comparison for the pair (a, b) with this vector. */
export function adjustmentsOf(model: ComparisonModel, tf: TermFrequencies | undefined, vector: ArrayLike<number>, offset: number, a: NormalisedPerson, b: NormalisedPerson): number[] {
  return model.comparisons.map((_, f) => (tf ? termFrequencyAdjustment(model, tf, f, vector[offset + f] ?? -1, a, b) : 0));
}

/**
 * Compares two normalised records and explains the result field by field. With term
 * frequencies (see term-frequency.ts), exact agreement on a common value weighs less.
 */
export function compare(a: NormalisedPerson, b: NormalisedPerson, model: ComparisonModel, tf?: TermFrequencies): Comparison {
  const vector = new Int8Array(model.comparisons.length);
  const transposed = writeComparisonVector(model, a, b, vector, 0);
  return explainVector(model, vector, 0, transposed, logBayesFactors(model), adjustmentsOf(model, tf, vector, 0, a, b));
}
