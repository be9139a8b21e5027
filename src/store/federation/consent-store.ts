/** Requests for the originator's consent to forward an item, asked by this node or of it. */
import type { ConsentEntry, ConsentStatusValue, FederationDb, FederationShapes, FederationTables } from './records';
import { fromJson, fromJsonOrNull, toJson } from './records';

type Row = FederationTables['federation_consents'];

export class SqlConsentStore<S extends FederationShapes> {
  constructor(private readonly fdb: FederationDb) {}

  private toEntry(r: Row): ConsentEntry<S> {
    return {
      requestId: r.request_id,
      direction: r.direction as ConsentEntry<S>['direction'],
      itemId: r.item_id,
      originator: r.originator,
      forwarder: r.forwarder,
      forwardTo: fromJson(r.forward_to),
      proposedHandling: fromJson(r.proposed_handling),
      proposedAudience: fromJson(r.proposed_audience),
      reason: r.reason,
      status: r.status as ConsentStatusValue,
      createdAt: r.created_at,
      decidedAt: r.decided_at,
      decisionReason: r.decision_reason,
      grant: fromJsonOrNull<S['grant']>(r.grant),
      heldEnvelopeId: r.held_envelope_id,
    };
  }

  async add(record: ConsentEntry<S>): Promise<boolean> {
    const res = await this.fdb
      .db()
      .insertInto('federation_consents')
      .values({
        request_id: record.requestId,
        direction: record.direction,
        item_id: record.itemId,
        originator: record.originator,
        forwarder: record.forwarder,
        forward_to: toJson(record.forwardTo),
        proposed_handling: toJson(record.proposedHandling),
        proposed_audience: toJson(record.proposedAudience),
        reason: record.reason,
        status: record.status,
        created_at: record.createdAt,
        decided_at: record.decidedAt,
        decision_reason: record.decisionReason,
        grant: record.grant === null ? null : toJson(record.grant),
        held_envelope_id: record.heldEnvelopeId,
      })
      .onConflict((oc) => oc.column('request_id').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async get(requestId: string): Promise<ConsentEntry<S> | undefined> {
    const r = await this.fdb.db().selectFrom('federation_consents').selectAll().where('request_id', '=', requestId).executeTakeFirst();
    return r && this.toEntry(r);
  }

  async decide(requestId: string, d: { status: 'granted' | 'refused'; decidedAt: string; reason: string; grant: S['grant'] | null }): Promise<boolean> {
    const res = await this.fdb
      .db()
      .updateTable('federation_consents')
      .set({ status: d.status, decided_at: d.decidedAt, decision_reason: d.reason, grant: d.grant === null ? null : toJson(d.grant) })
      .where('request_id', '=', requestId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async list(filter: { direction?: 'outgoing' | 'incoming'; status?: ConsentStatusValue }): Promise<ConsentEntry<S>[]> {
    const rows = await this.fdb
      .db()
      .selectFrom('federation_consents')
      .selectAll()
      .$if(!!filter.direction, (q) => q.where('direction', '=', filter.direction!))
      .$if(!!filter.status, (q) => q.where('status', '=', filter.status!))
      .orderBy('created_at')
      .orderBy('request_id')
      .execute();
    return rows.map((r) => this.toEntry(r));
  }
}
