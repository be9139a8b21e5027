/**
 * A small seeded random generator for the demo scenario: sfc32 (128-bit state) seeded from
 * a string key through a 128-bit mixing hash, so that independent streams ("MX/cases",
 * "CA/users", ...) neither overlap nor depend on how much another stream was used.
 * The same key always gives the same sequence, on every platform.
 */

/** Mixes a string into four 32-bit words (murmur3-style finalisers over two FNV-like lanes). */
export function hashKey(key: string): [number, number, number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  let h3 = 0x243f6a88;
  let h4 = 0xb7e15162;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x85ebca6b);
    h3 = Math.imul(h3 ^ c, 0xc2b2ae35);
    h4 = Math.imul(h4 ^ c, 0x27d4eb2f);
  }
  const fmix = (h: number, salt: number): number => {
    h = (h ^ salt ^ key.length) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  const a = fmix(h1 ^ h3, 0x1b873593);
  const b = fmix(h2 ^ a, 0xcc9e2d51);
  const c = fmix(h3 ^ b, 0xe6546b64);
  const d = fmix(h4 ^ c, 0x38b34ae5);
  return [a, b, c, d];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string) {
    [this.a, this.b, this.c, this.d] = hashKey(key);
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** An independent stream derived from this one's key space (not from its position). */
  static stream(...parts: Array<string | number>): Rng {
    return new Rng(parts.join('\u241f'));
  }

  /** Next unsigned 32-bit integer (sfc32). */
  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next32() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Picks by weight; `weighted([['a', 3], ['b', 1]])` returns 'a' three times in four. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.float() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** `n` distinct items in random order (all of them when n exceeds the list). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice();
    const k = Math.min(n, copy.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, k);
  }

  /** Decimal digits, e.g. digits(4) -> "0831". */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.next32() % 10);
    return s;
  }

  /** An RFC 4122 version-4 UUID made from this stream. */
  uuid(): string {
    const w0 = this.next32();
    const w1 = this.next32();
    const w2 = (this.next32() & 0x3fffffff) | 0x80000000; // variant 10xx
    const w3 = this.next32();
    const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
    const s = hex(w0) + hex((w1 & 0xffff0fff) | 0x00004000) + hex(w2) + hex(w3);
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
  }
}
