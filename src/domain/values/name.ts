/**
 * Names of people and organizations. The stored form keeps the name as written — case,
 * accents (in NFC) and particles — with the spacing, quotes, apostrophes and hyphens
 * tidied. Matching and search use folded forms (see search-text).
 *
 * Hispanic names usually carry two surnames (paternal then maternal), possibly compound
 * ("de la Torre", "García-López"); particles belong to the word that follows them.
 */
import { charLength, cleanLine } from './clean';
import { bad, ok, type Normalised } from './types';

export const NAME_MAX = 300;

/** Lower-case particles that belong to the following word of a name. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'das', 'do', 'dos', 'di', 'du', 'des', 'le', 'van', 'von', 'der', 'den', 'ten', 'ter', 'st', 'ste', 'san', 'santa', 'bin', 'ibn', 'al', 'el', 'mac', 'mc',
]);

const WRAPPING_QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
  ['„', '“'],
  ['‹', '›'],
];

const L = '\\p{L}\\p{M}';
const APOSTROPHE = new RegExp(`(?<=[${L}])\\s*[’‘ʼ\`´]\\s*(?=[${L}])`, 'gu');
const HYPHEN = new RegExp(`(?<=[${L}])\\s*[-‐‑‒–—―]\\s*(?=[${L}])`, 'gu');

function stripWrappingQuotes(s: string): string {
  let out = s;
  for (;;) {
    const pair = WRAPPING_QUOTES.find(([open, close]) => out.length >= 2 && out.startsWith(open) && out.endsWith(close));
    if (!pair) return out;
    out = out.slice(pair[0].length, out.length - pair[1].length).trim();
  }
}

// Letters, marks, digits and spaces, plus the punctuation real names and aliases use:
// apostrophes, hyphens, dots, commas, ampersands, parentheses, slashes and quotes.
// Anything else (<, >, ;, =, {, }, ...) has no place in a name and is refused.
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{N} '.,&()/"«»“”‘’-]+$/u;

export function normaliseName(input: string): Normalised {
  let s = cleanLine(input).replace(APOSTROPHE, "'").replace(HYPHEN, '-');
  for (;;) {
    const next = stripWrappingQuotes(s).replace(/^[,;:]+|[,;:]+$/g, '').trim();
    if (next === s) break;
    s = next;
  }
  if (s === '') return bad('VALUE_EMPTY');
  if (charLength(s) > NAME_MAX) return bad('VALUE_TOO_LONG', { max: NAME_MAX });
  if (!NAME_CHARACTERS.test(s)) return bad('VALUE_INVALID_NAME');
  return ok(s);
}

const isParticle = (word: string): boolean => NAME_PARTICLES.has(word.toLocaleLowerCase('es').replace(/\.$/, ''));

/**
 * Words of a name with particles attached to the word that follows:
 * "María de los Ángeles García de la Torre" -> ["María", "de los Ángeles", "García", "de la Torre"].
 * The first word is never treated as a particle (a given name such as "Del" stays whole).
 */
export function nameGroups(name: string): string[] {
  const words = name.split(' ').filter((w) => w !== '');
  const groups: string[] = [];
  let pending: string[] = [];
  words.forEach((w, i) => {
    if (i > 0 && i < words.length - 1 && isParticle(w)) {
      pending.push(w);
      return;
    }
    groups.push([...pending, w].join(' '));
    pending = [];
  });
  if (pending.length) groups.push(pending.join(' '));
  return groups;
}

export interface HispanicName {
  givenNames: string;
  /** paternal then maternal surname, when known */
  surnames: string[];
}

/**
 * Splits a full name written in the Hispanic order (given names, paternal surname,
 * maternal surname). A heuristic: with three or more groups the last two are surnames,
 * with two groups the last one is. A compound given name with a single surname
 * ("María José García") is read as two surnames; prefer the separate fields when known.
 */
export function splitHispanicName(full: string): HispanicName {
  const groups = nameGroups(full);
  if (groups.length <= 1) return { givenNames: groups[0] ?? '', surnames: [] };
  const n = groups.length >= 3 ? 2 : 1;
  return { givenNames: groups.slice(0, -n).join(' '), surnames: groups.slice(-n) };
}
