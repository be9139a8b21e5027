/**
 * SQLite through better-sqlite3, tuned for one node per file: WAL journal, foreign keys
 * on, a busy timeout that never blocks the event loop, write transactions that take the
 * write lock at BEGIN (so that two writers on one file wait for each other instead of
 * failing half-way), transactional DDL for migrations, and a cache of prepared statements.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
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

const BUSY_RETRY_MAX_DELAY_MS = 50;
/** A loop of queries yields to the event loop at least this often (HTTP, timers, online backup). */
const YIELD_EVERY_MS = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const isBusy = (err: unknown): boolean =>
  typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('SQLITE_BUSY');

/**
 * The single connection of a node to its file. better-sqlite3 is synchronous: its own busy
 * handler would sleep the whole event loop while another connection (another process, or
 * another store on the same file) holds the write lock — and, within one process, keep that
 * holder from ever finishing. So the busy timeout is 0 and a statement refused with
 * SQLITE_BUSY (which has changed nothing) is retried after an asynchronous pause instead.
 */
class NodeSqliteConnection implements DatabaseConnection {
  private readonly cache = new Map<string, BetterSqlite3.Statement>();
  private lastYield = performance.now();

  constructor(private readonly db: BetterSqlite3.Database) {}

  private prepare(sqlText: string): BetterSqlite3.Statement {
    let stmt = this.cache.get(sqlText);
    if (stmt) {
      this.cache.delete(sqlText); // re-inserted below: the map keeps LRU order
    } else {
      stmt = this.db.prepare(sqlText);
      if (this.cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
    }
    this.cache.set(sqlText, stmt);
    return stmt;
  }

  private run<R>(compiled: CompiledQuery): QueryResult<R> {
    const stmt = this.prepare(compiled.sql);
    const params = compiled.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(params) as R[] };
    const { changes, lastInsertRowid } = stmt.run(params);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Each query completes synchronously: without this, a long loop of store calls would
    // run as one unbroken chain of microtasks and starve everything else in the process.
    if (performance.now() - this.lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.lastYield = performance.now();
    }
    const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
    let delay = 1;
    for (;;) {
      try {
        return this.run<R>(compiled);
      } catch (err) {
        if (!isBusy(err) || Date.now() >= deadline) throw err;
        await sleep(delay);
        delay = Math.min(delay * 2, BUSY_RETRY_MAX_DELAY_MS);
      }
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const stmt = this.db.prepare(compiled.sql);
    for (const row of stmt.iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}

/** One connection, handed to one user at a time (a transaction keeps it until it ends). */
class ConnectionMutex {
  private tail: Promise<void> = Promise.resolve();

  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}

class NodeSqliteDriver implements Driver {
  private readonly connection: NodeSqliteConnection;
  private readonly mutex = new ConnectionMutex();
  private release: (() => void) | undefined;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.connection = new NodeSqliteConnection(db);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.mutex.lock();
    return this.connection;
  }

  /** Takes the write lock at BEGIN: a transaction never fails half-way for want of it. */
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    try {
      this.db.pragma('optimize'); // refreshes planner statistics where they have drifted
    } catch {
      // a busy or read-only database keeps its statistics
    }
    this.db.close();
  }
}

/** SQLite supports transactional DDL: migrations run all or nothing. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class NodeSqliteDialect implements Dialect {
  constructor(readonly handle: BetterSqlite3.Database) {
    handle.pragma('busy_timeout = 0'); // retried asynchronously, see NodeSqliteConnection
    if (!handle.readonly) {
      try {
        handle.pragma('optimize = 0x10002'); // gathers planner statistics a long-lived connection needs
      } catch {
        // busy: statistics come with a later open or close
      }
    }
  }

  createDriver(): Driver {
    return new NodeSqliteDriver(this.handle);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
