/** Receipts this node accepted from its peers: evidence of delivery, one per message, status and signer. */
import type { FederationDb, ReceiptEntry } from './records';

export class SqlReceiptStore {
  constructor(private readonly fdb: FederationDb) {}

  async add(receipt: ReceiptEntry): Promise<void> {
    await this.fdb
      .db()
      .insertInto('federation_receipts')
      .values({
        envelope_id: receipt.envelopeId,
        status: receipt.status,
        from_node: receipt.from,
        at: receipt.at,
        content_digest: receipt.contentDigest,
        evidence: receipt.evidence,
        received_at: receipt.receivedAt,
      })
      .onConflict((oc) => oc.columns(['envelope_id', 'status', 'from_node']).doNothing())
      .execute();
  }

  async listFor(envelopeId: string): Promise<ReceiptEntry[]> {
    const rows = await this.fdb
      .db()
      .selectFrom('federation_receipts')
      .selectAll()
      .where('envelope_id', '=', envelopeId)
      .orderBy('received_at')
      .orderBy('status')
      .execute();
    return rows.map((r) => ({
      envelopeId: r.envelope_id,
      status: r.status as ReceiptEntry['status'],
      from: r.from_node,
      at: r.at,
      contentDigest: r.content_digest,
      evidence: r.evidence,
      receivedAt: r.received_at,
    }));
  }
}
