import { describe, expect, it } from 'vitest';
import { candidatePairs } from './blocking';
import { compileModel, restrictToFields } from './comparison-model';
import { normalisePerson, type ComparisonField } from './person-record';
import { defaultModel } from './resolve';
import { comparisonVectors, randomPairs, seededRandom, trainModel } from './training';
import { PeopleFactory, toRecords } from '../../test/linkage/people-factory';

describe('random pairs', () => {
  it('enumerates every pair when there are few, each once', () => {
    const d = randomPairs(5, null, 100, 1);
    expect(d.total).toBe(10);
    expect(new Set([...d.li].map((i, k) => `${i}-${d.ri[k]}`)).size).toBe(10);
    const l = randomPairs(3, 4, 100, 1);
    expect(l.li.length).toBe(12);
  });
  it('samples reproducibly when there are many, never a record with itself', () => {
    const a = randomPairs(1000, null, 500, 9);
    const b = randomPairs(1000, null, 500, 9);
    expect([...a.li]).toEqual([...b.li]);
    expect([...a.ri]).toEqual([...b.ri]);
    for (let k = 0; k < 500; k++) expect(a.li[k]).not.toBe(a.ri[k]);
    expect(a.total).toBe(499500);
  });
  it('uses a seeded generator in [0, 1)', () => {
    const r = seededRandom(3);
    for (let i = 0; i < 100; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('unsupervised training', () => {
  it('estimates the share of matching pairs and gives agreement more weight among matches', () => {
    const factory = new PeopleFactory(5);
    const population = Array.from({ length: 700 }, (_, i) => factory.person(i));
    const left = toRecords(population.slice(0, 600), 'a').map((r) => normalisePerson(r));
    const right = toRecords([...population.slice(0, 400).map((p) => factory.sighting(p)), ...population.slice(600)], 'b').map((r) => normalisePerson(r));
    const fields = new Set<ComparisonField>(['given_name', 'surname', 'date_of_birth', 'phone', 'email', 'address', 'street_number', 'locality', 'region', 'sex']);
    const model = restrictToFields(compileModel(defaultModel()), fields);
    const candidates = candidatePairs(model.spec.blocking, left, right);
    const vectors = comparisonVectors(model, left, right, candidates.left, candidates.right);
    const { model: trained, report } = trainModel(model, left, right, candidates, vectors);
    // 400 true pairs among 600 × 500 possible ones
    expect(report.expectedMatches).toBeGreaterThan(360);
    expect(report.expectedMatches).toBeLessThan(440);
    expect(trained.lambda).toBeCloseTo(report.expectedMatches / (600 * 500), 12);
    for (const c of trained.comparisons) {
      const top = c.levels[0];
      if (!top) continue;
      expect(c.m[top.gamma], `${c.field} exact`).toBeGreaterThan(c.u[top.gamma] ?? 1);
      const sumM = c.m.reduce((s, v) => s + v, 0);
      const sumU = c.u.reduce((s, v) => s + v, 0);
      expect(sumM).toBeCloseTo(1, 9);
      expect(sumU).toBeCloseTo(1, 9);
    }
    expect(report.rules.length).toBeGreaterThan(2);
    expect(trained.spec.training).toMatchObject({ method: expect.stringContaining('EM') });
  });
});
