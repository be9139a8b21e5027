import { afterEach, beforeEach } from 'vitest';
import type { SqlStore } from '../sql-store';
import type { ContractAdapter } from './adapters';

/** A fresh store for every test of the enclosing describe. */
export function freshStore(adapter: ContractAdapter): { readonly store: SqlStore } {
  const ref = {} as { store: SqlStore };
  beforeEach(async () => {
    ref.store = await adapter.open();
  });
  afterEach(async () => {
    await ref.store.close();
  });
  return ref;
}

/** Expects a promise to reject with a store error of the given code. */
export async function rejectsWithCode(p: Promise<unknown>, code: string): Promise<void> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  if (caught === undefined) throw new Error(`expected ${code}, but the call succeeded`);
  const actual = (caught as { code?: unknown }).code;
  if (actual !== code) throw new Error(`expected ${code}, got ${String(actual)}: ${String(caught)}`);
}
