/**
 * The ledger of items people exchanged (alerts, requests for information, responses): one
 * row per envelope sent or received, with its thread, for lists and thread views. Writing an
 * item twice keeps the first (handlers run again after a crash).
 */
import type { FederationDb, FederationItemEntry, FederationTables } from './records';
import { fromJsonOrNull, toJson } from './records';

type Row = FederationTables['federation_items'];

const toEntry = (r: Row): FederationItemEntry => ({
  envelopeId: r.envelope_id,
  direction: r.direction as FederationItemEntry['direction'],
  type: r.type,
  peerNode: r.peer_node,
  threadId: r.thread_id,
  title: r.title,
  createdAt: r.created_at,
  senderUserId: r.sender_user_id,
  senderLabel: r.sender_label,
  caseId: r.case_id,
  payload: fromJsonOrNull(r.payload),
});

export class SqlFederationItemStore {
  constructor(private readonly fdb: FederationDb) {}

  async record(item: FederationItemEntry): Promise<void> {
    await this.fdb
      .db()
      .insertInto('federation_items')
      .values({
        envelope_id: item.envelopeId,
        direction: item.direction,
        type: item.type,
        peer_node: item.peerNode,
        thread_id: item.threadId,
        title: item.title,
        created_at: item.createdAt,
        sender_user_id: item.senderUserId,
        sender_label: item.senderLabel,
        case_id: item.caseId,
        payload: item.payload === null ? null : toJson(item.payload),
      })
      .onConflict((oc) => oc.column('envelope_id').doNothing())
      .execute();
  }

  async setSender(envelopeId: string, sender: { userId: string | null; label: string | null; caseId: string | null }): Promise<void> {
    await this.fdb
      .db()
      .updateTable('federation_items')
      .set({ sender_user_id: sender.userId, sender_label: sender.label, case_id: sender.caseId })
      .where('envelope_id', '=', envelopeId)
      .execute();
  }

  async get(envelopeId: string): Promise<FederationItemEntry | undefined> {
    const r = await this.fdb.db().selectFrom('federation_items').selectAll().where('envelope_id', '=', envelopeId).executeTakeFirst();
    return r && toEntry(r);
  }

  /** Newest first, at most `limit`. */
  async list(direction: 'sent' | 'received', opts: { types?: string[]; limit: number }): Promise<FederationItemEntry[]> {
    const rows = await this.fdb
      .db()
      .selectFrom('federation_items')
      .selectAll()
      .where('direction', '=', direction)
      .$if(!!opts.types && opts.types.length > 0, (q) => q.where('type', 'in', opts.types!))
      .orderBy('created_at', 'desc')
      .orderBy('envelope_id', 'desc')
      .limit(opts.limit)
      .execute();
    return rows.map(toEntry);
  }

  /** Every item of a thread, oldest first. */
  async thread(threadId: string): Promise<FederationItemEntry[]> {
    const rows = await this.fdb
      .db()
      .selectFrom('federation_items')
      .selectAll()
      .where('thread_id', '=', threadId)
      .orderBy('created_at')
      .orderBy('envelope_id')
      .execute();
    return rows.map(toEntry);
  }
}
