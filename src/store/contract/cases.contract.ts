import { describe, expect, it } from 'vitest';
import type { Case, Tlp } from '../../domain/model';
import type { ContractAdapter } from './adapters';
import { agency, entity, kase, tick, user } from './fixtures';
import { freshStore, rejectsWithCode } from './harness';

export function casesContract(adapter: ContractAdapter): void {
  describe('cases', () => {
    const s = freshStore(adapter);

    it('round-trips a case with its handling, assessments and named users', async () => {
      const c = kase('ag-1', { namedUserIds: ['u-9', 'u-2', 'u-5'] }, 'RED');
      await s.store.cases.create(c);
      expect(await s.store.cases.get(c.id)).toEqual(c);
      expect(await s.store.cases.getByReference(c.reference)).toEqual(c);
      expect(await s.store.cases.get('missing')).toBeUndefined();
    });

    it('refuses a duplicate reference or id', async () => {
      const c = kase('ag-1');
      await s.store.cases.create(c);
      await rejectsWithCode(s.store.cases.create({ ...kase('ag-1'), reference: c.reference }), 'STORE_DUPLICATE');
      await rejectsWithCode(s.store.cases.create({ ...c, reference: 'other' }), 'STORE_DUPLICATE');
    });

    it('updates with optimistic concurrency and replaces the named users', async () => {
      const c = kase('ag-1', { namedUserIds: ['u-1', 'u-2'] });
      await s.store.cases.create(c);
      const next: Case = {
        ...c,
        status: 'investigating',
        title: 'Trabajo forzoso en invernaderos',
        namedUserIds: ['u-3'],
        handling: { ...c.handling, tlp: 'AMBER+STRICT' },
        updatedAt: tick(),
      };
      await s.store.cases.update(next, 1);
      expect(await s.store.cases.get(c.id)).toEqual({ ...next, version: 2 });
      await rejectsWithCode(s.store.cases.update({ ...next, title: 'stale' }, 1), 'STORE_VERSION_CONFLICT');
      await rejectsWithCode(s.store.cases.update({ ...next, id: 'ghost', reference: 'ghost' }, 1), 'STORE_NOT_FOUND');
      const other = kase('ag-1');
      await s.store.cases.create(other);
      await rejectsWithCode(s.store.cases.update({ ...other, reference: c.reference }, 1), 'STORE_DUPLICATE');
    });

    it('gives reference numbers once each per prefix, even concurrently', async () => {
      const numbers = await Promise.all(Array.from({ length: 30 }, () => s.store.cases.nextReferenceNumber('MX-2026-')));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(await s.store.cases.nextReferenceNumber('CA-2026-')).toBe(1);
      expect(await s.store.cases.nextReferenceNumber('MX-2026-')).toBe(31);
    });

    it('keeps subjects, members and links', async () => {
      const a = agency();
      await s.store.agencies.create(a);
      const inv = user(a.id, { role: 'investigator' });
      const cw = user(a.id, { role: 'caseworker' });
      await s.store.users.create(inv);
      await s.store.users.create(cw);
      const c = kase(a.id);
      const c2 = kase(a.id);
      await s.store.cases.create(c);
      await s.store.cases.create(c2);
      const victim = entity(a.id);
      const suspect = entity(a.id, { caption: 'Jean Tremblay' });
      const phone = entity(a.id, { schema: 'Phone', caption: '+15145550100' });
      for (const e of [victim, suspect, phone]) await s.store.entities.create(e);

      const sv = { caseId: c.id, entityId: victim.id, role: 'victim' as const, addedAt: tick() };
      const ss = { caseId: c.id, entityId: suspect.id, role: 'suspect' as const, addedAt: tick() };
      const sw = { caseId: c.id, entityId: suspect.id, role: 'recruiter' as const, addedAt: tick() };
      const s2 = { caseId: c2.id, entityId: suspect.id, role: 'suspect' as const, addedAt: tick() };
      for (const x of [sv, ss, sw, s2, ss]) await s.store.cases.addSubject(x);
      expect(await s.store.cases.listSubjects(c.id)).toEqual([sv, ss, sw]);
      expect(await s.store.cases.listCasesOfEntity(suspect.id)).toEqual([ss, sw, s2]);
      await s.store.cases.removeSubject(c.id, suspect.id, 'recruiter');
      expect(await s.store.cases.listSubjects(c.id)).toEqual([sv, ss]);
      await rejectsWithCode(
        s.store.cases.addSubject({ caseId: c.id, entityId: 'no-entity', role: 'victim', addedAt: tick() }),
        'STORE_NOT_FOUND',
      );

      await s.store.cases.addMember({ caseId: c.id, userId: inv.id, capacity: 'investigator' });
      await s.store.cases.addMember({ caseId: c.id, userId: cw.id, capacity: 'investigator' });
      await s.store.cases.addMember({ caseId: c.id, userId: cw.id, capacity: 'caseworker' });
      const members = await s.store.cases.listMembers(c.id);
      expect(members).toHaveLength(2);
      expect(members.find((m) => m.userId === cw.id)?.capacity).toBe('caseworker');
      await s.store.cases.removeMember(c.id, inv.id);
      expect((await s.store.cases.listMembers(c.id)).map((m) => m.userId)).toEqual([cw.id]);

      const link = { caseId: c.id, entityId: phone.id, addedAt: tick() };
      await s.store.cases.linkEntity(link);
      await s.store.cases.linkEntity({ ...link, addedAt: tick() });
      expect(await s.store.cases.listLinks(c.id)).toEqual([link]);
      await s.store.cases.unlinkEntity(c.id, phone.id);
      expect(await s.store.cases.listLinks(c.id)).toEqual([]);
    });
  });

  describe('case list', () => {
    const s = freshStore(adapter);
    const MX = 'agency-mx';
    const CA = 'agency-ca';
    const tlps: Tlp[] = ['RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR'];

    /** 20 cases: owner alternates MX / CA, TLP cycles, status and type vary. */
    async function seed(): Promise<Case[]> {
      const out: Case[] = [];
      for (let i = 0; i < 20; i++) {
        const c = kase(
          i % 2 ? CA : MX,
          {
            reference: `REF-${String(19 - i).padStart(3, '0')}`,
            status: i % 4 === 0 ? 'closed' : 'open',
            type: i % 3 === 0 ? 'sex_trafficking' : 'forced_labour',
            namedUserIds: i === 1 ? ['mx-analyst'] : [],
          },
          tlps[i % 5] as Tlp,
        );
        await s.store.cases.create(c);
        out.push(c);
      }
      return out;
    }

    it('filters by status, type, tlp and owner, newest first, with totals', async () => {
      const all = await seed();
      const page = await s.store.cases.list({ status: 'open', type: 'forced_labour' });
      const expected = all.filter((c) => c.status === 'open' && c.type === 'forced_labour').reverse();
      expect(page.total).toBe(expected.length);
      expect(page.items.map((c) => c.id)).toEqual(expected.map((c) => c.id));
      expect((await s.store.cases.list({ tlp: 'GREEN' })).total).toBe(4);
      expect((await s.store.cases.list({ owningAgencyId: CA })).items.every((c) => c.owningAgencyId === CA)).toBe(true);
    });

    it('pages with limit and offset, and sorts three ways', async () => {
      const all = await seed();
      const newest = [...all].reverse();
      const p2 = await s.store.cases.list({ limit: 5, offset: 5 });
      expect(p2.total).toBe(20);
      expect(p2.items.map((c) => c.id)).toEqual(newest.slice(5, 10).map((c) => c.id));
      const byRef = await s.store.cases.list({ sort: 'reference_asc', limit: 3 });
      expect(byRef.items.map((c) => c.reference)).toEqual(['REF-000', 'REF-001', 'REF-002']);
      const byCreated = await s.store.cases.list({ sort: 'created_desc', limit: 2 });
      expect(byCreated.items.map((c) => c.id)).toEqual(newest.slice(0, 2).map((c) => c.id));
    });

    it('restricts to given ids, any number of them', async () => {
      const all = await seed();
      const some = [all[3], all[7], all[11]].map((c) => (c as Case).id);
      const page = await s.store.cases.list({ ids: some });
      expect(page.items.map((c) => c.id).sort()).toEqual([...some].sort());
      expect((await s.store.cases.list({ ids: [] })).total).toBe(0);
      const many = [...some, ...Array.from({ length: 5000 }, (_, i) => `unknown-${i}`)];
      expect((await s.store.cases.list({ ids: many })).total).toBe(3);
    });

    it('hides RED and AMBER+STRICT cases from other agencies unless the viewer is named', async () => {
      const all = await seed();
      const restricted = (c: Case) => c.handling.tlp === 'RED' || c.handling.tlp === 'AMBER+STRICT';
      const mxAnalyst = { userId: 'mx-analyst', agencyId: MX };
      const seen = await s.store.cases.list({ visibleTo: mxAnalyst, limit: 100 });
      const expected = all.filter((c) => !restricted(c) || c.owningAgencyId === MX || c.namedUserIds.includes('mx-analyst'));
      expect(seen.total).toBe(expected.length);
      expect(seen.items.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
      // the named CA case is visible to the named MX analyst only
      expect(seen.items.some((c) => c.id === (all[1] as Case).id)).toBe(true);
      const otherMx = await s.store.cases.list({ visibleTo: { userId: 'mx-other', agencyId: MX }, limit: 100 });
      expect(otherMx.items.some((c) => c.id === (all[1] as Case).id)).toBe(false);
      expect(otherMx.total).toBe(expected.length - 1);
      // combined with a filter
      const red = await s.store.cases.list({ visibleTo: { userId: 'x', agencyId: CA }, tlp: 'RED' });
      expect(red.items.every((c) => c.owningAgencyId === CA)).toBe(true);
    });
  });
}
