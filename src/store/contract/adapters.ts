/**
 * The adapters the contract suite runs against: SQLite (a temporary file per store) always;
 * PostgreSQL when DATABASE_URL is set, or when the CI default answers within 2 s — each
 * store in its own schema, dropped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../open-store';
import type { SqlStore } from '../sql-store';

export const CI_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface ContractAdapter {
  name: string;
  dialect: 'sqlite' | 'postgres';
  /** A fresh, empty, migrated store. */
  open(): Promise<SqlStore>;
  /** Another store over the same database (as a second process would have). */
  reopen(store: SqlStore): Promise<SqlStore>;
  /** Runs raw SQL on the store's database from outside the store, as an intruder with file or superuser access. */
  tamper(store: SqlStore, statements: string[]): Promise<void>;
  /** Removes every database the adapter created. */
  cleanup(): Promise<void>;
}

export function sqliteAdapter(): ContractAdapter {
  let dir: string | undefined;
  let n = 0;
  return {
    name: 'sqlite',
    dialect: 'sqlite',
    async open() {
      dir ??= mkdtempSync(path.join(os.tmpdir(), 'alianza-store-'));
      n += 1;
      return openStore({ kind: 'sqlite', file: path.join(dir, `node-${n}.db`) });
    },
    reopen(store) {
      return openStore({ kind: 'sqlite', file: store.sqliteFile as string });
    },
    async tamper(store, statements) {
      const db = new BetterSqlite3(store.sqliteFile as string);
      try {
        for (const s of statements) db.exec(s);
      } finally {
        db.close();
      }
    },
    async cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL URL to test against, or undefined (with the reason printed) to skip. */
export async function findPostgres(fallbackUrl = CI_DATABASE_URL): Promise<string | undefined> {
  const explicit = process.env.DATABASE_URL;
  if (explicit) return explicit; // asked for: run, and fail loudly if it does not answer
  const client = new pg.Client({ connectionString: fallbackUrl, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return fallbackUrl;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    console.warn(
      `PostgreSQL tests skipped: DATABASE_URL is not set and ${fallbackUrl} did not answer within 2 s (${why}).`,
    );
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function postgresAdapter(url: string): ContractAdapter {
  const run = `alianza_t_${process.pid}_${randomBytes(3).toString('hex')}`;
  const schemas: string[] = [];
  const schemaOf = new WeakMap<SqlStore, string>();
  const withClient = async <T>(schema: string | undefined, fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({
      connectionString: url,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    dialect: 'postgres',
    async open() {
      const schema = `${run}_${schemas.length + 1}`;
      schemas.push(schema);
      const store = await openStore({ kind: 'postgres', url, schema });
      schemaOf.set(store, schema);
      return store;
    },
    async reopen(store) {
      const schema = schemaOf.get(store) as string;
      const other = await openStore({ kind: 'postgres', url, schema });
      schemaOf.set(other, schema);
      return other;
    },
    async tamper(store, statements) {
      await withClient(schemaOf.get(store), async (c) => {
        for (const s of statements) await c.query(s);
      });
    },
    async cleanup() {
      if (schemas.length === 0) return;
      await withClient(undefined, async (c) => {
        for (const s of schemas) await c.query(`drop schema if exists "${s}" cascade`);
      });
    },
  };
}

export async function contractAdapters(): Promise<ContractAdapter[]> {
  const url = await findPostgres();
  return url ? [sqliteAdapter(), postgresAdapter(url)] : [sqliteAdapter()];
}
