/**
 * Entity resolution inside the node: the runs (as jobs), the candidate pairs they find with
 * their probability and per-field explanation (never the compared values: those stay in
 * the entities), the reviewers' decisions, and the merges with the history an undo needs.
 * A merged entity stays in `entities` as an empty tombstone; `resolution_merges` points it
 * to the survivor.
 */
import type { StoreMigration } from './migration';
import { text } from './migration';

const migration: StoreMigration = {
  async up(db, dialect) {
    const t = text(dialect);
    await db.schema
      .createTable('resolution_runs')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('requested_by', t, (c) => c.notNull())
      .addColumn('requested_at', t, (c) => c.notNull())
      .addColumn('started_at', t)
      .addColumn('finished_at', t)
      .addColumn('summary', t)
      .addColumn('error', t)
      .execute();
    await db.schema.createIndex('resolution_runs_requested').on('resolution_runs').columns(['requested_at', 'id']).execute();

    await db.schema
      .createTable('resolution_pairs')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('run_id', t, (c) => c.notNull())
      .addColumn('schema', t, (c) => c.notNull())
      .addColumn('left_id', t, (c) => c.notNull())
      .addColumn('right_id', t, (c) => c.notNull())
      .addColumn('probability', 'double precision', (c) => c.notNull())
      .addColumn('weight', 'double precision')
      .addColumn('uncertainty', 'double precision', (c) => c.notNull())
      .addColumn('decision', t, (c) => c.notNull())
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('explanation', t, (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .addColumn('decided_by', t)
      .addColumn('decided_at', t)
      .addColumn('note', t)
      .addColumn('merge_id', t)
      .addUniqueConstraint('resolution_pairs_ends', ['left_id', 'right_id'])
      .execute();
    await db.schema.createIndex('resolution_pairs_queue').on('resolution_pairs').columns(['status', 'uncertainty', 'id']).execute();
    await db.schema.createIndex('resolution_pairs_right').on('resolution_pairs').column('right_id').execute();

    await db.schema
      .createTable('resolution_merges')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('pair_id', t, (c) => c.notNull())
      .addColumn('survivor_id', t, (c) => c.notNull())
      .addColumn('merged_id', t, (c) => c.notNull())
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('history', t, (c) => c.notNull())
      .addColumn('merged_by', t, (c) => c.notNull())
      .addColumn('merged_at', t, (c) => c.notNull())
      .addColumn('undone_by', t)
      .addColumn('undone_at', t)
      .execute();
    await db.schema.createIndex('resolution_merges_merged').on('resolution_merges').columns(['merged_id', 'status']).execute();
    await db.schema.createIndex('resolution_merges_survivor').on('resolution_merges').columns(['survivor_id', 'status']).execute();
  },
};

export default migration;
