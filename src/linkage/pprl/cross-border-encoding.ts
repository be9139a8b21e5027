/**
 * Cross-border encodings: the CLKs (1024-bit Bloom filters, clkhash linkage schema v3,
 * blakeHash) that the nodes exchange to find the same person, phone or organisation in
 * each other's data without showing it. One schema per kind, built here in code:
 *
 * - Person: first given name (nickname-canonical, absent when only an initial), the given
 *   names' initials, the surnames as an unordered set (so that swapped or dropped surnames
 *   still agree), birth year, birth day (neighbouring days share bits), day and month in
 *   either order, phone (national significant number).
 * - Phone: the national significant number.
 * - Organization: the name (folded, legal form removed, words sorted) as trigrams, its
 *   distinctive words (without trade words such as "farms", "servicios"), and its phone.
 *
 * Every feature gets a fixed number of bits (bitsPerFeature), so the bits set do not tell
 * how long a value is. The kind enters the key derivation (HKDF info), so encodings of
 * different kinds are unrelated even under the same secret. Values are normalised here with
 * the linkage normalisers (accents, particles, nicknames, E.164, dates) before hashing.
 *
 * Pure: no I/O. The secret is bytes held by the caller; nothing here stores it.
 */
import { createHmac } from 'node:crypto';
import { AlianzaError } from '../../domain/errors';
import { parseDate } from '../date-normalise';
import { aliasesOf, normaliseGivenName, normaliseSurname, splitFullName } from '../name-normalise';
import nicknameData from '../nicknames.json';
import { normalisePhone } from '../phone-normalise';
import { digitsOf, foldTokens, isNullish } from '../text-fold';
import { createClkEncoder, type ClkEncoder } from './clk-encoder';
import type { ClkMatrix } from './clk-matrix';
import { instantiateDiceKernel, sharedMemory } from './dice-kernel';
import { popcounts, stage } from './dice-matching';
import { runDiceTask } from './dice-tasks';
import { planLayout } from './match-layout';
import { parseLinkageSchema } from './schema';
import type { LinkageSchema } from './schema-types';

export type CrossBorderKind = 'Person' | 'Phone' | 'Organization';
export const CROSS_BORDER_KINDS: readonly CrossBorderKind[] = ['Person', 'Phone', 'Organization'];

/** Names this set of schemas; a node that cannot build them answers schema_unsupported. */
export const CROSS_BORDER_SCHEMA_ID = 'alianza-xb-v1';

/** Bits of one encoding, and its bytes. */
export const CROSS_BORDER_CLK_BITS = 1024;
export const CROSS_BORDER_CLK_BYTES = CROSS_BORDER_CLK_BITS / 8;

/** Shortest linkage secret accepted, in bytes (256 bits). */
export const MIN_SECRET_BYTES = 32;
/** Fewest distinct byte values in a secret: fewer means it was typed or repeated, not drawn. */
const MIN_DISTINCT_BYTES = 8;

type Comparison =
  | { type: 'ngram'; n: number; positional?: boolean }
  | { type: 'exact' }
  | { type: 'numeric'; thresholdDistance: number; resolution: number };
interface FeatureSpec {
  id: string;
  comparison: Comparison;
  /** bits per feature, whatever the value's length */
  bits: number;
}

const BIGRAM: Comparison = { type: 'ngram', n: 2 };
const EXACT: Comparison = { type: 'exact' };

/**
 * Features per kind, in record order. The bit budgets weigh the evidence: a shared phone
 * or full birth date says more than a shared birth year; given names and surnames are
 * bigrams so that typos and dropped accents still share most bits.
 */
const FEATURES: Record<CrossBorderKind, readonly FeatureSpec[]> = {
  Person: [
    { id: 'givenName', comparison: BIGRAM, bits: 35 },
    { id: 'initials', comparison: { type: 'ngram', n: 1, positional: true }, bits: 10 },
    { id: 'surnames', comparison: BIGRAM, bits: 60 },
    { id: 'birthYear', comparison: EXACT, bits: 30 },
    { id: 'birthDay', comparison: { type: 'numeric', thresholdDistance: 2, resolution: 1 }, bits: 30 },
    { id: 'birthMonthDay', comparison: EXACT, bits: 10 },
    { id: 'phone', comparison: EXACT, bits: 70 },
  ],
  Phone: [{ id: 'number', comparison: EXACT, bits: 64 }],
  Organization: [
    { id: 'name', comparison: { type: 'ngram', n: 3 }, bits: 100 },
    { id: 'distinctiveName', comparison: BIGRAM, bits: 20 },
    { id: 'phone', comparison: EXACT, bits: 15 },
  ],
};

