/**
 * An in-memory network between in-memory nodes, with the faults a real one has: lost
 * requests, lost answers, duplicated deliveries, reordering, and nodes that are down.
 * Seeded, so that a failing run can be replayed.
 */
import type { Transport, TransportResult } from './ports';

export interface NetworkFaults {
  /** Probability that a request never arrives. */
  dropRequest: number;
  /** Probability that the answer is lost after the receiver handled the request. */
  dropResponse: number;
  /** Probability that the receiver gets the request a second time, later. */
  duplicate: number;
  /** Each hop waits 0..maxDelayTicks event-loop turns, which reorders concurrent messages. */
  maxDelayTicks: number;
}

export const NO_FAULTS: NetworkFaults = { dropRequest: 0, dropResponse: 0, duplicate: 0, maxDelayTicks: 0 };

export type Endpoint = (body: string) => Promise<TransportResult>;

export interface NetworkStats {
  requests: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicates: number;
  unreachable: number;
}

export interface MemoryNetwork {
  transport: Transport;
  register(url: string, endpoint: Endpoint): void;
  setDown(url: string, down: boolean): void;
  /** Waits until every delayed duplicate has been delivered. */
  settle(): Promise<void>;
  stats: NetworkStats;
  /** Every request body that reached an endpoint, in order, for replay tests. */
  delivered: { url: string; body: string }[];
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function memoryNetwork(random: () => number, faults: NetworkFaults = NO_FAULTS): MemoryNetwork {
  const endpoints = new Map<string, Endpoint>();
  const down = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  const stats: NetworkStats = { requests: 0, droppedRequests: 0, droppedResponses: 0, duplicates: 0, unreachable: 0 };
  const delivered: { url: string; body: string }[] = [];

  const wait = async (): Promise<void> => {
    const ticks = Math.floor(random() * (faults.maxDelayTicks + 1));
    for (let i = 0; i < ticks; i++) await turn();
  };

  const deliver = async (url: string, body: string): Promise<TransportResult> => {
    const endpoint = endpoints.get(url);
    if (!endpoint || down.has(url)) {
      stats.unreachable++;
      return { kind: 'unreachable', reason: 'connection refused' };
    }
    delivered.push({ url, body });
    return endpoint(body);
  };

  const transport: Transport = {
    async send(peer, body) {
      stats.requests++;
      await wait();
      if (random() < faults.dropRequest) {
        stats.droppedRequests++;
        return { kind: 'unreachable', reason: 'timeout' };
      }
      if (random() < faults.duplicate) {
        stats.duplicates++;
        const later = (async () => {
          await wait();
          await turn();
          await deliver(peer.url, body);
        })();
        inFlight.add(later);
        void later.finally(() => inFlight.delete(later));
      }
      const answer = await deliver(peer.url, body);
      await wait();
      if (answer.kind !== 'unreachable' && random() < faults.dropResponse) {
        stats.droppedResponses++;
        return { kind: 'unreachable', reason: 'timeout' };
      }
      return answer;
    },
  };

  return {
    transport,
    register: (url, endpoint) => {
      endpoints.set(url, endpoint);
    },
    setDown: (url, isDown) => {
      if (isDown) down.add(url);
      else down.delete(url);
    },
    settle: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    stats,
    delivered,
  };
}
