/**
 * The inbox and its sightings (the ids and signatures already accepted). A new message and
 * its sighting are stored in one transaction, and a conflict on either answers 'exists'
 * instead of failing, so that two attempts of one message racing each other store it once.
 */
import type { FederationDb, FederationShapes, FederationTables, InboxEntry, SightingEntry } from './records';
import { fromJson, fromJsonOrNull, toJson } from './records';

type Row = FederationTables['federation_inbox'];

/** Thrown inside the transaction to roll it back when the message was already there. */
class AlreadyStored extends Error {}

export class SqlInboxStore<S extends FederationShapes> {
  constructor(private readonly fdb: FederationDb) {}

  private toEntry(r: Row): InboxEntry<S> {
    return {
      envelopeId: r.envelope_id,
      type: r.type as S['type'],
      from: { node: r.from_node, country: r.from_country },
      originator: { node: r.originator_node, itemId: r.originator_item_id },
      handling: fromJson(r.handling),
      audience: fromJson(r.audience),
      consentGrant: fromJsonOrNull<S['grant']>(r.consent_grant),
      created: r.created,
      receivedAt: r.received_at,
      expiresAt: r.expires_at,
      contentDigest: r.content_digest,
      payload: fromJsonOrNull<S['payload']>(r.payload),
      evidence: r.evidence,
      status: r.status as InboxEntry<S>['status'],
      handlerAttempts: Number(r.handler_attempts),
      lastError: r.last_error,
      readAt: r.read_at,
      purgedAt: r.purged_at,
    };
  }

  async saveNew(record: InboxEntry<S>, sighting: SightingEntry): Promise<'stored' | 'exists'> {
    try {
      return await this.fdb.atomic(async () => {
        const db = this.fdb.db();
        const inserted = await db
          .insertInto('federation_inbox')
          .values({
            envelope_id: record.envelopeId,
            type: record.type,
            from_node: record.from.node,
            from_country: record.from.country,
            originator_node: record.originator.node,
            originator_item_id: record.originator.itemId,
            handling: toJson(record.handling),
            audience: toJson(record.audience),
            consent_grant: record.consentGrant === null ? null : toJson(record.consentGrant),
            created: record.created,
            received_at: record.receivedAt,
            expires_at: record.expiresAt,
            content_digest: record.contentDigest,
            payload: record.payload === null ? null : toJson(record.payload),
            evidence: record.evidence,
            status: record.status,
            handler_attempts: record.handlerAttempts,
            last_error: record.lastError,
            read_at: record.readAt,
            purged_at: record.purgedAt,
          })
          .onConflict((oc) => oc.column('envelope_id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AlreadyStored();
        const seen = await db
          .insertInto('federation_sightings')
          .values({
            envelope_id: sighting.envelopeId,
            from_node: sighting.from,
            content_digest: sighting.contentDigest,
            signature_digests: toJson(sighting.signatureDigests),
            accepted_at: sighting.acceptedAt,
          })
          .onConflict((oc) => oc.column('envelope_id').doNothing())
          .executeTakeFirst();
        if (Number(seen.numInsertedOrUpdatedRows ?? 0) === 0) throw new AlreadyStored();
        return 'stored' as const;
      });
    } catch (e) {
      if (e instanceof AlreadyStored || isUniqueViolation(e)) return 'exists';
      throw e;
    }
  }

  async get(envelopeId: string): Promise<InboxEntry<S> | undefined> {
    const r = await this.fdb.db().selectFrom('federation_inbox').selectAll().where('envelope_id', '=', envelopeId).executeTakeFirst();
    return r && this.toEntry(r);
  }

  async getMany(envelopeIds: string[]): Promise<InboxEntry<S>[]> {
    if (envelopeIds.length === 0) return [];
    const rows = await this.fdb.db().selectFrom('federation_inbox').selectAll().where('envelope_id', 'in', envelopeIds).execute();
    return rows.map((r) => this.toEntry(r));
  }

  async sighting(envelopeId: string): Promise<SightingEntry | undefined> {
    const r = await this.fdb.db().selectFrom('federation_sightings').selectAll().where('envelope_id', '=', envelopeId).executeTakeFirst();
    return (
      r && {
        envelopeId: r.envelope_id,
        from: r.from_node,
        contentDigest: r.content_digest,
        signatureDigests: fromJson<string[]>(r.signature_digests),
        acceptedAt: r.accepted_at,
      }
    );
  }

  addSignature(envelopeId: string, signatureDigest: string): Promise<void> {
    const postgres = this.fdb.dialect === 'postgres';
    return this.fdb.atomic(async () => {
      const db = this.fdb.db();
      const r = await db
        .selectFrom('federation_sightings')
        .select('signature_digests')
        .where('envelope_id', '=', envelopeId)
        .$if(postgres, (q) => q.forUpdate())
        .executeTakeFirst();
      if (!r) return;
      const digests = fromJson<string[]>(r.signature_digests);
      if (digests.includes(signatureDigest)) return;
      digests.push(signatureDigest);
      await db.updateTable('federation_sightings').set({ signature_digests: toJson(digests) }).where('envelope_id', '=', envelopeId).execute();
    });
  }

  async listUnprocessed(limit: number): Promise<InboxEntry<S>[]> {
    const rows = await this.fdb
      .db()
      .selectFrom('federation_inbox')
      .selectAll()
      .where('status', '=', 'received')
      .orderBy('received_at')
      .orderBy('envelope_id')
      .limit(limit)
      .execute();
    return rows.map((r) => this.toEntry(r));
  }

  async markProcessed(envelopeId: string): Promise<void> {
    await this.fdb.db().updateTable('federation_inbox').set({ status: 'processed', last_error: null }).where('envelope_id', '=', envelopeId).execute();
  }

  async markHandlerFailed(envelopeId: string, error: string): Promise<void> {
    await this.fdb
      .db()
      .updateTable('federation_inbox')
      .set((eb) => ({ handler_attempts: eb('handler_attempts', '+', 1), last_error: error.slice(0, 2000) }))
      .where('envelope_id', '=', envelopeId)
      .execute();
  }

  async markRead(envelopeId: string, at: string): Promise<boolean> {
    const res = await this.fdb
      .db()
      .updateTable('federation_inbox')
      .set({ read_at: at })
      .where('envelope_id', '=', envelopeId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async listExpired(now: string, limit: number): Promise<InboxEntry<S>[]> {
    const rows = await this.fdb
      .db()
      .selectFrom('federation_inbox')
      .selectAll()
      .where('purged_at', 'is', null)
      .where('expires_at', '<=', now)
      .orderBy('expires_at')
      .limit(limit)
      .execute();
    return rows.map((r) => this.toEntry(r));
  }

  async purge(envelopeId: string, purgedAt: string): Promise<void> {
    await this.fdb
      .db()
      .updateTable('federation_inbox')
      .set({ payload: null, evidence: null, purged_at: purgedAt })
      .where('envelope_id', '=', envelopeId)
      .execute();
  }

  async forgetSightingsBefore(cutoff: string): Promise<number> {
    const res = await this.fdb.db().deleteFrom('federation_sightings').where('accepted_at', '<', cutoff).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
