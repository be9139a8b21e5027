/**
 * Phonetic keys for blocking: the primary Double Metaphone code (Philips 2000) of a
 * folded word. Good enough to bring "Smith"/"Smyth" or "Hernández"/"Hernandes" into one
 * block; blocking takes the union of several rules, so no single key must be perfect.
 */
import * as doubleMetaphoneModule from 'talisman/phonetics/double-metaphone';

type Encoder = (word: string) => [string, string];

/** The CommonJS export may arrive as the function or wrapped in `default` (once or twice). */
function unwrap(mod: unknown): Encoder {
  let m: unknown = mod;
  for (let i = 0; i < 3 && typeof m !== 'function'; i++) m = (m as { default?: unknown }).default;
  if (typeof m !== 'function') throw new Error('talisman double-metaphone did not load');
  return m as Encoder;
}

const doubleMetaphone = unwrap(doubleMetaphoneModule);
const cache = new Map<string, string>();

/** Primary Double Metaphone code of an already folded word ("" for an empty word). */
export function phoneticKey(word: string): string {
  if (word === '') return '';
  let code = cache.get(word);
  if (code === undefined) {
    code = doubleMetaphone(word)[0] || word;
    if (cache.size > 200_000) cache.clear();
    cache.set(word, code);
  }
  return code;
}
