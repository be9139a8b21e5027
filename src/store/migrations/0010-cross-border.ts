/**
 * Cross-border matching and gradual disclosure (docs/protocol/matching.md): the versions of
 * the trilateral linkage secret (sealed before they reach the database), the checks sent and
 * answered, this node's opaque references (new for every check, never the encodings), the
 * hits on both sides, and the disclosure requests with their decisions.
 * JSON columns are text on both dialects.
 */
import type { StoreMigration } from './migration';
import { text } from './migration';

const migration: StoreMigration = {
  async up(db, dialect) {
    const t = text(dialect);
    await db.schema
      .createTable('linkage_secrets')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('fingerprint', t, (c) => c.notNull())
      .addColumn('sealed', t, (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('created_by', t, (c) => c.notNull())
      .addColumn('retired_at', t)
      .execute();

    await db.schema
      .createTable('cross_border_queries')
      .addColumn('query_id', t, (c) => c.primaryKey())
      .addColumn('peer_node', t, (c) => c.notNull())
      .addColumn('direction', t, (c) => c.notNull())
      .addColumn('secret_fingerprint', t, (c) => c.notNull())
      .addColumn('records', 'integer', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('answered_at', t)
      .addColumn('requested_by', t)
      .execute();
    await db.schema.createIndex('cross_border_queries_list').on('cross_border_queries').columns(['created_at', 'query_id']).execute();
    await db.schema.createIndex('cross_border_queries_peer').on('cross_border_queries').columns(['peer_node', 'direction', 'created_at']).execute();

    await db.schema
      .createTable('cross_border_refs')
      .addColumn('ref', t, (c) => c.primaryKey())
      .addColumn('query_id', t, (c) => c.notNull())
      .addColumn('entity_id', t, (c) => c.notNull())
      .addColumn('kind', t, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cross_border_refs_query').on('cross_border_refs').columns(['query_id']).execute();

    await db.schema
      .createTable('cross_border_hits')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('query_id', t, (c) => c.notNull())
      .addColumn('peer_node', t, (c) => c.notNull())
      .addColumn('side', t, (c) => c.notNull())
      .addColumn('local_entity_id', t, (c) => c.notNull())
      .addColumn('local_ref', t, (c) => c.notNull())
      .addColumn('remote_ref', t, (c) => c.notNull())
      .addColumn('kind', t, (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addUniqueConstraint('cross_border_hits_pair', ['query_id', 'local_ref', 'remote_ref'])
      .execute();
    await db.schema.createIndex('cross_border_hits_best').on('cross_border_hits').columns(['score', 'created_at', 'id']).execute();
    await db.schema.createIndex('cross_border_hits_entity').on('cross_border_hits').columns(['local_entity_id']).execute();
    await db.schema.createIndex('cross_border_hits_peer').on('cross_border_hits').columns(['peer_node', 'kind', 'score']).execute();

    await db.schema
      .createTable('disclosures')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('hit_id', t, (c) => c.notNull())
      .addColumn('direction', t, (c) => c.notNull())
      .addColumn('peer_node', t, (c) => c.notNull())
      .addColumn('level', t, (c) => c.notNull())
      .addColumn('fields', t, (c) => c.notNull())
      .addColumn('legal_basis', t, (c) => c.notNull())
      .addColumn('purpose', t, (c) => c.notNull())
      .addColumn('case_reference', t)
      .addColumn('requested_by', t, (c) => c.notNull())
      .addColumn('requested_at', t, (c) => c.notNull())
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('decided_level', t)
      .addColumn('decision_basis', t)
      .addColumn('reason', t)
      .addColumn('contact', t)
      .addColumn('disclosed', t)
      .addColumn('decided_by', t)
      .addColumn('decided_at', t)
      .execute();
    await db.schema.createIndex('disclosures_list').on('disclosures').columns(['direction', 'status', 'requested_at']).execute();
    await db.schema.createIndex('disclosures_requested').on('disclosures').columns(['requested_at', 'id']).execute();
    await db.schema.createIndex('disclosures_hit').on('disclosures').columns(['hit_id', 'requested_at']).execute();
  },
};

export default migration;
