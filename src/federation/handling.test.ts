import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Handling, Tlp } from '../domain/model';
import { TLP_LEVELS } from '../domain/model';
import { iso } from './bytes';
import { DAY_MS } from './constants';
import type { Audience, ConsentGrant } from './envelope';
import { decideShare, mayAccess, purposeWithin, TLP_RANK, validateHandling, type HeldItem, type ShareDecision } from './handling';

const NOW = Date.parse('2026-06-14T12:00:00.000Z');
const COMMUNITY = ['mx', 'ca', 'us'];
const ITEM = '5b0c1f4e-7a1d-4c3e-9f2a-0d1e2f3a4b5c';

const handling = (tlp: Tlp, over: Partial<Handling> = {}): Handling => ({
  tlp,
  purpose: 'investigation',
  retentionDays: 30,
  originatorConsentRequiredToForward: false,
  ...over,
});
const audienceFor = (tlp: Tlp): Audience =>
  tlp === 'RED' ? { agencies: ['RCMP'], persons: ['ana@rcmp'] } : tlp === 'GREEN' || tlp === 'CLEAR' ? { agencies: [], persons: [] } : { agencies: ['RCMP'], persons: [] };

/** CA holds an item that MX originated and shared 10 days ago for 90 days. */
const heldAtCa = (tlp: Tlp, over: Partial<Handling> = {}): HeldItem => ({
  itemId: ITEM,
  originator: 'mx',
  holder: 'ca',
  handling: handling(tlp, { retentionDays: 90, ...over }),
  audience: audienceFor(tlp),
  expiresAt: iso(NOW + 80 * DAY_MS),
});

const share = (held: HeldItem, to: string, h: Handling, audience: Audience = audienceFor(h.tlp), grant?: ConsentGrant): ShareDecision =>
  decideShare(held, { to, handling: h, audience }, { now: NOW, community: COMMUNITY, grant: grant ?? null });

const grantFor = (over: Partial<ConsentGrant> = {}): ConsentGrant => ({
  itemId: ITEM,
  originator: 'mx',
  forwarder: 'ca',
  grantedTo: 'us',
  maxHandling: handling('AMBER', { originatorConsentRequiredToForward: true, retentionDays: 30 }),
  issued: iso(NOW - 1000),
  expires: iso(NOW + DAY_MS),
  keyId: '0'.repeat(32),
  signature: 'x',
  ...over,
});

const outcome = (d: ShareDecision): string => (d.outcome === 'deny' ? d.code : d.outcome);

