/**
 * Screening a case: the eleven ILO indicators of forced labour, each marked present or not
 * with a note of the evidence, and the Palermo test of act, means and purpose (means are
 * not needed when the victim is a child).
 */
import type { FieldIssue } from './errors';
import {
  ILO_INDICATORS,
  PALERMO_ACTS,
  PALERMO_MEANS,
  PALERMO_PURPOSES,
  type IloIndicator,
  type IndicatorFinding,
  type PalermoAssessment,
} from './model';
import { charLength, cleanText } from './values/clean';

export const EVIDENCE_MAX = 5000;
export const PALERMO_NOTES_MAX = 5000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/**
 * Checks indicator findings: known codes, each at most once, a boolean `present`, and an
 * evidence note whenever an indicator is marked present. Findings come back in the ILO order.
 */
export function checkIndicators(value: unknown, field = 'indicators'): Checked<IndicatorFinding[]> {
  if (!Array.isArray(value)) return { ok: false, issues: [{ field, code: 'CASE_NOT_A_LIST' }] };
  const issues: FieldIssue[] = [];
  const seen = new Map<IloIndicator, IndicatorFinding>();
  value.forEach((f, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(f)) {
      issues.push({ field: at, code: 'CASE_BAD_INDICATOR' });
      return;
    }
    const code = f.indicator;
    if (typeof code !== 'string' || !(ILO_INDICATORS as readonly string[]).includes(code)) {
      issues.push({ field: `${at}.indicator`, code: 'CASE_BAD_INDICATOR' });
      return;
    }
    if (seen.has(code as IloIndicator)) {
      issues.push({ field: `${at}.indicator`, code: 'CASE_DUPLICATE_INDICATOR', params: { indicator: code } });
      return;
    }
    if (typeof f.present !== 'boolean') {
      issues.push({ field: `${at}.present`, code: 'CASE_BAD_FLAG' });
      return;
    }
    const evidence = typeof f.evidence === 'string' ? cleanText(f.evidence) : f.evidence === undefined || f.evidence === null ? '' : null;
    if (evidence === null) {
      issues.push({ field: `${at}.evidence`, code: 'ENTITY_WRONG_TYPE', params: { property: 'evidence' } });
      return;
    }
    if (charLength(evidence) > EVIDENCE_MAX) {
      issues.push({ field: `${at}.evidence`, code: 'VALUE_TOO_LONG', params: { max: EVIDENCE_MAX } });
      return;
    }
    if (f.present && evidence === '') {
      issues.push({ field: `${at}.evidence`, code: 'CASE_INDICATOR_EVIDENCE_REQUIRED', params: { indicator: code } });
      return;
    }
    seen.set(code as IloIndicator, { indicator: code as IloIndicator, present: f.present, evidence });
  });
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: ILO_INDICATORS.filter((c) => seen.has(c)).map((c) => seen.get(c) as IndicatorFinding) };
}

/** The indicators found present, in the ILO order. */
export const presentIndicators = (findings: readonly IndicatorFinding[]): IloIndicator[] =>
  ILO_INDICATORS.filter((c) => findings.some((f) => f.indicator === c && f.present));

function codes<C extends string>(value: unknown, allowed: readonly C[], field: string, issues: FieldIssue[]): C[] {
  if (!Array.isArray(value)) {
    issues.push({ field, code: 'CASE_NOT_A_LIST' });
    return [];
  }
  const out: C[] = [];
  value.forEach((v, i) => {
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      issues.push({ field: `${field}[${i}]`, code: 'CASE_BAD_PALERMO_ELEMENT', params: { allowed: allowed.join(', ') } });
    } else if (!out.includes(v as C)) out.push(v as C);
  });
  return allowed.filter((c) => out.includes(c));
}

export const EMPTY_PALERMO: Readonly<PalermoAssessment> = { acts: [], means: [], purposes: [], victimIsChild: false, notes: '' };

/** Checks a Palermo assessment: known codes (duplicates merged, model order), a boolean for the child flag, notes. */
export function checkPalermo(value: unknown, field = 'palermo'): Checked<PalermoAssessment> {
  if (!isRecord(value)) return { ok: false, issues: [{ field, code: 'CASE_BAD_PALERMO' }] };
  const issues: FieldIssue[] = [];
  const acts = codes(value.acts ?? [], PALERMO_ACTS, `${field}.acts`, issues);
  const means = codes(value.means ?? [], PALERMO_MEANS, `${field}.means`, issues);
  const purposes = codes(value.purposes ?? [], PALERMO_PURPOSES, `${field}.purposes`, issues);
  const child = value.victimIsChild ?? false;
  if (typeof child !== 'boolean') issues.push({ field: `${field}.victimIsChild`, code: 'CASE_BAD_FLAG' });
  const notesRaw = value.notes ?? '';
  const notes = typeof notesRaw === 'string' ? cleanText(notesRaw) : '';
  if (typeof notesRaw !== 'string') issues.push({ field: `${field}.notes`, code: 'ENTITY_WRONG_TYPE', params: { property: 'notes' } });
  else if (charLength(notes) > PALERMO_NOTES_MAX) issues.push({ field: `${field}.notes`, code: 'VALUE_TOO_LONG', params: { max: PALERMO_NOTES_MAX } });
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { acts, means, purposes, victimIsChild: child as boolean, notes } };
}

export type PalermoElement = 'act' | 'means' | 'purpose';

export interface PalermoResult {
  /** all required elements are recorded */
  met: boolean;
  /** the elements still missing, in the order act, means, purpose */
  missing: PalermoElement[];
  /** false for a child victim: act and purpose suffice */
  meansRequired: boolean;
}

/**
 * The Palermo test: an act, a means and a purpose are needed; for a child (under 18)
 * the means are not (Protocol art. 3(c)).
 */
export function assessPalermo(p: Pick<PalermoAssessment, 'acts' | 'means' | 'purposes' | 'victimIsChild'>): PalermoResult {
  const meansRequired = !p.victimIsChild;
  const missing: PalermoElement[] = [];
  if (p.acts.length === 0) missing.push('act');
  if (meansRequired && p.means.length === 0) missing.push('means');
  if (p.purposes.length === 0) missing.push('purpose');
  return { met: missing.length === 0, missing, meansRequired };
}
