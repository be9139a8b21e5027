/**
 * The auditors' ledger entry against what the route builds (the other shapes are checked in
 * src/server/routes/federation.ts). The check runs when the project is type-checked.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { ItemDetail } from '../../../../src/app/federation-views';
import type { LedgerEntry } from './federation-types';

describe('federation shapes', () => {
  it('a ledger entry is an item detail without title and payload', () => {
    expectTypeOf<Omit<ItemDetail, 'title' | 'payload'>>().toExtend<LedgerEntry>();
    expectTypeOf<LedgerEntry>().not.toHaveProperty('payload');
    expectTypeOf<LedgerEntry>().not.toHaveProperty('title');
  });
});
