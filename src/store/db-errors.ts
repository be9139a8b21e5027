/** Turns driver errors into the store's stable errors. */
import { StoreError } from './ports';

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

function classify(err: unknown): 'duplicate' | 'missing_reference' | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as DriverError).code;
  // better-sqlite3 extended result codes; PostgreSQL SQLSTATE
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') {
    return 'duplicate';
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return 'missing_reference';
  return undefined;
}

/** Runs a write and reports unique / foreign-key violations as StoreError. */
export async function guardWrite<T>(what: string, id: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const kind = classify(err);
    if (kind === 'duplicate') throw new StoreError('STORE_DUPLICATE', `${what} ${id} already exists`, { what, id });
    if (kind === 'missing_reference') {
      throw new StoreError('STORE_NOT_FOUND', `${what} ${id} refers to a record that does not exist`, { what, id });
    }
    throw err;
  }
}

export function notFound(what: string, id: string): StoreError {
  return new StoreError('STORE_NOT_FOUND', `${what} ${id} not found`, { what, id });
}

/** After an optimistic update touched no row: tells a missing record from a stale version. */
export function versionConflict(what: string, id: string, expected: number, actual: number): StoreError {
  return new StoreError('STORE_VERSION_CONFLICT', `${what} ${id} is at version ${actual}, not ${expected}`, {
    what,
    id,
    expected,
    actual,
  });
}

/** Counts come back as numbers (SQLite) or strings / bigints (PostgreSQL bigint). */
export function toCount(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

/** Rows per INSERT: keeps well under SQLite's and PostgreSQL's bound-parameter limits. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
