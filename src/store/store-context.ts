/**
 * How repositories reach the database: through the ambient transaction when there is one
 * (so that nested `store.transaction` calls and plain repository calls made inside a
 * transaction join it), or through the pool / single connection otherwise.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db-types';

export type StoreDialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

/** Runs tasks one after the other (e.g. audit appends inside one transaction). */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** One open transaction. */
export interface TxFrame {
  readonly trx: Transaction<Database>;
  /** serialises audit appends made concurrently inside this transaction */
  readonly auditLock: SerialLock;
}

export class StoreContext {
  constructor(
    readonly dialect: StoreDialect,
    private readonly root: Db,
    private readonly als: AsyncLocalStorage<TxFrame>,
    private readonly bound?: TxFrame,
  ) {}

  /** The transaction this call runs in, if any. */
  frame(): TxFrame | undefined {
    return this.bound ?? this.als.getStore();
  }

  /** The executor for a single statement. */
  db(): Db {
    return this.frame()?.trx ?? this.root;
  }

  /** Runs `fn` in a transaction, joining the current one if there is one. */
  atomic<T>(fn: (db: Db, frame: TxFrame) => Promise<T>): Promise<T> {
    const current = this.frame();
    if (current) {
      if (this.als.getStore() === current) return fn(current.trx, current);
      return this.als.run(current, () => fn(current.trx, current));
    }
    return this.root.transaction().execute((trx) => {
      const frame: TxFrame = { trx, auditLock: new SerialLock() };
      return this.als.run(frame, () => fn(trx, frame));
    });
  }

  /** A context whose calls all run in `frame`. */
  bind(frame: TxFrame): StoreContext {
    return new StoreContext(this.dialect, this.root, this.als, frame);
  }
}
