/**
 * The method on people unlike FEBRL's: Spanish, French and English names, nicknames,
 * compound surnames, phones with and without country codes, dates written several ways.
 */
import { describe, expect, it } from 'vitest';
import { dedupeTable, linkTables } from '../../src/linkage/resolve';
import { PeopleFactory, toRecords, type SyntheticPerson } from './people-factory';

function f1(tp: number, found: number, truth: number): { precision: number; recall: number; f1: number } {
  const precision = found === 0 ? 0 : tp / found;
  const recall = truth === 0 ? 0 : tp / truth;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

describe('linkage of multilingual synthetic people', { timeout: 120_000 }, () => {
  const factory = new PeopleFactory(11);
  const population: SyntheticPerson[] = Array.from({ length: 1500 }, (_, i) => factory.person(i));
  const left = population.slice(0, 1000);
  const right = [...population.slice(0, 700).map((p) => factory.sighting(p)), ...population.slice(1000, 1300)];

  it('links two agencies’ tables (F1 ≥ 0.95) with EM-trained parameters', () => {
    const result = linkTables(toRecords(left, 'a'), toRecords(right, 'b'), { normalise: { defaultCountry: 'MX' } });
    const truthOf = (id: string, side: SyntheticPerson[]) => side[Number(id.slice(1))]?.truth;
    const tp = result.pairs.filter((p) => truthOf(p.leftId, left) === truthOf(p.rightId, right)).length;
    const score = f1(tp, result.pairs.length, 700);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.training?.rules.length).toBeGreaterThan(0);
    // the explanation of a nickname pair names the alias level
    const alias = result.pairs.find((p) => p.explanation.parts.some((x) => x.field === 'given_name' && x.level === 'alias'));
    expect(alias?.probability).toBeGreaterThanOrEqual(result.threshold);
  });

  it('finds the duplicates inside one table (pairwise F1 ≥ 0.9)', () => {
    const records = [...population.slice(0, 400), ...population.slice(0, 300).map((p) => factory.sighting(p))];
    const result = dedupeTable(toRecords(records, 'r'), { normalise: { defaultCountry: 'MX' } });
    expect(result.clusters).toHaveLength(records.length);
    let tp = 0;
    let found = 0;
    const truthPairs = 300;
    const byCluster = new Map<number, number[]>();
    result.clusters.forEach((c, i) => byCluster.set(c.cluster, [...(byCluster.get(c.cluster) ?? []), i]));
    for (const members of byCluster.values()) {
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          found++;
          if (records[members[a] as number]?.truth === records[members[b] as number]?.truth) tp++;
        }
      }
    }
    expect(f1(tp, found, truthPairs).f1).toBeGreaterThanOrEqual(0.9);
  });

  it('uses labelled pairs for m when they are given', () => {
    const labels = left.slice(0, 200).map((p, i) => ({ leftId: `a${i}`, rightId: `b${i}`, match: true }));
    const result = linkTables(toRecords(left, 'a'), toRecords(right, 'b'), { labels });
    expect(result.training?.mFromLabels).toBe(true);
    expect(result.pairs.length).toBeGreaterThan(600);
  });
});
