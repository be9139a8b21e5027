/**
 * Entity resolution inside a node: link two tables of people, or find the duplicates in
 * one, and explain every decision. The steps are normalise → block → compare → train
 * (EM, unless told not to) → score → decide (one-to-one for a join, clusters for a
 * dedupe). Pairs between the review and match thresholds are returned apart, for a
 * person to decide.
 */
import { AlianzaError, type ErrorParams } from '../domain/errors';
import { candidatePairs, type BlockingOptions, type RuleStats } from './blocking';
import { clusterRecords, oneToOne } from './clustering';
import { adjustmentsOf, explainVector, type Comparison } from './compare';
import {
  compileModel,
  logBayesFactors,
  priorWeight,
  probabilityFromWeight,
  restrictToFields,
  type ComparisonModel,
  type ModelSpec,
} from './comparison-model';
import defaultModelSpec from './person-model.json';
import {
  COMPARISON_FIELDS,
  normalisePerson,
  type ComparisonField,
  type NormaliseOptions,
  type NormalisedPerson,
  type PersonRecord,
} from './person-record';
import { termFrequencies, termFrequencyAdjustment, type TermFrequencies } from './term-frequency';
import { comparisonVectors, trainModel, type ComparisonVectors, type TrainingOptions, type TrainingReport } from './training';

export type LinkStep = 'LINK_STEP_BLOCKING' | 'LINK_STEP_SCORING' | 'LINK_STEP_TRAINING' | 'LINK_STEP_CLUSTERING';

export interface ResolveOptions {
  /** The comparison model (default: person-model.json beside this file). */
  model?: ModelSpec;
  /** Match probability at or above which a pair is a match (default: the model's). */
  threshold?: number;
  /** Pairs from here up to the match threshold go to review (default: the model's). */
  reviewThreshold?: number;
  /** Estimate m, u and lambda from the data (default true); false uses the model as given. */
  train?: boolean;
  training?: Omit<TrainingOptions, 'labels' | 'onProgress'>;
  /** Pairs known to be the same person or not, by record id. */
  labels?: { leftId: string; rightId: string; match: boolean }[];
  normalise?: NormaliseOptions;
  blocking?: Omit<BlockingOptions, 'onProgress'>;
  onProgress?: (step: LinkStep, done: number, total: number) => void;
}

export interface LinkOptions extends ResolveOptions {
  /** Keep at most one partner per record, strongest first (default true). */
  oneToOne?: boolean;
}

export type Decision = 'match' | 'review';

export interface ScoredPair {
  leftId: string;
  rightId: string;
  leftIndex: number;
  rightIndex: number;
  probability: number;
  weight: number;
  decision: Decision;
  explanation: Comparison;
}

export interface Warning {
  code: string;
  params: ErrorParams;
}

interface Scored {
  model: ComparisonModel;
  training: TrainingReport | null;
  blocking: RuleStats[];
  candidateCount: number;
  left: Int32Array;
  right: Int32Array;
  probability: Float64Array;
  weight: Float64Array;
  vectors: ComparisonVectors;
  termFrequencies: TermFrequencies;
  leftRecords: readonly NormalisedPerson[];
  rightRecords: readonly NormalisedPerson[];
  warnings: Warning[];
}

export interface ResolveSummary {
  /** The model used, with its trained parameters (write `model.spec` to keep it). */
  model: ComparisonModel;
  training: TrainingReport | null;
  blocking: RuleStats[];
  candidateCount: number;
  threshold: number;
  reviewThreshold: number;
  warnings: Warning[];
}

export interface LinkResult extends ResolveSummary {
  /** Matched pairs, strongest first. */
  pairs: ScoredPair[];
  /**
   * Pairs for a person to decide, strongest first: review ≤ probability < match, and with
   * one-to-one, pairs above the threshold that lost to a stronger partner.
   */
  review: ScoredPair[];
}

export interface DedupeResult extends ResolveSummary {
  /** Every record once, with the number of its cluster (0..clusterCount-1). */
  clusters: { id: string; cluster: number }[];
  clusterCount: number;
  pairs: ScoredPair[];
  review: ScoredPair[];
  refusedMerges: number;
}

/** The default person model as shipped (a fresh copy). */
export function defaultModel(): ModelSpec {
  return structuredClone(defaultModelSpec) as ModelSpec;
}

function checkThreshold(value: number): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new AlianzaError('LINK_THRESHOLD_INVALID', { value: String(value) });
  }
  return value;
}

