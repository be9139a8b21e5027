/**
 * Demo nodes listening on free loopback ports, pinned to each other, each with its
 * federation worker running fast: for API tests over real HTTP.
 */
import { demoNode, signIn, type Session, type TestNode } from '../helpers/demo-node';
import type { DemoCountry } from '../../src/demo/places';
import { addPeer, ownKeys } from '../../src/app/federation-peers';
import { federationFor, type FederationRuntime } from '../../src/server/federation-wiring';
import { loadFederationSettings, startFederationWorker, type FederationWorker } from '../../src/server/federation-worker';

export interface HttpNode extends TestNode {
  rt: FederationRuntime;
  worker: FederationWorker;
  url: string;
  signIn(role: string): Promise<Session>;
}

export const FAST = loadFederationSettings({ ALIANZA_FEDERATION_POLL_MS: '100', ALIANZA_FEDERATION_RETRY_BASE_MS: '100', ALIANZA_FEDERATION_RETRY_CAP_MS: '1000' });

export async function httpNodes(countries: DemoCountry[]): Promise<Record<string, HttpNode>> {
  const nodes: Record<string, HttpNode> = {};
  for (const country of countries) {
    const node = await demoNode(country, { listen: true, fresh: true, scale: 0.05 });
    const rt = federationFor(node.ctx, { dataDir: node.dir }); // the runtime the node's routes use
    const worker = startFederationWorker(rt, FAST);
    const cc = country.toLowerCase();
    nodes[cc] = { ...node, rt, worker, url: node.url!, signIn: (role: string) => signIn(node.app, `${role}@${cc}.demo`) };
  }
  const all = Object.values(nodes);
  for (const a of all) {
    for (const b of all) {
      if (a === b) continue;
      await addPeer(a.ctx, a.rt, null, { url: b.url, token: (await ownKeys(b.rt)).token });
    }
  }
  return nodes;
}

export async function closeNodes(nodes: Record<string, HttpNode>): Promise<void> {
  for (const n of Object.values(nodes)) {
    await n.worker.stop();
    await n.close();
  }
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T>, ms = 15_000): Promise<NonNullable<Exclude<T, false>>> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<Exclude<T, false>>;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
