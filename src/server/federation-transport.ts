/**
 * The HTTP transport of the outbox: POSTs an envelope to a peer's
 * `/federation/v1/envelopes` (docs/protocol/README.md §12). Never throws: a 200 is an
 * answer, a `{ code, params }` refusal is a refusal, anything else — no connection, a
 * timeout, a TLS failure, another body — means the peer was not reached and the outbox
 * tries again later. TLS peers are checked against the system's trust store, plus the
 * certificates named by NODE_EXTRA_CA_CERTS (see README, "Federation").
 */
import type { Transport, TransportResult } from '../federation/ports';

export const ENVELOPES_PATH = '/federation/v1/envelopes';
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 1_048_576;

export function httpTransport(opts: { timeoutMs?: number } = {}): Transport {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    async send(peer, body): Promise<TransportResult> {
      try {
        const res = await fetch(peer.url.replace(/\/+$/, '') + ENVELOPES_PATH, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await res.text();
        if (text.length > MAX_ANSWER_BYTES) return { kind: 'unreachable', reason: `answer of ${text.length} bytes` };
        if (res.status === 200) return { kind: 'answered', body: text };
        try {
          const parsed = JSON.parse(text) as { code?: unknown; params?: unknown };
          if (typeof parsed.code === 'string' && parsed.code.startsWith('FED_')) {
            const params = parsed.params && typeof parsed.params === 'object' && !Array.isArray(parsed.params) ? (parsed.params as Record<string, string | number>) : {};
            return { kind: 'refused', code: parsed.code, params };
          }
        } catch {
          // not a protocol answer
        }
        return { kind: 'unreachable', reason: `HTTP ${res.status}` };
      } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause?.code;
        return { kind: 'unreachable', reason: cause ?? (e instanceof Error ? e.name : String(e)) };
      }
    },
  };
}