/**
 * Lowest Dice score reported, per kind, and the score from which a hit is called strong.
 * Chosen from measurements, not guessed (docs/linkage.md, "Cross-border encodings"):
 *
 * - Person: on the demo scenario (MX × CA × US, every planted person) the lowest planted
 *   score was 0.66 and the highest score of two different people 0.55; on 1,464 synthetic
 *   people and their second sightings (test/linkage/people-factory.ts) 96 % of true pairs
 *   reached 0.60 and none of 29,335 pairs of different people did. 0.60 sits in the gap.
 * - Phone: one exact token, so the same number scores 1 and two numbers about 0.1.
 * - Organization: 1,500 synthetic firms named like the demo's (sector word and surname,
 *   legal forms changed, accents dropped, a word dropped, a typo): at 0.65, 98 % of true
 *   pairs and 0.025 % of 40,000 pairs of different firms; the demo's planted firms scored
 *   0.69 and above, its unrelated firms 0.55 and below.
 */
export const CROSS_BORDER_THRESHOLD: Readonly<Record<CrossBorderKind, number>> = Object.freeze({
  Person: 0.6,
  Phone: 0.9,
  Organization: 0.65,
});
export const CROSS_BORDER_STRONG: Readonly<Record<CrossBorderKind, number>> = Object.freeze({
  Person: 0.8,
  Phone: 0.95,
  Organization: 0.8,
});

export function band(score: number, kind: CrossBorderKind): 'strong' | 'possible' {
  return score >= CROSS_BORDER_STRONG[kind] ? 'strong' : 'possible';
}

// ---------------------------------------------------------------- schemas

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** The linkage schema (clkhash v3 JSON) of a kind. */
export function crossBorderLinkageSchema(kind: CrossBorderKind): Record<string, unknown> {
  return {
    version: 3,
    clkConfig: {
      l: CROSS_BORDER_CLK_BITS,
      xorFolds: 0,
      kdf: { type: 'HKDF', hash: 'SHA256', salt: base64(CROSS_BORDER_SCHEMA_ID), info: base64(`${CROSS_BORDER_SCHEMA_ID}/${kind}`), keySize: 64 },
    },
    features: FEATURES[kind].map((f) => ({
      identifier: f.id,
      format: f.comparison.type === 'numeric' ? { type: 'integer', minimum: 0 } : { type: 'string', encoding: 'utf-8' },
      hashing: {
        comparison: f.comparison,
        strategy: { bitsPerFeature: f.bits },
        hash: { type: 'blakeHash' },
        // an absent value ('') sets no bits
        ...(f.comparison.type === 'numeric' ? { missingValue: { sentinel: '' } } : {}),
      },
    })),
  };
}

const schemas = new Map<CrossBorderKind, LinkageSchema>();
function schemaOf(kind: CrossBorderKind): LinkageSchema {
  let s = schemas.get(kind);
  if (!s) schemas.set(kind, (s = parseLinkageSchema(crossBorderLinkageSchema(kind))));
  return s;
}

// ---------------------------------------------------------------- secret

export function validateLinkageSecret(secret: Uint8Array): void {
  if (!(secret instanceof Uint8Array) || secret.length < MIN_SECRET_BYTES) {
    throw new AlianzaError('PPRL_SECRET_TOO_SHORT', { found: secret instanceof Uint8Array ? secret.length : 0, min: MIN_SECRET_BYTES });
  }
  const distinct = new Set(secret).size;
  if (distinct < MIN_DISTINCT_BYTES) throw new AlianzaError('PPRL_SECRET_WEAK', { found: distinct });
}

/**
 * 32 lowercase hex digits that name a secret without revealing it: HMAC-SHA256 keyed with
 * the secret over a fixed label, truncated to 128 bits. Two nodes compare fingerprints
 * before comparing encodings.
 */
