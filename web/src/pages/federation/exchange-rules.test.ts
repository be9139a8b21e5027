import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audienceFor, daysLeft, forwardLabels, isOverdue, isoToLocal, localToIso, mayForward, parseList, purposeWithin, TLP_RANK } from './exchange-rules';

const NOW = Date.parse('2026-06-15T12:00:00.000Z');
const handling = (tlp: 'RED' | 'AMBER+STRICT' | 'AMBER' | 'GREEN' | 'CLEAR') => ({ tlp, purpose: 'investigation', retentionDays: 30, originatorConsentRequiredToForward: true });

describe('exchange rules', () => {
  it('calls a request overdue only when its deadline passed unanswered', () => {
    const rfi = { type: 'RequestForInformation', deadline: '2026-06-14T12:00:00.000Z' };
    expect(isOverdue(rfi, NOW, false)).toBe(true);
    expect(isOverdue(rfi, NOW, true)).toBe(false);
    expect(isOverdue({ ...rfi, deadline: '2026-06-16T12:00:00.000Z' }, NOW, false)).toBe(false);
    expect(isOverdue({ type: 'Alert', deadline: '2026-06-14T12:00:00.000Z' }, NOW, false)).toBe(false);
    expect(isOverdue({ ...rfi, deadline: null }, NOW, false)).toBe(false);
  });

  it('never offers a forward of RED or AMBER+STRICT', () => {
    expect(mayForward(handling('RED'))).toBe(false);
    expect(mayForward(handling('AMBER+STRICT'))).toBe(false);
    expect(mayForward(handling('AMBER'))).toBe(true);
    expect(mayForward(handling('GREEN'))).toBe(true);
    expect(mayForward(null)).toBe(false);
  });

  it('offers only the held label or stricter ones', () => {
    expect(forwardLabels('AMBER')).toEqual(['RED', 'AMBER+STRICT', 'AMBER']);
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(TLP_RANK) as (keyof typeof TLP_RANK)[])), (held) => {
        const labels = forwardLabels(held);
        expect(labels).toContain(held);
        for (const l of labels) expect(TLP_RANK[l]).toBeLessThanOrEqual(TLP_RANK[held]);
      }),
    );
  });

  it('counts whole days left, never more than the held retention', () => {
    expect(daysLeft('2026-06-20T13:00:00.000Z', NOW, 30)).toBe(5);
    expect(daysLeft('2026-08-20T13:00:00.000Z', NOW, 30)).toBe(30);
    expect(daysLeft('2026-06-14T12:00:00.000Z', NOW, 30)).toBe(0);
    expect(daysLeft(null, NOW, 30)).toBe(30);
  });

  it('knows a narrower purpose from another one', () => {
    expect(purposeWithin('investigation', 'investigation')).toBe(true);
    expect(purposeWithin('investigation/mx-2026-1', 'investigation')).toBe(true);
    expect(purposeWithin('investigations', 'investigation')).toBe(false);
    expect(purposeWithin('intelligence', 'investigation')).toBe(false);
  });

  it('reads an audience typed as a list', () => {
    expect(parseList(' CA-NLO, CA-FPTU;CA-NLO\n\n')).toEqual(['CA-NLO', 'CA-FPTU']);
    expect(audienceFor('RED', 'liaison@ca.demo')).toEqual({ agencies: [], persons: ['liaison@ca.demo'] });
    expect(audienceFor('AMBER', 'CA-NLO')).toEqual({ agencies: ['CA-NLO'], persons: [] });
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Z]{2}-[A-Z]{2,5}$/), { maxLength: 8 }), (codes) => {
        expect(parseList(codes.join(', '))).toEqual([...new Set(codes)]);
      }),
    );
  });

  it('turns a local date and time into a UTC timestamp and back', () => {
    const local = isoToLocal(NOW);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(localToIso(local)).toBe(new Date(NOW).toISOString());
    expect(localToIso('')).toBeNull();
    expect(localToIso('not a date')).toBeNull();
  });
});