describe('decideShare: the examples of docs/protocol/handling.md §4', () => {
  it('lets the originator share its own item with any valid handling', () => {
    const own: HeldItem = { ...heldAtCa('RED'), holder: 'mx', expiresAt: null };
    expect(outcome(share(own, 'us', handling('CLEAR')))).toBe('allow');
  });

  it('refuses an invalid handling code: RED needs named persons, AMBER an agency', () => {
    const own: HeldItem = { ...heldAtCa('GREEN'), holder: 'mx', expiresAt: null };
    expect(share(own, 'ca', handling('RED'), { agencies: ['RCMP'], persons: [] })).toMatchObject({
      code: 'FED_HANDLING_INVALID',
      params: { field: 'audience.persons' },
    });
    expect(outcome(share(own, 'ca', handling('AMBER'), { agencies: [], persons: [] }))).toBe('FED_HANDLING_INVALID');
    expect(outcome(share(own, 'ca', handling('GREEN', { purpose: 'Investigation' })))).toBe('FED_HANDLING_INVALID');
    expect(outcome(share(own, 'ca', handling('GREEN', { retentionDays: 0 })))).toBe('FED_HANDLING_INVALID');
  });

  it('never shares outside the community', () => {
    expect(outcome(share(heldAtCa('CLEAR'), 'gt', handling('CLEAR')))).toBe('FED_HANDLING_OUTSIDE_COMMUNITY');
  });

  it('RED: no forward; locally only to the persons already named', () => {
    expect(outcome(share(heldAtCa('RED'), 'us', handling('RED')))).toBe('FED_HANDLING_RED_NO_FORWARD');
    const toColleague = { agencies: ['RCMP'], persons: ['ben@rcmp'] };
    expect(outcome(share(heldAtCa('RED'), 'ca', handling('RED'), toColleague))).toBe('FED_HANDLING_RED_NAMED_ONLY');
    expect(outcome(share(heldAtCa('RED'), 'ca', handling('RED')))).toBe('allow');
  });

  it('AMBER+STRICT: no forward; locally only within the recipient agency', () => {
    expect(outcome(share(heldAtCa('AMBER+STRICT'), 'us', handling('AMBER+STRICT')))).toBe('FED_HANDLING_STRICT_NO_FORWARD');
    const otherAgency = { agencies: ['CBSA'], persons: [] };
    expect(outcome(share(heldAtCa('AMBER+STRICT'), 'ca', handling('AMBER+STRICT'), otherAgency))).toBe('FED_HANDLING_STRICT_AGENCY_ONLY');
    expect(outcome(share(heldAtCa('AMBER+STRICT'), 'ca', handling('RED')))).toBe('allow');
  });

  it('AMBER: informs others without consent unless the originator asked for it', () => {
    expect(outcome(share(heldAtCa('AMBER'), 'ca', handling('AMBER'), { agencies: ['CBSA'], persons: [] }))).toBe('allow');
    expect(outcome(share(heldAtCa('AMBER'), 'us', handling('AMBER')))).toBe('allow');
    const flagged = heldAtCa('AMBER', { originatorConsentRequiredToForward: true });
    const proposal = handling('AMBER', { originatorConsentRequiredToForward: true, retentionDays: 30 });
    const asked = share(flagged, 'us', proposal);
    expect(asked).toEqual({
      outcome: 'needs_consent',
      request: { itemId: ITEM, originator: 'mx', forwarder: 'ca', forwardTo: 'us', proposedHandling: proposal, proposedAudience: audienceFor('AMBER') },
    });
    expect(share(flagged, 'us', proposal, audienceFor('AMBER'), grantFor())).toMatchObject({ outcome: 'allow', consentGrant: grantFor() });
  });

  it('AMBER with consent required: a grant that does not cover the forward is not enough', () => {
    const flagged = heldAtCa('AMBER', { originatorConsentRequiredToForward: true });
    const proposal = handling('AMBER', { originatorConsentRequiredToForward: true, retentionDays: 30 });
    for (const wrong of [
      grantFor({ grantedTo: 'mx' }),
      grantFor({ forwarder: 'us' }),
      grantFor({ itemId: '00000000-0000-4000-8000-000000000000' }),
      grantFor({ expires: iso(NOW - 1) }),
      grantFor({ maxHandling: handling('AMBER', { originatorConsentRequiredToForward: true, retentionDays: 10 }) }),
      grantFor({ maxHandling: handling('AMBER+STRICT', { originatorConsentRequiredToForward: true, retentionDays: 30 }) }),
    ]) {
      expect(outcome(share(flagged, 'us', proposal, audienceFor('AMBER'), wrong))).toBe('needs_consent');
    }
  });

  it('GREEN: to community members, with consent when required; CLEAR: always', () => {
    expect(outcome(share(heldAtCa('GREEN'), 'us', handling('GREEN')))).toBe('allow');
    expect(outcome(share(heldAtCa('GREEN', { originatorConsentRequiredToForward: true }), 'us', handling('GREEN', { originatorConsentRequiredToForward: true })))).toBe(
      'needs_consent',
    );
    expect(outcome(share(heldAtCa('CLEAR'), 'us', handling('CLEAR')))).toBe('allow');
  });

  it('never widens: TLP, purpose, retention, consent flag', () => {
    expect(share(heldAtCa('AMBER'), 'us', handling('GREEN'))).toMatchObject({ code: 'FED_HANDLING_WIDENS', params: { field: 'tlp' } });
    expect(share(heldAtCa('GREEN', { purpose: 'investigation/case-1' }), 'us', handling('GREEN'))).toMatchObject({
      params: { field: 'purpose' },
    });
    expect(share(heldAtCa('GREEN'), 'us', handling('GREEN', { retentionDays: 81 }))).toMatchObject({
      params: { field: 'retentionDays', max: 80 },
    });
    expect(outcome(share(heldAtCa('GREEN'), 'us', handling('GREEN', { retentionDays: 80 })))).toBe('allow');
    expect(share(heldAtCa('CLEAR', { originatorConsentRequiredToForward: true }), 'us', handling('CLEAR'))).toMatchObject({
      params: { field: 'originatorConsentRequiredToForward' },
    });
    expect(outcome(share(heldAtCa('GREEN'), 'us', handling('GREEN', { purpose: 'investigation/case-1' })))).toBe('allow');
  });

  it('refuses to share an expired copy', () => {
    const expired = { ...heldAtCa('CLEAR'), expiresAt: iso(NOW) };
    expect(outcome(share(expired, 'us', handling('CLEAR', { retentionDays: 1 })))).toBe('FED_HANDLING_EXPIRED');
  });
});

