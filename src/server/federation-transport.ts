/**
 * The HTTP transport of the outbox: POSTs an envelope to a peer's
 * `/federation/v1/envelopes` (docs/protocol/README.md §12). Never throws: a 200 is an
 * answer, a `{ code, params }` refusal is a refusal, anything else — no connection, a
 * timeout, a TLS failure, another body — means the peer was not reached and the outbox
 * tries again later. Plain node:http(s) with keep-alive, so that no client logic (redirects,
 * automatic retries of a 421) sends an envelope anywhere but once to the pinned address.
 * TLS peers are checked against the system's trust store, plus the certificates named by
 * NODE_EXTRA_CA_CERTS (see README, "Federation").
 */
import http from 'node:http';
import https from 'node:https';
import type { Transport, TransportResult } from '../federation/ports';

export const ENVELOPES_PATH = '/federation/v1/envelopes';
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 1_048_576;

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 32, minVersion: 'TLSv1.2' }),
};

/** One POST; always settles: on the answer, an error, a connection closed early, or the timeout. */
function post(target: URL, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const fail = (e: Error): void => settle(() => reject(e));
    const protocol = target.protocol === 'https:' ? 'https:' : 'http:';
    let answered = false;
    const request = (protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        agent: agents[protocol],
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER_BYTES) {
            fail(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
            request.destroy();
          } else chunks.push(c);
        });
        res.on('end', () => settle(() => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })));
        res.on('error', fail);
        res.on('close', () => {
          if (!res.complete) fail(new Error('answer cut short'));
        });
      },
    );
    const timer = setTimeout(() => {
      fail(new Error('timeout'));
      request.destroy();
    }, timeoutMs);
    request.on('error', fail);
    request.on('close', () => {
      if (!answered) fail(new Error('connection closed before an answer'));
    });
    request.end(body);
  });
}

export function httpTransport(opts: { timeoutMs?: number } = {}): Transport {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    async send(peer, body): Promise<TransportResult> {
      try {
        const { status, text } = await post(new URL(peer.url.replace(/\/+$/, '') + ENVELOPES_PATH), body, timeoutMs);
        if (status === 200) return { kind: 'answered', body: text };
        try {
          const parsed = JSON.parse(text) as { code?: unknown; params?: unknown };
          if (typeof parsed.code === 'string' && parsed.code.startsWith('FED_')) {
            const params = parsed.params && typeof parsed.params === 'object' && !Array.isArray(parsed.params) ? (parsed.params as Record<string, string | number>) : {};
            return { kind: 'refused', code: parsed.code, params };
          }
        } catch {
          // not a protocol answer
        }
        return { kind: 'unreachable', reason: `HTTP ${status}` };
      } catch (e) {
        const code = (e as { code?: string }).code;
        return { kind: 'unreachable', reason: code ?? (e instanceof Error ? e.message : String(e)) };
      }
    },
  };
}
