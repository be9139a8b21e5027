/**
 * Reads a clkhash linkage schema, version 3 only. Every problem is reported with the path
 * of the field at fault (e.g. `features[3].hashing.strategy`) and a stable code; a schema
 * this module accepts produces the same CLKs as the reference encoder.
 */
import { AlianzaError } from '../../domain/errors';
import { pyPow10AsFloat, pyRound } from './py-numbers';
import { compileDateFormat, UnsupportedDirectiveError } from './py-strptime';
import type {
  Comparison,
  EncodedFeature,
  Feature,
  FeatureFormat,
  HashFunction,
  KdfHash,
  KeyDerivation,
  LetterCase,
  LinkageSchema,
  MissingValue,
  Strategy,
  TextEncodingName,
} from './schema-types';

type Json = Record<string, unknown>;

const fail = (code: string, params: Record<string, string | number>): never => {
  throw new AlianzaError(code, params);
};

function object(v: unknown, path: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('PPRL_SCHEMA_NOT_OBJECT', { path });
  return v as Json;
}

function allowOnly(o: Json, path: string, keys: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!keys.includes(k)) fail('PPRL_SCHEMA_UNKNOWN_FIELD', { path: `${path}.${k}` });
  }
}

function required(o: Json, key: string, path: string): unknown {
  if (!(key in o) || o[key] === undefined) fail('PPRL_SCHEMA_MISSING', { path: `${path}.${key}` });
  return o[key];
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') fail('PPRL_SCHEMA_NOT_STRING', { path });
  return v as string;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail('PPRL_SCHEMA_NOT_BOOLEAN', { path });
  return v as boolean;
}

function int(v: unknown, path: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) fail('PPRL_SCHEMA_NOT_INTEGER', { path, min });
  return v as number;
}

function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) fail('PPRL_SCHEMA_NOT_ONE_OF', { path, allowed: allowed.join(', ') });
  return v as T;
}

