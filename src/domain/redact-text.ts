/**
 * Free text (a case's title or narrative) may name a victim. For a reader who may not see
 * the victim's identity, every occurrence of the victim's names is replaced by the
 * pseudonym — matched whatever the accents and case ("Nunez" and "NÚÑEZ" both go).
 */
import { fold } from './search-text';

const WORD = /[\p{L}\p{N}]/u;

/** Folded text with, for each folded character, the index of the original character it came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  return { folded, origin };
}

/**
 * Replaces whole-word occurrences of any of `names` (longest first) by `replacement`.
 * Names shorter than three letters are ignored (initials would blank out ordinary words).
 */
export function redactNames(text: string, names: readonly string[], replacement: string): string {
  const wanted = [...new Set(names.map((n) => fold(n).trim().replace(/\s+/g, ' ')).filter((n) => n.replace(/[^\p{L}]/gu, '').length >= 3))].sort((a, b) => b.length - a.length);
  if (!text || wanted.length === 0) return text;
  const { folded, origin } = foldWithMap(text);
  const spans: [number, number][] = [];
  for (const name of wanted) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(name, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + name.length;
      if ((at > 0 && WORD.test(folded[at - 1]!)) || (end < folded.length && WORD.test(folded[end]!))) continue;
      const start = origin[at]!;
      const stop = end < origin.length ? origin[end]! : text.length;
      if (spans.some(([s, e]) => start < e && stop > s)) continue;
      spans.push([start, stop]);
    }
  }
  spans.sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + replacement + out.slice(e);
  return out;
}
