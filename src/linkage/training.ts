/**
 * Estimating the model's parameters from the data itself, without labels, in the manner
 * of Splink:
 *   1. u from random pairs (nearly all of them are non-matches);
 *   2. m by EM over the pairs of each blocking rule in turn, with u held fixed and the
 *      rule's own fields left out (they agree by construction inside the rule), then
 *      averaged over rules;
 *   3. u refined by EM over the random pairs with m fixed (removes the few true matches
 *      a random sample holds, which matters on small files), and m trained once more;
 *   4. lambda, the probability that two random records match, from the expected number
 *      of matches among all blocked pairs divided by the number of possible pairs.
 * With labelled pairs, m comes from the labelled matches instead of step 2.
 */
import type { CandidatePairs } from './blocking';
import { writeComparisonVector } from './compare';
import { withParameters, type ComparisonModel } from './comparison-model';
import {
  aggregatePatterns,
  expectationMaximisation,
  type FsParameters,
  type PatternSet,
} from './expectation-maximisation';
import type { NormalisedPerson } from './person-record';

export interface ComparisonVectors {
  fieldCount: number;
  vectors: Int8Array;
  transposed: Uint8Array;
  size: number;
}

/** Comparison vectors of the pairs (left[i], right[j]) for i, j taken from the two index lists. */
export function comparisonVectors(
  model: ComparisonModel,
  left: readonly NormalisedPerson[],
  right: readonly NormalisedPerson[],
  li: ArrayLike<number>,
  ri: ArrayLike<number>,
  onProgress?: (done: number, total: number) => void,
): ComparisonVectors {
  const F = model.comparisons.length;
  const n = li.length;
  const vectors = new Int8Array(n * F);
  const transposed = new Uint8Array(n);
  const step = Math.max(1, Math.floor(n / 100));
  for (let k = 0; k < n; k++) {
    const a = left[li[k] as number] as NormalisedPerson;
    const b = right[ri[k] as number] as NormalisedPerson;
    transposed[k] = writeComparisonVector(model, a, b, vectors, k * F) ? 1 : 0;
    if (onProgress && k % step === 0) onProgress(k, n);
  }
  onProgress?.(n, n);
  return { fieldCount: F, vectors, transposed, size: n };
}

/** Mulberry32: a small seeded generator, so that training is reproducible. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every pair when there are at most `max`, else `max` pairs drawn at random. */
export function randomPairs(nLeft: number, nRight: number | null, max: number, seed: number): { li: Int32Array; ri: Int32Array; total: number } {
  const dedupe = nRight === null;
  const total = dedupe ? (nLeft * (nLeft - 1)) / 2 : nLeft * nRight;
  if (total <= max) {
    const li = new Int32Array(total);
    const ri = new Int32Array(total);
    let k = 0;
    for (let i = 0; i < nLeft; i++) {
      for (let j = dedupe ? i + 1 : 0; j < (dedupe ? nLeft : nRight); j++) {
        li[k] = i;
        ri[k++] = j;
      }
    }
    return { li, ri, total };
  }
  const rand = seededRandom(seed);
  const drawnL = new Int32Array(max);
  const drawnR = new Int32Array(max);
  const perLeft = new Int32Array(nLeft + 1);
  for (let k = 0; k < max; k++) {
    const i = Math.floor(rand() * nLeft);
    let j = Math.floor(rand() * (dedupe ? nLeft - 1 : (nRight as number)));
    if (dedupe && j >= i) j++;
    drawnL[k] = i;
    drawnR[k] = j;
    perLeft[i + 1] = (perLeft[i + 1] as number) + 1;
  }
  // grouped by left record (a counting sort): consecutive pairs share a record, which
  // keeps it in cache while it is compared
  for (let i = 0; i < nLeft; i++) perLeft[i + 1] = (perLeft[i + 1] as number) + (perLeft[i] as number);
  const li = new Int32Array(max);
  const ri = new Int32Array(max);
  for (let k = 0; k < max; k++) {
    const i = drawnL[k] as number;
    const at = perLeft[i] as number;
    perLeft[i] = at + 1;
    li[at] = i;
    ri[at] = drawnR[k] as number;
  }
  return { li, ri, total };
}

