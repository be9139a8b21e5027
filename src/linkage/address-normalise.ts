/**
 * Addresses and places: folded, street words shortened to one form (street/st,
 * calle/c., avenue/ave/av., rue/r.), and a house number set apart when the address
 * carries one ("12 Main Street", "Calle Juárez 123").
 */
import abbreviationData from './address-abbreviations.json';
import { foldTokens } from './text-fold';

export interface TextValue {
  text: string;
  tokens: string[];
}

const WORDS: Record<string, string> = (abbreviationData as { words: Record<string, string> }).words;

/** Folded free text (a town, a region): tokens joined by one space. */
export function normaliseText(raw: string): TextValue | null {
  const tokens = foldTokens(raw);
  return tokens.length === 0 ? null : { text: tokens.join(' '), tokens };
}

/** Street words mapped to their short form; empty when nothing is left. */
export function normaliseAddress(raw: string): TextValue | null {
  const tokens = foldTokens(raw).map((t) => WORDS[t] ?? t);
  return tokens.length === 0 ? null : { text: tokens.join(' '), tokens };
}

const HOUSE_NUMBER_RE = /^\d+[a-z]?$/;

/**
 * Splits the first house number off an address line: "12 main st" → {number: "12",
 * rest: "main st"}; "calle juarez 123 int 4" → {number: "123", rest: "calle juarez int 4"}.
 */
export function splitHouseNumber(address: TextValue): { number: string | null; rest: TextValue | null } {
  const i = address.tokens.findIndex((t) => HOUSE_NUMBER_RE.test(t));
  if (i < 0) return { number: null, rest: address };
  const number = address.tokens[i] ?? null;
  const tokens = address.tokens.filter((_, j) => j !== i);
  return { number, rest: tokens.length === 0 ? null : { text: tokens.join(' '), tokens } };
}
