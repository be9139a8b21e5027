/**
 * This node's own key set, one row per node. What reaches the database is sealed by the
 * cipher the server gives (the private keys never rest in clear text there); the first load
 * stores the key set that `initial` returns, once, even when two processes start together.
 */
import type { FederationDb } from './records';

/** Seals and opens the stored text (e.g. AES-256-GCM under a key kept outside the database). */
export interface TextCipher {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export class SqlNodeKeyRepository<K extends object> {
  /** The last sealed text read and what it opened to: a load that finds the same text skips opening it. */
  private last: { sealed: string; keys: string } | null = null;

  constructor(
    private readonly fdb: FederationDb,
    private readonly node: string,
    private readonly cipher: TextCipher,
    private readonly initial: () => K,
  ) {}

  async load(): Promise<K> {
    const row = await this.fdb.db().selectFrom('federation_node_keys').select('keys').where('node', '=', this.node).executeTakeFirst();
    if (row) return this.opened(row.keys);
    await this.fdb
      .db()
      .insertInto('federation_node_keys')
      .values({ node: this.node, keys: this.cipher.seal(JSON.stringify(this.initial())), updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('node').doNothing())
      .execute();
    const stored = await this.fdb.db().selectFrom('federation_node_keys').select('keys').where('node', '=', this.node).executeTakeFirstOrThrow();
    return this.opened(stored.keys);
  }

  private opened(sealed: string): K {
    if (this.last?.sealed !== sealed) this.last = { sealed, keys: this.cipher.open(sealed) };
    return JSON.parse(this.last.keys) as K;
  }

  async save(keys: K): Promise<void> {
    const sealed = this.cipher.seal(JSON.stringify(keys));
    const updated_at = new Date().toISOString();
    await this.fdb
      .db()
      .insertInto('federation_node_keys')
      .values({ node: this.node, keys: sealed, updated_at })
      .onConflict((oc) => oc.column('node').doUpdateSet({ keys: sealed, updated_at }))
      .execute();
  }
}