function fieldsPresent(records: readonly NormalisedPerson[]): Set<ComparisonField> {
  const out = new Set<ComparisonField>();
  for (const f of COMPARISON_FIELDS) if (records.some((r) => r.values[f].length > 0)) out.add(f);
  return out;
}

function scoreAll(left: NormalisedPerson[], right: NormalisedPerson[] | null, options: ResolveOptions): Scored {
  const progress = options.onProgress;
  const base = compileModel(options.model ?? defaultModel());
  const presentL = fieldsPresent(left);
  const presentR = right ? fieldsPresent(right) : presentL;
  const common = new Set([...presentL].filter((f) => presentR.has(f)));
  const empty = left.length === 0 || (right !== null && right.length === 0);
  const model = empty ? base : restrictToFields(base, common);
  if (model.comparisons.length === 0) throw new AlianzaError('LINK_COLUMNS_NO_COMMON_FIELD');

  const limit = options.blocking?.maxBlockPairs ?? 100_000;
  const candidates = candidatePairs(model.spec.blocking, left, right, {
    maxBlockPairs: limit,
    onProgress: (d, t) => progress?.('LINK_STEP_BLOCKING', d, t),
  });
  const warnings: Warning[] = candidates.rules
    .filter((r) => r.skippedBlocks > 0)
    .map((r) => ({ code: 'LINK_BLOCK_TOO_LARGE', params: { rule: r.name, blocks: r.skippedBlocks, limit } }));
  const rightRecords = right ?? left;
  const vectors = comparisonVectors(model, left, rightRecords, candidates.left, candidates.right, (d, t) =>
    progress?.('LINK_STEP_SCORING', d, t),
  );

  let trained = model;
  let training: TrainingReport | null = null;
  if (options.train !== false && !empty) {
    const idsL = new Map(left.map((p, i) => [p.id, i]));
    const idsR = new Map(rightRecords.map((p, i) => [p.id, i]));
    const labels = (options.labels ?? []).flatMap((l) => {
      const a = idsL.get(l.leftId);
      const b = idsR.get(l.rightId);
      return a === undefined || b === undefined ? [] : [{ left: a, right: b, match: l.match }];
    });
    const result = trainModel(model, left, right, candidates, vectors, {
      ...options.training,
      labels,
      onProgress: (d, t) => progress?.('LINK_STEP_TRAINING', d, t),
    });
    trained = result.model;
    training = result.report;
  }

  const factors = logBayesFactors(trained);
  const prior = priorWeight(trained.lambda);
  const F = trained.comparisons.length;
  // term frequencies only with u estimated from these same records
  const tf = termFrequencies(trained, ...(training ? [left, ...(right ? [right] : [])] : []));
  const tfFields = training ? trained.comparisons.flatMap((c, f) => (c.termFrequency ? [f] : [])) : [];
  const probability = new Float64Array(candidates.size);
  const weight = new Float64Array(candidates.size);
  for (let k = 0; k < candidates.size; k++) {
    let w = prior;
    for (let f = 0; f < F; f++) {
      const g = vectors.vectors[k * F + f] as number;
      if (g >= 0) w += (factors[f] as Float64Array)[g] as number;
    }
    for (const f of tfFields) {
      const g = vectors.vectors[k * F + f] as number;
      const a = left[candidates.left[k] as number] as NormalisedPerson;
      const b = rightRecords[candidates.right[k] as number] as NormalisedPerson;
      w += termFrequencyAdjustment(trained, tf, f, g, a, b);
    }
    weight[k] = w;
    probability[k] = probabilityFromWeight(w);
  }
  return {
    model: trained,
    training,
    blocking: candidates.rules,
    candidateCount: candidates.size,
    left: candidates.left,
    right: candidates.right,
    probability,
    weight,
    vectors,
    termFrequencies: tf,
    leftRecords: left,
    rightRecords,
    warnings,
  };
}

function thresholds(model: ComparisonModel, options: ResolveOptions): { match: number; review: number } {
  const match = checkThreshold(options.threshold ?? model.spec.thresholds.match);
  const review = Math.min(checkThreshold(options.reviewThreshold ?? model.spec.thresholds.review), match);
  return { match, review };
}

