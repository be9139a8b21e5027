import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditKind, bucketByDay, MAX_DAYS } from './audit-buckets';

describe('auditKind', () => {
  it('sorts actions into changes, reads and access', () => {
    expect(auditKind('case.update')).toBe('change');
    expect(auditKind('victim.identity.read')).toBe('read');
    expect(auditKind('search')).toBe('read');
    expect(auditKind('auth.login')).toBe('access');
  });
});

describe('bucketByDay', () => {
  it('counts per UTC day and fills the quiet days between with zeros', () => {
    const buckets = bucketByDay([
      { at: '2026-06-11T23:59:00Z', action: 'case.update' },
      { at: '2026-06-11T08:00:00Z', action: 'case.read' },
      { at: '2026-06-14T00:00:01Z', action: 'auth.login' },
    ]);
    expect(buckets.map((b) => [b.day, b.total])).toEqual([
      ['2026-06-11', 2],
      ['2026-06-12', 0],
      ['2026-06-13', 0],
      ['2026-06-14', 1],
    ]);
    expect(buckets[0]?.counts).toEqual({ change: 1, read: 1, access: 0 });
  });

  it('keeps every entry of the last days, and never more than MAX_DAYS days', () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 * 86_400_000 }), { maxLength: 200 }), (offsets) => {
        const entries = offsets.map((o) => ({ at: new Date(start + o).toISOString(), action: 'case.update' }));
        const buckets = bucketByDay(entries);
        expect(buckets.length).toBeLessThanOrEqual(MAX_DAYS);
        const firstDay = buckets[0]?.day ?? '9999';
        const expected = entries.filter((e) => e.at.slice(0, 10) >= firstDay).length;
        expect(buckets.reduce((sum, b) => sum + b.total, 0)).toBe(expected);
      }),
    );
  });
});
