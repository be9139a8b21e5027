import { describe, expect, it } from 'vitest';
import type { ContractAdapter } from './adapters';
import { agency, entity, kase, tick, user } from './fixtures';
import { freshStore, rejectsWithCode } from './harness';

export function transactionsContract(adapter: ContractAdapter): void {
  describe('transactions', () => {
    const s = freshStore(adapter);

    it('commits every write of the function', async () => {
      const a = agency();
      const c = kase(a.id);
      const result = await s.store.transaction(async (tx) => {
        await tx.agencies.create(a);
        await tx.cases.create(c);
        await tx.search.index('case', c.id, ['trabajo', 'forzoso']);
        await tx.audit.append({ at: tick(), actorId: null, actorLabel: 'system', action: 'case.create', targetType: 'case', targetId: c.id, caseId: c.id, detail: {} });
        return 'done';
      });
      expect(result).toBe('done');
      expect(await s.store.cases.get(c.id)).toEqual(c);
      expect(await s.store.search.search([['forzoso']], { limit: 5, all: true })).toHaveLength(1);
      expect((await s.store.audit.list({})).total).toBe(1);
    });

    it('rolls back everything when the function throws', async () => {
      const a = agency();
      const c = kase(a.id);
      const e = entity(a.id);
      await expect(
        s.store.transaction(async (tx) => {
          await tx.agencies.create(a);
          await tx.users.create(user(a.id));
          await tx.entities.create(e);
          await tx.cases.create(c);
          await tx.cases.nextReferenceNumber('MX-');
          await tx.search.index('case', c.id, ['trabajo']);
          await tx.audit.append({ at: tick(), actorId: null, actorLabel: 'system', action: 'case.create', targetType: null, targetId: null, caseId: null, detail: {} });
          await tx.jobs.enqueue('notify', { caseId: c.id });
          await tx.settings.set('k', 'v');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await s.store.agencies.list()).toEqual([]);
      expect(await s.store.users.list()).toEqual([]);
      expect(await s.store.entities.get(e.id)).toBeUndefined();
      expect(await s.store.cases.get(c.id)).toBeUndefined();
      expect(await s.store.search.search([['trabajo']], { limit: 5, all: false })).toEqual([]);
      expect((await s.store.audit.list({})).total).toBe(0);
      expect(await s.store.jobs.counts()).toEqual({ queued: 0, running: 0, done: 0, failed: 0 });
      expect(await s.store.settings.get('k')).toBeUndefined();
      expect(await s.store.cases.nextReferenceNumber('MX-')).toBe(1);
      expect((await s.store.audit.verify()).ok).toBe(true);
    });

    it('rolls back the earlier writes when a later write fails', async () => {
      const c = kase('ag');
      await s.store.cases.create(c);
      const fresh = kase('ag');
      await rejectsWithCode(
        s.store.transaction(async (tx) => {
          await tx.cases.create(fresh);
          await tx.cases.update({ ...c, title: 'stale' }, 7);
        }),
        'STORE_VERSION_CONFLICT',
      );
      expect(await s.store.cases.get(fresh.id)).toBeUndefined();
    });

    it('joins nested transactions and store calls made inside into the outer one', async () => {
      const a = agency();
      const b = agency();
      const c = agency();
      await expect(
        s.store.transaction(async (tx) => {
          await tx.agencies.create(a);
          await s.store.transaction(async (inner) => {
            await inner.agencies.create(b);
          });
          await s.store.agencies.create(c); // the store itself, inside the transaction
          expect((await tx.agencies.list()).length).toBe(3);
          throw new Error('abort all');
        }),
      ).rejects.toThrow('abort all');
      expect(await s.store.agencies.list()).toEqual([]);
    });

    it('lets a caller catch a failed write and go on with the transaction', async () => {
      const a = agency({ code: 'FGR' });
      const b = agency({ code: 'RCMP' });
      await s.store.transaction(async (tx) => {
        await tx.agencies.create(a);
        await rejectsWithCode(tx.agencies.create(agency({ code: 'FGR' })), 'STORE_DUPLICATE');
        await rejectsWithCode(tx.users.create(user('no-such-agency')), 'STORE_NOT_FOUND');
        await tx.agencies.create(b);
      });
      expect((await s.store.agencies.list()).map((x) => x.code)).toEqual(['FGR', 'RCMP']);
    });

    it('undoes only a nested transaction whose failure the caller catches', async () => {
      const a = agency();
      const b = agency();
      const c = agency();
      await s.store.transaction(async (tx) => {
        await tx.agencies.create(a);
        await expect(
          s.store.transaction(async (inner) => {
            await inner.agencies.create(b);
            await tx.settings.set('written-through-the-outer-repositories', 'yes');
            throw new Error('inner fails');
          }),
        ).rejects.toThrow('inner fails');
        await tx.agencies.create(c);
      });
      expect((await s.store.agencies.list()).map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
      expect(await s.store.settings.get('written-through-the-outer-repositories')).toBeUndefined();
    });

    it('keeps transactions apart from each other', async () => {
      const a = agency();
      const b = agency();
      await Promise.allSettled([
        s.store.transaction(async (tx) => {
          await tx.agencies.create(a);
          throw new Error('first fails');
        }),
        s.store.transaction(async (tx) => {
          await tx.agencies.create(b);
        }),
      ]);
      expect((await s.store.agencies.list()).map((x) => x.id)).toEqual([b.id]);
    });
  });
}
