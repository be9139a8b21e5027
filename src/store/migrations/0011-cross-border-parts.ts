/**
 * A check larger than one message (docs/protocol/matching.md §2): each MatchQuery of a check
 * is one row of cross_border_queries, with the check it belongs to and its place in it. The
 * checks recorded before are checks of one part: their check id is their query id.
 */
import { sql } from 'kysely';
import type { StoreMigration } from './migration';
import { text } from './migration';

const migration: StoreMigration = {
  async up(db, dialect) {
    const t = text(dialect);
    await db.schema
      .alterTable('cross_border_queries')
      .addColumn('check_id', t, (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('cross_border_queries')
      .addColumn('part_index', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('cross_border_queries')
      .addColumn('part_count', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await sql`update cross_border_queries set check_id = query_id where check_id = ''`.execute(db);
    // one row per part: a part delivered again under another query id is refused
    await db.schema
      .createIndex('cross_border_queries_part')
      .on('cross_border_queries')
      .columns(['check_id', 'peer_node', 'direction', 'part_index'])
      .unique()
      .execute();
  },
};

export default migration;
