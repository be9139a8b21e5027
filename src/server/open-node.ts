/** Opens a node from its folder and configuration: identity, store, application context. */
import type { AppContext } from '../app/context';
import { systemClock } from '../app/context';
import { openStore } from '../store/open-store';
import type { Store } from '../store/ports';
import type { Config } from './config';
import { dbFile, loadIdentity, readNodeFile } from './node-files';

export interface OpenNode {
  ctx: AppContext;
  store: Store;
  demoNode: boolean;
}

export async function openNode(config: Config): Promise<OpenNode> {
  const identity = loadIdentity(config.dataDir);
  const nodeFile = readNodeFile(config.dataDir);
  const store = await openStore(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'sqlite', file: dbFile(config.dataDir) });
  const ctx: AppContext = {
    store,
    node: identity,
    clock: systemClock,
    demo: config.demo,
    lockoutThreshold: config.lockoutThreshold,
    lockoutMinutes: config.lockoutMinutes,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
  };
  return { ctx, store, demoNode: nodeFile.demo };
}
