import { describe, expect, it } from 'vitest';
import { compare } from './compare';
import { compileModel } from './comparison-model';
import { normalisePerson } from './person-record';
import { defaultModel } from './resolve';
import { termFrequencies } from './term-frequency';

// u of an exact surname as it would be estimated in this population (one surname in two is García)
const spec = defaultModel();
const surname = spec.comparisons.find((c) => c.field === 'surname');
const exact = surname?.levels.find((l) => l.kind === 'exact');
if (exact) exact.u = 0.25;
const model = compileModel(spec);
const people = [
  ...Array.from({ length: 30 }, (_, i) => normalisePerson({ id: `g${i}`, fields: { given_name: 'Ana', surname: 'García' } })),
  ...Array.from({ length: 30 }, (_, i) => normalisePerson({ id: `o${i}`, fields: { given_name: 'Ana', surname: `Other${i}` } })),
  normalisePerson({ id: 'z1', fields: { given_name: 'Ana', surname: 'Zúñiga' } }),
  normalisePerson({ id: 'z2', fields: { given_name: 'Ana', surname: 'Zuniga' } }),
];
const byId = new Map(people.map((p) => [p.id, p]));
const tf = termFrequencies(model, people);
const surnamePart = (a: string, b: string) => compare(byId.get(a)!, byId.get(b)!, model, tf).parts.find((p) => p.field === 'surname')!;

describe('term-frequency adjustment', () => {
  it('makes agreement on a common surname weigh less than on a rare one', () => {
    const common = surnamePart('g0', 'g1');
    const rare = surnamePart('z1', 'z2');
    expect(common.level).toBe('exact');
    expect(rare.level).toBe('exact');
    expect(common.termFrequencyAdjustment).toBeLessThan(0);
    expect(rare.termFrequencyAdjustment).toBeGreaterThan(0);
    expect(rare.weight).toBeGreaterThan(common.weight);
  });
  it('leaves other levels and fields without frequencies alone', () => {
    expect(surnamePart('g0', 'o1').termFrequencyAdjustment).toBe(0);
    const noTf = compare(byId.get('g0')!, byId.get('g1')!, model);
    expect(noTf.parts.every((p) => p.termFrequencyAdjustment === 0)).toBe(true);
  });
});
