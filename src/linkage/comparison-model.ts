/**
 * The Fellegi–Sunter model as data: per comparison field, its levels (best first, "else"
 * last) with m = P(level | match) and u = P(level | non-match); the prior probability that
 * two random records match; decision thresholds; blocking rules. The JSON form
 * (`ModelSpec`) is versioned and lives beside the code (person-model.json); a
 * trained model is written back in the same form.
 *
 * Levels are numbered like Splink's comparison vector values: gamma = 0 for the last
 * level ("else"), gamma = L-1 for the first; -1 means a value is missing on either side
 * (the null level, weight 0).
 */
import { AlianzaError } from '../domain/errors';
import { LEVEL_KINDS, LEVEL_TESTS, type LevelKind, type LevelTest } from './comparison-levels';
import { COMPARISON_FIELD_TYPES, type ComparisonField, type FieldType } from './person-record';

export interface LevelSpec {
  label: string;
  kind: LevelKind;
  threshold?: number;
  m: number;
  u: number;
}

export interface ComparisonSpec {
  field: ComparisonField;
  levels: LevelSpec[];
  /**
   * Term-frequency adjustment of the first ("exact") level: agreeing on a common value
   * ("García") weighs less than agreeing on a rare one ("Zúñiga").
   */
  termFrequency?: boolean;
}

/**
 * How a blocking key is made from a value: the value itself, its phonetic code, its first
 * one or three letters, the first letters of the names a given name may stand for
 * (Bob → b, r), the year of a date, the first word.
 */
export const KEY_TRANSFORMS = ['exact', 'phonetic', 'prefix1', 'prefix3', 'alias_initial', 'year', 'first_token'] as const;
export type KeyTransform = (typeof KEY_TRANSFORMS)[number];

export interface BlockingRuleSpec {
  name: string;
  parts: { field: ComparisonField; transform: KeyTransform }[];
  /** Key parts are sorted before joining, so a swap of the fields still blocks together. */
  unordered?: boolean;
}

export interface ModelSpec {
  version: string;
  description?: string;
  probabilityTwoRandomRecordsMatch: number;
  thresholds: { match: number; review: number };
  clustering: {
    /** A merge of two groups that both hold several records needs this probability... */
    mergeThreshold: number;
    /** ...or this share of their cross pairs linked above the match threshold. */
    minLinkFraction: number;
  };
  /** Given name and surname written in each other's place. */
  transposition?: { given: ComparisonField; surname: ComparisonField; level: string; minCrossLevel: string };
  comparisons: ComparisonSpec[];
  blocking: BlockingRuleSpec[];
  training?: Record<string, unknown>;
}

export interface CompiledLevel {
  label: string;
  kind: LevelKind;
  threshold: number;
  gamma: number;
  test: LevelTest;
}

export interface CompiledComparison {
  field: ComparisonField;
  type: FieldType;
  /** In evaluation order, best first. */
  levels: CompiledLevel[];
  /** Indexed by gamma. */
  m: Float64Array;
  u: Float64Array;
  labels: string[];
  termFrequency: boolean;
}

export interface ComparisonModel {
  spec: ModelSpec;
  comparisons: CompiledComparison[];
  lambda: number;
  transposition: { given: number; surname: number; levelGamma: number; minCrossGamma: number } | null;
}

const invalid = (reason: string): AlianzaError => new AlianzaError('LINK_MODEL_INVALID', { reason });

const isProbability = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