export function secretFingerprint(secret: Uint8Array): string {
  return createHmac('sha256', secret).update(`${CROSS_BORDER_SCHEMA_ID} secret fingerprint`).digest('hex').slice(0, 32);
}

// ---------------------------------------------------------------- normalised features

type Properties = Record<string, readonly string[] | undefined>;

const values = (p: Properties, key: string): string[] => (p[key] ?? []).filter((v) => typeof v === 'string' && !isNullish(v));
const first = (p: Properties, key: string): string | undefined => values(p, key)[0];

interface NicknameFile {
  groups: Record<string, string[][]>;
}
/** Full names (first of each nickname group). */
const CANONICAL = new Set(Object.values((nicknameData as NicknameFile).groups).flatMap((gs) => gs.map((g) => g[0] ?? '')));

/** A given-name token as its full name: "pepe" → "jose"; a full name stays itself. */
function canonicalGiven(token: string): string {
  if (CANONICAL.has(token)) return token;
  return aliasesOf(token).find((a) => a !== token) ?? token;
}

/** Words of a given name that are not names ("María de Jesús"). */
const GIVEN_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e']);

interface PersonNames {
  given: string[];
  surnames: string[];
}

function surnameTokens(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return (normaliseSurname(raw)?.tokens ?? []).filter((t) => t.length > 1);
}

/** Given names and surnames, from the structured properties when present, else from the full name. */
function personNames(p: Properties): PersonNames {
  const surname = first(p, 'surname');
  const givenRaw = first(p, 'givenName');
  const full = first(p, 'name');
  if (surname !== undefined) {
    const surnames = [...surnameTokens(surname), ...surnameTokens(first(p, 'secondSurname'))];
    let given = givenRaw !== undefined ? (normaliseGivenName(givenRaw)?.tokens ?? []) : [];
    if (given.length === 0 && full !== undefined) {
      // the words of the full name before the first surname
      const words = foldTokens(full);
      const at = words.findIndex((w) => surnames.includes(w));
      given = at > 0 ? words.slice(0, at) : [];
    }
    return { given, surnames };
  }
  if (full === undefined) return { given: givenRaw !== undefined ? (normaliseGivenName(givenRaw)?.tokens ?? []) : [], surnames: [] };
  // "J. L. Hernandez": leading initials are given names
  const words = normaliseGivenName(full)?.tokens ?? [];
  let k = 0;
  while (k < words.length && words[k]!.length === 1) k++;
  if (k > 0 && k < words.length && !full.includes(',')) return { given: words.slice(0, k), surnames: surnameTokens(words.slice(k).join(' ')) };
  const split = splitFullName(full);
  return {
    given: givenRaw !== undefined ? (normaliseGivenName(givenRaw)?.tokens ?? []) : (normaliseGivenName(split.given)?.tokens ?? []),
    surnames: surnameTokens(split.surname),
  };
}

/** A phone as its national significant number (digits), or null when it is not a phone. */
function phoneKey(raw: string, country?: string): string | null {
  let text = raw.trim();
  const digits = digitsOf(text);
  // the North American international prefix: 011-52-33-1234-5678
  if (!text.startsWith('+') && /^011\d{9,}$/.test(digits)) text = '+' + digits.slice(3);
  const defaultCountry = country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : undefined;
  const parsed = normalisePhone(text, defaultCountry ? { defaultCountry } : {});
  if (!parsed) return null;
  const national = parsed.countryCallingCode !== null ? parsed.national : parsed.national.replace(/^0+/, '');
  return national.length >= 6 ? national : null;
}

function firstPhone(p: Properties, key: string, country?: string): string {
  for (const v of values(p, key)) {
    const k = phoneKey(v, country);
    if (k !== null) return k;
  }
  return '';
}

