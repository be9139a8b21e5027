/** Agencies, users, sessions, settings, counters. */
import type { StoreMigration } from './migration';
import { text } from './migration';

const migration: StoreMigration = {
  async up(db, dialect) {
    const t = text(dialect);
    await db.schema
      .createTable('agencies')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('code', t, (c) => c.notNull().unique())
      .addColumn('name', t, (c) => c.notNull())
      .addColumn('country', t, (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('agency_id', t, (c) => c.notNull().references('agencies.id'))
      .addColumn('email', t, (c) => c.notNull().unique())
      .addColumn('display_name', t, (c) => c.notNull())
      .addColumn('role', t, (c) => c.notNull())
      .addColumn('locale', t, (c) => c.notNull())
      .addColumn('password_hash', t, (c) => c.notNull())
      .addColumn('totp_secret', t)
      .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', t)
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', t, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_agency').on('users').column('agency_id').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('user_id', t, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', t, (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('expires_at', t, (c) => c.notNull())
      .addColumn('last_seen_at', t, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', t, (c) => c.primaryKey())
      .addColumn('value', t, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('counters')
      .addColumn('name', t, (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
  },
};

export default migration;