/** Checks a model spec and prepares it for comparing. Throws LINK_MODEL_INVALID. */
export function compileModel(spec: ModelSpec): ComparisonModel {
  if (!spec || typeof spec !== 'object' || !Array.isArray(spec.comparisons)) throw invalid('no comparisons');
  if (!isProbability(spec.probabilityTwoRandomRecordsMatch) || spec.probabilityTwoRandomRecordsMatch <= 0) {
    throw invalid('probabilityTwoRandomRecordsMatch must be in (0, 1]');
  }
  const t = spec.thresholds;
  if (!t || !isProbability(t.match) || !isProbability(t.review)) throw invalid('thresholds.match and thresholds.review must be probabilities');
  const k = spec.clustering;
  if (!k || !isProbability(k.minLinkFraction) || typeof k.mergeThreshold !== 'number' || !Number.isFinite(k.mergeThreshold)) {
    throw invalid('clustering.mergeThreshold and clustering.minLinkFraction must be numbers');
  }
  if (!Array.isArray(spec.blocking)) throw invalid('blocking must be a list of rules');
  const seen = new Set<string>();
  const comparisons = spec.comparisons.map((c): CompiledComparison => {
    const type = COMPARISON_FIELD_TYPES[c.field];
    if (!type) throw invalid(`unknown field ${String(c.field)}`);
    if (seen.has(c.field)) throw invalid(`field ${c.field} compared twice`);
    seen.add(c.field);
    if (!Array.isArray(c.levels) || c.levels.length < 2) throw invalid(`${c.field}: at least two levels`);
    if (c.levels[c.levels.length - 1]?.kind !== 'else') throw invalid(`${c.field}: the last level must be "else"`);
    const L = c.levels.length;
    const m = new Float64Array(L);
    const u = new Float64Array(L);
    const labels = new Array<string>(L);
    const levels = c.levels.map((l, i): CompiledLevel => {
      if (!(LEVEL_KINDS as readonly string[]).includes(l.kind)) throw invalid(`${c.field}: unknown level kind ${l.kind}`);
      const test = LEVEL_TESTS[type][l.kind];
      if (!test) throw invalid(`${c.field}: level kind ${l.kind} does not apply to ${type} values`);
      if (!isProbability(l.m) || !isProbability(l.u)) throw invalid(`${c.field}.${l.label}: m and u must be probabilities`);
      const gamma = L - 1 - i;
      m[gamma] = l.m;
      u[gamma] = l.u;
      labels[gamma] = l.label;
      return { label: l.label, kind: l.kind, threshold: l.threshold ?? 0, gamma, test };
    });
    return { field: c.field, type, levels, m, u, labels, termFrequency: c.termFrequency === true };
  });
  for (const rule of spec.blocking) {
    if (!rule || typeof rule.name !== 'string' || !Array.isArray(rule.parts) || rule.parts.length === 0) throw invalid('a blocking rule needs a name and parts');
    for (const p of rule.parts) {
      if (!COMPARISON_FIELD_TYPES[p.field]) throw invalid(`blocking rule ${rule.name}: unknown field ${String(p.field)}`);
      if (!(KEY_TRANSFORMS as readonly string[]).includes(p.transform)) throw invalid(`blocking rule ${rule.name}: unknown transform ${p.transform}`);
    }
  }
  let transposition: ComparisonModel['transposition'] = null;
  if (spec.transposition) {
    const t = spec.transposition;
    const given = comparisons.findIndex((c) => c.field === t.given);
    const surname = comparisons.findIndex((c) => c.field === t.surname);
    const g = comparisons[given];
    const s = comparisons[surname];
    if (g && s) {
      const level = g.levels.find((l) => l.label === t.level && l.kind === 'transposed');
      const cross = s.levels.find((l) => l.label === t.minCrossLevel);
      if (!level || !cross) throw invalid('transposition levels not found');
      transposition = { given, surname, levelGamma: level.gamma, minCrossGamma: cross.gamma };
    }
  }
  return { spec, comparisons, lambda: spec.probabilityTwoRandomRecordsMatch, transposition };
}

/** The model's spec with new parameters: m and u by comparison and gamma, and lambda. */
export function withParameters(
  model: ComparisonModel,
  params: { lambda: number; m: ArrayLike<number>[]; u: ArrayLike<number>[] },
  training?: Record<string, unknown>,
): ComparisonModel {
  const spec: ModelSpec = {
    ...model.spec,
    probabilityTwoRandomRecordsMatch: params.lambda,
    comparisons: model.comparisons.map((c, f) => ({
      field: c.field,
      ...(c.termFrequency ? { termFrequency: true } : {}),
      levels: c.levels.map((l) => ({
        label: l.label,
        kind: l.kind,
        ...(l.threshold ? { threshold: l.threshold } : {}),
        m: params.m[f]?.[l.gamma] ?? 0,
        u: params.u[f]?.[l.gamma] ?? 0,
      })),
    })),
    ...(training ? { training } : {}),
  };
  return compileModel(spec);
}

/** Keeps only the comparisons whose field has values on both sides of a linkage. */
export function restrictToFields(model: ComparisonModel, available: ReadonlySet<ComparisonField>): ComparisonModel {
  const spec: ModelSpec = {
    ...model.spec,
    comparisons: model.spec.comparisons.filter((c) => available.has(c.field)),
    blocking: model.spec.blocking.filter((r) => r.parts.every((p) => available.has(p.field))),
  };
  if (spec.transposition && !(available.has(spec.transposition.given) && available.has(spec.transposition.surname))) {
    delete spec.transposition;
  }
  return compileModel(spec);
}

const FLOOR = 1e-9;

/** log2 Bayes factors by comparison and gamma: log2(m / u), m and u kept away from 0. */
export function logBayesFactors(model: ComparisonModel): Float64Array[] {
  return model.comparisons.map((c) => {
    const out = new Float64Array(c.m.length);
    for (let g = 0; g < c.m.length; g++) out[g] = Math.log2(Math.max(c.m[g] ?? 0, FLOOR) / Math.max(c.u[g] ?? 0, FLOOR));
    return out;
  });
}

/** log2 of the prior odds of a match. */
export function priorWeight(lambda: number): number {
  const l = Math.min(Math.max(lambda, FLOOR), 1 - FLOOR);
  return Math.log2(l / (1 - l));
}

export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}
