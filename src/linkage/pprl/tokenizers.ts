/**
 * Tokens of a normalised value, as the comparisons of the linkage schema define them:
 * n-grams (padded with n−1 spaces on both sides; positional ones prefixed "{i+1} "), the
 * whole value (exact), or the neighbourhood of a number (numeric, after Vatsalan and
 * Christen 2016) so that close numbers share tokens.
 */
import { parsePyFloat, parsePyInt, pyMod, pyPow10AsFloat, pyRound } from './py-numbers';
import type { Comparison } from './schema-types';

/** Positions are counted in code points, as the reference does. */
function ngrams(word: string, n: number, positional: boolean): string[] {
  if (word.length === 0) return [];
  const pad = n > 1 ? ' '.repeat(n - 1) : '';
  const chars = Array.from(pad + word + pad);
  const out: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n).join('');
    out.push(positional ? `${i + 1} ${gram}` : gram);
  }
  return out;
}

function numericTokens(word: string, c: Extract<Comparison, { type: 'numeric' }>): string[] | null {
  if (word.length === 0) return [];
  let v: bigint;
  const asInt = parsePyInt(word);
  if (asInt !== null) {
    v = asInt * 10n ** BigInt(c.fractionalPrecision);
  } else {
    const f = parsePyFloat(word);
    if (f === null) return null;
    v = BigInt(c.fractionalPrecision > 0 ? pyRound(f * pyPow10AsFloat(c.fractionalPrecision)) : Math.trunc(f));
  }
  const d = c.distanceInterval;
  v = v * 2n * BigInt(c.resolution);
  const residue = pyMod(v, d);
  if (residue !== 0n) v = 2n * residue < d ? v - residue : v + (d - residue);
  const out: string[] = [];
  for (let i = -c.resolution; i <= c.resolution; i++) out.push((v + BigInt(i) * d).toString());
  return out;
}

/** The tokens of a value, or null when a numeric comparison is given something not a number. */
export function tokenize(word: string, comparison: Comparison): string[] | null {
  switch (comparison.type) {
    case 'ngram':
      return ngrams(word, comparison.n, comparison.positional);
    case 'exact':
      return word.length === 0 ? [] : [word];
    case 'numeric':
      return numericTokens(word, comparison);
  }
}
