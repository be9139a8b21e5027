/**
 * The synthetic three-country demo scenario. Pure: it builds records and writes nothing;
 * a loader stores them through the services. Same seed, same country, same scale: the same
 * records, byte for byte. The planted cross-border people, phones and organisations come
 * from streams shared by the three countries, so that the nodes' scenarios agree on them.
 *
 * `generateScenarioBatches` yields the scenario in batches (directory and storylines first,
 * then the background caseload `batchSize` cases at a time); within and across batches every
 * entity comes before the edges, subjects and links that refer to it.
 */
import { AlianzaError } from '../domain/errors';
import { DEFAULT_SEED, nodeDirectory } from './agencies';
import { createBackgroundContext, backgroundCase } from './background';
import { emptyBatch, ScenarioBuilder, type ScenarioBatch } from './builder';
import type { DemoCountry } from './places';
import { buildPools } from './pools';
import { Rng } from './rng';
import { plantRecruiterNetwork } from './storyline-recruiters';
import { plantWorldCupRing } from './storyline-world-cup';

export { DEMO_PASSWORD_DEFAULT, DEFAULT_SEED, listDemoAccounts, formatDemoAccounts, type DemoAccount, type DemoUser } from './agencies';
export type { CrossBorderNote, ScenarioBatch, StorylineKey } from './builder';
export type { DemoCountry } from './places';
export { DEMO_ERRORS } from './errors';

/** Cases per node at scale 1. */
export const CASES_PER_SCALE = 300;
export const MAX_SCALE = 1000;

export interface ScenarioOptions {
  country: DemoCountry;
  /** 1 = demo size (about 300 cases and 4,000 entities per node); fractions allowed */
  scale: number;
  seed?: number;
}

export interface Scenario extends ScenarioBatch {
  country: DemoCountry;
  seed: number;
  scale: number;
}

function check(opts: ScenarioOptions, batchSize = 1): { country: DemoCountry; scale: number; seed: number } {
  const { country, scale } = opts;
  const seed = opts.seed ?? DEFAULT_SEED;
  if (country !== 'MX' && country !== 'CA' && country !== 'US') throw new AlianzaError('DEMO_UNKNOWN_COUNTRY', { country: String(country) });
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE)
    throw new AlianzaError('DEMO_BAD_SCALE', { scale: String(scale), max: MAX_SCALE });
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new AlianzaError('DEMO_BAD_SEED', { seed: String(seed) });
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new AlianzaError('DEMO_BAD_BATCH_SIZE', { batchSize: String(batchSize) });
  return { country, scale, seed };
}

/** The scenario of one node, in batches; memory stays bounded by the batch size (plus the pools). */
export function* generateScenarioBatches(opts: ScenarioOptions, batchSize = 500): Generator<ScenarioBatch> {
  const { country, scale, seed } = check(opts, batchSize);
  const b = new ScenarioBuilder(country, nodeDirectory(country, seed));
  b.addDirectory();
  plantRecruiterNetwork(b, seed);
  plantWorldCupRing(b, seed);
  const storylineCases = b.pendingCases();
  const pools = buildPools(b, Rng.stream(seed, country, 'pools'), scale);
  yield b.flush();

  const total = Math.max(storylineCases, Math.round(CASES_PER_SCALE * scale));
  const ctx = createBackgroundContext(b, Rng.stream(seed, country, 'background'), pools);
  for (let i = storylineCases; i < total; i++) {
    backgroundCase(ctx);
    if (b.pendingCases() >= batchSize) yield b.flush();
  }
  if (b.pendingCases() > 0) yield b.flush();
}

/** The whole scenario of one node as one object. */
export function generateScenario(opts: ScenarioOptions): Scenario {
  const { country, scale, seed } = check(opts);
  const all = emptyBatch();
  for (const batch of generateScenarioBatches(opts, 1000)) {
    for (const k of Object.keys(all) as Array<keyof ScenarioBatch>) {
      const into = all[k] as unknown[];
      for (const x of batch[k] as unknown[]) into.push(x);
    }
  }
  return { country, seed, scale, ...all };
}
