/**
 * The answering side of a cross-border check at 100× the demo: one MatchQuery part of
 * 1,500 Person encodings against 33,000 marked Person encodings, all made by
 * createCrossBorderEncoder from synthetic people (test/linkage/people-factory.ts; a third
 * of the query are second sightings of marked people). Times compareEncodings (the
 * WebAssembly kernel on the calling thread) beside the plain JavaScript all-pairs loop it
 * replaced, which is kept here as the reference; both must return the same hits. Wall time
 * on one thread, best of several rounds (the machine may be shared).
 *
 *   npm run bench cross-border [queryRows] [ownRows]
 */
import type { BenchReport } from './harness';
import {
  compareEncodings,
  createCrossBorderEncoder,
  CROSS_BORDER_THRESHOLD,
  type EncodedSubject,
  type EncodingHit,
} from '../src/linkage/pprl/cross-border-encoding';
import { popcountTable } from '../src/linkage/pprl/popcount';
import { PeopleFactory, type SyntheticPerson } from '../test/linkage/people-factory';

const ROUNDS = 3;
/** a synthetic 32-byte secret */
const SECRET = Uint8Array.from({ length: 32 }, (_, i) => (i * 53 + 17) & 255);

/** Encodings of `count` people drawn by `draw` (people too little known to encode are skipped). */
function subjects(count: number, prefix: string, draw: (i: number) => SyntheticPerson): EncodedSubject[] {
  const encoder = createCrossBorderEncoder(SECRET);
  const out: EncodedSubject[] = [];
  for (let i = 0; out.length < count; i++) {
    const f = draw(i).fields;
    const properties = Object.fromEntries(
      Object.entries({ givenName: f.given_name, surname: f.surname, birthDate: f.date_of_birth, phone: f.phone }).flatMap(([k, v]) => (v ? [[k, [v]]] : [])),
    );
    const clk = encoder.encode('Person', properties);
    if (clk) out.push({ ref: `${prefix}${i}`, kind: 'Person', clk });
  }
  return out;
}

/** The plain JavaScript comparison compareEncodings used before the kernel (one kind). */
function plainCompare(query: readonly EncodedSubject[], own: readonly EncodedSubject[], threshold: number): EncodingHit[] {
  const popcount = (c: Uint8Array) => c.reduce((n, b) => n + popcountTable[b]!, 0);
  const words32 = (c: Uint8Array) => new Uint32Array(c.buffer.slice(c.byteOffset, c.byteOffset + c.length));
  const count = (x: number) => {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  };
  const floor = threshold - 0.005;
  const mine = own.map((o) => ({ ref: o.ref, pop: popcount(o.clk), words: words32(o.clk) }));
  const hits: EncodingHit[] = [];
  for (const q of query) {
    const qp = popcount(q.clk);
    const qw = words32(q.clk);
    for (const m of mine) {
      const total = qp + m.pop;
      if (total === 0 || (2 * Math.min(qp, m.pop)) / total < floor) continue;
      let common = 0;
      for (let i = 0; i < qw.length; i++) common += count(qw[i]! & m.words[i]!);
      const score = Math.round((200 * common) / total) / 100;
      if (score >= threshold) hits.push({ queryRef: q.ref, ownRef: m.ref, kind: q.kind, score });
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return hits.sort((a, b) => b.score - a.score || cmp(a.queryRef, b.queryRef) || cmp(a.ownRef, b.ownRef));
}

function best<T>(rounds: number, f: () => T): { seconds: number; result: T } {
  let seconds = Infinity;
  let result!: T;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    result = f();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return { seconds, result };
}

export default async function run(args: string[]): Promise<BenchReport> {
  const nQuery = Number(args[0] ?? 1500);
  const nOwn = Number(args[1] ?? 33_000);
  const factory = new PeopleFactory(2026);
  const marked: SyntheticPerson[] = [];
  const t0 = performance.now();
  const own = subjects(nOwn, 'own', (i) => {
    const p = factory.person(i);
    marked.push(p);
    return p;
  });
  const query = subjects(nQuery, 'q', (i) => (i % 3 === 0 ? factory.sighting(marked[(i * 7919) % marked.length]!) : factory.person(marked.length + i)));
  const encodeSeconds = (performance.now() - t0) / 1000;
  const threshold = CROSS_BORDER_THRESHOLD.Person;

  const kernel = best(ROUNDS, () => compareEncodings(query, own, threshold));
  const plain = best(1, () => plainCompare(query, own, threshold));
  if (JSON.stringify(kernel.result) !== JSON.stringify(plain.result)) throw new Error('the kernel and the plain comparison disagree');
  const pairs = query.length * own.length;
  return {
    title: `answering one MatchQuery part: ${query.length} × ${own.length} Person encodings`,
    figures: {
      compare_seconds_kernel: Number(kernel.seconds.toFixed(3)),
      compare_seconds_plain_js_before: Number(plain.seconds.toFixed(2)),
      speedup: Number((plain.seconds / kernel.seconds).toFixed(1)),
      pairs_per_second_kernel: Math.round(pairs / kernel.seconds),
      hits: kernel.result.length,
    },
    notes: [
      `${query.length} query and ${own.length} own encodings from synthetic people (a third of the query are second sightings of own people), threshold ${threshold}; encoding them took ${encodeSeconds.toFixed(1)} s and is not timed.`,
      `compareEncodings: WebAssembly scan_all on the calling thread (B staged in popcount order, popcount bounds), wall time, best of ${ROUNDS}; plain: the former all-pairs JavaScript loop, one run. Both return the same ${kernel.result.length} hits.`,
    ],
  };
}
