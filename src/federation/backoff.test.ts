import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RETRY, nextAttemptAt, retryDelay } from './backoff';
import { DAY_MS } from './constants';
import { retentionDecision, stubOf } from './retention';

describe('retry schedule', () => {
  it('doubles the delay up to the cap, with at most half of it random', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const d = Math.min(DEFAULT_RETRY.capMs, DEFAULT_RETRY.baseMs * 2 ** (attempt - 1));
        const delay = retryDelay(attempt, random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(d / 2));
        expect(delay).toBeLessThanOrEqual(d);
      }),
    );
  });

  it('gives the first retries their documented sizes', () => {
    expect(retryDelay(1, 0)).toBe(1_000);
    expect(retryDelay(2, 0.999999)).toBe(3_999);
    expect(retryDelay(30, 0)).toBe(1_800_000);
  });

  it('stops after the last attempt, or after 7 days', () => {
    expect(nextAttemptAt(DEFAULT_RETRY.maxAttempts, 0, 0, 0.5)).toBeNull();
    expect(nextAttemptAt(3, 0, 1000, 0.5)).toBeGreaterThan(1000);
    expect(nextAttemptAt(3, 0, 7 * DAY_MS - 10, 0.5)).toBeNull();
  });
});

describe('retention', () => {
  const copy = { expiresAt: '2026-07-01T00:00:00.000Z', purgedAt: null };
  it('purges from the expiry on, not before', () => {
    expect(retentionDecision(copy, Date.parse('2026-06-30T23:59:59.999Z'))).toMatchObject({ purge: false, remainingMs: 1 });
    expect(retentionDecision(copy, Date.parse('2026-07-01T00:00:00.000Z'))).toMatchObject({ purge: true, remainingMs: 0 });
    expect(retentionDecision({ ...copy, purgedAt: '2026-07-01T00:00:00.000Z' }, Date.now())).toBeNull();
  });

  it('keeps in the stub nothing of the content', () => {
    const record = {
      envelopeId: 'e',
      type: 'Alert' as const,
      from: { node: 'mx', country: 'MX' },
      originator: { node: 'mx', itemId: 'e' },
      handling: { tlp: 'AMBER' as const, purpose: 'investigation', retentionDays: 1, originatorConsentRequiredToForward: true },
      audience: { agencies: ['RCMP'], persons: [] },
      created: copy.expiresAt,
      receivedAt: copy.expiresAt,
      expiresAt: copy.expiresAt,
      contentDigest: 'd',
      payload: { title: 'Secret title' },
    };
    const stub = stubOf(record, copy.expiresAt);
    expect(JSON.stringify(stub)).not.toContain('Secret');
    expect(stub.purgedAt).toBe(copy.expiresAt);
  });
});
