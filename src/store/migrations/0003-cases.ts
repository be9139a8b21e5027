/**
 * Cases: scalar columns for filtering and sorting, JSON for the nested assessments; the
 * subjects, members, linked entities and named users (case_access) as their own tables.
 */
import type { StoreMigration } from './migration';
import { text, withoutRowid } from './migration';

const migration: StoreMigration = {
  async up(db, dialect) {
    const t = text(dialect);
    await db.schema
      .createTable('cases')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('reference', t, (c) => c.notNull().unique())
      .addColumn('title', t, (c) => c.notNull())
      .addColumn('type', t, (c) => c.notNull())
      .addColumn('polaris_type', t)
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('jurisdiction', t, (c) => c.notNull())
      .addColumn('narrative', t, (c) => c.notNull())
      .addColumn('tlp', t, (c) => c.notNull())
      .addColumn('handling', t, (c) => c.notNull())
      .addColumn('owning_agency_id', t, (c) => c.notNull())
      .addColumn('event_id', t)
      .addColumn('labour_program', t)
      .addColumn('indicators', t, (c) => c.notNull())
      .addColumn('palermo', t, (c) => c.notNull())
      .addColumn('outcomes', t, (c) => c.notNull())
      .addColumn('created_by', t, (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    const index = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on('cases').columns(columns).execute();
    await index('cases_updated', ['updated_at', 'id']);
    await index('cases_created', ['created_at', 'id']);
    await index('cases_status', ['status', 'updated_at']);
    await index('cases_type', ['type', 'updated_at']);
    await index('cases_tlp', ['tlp', 'updated_at']);
    await index('cases_owner', ['owning_agency_id', 'updated_at']);

    await db.schema
      .createTable('case_access')
      .addColumn('case_id', t, (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('user_id', t, (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_access_pk', ['case_id', 'user_id'])
      .modifyEnd(withoutRowid(dialect))
      .execute();
    await db.schema.createIndex('case_access_user').on('case_access').columns(['user_id', 'case_id']).execute();

    await db.schema
      .createTable('case_subjects')
      .addColumn('case_id', t, (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('entity_id', t, (c) => c.notNull().references('entities.id'))
      .addColumn('role', t, (c) => c.notNull())
      .addColumn('added_at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('case_subjects_pk', ['case_id', 'entity_id', 'role'])
      .execute();
    await db.schema.createIndex('case_subjects_entity').on('case_subjects').column('entity_id').execute();

    await db.schema
      .createTable('case_members')
      .addColumn('case_id', t, (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('user_id', t, (c) => c.notNull().references('users.id'))
      .addColumn('capacity', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('case_members_pk', ['case_id', 'user_id'])
      .execute();
    await db.schema.createIndex('case_members_user').on('case_members').column('user_id').execute();

    await db.schema
      .createTable('case_links')
      .addColumn('case_id', t, (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('entity_id', t, (c) => c.notNull().references('entities.id'))
      .addColumn('added_at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('case_links_pk', ['case_id', 'entity_id'])
      .execute();
    await db.schema.createIndex('case_links_entity').on('case_links').column('entity_id').execute();
  },
};

export default migration;
