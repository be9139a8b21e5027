/**
 * A migration of the node's database: one file per step (NNNN-name.ts), listed in
 * ./index.ts. The same step runs on SQLite and PostgreSQL; `dialect` is given for the rare
 * statement that differs (triggers, collations, table options).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { StoreDialect } from '../store-context';

export interface StoreMigration {
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}

/**
 * The text type of every column: on PostgreSQL with the "C" collation, so that ordering and
 * prefix ranges (`term >= 'nun' AND term < 'nuo'`) compare code points exactly as SQLite does
 * and can use a plain B-tree index whatever the database's locale.
 */
export function text(dialect: StoreDialect): 'text' | RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : 'text';
}

/** SQLite stores a table whose primary key is its whole content without a hidden rowid. */
export function withoutRowid(dialect: StoreDialect): RawBuilder<unknown> {
  return dialect === 'sqlite' ? sql`without rowid` : sql``;
}
