/**
 * A guard for the node-to-node endpoint, which anyone can reach: an address whose envelopes
 * are refused too often within a minute is answered `429` without further work (and without
 * one audit entry per request, which would let a stranger flood the audit log) until the
 * minute ends. Accepted envelopes do not count, so a busy partner is never slowed down.
 */
export const REFUSALS_PER_MINUTE = 600;
const WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;

export class RefusalThrottle {
  private readonly windows = new Map<string, { start: number; refusals: number }>();

  constructor(
    private readonly limit = REFUSALS_PER_MINUTE,
    private readonly now: () => number = Date.now,
  ) {}

  private current(address: string): { start: number; refusals: number } {
    const t = this.now();
    let w = this.windows.get(address);
    if (!w || t - w.start >= WINDOW_MS) {
      if (this.windows.size >= MAX_TRACKED) {
        for (const [a, x] of this.windows) if (t - x.start >= WINDOW_MS) this.windows.delete(a);
        if (this.windows.size >= MAX_TRACKED) this.windows.clear();
      }
      w = { start: t, refusals: 0 };
      this.windows.set(address, w);
    }
    return w;
  }

  /** True while the address is over its limit in the current minute. */
  throttled(address: string): boolean {
    return this.current(address).refusals >= this.limit;
  }

  /** Counts one refusal; true exactly when this one reaches the limit (write one audit entry then). */
  refused(address: string): boolean {
    const w = this.current(address);
    w.refusals += 1;
    return w.refusals === this.limit;
  }
}
