/**
 * Number parsing and rounding with the semantics of the reference encoder's language
 * (Python), so that a value is normalised to the same text on every node: `int(s, 10)`,
 * `float(s)` and `round(x)` (round half to even). Only ASCII digits are accepted; a value
 * the reference would read with other digits is refused here rather than encoded
 * differently.
 */

// Python's str.strip() whitespace (the characters int() and float() ignore around a number).
const PY_SPACE = '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRIM = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

const INT_SYNTAX = /^[+-]?\d(?:_?\d)*$/;
const FLOAT_SYNTAX = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

/** `int(s, 10)`: surrounding whitespace, a sign, single underscores between digits. */
export function parsePyInt(text: string): bigint | null {
  const s = text.replace(TRIM, '');
  if (!INT_SYNTAX.test(s)) return null;
  return BigInt(s.replace(/_/g, ''));
}

/** `float(s)` for finite decimal numbers; infinities and NaN are refused (null). */
export function parsePyFloat(text: string): number | null {
  const s = text.replace(TRIM, '');
  if (!FLOAT_SYNTAX.test(s)) return null;
  const v = Number(s.replace(/_/g, ''));
  return Number.isFinite(v) ? v : null;
}

/** `round(x)` of a double: nearest integer, ties to even. */
export function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** `10 ** n` as the double Python gets when it converts the integer to a float. */
export function pyPow10AsFloat(n: number): number {
  return Number(`1e${n}`);
}

/** Python's `%` on integers: the result has the sign of the divisor. */
export function pyMod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r !== 0n && (r < 0n) !== (m < 0n) ? r + m : r;
}
