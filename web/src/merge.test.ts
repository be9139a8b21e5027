import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeByKey } from './merge';

describe('mergeByKey', () => {
  it('keeps my change and takes theirs on other keys', () => {
    const base = { isolation: { present: false, evidence: '' }, debt_bondage: { present: false, evidence: '' } };
    const mine = { ...base, debt_bondage: { present: true, evidence: 'fee debt' } };
    const theirs = { ...base, isolation: { present: true, evidence: 'no phone' } };
    expect(mergeByKey(base, mine, theirs)).toEqual({ isolation: { present: true, evidence: 'no phone' }, debt_bondage: { present: true, evidence: 'fee debt' } });
  });

  it('lets my change win where both changed the same key', () => {
    expect(mergeByKey({ notes: 'a' }, { notes: 'mine' }, { notes: 'theirs' })).toEqual({ notes: 'mine' });
  });

  it('is theirs when I changed nothing, and mine when they changed nothing', () => {
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.oneof(fc.integer(), fc.string(), fc.boolean()));
    fc.assert(
      fc.property(record, record, (base, other) => {
        const full = { ...base, ...other };
        const rebased = { ...other, ...base };
        expect(mergeByKey(full, full, rebased)).toEqual(rebased);
        expect(mergeByKey(full, rebased, full)).toEqual(rebased);
      }),
    );
  });
});