function pairOf(s: Scored, k: number, decision: Decision, factors: Float64Array[]): ScoredPair {
  const i = s.left[k] as number;
  const j = s.right[k] as number;
  const a = s.leftRecords[i] as NormalisedPerson;
  const b = s.rightRecords[j] as NormalisedPerson;
  const offset = k * s.vectors.fieldCount;
  return {
    leftId: a.id,
    rightId: b.id,
    leftIndex: i,
    rightIndex: j,
    probability: s.probability[k] as number,
    weight: s.weight[k] as number,
    decision,
    explanation: explainVector(s.model, s.vectors.vectors, offset, s.vectors.transposed[k] === 1, factors, adjustmentsOf(s.model, s.termFrequencies, s.vectors.vectors, offset, a, b)),
  };
}

function byStrength(s: Scored): (a: number, b: number) => number {
  return (a, b) => (s.weight[b] as number) - (s.weight[a] as number) || a - b;
}

/** Links two tables of people already normalised. */
export function linkNormalised(left: NormalisedPerson[], right: NormalisedPerson[], options: LinkOptions = {}): LinkResult {
  const s = scoreAll(left, right, options);
  const t = thresholds(s.model, options);
  const factors = logBayesFactors(s.model);
  const scored = { left: s.left, right: s.right, probability: s.probability, weight: s.weight, size: s.candidateCount };
  const matches = options.oneToOne === false ? [...Array(s.candidateCount).keys()].filter((k) => (s.probability[k] as number) >= t.match) : oneToOne(scored, t.match);
  matches.sort(byStrength(s));
  // uncertain pairs, and pairs above the threshold that lost to a stronger partner
  const matched = new Set(matches);
  const review: number[] = [];
  for (let k = 0; k < s.candidateCount; k++) {
    if ((s.probability[k] as number) >= t.review && !matched.has(k)) review.push(k);
  }
  review.sort(byStrength(s));
  return {
    pairs: matches.map((k) => pairOf(s, k, 'match', factors)),
    review: review.map((k) => pairOf(s, k, 'review', factors)),
    model: s.model,
    training: s.training,
    blocking: s.blocking,
    candidateCount: s.candidateCount,
    threshold: t.match,
    reviewThreshold: t.review,
    warnings: s.warnings,
  };
}

/** Finds the people recorded more than once in one table already normalised. */
export function dedupeNormalised(records: NormalisedPerson[], options: ResolveOptions = {}): DedupeResult {
  const s = scoreAll(records, null, options);
  const t = thresholds(s.model, options);
  const factors = logBayesFactors(s.model);
  options.onProgress?.('LINK_STEP_CLUSTERING', 0, 1);
  const c = clusterRecords(
    records.length,
    { left: s.left, right: s.right, probability: s.probability, weight: s.weight, size: s.candidateCount },
    { threshold: t.match, mergeThreshold: s.model.spec.clustering.mergeThreshold, minLinkFraction: s.model.spec.clustering.minLinkFraction },
  );
  options.onProgress?.('LINK_STEP_CLUSTERING', 1, 1);
  const matches: number[] = [];
  const review: number[] = [];
  for (let k = 0; k < s.candidateCount; k++) {
    const p = s.probability[k] as number;
    if (p >= t.match) matches.push(k);
    else if (p >= t.review) review.push(k);
  }
  matches.sort(byStrength(s));
  review.sort(byStrength(s));
  return {
    clusters: records.map((r, i) => ({ id: r.id, cluster: c.clusterOf[i] as number })),
    clusterCount: c.count,
    refusedMerges: c.refusedMerges,
    pairs: matches.map((k) => pairOf(s, k, 'match', factors)),
    review: review.map((k) => pairOf(s, k, 'review', factors)),
    model: s.model,
    training: s.training,
    blocking: s.blocking,
    candidateCount: s.candidateCount,
    threshold: t.match,
    reviewThreshold: t.review,
    warnings: s.warnings,
  };
}

/** Links two tables of person records (raw text per field). */
export function linkTables(left: readonly PersonRecord[], right: readonly PersonRecord[], options: LinkOptions = {}): LinkResult {
  const n = options.normalise ?? {};
  return linkNormalised(left.map((r) => normalisePerson(r, n)), right.map((r) => normalisePerson(r, n)), options);
}

/** Finds duplicates in one table of person records (raw text per field). */
export function dedupeTable(records: readonly PersonRecord[], options: ResolveOptions = {}): DedupeResult {
  const n = options.normalise ?? {};
  return dedupeNormalised(records.map((r) => normalisePerson(r, n)), options);
}
