/**
 * Online backup and restore of a SQLite node. The backup uses SQLite's backup API through
 * better-sqlite3, so it is consistent while the node keeps running and writing. A restore
 * checks the backup, refuses to replace a database a running node holds open (its -wal /
 * -shm files exist) unless forced, and swaps the file in atomically.
 * PostgreSQL nodes are backed up with pg_dump / base backups, not here.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AlianzaError } from '../domain/errors';
import type { Store } from './ports';
import { openSqliteFile } from './sqlite-dialect';
import { SqlStore } from './sql-store';

export interface BackupResult {
  file: string;
  pages: number;
}

const REQUIRED_TABLES = ['kysely_migration', 'audit_log', 'cases', 'entities'];

function tempBeside(file: string, tag: string): string {
  return `${file}.${tag}-${process.pid}-${Date.now()}.tmp`;
}

function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

const PAGES_PER_STEP = 1000;
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a node's database (an open SQLite store, or a file) to `destFile`.
 * From an open store, the copy holds the store's connection, so that no write transaction
 * is half-done while pages are copied: queries wait meanwhile (the event loop does not),
 * the copy proceeds PAGES_PER_STEP pages at a time. Do not call it inside a transaction.
 * From a file (another process runs the node), a separate read connection copies every
 * page in one step under one read snapshot: WAL lets the node keep writing meanwhile.
 */
export async function backupSqlite(source: Store | string, destFile: string): Promise<BackupResult> {
  const dest = path.resolve(destFile);
  mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = tempBeside(dest, 'backup');
  try {
    let pages: number;
    if (typeof source === 'string') {
      const handle = openSqliteFile(source, { readonly: true });
      try {
        pages = (await handle.backup(tmp, { progress: () => ALL_PAGES })).totalPages;
      } finally {
        handle.close();
      }
    } else if (source instanceof SqlStore && source.sqliteHandle) {
      const handle = source.sqliteHandle;
      pages = await source.kysely
        .connection()
        .execute(async () => (await handle.backup(tmp, { progress: () => PAGES_PER_STEP })).totalPages);
    } else {
      throw new AlianzaError('STORE_BACKUP_NOT_SQLITE');
    }
    // better-sqlite3 reports a first step refused as busy as an empty, finished copy
    if (!existsSync(tmp) || pages === 0) throw new Error('the backup did not complete');
    removeSidecars(dest);
    renameSync(tmp, dest);
    return { file: dest, pages };
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

function checkBackup(file: string): void {
  if (!existsSync(file)) throw new AlianzaError('STORE_BACKUP_INVALID', { file, detail: 'no such file' });
  let db;
  try {
    db = openSqliteFile(file, { readonly: true });
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity check: ${String(integrity)}`);
    const tables = new Set(
      (db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name),
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new Error(`missing tables: ${missing.join(', ')}`);
  } catch (err) {
    if (err instanceof AlianzaError) throw err;
    throw new AlianzaError('STORE_BACKUP_INVALID', { file, detail: err instanceof Error ? err.message : String(err) });
  } finally {
    db?.close();
  }
}

/** True when a process holds the database open (WAL mode keeps -wal and -shm beside it). */
export function sqliteFileInUse(file: string): boolean {
  return existsSync(file + '-wal') || existsSync(file + '-shm');
}

/**
 * Replaces `destFile` with the content of `backupFile`. Refuses when the target looks open
 * by a running node, unless `force` (then the target's -wal / -shm are discarded: any node
 * still running on it must be stopped and restarted).
 */
export async function restoreSqlite(
  backupFile: string,
  destFile: string,
  opts: { force?: boolean } = {},
): Promise<BackupResult> {
  const src = path.resolve(backupFile);
  const dest = path.resolve(destFile);
  if (src === dest) throw new AlianzaError('STORE_RESTORE_SAME_FILE', { file: dest });
  checkBackup(src);
  if (sqliteFileInUse(dest) && !opts.force) throw new AlianzaError('STORE_RESTORE_TARGET_IN_USE', { file: dest });
  mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = tempBeside(dest, 'restore');
  const db = openSqliteFile(src, { readonly: true });
  try {
    const progress = await db.backup(tmp, { progress: () => ALL_PAGES });
    removeSidecars(dest);
    renameSync(tmp, dest);
    return { file: dest, pages: progress.totalPages };
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    db.close();
  }
}
