import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlianzaError } from './errors';
import { CASE_MEMBER_CAPACITIES, ROLES, TLP_LEVELS, type CaseMember, type CaseMemberCapacity, type Role, type Tlp } from './model';
import {
  CASE_ACTIONS,
  GLOBAL_ACTIONS,
  allowedActions,
  assertOnCase,
  canAssign,
  canDecideDisclosure,
  canSeePersonIdentity,
  decideEdit,
  decideOnCase,
  DISCLOSURE_DECIDE_SCOPES,
  disclosureRequestSight,
  GLOBAL_PERMISSIONS,
  globalActions,
  type CaseAction,
  type PolicyActor,
  type PolicyCase,
} from './policy';

const OWNER = 'agency-A';
const OTHER = 'agency-B';

const kase = (tlp: Tlp, named: string[] = []): PolicyCase => ({
  owningAgencyId: OWNER,
  namedUserIds: named,
  handling: { tlp, purpose: 'investigation', retentionDays: 365, originatorConsentRequiredToForward: true },
});
const actor = (role: Role, agencyId: string): PolicyActor => ({ userId: `u-${role}`, agencyId, role });
const NATURAL: Partial<Record<Role, CaseMemberCapacity>> = { investigator: 'investigator', inspector: 'investigator', caseworker: 'caseworker', prosecutor: 'prosecutor' };
const member = (a: PolicyActor, capacity: CaseMemberCapacity = NATURAL[a.role] ?? 'investigator'): CaseMember => ({ caseId: 'c1', userId: a.userId, capacity });

const ABBR: Record<string, CaseAction> = {
  R: 'case.read',
  E: 'case.edit',
  St: 'case.changeStatus',
  Sc: 'case.editScreening',
  H: 'case.editHandling',
  Sub: 'case.manageSubjects',
  M: 'case.manageMembers',
  O: 'case.recordOutcome',
  Sh: 'case.share',
  Au: 'case.readAudit',
  V: 'victim.identity.read',
};
const set = (s: string): string[] => (s.trim() ? s.trim().split(/\s+/).map((a) => ABBR[a] as string).sort() : []);

/**
 * Situations: own = same agency, AMBER, not assigned; other = other agency, AMBER, not
 * assigned; assigned = other agency, AMBER, member in the role's capacity; hidden = other
 * agency, RED, assigned but not named; named = other agency, RED, named and assigned;
 * strictOwn = same agency, AMBER+STRICT, assigned.
 */
const EXPECTED: Record<Role, Record<'own' | 'other' | 'assigned' | 'hidden' | 'named' | 'strictOwn', string>> = {
  admin: { own: '', other: '', assigned: '', hidden: '', named: '', strictOwn: '' },
  auditor: { own: 'R Au', other: 'R Au', assigned: 'R Au', hidden: '', named: 'R Au', strictOwn: 'R Au' },
  analyst: { own: 'R', other: 'R', assigned: 'R', hidden: '', named: 'R', strictOwn: 'R' },
  liaison: { own: 'R Sh', other: 'R Sh', assigned: 'R Sh', hidden: '', named: 'R Sh', strictOwn: 'R Sh' },
  investigator: {
    own: 'R E St Sc H Sub M Au',
    other: 'R',
    assigned: 'R E St Sc Sub V',
    hidden: '',
    named: 'R E St Sc Sub V',
    strictOwn: 'R E St Sc H Sub M Au V',
  },
  inspector: {
    own: 'R E St Sc H Sub M Au',
    other: 'R',
    assigned: 'R E St Sc Sub V',
    hidden: '',
    named: 'R E St Sc Sub V',
    strictOwn: 'R E St Sc H Sub M Au V',
  },
  caseworker: { own: 'R Sc', other: 'R', assigned: 'R Sc Sub V', hidden: '', named: 'R Sc Sub V', strictOwn: 'R Sc Sub V' },
  prosecutor: { own: 'R O', other: 'R', assigned: 'R St O', hidden: '', named: 'R St O', strictOwn: 'R St O' },
};

