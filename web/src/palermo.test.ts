import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PalermoAssessment } from '../../src/server/api-types';
import { evaluatePalermo } from './palermo';
import { PALERMO_ACTS, PALERMO_MEANS, PALERMO_PURPOSES } from './lists';

const empty: PalermoAssessment = { acts: [], means: [], purposes: [], victimIsChild: false, notes: '' };

describe('evaluatePalermo', () => {
  it('names every element missing from an empty assessment', () => {
    expect(evaluatePalermo(empty)).toEqual({ met: false, missing: ['act', 'means', 'purpose'] });
  });

  it('is met by an adult case with act, means and purpose', () => {
    const result = evaluatePalermo({ ...empty, acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour_or_services'] });
    expect(result).toEqual({ met: true, missing: [] });
  });

  it('does not need means for a child', () => {
    const result = evaluatePalermo({ ...empty, acts: ['harbouring'], purposes: ['sexual_exploitation'], victimIsChild: true });
    expect(result.met).toBe(true);
  });

  it('still needs means for an adult', () => {
    const result = evaluatePalermo({ ...empty, acts: ['harbouring'], purposes: ['sexual_exploitation'] });
    expect(result).toEqual({ met: false, missing: ['means'] });
  });

  it('is met exactly when nothing is missing, for any assessment', () => {
    const subset = <T,>(values: readonly T[]) => fc.subarray([...values]);
    fc.assert(
      fc.property(subset(PALERMO_ACTS), subset(PALERMO_MEANS), subset(PALERMO_PURPOSES), fc.boolean(), (acts, means, purposes, child) => {
        const result = evaluatePalermo({ acts, means, purposes, victimIsChild: child, notes: '' });
        const expected = acts.length > 0 && purposes.length > 0 && (child || means.length > 0);
        expect(result.met).toBe(expected);
        expect(result.met).toBe(result.missing.length === 0);
      }),
    );
  });
});
