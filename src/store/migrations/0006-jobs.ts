/** The job queue: claimed with a lease, retried with a later run_at. */
import type { StoreMigration } from './migration';
import { text } from './migration';

const migration: StoreMigration = {
  async up(db, dialect) {
    const t = text(dialect);
    await db.schema
      .createTable('jobs')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('kind', t, (c) => c.notNull())
      .addColumn('payload', t, (c) => c.notNull())
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('run_at', t, (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', t)
      .addColumn('lease_until', t)
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'kind', 'run_at']).execute();
    await db.schema.createIndex('jobs_lease').on('jobs').columns(['status', 'lease_until']).execute();
  },
};

export default migration;
