/**
 * Audit entries counted per day and kind, for the auditor's chart: days with no entry are
 * kept (as zero) so that a spike stands out against quiet days.
 */
import type { AuditEntryView } from '../../../../src/server/api-types';
import { auditKind, type AuditKind } from '../../components/audit-action';

export { auditKind, AUDIT_KINDS, type AuditKind } from '../../components/audit-action';

export interface DayBucket {
  day: string; // YYYY-MM-DD (UTC)
  counts: Record<AuditKind, number>;
  total: number;
}

const DAY_MS = 86_400_000;
/** At most this many days are drawn (the most recent ones). */
export const MAX_DAYS = 120;

export const bucketByDay = (entries: Pick<AuditEntryView, 'at' | 'action'>[]): DayBucket[] => {
  const byDay = new Map<string, DayBucket>();
  for (const entry of entries) {
    const time = Date.parse(entry.at);
    if (Number.isNaN(time)) continue;
    const day = new Date(time).toISOString().slice(0, 10);
    let bucket = byDay.get(day);
    if (!bucket) {
      bucket = { day, counts: { change: 0, read: 0, access: 0 }, total: 0 };
      byDay.set(day, bucket);
    }
    bucket.counts[auditKind(entry.action)] += 1;
    bucket.total += 1;
  }
  if (byDay.size === 0) return [];
  const days = [...byDay.keys()].sort();
  const last = Date.parse(`${days[days.length - 1]}T00:00:00Z`);
  const first = Math.max(Date.parse(`${days[0]}T00:00:00Z`), last - (MAX_DAYS - 1) * DAY_MS);
  const filled: DayBucket[] = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    filled.push(byDay.get(day) ?? { day, counts: { change: 0, read: 0, access: 0 }, total: 0 });
  }
  return filled;
};
