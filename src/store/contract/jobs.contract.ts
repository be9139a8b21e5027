import { describe, expect, it } from 'vitest';
import type { ContractAdapter } from './adapters';
import { freshStore, rejectsWithCode } from './harness';

const T0 = '2026-06-11T12:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

export function jobsContract(adapter: ContractAdapter): void {
  describe('jobs', () => {
    const s = freshStore(adapter);

    it('claims the oldest due job of the asked kinds, with its payload', async () => {
      const late = await s.store.jobs.enqueue('outbox.send', { to: 'CA' }, { runAt: at(2000) });
      const early = await s.store.jobs.enqueue('outbox.send', { to: 'US', n: [1, 2] }, { runAt: at(1000) });
      await s.store.jobs.enqueue('linkage.run', {}, { runAt: at(0) });
      const future = await s.store.jobs.enqueue('outbox.send', {}, { runAt: at(60_000) });

      const j1 = await s.store.jobs.claim(['outbox.send'], at(5000), 30_000);
      expect(j1).toEqual({ id: early, kind: 'outbox.send', payload: { to: 'US', n: [1, 2] }, runAt: at(1000), attempts: 1, lastError: null, status: 'running' });
      expect((await s.store.jobs.claim(['outbox.send'], at(5000), 30_000))?.id).toBe(late);
      expect(await s.store.jobs.claim(['outbox.send'], at(5000), 30_000)).toBeUndefined();
      expect(await s.store.jobs.claim([], at(5000), 30_000)).toBeUndefined();
      // at 61 s the leases of the first two claims have run out: the oldest comes back before the newly due one
      expect((await s.store.jobs.claim(['outbox.send'], at(61_000), 1000))?.id).toBe(early);
      expect(future).toBeTruthy();
      expect(await s.store.jobs.counts()).toEqual({ queued: 2, running: 2, done: 0, failed: 0 });
    });

    it('completes, retries and fails jobs', async () => {
      const id = await s.store.jobs.enqueue('referral.notify', { referral: 'r-1' }, { runAt: T0 });
      await s.store.jobs.claim(['referral.notify'], T0, 10_000);
      await s.store.jobs.fail(id, 'peer unreachable', at(5000));
      expect(await s.store.jobs.claim(['referral.notify'], at(4000), 10_000)).toBeUndefined();
      const again = await s.store.jobs.claim(['referral.notify'], at(5000), 10_000);
      expect(again).toMatchObject({ id, attempts: 2, lastError: 'peer unreachable', runAt: at(5000) });
      await s.store.jobs.fail(id, 'gave up', null);
      expect(await s.store.jobs.counts()).toEqual({ queued: 0, running: 0, done: 0, failed: 1 });
      expect(await s.store.jobs.claim(['referral.notify'], at(999_999), 10_000)).toBeUndefined();

      const ok = await s.store.jobs.enqueue('referral.notify', {}, { runAt: T0 });
      await s.store.jobs.claim(['referral.notify'], T0, 10_000);
      await s.store.jobs.complete(ok);
      expect(await s.store.jobs.counts()).toMatchObject({ done: 1, failed: 1 });
      await rejectsWithCode(s.store.jobs.complete('ghost'), 'STORE_NOT_FOUND');
    });

    it('gives a job whose lease ran out to another worker', async () => {
      const id = await s.store.jobs.enqueue('stats.publish', {}, { runAt: T0 });
      expect((await s.store.jobs.claim(['stats.publish'], T0, 1000))?.id).toBe(id);
      expect(await s.store.jobs.claim(['stats.publish'], at(999), 1000)).toBeUndefined();
      expect(await s.store.jobs.claim(['stats.publish'], at(1000), 1000)).toMatchObject({ id, attempts: 2 });
    });

    it('refuses a duplicate job id', async () => {
      await s.store.jobs.enqueue('x', {}, { id: 'job-1' });
      await rejectsWithCode(s.store.jobs.enqueue('x', {}, { id: 'job-1' }), 'STORE_DUPLICATE');
    });

    it('hands each job to exactly one of many concurrent claimers', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 40; i++) ids.add(await s.store.jobs.enqueue('inbox.apply', { i }, { runAt: T0 }));
      const other = await adapter.reopen(s.store);
      try {
        const claimed: string[] = [];
        const worker = async (n: number) => {
          const store = n % 2 ? other : s.store;
          for (;;) {
            const job = await store.jobs.claim(['inbox.apply'], at(1000), 60_000);
            if (!job) return;
            claimed.push(job.id);
          }
        };
        await Promise.all(Array.from({ length: 8 }, (_, n) => worker(n)));
        expect(claimed).toHaveLength(40);
        expect(new Set(claimed)).toEqual(ids);
      } finally {
        await other.close();
      }
    });
  });
}
