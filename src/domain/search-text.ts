/**
 * Search terms for the full-text index (SearchRepository). A document is indexed under
 * its folded tokens (no accents, no case) and phonetic keys of its words, so that a name
 * typed without accents or misspelt the way it sounds still finds the record:
 * "nunez" and "Nunes" find "Núñez", "hernandes" finds "Hernández".
 *
 * Two phonetic keys per word, each under its own prefix so they never collide with
 * tokens or with each other:
 *   "~s:" a Spanish-aware key (silent h, b/v, c/s/z, ll/y, qu/k, g/j, x/j);
 *   "~m:" Double Metaphone (talisman), which serves English and French names.
 * Phone numbers are indexed as digit strings (see values/phone phoneTerms).
 */
import doubleMetaphone from 'talisman/phonetics/double-metaphone';
import { NAME_PARTICLES } from './values/name';
import { normalisePhone, phoneTerms } from './values/phone';

export const SPANISH_KEY_PREFIX = '~s:';
export const METAPHONE_PREFIX = '~m:';
export const MAX_TOKEN_LENGTH = 64;
export const MAX_QUERY_GROUPS = 12;

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  œ: 'oe',
  æ: 'ae',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
};

/** Accent- and case-folded text: "Núñez-Gómez, Françoise" -> "nunez-gomez, francoise". */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßœæøđðłıþħ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFC');
}

/** Folded words and numbers of a text; apostrophes inside words are dropped ("O'Brien" -> "obrien"). */
export function tokens(s: string): string[] {
  return fold(s)
    .replace(/(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '')
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
}

const isAlphabetic = (t: string): boolean => /^\p{L}+$/u.test(t);

/**
 * A phonetic key for Spanish spellings, on a folded word: letters that sound alike in
 * Latin-American Spanish get one symbol, silent h goes, doubled letters collapse.
 */
export function spanishKey(word: string): string {
  let s = fold(word).replace(/[^a-z]/g, '');
  s = s
    .replace(/ch|sh/g, 'X')
    .replace(/ll/g, 'y')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/q(u(?=[eiy]))?/g, 'k')
    .replace(/gu(?=[eiy])/g, 'G')
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/g/g, 'G')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/x$/g, 'ks')
    .replace(/x/g, 'j')
    .replace(/h/g, '')
    .replace(/y(?![aeiou])/g, 'i')
    .replace(/X/g, 'x')
    .replace(/G/g, 'g')
    .replace(/(.)\1+/g, '$1');
  return s.length >= 2 ? s : '';
}

/** Double Metaphone codes (primary, then secondary when different). */
export function metaphoneKeys(word: string): string[] {
  const folded = fold(word).replace(/[^a-z]/g, '');
  if (folded.length < 2) return [];
  const [primary, secondary] = doubleMetaphone(folded);
  return [...new Set([primary, secondary].filter((k) => k.length > 0).map((k) => k.toLowerCase()))];
}

// Names repeat a lot across documents; a bounded memo spares recomputing their keys.
const PHONETIC_MEMO = new Map<string, readonly string[]>();
const PHONETIC_MEMO_MAX = 20_000;

/** Phonetic terms of one folded token (empty for numbers, short words and particles). */
export function phoneticTerms(token: string): readonly string[] {
  if (!isAlphabetic(token) || token.length < 3 || NAME_PARTICLES.has(token)) return [];
  const known = PHONETIC_MEMO.get(token);
  if (known) return known;
  const out: string[] = [];
  const s = spanishKey(token);
  if (s) out.push(SPANISH_KEY_PREFIX + s);
  for (const m of metaphoneKeys(token)) out.push(METAPHONE_PREFIX + m);
  if (PHONETIC_MEMO.size >= PHONETIC_MEMO_MAX) PHONETIC_MEMO.clear();
  PHONETIC_MEMO.set(token, out);
  return out;
}

// Runs of digits separated by the usual phone punctuation, at least 7 digits in all.
const DIGIT_RUN = /\+?\d[\d\s().\-/]{5,}\d/g;

/**
 * Terms of a document made of several texts: folded tokens, phonetic keys, joined forms
 * of compound names ("García-López" -> "garcialopez", "de la Cruz" -> "delacruz") and the
 * digits of phone-like number runs.
 */
export function documentTerms(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const words = tokens(text);
    for (const t of words) {
      out.add(t);
      for (const p of phoneticTerms(t)) out.add(p);
    }
    // compound names: hyphenated words and particle groups, joined
    for (const compound of fold(text).match(/[\p{L}]+(?:[-'’][\p{L}]+)+/gu) ?? []) {
      out.add(compound.replace(/[-'’]/g, '').slice(0, MAX_TOKEN_LENGTH));
    }
    for (let i = 0; i < words.length - 1; i++) {
      const w = words[i] as string;
      if (!NAME_PARTICLES.has(w)) continue;
      let j = i;
      while (j < words.length && NAME_PARTICLES.has(words[j] as string)) j++;
      if (j < words.length) out.add(words.slice(i, j + 1).join('').slice(0, MAX_TOKEN_LENGTH));
    }
    for (const run of text.match(DIGIT_RUN) ?? []) {
      const digits = run.replace(/\D/g, '');
      if (digits.length >= 7 && digits.length <= 17) out.add(digits);
    }
  }
  return [...out];
}

const PHONE_QUERY = /^\+?[\d\s().\-/]+$/;

/**
 * Query term groups for SearchRepository.search: one group per query word, each with the
 * word as a prefix ("hern*") and its phonetic keys. Particles ("de", "la") are left out
 * when other words remain. A query that is a phone number gives one group of digit
 * prefixes (as typed, and in E.164 when the number reads in `defaultCountry`).
 */
export function queryGroups(q: string, opts: { defaultCountry?: string } = {}): string[][] {
  const trimmed = q.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (PHONE_QUERY.test(trimmed) && digits.length >= 7) {
    const alts = new Set([digits + '*']);
    const phone = normalisePhone(trimmed, { defaultCountry: opts.defaultCountry });
    if (phone.ok) for (const t of phoneTerms(phone.value)) alts.add(t + '*');
    return [[...alts]];
  }
  const words = [...new Set(tokens(trimmed))];
  const meaningful = words.filter((w) => !NAME_PARTICLES.has(w));
  const chosen = (meaningful.length ? meaningful : words).slice(0, MAX_QUERY_GROUPS);
  return chosen.map((w) => [w + '*', ...phoneticTerms(w)]);
}

/**
 * Whether a document with `terms` matches every group (the rule SearchRepository applies
 * with `all: true`); a reference for adapters and tests.
 */
export function matchesAll(terms: readonly string[], groups: readonly string[][]): boolean {
  const set = new Set(terms);
  return groups.every((g) =>
    g.some((alt) => (alt.endsWith('*') ? terms.some((t) => t.startsWith(alt.slice(0, -1))) : set.has(alt))),
  );
}
