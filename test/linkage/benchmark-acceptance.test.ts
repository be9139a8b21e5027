/**
 * Acceptance on public benchmark files, through the command line as a user would run it:
 *  - link join on FEBRL 4a × 4b (rec-N-org ↔ rec-N-dup-0): F1 ≥ 0.99;
 *  - link dedupe on Splink's fake_1000 (truth: the `cluster` column): pairwise F1 ≥ 0.90.
 * Nothing here is tuned to these files: the default model, EM-trained on each run.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDedupe, runJoin } from '../../src/cli/link-command';
import { parseCsv } from '../../src/linkage/csv-reader';
import { qualityOfClusters, qualityOfPairs } from '../../src/linkage/evaluation';

const DATA = '/work/shared/datasets';
const have = existsSync(path.join(DATA, 'febrl4a.csv')) && existsSync(path.join(DATA, 'fake_1000.csv'));
const quiet = () => undefined;
// each run takes about 5 s on an idle 2-core machine; the timeout leaves room for a loaded one
const SLOW = { timeout: 120_000 };

describe.skipIf(!have)('benchmark files', () => {
  it('link join on FEBRL 4a × 4b reaches F1 ≥ 0.99', SLOW, () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'febrl-')), 'pairs.csv');
    runJoin(path.join(DATA, 'febrl4a.csv'), path.join(DATA, 'febrl4b.csv'), { id: 'rec_id', out }, quiet);
    const t = parseCsv(readFileSync(out, 'utf8'));
    expect(t.header.slice(0, 3)).toEqual(['left_id', 'right_id', 'match_probability']);
    const person = (id: string) => /^rec-(\d+)-/.exec(id)?.[1];
    const q = qualityOfPairs(
      t.rows.map((r) => [r[0] ?? '', r[1] ?? ''] as const),
      (a, b) => person(a) !== undefined && person(a) === person(b) && a.endsWith('-org') && b.endsWith('-dup-0'),
      5000,
    );
    expect(q.f1).toBeGreaterThanOrEqual(0.99);
  });

  it('link dedupe on fake_1000 reaches pairwise F1 ≥ 0.90, every row once', SLOW, () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'fake-')), 'clusters.csv');
    runDedupe(path.join(DATA, 'fake_1000.csv'), { id: 'unique_id', out }, quiet);
    const input = parseCsv(readFileSync(path.join(DATA, 'fake_1000.csv'), 'utf8'));
    const id = input.header.indexOf('unique_id');
    const cluster = input.header.indexOf('cluster');
    const truth = new Map(input.rows.map((r) => [r[id] ?? '', r[cluster] ?? '']));
    const t = parseCsv(readFileSync(out, 'utf8'));
    expect(t.header).toEqual(['id', 'cluster_id']);
    expect(t.rows.map((r) => r[0]).sort()).toEqual([...truth.keys()].sort());
    const predicted = new Map(t.rows.map((r) => [r[0] ?? '', r[1] ?? '']));
    const q = qualityOfClusters(truth.keys(), (k) => predicted.get(k), (k) => truth.get(k));
    expect(q.truePositives + q.falseNegatives).toBe(2031);
    expect(q.f1).toBeGreaterThanOrEqual(0.9);
  });
});
