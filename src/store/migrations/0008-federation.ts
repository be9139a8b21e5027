/**
 * Federation: the durable outbox, the inbox with its sightings (replay and duplicate
 * memory), receipts kept as evidence, consent requests, pinned peers, the node's own keys
 * (encrypted before they reach the database) and the ledger of items people sent and
 * received, grouped in threads. JSON columns are text on both dialects.
 * See docs/protocol/implementation-notes.md.
 */
import { sql } from 'kysely';
import type { StoreMigration } from './migration';
import { text } from './migration';

const migration: StoreMigration = {
  async up(db, dialect) {
    const t = text(dialect);
    await db.schema
      .createTable('federation_outbox')
      .addColumn('id', t, (c) => c.primaryKey())
      .addColumn('type', t, (c) => c.notNull())
      .addColumn('to_node', t, (c) => c.notNull())
      .addColumn('message', t)
      .addColumn('content_digest', t, (c) => c.notNull())
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('first_attempt_at', t)
      .addColumn('last_attempt_at', t)
      .addColumn('next_attempt_at', t)
      .addColumn('last_error', t)
      .addColumn('delivered_at', t)
      .addColumn('read_at', t)
      .execute();
    await db.schema.createIndex('federation_outbox_due').on('federation_outbox').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('federation_outbox_to').on('federation_outbox').columns(['to_node', 'type', 'created_at']).execute();

    await db.schema
      .createTable('federation_receipts')
      .addColumn('envelope_id', t, (c) => c.notNull())
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('from_node', t, (c) => c.notNull())
      .addColumn('at', t, (c) => c.notNull())
      .addColumn('content_digest', t, (c) => c.notNull())
      .addColumn('evidence', t, (c) => c.notNull())
      .addColumn('received_at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('federation_receipts_pk', ['envelope_id', 'status', 'from_node'])
      .execute();

    await db.schema
      .createTable('federation_inbox')
      .addColumn('envelope_id', t, (c) => c.primaryKey())
      .addColumn('type', t, (c) => c.notNull())
      .addColumn('from_node', t, (c) => c.notNull())
      .addColumn('from_country', t, (c) => c.notNull())
      .addColumn('originator_node', t, (c) => c.notNull())
      .addColumn('originator_item_id', t, (c) => c.notNull())
      .addColumn('handling', t, (c) => c.notNull())
      .addColumn('audience', t, (c) => c.notNull())
      .addColumn('consent_grant', t)
      .addColumn('created', t, (c) => c.notNull())
      .addColumn('received_at', t, (c) => c.notNull())
      .addColumn('expires_at', t, (c) => c.notNull())
      .addColumn('content_digest', t, (c) => c.notNull())
      .addColumn('payload', t)
      .addColumn('evidence', t)
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('handler_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', t)
      .addColumn('read_at', t)
      .addColumn('purged_at', t)
      .execute();
    await db.schema.createIndex('federation_inbox_status').on('federation_inbox').columns(['status', 'received_at']).execute();
    await sql`create index federation_inbox_expiry on federation_inbox (expires_at) where purged_at is null`.execute(db);

    await db.schema
      .createTable('federation_sightings')
      .addColumn('envelope_id', t, (c) => c.primaryKey())
      .addColumn('from_node', t, (c) => c.notNull())
      .addColumn('content_digest', t, (c) => c.notNull())
      .addColumn('signature_digests', t, (c) => c.notNull())
      .addColumn('accepted_at', t, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('federation_sightings_accepted').on('federation_sightings').columns(['accepted_at']).execute();

    await db.schema
      .createTable('federation_consents')
      .addColumn('request_id', t, (c) => c.primaryKey())
      .addColumn('direction', t, (c) => c.notNull())
      .addColumn('item_id', t, (c) => c.notNull())
      .addColumn('originator', t, (c) => c.notNull())
      .addColumn('forwarder', t, (c) => c.notNull())
      .addColumn('forward_to', t, (c) => c.notNull())
      .addColumn('proposed_handling', t, (c) => c.notNull())
      .addColumn('proposed_audience', t, (c) => c.notNull())
      .addColumn('reason', t, (c) => c.notNull())
      .addColumn('status', t, (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('decided_at', t)
      .addColumn('decision_reason', t)
      .addColumn('grant', t)
      .addColumn('held_envelope_id', t)
      .execute();
    await db.schema.createIndex('federation_consents_status').on('federation_consents').columns(['direction', 'status', 'created_at']).execute();

    await db.schema
      .createTable('federation_peers')
      .addColumn('node', t, (c) => c.primaryKey())
      .addColumn('country', t, (c) => c.notNull())
      .addColumn('url', t, (c) => c.notNull())
      .addColumn('signing_keys', t, (c) => c.notNull())
      .addColumn('encryption_key', t, (c) => c.notNull())
      .addColumn('supported_versions', t, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('federation_node_keys')
      .addColumn('node', t, (c) => c.primaryKey())
      .addColumn('keys', t, (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .execute();

    // what people sent and received, for lists and threads (the inbox and outbox above are the protocol's)
    await db.schema
      .createTable('federation_items')
      .addColumn('envelope_id', t, (c) => c.primaryKey())
      .addColumn('direction', t, (c) => c.notNull())
      .addColumn('type', t, (c) => c.notNull())
      .addColumn('peer_node', t, (c) => c.notNull())
      .addColumn('thread_id', t, (c) => c.notNull())
      .addColumn('title', t, (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('sender_user_id', t)
      .addColumn('sender_label', t)
      .addColumn('case_id', t)
      .addColumn('payload', t)
      .execute();
    await db.schema.createIndex('federation_items_list').on('federation_items').columns(['direction', 'created_at']).execute();
    await db.schema.createIndex('federation_items_thread').on('federation_items').columns(['thread_id', 'created_at']).execute();
  },
};

export default migration;
