/**
 * Text folding shared by every normaliser: accents removed, lower case, punctuation to
 * spaces, spaces collapsed. "Hernández-Ruiz" and "HERNANDEZ RUIZ" fold to the same text.
 */

/** Letters that Unicode decomposition does not split into base + mark. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_RE = /[ßæœøłđðþı]/g;
const MARKS_RE = /\p{M}+/gu;
const NON_ALNUM_RE = /[^\p{L}\p{N}]+/gu;

/** Accents off, lower case, everything that is not a letter or digit becomes one space. */
export function foldText(input: string): string {
  return input
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .replace(NON_ALNUM_RE, ' ')
    .trim();
}

/** Folded text split into tokens; an empty input gives no tokens. */
export function foldTokens(input: string): string[] {
  const folded = foldText(input);
  return folded === '' ? [] : folded.split(' ');
}

/** Only the digits of a string. */
export function digitsOf(input: string): string {
  return input.replace(/\D+/g, '');
}

/** Values people write for "unknown" in a field; treated as missing. */
const NULLISH = new Set(['', 'null', 'none', 'nan', 'n a', 'unknown', 'desconocido', 'inconnu', 'sin dato', 's d']);

export function isNullish(input: string | null | undefined): boolean {
  if (input === null || input === undefined) return true;
  return NULLISH.has(foldText(input));
}
