import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockingKeys, candidatePairs } from './blocking';
import type { BlockingRuleSpec } from './comparison-model';
import { normalisePerson, type PersonField } from './person-record';

let n = 0;
const person = (fields: Partial<Record<PersonField, string>>) => normalisePerson({ id: String(n++), fields });

const rules: BlockingRuleSpec[] = [
  { name: 'surname_phonetic', parts: [{ field: 'surname', transform: 'phonetic' }] },
  { name: 'dob', parts: [{ field: 'date_of_birth', transform: 'exact' }] },
  { name: 'names_any_order', unordered: true, parts: [{ field: 'given_name', transform: 'phonetic' }, { field: 'surname', transform: 'phonetic' }] },
];

const key = (i: number, j: number) => `${i}-${j}`;

/** Every pair any rule would put together, by brute force. */
function bruteForce(left: ReturnType<typeof person>[], right: ReturnType<typeof person>[] | null): Set<string> {
  const out = new Set<string>();
  const r = right ?? left;
  for (let i = 0; i < left.length; i++) {
    for (let j = right ? 0 : i + 1; j < r.length; j++) {
      const a = left[i];
      const b = r[j];
      if (!a || !b) continue;
      if (rules.some((rule) => blockingKeys(rule, a).some((k) => blockingKeys(rule, b).includes(k)))) out.add(key(i, j));
    }
  }
  return out;
}

const arbPerson = fc
  .record({
    given_name: fc.constantFrom('José', 'Jose', 'Marie', 'Ana', ''),
    surname: fc.constantFrom('Smith', 'Smyth', 'Hernández', 'Ana', ''),
    date_of_birth: fc.constantFrom('1980-01-01', '1990-05-05', '1980', ''),
  })
  .map((f) => person(f));

describe('blocking', () => {
  it('makes keys from phonetics, exact values and unordered name pairs', () => {
    expect(blockingKeys(rules[0] as BlockingRuleSpec, person({ surname: 'Smith' }))).toEqual(blockingKeys(rules[0] as BlockingRuleSpec, person({ surname: 'Smyth' })));
    expect(blockingKeys(rules[1] as BlockingRuleSpec, person({ date_of_birth: '1980' }))).toEqual([]);
    const swapped = blockingKeys(rules[2] as BlockingRuleSpec, person({ given_name: 'Ruiz', surname: 'Ana' }));
    expect(swapped).toEqual(blockingKeys(rules[2] as BlockingRuleSpec, person({ given_name: 'Ana', surname: 'Ruiz' })));
  });

  it('finds exactly the union of the rules, each pair once (link)', () => {
    fc.assert(
      fc.property(fc.array(arbPerson, { maxLength: 12 }), fc.array(arbPerson, { maxLength: 12 }), (left, right) => {
        const c = candidatePairs(rules, left, right);
        const got = [...Array(c.size).keys()].map((k) => key(c.left[k] as number, c.right[k] as number));
        expect(new Set(got).size).toBe(got.length);
        expect(new Set(got)).toEqual(bruteForce(left, right));
      }),
    );
  });

  it('finds exactly the union of the rules, each pair once with i < j (dedupe)', () => {
    fc.assert(
      fc.property(fc.array(arbPerson, { maxLength: 15 }), (records) => {
        const c = candidatePairs(rules, records, null);
        const got = [...Array(c.size).keys()].map((k) => key(c.left[k] as number, c.right[k] as number));
        for (let k = 0; k < c.size; k++) expect(c.left[k]).toBeLessThan(c.right[k] as number);
        expect(new Set(got).size).toBe(got.length);
        expect(new Set(got)).toEqual(bruteForce(records, null));
      }),
    );
  });

  it('skips a block larger than the limit and reports it', () => {
    const many = Array.from({ length: 30 }, () => person({ surname: 'Smith', date_of_birth: '1980-01-01' }));
    const c = candidatePairs(rules.slice(0, 1), many, null, { maxBlockPairs: 100 });
    expect(c.size).toBe(0);
    expect(c.rules[0]).toMatchObject({ skippedBlocks: 1, skippedPairs: 435 });
    // another rule still brings the pairs in
    const ten = Array.from({ length: 10 }, (_, i) => person({ surname: 'Smith', date_of_birth: i < 5 ? '1980-01-01' : '1990-02-02' }));
    const d = candidatePairs(rules.slice(0, 2), ten, null, { maxBlockPairs: 40 });
    expect(d.rules.map((r) => r.pairs)).toEqual([0, 20]);
    expect(d.size).toBe(20);
  });
});
