import { describe, expect, it } from 'vitest';
import { StoreError } from '../ports';
import type { ContractAdapter } from './adapters';
import { agency, session, user } from './fixtures';
import { freshStore, rejectsWithCode } from './harness';

export function accountsContract(adapter: ContractAdapter): void {
  describe('agencies', () => {
    const s = freshStore(adapter);

    it('creates, reads by id and code, lists by code', async () => {
      const b = agency({ code: 'RCMP', country: 'CA', name: 'Gendarmerie royale du Canada' });
      const a = agency({ code: 'FGR' });
      await s.store.agencies.create(b);
      await s.store.agencies.create(a);
      expect(await s.store.agencies.get(a.id)).toEqual(a);
      expect(await s.store.agencies.getByCode('RCMP')).toEqual(b);
      expect(await s.store.agencies.get('nope')).toBeUndefined();
      expect((await s.store.agencies.list()).map((x) => x.code)).toEqual(['FGR', 'RCMP']);
    });

    it('refuses a duplicate code', async () => {
      await s.store.agencies.create(agency({ code: 'HSI' }));
      await rejectsWithCode(s.store.agencies.create(agency({ code: 'HSI' })), 'STORE_DUPLICATE');
    });
  });

  describe('users', () => {
    const s = freshStore(adapter);

    it('round-trips every field and finds by email whatever its case', async () => {
      const a = agency();
      await s.store.agencies.create(a);
      const u = user(a.id, { totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabled: true, lockedUntil: '2026-06-02T00:00:00.000Z' });
      await s.store.users.create(u);
      expect(await s.store.users.get(u.id)).toEqual(u);
      expect(await s.store.users.getByEmail(u.email.toUpperCase())).toEqual(u);
    });

    it('refuses a duplicate email, even in another case', async () => {
      const a = agency();
      await s.store.agencies.create(a);
      await s.store.users.create(user(a.id, { email: 'marie.tremblay@ca.demo' }));
      const err = await s.store.users.create(user(a.id, { email: 'Marie.Tremblay@ca.demo' })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('STORE_DUPLICATE');
    });

    it('refuses a user of an unknown agency', async () => {
      await rejectsWithCode(s.store.users.create(user('no-such-agency')), 'STORE_NOT_FOUND');
    });

    it('lists by agency and applies partial updates', async () => {
      const a = agency();
      const b = agency();
      await s.store.agencies.create(a);
      await s.store.agencies.create(b);
      const u1 = user(a.id, { email: 'a1@mx.demo' });
      const u2 = user(a.id, { email: 'a2@mx.demo' });
      const u3 = user(b.id, { email: 'b1@us.demo' });
      for (const u of [u2, u3, u1]) await s.store.users.create(u);
      expect((await s.store.users.list({ agencyId: a.id })).map((u) => u.email)).toEqual(['a1@mx.demo', 'a2@mx.demo']);
      expect(await s.store.users.list()).toHaveLength(3);

      await s.store.users.update(u1.id, { failedLogins: 3, disabled: true, displayName: 'Ana López' });
      expect(await s.store.users.get(u1.id)).toEqual({ ...u1, failedLogins: 3, disabled: true, displayName: 'Ana López' });
      await rejectsWithCode(s.store.users.update(u1.id, { email: 'A2@mx.demo' }), 'STORE_DUPLICATE');
      await rejectsWithCode(s.store.users.update('ghost', { failedLogins: 1 }), 'STORE_NOT_FOUND');
    });
  });

  describe('sessions', () => {
    const s = freshStore(adapter);

    it('creates, touches, deletes and expires sessions', async () => {
      const a = agency();
      await s.store.agencies.create(a);
      const u = user(a.id);
      const v = user(a.id);
      await s.store.users.create(u);
      await s.store.users.create(v);
      const s1 = session(u.id, { expiresAt: '2026-06-10T00:00:00.000Z' });
      const s2 = session(u.id, { expiresAt: '2026-06-20T00:00:00.000Z' });
      const s3 = session(v.id, { expiresAt: '2026-06-05T00:00:00.000Z' });
      for (const x of [s1, s2, s3]) await s.store.sessions.create(x);
      expect(await s.store.sessions.get(s1.id)).toEqual(s1);

      await s.store.sessions.touch(s1.id, '2026-06-09T00:00:00.000Z', '2026-06-30T00:00:00.000Z');
      expect(await s.store.sessions.get(s1.id)).toMatchObject({
        lastSeenAt: '2026-06-09T00:00:00.000Z',
        expiresAt: '2026-06-30T00:00:00.000Z',
      });

      expect(await s.store.sessions.deleteExpired('2026-06-25T00:00:00.000Z')).toBe(2);
      expect(await s.store.sessions.get(s2.id)).toBeUndefined();
      expect(await s.store.sessions.get(s1.id)).toBeDefined();

      await s.store.sessions.create(s2);
      await s.store.sessions.deleteForUser(u.id);
      expect(await s.store.sessions.get(s1.id)).toBeUndefined();
      expect(await s.store.sessions.get(s2.id)).toBeUndefined();

      await s.store.sessions.create(s3);
      await s.store.sessions.delete(s3.id);
      expect(await s.store.sessions.get(s3.id)).toBeUndefined();
    });
  });

  describe('settings', () => {
    const s = freshStore(adapter);

    it('sets, overwrites and reads settings', async () => {
      expect(await s.store.settings.get('node.country')).toBeUndefined();
      await s.store.settings.set('node.country', 'MX');
      await s.store.settings.set('node.country', 'CA');
      await s.store.settings.set('node.name', 'Nœud du Canada');
      expect(await s.store.settings.get('node.country')).toBe('CA');
      expect(await s.store.settings.get('node.name')).toBe('Nœud du Canada');
    });
  });
}
