import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { GENESIS_HASH, chainEntry, verifyChain } from '../../domain/audit-chain';
import type { NewAuditEntry } from '../ports';
import type { SqlStore } from '../sql-store';
import type { ContractAdapter } from './adapters';
import { tick } from './fixtures';
import { freshStore } from './harness';

const entry = (i: number, over: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  at: tick(),
  actorId: `user-${i % 3}`,
  actorLabel: `analyst${i % 3}@mx.demo`,
  action: i % 2 ? 'case.read' : 'victim.identity.read',
  targetType: 'case',
  targetId: `case-${i % 4}`,
  caseId: `case-${i % 4}`,
  detail: { i, reason: 'revisión', nested: { b: [1, 2], a: null } },
  ...over,
});

async function appendMany(store: SqlStore, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) await store.audit.append(entry(i));
}

export function auditContract(adapter: ContractAdapter): void {
  const dropGuards =
    adapter.dialect === 'sqlite'
      ? ['drop trigger audit_log_no_update', 'drop trigger audit_log_no_delete']
      : ['drop trigger audit_log_append_only on audit_log'];

  describe('audit log', () => {
    const s = freshStore(adapter);

    it('appends chained entries and reads them back', async () => {
      const first = await s.store.audit.append(entry(1));
      const second = await s.store.audit.append(entry(2, { actorId: null, actorLabel: 'system', targetType: null, targetId: null, caseId: null }));
      expect(first.seq).toBe(1);
      expect(first.prevHash).toBe(GENESIS_HASH);
      expect(second.seq).toBe(2);
      expect(second.prevHash).toBe(first.hash);
      const page = await s.store.audit.list({});
      expect(page.total).toBe(2);
      expect(page.items).toEqual([second, first]);
      expect(verifyChain([first, second]).ok).toBe(true);
    });

    it('filters the list by actor, case, action (exact or prefix), target and time', async () => {
      await appendMany(s.store, 12);
      const all = (await s.store.audit.list({ limit: 100 })).items;
      const count = async (f: Parameters<SqlStore['audit']['list']>[0]) => (await s.store.audit.list(f)).total;
      expect(await count({ actorId: 'user-1' })).toBe(all.filter((e) => e.actorId === 'user-1').length);
      expect(await count({ caseId: 'case-2' })).toBe(3);
      expect(await count({ targetId: 'case-3' })).toBe(3);
      expect(await count({ action: 'case.read' })).toBe(6);
      expect(await count({ action: 'victim.*' })).toBe(6);
      expect(await count({ action: 'case*' })).toBe(6);
      const mid = all[5]!.at; // seq 7
      expect(await count({ from: mid })).toBe(6);
      expect(await count({ to: mid })).toBe(6);
      const page = await s.store.audit.list({ limit: 5, offset: 5 });
      expect(page.items.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3]);
    });

    it('keeps the chain linear under 200 concurrent appends, from two stores on one database', async () => {
      const other = await adapter.reopen(s.store);
      try {
        await Promise.all(
          Array.from({ length: 200 }, (_, i) => (i % 2 ? other : s.store).audit.append(entry(i))),
        );
      } finally {
        await other.close();
      }
      const v = await s.store.audit.verify();
      expect(v).toMatchObject({ ok: true, count: 200 });
    });

    it('writes appends still pending when the store closes', async () => {
      const other = await adapter.reopen(s.store);
      const pending = Array.from({ length: 50 }, (_, i) => other.audit.append(entry(i)));
      await other.close();
      expect((await Promise.all(pending)).map((e) => e.seq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(await s.store.audit.verify()).toMatchObject({ ok: true, count: 50 });
    });

    it('keeps the chain linear for concurrent appends inside one transaction', async () => {
      await s.store.transaction(async (tx) => {
        await Promise.all(Array.from({ length: 20 }, (_, i) => tx.audit.append(entry(i))));
      });
      expect(await s.store.audit.verify()).toMatchObject({ ok: true, count: 20 });
    });

    it('verifies an intact log and gives its last hash', async () => {
      await appendMany(s.store, 30);
      const last = (await s.store.audit.list({ limit: 1 })).items[0]!;
      expect(await s.store.audit.verify()).toEqual({ ok: true, count: 30, lastHash: last.hash });
    });

    it('refuses UPDATE and DELETE at the database level', async () => {
      await appendMany(s.store, 3);
      await expect(sql`update audit_log set action = 'x' where seq = 2`.execute(s.store.kysely)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log where seq = 3`.execute(s.store.kysely)).rejects.toThrow(/append-only/);
      await expect(adapter.tamper(s.store, ['delete from audit_log'])).rejects.toThrow(/append-only/);
      expect(await s.store.audit.verify()).toMatchObject({ ok: true, count: 3 });
    });

    it('detects an altered entry', async () => {
      await appendMany(s.store, 20);
      await adapter.tamper(s.store, [...dropGuards, `update audit_log set detail = '{"i":8,"reason":"none"}' where seq = 8`]);
      expect(await s.store.audit.verify()).toEqual({ ok: false, count: 7, firstBadSeq: 8, reason: 'altered' });
    });

    it('detects a deleted entry', async () => {
      await appendMany(s.store, 20);
      await adapter.tamper(s.store, [...dropGuards, 'delete from audit_log where seq = 13']);
      expect(await s.store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 13, reason: 'deleted' });
    });

    it('detects a reordered pair', async () => {
      await appendMany(s.store, 20);
      await adapter.tamper(s.store, [
        ...dropGuards,
        'update audit_log set seq = -1 where seq = 11',
        'update audit_log set seq = 11 where seq = 10',
        'update audit_log set seq = 10 where seq = -1',
      ]);
      expect(await s.store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 10, reason: 'reordered' });
    });

    it('detects an entry rewritten with a recomputed hash as a broken link', async () => {
      await appendMany(s.store, 10);
      const e4 = (await s.store.audit.list({ actorId: undefined, limit: 100 })).items.find((e) => e.seq === 4)!;
      const forged = chainEntry(e4.prevHash, { ...e4, action: 'case.read.forged' });
      await adapter.tamper(s.store, [
        ...dropGuards,
        `update audit_log set action = 'case.read.forged', hash = '${forged.hash}' where seq = 4`,
      ]);
      expect(await s.store.audit.verify()).toEqual({ ok: false, count: 4, firstBadSeq: 5, reason: 'broken_link' });
    });

    it('verifies across batch boundaries', async () => {
      const n = 5200; // more than one verify batch of 5000
      const rows = [];
      let prev = GENESIS_HASH;
      for (let seq = 1; seq <= n; seq++) {
        const e = chainEntry(prev, { seq, at: '2026-06-11T00:00:00.000Z', actorId: null, actorLabel: 'system', action: 'bulk', targetType: null, targetId: null, caseId: null, detail: { seq } });
        prev = e.hash;
        rows.push({ seq, at: e.at, actor_id: null, actor_label: 'system', action: 'bulk', target_type: null, target_id: null, case_id: null, detail: JSON.stringify({ seq }), prev_hash: e.prevHash, hash: e.hash });
      }
      for (let i = 0; i < rows.length; i += 500) {
        await s.store.kysely.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
      }
      expect(await s.store.audit.verify()).toEqual({ ok: true, count: n, lastHash: prev });
      await adapter.tamper(s.store, [...dropGuards, 'delete from audit_log where seq = 5100']);
      expect(await s.store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 5100, reason: 'deleted', count: 5099 });
      const next = await s.store.audit.append(entry(1));
      expect(next.seq).toBe(n + 1);
    });
  });
}
