/**
 * A cluster of in-memory nodes for service tests: each node has its own stores, keys,
 * audit log and a clock a little off from the others; they talk over an in-memory network
 * with faults.
 */
import type { NewAuditEntry } from '../../src/store/ports';
import type { RetryPolicy } from '../../src/federation/backoff';
import { createFederation, type Federation } from '../../src/federation/federation-node';
import type { InboxHandlers, ReceivedMessage } from '../../src/federation/inbox';
import { createNodeKeys } from '../../src/federation/key-rotation';
import { manualClock, memoryAudit, memoryMessages, memoryNodeKeys, memoryPeers, seededRandom, skewedClock } from '../../src/federation/memory';
import { memoryNetwork, type MemoryNetwork, type NetworkFaults } from '../../src/federation/memory-network';
import { publicIdentity } from '../../src/federation/peers';
import type { Clock, MessageRepository, NodeKeyRepository, PeerRepository } from '../../src/federation/ports';

export interface ClusterNode {
  node: string;
  country: string;
  url: string;
  clock: Clock;
  keys: NodeKeyRepository;
  peers: PeerRepository;
  messages: MessageRepository;
  audit: NewAuditEntry[];
  federation: Federation;
  /** How many times each Alert took effect, by envelope id. */
  effects: Map<string, number>;
}

export interface Cluster {
  nodes: Record<string, ClusterNode>;
  network: MemoryNetwork;
  clock: ReturnType<typeof manualClock>;
  /** Rounds of delivery until every outbox is empty (or `maxRounds`); returns the rounds used. */
  run(opts?: { maxRounds?: number; stepMs?: number }): Promise<number>;
  pending(): Promise<number>;
}

export const FAST_RETRY: RetryPolicy = { baseMs: 1_000, capMs: 60_000, maxAttempts: 40, maxAgeMs: 7 * 86_400_000 };

export interface ClusterOptions {
  seed: number;
  faults: NetworkFaults;
  start: number;
  /** Node id → [country, clock offset in ms]. */
  members: Record<string, [string, number]>;
  retry?: RetryPolicy;
  handlers?: (node: string) => InboxHandlers;
}

export async function createCluster(options: ClusterOptions): Promise<Cluster> {
  const random = seededRandom(options.seed);
  const clock = manualClock(options.start);
  const network = memoryNetwork(random, options.faults);
  const entries = Object.entries(options.members).map(([node, [country, offset]]) => {
    const nodeClock = skewedClock(clock, offset);
    const keys = createNodeKeys({ node, country }, nodeClock.now() - 86_400_000);
    return { node, country, offset, nodeClock, keys, url: `http://${node}.test` };
  });
  const nodes: Record<string, ClusterNode> = {};
  for (const e of entries) {
    const peers = memoryPeers(entries.filter((o) => o.node !== e.node).map((o) => publicIdentity(o.keys, o.url)));
    const keys = memoryNodeKeys(e.keys);
    const messages = memoryMessages();
    const audit = memoryAudit();
    const effects = new Map<string, number>();
    const countEffect = async (message: ReceivedMessage): Promise<void> => {
      effects.set(message.envelopeId, (effects.get(message.envelopeId) ?? 0) + 1);
    };
    const federation = createFederation({
      keys,
      peers,
      messages,
      transport: network.transport,
      clock: e.nodeClock,
      audit: audit.sink,
      random,
      retry: options.retry ?? FAST_RETRY,
      handlers: { Alert: countEffect, ...options.handlers?.(e.node) },
    });
    network.register(e.url, async (body) => {
      const answer = await federation.inbox.receive(body);
      return answer.ok ? { kind: 'answered', body: answer.receipt } : { kind: 'refused', code: answer.code, params: answer.params };
    });
    nodes[e.node] = { node: e.node, country: e.country, url: e.url, clock: e.nodeClock, keys, peers, messages, audit: audit.entries, federation, effects };
  }

  const pending = async (): Promise<number> => {
    const counts = await Promise.all(Object.values(nodes).map((n) => n.federation.outbox.pending()));
    return counts.reduce((a, b) => a + b, 0);
  };

  return {
    nodes,
    network,
    clock,
    pending,
    async run({ maxRounds = 500, stepMs = 30_000 } = {}) {
      for (let round = 1; round <= maxRounds; round++) {
        await Promise.all(Object.values(nodes).map((n) => n.federation.outbox.deliverDue()));
        await network.settle();
        if ((await pending()) === 0) return round;
        clock.advance(stepMs);
      }
      return maxRounds;
    },
  };
}
