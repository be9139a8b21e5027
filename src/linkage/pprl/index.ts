/**
 * Privacy-preserving record linkage: clkhash-compatible CLK encoding, Dice matching of
 * encodings in WebAssembly (exact scan or Hamming-LSH blocking), greedy one-to-one solving.
 * See docs/linkage.md.
 */
export { parseLinkageSchema } from './schema';
export type { LinkageSchema, Feature, EncodedFeature, IgnoredFeature } from './schema-types';
export { createClkEncoder, checkRecords, encode, encodeToBase64, type ClkEncoder, type EncodeOptions } from './clk-encoder';
export { readCsvRecords, type CsvRecords } from './csv-records';
export { packClks, clkAt, readClkDocument, writeClkDocument, type ClkMatrix } from './clk-matrix';
export { findPairsAboveThreshold, type MatchOptions, type MatchRun } from './dice-matching';
export type { BlockingPlan } from './lsh-plan';
export type { ScoredPairs } from './pair-set';
export { greedySolve, matchesToCsv, type Match } from './greedy-solve';
export { dice } from './popcount';
export { pprlCatalogue } from './errors';
