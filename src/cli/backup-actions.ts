/**
 * The work of `alianza backup` and `alianza restore` for SQLite nodes. A backup uses SQLite's
 * online backup API: consistent while the node runs and writes. A restore refuses to replace
 * an existing database unless --force (and then the node must be stopped). PostgreSQL nodes
 * are backed up with pg_dump (README, "Backups").
 */
import { chmodSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AlianzaError } from '../domain/errors';
import { loadConfig } from '../server/config';
import { dbFile, nodeExists } from '../server/node-files';
import { backupSqlite, restoreSqlite } from '../store/backup';
import type { BackupCommandOptions, RestoreCommandOptions } from './data-commands';
import { cliLocale, cliMessage } from './messages';

export async function backupCommand(o: BackupCommandOptions): Promise<void> {
  const locale = cliLocale();
  const config = loadConfig({ ...process.env, ALIANZA_DATA: o.data });
  if (config.databaseUrl) {
    console.log(cliMessage('BACKUP_POSTGRES', locale));
    return;
  }
  const db = dbFile(config.dataDir);
  if (!nodeExists(config.dataDir) || !existsSync(db)) throw new AlianzaError('NODE_MISSING', { dir: config.dataDir });
  const out = path.resolve(o.out);
  if (out === db) throw new AlianzaError('STORE_RESTORE_SAME_FILE', { file: out });
  const result = await backupSqlite(db, out);
  chmodSync(result.file, 0o600);
  console.log(cliMessage('BACKUP_DONE', locale, { file: result.file, size: `${(statSync(result.file).size / 1048576).toFixed(1)} MiB` }));
  console.log(cliMessage('BACKUP_SECRETS_NOTE', locale, { dir: path.join(config.dataDir, 'secrets') }));
}

export async function restoreCommand(o: RestoreCommandOptions): Promise<void> {
  const locale = cliLocale();
  const config = loadConfig({ ...process.env, ALIANZA_DATA: o.data });
  if (config.databaseUrl) {
    console.log(cliMessage('BACKUP_POSTGRES', locale));
    return;
  }
  if (!existsSync(o.from)) throw new AlianzaError('CLI_FILE_NOT_FOUND', { file: o.from });
  const db = dbFile(config.dataDir);
  if (existsSync(db) && !o.force) throw new AlianzaError('CLI_RESTORE_EXISTS', { file: db });
  const result = await restoreSqlite(o.from, db, { force: !!o.force });
  chmodSync(result.file, 0o600);
  console.log(cliMessage('RESTORE_DONE', locale, { file: o.from, dir: config.dataDir }));
  if (!nodeExists(config.dataDir)) console.log(cliMessage('RESTORE_NO_IDENTITY', locale, { dir: config.dataDir }));
}
