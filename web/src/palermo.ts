/**
 * The Palermo Protocol test (art. 3), evaluated live in the form: an act, a means and an
 * exploitative purpose; for a child the means are not required (art. 3(c)).
 * The server evaluates the same rule when the assessment is saved; its answer wins.
 */
import type { PalermoAssessment } from '../../src/server/api-types';

export type PalermoElement = 'act' | 'means' | 'purpose';

export interface PalermoResult {
  met: boolean;
  missing: PalermoElement[];
}

export const evaluatePalermo = (assessment: PalermoAssessment): PalermoResult => {
  const missing: PalermoElement[] = [];
  if (assessment.acts.length === 0) missing.push('act');
  if (assessment.means.length === 0 && !assessment.victimIsChild) missing.push('means');
  if (assessment.purposes.length === 0) missing.push('purpose');
  return { met: missing.length === 0, missing };
};
