import type { TFunction } from 'i18next';

/** "case.subject.add" -> the localised "Subject added"; an action the app does not know shows its code. */
export const auditActionLabel = (t: TFunction, action: string): string =>
  t(`auditAction.${action.replace(/[.:]/g, '_')}`, { defaultValue: action });

export type AuditKind = 'change' | 'read' | 'access';
export const AUDIT_KINDS: readonly AuditKind[] = ['change', 'read', 'access'];

/** Changes, reads (and searches, exports), and sign-in activity. */
export const auditKind = (action: string): AuditKind => {
  if (/^(auth|session|login|logout)\b/.test(action)) return 'access';
  if (/(^|\.)(read|list|view|search|export|verify)$/.test(action) || action === 'search') return 'read';
  return 'change';
};

/** Reads, searches and sign-ins: logged for the auditor, not events in a case's history. */
export const isReadAction = (action: string): boolean => auditKind(action) !== 'change';
