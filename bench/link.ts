/**
 * `npm run bench link`: entity-resolution quality and speed on the public benchmark files
 * (FEBRL 4a × 4b join, Splink fake_1000 dedupe), on multilingual synthetic people, and the
 * EM fixture with known parameters. Runs the command-line code paths end to end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchReport } from './harness';
import { runDedupe, runJoin } from '../src/cli/link-command';
import { parseCsv } from '../src/linkage/csv-reader';
import { qualityOfClusters, qualityOfPairs, type Quality } from '../src/linkage/evaluation';
import { aggregatePatterns, expectationMaximisation } from '../src/linkage/expectation-maximisation';
import { dedupeTable, linkTables } from '../src/linkage/resolve';
import { PeopleFactory, toRecords } from '../test/linkage/people-factory';

const DATA = process.env.ALIANZA_DATASETS ?? '/work/shared/datasets';
const fmt = (x: number) => x.toFixed(4);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

function figures(prefix: string, q: Quality, ms: number): Record<string, string> {
  return {
    [`${prefix} precision`]: fmt(q.precision),
    [`${prefix} recall`]: fmt(q.recall),
    [`${prefix} F1`]: fmt(q.f1),
    [`${prefix} run time (s)`]: seconds(ms),
  };
}

function febrl(dir: string): Record<string, string> {
  const out = path.join(dir, 'febrl-pairs.csv');
  const { ms } = timed(() => runJoin(path.join(DATA, 'febrl4a.csv'), path.join(DATA, 'febrl4b.csv'), { id: 'rec_id', out }, () => undefined));
  const rows = parseCsv(readFileSync(out, 'utf8')).rows;
  const person = (id: string) => /^rec-(\d+)-/.exec(id)?.[1];
  const q = qualityOfPairs(rows.map((r) => [r[0] ?? '', r[1] ?? ''] as const), (a, b) => person(a) === person(b) && a.endsWith('-org') && b.endsWith('-dup-0'), 5000);
  return figures('FEBRL 4a×4b join (5,000 × 5,000)', q, ms);
}

function fake1000(dir: string): Record<string, string> {
  const out = path.join(dir, 'fake-clusters.csv');
  const { ms } = timed(() => runDedupe(path.join(DATA, 'fake_1000.csv'), { id: 'unique_id', out }, () => undefined));
  const input = parseCsv(readFileSync(path.join(DATA, 'fake_1000.csv'), 'utf8'));
  const id = input.header.indexOf('unique_id');
  const cluster = input.header.indexOf('cluster');
  const truth = new Map(input.rows.map((r) => [r[id] ?? '', r[cluster] ?? '']));
  const predicted = new Map(parseCsv(readFileSync(out, 'utf8')).rows.map((r) => [r[0] ?? '', r[1] ?? '']));
  const q = qualityOfClusters(truth.keys(), (k) => predicted.get(k), (k) => truth.get(k));
  return figures('fake_1000 dedupe, pairwise', q, ms);
}

function synthetic(): Record<string, string> {
  const factory = new PeopleFactory(2026);
  const population = Array.from({ length: 12000 }, (_, i) => factory.person(i));
  const left = population.slice(0, 10000);
  const right = [...population.slice(0, 7000).map((p) => factory.sighting(p)), ...population.slice(10000, 12000)];
  const { value, ms } = timed(() => linkTables(toRecords(left, 'a'), toRecords(right, 'b'), { normalise: { defaultCountry: 'MX' } }));
  const q = qualityOfPairs(
    value.pairs.map((p) => [Number(p.leftId.slice(1)), Number(p.rightId.slice(1))] as const),
    (a, b) => left[a]?.truth === right[b]?.truth,
    7000,
  );
  return { ...figures('synthetic MX/CA/US join (10,000 × 9,000)', q, ms), 'synthetic candidate pairs': String(value.candidateCount) };
}

function syntheticDedupe(): Record<string, string> {
  const factory = new PeopleFactory(99);
  const population = Array.from({ length: 25000 }, (_, i) => factory.person(i));
  const records = [...population, ...population.slice(0, 10000).map((p) => factory.sighting(p))];
  const { value, ms } = timed(() => dedupeTable(toRecords(records, 'r'), { normalise: { defaultCountry: 'MX' } }));
  const q = qualityOfClusters(records.keys(), (i) => value.clusters[i]?.cluster, (i) => records[i]?.truth);
  return { ...figures('synthetic MX/CA/US dedupe (35,000 records), pairwise', q, ms), 'synthetic dedupe candidate pairs': String(value.candidateCount) };
}

function emFixture(): Record<string, string> {
  const lines = readFileSync(path.join(DATA, 'em_known_params_comparison_vectors.csv'), 'utf8').trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const cols = ['gamma_col_1', 'gamma_col_2', 'gamma_col_3'].map((c) => header.indexOf(c));
  const v = new Int8Array((lines.length - 1) * 3);
  lines.slice(1).forEach((line, r) => cols.forEach((c, f) => (v[r * 3 + f] = Number(line.split(',')[c]))));
  const start = { lambda: 0.3, m: [0, 1, 2].map(() => Float64Array.from([0.3, 0.7])), u: [0, 1, 2].map(() => Float64Array.from([0.7, 0.3])) };
  const { value, ms } = timed(() => expectationMaximisation(aggregatePatterns(v, 3, [2, 2, 2]), start));
  const trueM = [[0.3, 0.7], [0.1, 0.9], [0.05, 0.95]];
  const trueU = [[0.9, 0.1], [0.975, 0.025], [0.8, 0.2]];
  let worst = 0;
  for (let f = 0; f < 3; f++) for (let g = 0; g < 2; g++) worst = Math.max(worst, Math.abs((value.params.m[f]?.[g] ?? 0) - (trueM[f]?.[g] ?? 0)), Math.abs((value.params.u[f]?.[g] ?? 0) - (trueU[f]?.[g] ?? 0)));
  return {
    'EM fixture lambda (true 0.5)': value.params.lambda.toFixed(4),
    'EM fixture largest error of any m or u': worst.toExponential(1),
    'EM fixture iterations': String(value.iterations),
    'EM fixture time (ms)': ms.toFixed(1),
  };
}

export default async function run(_args: string[]): Promise<BenchReport> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-link-'));
  try {
    return {
      title: 'Entity resolution (Fellegi–Sunter, EM-trained): quality and run time',
      figures: { ...febrl(dir), ...fake1000(dir), ...synthetic(), ...syntheticDedupe(), ...emFixture() },
      notes: [
        'Default model src/linkage/person-model.json, parameters re-estimated by EM on each run; nothing tuned to these files.',
        'FEBRL truth: rec-N-org ↔ rec-N-dup-0; join keeps at most one partner per record. fake_1000 truth: the cluster column (2,031 true pairs).',
        'Run times include reading the CSV files and writing the output (FEBRL, fake_1000); they depend on the load of the machine.',
        `Load average at the end of the run: ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores.`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
