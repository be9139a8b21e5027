/**
 * Opens a node's store and brings its schema up to date.
 *   { kind: 'sqlite', file }        one file per node (the embedded default)
 *   { kind: 'postgres', url, schema? }  PostgreSQL; `schema` isolates a node (or a test run)
 *                                   inside a shared database through search_path.
 */
import { Kysely, Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { AlianzaError } from '../domain/errors';
import type { Database } from './db-types';
import { MIGRATIONS } from './migrations/index';
import { NodePostgresDialect } from './postgres-dialect';
import { NodeSqliteDialect, openSqliteFile } from './sqlite-dialect';
import { SqlStore } from './sql-store';
import type { StoreDialect } from './store-context';

export type StoreConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const PG_POOL_SIZE = 10;
const PG_CONNECT_TIMEOUT_MS = 10_000;

function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) {
        out[name] = { up: (db) => m.up(db, dialect) };
      }
      return out;
    },
  };
}

/** Applies every pending migration; per-item results, first failure reported. */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: StoreDialect,
  migrationTableSchema?: string,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const detail = error instanceof Error ? error.message : String(error);
    throw new AlianzaError('STORE_MIGRATION_FAILED', { migration: failed, detail });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function openSqlite(file: string): Promise<SqlStore> {
  if (!file) throw new AlianzaError('STORE_CONFIG_INVALID', { detail: 'empty SQLite file name' });
  const handle = openSqliteFile(file);
  const db = new Kysely<Database>({ dialect: new NodeSqliteDialect(handle) });
  try {
    await migrateToLatest(db, 'sqlite');
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new SqlStore('sqlite', db, handle, file);
}

async function openPostgres(url: string, schema: string | undefined): Promise<SqlStore> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new AlianzaError('STORE_CONFIG_INVALID', { detail: `bad schema name "${schema}"` });
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: PG_POOL_SIZE,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection that breaks must not crash the node; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new NodePostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy();
    throw new AlianzaError('STORE_UNREACHABLE', { detail: err instanceof Error ? err.message : String(err) });
  }
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    // Kysely looks for its migration tables in every schema unless told which one is ours.
    const { rows } = await sql<{ s: string | null }>`select current_schema() as s`.execute(db);
    await migrateToLatest(db, 'postgres', rows[0]?.s ?? 'public');
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new SqlStore('postgres', db);
}

export async function openStore(config: StoreConfig): Promise<SqlStore> {
  switch (config.kind) {
    case 'sqlite':
      return openSqlite(config.file);
    case 'postgres':
      return openPostgres(config.url, config.schema);
    default:
      throw new AlianzaError('STORE_CONFIG_INVALID', { detail: `unknown kind ${(config as { kind: unknown }).kind}` });
  }
}
