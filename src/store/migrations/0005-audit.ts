/**
 * The audit log: append-only and hash-chained (see src/domain/audit-chain.ts). The database
 * itself refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) on it.
 */
import { sql } from 'kysely';
import type { StoreMigration } from './migration';
import { text } from './migration';

const migration: StoreMigration = {
  async up(db, dialect) {
    const t = text(dialect);
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', t, (c) => c.notNull())
      .addColumn('actor_id', t)
      .addColumn('actor_label', t, (c) => c.notNull())
      .addColumn('action', t, (c) => c.notNull())
      .addColumn('target_type', t)
      .addColumn('target_id', t)
      .addColumn('case_id', t)
      .addColumn('detail', t, (c) => c.notNull())
      .addColumn('prev_hash', t, (c) => c.notNull())
      .addColumn('hash', t, (c) => c.notNull())
      .execute();
    const index = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on('audit_log').columns(columns).execute();
    await index('audit_log_actor', ['actor_id', 'seq']);
    await index('audit_log_case', ['case_id', 'seq']);
    await index('audit_log_target', ['target_id', 'seq']);
    await index('audit_log_action', ['action', 'seq']);
    await index('audit_log_at', ['at']);

    if (dialect === 'sqlite') {
      await sql`create trigger audit_log_no_update before update on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    } else {
      await sql`create function audit_log_refuse_change() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege'; end $$`.execute(db);
      await sql`create trigger audit_log_append_only before update or delete on audit_log
        for each row execute function audit_log_refuse_change()`.execute(db);
      await sql`create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_refuse_change()`.execute(db);
    }
  },
};

export default migration;
