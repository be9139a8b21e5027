/**
 * A clkhash linkage schema (version 3) once read and checked: how each feature of a record
 * is validated, normalised, cut into tokens and hashed into the Bloom filter (CLK).
 */
import type { DateFormat } from './py-strptime';

export type TextEncodingName = 'ascii' | 'utf-8' | 'utf-16' | 'utf-32';
export type LetterCase = 'upper' | 'lower' | 'mixed';

export type FeatureFormat =
  | {
      type: 'string';
      encoding: TextEncodingName;
      /** present when the schema gives a pattern; then case and lengths are not checked */
      pattern?: RegExp;
      case: LetterCase;
      minLength?: number;
      maxLength?: number;
    }
  | { type: 'integer'; minimum?: bigint; maximum?: bigint }
  | { type: 'date'; format: DateFormat }
  | { type: 'enum'; values: ReadonlySet<string> };

export type Comparison =
  | { type: 'ngram'; n: number; positional: boolean }
  | { type: 'exact' }
  | {
      type: 'numeric';
      /** thresholdDistance × 10^fractionalPrecision, rounded as the reference does */
      distanceInterval: bigint;
      resolution: number;
      fractionalPrecision: number;
    };

export type Strategy = { type: 'bitsPerToken'; bits: number } | { type: 'bitsPerFeature'; bits: number };

export type HashFunction = { type: 'blakeHash' } | { type: 'doubleHash'; preventSingularity: boolean };

export interface MissingValue {
  sentinel: string;
  /** the text hashed instead of the sentinel (the sentinel itself when not given) */
  replaceWith: string;
}

export interface EncodedFeature {
  identifier: string;
  ignored: false;
  format: FeatureFormat;
  comparison: Comparison;
  strategy: Strategy;
  hash: HashFunction;
  missingValue?: MissingValue;
}

export interface IgnoredFeature {
  identifier: string;
  ignored: true;
}

export type Feature = EncodedFeature | IgnoredFeature;

export type KdfHash = 'SHA256' | 'SHA512';

export interface KeyDerivation {
  type: 'HKDF';
  hash: KdfHash;
  salt?: Uint8Array;
  info?: Uint8Array;
  /** bytes per derived key */
  keySize: number;
}

export interface LinkageSchema {
  version: 3;
  /** length of a CLK in bits, after XOR folding */
  l: number;
  xorFolds: number;
  kdf: KeyDerivation;
  /** in column order; ignored features still take part in key derivation */
  features: readonly Feature[];
}
