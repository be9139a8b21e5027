import { describe, expect, it } from 'vitest';
import type { PalermoAssessment } from './model';
import { assessPalermo, checkIndicators, presentIndicators } from './screening';

const p = (over: Partial<PalermoAssessment>): PalermoAssessment => ({ acts: [], means: [], purposes: [], victimIsChild: false, notes: '', ...over });

describe('assessPalermo', () => {
  it('needs act, means and purpose for an adult', () => {
    expect(assessPalermo(p({ acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour_or_services'] }))).toEqual({ met: true, missing: [], meansRequired: true });
    expect(assessPalermo(p({ acts: ['recruitment'], purposes: ['forced_labour_or_services'] }))).toEqual({ met: false, missing: ['means'], meansRequired: true });
    expect(assessPalermo(p({}))).toEqual({ met: false, missing: ['act', 'means', 'purpose'], meansRequired: true });
  });

  it('does not need means for a child', () => {
    expect(assessPalermo(p({ acts: ['harbouring'], purposes: ['sexual_exploitation'], victimIsChild: true }))).toEqual({ met: true, missing: [], meansRequired: false });
    expect(assessPalermo(p({ acts: ['harbouring'], victimIsChild: true }))).toEqual({ met: false, missing: ['purpose'], meansRequired: false });
  });
});

describe('indicators', () => {
  it('lists the indicators found present', () => {
    const r = checkIndicators([
      { indicator: 'excessive_overtime', present: true, evidence: '14 h diarias' },
      { indicator: 'deception', present: true, evidence: 'salario prometido 3 veces mayor' },
      { indicator: 'isolation', present: false, evidence: '' },
    ]);
    expect(r.ok && presentIndicators(r.value)).toEqual(['deception', 'excessive_overtime']);
  });

  it('refuses what is not a list of findings', () => {
    expect(checkIndicators({})).toEqual({ ok: false, issues: [{ field: 'indicators', code: 'CASE_NOT_A_LIST' }] });
    expect(checkIndicators([{ indicator: 'deception', present: 'yes', evidence: '' }])).toEqual({ ok: false, issues: [{ field: 'indicators[0].present', code: 'CASE_BAD_FLAG' }] });
    expect(checkIndicators([{ indicator: 'deception', present: true, evidence: 'x'.repeat(5001) }])).toMatchObject({ ok: false, issues: [{ code: 'VALUE_TOO_LONG' }] });
  });
});
