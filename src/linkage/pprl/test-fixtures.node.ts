/**
 * Test data of the PPRL module: the small clkhash fixtures kept beside the code, and the
 * FEBRL benchmark files of the shared data directory (`ALIANZA_DATASETS`, default
 * /work/shared/datasets), which tests skip with a message when they are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DATASETS = process.env.ALIANZA_DATASETS ?? '/work/shared/datasets';
export const hasFebrl = existsSync(path.join(DATASETS, 'febrl4a.csv')) && existsSync(path.join(DATASETS, 'clkhash', 'clk_febrl4a_blake_secret.json'));
if (!hasFebrl) console.warn(`FEBRL benchmark data not found under ${DATASETS}: set ALIANZA_DATASETS; those tests are skipped.`);

export const readDataset = (name: string): string => readFileSync(path.join(DATASETS, name), 'utf8');
export const readFixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

export interface ClkhashVectors {
  hkdf_sha256_nosalt_noinfo_secret_11fields_2keys_64B: Record<string, string>;
  tokenize: Record<string, string[]>;
  [key: string]: unknown;
}
export const vectors = (): ClkhashVectors => JSON.parse(readFixture('clkhash_test_vectors.json')) as ClkhashVectors;
