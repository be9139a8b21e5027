/**
 * Low-level text cleaning shared by the value types: well-formed Unicode in NFC, no control
 * or invisible characters, one kind of space.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// zero-width and formatting characters that only hide differences (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen)
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

function base(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE, '');
}

/** One line of text: all whitespace and control characters become single spaces; trimmed; NFC. */
export function cleanLine(s: string): string {
  return base(s)
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ')
    .normalize('NFC')
    .replace(SPACES, ' ')
    .trim();
}

/** Multi-line text: lines cleaned one by one, at most one blank line in a row; trimmed; NFC. */
export function cleanText(s: string): string {
  const lines = base(s)
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL_EXCEPT_NEWLINE, ' ')
    .normalize('NFC')
    .split('\n')
    .map((l) => l.replace(SPACES, ' ').trim());
  const out: string[] = [];
  for (const l of lines) {
    if (l === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(l);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Length in code points, as a person would count characters. */
export const charLength = (s: string): number => [...s].length;
