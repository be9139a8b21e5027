/**
 * Criminal-justice outcomes of a case (investigation, charges, conviction, acquittal,
 * dismissal, sentence), the figures the working group counts. A case may have several
 * defendants, so outcomes are a list; what is checked is that each outcome is well formed
 * and that the sequence is possible: a verdict or dismissal follows charges, a sentence
 * follows a conviction, and nothing is dated in the future.
 */
import type { FieldIssue } from './errors';
import { OUTCOME_STAGES, type JusticeOutcome, type OutcomeStage } from './model';
import { charLength, cleanText } from './values/clean';
import { compareDates, normaliseDate } from './values/date';
import type { Checked } from './screening';

export const MAX_OUTCOMES = 100;
export const OUTCOME_DETAIL_MAX = 5000;
export const MAX_SENTENCE_MONTHS = 2000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const NEEDS: Partial<Record<OutcomeStage, { stage: OutcomeStage; code: string }>> = {
  conviction: { stage: 'charges', code: 'CASE_OUTCOME_NEEDS_CHARGES' },
  acquittal: { stage: 'charges', code: 'CASE_OUTCOME_NEEDS_CHARGES' },
  dismissal: { stage: 'charges', code: 'CASE_OUTCOME_NEEDS_CHARGES' },
  sentence: { stage: 'conviction', code: 'CASE_SENTENCE_NEEDS_CONVICTION' },
};

/**
 * Checks a list of outcomes. `today` (YYYY-MM-DD) refuses dates in the future. The list
 * comes back sorted by date (stable), dates normalised.
 */
export function checkOutcomes(value: unknown, opts: { today?: string; field?: string } = {}): Checked<JusticeOutcome[]> {
  const field = opts.field ?? 'outcomes';
  if (!Array.isArray(value)) return { ok: false, issues: [{ field, code: 'CASE_NOT_A_LIST' }] };
  if (value.length > MAX_OUTCOMES) return { ok: false, issues: [{ field, code: 'CASE_TOO_MANY_OUTCOMES', params: { max: MAX_OUTCOMES } }] };
  const issues: FieldIssue[] = [];
  const out: JusticeOutcome[] = [];
  value.forEach((o, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(o)) {
      issues.push({ field: at, code: 'CASE_BAD_OUTCOME' });
      return;
    }
    const before = issues.length;
    const stage = o.stage;
    if (typeof stage !== 'string' || !(OUTCOME_STAGES as readonly string[]).includes(stage)) {
      issues.push({ field: `${at}.stage`, code: 'CASE_BAD_OUTCOME_STAGE', params: { allowed: OUTCOME_STAGES.join(', ') } });
    }
    const date = typeof o.date === 'string' ? normaliseDate(o.date) : null;
    if (!date || !date.ok) issues.push({ field: `${at}.date`, code: date && !date.ok && date.code === 'VALUE_EMPTY' ? 'CASE_OUTCOME_DATE_REQUIRED' : 'VALUE_INVALID_DATE' });
    else if (opts.today && compareDates(date.value, opts.today) === 1) issues.push({ field: `${at}.date`, code: 'CASE_OUTCOME_IN_FUTURE' });
    const detailRaw = o.detail ?? '';
    const detail = typeof detailRaw === 'string' ? cleanText(detailRaw) : null;
    if (detail === null) issues.push({ field: `${at}.detail`, code: 'ENTITY_WRONG_TYPE', params: { property: 'detail' } });
    else if (charLength(detail) > OUTCOME_DETAIL_MAX) issues.push({ field: `${at}.detail`, code: 'VALUE_TOO_LONG', params: { max: OUTCOME_DETAIL_MAX } });
    const months = o.sentenceMonths;
    if (months !== undefined && months !== null) {
      if (stage !== 'sentence') issues.push({ field: `${at}.sentenceMonths`, code: 'CASE_SENTENCE_MONTHS_ONLY_FOR_SENTENCE' });
      else if (typeof months !== 'number' || !Number.isInteger(months) || months < 0 || months > MAX_SENTENCE_MONTHS) {
        issues.push({ field: `${at}.sentenceMonths`, code: 'CASE_BAD_SENTENCE_MONTHS', params: { max: MAX_SENTENCE_MONTHS } });
      }
    }
    if (issues.length > before || !date?.ok) return;
    out.push({
      stage: stage as OutcomeStage,
      date: date.value,
      detail: detail ?? '',
      ...(typeof months === 'number' ? { sentenceMonths: months } : {}),
    });
  });
  if (issues.length) return { ok: false, issues };

  // sequence: each verdict needs charges on or before its date, each sentence a conviction
  out.forEach((o, i) => {
    const need = NEEDS[o.stage];
    if (!need) return;
    const found = out.some((p) => p.stage === need.stage && compareDates(p.date, o.date) !== 1);
    if (!found) issues.push({ field: `${field}[${i}].stage`, code: need.code });
  });
  if (issues.length) return { ok: false, issues };
  const order = out.map((o, i) => ({ o, i }));
  order.sort((a, b) => (a.o.date < b.o.date ? -1 : a.o.date > b.o.date ? 1 : a.i - b.i));
  return { ok: true, value: order.map((x) => x.o) };
}

/** Counts for statistics: how many outcomes of each stage a case has. */
export function outcomeCounts(outcomes: readonly JusticeOutcome[]): Record<OutcomeStage, number> {
  const counts = Object.fromEntries(OUTCOME_STAGES.map((s) => [s, 0])) as Record<OutcomeStage, number>;
  for (const o of outcomes) counts[o.stage] += 1;
  return counts;
}
