/** Starts one node: refuses unsafe production settings, opens the store, listens. */
import type { FastifyInstance } from 'fastify';
import { AlianzaError } from '../domain/errors';
import { verifyPassword } from '../app/passwords';
import type { Config } from './config';
import { DEFAULT_DEMO_PASSWORD } from './config';
import { buildApp } from './app';
import { openNode, type OpenNode } from './open-node';
import { federationFor } from './federation-wiring';
import { loadFederationSettings, startFederationWorker } from './federation-worker';

export interface RunningNode extends OpenNode {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/**
 * Outside demo mode, a node without Secure cookies, a node created by the demo (its node file says
 * so, or its store holds the demo's seed) or an administrator still holding a demo password does not start.
 */
export async function refuseDefaultPasswords(node: OpenNode, config: Config): Promise<void> {
  if (config.demo) return;
  if (!config.secureCookies) throw new AlianzaError('NODE_INSECURE_COOKIES');
  if (node.demoNode || (await node.store.settings.get('demo.seed')) !== undefined) throw new AlianzaError('NODE_DEMO_DATA_IN_PRODUCTION');
  const admins = (await node.store.users.list()).filter((u) => u.role === 'admin' && !u.disabled);
  for (const candidate of new Set([DEFAULT_DEMO_PASSWORD, config.demoPassword])) {
    for (const u of admins) {
      if (await verifyPassword(u.passwordHash, candidate)) throw new AlianzaError('NODE_DEFAULT_PASSWORD', { email: u.email });
    }
  }
}

export async function startNode(config: Config): Promise<RunningNode> {
  const node = await openNode(config);
  try {
    await refuseDefaultPasswords(node, config);
  } catch (e) {
    await node.store.close();
    throw e;
  }
  const federation = loadFederationSettings(process.env);
  const runtime = federationFor(node.ctx, { dataDir: config.dataDir, retry: federation.retry, leaseMs: federation.leaseMs });
  const app = await buildApp({ config, ctx: node.ctx });
  let url: string;
  try {
    url = await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await app.close();
    await node.store.close();
    throw e;
  }
  const worker = federation.worker ? startFederationWorker(runtime, federation, (job, err) => app.log.error({ err }, job)) : null;
  return {
    ...node,
    app,
    url,
    async stop() {
      await worker?.stop();
      await app.close();
      await node.store.close();
    },
  };
}