describe('mayAccess: who may open an item at the node', () => {
  const viewer = (agency: string, ...personIds: string[]) => ({ agency, personIds });
  const copy = (tlp: Tlp) => ({ handling: handling(tlp), audience: audienceFor(tlp), expiresAt: iso(NOW + DAY_MS) });
  it.each([
    ['RED', viewer('RCMP', 'ana@rcmp'), true],
    ['RED', viewer('RCMP', 'ben@rcmp'), false],
    ['AMBER+STRICT', viewer('RCMP', 'ben@rcmp'), true],
    ['AMBER+STRICT', viewer('CBSA', 'cy@cbsa'), false],
    ['AMBER', viewer('CBSA', 'cy@cbsa'), false],
    ['GREEN', viewer('CBSA', 'cy@cbsa'), true],
    ['CLEAR', viewer('ESDC', 'di@esdc'), true],
  ] as const)('%s to %o: %s', (tlp, who, expected) => {
    expect(mayAccess(copy(tlp), who, NOW)).toBe(expected);
  });
  it('nobody opens an expired copy', () => {
    expect(mayAccess({ ...copy('CLEAR'), expiresAt: iso(NOW) }, viewer('RCMP'), NOW)).toBe(false);
  });
});

// ---- property: along any chain of shares and forwards, the audience never widens ----

const NODES = ['mx', 'ca', 'us', 'gt'] as const; // gt is outside the community
const PURPOSES = ['investigation', 'investigation/case-1', 'investigation/case-1/phones', 'statistics', 'victim-support'];
const AGENCIES = ['RCMP', 'CBSA', 'FGR', 'HSI'];
const PERSONS = ['ana', 'ben', 'cy'];

const handlingArb = fc.record({
  tlp: fc.constantFrom(...TLP_LEVELS),
  purpose: fc.constantFrom(...PURPOSES),
  retentionDays: fc.integer({ min: 1, max: 400 }),
  originatorConsentRequiredToForward: fc.boolean(),
});
const audienceArb = fc.record({
  agencies: fc.uniqueArray(fc.constantFrom(...AGENCIES), { maxLength: 3 }),
  persons: fc.uniqueArray(fc.constantFrom(...PERSONS), { maxLength: 3 }),
});
const stepArb = fc.record({
  from: fc.nat(),
  to: fc.constantFrom(...NODES),
  handling: handlingArb,
  audience: audienceArb,
  daysLater: fc.integer({ min: 0, max: 30 }),
  originatorGrants: fc.boolean(),
  grantHandling: handlingArb,
});

interface Copy {
  node: string;
  handling: Handling;
  audience: Audience;
  expiresAt: string | null;
  parent: number | null;
  /** the copy the originator made first on this chain */
  root: number | null;
}

