/**
 * Person names in Spanish, French and English: accents folded, particles (de, del, la,
 * van, von, du, le, ...) set apart from the core of a surname, titles dropped, initials
 * recognised, and nicknames (Pepe → José, Bill → William) resolved through a data file.
 */
import nicknameData from './nicknames.json';
import { foldTokens } from './text-fold';

export interface NameValue {
  /** Core tokens joined by one space: "hernandez ruiz", "cruz" (for "de la Cruz"). */
  text: string;
  /** Every token, particles included, without spaces: "delacruz". */
  full: string;
  tokens: string[];
  /** First letters of the core tokens: "jl" for "José Luis". */
  initials: string;
  /** Every core token is a single letter ("J. L."). */
  isInitials: boolean;
}

export interface GivenNameValue extends NameValue {
  /** Per token, the names it may stand for: the token itself and the full names of its nicknames. */
  aliases: string[][];
}

const PARTICLES = new Set([
  'de', 'del', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'di', 'du', 'van', 'von', 'der', 'den', 'le', 'les', 'des', 'y', 'e', 'st', 'ste', 'saint', 'sainte', 'ten', 'ter', 'al', 'el', 'bin', 'ibn',
]);
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sr', 'sra', 'srta', 'don', 'dona', 'm', 'mme', 'mlle', 'lic', 'ing', 'rev', 'sir',
]);

interface NicknameFile {
  version: number;
  groups: Record<string, string[][]>;
}

/** nickname or full name -> full names it may stand for (itself included). */
const ALIASES: Map<string, string[]> = buildAliases(nicknameData as NicknameFile);

function buildAliases(data: NicknameFile): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  const add = (form: string, canonical: string): void => {
    let set = map.get(form);
    if (!set) map.set(form, (set = new Set([form])));
    set.add(canonical);
  };
  for (const groups of Object.values(data.groups)) {
    for (const group of groups) {
      const canonical = group[0];
      if (!canonical) continue;
      for (const form of group) add(form, canonical);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
}

/** The full names a single folded token may stand for, itself included. */
export function aliasesOf(token: string): string[] {
  return ALIASES.get(token) ?? [token];
}

/** Two given-name tokens are the same name, or nicknames of a common name. */
export function tokensEquivalent(a: string, b: string): boolean {
  if (a === b) return true;
  const aa = ALIASES.get(a);
  const bb = ALIASES.get(b);
  if (aa === undefined) return bb !== undefined && bb.includes(a);
  if (bb === undefined) return aa.includes(b);
  for (const x of aa) if (bb.includes(x)) return true;
  return false;
}

function dropTitles(tokens: string[]): string[] {
  let i = 0;
  while (i < tokens.length - 1 && TITLES.has(tokens[i] ?? '')) i++;
  return tokens.slice(i);
}

function makeName(allTokens: string[], core: string[]): NameValue {
  const initials = core.map((t) => t[0] ?? '').join('');
  return {
    text: core.join(' '),
    full: allTokens.join(''),
    tokens: core,
    initials,
    isInitials: core.length > 0 && core.every((t) => t.length === 1),
  };
}

/** A surname: particles are kept in `full` and left out of the core tokens. */
export function normaliseSurname(raw: string): NameValue | null {
  const tokens = dropTitles(foldTokens(raw));
  if (tokens.length === 0) return null;
  const core = tokens.filter((t) => !PARTICLES.has(t));
  return makeName(tokens, core.length > 0 ? core : tokens);
}

/** A given name (one or more tokens); titles are dropped when a name follows them. */
export function normaliseGivenName(raw: string): GivenNameValue | null {
  const tokens = dropTitles(foldTokens(raw));
  if (tokens.length === 0) return null;
  const base = makeName(tokens, tokens);
  return { ...base, aliases: tokens.map(aliasesOf) };
}

/**
 * Splits a full name into given name and surname. "Surname, Given" is honoured; otherwise
 * particles stay with the word after them, two words are given + surname, three words
 * are given + two surnames (the Spanish custom), four or more are two given names + the rest.
 */
export function splitFullName(raw: string): { given: string; surname: string } {
  const comma = raw.indexOf(',');
  if (comma >= 0) return { surname: raw.slice(0, comma).trim(), given: raw.slice(comma + 1).trim() };
  const tokens = dropTitles(foldTokens(raw));
  const units: string[] = [];
  let pending: string[] = [];
  for (const t of tokens) {
    pending.push(t);
    if (!PARTICLES.has(t)) {
      units.push(pending.join(' '));
      pending = [];
    }
  }
  if (pending.length) units.push(pending.join(' '));
  if (units.length <= 1) return { given: '', surname: units[0] ?? '' };
  const givenCount = units.length === 2 || units.length === 3 ? 1 : 2;
  return { given: units.slice(0, givenCount).join(' '), surname: units.slice(givenCount).join(' ') };
}

/**
 * Given names agree through nicknames: their first tokens are equivalent ("Pepe Luis" /
 * "José"), or every token of the shorter name is equivalent to a token of the longer one
 * ("Lupe" / "María Guadalupe").
 */
export function givenNamesAlias(a: GivenNameValue, b: GivenNameValue): boolean {
  const a0 = a.tokens[0];
  const b0 = b.tokens[0];
  if (a0 === undefined || b0 === undefined) return false;
  if (a0.length > 1 && b0.length > 1 && tokensEquivalent(a0, b0)) return true;
  const short = a.tokens.length <= b.tokens.length ? a : b;
  const long = short === a ? b : a;
  for (const s of short.tokens) {
    if (s.length < 2) return false;
    let found = false;
    for (const l of long.tokens) {
      if (tokensEquivalent(s, l)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * Initials agree with a name: "J. L." / "José Luis", "J. Luis" / "José Luis", "J" / "Jean".
 * At least one token must be an initial, and each aligned token must agree.
 */
export function initialsAgree(a: NameValue, b: NameValue): boolean {
  const n = Math.min(a.tokens.length, b.tokens.length);
  if (n === 0) return false;
  let sawInitial = false;
  for (let i = 0; i < n; i++) {
    const x = a.tokens[i] ?? '';
    const y = b.tokens[i] ?? '';
    if (x === y) continue;
    if (x.length === 1 && y[0] === x) sawInitial = true;
    else if (y.length === 1 && x[0] === y) sawInitial = true;
    else return false;
  }
  return sawInitial;
}

/** Two surnames share a core word: "Hernández Ruiz" / "Hernández", "Smith-Jones" / "Jones". */
export function surnamesShareWord(a: NameValue, b: NameValue): boolean {
  return a.tokens.some((t) => t.length > 1 && b.tokens.includes(t));
}
