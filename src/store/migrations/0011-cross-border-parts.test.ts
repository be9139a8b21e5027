import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Kysely, Migrator, sql, type Migration } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store';
import { NodeSqliteDialect, openSqliteFile } from '../sqlite-dialect';
import { MIGRATIONS } from './index';

const dir = mkdtempSync(path.join(os.tmpdir(), 'alianza-0011-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('0011: checks in parts', () => {
  it('keeps the checks recorded before as checks of one part, their check id their query id', async () => {
    const file = path.join(dir, 'node.db');
    // a node's database as it was before: migrated up to 0010, with a check sent and one received
    const db = new Kysely<unknown>({ dialect: new NodeSqliteDialect(openSqliteFile(file)) });
    const before = Object.entries(MIGRATIONS).filter(([name]) => name < '0011');
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => Object.fromEntries(before.map(([name, m]): [string, Migration] => [name, { up: (k) => m.up(k, 'sqlite') }])) },
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const [sent, received] = [randomUUID(), randomUUID()];
    await sql`insert into cross_border_queries (query_id, peer_node, direction, secret_fingerprint, records, hits, status, created_at, answered_at, requested_by)
      values (${sent}, 'ca', 'sent', ${'a'.repeat(32)}, 12, 2, 'answered', '2026-06-01T10:00:00.000Z', '2026-06-01T10:00:05.000Z', 'analyst@mx.demo'),
             (${received}, 'us', 'received', ${'a'.repeat(32)}, 7, 1, 'answered', '2026-06-02T10:00:00.000Z', '2026-06-02T10:00:01.000Z', null)`.execute(db);
    await db.destroy();

    const store = await openStore({ kind: 'sqlite', file });
    try {
      const x = store.crossBorder!;
      expect(await x.getQuery(sent)).toMatchObject({ queryId: sent, checkId: sent, partIndex: 0, partCount: 1, records: 12 });
      const checks = (await x.listChecks({})).items;
      expect(checks.map((c) => [c.checkId, c.direction, c.status, c.records, c.hits])).toEqual([
        [received, 'received', 'answered', 7, 1],
        [sent, 'sent', 'answered', 12, 2],
      ]);
      // a second part of an old check would need another index: index 0 is taken
      await expect(x.createQuery({ ...(await x.getQuery(sent))!, queryId: randomUUID() })).rejects.toMatchObject({ code: 'STORE_DUPLICATE' });
    } finally {
      await store.close();
    }
  });
});
