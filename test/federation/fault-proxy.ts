/**
 * A faulty network between real node processes, on loopback: each node's peers reach it
 * through a proxy that loses requests, loses answers after the node handled the request,
 * delivers some requests twice, and delays each one a little (which reorders them).
 * Seeded, bounded, and it stops with the test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyFaults {
  dropRequest: number;
  dropResponse: number;
  duplicate: number;
  maxDelayMs: number;
}

export interface ProxyStats {
  requests: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicates: number;
  refusedByNode: number;
}

export interface FaultProxy {
  url: string;
  stats: ProxyStats;
  close(): Promise<void>;
}

function forward(targetPort: number, req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: { 'content-type': req.headers['content-type'] ?? 'application/json', 'content-length': body.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.setTimeout(20_000, () => out.destroy(new Error('timeout')));
    out.end(body);
  });
}

export async function faultProxy(targetPort: () => number, random: () => number, faults: ProxyFaults): Promise<FaultProxy> {
  const stats: ProxyStats = { requests: 0, droppedRequests: 0, droppedResponses: 0, duplicates: 0, refusedByNode: 0 };
  const pending = new Set<Promise<unknown>>();
  const delay = (): Promise<void> => new Promise((r) => setTimeout(r, Math.floor(random() * faults.maxDelayMs)));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      stats.requests++;
      const body = Buffer.concat(chunks);
      await delay();
      if (random() < faults.dropRequest) {
        stats.droppedRequests++;
        res.socket?.destroy();
        return;
      }
      if (random() < faults.duplicate) {
        stats.duplicates++;
        const again = delay()
          .then(() => forward(targetPort(), req, body))
          .catch(() => undefined);
        pending.add(again);
        void again.finally(() => pending.delete(again));
      }
      try {
        const answer = await forward(targetPort(), req, body);
        if (answer.status !== 200) stats.refusedByNode++;
        await delay();
        if (random() < faults.dropResponse) {
          stats.droppedResponses++;
          res.socket?.destroy();
          return;
        }
        res.writeHead(answer.status, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
        res.end(answer.body);
      } catch {
        res.socket?.destroy(); // the node is down: the sender sees no answer
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    async close() {
      await Promise.all([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
