import { describe, expect, it } from 'vitest';
import { RefusalThrottle } from './federation-throttle';

describe('RefusalThrottle', () => {
  it('throttles an address at its limit for the rest of the minute, and only that address', () => {
    let now = 0;
    const t = new RefusalThrottle(3, () => now);
    expect(t.refused('a')).toBe(false);
    expect(t.refused('a')).toBe(false);
    expect(t.throttled('a')).toBe(false);
    expect(t.refused('a')).toBe(true); // the third refusal reaches the limit: audit once
    expect(t.throttled('a')).toBe(true);
    expect(t.refused('a')).toBe(false);
    expect(t.throttled('b')).toBe(false);
    now += 59_999;
    expect(t.throttled('a')).toBe(true);
    now += 1;
    expect(t.throttled('a')).toBe(false);
  });
});
