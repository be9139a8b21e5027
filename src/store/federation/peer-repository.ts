/** The peers this node pinned: identity, address and keys (a `put` replaces the whole record). */
import type { FederationDb, FederationTables, PeerEntry } from './records';
import { fromJson, toJson } from './records';

type Row = FederationTables['federation_peers'];

const toEntry = (r: Row): PeerEntry => ({
  node: r.node,
  country: r.country,
  url: r.url,
  signingKeys: fromJson(r.signing_keys),
  encryptionKey: fromJson(r.encryption_key),
  supportedVersions: fromJson(r.supported_versions),
});

export class SqlPeerRepository {
  constructor(private readonly fdb: FederationDb) {}

  async list(): Promise<PeerEntry[]> {
    const rows = await this.fdb.db().selectFrom('federation_peers').selectAll().orderBy('node').execute();
    return rows.map(toEntry);
  }

  async get(node: string): Promise<PeerEntry | undefined> {
    const r = await this.fdb.db().selectFrom('federation_peers').selectAll().where('node', '=', node).executeTakeFirst();
    return r && toEntry(r);
  }

  async put(peer: PeerEntry): Promise<void> {
    const values = {
      country: peer.country,
      url: peer.url,
      signing_keys: toJson(peer.signingKeys),
      encryption_key: toJson(peer.encryptionKey),
      supported_versions: toJson(peer.supportedVersions),
    };
    await this.fdb
      .db()
      .insertInto('federation_peers')
      .values({ node: peer.node, ...values })
      .onConflict((oc) => oc.column('node').doUpdateSet(values))
      .execute();
  }

  /** Forgets a peer; true when it was pinned. Its messages, receipts and audit entries stay. */
  async remove(node: string): Promise<boolean> {
    const res = await this.fdb.db().deleteFrom('federation_peers').where('node', '=', node).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }
}
