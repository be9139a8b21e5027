/**
 * Handling codes: every case and every shared item carries a TLP 2.0 level, a purpose and
 * a retention period (invariant 4 of the design).
 */
import type { FieldIssue } from './errors';
import { TLP_LEVELS, type Handling, type Tlp } from './model';
import { isKnownPurpose, PURPOSE_MAX_LENGTH } from './reference/purposes';

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

/** A new case's handling when none is given: need-to-know inside the agency, five years. */
export const DEFAULT_HANDLING: Readonly<Handling> = {
  tlp: 'AMBER',
  purpose: 'investigation',
  retentionDays: 1825,
  originatorConsentRequiredToForward: true,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a handling code; `field` prefixes the issue fields ("handling"). */
export function checkHandling(value: unknown, field = 'handling'): { ok: true; value: Handling } | { ok: false; issues: FieldIssue[] } {
  if (!isRecord(value)) return { ok: false, issues: [{ field, code: 'CASE_HANDLING_REQUIRED' }] };
  const issues: FieldIssue[] = [];
  const { tlp, purpose, retentionDays, originatorConsentRequiredToForward } = value;
  if (typeof tlp !== 'string' || !(TLP_LEVELS as readonly string[]).includes(tlp)) {
    issues.push({ field: `${field}.tlp`, code: 'CASE_BAD_TLP', params: { allowed: TLP_LEVELS.join(', ') } });
  }
  const p = typeof purpose === 'string' ? purpose.trim() : '';
  if (!isKnownPurpose(p)) issues.push({ field: `${field}.purpose`, code: 'CASE_BAD_PURPOSE', params: { max: PURPOSE_MAX_LENGTH } });
  if (typeof retentionDays !== 'number' || !Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS || retentionDays > MAX_RETENTION_DAYS) {
    issues.push({ field: `${field}.retentionDays`, code: 'CASE_BAD_RETENTION', params: { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS } });
  }
  if (typeof originatorConsentRequiredToForward !== 'boolean') {
    issues.push({ field: `${field}.originatorConsentRequiredToForward`, code: 'CASE_BAD_CONSENT_FLAG' });
  }
  const extra = Object.keys(value).filter((k) => !['tlp', 'purpose', 'retentionDays', 'originatorConsentRequiredToForward'].includes(k));
  for (const k of extra) issues.push({ field: `${field}.${k.slice(0, 64)}`, code: 'CASE_UNKNOWN_FIELD', params: { field: k.slice(0, 64) } });
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { tlp: tlp as Tlp, purpose: p, retentionDays: retentionDays as number, originatorConsentRequiredToForward: originatorConsentRequiredToForward as boolean } };
}

/** TLP levels from the most to the least restrictive. */
export const TLP_RANK: Readonly<Record<Tlp, number>> = { RED: 4, 'AMBER+STRICT': 3, AMBER: 2, GREEN: 1, CLEAR: 0 };

/** RED and AMBER+STRICT cases are visible only inside the owning agency and to named users. */
export const isRestrictedTlp = (tlp: Tlp): boolean => tlp === 'RED' || tlp === 'AMBER+STRICT';
