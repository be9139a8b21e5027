/**
 * Entities (multi-valued properties as JSON) and their normalised property values, which
 * serve exact lookups (findByProperty) and edges (values that are entity ids).
 */
import type { StoreMigration } from './migration';
import { text, withoutRowid } from './migration';

const migration: StoreMigration = {
  async up(db, dialect) {
    const t = text(dialect);
    await db.schema
      .createTable('entities')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('schema', t, (c) => c.notNull())
      .addColumn('caption', t, (c) => c.notNull())
      .addColumn('properties', t, (c) => c.notNull())
      .addColumn('owning_agency_id', t, (c) => c.notNull())
      .addColumn('cross_border_check', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('entities_created').on('entities').columns(['created_at', 'id']).execute();
    await db.schema
      .createIndex('entities_schema_created')
      .on('entities')
      .columns(['schema', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('entities_cross_border')
      .on('entities')
      .columns(['cross_border_check', 'schema', 'created_at'])
      .execute();

    await db.schema
      .createTable('entity_values')
      .addColumn('entity_id', t, (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('property', t, (c) => c.notNull())
      .addColumn('value', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('entity_values_pk', ['entity_id', 'property', 'value'])
      .modifyEnd(withoutRowid(dialect))
      .execute();
    await db.schema
      .createIndex('entity_values_lookup')
      .on('entity_values')
      .columns(['value', 'property', 'entity_id'])
      .execute();
  },
};

export default migration;
