/**
 * What the application services need of a node's federation: the protocol services and the
 * stores behind them, wired by src/server (federation-wiring.ts) over the node's database.
 */
import type { Federation } from '../federation/federation-node';
import type { ConsentStore, InboxRecord, NodeKeyRepository, OutboxRecord, OutboxStatus, PeerRepository, ReceiptStore } from '../federation/ports';
import type { FederationItemStore } from './federation-items';

export interface FederationAccess {
  federation: Federation;
  inbox: {
    get(envelopeId: string): Promise<InboxRecord | undefined>;
    getMany(envelopeIds: string[]): Promise<InboxRecord[]>;
  };
  outbox: {
    get(id: string): Promise<OutboxRecord | undefined>;
    list(filter: { status?: OutboxStatus[] }): Promise<OutboxRecord[]>;
    countByStatus(): Promise<Record<OutboxStatus, number>>;
  };
  receipts: ReceiptStore;
  consents: ConsentStore;
  peers: PeerRepository & { remove(node: string): Promise<boolean> };
  keys: NodeKeyRepository;
  items: FederationItemStore;
}
