/**
 * Cryptographic long-term keys (CLKs, Schnell, Bachteler and Reiher 2011): each record
 * becomes one Bloom filter into which every token of every feature is hashed with keys
 * derived from the linkage secret. Byte-compatible with clkhash (linkage schema v3): bit i
 * of a CLK is `byte[i >> 3] & (0x80 >> (i & 7))`.
 *
 * A batch is checked completely before anything is encoded: either every record is
 * encoded, or an error lists the rows and features at fault (never their values).
 */
import { AlianzaError, type FieldIssue } from '../../domain/errors';
import { prepareValue } from './feature-values';
import { deriveFeatureKeys } from './key-derivation';
import type { EncodedFeature, LinkageSchema } from './schema-types';
import { createTokenHasher, type TokenHasher } from './token-hashing';
import { tokenize } from './tokenizers';

/** Bits given to each of `count` tokens by a feature's strategy. */
export function bitsPerToken(strategy: EncodedFeature['strategy'], count: number): number[] {
  if (strategy.type === 'bitsPerToken') return new Array<number>(count).fill(strategy.bits);
  const k = Math.floor(strategy.bits / count);
  const residue = strategy.bits % count;
  return Array.from({ length: count }, (_, i) => (i < residue ? k + 1 : k));
}

/** Most issues reported for one batch; the count in the error is still exact. */
const MAX_ISSUES = 50;

export interface ClkEncoder {
  readonly schema: LinkageSchema;
  /** bytes of one CLK: ⌈l / 8⌉ */
  readonly clkBytes: number;
  /** Problems of one record (empty when it can be encoded). */
  check(record: readonly string[], rowNumber: number): FieldIssue[];
  /** The CLK of one record; throws if the record has a problem. */
  encodeRecord(record: readonly string[], rowNumber?: number): Uint8Array;
}

function issue(rowNumber: number, feature: string, code: string, params: Record<string, string | number>): FieldIssue {
  return { field: `row ${rowNumber}: ${feature}`, code, params: { row: rowNumber, feature, ...params } };
}

function foldInHalf(bits: Uint8Array, lengthBits: number): Uint8Array {
  const half = lengthBits / 2;
  const out = new Uint8Array(Math.ceil(half / 8));
  if (half % 8 === 0) {
    const h = half / 8;
    for (let i = 0; i < h; i++) out[i] = bits[i]! ^ bits[i + h]!;
    return out;
  }
  const get = (i: number) => (bits[i >> 3]! >> (7 - (i & 7))) & 1;
  for (let i = 0; i < half; i++) if (get(i) ^ get(i + half)) out[i >> 3]! |= 0x80 >> (i & 7);
  return out;
}

export function createClkEncoder(schema: LinkageSchema, secret: string | Uint8Array): ClkEncoder {
  const keys = deriveFeatureKeys(secret, schema.features.length, schema.kdf);
  const hashBits = schema.l * 2 ** schema.xorFolds;
  const hashBytes = Math.ceil(hashBits / 8);
  const hashers: (TokenHasher | null)[] = schema.features.map((f, i) =>
    f.ignored ? null : createTokenHasher(f.hash, keys[i]!, f.format.type === 'string' ? f.format.encoding : 'utf-8', hashBits),
  );

  /** Tokens of every encoded feature, or the issues that prevent it. */
  function tokensOf(record: readonly string[], rowNumber: number): { tokens: (string[] | null)[]; issues: FieldIssue[] } {
    const issues: FieldIssue[] = [];
    const tokens: (string[] | null)[] = [];
    if (record.length !== schema.features.length) {
      const code = 'PPRL_ROW_LENGTH';
      issues.push({ field: `row ${rowNumber}`, code, params: { row: rowNumber, found: record.length, expected: schema.features.length } });
      return { tokens, issues };
    }
    schema.features.forEach((f, i) => {
      if (f.ignored) {
        tokens.push(null);
        return;
      }
      const prepared = prepareValue(f, record[i]!);
      if (!prepared.ok) {
        issues.push(issue(rowNumber, f.identifier, prepared.problem.code, prepared.problem.params));
        tokens.push(null);
        return;
      }
      const t = tokenize(prepared.text, f.comparison);
      if (t === null) issues.push(issue(rowNumber, f.identifier, 'PPRL_VALUE_NOT_NUMBER', {}));
      tokens.push(t);
    });
    return { tokens, issues };
  }

  const work = new Uint8Array(hashBytes);
  return {
    schema,
    clkBytes: Math.ceil(schema.l / 8),
    check: (record, rowNumber) => tokensOf(record, rowNumber).issues,
    encodeRecord(record, rowNumber = 1) {
      const { tokens, issues } = tokensOf(record, rowNumber);
      if (issues.length > 0) throw new AlianzaError('PPRL_RECORDS_INVALID', { count: issues.length }, issues);
      work.fill(0);
      schema.features.forEach((f, i) => {
        const t = tokens[i];
        if (f.ignored || !t || t.length === 0) return;
        const ks = bitsPerToken(f.strategy, t.length);
        const hasher = hashers[i]!;
        t.forEach((token, j) => {
          const positions = hasher.positions(token, ks[j]!);
          for (let p = 0; p < positions.length; p++) {
            const bit = positions[p]!;
            work[bit >> 3]! |= 0x80 >> (bit & 7);
          }
        });
      });
      let out: Uint8Array = work.slice();
      for (let fold = 0, len = hashBits; fold < schema.xorFolds; fold++, len /= 2) out = foldInHalf(out, len);
      return out;
    },
  };
}

export interface EncodeOptions {
  /** the number a person sees for record i (default i + 1) */
  rowNumber?: (index: number) => number;
  /** called every few hundred records and at the end */
  onProgress?: (done: number, total: number) => void;
}

/** Throws PPRL_RECORDS_INVALID, listing up to 50 issues, when any record cannot be encoded. */
export function checkRecords(encoder: ClkEncoder, records: readonly (readonly string[])[], options: EncodeOptions = {}): void {
  const rowNumber = options.rowNumber ?? ((i: number) => i + 1);
  const issues: FieldIssue[] = [];
  let count = 0;
  records.forEach((r, i) => {
    const found = encoder.check(r, rowNumber(i));
    count += found.length;
    if (issues.length < MAX_ISSUES) issues.push(...found.slice(0, MAX_ISSUES - issues.length));
  });
  if (count > 0) throw new AlianzaError('PPRL_RECORDS_INVALID', { count }, issues);
}

/**
 * The CLK of every record; each record lists its values in the schema's feature order
 * (ignored features included). All or nothing: invalid input throws before encoding.
 */
export function encode(
  records: readonly (readonly string[])[],
  schema: LinkageSchema,
  secret: string | Uint8Array,
  options: EncodeOptions = {},
): Uint8Array[] {
  const encoder = createClkEncoder(schema, secret);
  checkRecords(encoder, records, options);
  const out: Uint8Array[] = [];
  records.forEach((r, i) => {
    out.push(encoder.encodeRecord(r));
    if (options.onProgress && ((i + 1) % 500 === 0 || i + 1 === records.length)) options.onProgress(i + 1, records.length);
  });
  return out;
}

export function encodeToBase64(
  records: readonly (readonly string[])[],
  schema: LinkageSchema,
  secret: string | Uint8Array,
  options: EncodeOptions = {},
): string[] {
  return encode(records, schema, secret, options).map((clk) => Buffer.from(clk).toString('base64'));
}