function personRecord(p: Properties): string[] | null {
  const { given, surnames } = personNames(p);
  const names = given.filter((t) => !GIVEN_PARTICLES.has(t));
  const head = names[0];
  const givenName = head !== undefined && head.length > 1 ? canonicalGiven(head) : '';
  const initials = names.map((t, i) => (i === 0 && givenName !== '' ? givenName[0] : t[0])).join('');
  const uniqueSurnames = [...new Set(surnames)];
  let birthYear = '';
  let birthDay = '';
  let birthMonthDay = '';
  const dob = first(p, 'birthDate');
  const d = dob !== undefined ? parseDate(dob) : null;
  if (d && d.year >= 1850 && d.year <= 2100) {
    birthYear = String(d.year);
    if (d.precision === 'day' && d.valid) {
      birthDay = String(dayNumber(d.year, d.month!, d.day!));
      // day and month in either order: 03-14 and 14-03 agree
      birthMonthDay = [d.month!, d.day!].sort((a, b) => a - b).join('-');
    }
  }
  const phone = firstPhone(p, 'phone');
  const surname = uniqueSurnames[0] ?? '';
  // a name alone is not enough: too many people share one, and name-only encodings are the easiest to attack
  const identifying = phone !== '' || (surname !== '' && (birthDay !== '' || (birthYear !== '' && initials !== '')));
  if (!identifying) return null;
  return [givenName, initials, [...uniqueSurnames].sort().join(' '), birthYear, birthDay, birthMonthDay, phone];
}

/** Days from 1 January 1800: neighbouring days share tokens under the numeric comparison. */
function dayNumber(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1800, 0, 1)) / 86_400_000);
}

function phoneRecord(p: Properties): string[] | null {
  const number = firstPhone(p, 'number', first(p, 'country'));
  return number === '' ? null : [number];
}

/** Legal forms, as folded word sequences, removed from the end of an organisation's name. */
const LEGAL_FORMS: readonly string[][] = [
  's a b de c v', 'sab de cv', 's a p i de c v', 'sapi de cv', 's a de c v', 'sa de cv', 's de r l de c v', 's de rl de cv', 's de r l', 's de rl',
  's en c', 's c', 'sc', 'a c', 'ac', 's a', 'sa', 'sas', 's a s', 'sarl', 's a r l', 'srl', 's r l', 'gmbh', 'ag', 'bv', 'nv',
  'inc', 'incorporated', 'ltd', 'limited', 'ltee', 'limitee', 'llc', 'l l c', 'llp', 'l l p', 'lp', 'l p', 'pllc', 'plc', 'corp', 'corporation',
  'co', 'company', 'cie', 'et cie', 'and co', 'senc', 's e n c', 'enr',
].map((f) => f.split(' '));

/** Words written several ways for the same thing. */
const ORG_WORDS: Record<string, string> = {
  intl: 'internacional',
  international: 'internacional',
  internationale: 'internacional',
  int: 'internacional',
  hnos: 'hermanos',
  bros: 'brothers',
  cia: 'compania',
  mfg: 'manufacturing',
  svcs: 'services',
  servs: 'services',
  assn: 'association',
  assoc: 'association',
};
const ORG_STOPWORDS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'the', 'of', 'and', 'et', 'du', 'des', 'le', 'les', 'l', 'd']);

/**
 * Words that say what a business does rather than which one it is. They are left out of
 * the distinctive-name feature, so that two firms sharing only such a word ("Patel
 * Construction", "Turner Construction") share fewer bits, and a name that drops one
 * ("Satilla River Onion Growers" / "Satilla River Onion") still agrees there in full.
 */
const GENERIC_ORG_WORDS = new Set(
  (
    'farm farms grower growers greenhouse greenhouses produce orchard orchards nursery ranch construction builders building roofing drywall ' +
    'contractors contracting services service solutions group holdings enterprises enterprise industries internacional nacional national global ' +
    'staffing agency labor labour recruitment recruiting recruiters employment cleaning janitorial maintenance home care caregivers hotel inn ' +
    'motel suites lodge motor restaurant grill kitchen bistro diner buffet cafe bar packing packers processing manufacturing poultry nails spa ' +
    'salon massage beauty wellness day transport transportation logistics trucking associates partners brothers sons family ' +
    'agricola agricolas agropecuaria invernaderos hortalizas rancho granja campo campos constructora edificaciones servicios integral integrales ' +
    'grupo empresa empresas comercializadora agencia reclutamiento empleo limpieza domestica domestico restaurante cocina economica mariscos ' +
    'maquiladora textiles empacadora estetica transportes logistica hermanos compania fermes ferme serres vergers toitures entretien menager ' +
    'aide domicile auberge abattoir transformation onglerie groupe entreprise entreprises'
  ).split(' '),
);

