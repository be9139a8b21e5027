/**
 * Fixed time for the demo: every timestamp is an offset from 2026-01-01T00:00:00Z, so that
 * runs are identical whatever the wall clock says.
 */
const DAY0 = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;

/** Last day (offset from 1 January 2026) on which scenario activity happens: 15 November 2026. */
export const LAST_DAY = 318;

/** ISO timestamp of `day` days and `minute` minutes after 2026-01-01T00:00Z. */
export function isoAt(day: number, minute = 0): string {
  return new Date(DAY0 + day * DAY_MS + minute * 60_000).toISOString();
}

/** ISO calendar date (YYYY-MM-DD) of a day offset; negative offsets reach back before 2026. */
export function isoDate(day: number): string {
  return isoAt(day).slice(0, 10);
}

/** Day offset of an ISO date. */
export function dayOf(date: string): number {
  return Math.round((Date.parse(date.slice(0, 10) + 'T00:00:00Z') - DAY0) / DAY_MS);
}
