/**
 * JSON in the two forms the protocol needs (docs/protocol/README.md §3):
 * - `canonicalize`: RFC 8785 (JCS) canonical text, the input of every signature and digest;
 * - `parseStrictJson`: an RFC 8259 parser that, unlike JSON.parse, refuses duplicate member
 *   names, invalid UTF-8 and excessive nesting, so that what is verified is what is read.
 */
import { MAX_JSON_DEPTH } from './constants';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class JsonFormError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'JsonFormError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, path: string, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new JsonFormError(path, 'number not finite');
      out.push(JSON.stringify(value)); // ECMAScript Number.prototype.toString; -0 -> "0"
      return;
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new JsonFormError(path, 'lone surrogate');
      out.push(JSON.stringify(value));
      return;
    case 'object': {
      if (Array.isArray(value)) {
        out.push('[');
        value.forEach((item, i) => {
          if (i > 0) out.push(',');
          write(item, `${path}[${i}]`, out);
        });
        out.push(']');
        return;
      }
      if (!isPlainObject(value)) throw new JsonFormError(path, 'not a plain object');
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort(); // UTF-16 code unit order
      out.push('{');
      keys.forEach((key, i) => {
        if (LONE_SURROGATE.test(key)) throw new JsonFormError(path, 'lone surrogate in a name');
        const item = record[key];
        if (item === undefined) throw new JsonFormError(`${path}.${key}`, 'undefined');
        if (i > 0) out.push(',');
        out.push(JSON.stringify(key), ':');
        write(item, `${path}.${key}`, out);
      });
      out.push('}');
      return;
    }
    default:
      throw new JsonFormError(path, `${typeof value} is not JSON`);
  }
}

/** RFC 8785 canonical text of a JSON value; throws JsonFormError for anything not JSON. */
export function canonicalize(value: unknown): string {
  const out: string[] = [];
  write(value, '$', out);
  return out.join('');
}

export const canonicalBytes = (value: unknown): Buffer => Buffer.from(canonicalize(value), 'utf8');

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const PLAIN_CHARS = /[^"\\\u0000-\u001f]*/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses RFC 8259 JSON strictly. Throws JsonFormError naming where the text is wrong. */
export function parseStrictJson(input: string | Uint8Array, maxDepth = MAX_JSON_DEPTH): Json {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = decoder.decode(input);
    } catch {
      throw new JsonFormError('$', 'not UTF-8');
    }
  }
  let pos = 0;

  const fail = (reason: string): never => {
    throw new JsonFormError('$', `${reason} at offset ${pos}`);
  };
  const skipWhitespace = (): void => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };

  const parseString = (): string => {
    pos++; // opening quote
    let result = '';
    for (;;) {
      PLAIN_CHARS.lastIndex = pos;
      PLAIN_CHARS.exec(text);
      result += text.slice(pos, PLAIN_CHARS.lastIndex);
      pos = PLAIN_CHARS.lastIndex;
      const c = text[pos];
      if (c === '"') {
        pos++;
        if (LONE_SURROGATE.test(result)) fail('lone surrogate');
        return result;
      }
      if (c === '\\') {
        const e = text[pos + 1];
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          result += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else if (e !== undefined && ESCAPES[e] !== undefined) {
          result += ESCAPES[e];
          pos += 2;
        } else fail('bad escape');
        continue;
      }
      fail(c === undefined ? 'unterminated string' : 'control character in string');
    }
  };

  const parseValue = (depth: number): Json => {
    skipWhitespace();
    const c = text[pos];
    if (c === '{' || c === '[') {
      if (depth >= maxDepth) fail('nested too deeply');
    }
    if (c === '{') {
      pos++;
      const obj: Record<string, Json> = {};
      const seen = new Set<string>();
      skipWhitespace();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"') fail('expected a member name');
        const key = parseString();
        if (seen.has(key)) throw new JsonFormError('$', `duplicate member name "${key}"`);
        seen.add(key);
        skipWhitespace();
        if (text[pos] !== ':') fail('expected ":"');
        pos++;
        const item = parseValue(depth + 1);
        Object.defineProperty(obj, key, { value: item, enumerable: true, writable: true, configurable: true });
        skipWhitespace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return obj;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      pos++;
      const arr: Json[] = [];
      skipWhitespace();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        skipWhitespace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return arr;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', pos)) {
      pos += 4;
      return true;
    }
    if (text.startsWith('false', pos)) {
      pos += 5;
      return false;
    }
    if (text.startsWith('null', pos)) {
      pos += 4;
      return null;
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m && m[0].length > 0) {
      pos = NUMBER.lastIndex;
      const n = Number(m[0]);
      if (!Number.isFinite(n)) fail('number out of range');
      return n;
    }
    return fail('unexpected character');
  };

  const value = parseValue(0);
  skipWhitespace();
  if (pos !== text.length) fail('trailing characters');
  return value;
}
