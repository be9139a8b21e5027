/**
 * The full-text index: one row per (document, term). Lookups go through the (term, ...)
 * index, exact or by prefix range.
 */
import type { StoreMigration } from './migration';
import { text, withoutRowid } from './migration';

const migration: StoreMigration = {
  async up(db, dialect) {
    const t = text(dialect);
    await db.schema
      .createTable('search_terms')
      .addColumn('doc_type', t, (c) => c.notNull())
      .addColumn('doc_id', t, (c) => c.notNull())
      .addColumn('term', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('search_terms_pk', ['doc_type', 'doc_id', 'term'])
      .modifyEnd(withoutRowid(dialect))
      .execute();
    await db.schema
      .createIndex('search_terms_term')
      .on('search_terms')
      .columns(['term', 'doc_type', 'doc_id'])
      .execute();
  },
};

export default migration;
