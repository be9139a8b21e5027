/**
 * Expectation–maximisation for the Fellegi–Sunter model (Winkler 1988; the form Splink
 * uses). Works on distinct comparison patterns with their counts, so each iteration costs
 * O(patterns × fields) whatever the number of pairs.
 *
 * A pattern holds one gamma per field (-1 = null, contributes nothing). Parameters are
 * lambda = P(match) among the pairs given, m[f][gamma] and u[f][gamma].
 */
import { AlianzaError } from '../domain/errors';

export interface PatternSet {
  fieldCount: number;
  /** Number of levels per field. */
  levelCounts: readonly number[];
  /** size × fieldCount gammas, row by row. */
  gammas: Int8Array;
  counts: Float64Array;
  size: number;
}

export interface FsParameters {
  lambda: number;
  m: Float64Array[];
  u: Float64Array[];
}

export interface EmOptions {
  maxIterations?: number;
  /** Stop when no parameter moves by more than this. Default 1e-5. */
  tolerance?: number;
  fixLambda?: boolean;
  fixM?: boolean;
  fixU?: boolean;
  /** Fields left out of the likelihood (e.g. the fields a blocking rule used). */
  ignoreFields?: readonly number[];
  /**
   * Pseudo-counts pulling m towards its starting value (a Dirichlet prior); 0 gives the
   * plain maximum-likelihood estimate.
   */
  mPseudoCount?: number;
}

export interface EmResult {
  params: FsParameters;
  iterations: number;
  converged: boolean;
  /** Log-likelihood of the patterns under the final parameters. */
  logLikelihood: number;
}

/** Collapses comparison vectors (rows of `fieldCount` gammas) into distinct patterns with counts. */
export function aggregatePatterns(vectors: Int8Array, fieldCount: number, levelCounts: readonly number[], rows?: ArrayLike<number>): PatternSet {
  const index = new Map<number | string, number>();
  const gammas: number[] = [];
  const counts: number[] = [];
  const total = rows ? rows.length : vectors.length / fieldCount;
  const radix = Math.max(2, ...levelCounts) + 1;
  const numericKeys = Math.pow(radix, fieldCount) < Number.MAX_SAFE_INTEGER;
  for (let k = 0; k < total; k++) {
    const r = rows ? (rows[k] as number) : k;
    const base = r * fieldCount;
    let key: number | string;
    if (numericKeys) {
      key = 0;
      for (let f = 0; f < fieldCount; f++) key = key * radix + ((vectors[base + f] as number) + 1);
    } else {
      key = vectors.subarray(base, base + fieldCount).join(',');
    }
    const at = index.get(key);
    if (at !== undefined) {
      counts[at] = (counts[at] as number) + 1;
    } else {
      index.set(key, counts.length);
      counts.push(1);
      for (let f = 0; f < fieldCount; f++) gammas.push(vectors[base + f] as number);
    }
  }
  return { fieldCount, levelCounts, gammas: Int8Array.from(gammas), counts: Float64Array.from(counts), size: counts.length };
}

export function copyParameters(p: FsParameters): FsParameters {
  return { lambda: p.lambda, m: p.m.map((a) => Float64Array.from(a)), u: p.u.map((a) => Float64Array.from(a)) };
}

/** Posterior P(match | pattern) for every pattern. */
export function posteriors(patterns: PatternSet, params: FsParameters, ignore: ReadonlySet<number> = new Set()): Float64Array {
  const { fieldCount, gammas, size } = patterns;
  const out = new Float64Array(size);
  const lambda = params.lambda;
  for (let p = 0; p < size; p++) {
    let lm = lambda;
    let lu = 1 - lambda;
    for (let f = 0; f < fieldCount; f++) {
      const g = gammas[p * fieldCount + f] as number;
      if (g < 0 || ignore.has(f)) continue;
      lm *= (params.m[f] as Float64Array)[g] as number;
      lu *= (params.u[f] as Float64Array)[g] as number;
    }
    const den = lm + lu;
    out[p] = den > 0 ? lm / den : 0;
  }
  return out;
}

function logLikelihood(patterns: PatternSet, params: FsParameters, ignore: ReadonlySet<number>): number {
  const { fieldCount, gammas, size, counts } = patterns;
  let ll = 0;
  for (let p = 0; p < size; p++) {
    let lm = params.lambda;
    let lu = 1 - params.lambda;
    for (let f = 0; f < fieldCount; f++) {
      const g = gammas[p * fieldCount + f] as number;
      if (g < 0 || ignore.has(f)) continue;
      lm *= (params.m[f] as Float64Array)[g] as number;
      lu *= (params.u[f] as Float64Array)[g] as number;
    }
    ll += (counts[p] as number) * Math.log(Math.max(lm + lu, 1e-300));
  }
  return ll;
}

/** Runs EM from `start`; returns the estimated parameters (the start is left untouched). */
export function expectationMaximisation(patterns: PatternSet, start: FsParameters, options: EmOptions = {}): EmResult {
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-5;
  const ignore = new Set(options.ignoreFields ?? []);
  const alpha = options.mPseudoCount ?? 0;
  const { fieldCount, gammas, counts, size, levelCounts } = patterns;
  let total = 0;
  for (let p = 0; p < size; p++) total += counts[p] as number;
  if (size === 0 || total === 0) throw new AlianzaError('LINK_EM_NO_DATA');

  const params = copyParameters(start);
  const prior = copyParameters(start);
  const mAcc = levelCounts.map((L) => new Float64Array(L));
  const uAcc = levelCounts.map((L) => new Float64Array(L));
  let iterations = 0;
  let converged = false;

  while (iterations < maxIterations) {
    iterations++;
    const post = posteriors(patterns, params, ignore);
    for (const a of mAcc) a.fill(0);
    for (const a of uAcc) a.fill(0);
    let matchMass = 0;
    for (let p = 0; p < size; p++) {
      const c = counts[p] as number;
      const wm = c * (post[p] as number);
      const wu = c - wm;
      matchMass += wm;
      for (let f = 0; f < fieldCount; f++) {
        const g = gammas[p * fieldCount + f] as number;
        if (g < 0) continue;
        const mRow = mAcc[f] as Float64Array;
        const uRow = uAcc[f] as Float64Array;
        mRow[g] = (mRow[g] as number) + wm;
        uRow[g] = (uRow[g] as number) + wu;
      }
    }
    let change = 0;
    const update = (target: Float64Array, acc: Float64Array, priorRow: Float64Array | null): void => {
      let sum = 0;
      for (let g = 0; g < acc.length; g++) sum += acc[g] as number;
      const pseudo = priorRow ? alpha : 0;
      if (sum + pseudo <= 0) return;
      for (let g = 0; g < acc.length; g++) {
        const v = ((acc[g] as number) + (priorRow ? alpha * (priorRow[g] as number) : 0)) / (sum + pseudo);
        change = Math.max(change, Math.abs(v - (target[g] as number)));
        target[g] = v;
      }
    };
    for (let f = 0; f < fieldCount; f++) {
      if (ignore.has(f)) continue;
      if (!options.fixM) update(params.m[f] as Float64Array, mAcc[f] as Float64Array, alpha > 0 ? (prior.m[f] as Float64Array) : null);
      if (!options.fixU) update(params.u[f] as Float64Array, uAcc[f] as Float64Array, null);
    }
    if (!options.fixLambda) {
      const lambda = matchMass / total;
      change = Math.max(change, Math.abs(lambda - params.lambda));
      params.lambda = lambda;
    }
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { params, iterations, converged, logLikelihood: logLikelihood(patterns, params, ignore) };
}
