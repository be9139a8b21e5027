/**
 * SQLite through better-sqlite3, tuned for one node per file: WAL journal, foreign keys
 * on, a busy timeout, write transactions that take the write lock at BEGIN (so that two
 * processes on one file wait for each other instead of failing), transactional DDL for
 * migrations, and a cache of prepared statements.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type DialectAdapter,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';

export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
const STATEMENT_CACHE_SIZE = 400;

/** Opens (creating if needed) a node's database file with the pragmas every node uses. */
export function openSqliteFile(file: string, opts: { readonly?: boolean } = {}): BetterSqlite3.Database {
  if (file !== ':memory:' && !opts.readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new BetterSqlite3(file, { readonly: opts.readonly ?? false, timeout: SQLITE_BUSY_TIMEOUT_MS });
  db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  if (!opts.readonly && file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  return db;
}

/** Reuses prepared statements: Kysely prepares every query it runs. */
function withStatementCache(db: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        // keep recently used statements at the end of the map (LRU order)
        cache.delete(sql);
      } else {
        stmt = db.prepare(sql) as unknown as SqliteStatement;
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class NodeSqliteDialect extends SqliteDialect {
  private readonly database: SqliteDatabase;

  constructor(readonly handle: BetterSqlite3.Database) {
    const database = withStatementCache(handle);
    super({ database });
    this.database = database;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
