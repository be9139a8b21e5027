/**
 * How repositories reach the database: through the ambient transaction when there is one
 * (so that nested `store.transaction` calls and plain repository calls made inside a
 * transaction join it), or through the pool / single connection otherwise.
 *
 * A unit of work that joins a transaction runs inside a SAVEPOINT: if it fails, only its
 * own statements are undone, and a caller that catches the error (say, a duplicate) can go
 * on with the transaction — on PostgreSQL too, where a failed statement would otherwise
 * abort the whole transaction. Units joining the same transaction run one after another.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './db-types';

export type StoreDialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

/** Runs tasks one after the other. */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** One open transaction, or one savepoint inside it. */
export interface TxFrame {
  readonly trx: Transaction<Database>;
  readonly parent: TxFrame | undefined;
  /** serialises the units that join this frame */
  readonly lock: SerialLock;
  /** savepoint names, shared by the whole transaction */
  readonly savepoints: { n: number };
}

function within(frame: TxFrame, ancestor: TxFrame): boolean {
  for (let f: TxFrame | undefined = frame; f; f = f.parent) if (f === ancestor) return true;
  return false;
}

export class StoreContext {
  constructor(
    readonly dialect: StoreDialect,
    private readonly root: Db,
    private readonly als: AsyncLocalStorage<TxFrame>,
    private readonly bound?: TxFrame,
  ) {}

  /** The transaction (or savepoint) this call runs in, if any. */
  frame(): TxFrame | undefined {
    const ambient = this.als.getStore();
    if (!this.bound) return ambient;
    // repositories bound to a transaction, used inside one of its savepoints, join the savepoint
    return ambient && within(ambient, this.bound) ? ambient : this.bound;
  }

  /** The executor for a single statement. */
  db(): Db {
    return this.frame()?.trx ?? this.root;
  }

  /** Runs `fn` all or nothing: in a new transaction, or in a savepoint of the current one. */
  atomic<T>(fn: (db: Db, frame: TxFrame) => Promise<T>): Promise<T> {
    const current = this.frame();
    if (current) return this.savepoint(current, fn);
    return this.root.transaction().execute((trx) => {
      const frame: TxFrame = { trx, parent: undefined, lock: new SerialLock(), savepoints: { n: 0 } };
      return this.als.run(frame, () => fn(trx, frame));
    });
  }

  /**
   * A single write that may fail on a constraint: inside a transaction it gets a savepoint
   * (see above); outside, it runs as one statement, atomic by itself.
   */
  write<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const current = this.frame();
    return current ? this.savepoint(current, (db) => fn(db)) : fn(this.root);
  }

  /** A context whose calls all run in `frame`. */
  bind(frame: TxFrame): StoreContext {
    return new StoreContext(this.dialect, this.root, this.als, frame);
  }

  private savepoint<T>(current: TxFrame, fn: (db: Db, frame: TxFrame) => Promise<T>): Promise<T> {
    return current.lock.run(async () => {
      const trx = current.trx;
      const name = sql.id(`sp_${(current.savepoints.n += 1)}`);
      await sql`savepoint ${name}`.execute(trx);
      const child: TxFrame = { trx, parent: current, lock: new SerialLock(), savepoints: current.savepoints };
      let result: T;
      try {
        result = await this.als.run(child, () => fn(trx, child));
      } catch (err) {
        try {
          await sql`rollback to savepoint ${name}`.execute(trx);
          await sql`release savepoint ${name}`.execute(trx);
        } catch {
          // the transaction itself is lost; the original error says why
        }
        throw err;
      }
      await sql`release savepoint ${name}`.execute(trx);
      return result;
    });
  }
}
