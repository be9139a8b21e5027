/** Retry schedule of the outbox (docs/protocol/delivery.md §3): exponential backoff with equal jitter. */
import { MAX_DELIVERY_AGE_MS } from './constants';

export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
  /** Give up this long after the first attempt. */
  maxAgeMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({
  baseMs: 2_000,
  capMs: 3_600_000,
  maxAttempts: 16,
  maxAgeMs: MAX_DELIVERY_AGE_MS,
});

/** Delay before attempt `attempt + 1`, after attempt `attempt` (1-based) failed; `random` in [0, 1). */
export function retryDelay(attempt: number, random: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 52);
  const d = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(d / 2 + random * (d / 2));
}

/** When to try next after a failed attempt, or null to give up. */
export function nextAttemptAt(
  attempt: number,
  firstAttemptAt: number,
  now: number,
  random: number,
  policy: RetryPolicy = DEFAULT_RETRY,
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const at = now + retryDelay(attempt, random, policy);
  return at - firstAttemptAt > policy.maxAgeMs ? null : at;
}