/** An organisation's name folded, without its legal form, its words canonical and sorted. */
export function organisationNameKey(raw: string): string {
  let words = foldTokens(raw);
  // "Int'l" folds to "int l"
  words = words.flatMap((w, i) => (w === 'l' && words[i - 1] === 'int' ? [] : [w]));
  for (let stripped = true; stripped && words.length > 1; ) {
    stripped = false;
    for (const form of LEGAL_FORMS) {
      if (form.length < words.length && form.every((w, i) => words[words.length - form.length + i] === w)) {
        words = words.slice(0, words.length - form.length);
        stripped = true;
        break;
      }
    }
  }
  const core = words.map((w) => ORG_WORDS[w] ?? w).filter((w) => !ORG_STOPWORDS.has(w));
  return [...new Set(core)].sort().join(' ');
}

function organisationRecord(p: Properties): string[] | null {
  const name = values(p, 'name').map(organisationNameKey).find((n) => n.replace(/[^\p{L}\p{N}]/gu, '').length >= 3) ?? '';
  const distinctive = name.split(' ').filter((w) => w !== '' && !GENERIC_ORG_WORDS.has(w)).join(' ');
  const phone = firstPhone(p, 'phone', first(p, 'country'));
  if (name === '' && phone === '') return null;
  return [name, distinctive, phone];
}

/**
 * The normalised feature values of an entity of the kind (FollowTheMoney-style properties),
 * in the order of the kind's features; '' for an absent feature. Null when the entity has
 * too little to identify it (e.g. a person known by a surname alone).
 */
export function crossBorderRecord(kind: CrossBorderKind, properties: Record<string, string[]>): string[] | null {
  switch (kind) {
    case 'Person':
      return personRecord(properties);
    case 'Phone':
      return phoneRecord(properties);
    case 'Organization':
      return organisationRecord(properties);
  }
}

// ---------------------------------------------------------------- encoder

export interface CrossBorderEncoder {
  readonly clkBytes: number;
  /** The CLK of an entity of the kind, or null when crossBorderRecord gives nothing. */
  encode(kind: CrossBorderKind, properties: Record<string, string[]>): Uint8Array | null;
}

export function createCrossBorderEncoder(secret: Uint8Array): CrossBorderEncoder {
  validateLinkageSecret(secret);
  const encoders = new Map<CrossBorderKind, ClkEncoder>();
  const encoderOf = (kind: CrossBorderKind): ClkEncoder => {
    let e = encoders.get(kind);
    if (!e) encoders.set(kind, (e = createClkEncoder(schemaOf(kind), secret)));
    return e;
  };
  return {
    clkBytes: CROSS_BORDER_CLK_BYTES,
    encode(kind, properties) {
      const record = crossBorderRecord(kind, properties);
      return record === null ? null : encoderOf(kind).encodeRecord(record);
    },
  };
}

// ---------------------------------------------------------------- comparison

export interface EncodedSubject {
  ref: string;
  kind: CrossBorderKind;
  clk: Uint8Array;
}

export interface EncodingHit {
  queryRef: string;
  ownRef: string;
  kind: CrossBorderKind;
  score: number;
}

/** Longest filter the kernel takes: it keeps popcounts in 16 bits. */
const KERNEL_MAX_WORDS = 2047;

/**
 * Every same-kind pair (query × own) whose Sørensen–Dice score reaches the threshold,
 * best first (ties by query ref, then own ref); scores are rounded to two decimals (the
 * rounded score is compared). Two empty filters are never a pair.
 *
 * Synchronous and exhaustive, on the calling thread: it runs inside the transaction that
 * receives a query, so it cannot wait for workers. Per kind, the own encodings are staged in
 * popcount order and scanned by the WebAssembly Dice kernel (scan_all), which opens only
 * pairs whose bit counts can reach the threshold. Person encodings have such close bit
 * counts that nearly every pair is opened: 1,500 × 33,000 of them take about 0.45 s on one
 * core, against about 3.8 s for a plain JavaScript loop (BENCHMARKS.md, "cross-border").
 */