function base64(v: unknown, path: string): Uint8Array {
  const s = str(v, path).replace(/\s+/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) fail('PPRL_SCHEMA_BAD_BASE64', { path });
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/** A key that the reference reads under two spellings: the documented one and its own. */
function alias(o: Json, documented: string, internal: string, path: string): unknown {
  const a = o[documented];
  const b = o[internal];
  if (a !== undefined && b !== undefined && a !== b) fail('PPRL_SCHEMA_UNKNOWN_FIELD', { path: `${path}.${internal}` });
  return a ?? b;
}

function parseKdf(v: unknown, path: string): KeyDerivation {
  const o = object(v, path);
  allowOnly(o, path, ['type', 'hash', 'salt', 'info', 'keySize']);
  oneOf(required(o, 'type', path), `${path}.type`, ['HKDF'] as const);
  const hash: KdfHash = o.hash === undefined ? 'SHA256' : oneOf(o.hash, `${path}.hash`, ['SHA256', 'SHA512'] as const);
  const kdf: KeyDerivation = { type: 'HKDF', hash, keySize: o.keySize === undefined ? 64 : int(o.keySize, `${path}.keySize`, 1) };
  if (o.salt !== undefined) kdf.salt = base64(o.salt, `${path}.salt`);
  if (o.info !== undefined) kdf.info = base64(o.info, `${path}.info`);
  return kdf;
}

function compilePattern(pattern: string, path: string): RegExp {
  // Python spells named groups (?P<name>...) and back-references (?P=name)
  const js = pattern.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  for (const flags of ['u', '']) {
    try {
      return new RegExp(`^(?:${js})$`, flags);
    } catch {
      // try the next flavour
    }
  }
  return fail('PPRL_SCHEMA_BAD_PATTERN', { path });
}

function parseFormat(v: unknown, path: string): FeatureFormat {
  const o = object(v, path);
  const type = oneOf(required(o, 'type', path), `${path}.type`, ['string', 'integer', 'date', 'enum'] as const);
  switch (type) {
    case 'string': {
      allowOnly(o, path, ['type', 'encoding', 'case', 'minLength', 'maxLength', 'pattern', 'description']);
      const encoding: TextEncodingName =
        o.encoding === undefined ? 'utf-8' : oneOf(o.encoding, `${path}.encoding`, ['ascii', 'utf-8', 'utf-16', 'utf-32'] as const);
      const letterCase: LetterCase = o.case === undefined ? 'mixed' : oneOf(o.case, `${path}.case`, ['upper', 'lower', 'mixed'] as const);
      if (o.pattern !== undefined) {
        if (o.case !== undefined || o.minLength !== undefined || o.maxLength !== undefined) fail('PPRL_SCHEMA_PATTERN_WITH_LENGTH', { path });
        return { type, encoding, case: 'mixed', pattern: compilePattern(str(o.pattern, `${path}.pattern`), `${path}.pattern`) };
      }
      const f: FeatureFormat = { type, encoding, case: letterCase };
      if (o.minLength !== undefined) f.minLength = int(o.minLength, `${path}.minLength`, 0);
      if (o.maxLength !== undefined) f.maxLength = int(o.maxLength, `${path}.maxLength`, 1);
      return f;
    }
    case 'integer': {
      allowOnly(o, path, ['type', 'minimum', 'maximum', 'description']);
      const f: FeatureFormat = { type };
      if (o.minimum !== undefined) f.minimum = BigInt(int(o.minimum, `${path}.minimum`, Number.MIN_SAFE_INTEGER));
      if (o.maximum !== undefined) f.maximum = BigInt(int(o.maximum, `${path}.maximum`, Number.MIN_SAFE_INTEGER));
      return f;
    }
    case 'date': {
      allowOnly(o, path, ['type', 'format', 'description']);
      const source = str(required(o, 'format', path), `${path}.format`);
      try {
        return { type, format: compileDateFormat(source) };
      } catch (e) {
        if (e instanceof UnsupportedDirectiveError) fail('PPRL_SCHEMA_BAD_DATE_FORMAT', { path: `${path}.format`, directive: e.directive });
        throw e;
      }
    }
    case 'enum': {
      allowOnly(o, path, ['type', 'values', 'description']);
      const values = required(o, 'values', path);
      if (!Array.isArray(values)) return fail('PPRL_SCHEMA_NOT_ARRAY', { path: `${path}.values` });
      return { type, values: new Set(values.map((x, i) => str(x, `${path}.values[${i}]`))) };
    }
  }
}

function parseComparison(v: unknown, path: string): Comparison {
  const o = object(v, path);
  const type = oneOf(required(o, 'type', path), `${path}.type`, ['ngram', 'exact', 'numeric'] as const);
  if (type === 'ngram') {
    allowOnly(o, path, ['type', 'n', 'positional']);
    return {
      type,
      n: int(required(o, 'n', path), `${path}.n`, 0),
      positional: o.positional === undefined || o.positional === null ? false : bool(o.positional, `${path}.positional`),
    };
  }
  if (type === 'exact') {
    allowOnly(o, path, ['type']);
    return { type };
  }
  allowOnly(o, path, ['type', 'thresholdDistance', 'resolution', 'fractionalPrecision', 'fractional_precision']);
  const distance = required(o, 'thresholdDistance', path);
  if (typeof distance !== 'number' || !Number.isFinite(distance) || distance <= 0) {
    fail('PPRL_SCHEMA_NOT_NUMBER', { path: `${path}.thresholdDistance` });
  }
  const resolution = int(required(o, 'resolution', path), `${path}.resolution`, 1);
  const precisionValue = alias(o, 'fractionalPrecision', 'fractional_precision', path);
  const fractionalPrecision = precisionValue === undefined ? 0 : int(precisionValue, `${path}.fractionalPrecision`, 0);
  const interval = pyRound((distance as number) * pyPow10AsFloat(fractionalPrecision));
  if (interval === 0) fail('PPRL_SCHEMA_NUMERIC_PRECISION', { path });
  return { type, distanceInterval: BigInt(interval), resolution, fractionalPrecision };
}

function parseStrategy(v: unknown, path: string): Strategy {
  const o = object(v, path);
  allowOnly(o, path, ['bitsPerToken', 'bitsPerFeature']);
  if (o.bitsPerToken !== undefined && o.bitsPerFeature !== undefined) fail('PPRL_SCHEMA_TWO_STRATEGIES', { path });
  if (o.bitsPerToken !== undefined) return { type: 'bitsPerToken', bits: int(o.bitsPerToken, `${path}.bitsPerToken`, 1) };
  if (o.bitsPerFeature !== undefined) return { type: 'bitsPerFeature', bits: int(o.bitsPerFeature, `${path}.bitsPerFeature`, 1) };
  return fail('PPRL_SCHEMA_MISSING', { path: `${path}.bitsPerToken` });
}

function parseHash(v: unknown, path: string): HashFunction {
  if (v === undefined) return { type: 'blakeHash' };
  const o = object(v, path);
  const type = oneOf(required(o, 'type', path), `${path}.type`, ['blakeHash', 'doubleHash'] as const);
  if (type === 'blakeHash') {
    allowOnly(o, path, ['type']);
    return { type };
  }
  allowOnly(o, path, ['type', 'prevent_singularity']);
  const p = o.prevent_singularity;
  return { type, preventSingularity: p === undefined || p === null ? false : bool(p, `${path}.prevent_singularity`) };
}

function parseMissingValue(v: unknown, path: string): MissingValue {
  const o = object(v, path);
  allowOnly(o, path, ['sentinel', 'replaceWith']);
  const sentinel = str(required(o, 'sentinel', path), `${path}.sentinel`);
  const replaceWith = o.replaceWith === undefined || o.replaceWith === null ? sentinel : str(o.replaceWith, `${path}.replaceWith`);
  return { sentinel, replaceWith };
}

function parseFeature(v: unknown, path: string): Feature {
  const o = object(v, path);
  const identifier = str(required(o, 'identifier', path), `${path}.identifier`);
  if (o.ignored !== undefined) {
    allowOnly(o, path, ['identifier', 'ignored', 'description']);
    if (o.ignored !== true) fail('PPRL_SCHEMA_NOT_ONE_OF', { path: `${path}.ignored`, allowed: 'true' });
    return { identifier, ignored: true };
  }
  allowOnly(o, path, ['identifier', 'description', 'format', 'hashing']);
  const format = parseFormat(required(o, 'format', path), `${path}.format`);
  const hp = `${path}.hashing`;
  const hashing = object(required(o, 'hashing', path), hp);
  allowOnly(hashing, hp, ['comparison', 'strategy', 'hash', 'missingValue']);
  const feature: EncodedFeature = {
    identifier,
    ignored: false,
    format,
    comparison: parseComparison(required(hashing, 'comparison', hp), `${hp}.comparison`),
    strategy: parseStrategy(required(hashing, 'strategy', hp), `${hp}.strategy`),
    hash: parseHash(hashing.hash, `${hp}.hash`),
  };
  if (hashing.missingValue !== undefined) feature.missingValue = parseMissingValue(hashing.missingValue, `${hp}.missingValue`);
  return feature;
}

/** Parses a linkage schema given as JSON text or as an already-parsed value. */
export function parseLinkageSchema(input: unknown): LinkageSchema {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      fail('PPRL_SCHEMA_NOT_JSON', { path: '' });
    }
  }
  const root = object(value, '(schema)');
  if (!('version' in root)) fail('PPRL_SCHEMA_MISSING', { path: 'version' });
  if (root.version !== 3) fail('PPRL_SCHEMA_VERSION', { path: 'version', found: JSON.stringify(root.version) ?? 'null' });
  allowOnly(root, '', ['version', 'clkConfig', 'features', '$schema', 'description']);

  const config = object(required(root, 'clkConfig', ''), 'clkConfig');
  allowOnly(config, 'clkConfig', ['l', 'kdf', 'xorFolds', 'xor_folds']);
  const l = int(required(config, 'l', 'clkConfig'), 'clkConfig.l', 1);
  const foldsValue = alias(config, 'xorFolds', 'xor_folds', 'clkConfig');
  const xorFolds = foldsValue === undefined ? 0 : int(foldsValue, 'clkConfig.xorFolds', 0);
  const kdf = parseKdf(required(config, 'kdf', 'clkConfig'), 'clkConfig.kdf');

  const list = required(root, 'features', '');
  if (!Array.isArray(list)) return fail('PPRL_SCHEMA_NOT_ARRAY', { path: 'features' });
  const features = list.map((f, i) => parseFeature(f, `features[${i}]`));
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f.identifier)) fail('PPRL_SCHEMA_DUPLICATE_FEATURE', { path: 'features', identifier: f.identifier });
    seen.add(f.identifier);
  }
  if (!features.some((f) => !f.ignored)) fail('PPRL_SCHEMA_NO_FEATURES', { path: 'features' });

  const hashBits = l * 2 ** xorFolds;
  const usesBlake = features.some((f) => !f.ignored && f.hash.type === 'blakeHash');
  if (usesBlake && !Number.isInteger(Math.log2(hashBits))) fail('PPRL_SCHEMA_BLAKE_LENGTH', { path: 'clkConfig.l', bits: hashBits });
  // BLAKE2b takes keys of at most 64 bytes
  if (usesBlake && kdf.keySize > 64) fail('PPRL_SCHEMA_BLAKE_KEY_SIZE', { path: 'clkConfig.kdf.keySize', size: kdf.keySize });

  const keyBytes = 2 * features.length * kdf.keySize;
  const maxBytes = 255 * (kdf.hash === 'SHA256' ? 32 : 64);
  if (keyBytes > maxBytes) fail('PPRL_SCHEMA_KEY_MATERIAL', { path: 'clkConfig.kdf', bytes: keyBytes, hash: kdf.hash, max: maxBytes });

  return { version: 3, l, xorFolds, kdf, features };
}
