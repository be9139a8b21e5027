/**
 * The federation adapters over one node's store. The server wires them to the ports of
 * src/federation with the protocol's types (`S`).
 */
import type { SqlStore } from '../sql-store';
import { SqlConsentStore } from './consent-store';
import { SqlInboxStore } from './inbox-store';
import { SqlFederationItemStore } from './item-repository';
import { SqlNodeKeyRepository, type TextCipher } from './node-key-repository';
import { SqlOutboxStore } from './outbox-store';
import { SqlPeerRepository } from './peer-repository';
import { SqlReceiptStore } from './receipt-store';
import { federationDb, type FederationShapes, type JsonShapes } from './records';

export interface SqlMessageStores<S extends FederationShapes> {
  outbox: SqlOutboxStore<S>;
  inbox: SqlInboxStore<S>;
  receipts: SqlReceiptStore;
  consents: SqlConsentStore<S>;
}

export function sqlMessageStores<S extends FederationShapes = JsonShapes>(store: SqlStore): SqlMessageStores<S> {
  const fdb = federationDb(store);
  return { outbox: new SqlOutboxStore<S>(fdb), inbox: new SqlInboxStore<S>(fdb), receipts: new SqlReceiptStore(fdb), consents: new SqlConsentStore<S>(fdb) };
}

export const sqlPeerRepository = (store: SqlStore): SqlPeerRepository => new SqlPeerRepository(federationDb(store));

export const sqlFederationItems = (store: SqlStore): SqlFederationItemStore => new SqlFederationItemStore(federationDb(store));

export function sqlNodeKeyRepository<K extends object>(store: SqlStore, node: string, cipher: TextCipher, initial: () => K): SqlNodeKeyRepository<K> {
  return new SqlNodeKeyRepository<K>(federationDb(store), node, cipher, initial);
}

export type { SqlConsentStore, SqlFederationItemStore, SqlInboxStore, SqlNodeKeyRepository, SqlOutboxStore, SqlPeerRepository, SqlReceiptStore, TextCipher };
export type { FederationItemEntry, FederationShapes, JsonShapes, PeerEntry } from './records';