export interface TrainingOptions {
  /** Random pairs used to estimate u (default 200 000). */
  maxRandomPairs?: number;
  seed?: number;
  maxIterations?: number;
  tolerance?: number;
  /** Pseudo-count pulling m towards the model's starting values (default 1). */
  mPseudoCount?: number;
  /** Rules with fewer pairs than this do not train m (default 30). */
  minRulePairs?: number;
  /** Labelled pairs: left and right record indices and whether they are the same person. */
  labels?: { left: number; right: number; match: boolean }[];
  onProgress?: (done: number, total: number) => void;
}

export interface RuleTraining {
  rule: string;
  pairs: number;
  iterations: number;
  converged: boolean;
  /** Share of this rule's pairs estimated to be matches. */
  matchShare: number;
  fieldsTrained: string[];
}

export interface TrainingReport {
  randomPairs: number;
  possiblePairs: number;
  rules: RuleTraining[];
  mFromLabels: boolean;
  blockedPairs: number;
  expectedMatches: number;
  lambda: number;
}

const levelCountsOf = (model: ComparisonModel): number[] => model.comparisons.map((c) => c.levels.length);

/** u by field from pattern counts; levels never seen get half a count so that no u is 0. */
function frequencies(patterns: PatternSet, weights?: Float64Array): Float64Array[] {
  const out = patterns.levelCounts.map((L) => new Float64Array(L));
  for (let p = 0; p < patterns.size; p++) {
    const c = (patterns.counts[p] as number) * (weights ? (weights[p] as number) : 1);
    for (let f = 0; f < patterns.fieldCount; f++) {
      const g = patterns.gammas[p * patterns.fieldCount + f] as number;
      if (g < 0) continue;
      const row = out[f] as Float64Array;
      row[g] = (row[g] as number) + c;
    }
  }
  return out.map(normaliseWithFloor);
}

function normaliseWithFloor(row: Float64Array): Float64Array {
  let sum = 0;
  for (const v of row) sum += v;
  if (sum === 0) return row.map(() => 1 / row.length);
  const floored = row.map((v) => Math.max(v, 0.5));
  let s2 = 0;
  for (const v of floored) s2 += v;
  return floored.map((v) => v / s2);
}

function startParameters(model: ComparisonModel): FsParameters {
  return { lambda: model.lambda, m: model.comparisons.map((c) => Float64Array.from(c.m)), u: model.comparisons.map((c) => Float64Array.from(c.u)) };
}

/** Trains m (and lambda among the rule's pairs) for every rule; returns the mean m by field. */
function trainMByRules(
  model: ComparisonModel,
  rulePatterns: { name: string; fields: number[]; patterns: PatternSet | null; pairs: number }[],
  u: Float64Array[],
  prior: Float64Array[],
  options: TrainingOptions,
  report: RuleTraining[],
): Float64Array[] {
  const F = model.comparisons.length;
  const sums = prior.map((row) => new Float64Array(row.length));
  const counts = new Array<number>(F).fill(0);
  for (const rp of rulePatterns) {
    if (!rp.patterns) continue;
    const start: FsParameters = { lambda: 0.1, m: prior.map((r) => Float64Array.from(r)), u };
    const result = expectationMaximisation(rp.patterns, start, {
      fixU: true,
      ignoreFields: rp.fields,
      maxIterations: options.maxIterations ?? 200,
      tolerance: options.tolerance ?? 1e-5,
      mPseudoCount: options.mPseudoCount ?? 1,
    });
    const trained: string[] = [];
    for (let f = 0; f < F; f++) {
      if (rp.fields.includes(f)) continue;
      const row = result.params.m[f] as Float64Array;
      const acc = sums[f] as Float64Array;
      for (let g = 0; g < row.length; g++) acc[g] = (acc[g] as number) + (row[g] as number);
      counts[f] = (counts[f] as number) + 1;
      trained.push(model.comparisons[f]?.field ?? String(f));
    }
    report.push({ rule: rp.name, pairs: rp.pairs, iterations: result.iterations, converged: result.converged, matchShare: result.params.lambda, fieldsTrained: trained });
  }
  return sums.map((row, f) => {
    const n = counts[f] as number;
    return n === 0 ? Float64Array.from(prior[f] as Float64Array) : row.map((v) => v / n);
  });
}

/**
 * Estimates u, m and lambda for `model` from the records and their candidate pairs
 * (with the candidates' comparison vectors already computed). Returns a new model.
 */
