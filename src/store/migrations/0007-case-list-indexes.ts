/**
 * Case list indexes that serve the whole ORDER BY (updated_at, id) after an equality
 * filter, and a covering index for counting the cases a viewer may see (tlp, owning
 * agency, id), which keeps that count off the wide case rows.
 */
import type { StoreMigration } from './migration';

const FILTERED = [
  ['cases_status', 'status'],
  ['cases_type', 'type'],
  ['cases_tlp', 'tlp'],
  ['cases_owner', 'owning_agency_id'],
] as const;

const migration: StoreMigration = {
  async up(db) {
    for (const [name, column] of FILTERED) {
      await db.schema.dropIndex(name).execute();
      await db.schema.createIndex(name).on('cases').columns([column, 'updated_at', 'id']).execute();
    }
    await db.schema
      .createIndex('cases_visibility')
      .on('cases')
      .columns(['tlp', 'owning_agency_id', 'id'])
      .execute();
  },
};

export default migration;
