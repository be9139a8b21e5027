/** The resolution repository on SQLite and, when it answers, PostgreSQL. */
import { afterAll, describe, expect, it } from 'vitest';
import { findPostgres, postgresAdapter, sqliteAdapter, type ContractAdapter } from '../contract/adapters';
import type { NewResolutionPair } from '../ports';
import { StoreError } from '../ports';

const pg = await findPostgres();
const adapters: ContractAdapter[] = [sqliteAdapter(), ...(pg ? [postgresAdapter(pg)] : [])];
afterAll(async () => {
  for (const a of adapters) await a.cleanup();
});

const pair = (a: string, b: string, probability: number): NewResolutionPair => ({
  schema: 'Person',
  leftId: a,
  rightId: b,
  probability,
  weight: 3.5,
  decision: probability >= 0.9 ? 'match' : 'review',
  explanation: { parts: [{ field: 'surname', level: 'exact' }] },
});

describe.each(adapters)('resolution repository on $name', (adapter) => {
  it('keeps decisions across runs, refreshes and removes pending pairs, orders by uncertainty', async () => {
    const store = await adapter.open();
    try {
      const repo = store.resolution;
      const now = '2026-06-01T00:00:00.000Z';
      await repo.createRun({ id: 'r1', status: 'running', requestedBy: 'u1', requestedAt: now, startedAt: now, finishedAt: null, summary: null, error: null });
      // ends are stored in canonical order whatever the order given
      const first = await repo.replacePending('r1', [pair('b', 'a', 0.55), pair('c', 'd', 0.95), pair('e', 'f', 0.7), pair('a', 'b', 0.6)], now);
      expect(first).toEqual({ inserted: 3, updated: 0, removed: 0, alreadyDecided: 0 });
      const pending = await repo.listPairs({ status: 'pending' });
      expect(pending.map((p) => `${p.leftId}${p.rightId}`)).toEqual(['ab', 'ef', 'cd']);
      expect(pending[0]!.explanation).toEqual({ parts: [{ field: 'surname', level: 'exact' }] });

      const ef = pending[1]!;
      await repo.decidePair(ef.id, 'pending', { status: 'rejected', decidedBy: 'u1', decidedAt: now, note: 'different mothers', mergeId: null });
      await expect(repo.decidePair(ef.id, 'pending', { status: 'confirmed', decidedBy: 'u2', decidedAt: now, note: null, mergeId: null })).rejects.toMatchObject({ code: 'STORE_VERSION_CONFLICT' });
      await expect(repo.decidePair('nope', 'pending', { status: 'confirmed', decidedBy: 'u2', decidedAt: now, note: null, mergeId: null })).rejects.toBeInstanceOf(StoreError);

      await repo.createRun({ id: 'r2', status: 'running', requestedBy: 'u1', requestedAt: '2026-06-02T00:00:00.000Z', startedAt: null, finishedAt: null, summary: null, error: null });
      const second = await repo.replacePending('r2', [pair('a', 'b', 0.8), pair('e', 'f', 0.51), pair('g', 'h', 0.5)], now);
      expect(second).toEqual({ inserted: 1, updated: 1, removed: 1, alreadyDecided: 1 });
      expect((await repo.listPairs({ status: 'pending' })).map((p) => `${p.leftId}${p.rightId}:${p.probability}`)).toEqual(['gh:0.5', 'ab:0.8']);
      expect((await repo.listPairs({ status: 'rejected' }))[0]).toMatchObject({ leftId: 'e', rightId: 'f', note: 'different mothers', runId: 'r1' });
      expect(await repo.labels()).toEqual([{ leftId: 'e', rightId: 'f', match: false, mergeId: null }]);
      expect((await repo.listPairs({ status: 'pending', entityId: 'h' })).length).toBe(1);
      expect((await repo.latestRun())?.id).toBe('r2');
      await repo.updateRun('r2', { status: 'done', summary: { proposed: 1 } });
      expect(await repo.getRun('r2')).toMatchObject({ status: 'done', summary: { proposed: 1 } });
    } finally {
      await store.close();
    }
  });

  it('records merges, finds tombstones and refuses a second undo', async () => {
    const store = await adapter.open();
    try {
      const repo = store.resolution;
      const at = '2026-06-01T00:00:00.000Z';
      await repo.createMerge({ id: 'm1', pairId: 'p1', survivorId: 's', mergedId: 'x', status: 'active', history: { before: 1 }, mergedBy: 'u1', mergedAt: at, undoneBy: null, undoneAt: null });
      expect(await repo.mergedIds()).toEqual(['x']);
      expect((await repo.mergesOf('s')).into.map((m) => m.id)).toEqual(['m1']);
      expect((await repo.mergesOf('x')).of?.history).toEqual({ before: 1 });
      await repo.markUndone('m1', 'u2', at);
      await expect(repo.markUndone('m1', 'u2', at)).rejects.toMatchObject({ code: 'STORE_VERSION_CONFLICT' });
      expect(await repo.mergedIds()).toEqual([]);
      expect(await repo.getMerge('m1')).toMatchObject({ status: 'undone', undoneBy: 'u2' });
    } finally {
      await store.close();
    }
  });

  it('joins the store transaction: a failed transaction leaves no pair behind', async () => {
    const store = await adapter.open();
    try {
      await expect(
        store.transaction(async (tx) => {
          await tx.resolution!.replacePending('r1', [pair('a', 'b', 0.6)], '2026-06-01T00:00:00.000Z');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.resolution.listPairs({ status: 'pending' })).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