export function trainModel(
  model: ComparisonModel,
  left: readonly NormalisedPerson[],
  right: readonly NormalisedPerson[] | null,
  candidates: CandidatePairs,
  candidateVectors: ComparisonVectors,
  options: TrainingOptions = {},
): { model: ComparisonModel; report: TrainingReport } {
  const F = model.comparisons.length;
  const levelCounts = levelCountsOf(model);
  const rightRecords = right ?? left;
  const progress = options.onProgress;

  // 1. u from random pairs
  const sample = randomPairs(left.length, right === null ? null : right.length, options.maxRandomPairs ?? 200_000, options.seed ?? 42);
  const sampleVectors = comparisonVectors(model, left, rightRecords, sample.li, sample.ri);
  const samplePatterns = aggregatePatterns(sampleVectors.vectors, F, levelCounts);
  let u = sample.li.length > 0 ? frequencies(samplePatterns) : startParameters(model).u;
  progress?.(1, 5);

  // patterns of each rule's pairs, without the rule's own fields
  const fieldIndex = new Map(model.comparisons.map((c, f) => [c.field as string, f]));
  const rulePatterns = model.spec.blocking.map((rule, r) => {
    const rows: number[] = [];
    for (let k = 0; k < candidates.size; k++) {
      if (candidates.inRule(r, candidates.left[k] as number, candidates.right[k] as number)) rows.push(k);
    }
    const fields = rule.parts.map((p) => fieldIndex.get(p.field)).filter((f): f is number => f !== undefined);
    const enough = rows.length >= (options.minRulePairs ?? 30) && fields.length < F;
    return { name: rule.name, fields, pairs: rows.length, patterns: enough ? aggregatePatterns(candidateVectors.vectors, F, levelCounts, rows) : null };
  });

  // 2-3. m by rules, u refined, m again (or m from labels)
  const prior = startParameters(model).m;
  let m: Float64Array[] = prior;
  let ruleReport: RuleTraining[] = [];
  const labels = options.labels ?? [];
  const labelled = labels.filter((l) => l.match);
  const mFromLabels = labelled.length > 0;
  if (mFromLabels) {
    const lv = comparisonVectors(model, left, rightRecords, labelled.map((l) => l.left), labelled.map((l) => l.right));
    m = frequencies(aggregatePatterns(lv.vectors, F, levelCounts));
  }
  for (let round = 0; round < 2; round++) {
    if (!mFromLabels) {
      ruleReport = [];
      m = trainMByRules(model, rulePatterns, u, prior, options, ruleReport);
    }
    progress?.(2 + round, 5);
    if (sample.li.length > 0) {
      const refined = expectationMaximisation(samplePatterns, { lambda: 1 / Math.max(left.length, rightRecords.length, 2), m, u }, {
        fixM: true,
        maxIterations: options.maxIterations ?? 200,
        tolerance: options.tolerance ?? 1e-5,
      });
      const floor = 0.5 / sample.li.length;
      u = refined.params.u.map((row) => {
        const floored = row.map((v) => Math.max(v, floor));
        const sum = floored.reduce((a, b) => a + b, 0);
        return floored.map((v) => v / sum);
      });
    }
  }

  // 4. lambda from the expected number of matches among blocked pairs
  const possible = right === null ? (left.length * (left.length - 1)) / 2 : left.length * right.length;
  let expectedMatches = 0;
  let lambda = model.lambda;
  if (candidates.size > 0 && possible > 0) {
    const all = aggregatePatterns(candidateVectors.vectors, F, levelCounts);
    const fit = expectationMaximisation(all, { lambda: 0.1, m, u }, { fixM: true, fixU: true, maxIterations: 500, tolerance: 1e-7 });
    expectedMatches = fit.params.lambda * candidates.size;
    lambda = Math.min(Math.max(expectedMatches / possible, 1e-12), 0.5);
  }
  progress?.(5, 5);

  const report: TrainingReport = {
    randomPairs: sample.li.length,
    possiblePairs: possible,
    rules: ruleReport,
    mFromLabels,
    blockedPairs: candidates.size,
    expectedMatches,
    lambda,
  };
  const trained = withParameters(model, { lambda, m, u }, { method: mFromLabels ? 'labelled m, random-pair u' : 'unsupervised EM (Splink-style)', ...report });
  return { model: trained, report };
}
