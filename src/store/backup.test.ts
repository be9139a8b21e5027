import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupSqlite, restoreSqlite } from './backup';
import { agency, kase, tick } from './contract/fixtures';
import { openStore } from './open-store';
import type { Store } from './ports';
import type { SqlStore } from './sql-store';

const append = (store: Store, i: number) =>
  store.audit.append({
    at: tick(),
    actorId: 'u-1',
    actorLabel: 'auditor@ca.demo',
    action: 'case.read',
    targetType: 'case',
    targetId: `c-${i}`,
    caseId: null,
    detail: { i },
  });

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe('SQLite backup and restore', () => {
  let dir: string;
  let store: SqlStore;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'alianza-backup-'));
    file = path.join(dir, 'node.db');
    store = await openStore({ kind: 'sqlite', file });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up a running node and restores exactly what the backup held', async () => {
    const a = agency();
    const before = kase(a.id);
    await store.agencies.create(a);
    await store.cases.create(before);
    for (let i = 0; i < 5; i++) await append(store, i);

    const backup = path.join(dir, 'backups', 'node-1.db');
    const result = await backupSqlite(store, backup);
    expect(result.file).toBe(backup);
    expect(result.pages).toBeGreaterThan(0);

    const after = kase(a.id);
    await store.cases.create(after); // written after the backup: must not come back

    const restoredFile = path.join(dir, 'restored.db');
    await restoreSqlite(backup, restoredFile);
    const restored = await openStore({ kind: 'sqlite', file: restoredFile });
    try {
      expect(await restored.cases.get(before.id)).toEqual(before);
      expect(await restored.cases.get(after.id)).toBeUndefined();
      expect(await restored.audit.verify()).toMatchObject({ ok: true, count: 5 });
    } finally {
      await restored.close();
    }
  });

  it('takes a consistent copy while appends keep coming', async () => {
    await store.transaction(async (tx) => {
      for (let i = 0; i < 1500; i++) await append(tx as Store, i);
    });
    const backup = path.join(dir, 'busy.db');
    let writing = true;
    const writer = (async () => {
      let i = 0;
      while (writing) await append(store, 10_000 + i++); // the store yields to the backup's steps
    })();
    await backupSqlite(store, backup);
    writing = false;
    await writer;
    const copy = await openStore({ kind: 'sqlite', file: backup });
    try {
      const v = await copy.audit.verify();
      expect(v.ok).toBe(true);
      expect(v.count).toBeGreaterThanOrEqual(1500);
    } finally {
      await copy.close();
    }
  });

  it('backs up from a file path too', async () => {
    await store.agencies.create(agency({ code: 'RCMP' }));
    const backup = path.join(dir, 'from-path.db');
    await backupSqlite(file, backup);
    const copy = await openStore({ kind: 'sqlite', file: backup });
    try {
      expect((await copy.agencies.getByCode('RCMP'))?.code).toBe('RCMP');
    } finally {
      await copy.close();
    }
  });

  it('refuses to overwrite the file of a running node unless forced', async () => {
    const backup = path.join(dir, 'b.db');
    await backupSqlite(store, backup);
    expect(await codeOf(restoreSqlite(backup, file))).toBe('STORE_RESTORE_TARGET_IN_USE');

    const stopped = path.join(dir, 'stopped.db');
    const other = await openStore({ kind: 'sqlite', file: stopped });
    await other.agencies.create(agency({ code: 'GONE' }));
    await other.close();
    writeFileSync(stopped + '-wal', 'stale'); // left behind by a crash
    expect(await codeOf(restoreSqlite(backup, stopped))).toBe('STORE_RESTORE_TARGET_IN_USE');
    await restoreSqlite(backup, stopped, { force: true });
    expect(existsSync(stopped + '-wal')).toBe(false);
    const reopened = await openStore({ kind: 'sqlite', file: stopped });
    try {
      expect(await reopened.agencies.getByCode('GONE')).toBeUndefined();
    } finally {
      await reopened.close();
    }
  });

  it('refuses files that are not backups of a node, and restoring a file onto itself', async () => {
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just text');
    expect(await codeOf(restoreSqlite(junk, path.join(dir, 'x.db')))).toBe('STORE_BACKUP_INVALID');
    expect(await codeOf(restoreSqlite(path.join(dir, 'missing.db'), path.join(dir, 'x.db')))).toBe('STORE_BACKUP_INVALID');
    const backup = path.join(dir, 'b.db');
    await backupSqlite(store, backup);
    expect(await codeOf(restoreSqlite(backup, backup))).toBe('STORE_RESTORE_SAME_FILE');
    expect(await codeOf(backupSqlite({} as Store, path.join(dir, 'y.db')))).toBe('STORE_BACKUP_NOT_SQLITE');
  });
});