export function compareEncodings(query: readonly EncodedSubject[], own: readonly EncodedSubject[], threshold: number): EncodingHit[] {
  if (!(threshold > 0 && threshold <= 1)) throw new AlianzaError('PPRL_THRESHOLD_RANGE', { value: String(threshold) });
  const hits: EncodingHit[] = [];
  for (const kind of CROSS_BORDER_KINDS) {
    // filters are compared as 32-bit words, a partial last word padded with zeros
    const groups = new Map<number, { query: EncodedSubject[]; own: EncodedSubject[] }>();
    const groupOf = (clk: Uint8Array) => {
      const words = Math.ceil(clk.length / 4);
      let g = groups.get(words);
      if (!g) groups.set(words, (g = { query: [], own: [] }));
      return g;
    };
    for (const o of own) if (o.kind === kind) groupOf(o.clk).own.push(o);
    if (groups.size === 0) continue;
    for (const q of query) if (q.kind === kind && groups.has(Math.ceil(q.clk.length / 4))) groupOf(q.clk).query.push(q);
    for (const [words, g] of groups) {
      if (g.query.length === 0 || g.own.length === 0) continue;
      const found = words <= KERNEL_MAX_WORDS ? kernelPairs(g.query, g.own, words, threshold) : plainPairs(g.query, g.own, words, threshold);
      for (const [i, j, score] of found) hits.push({ queryRef: g.query[i]!.ref, ownRef: g.own[j]!.ref, kind, score });
    }
  }
  hits.sort((a, b) => b.score - a.score || cmp(a.queryRef, b.queryRef) || cmp(a.ownRef, b.ownRef));
  return hits;
}

/** Filters of `words` 32-bit words, back to back, each zero-padded to its words. */
function pack(subjects: readonly EncodedSubject[], words: number): ClkMatrix {
  const clkBytes = 4 * words;
  const data = new Uint8Array(subjects.length * clkBytes);
  subjects.forEach((s, i) => data.set(s.clk, i * clkBytes));
  return { count: subjects.length, clkBytes, data };
}

/** The score as reported: 2·common / total rounded to two decimals. */
const rounded = (common: number, total: number): number => Math.round((200 * common) / total) / 100;

/**
 * Pairs (query row, own row, rounded score) reaching the threshold, by the kernel. The
 * kernel is asked for every pair whose exact score could round up to the threshold (at
 * most 0.005 below it); each of those is then decided on its rounded score, computed from
 * its common bits exactly as the plain comparison does.
 */
function kernelPairs(query: readonly EncodedSubject[], own: readonly EncodedSubject[], words: number, threshold: number): [number, number, number][] {
  const a = pack(query, words);
  const b = pack(own, words);
  const popA = popcounts(a);
  const popB = popcounts(b);
  const layout = planLayout(a.count, b.count, a.clkBytes, 1, false);
  const memory = sharedMemory(layout.totalBytes);
  stage(memory, layout, a, b, popA, popB);
  const floor = Math.max(1e-6, threshold - 0.005 - 1e-9);
  const { pairs } = runDiceTask(instantiateDiceKernel(memory), memory, layout, 0, { kind: 'scan', threshold: floor, from: 0, to: a.count });
  const out: [number, number, number][] = [];
  for (let k = 0; k < pairs.left.length; k++) {
    const i = pairs.left[k]!;
    const j = pairs.right[k]!;
    const total = popA[i]! + popB[j]!;
    const score = rounded(Math.round((pairs.score[k]! * total) / 2), total);
    if (score >= threshold) out.push([i, j, score]);
  }
  return out;
}

/** The same pairs by plain comparison, for filters too long for the kernel. */
function plainPairs(query: readonly EncodedSubject[], own: readonly EncodedSubject[], words: number, threshold: number): [number, number, number][] {
  const a = pack(query, words);
  const b = pack(own, words);
  const popA = popcounts(a);
  const popB = popcounts(b);
  const rowsA = new Uint32Array(a.data.buffer, 0, a.count * words);
  const rowsB = new Uint32Array(b.data.buffer, 0, b.count * words);
  const out: [number, number, number][] = [];
  for (let i = 0; i < a.count; i++) {
    for (let j = 0; j < b.count; j++) {
      const total = popA[i]! + popB[j]!;
      if (total === 0) continue;
      let common = 0;
      for (let w = 0; w < words; w++) common += bitCount(rowsA[i * words + w]! & rowsB[j * words + w]!);
      const score = rounded(common, total);
      if (score >= threshold) out.push([i, j, score]);
    }
  }
  return out;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
