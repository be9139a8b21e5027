/**
 * Candidate pairs (left row, right row, Dice score) without repeats: the same pair may be
 * found in several LSH bands. Open addressing over typed arrays; grows as needed.
 */
export interface ScoredPairs {
  left: Uint32Array;
  right: Uint32Array;
  score: Float64Array;
}

const EMPTY = 0xffffffff;

export class PairSet {
  private capacity: number;
  private lefts: Uint32Array;
  private rights: Uint32Array;
  private scores: Float64Array;
  size = 0;

  constructor(expected = 1024) {
    this.capacity = 1 << Math.max(10, Math.ceil(Math.log2(expected * 2)));
    this.lefts = new Uint32Array(this.capacity).fill(EMPTY);
    this.rights = new Uint32Array(this.capacity);
    this.scores = new Float64Array(this.capacity);
  }

  private slot(left: number, right: number): number {
    const mask = this.capacity - 1;
    let h = (Math.imul(left, 0x9e3779b1) ^ Math.imul(right + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    while (this.lefts[h] !== EMPTY && (this.lefts[h] !== left || this.rights[h] !== right)) h = (h + 1) & mask;
    return h;
  }

  /** Adds a pair; returns false when it was already there. */
  add(left: number, right: number, score: number): boolean {
    if ((this.size + 1) * 2 > this.capacity) this.grow();
    const h = this.slot(left, right);
    if (this.lefts[h] !== EMPTY) return false;
    this.lefts[h] = left;
    this.rights[h] = right;
    this.scores[h] = score;
    this.size++;
    return true;
  }

  addAll(p: ScoredPairs): void {
    for (let i = 0; i < p.left.length; i++) this.add(p.left[i]!, p.right[i]!, p.score[i]!);
  }

  private grow(): void {
    const { lefts, rights, scores } = this;
    this.capacity *= 2;
    this.lefts = new Uint32Array(this.capacity).fill(EMPTY);
    this.rights = new Uint32Array(this.capacity);
    this.scores = new Float64Array(this.capacity);
    this.size = 0;
    for (let i = 0; i < lefts.length; i++) if (lefts[i] !== EMPTY) this.add(lefts[i]!, rights[i]!, scores[i]!);
  }

  toArrays(): ScoredPairs {
    const out = { left: new Uint32Array(this.size), right: new Uint32Array(this.size), score: new Float64Array(this.size) };
    let k = 0;
    for (let i = 0; i < this.capacity; i++) {
      if (this.lefts[i] === EMPTY) continue;
      out.left[k] = this.lefts[i]!;
      out.right[k] = this.rights[i]!;
      out.score[k] = this.scores[i]!;
      k++;
    }
    return out;
  }
}

export function concatPairs(parts: readonly ScoredPairs[]): ScoredPairs {
  const n = parts.reduce((s, p) => s + p.left.length, 0);
  const out = { left: new Uint32Array(n), right: new Uint32Array(n), score: new Float64Array(n) };
  let k = 0;
  for (const p of parts) {
    out.left.set(p.left, k);
    out.right.set(p.right, k);
    out.score.set(p.score, k);
    k += p.left.length;
  }
  return out;
}