describe('case permissions: every role in every situation', () => {
  for (const role of ROLES) {
    it(role, () => {
      const mine = actor(role, OWNER);
      const theirs = actor(role, OTHER);
      const got = (a: PolicyActor, c: PolicyCase, m: CaseMember[]) => [...allowedActions(a, c, m)].sort();
      expect(got(mine, kase('AMBER'), []), 'own').toEqual(set(EXPECTED[role].own));
      expect(got(theirs, kase('AMBER'), []), 'other').toEqual(set(EXPECTED[role].other));
      expect(got(theirs, kase('AMBER'), [member(theirs)]), 'assigned').toEqual(set(EXPECTED[role].assigned));
      expect(got(theirs, kase('RED'), [member(theirs)]), 'hidden').toEqual(set(EXPECTED[role].hidden));
      expect(got(theirs, kase('RED', [theirs.userId]), [member(theirs)]), 'named').toEqual(set(EXPECTED[role].named));
      expect(got(mine, kase('AMBER+STRICT'), [member(mine)]), 'strictOwn').toEqual(set(EXPECTED[role].strictOwn));
    });
  }

  it('covers every case action in the matrix', () => {
    const used = new Set(Object.values(EXPECTED).flatMap((r) => Object.values(r).flatMap(set)));
    expect([...used].sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it('treats GREEN and CLEAR like AMBER, AMBER+STRICT like RED', () => {
    const theirs = actor('analyst', OTHER);
    for (const tlp of ['GREEN', 'CLEAR', 'AMBER'] as const) expect(allowedActions(theirs, kase(tlp)).has('case.read')).toBe(true);
    for (const tlp of ['RED', 'AMBER+STRICT'] as const) expect(allowedActions(theirs, kase(tlp)).size).toBe(0);
  });
});

describe('victim identity', () => {
  it('opens only to members in an investigator or caseworker capacity that fits their role', () => {
    const inv = actor('investigator', OWNER);
    const cw = actor('caseworker', OWNER);
    const pros = actor('prosecutor', OWNER);
    const analyst = actor('analyst', OWNER);
    const sees = (a: PolicyActor, m: CaseMember[]) => allowedActions(a, kase('AMBER'), m).has('victim.identity.read');
    expect(sees(inv, [])).toBe(false); // same agency is not enough
    expect(sees(inv, [member(inv, 'investigator')])).toBe(true);
    expect(sees(cw, [member(cw, 'caseworker')])).toBe(true);
    expect(sees(cw, [member(cw, 'investigator')])).toBe(false); // capacity not fitting the role
    expect(sees(pros, [member(pros, 'prosecutor')])).toBe(false);
    expect(sees(analyst, [member(analyst, 'investigator')])).toBe(false);
    expect(sees(inv, [{ caseId: 'c1', userId: 'someone-else', capacity: 'investigator' }])).toBe(false);
  });

  it('for a person in several cases: visible if a victim nowhere, or where the actor may see victims', () => {
    const cw = actor('caseworker', OTHER);
    const seen = { kase: kase('AMBER'), members: [member(cw)], role: 'victim' };
    const unseen = { kase: kase('AMBER'), members: [], role: 'victim' };
    expect(canSeePersonIdentity(cw, [])).toBe(true);
    expect(canSeePersonIdentity(cw, [{ ...unseen, role: 'suspect' }])).toBe(true);
    expect(canSeePersonIdentity(cw, [unseen])).toBe(false);
    expect(canSeePersonIdentity(cw, [unseen, seen])).toBe(true);
  });

  it('fits capacities to roles', () => {
    expect(canAssign('inspector', 'investigator')).toBe(true);
    expect(canAssign('analyst', 'investigator')).toBe(false);
    expect(canAssign('caseworker', 'prosecutor')).toBe(false);
  });
});

describe('global permissions', () => {
  const EXPECTED_GLOBAL: Record<Role, string> = {
    admin: 'users.manage agencies.manage stats.read',
    auditor: 'audit.read case.list stats.read',
    analyst: 'case.list entity.read network.read search stats.read disclosure.request entity.resolve crossborder.check',
    liaison: 'case.list entity.read network.read search stats.read federation.share disclosure.request disclosure.decide crossborder.check',
    investigator: 'case.create case.list entity.read entity.write network.read search stats.read disclosure.request disclosure.decide entity.resolve crossborder.check',
    inspector: 'case.create case.list entity.read entity.write network.read search stats.read disclosure.request disclosure.decide',
    caseworker: 'case.list entity.read entity.write search stats.read',
    prosecutor: 'case.list entity.read network.read search stats.read',
  };
  for (const role of ROLES) {
    it(role, () => {
      expect([...globalActions(actor(role, OWNER))].sort()).toEqual(EXPECTED_GLOBAL[role].split(' ').sort());
    });
  }
  it('uses every global action', () => {
    expect(new Set(Object.values(EXPECTED_GLOBAL).flatMap((s) => s.split(' ')))).toEqual(new Set(GLOBAL_ACTIONS));
  });
});

describe('partners’ disclosure requests', () => {
  const record = { owningAgencyId: OWNER };
  /** sight of a request about a record of OWNER, by role, for an actor of OWNER and of OTHER, seeing the record or not */
  const EXPECTED_SIGHT: Record<Role, { own: string; other: string; ownHidden: string; otherHidden: string }> = {
    admin: { own: 'none', other: 'none', ownHidden: 'none', otherHidden: 'none' },
    auditor: { own: 'none', other: 'none', ownHidden: 'none', otherHidden: 'none' },
    caseworker: { own: 'none', other: 'none', ownHidden: 'none', otherHidden: 'none' },
    prosecutor: { own: 'none', other: 'none', ownHidden: 'none', otherHidden: 'none' },
    analyst: { own: 'read', other: 'read', ownHidden: 'none', otherHidden: 'none' },
    liaison: { own: 'decide', other: 'decide', ownHidden: 'stub', otherHidden: 'stub' },
    investigator: { own: 'decide', other: 'read', ownHidden: 'none', otherHidden: 'none' },
    inspector: { own: 'decide', other: 'read', ownHidden: 'none', otherHidden: 'none' },
  };
  for (const role of ROLES) {
    it(role, () => {
      const got = {
        own: disclosureRequestSight(actor(role, OWNER), record, true),
        other: disclosureRequestSight(actor(role, OTHER), record, true),
        ownHidden: disclosureRequestSight(actor(role, OWNER), record, false),
        otherHidden: disclosureRequestSight(actor(role, OTHER), record, false),
      };
      expect(got).toEqual(EXPECTED_SIGHT[role]);
      expect(canDecideDisclosure(actor(role, OWNER), record, true)).toBe(got.own === 'decide');
      expect(canDecideDisclosure(actor(role, OTHER), record, true)).toBe(got.other === 'decide');
    });
  }

  it('lets nobody decide about a record they may not see, or one that is gone', () => {
    for (const role of ROLES) {
      expect(canDecideDisclosure(actor(role, OWNER), record, false)).toBe(false);
      expect(['stub', 'none']).toContain(disclosureRequestSight(actor(role, OWNER), null, true));
    }
  });

  it('keeps the decide scopes and the permission table in step', () => {
    expect(Object.keys(DISCLOSURE_DECIDE_SCOPES).sort()).toEqual([...GLOBAL_PERMISSIONS['disclosure.decide']].sort());
  });
});

describe('decisions with their refusal codes', () => {
  it('says not found for a hidden case and denied for a visible one', () => {
    const theirs = actor('investigator', OTHER);
    expect(decideOnCase(theirs, 'case.edit', kase('RED'))).toEqual({ allowed: false, code: 'POLICY_NOT_FOUND', params: {} });
    expect(decideOnCase(theirs, 'case.edit', kase('AMBER'))).toEqual({ allowed: false, code: 'POLICY_DENIED', params: { action: 'case.edit' } });
    expect(() => assertOnCase(theirs, 'case.edit', kase('RED'))).toThrow(AlianzaError);
    try {
      assertOnCase(theirs, 'case.edit', kase('RED'));
    } catch (e) {
      expect((e as AlianzaError).code).toBe('POLICY_NOT_FOUND');
    }
  });

  it('judges an edit by the parts it touches', () => {
    const cw = actor('caseworker', OWNER);
    const pros = actor('prosecutor', OTHER);
    const inv = actor('investigator', OWNER);
    const c = kase('AMBER');
    expect(decideEdit(cw, c, [], { indicators: [], version: 3 })).toEqual({ allowed: true });
    expect(decideEdit(cw, c, [], { title: 'x' })).toMatchObject({ allowed: false, code: 'POLICY_DENIED', params: { action: 'case.edit' } });
    expect(decideEdit(pros, c, [member(pros)], { outcomes: [], status: 'prosecution' })).toEqual({ allowed: true });
    expect(decideEdit(pros, c, [], { outcomes: [] })).toMatchObject({ allowed: false });
    expect(decideEdit(inv, c, [], { title: 'x', outcomes: [], handling: {}, status: 'closed' })).toEqual({ allowed: true });
    const assignedInv = actor('investigator', OTHER);
    expect(decideEdit(assignedInv, c, [member(assignedInv)], { handling: {} })).toMatchObject({ allowed: false, params: { action: 'case.editHandling' } });
    expect(decideEdit(assignedInv, kase('RED'), [member(assignedInv)], { title: 'x' })).toMatchObject({ allowed: false, code: 'POLICY_NOT_FOUND' });
  });
});

describe('invariants (property)', () => {
  const arbActor = fc.record({
    userId: fc.constantFrom('u1', 'u2', 'u3'),
    agencyId: fc.constantFrom(OWNER, OTHER, 'agency-C'),
    role: fc.constantFrom(...ROLES),
  });
  const arbCase = fc.record({
    owningAgencyId: fc.constantFrom(OWNER, OTHER),
    namedUserIds: fc.subarray(['u1', 'u2', 'u3']),
    handling: fc.record({ tlp: fc.constantFrom(...TLP_LEVELS), purpose: fc.constant('investigation'), retentionDays: fc.constant(30), originatorConsentRequiredToForward: fc.boolean() }),
  });
  const arbMembers = fc.array(fc.record({ caseId: fc.constant('c1'), userId: fc.constantFrom('u1', 'u2', 'u3'), capacity: fc.constantFrom(...CASE_MEMBER_CAPACITIES) }), { maxLength: 4 });

  it('holds for any actor, case and membership', () => {
    fc.assert(
      fc.property(arbActor, arbCase, arbMembers, (a, c, m) => {
        const actions = allowedActions(a, c, m);
        if (!actions.has('case.read')) expect(actions.size).toBe(0);
        if (a.role === 'admin') expect(actions.size).toBe(0);
        const restricted = c.handling.tlp === 'RED' || c.handling.tlp === 'AMBER+STRICT';
        if (restricted && a.agencyId !== c.owningAgencyId && !c.namedUserIds.includes(a.userId)) expect(actions.size).toBe(0);
        if (actions.has('victim.identity.read')) {
          expect(['investigator', 'inspector', 'caseworker']).toContain(a.role);
          expect(m.some((x) => x.userId === a.userId && (x.capacity === 'investigator' || x.capacity === 'caseworker'))).toBe(true);
        }
        if (actions.has('case.editHandling') || actions.has('case.manageMembers')) expect(a.agencyId).toBe(c.owningAgencyId);
      }),
      { numRuns: 2000 },
    );
  });
});
