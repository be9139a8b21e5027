/**
 * The federation port contracts (src/federation/ports.contract.ts) on the store adapters:
 * SQLite always, PostgreSQL when DATABASE_URL is set or the CI default answers.
 */
import { afterAll } from 'vitest';
import { describeMessageRepositoryContract, describePeerRepositoryContract } from '../../src/federation/ports.contract';
import type { MessageRepository, PeerRepository } from '../../src/federation/ports';
import { contractAdapters } from '../../src/store/contract/adapters';
import { sqlMessageStores, sqlPeerRepository } from '../../src/store/federation';
import type { SqlStore } from '../../src/store/sql-store';
import type { ProtocolShapes } from '../../src/server/federation-wiring';

const adapters = await contractAdapters();

for (const adapter of adapters) {
  const opened: SqlStore[] = [];
  const open = async (): Promise<SqlStore> => {
    const store = await adapter.open();
    opened.push(store);
    return store;
  };
  afterAll(async () => {
    for (const s of opened) await s.close();
    await adapter.cleanup();
  });
  describeMessageRepositoryContract(adapter.name, async (): Promise<MessageRepository> => sqlMessageStores<ProtocolShapes>(await open()));
  describePeerRepositoryContract(adapter.name, async (): Promise<PeerRepository> => sqlPeerRepository(await open()));
}