describe('decideShare properties', () => {
  it('never widens the audience along random chains of shares, forwards and consents', () => {
    fc.assert(
      fc.property(handlingArb, audienceArb, fc.array(stepArb, { minLength: 1, maxLength: 25 }), (h0, a0, steps) => {
        const copies: Copy[] = [{ node: 'mx', handling: h0, audience: a0, expiresAt: null, parent: null, root: null }];
        let now = NOW;
        for (const step of steps) {
          now += step.daysLater * DAY_MS;
          const heldIndex = step.from % copies.length;
          const held = copies[heldIndex]!;
          const item: HeldItem = { itemId: ITEM, originator: 'mx', holder: held.node, handling: held.handling, audience: held.audience, expiresAt: held.expiresAt };
          const proposal = { to: step.to, handling: step.handling, audience: step.audience };
          let decision = decideShare(item, proposal, { now, community: ['mx', 'ca', 'us'] });
          if (decision.outcome === 'needs_consent' && step.originatorGrants) {
            const r = decision.request;
            const grant: ConsentGrant = {
              itemId: r.itemId,
              originator: r.originator,
              forwarder: r.forwarder,
              grantedTo: r.forwardTo,
              maxHandling: step.grantHandling,
              issued: iso(now),
              expires: iso(now + DAY_MS),
              keyId: '0'.repeat(32),
              signature: 'x',
            };
            decision = decideShare(item, proposal, { now, community: ['mx', 'ca', 'us'], grant });
          }
          if (decision.outcome !== 'allow') continue;

          // the holder is always a community member, and so is the target
          expect(['mx', 'ca', 'us']).toContain(step.to);
          // every copy at the originator's node is the originator's own: it may release it anew
          const isOriginalShare = held.node === 'mx';
          const child: Copy = {
            node: step.to,
            handling: decision.handling,
            audience: decision.audience,
            expiresAt: decision.expiresAt,
            parent: heldIndex,
            root: isOriginalShare ? copies.length : held.root,
          };
          if (!isOriginalShare) {
            const heldTlp = held.handling.tlp;
            // never wider than the copy it came from
            expect(TLP_RANK[child.handling.tlp]).toBeLessThanOrEqual(TLP_RANK[heldTlp]);
            expect(purposeWithin(child.handling.purpose, held.handling.purpose)).toBe(true);
            expect(Date.parse(child.expiresAt!)).toBeLessThanOrEqual(Date.parse(held.expiresAt!));
            if (held.handling.originatorConsentRequiredToForward) expect(child.handling.originatorConsentRequiredToForward).toBe(true);
            // never wider than what the originator first released on this chain
            const root = copies[held.root!]!;
            expect(TLP_RANK[child.handling.tlp]).toBeLessThanOrEqual(TLP_RANK[root.handling.tlp]);
            expect(purposeWithin(child.handling.purpose, root.handling.purpose)).toBe(true);
            expect(Date.parse(child.expiresAt!)).toBeLessThanOrEqual(Date.parse(root.expiresAt!));
            if (step.to !== held.node) {
              // forwards: never of RED or AMBER+STRICT; with a covering grant when consent is required
              expect(['RED', 'AMBER+STRICT']).not.toContain(heldTlp);
              if (held.handling.originatorConsentRequiredToForward && heldTlp !== 'CLEAR') {
                expect(decision.consentGrant).toMatchObject({ forwarder: held.node, grantedTo: step.to, originator: 'mx' });
              }
            } else if (heldTlp === 'RED') {
              expect(step.audience.persons.every((p) => held.audience.persons.includes(p))).toBe(true);
            } else if (heldTlp === 'AMBER+STRICT') {
              expect(step.audience.agencies.every((a) => held.audience.agencies.includes(a))).toBe(true);
            }
          }
          expect(validateHandling(child.handling, child.audience).ok).toBe(true);
          copies.push(child);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is total: any proposal gets an answer, never an exception', () => {
    fc.assert(
      fc.property(handlingArb, audienceArb, handlingArb, audienceArb, fc.constantFrom(...NODES), fc.constantFrom(...NODES), (h, a, p, pa, holder, to) => {
        const d = decideShare(
          { itemId: ITEM, originator: 'mx', holder, handling: h, audience: a, expiresAt: iso(NOW + 10 * DAY_MS) },
          { to, handling: p, audience: pa },
          { now: NOW, community: ['mx', 'ca', 'us'] },
        );
        expect(['allow', 'deny', 'needs_consent']).toContain(d.outcome);
      }),
    );
  });
});
