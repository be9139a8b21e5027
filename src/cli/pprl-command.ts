/**
 * `alianza pprl encode` and `alianza pprl match`: privacy-preserving record linkage with
 * CLKs compatible with clkhash and anonlink. This file only reads and writes files; the
 * encoding and the matching live in src/linkage/pprl. Output is written to a temporary file
 * and renamed into place, so a failed run leaves nothing half-written.
 */
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { AlianzaError } from '../domain/errors';
import type { Locale } from '../domain/model';
import { checkRecords, createClkEncoder } from '../linkage/pprl/clk-encoder';
import { readClkDocument, writeClkDocument, type ClkMatrix } from '../linkage/pprl/clk-matrix';
import { readCsvRecords } from '../linkage/pprl/csv-records';
import { findPairsAboveThreshold } from '../linkage/pprl/dice-matching';
import { pprlCatalogue } from '../linkage/pprl/errors';
import { greedySolve, matchesToCsv } from '../linkage/pprl/greedy-solve';
import { parseLinkageSchema } from '../linkage/pprl/schema';
import { addCliCatalogue, cliLocale, cliMessage } from './messages';
import { registerPprlSecretCommands } from './pprl-secret-command';

addCliCatalogue(pprlCatalogue);

interface EncodeOptions {
  schema: string;
  secret?: string;
  secretFile?: string;
  out: string;
}

interface MatchOptions {
  threshold: string;
  out: string;
  blocking: string;
  threads?: string;
  recall?: string;
  seed?: string;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new AlianzaError('PPRL_FILE_UNREADABLE', { file });
  }
}

/** Writes next to the target, flushes, then renames: readers see the old file or the new one. */
function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
    throw new AlianzaError('PPRL_FILE_UNWRITABLE', { file });
  }
}

function readSecret(o: EncodeOptions): string {
  const secret = o.secretFile !== undefined ? readText(o.secretFile).replace(/\r?\n$/, '') : (o.secret ?? '');
  if (secret.length === 0) throw new AlianzaError('PPRL_SECRET_EMPTY');
  return secret;
}

/** A progress bar on stderr when it is a terminal; silent otherwise. */
function progressBar(locale: Locale, code: string): { update: (done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${cliMessage(code, locale).padEnd(26)} [{bar}] {percentage}% {value}/{total}`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(Math.max(total, 1), 0);
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

function encodeCommand(csvFile: string, o: EncodeOptions): void {
  const locale = cliLocale();
  const secret = readSecret(o);
  const schema = parseLinkageSchema(readText(o.schema));
  const { records, lines } = readCsvRecords(readText(csvFile), schema, csvFile);
  const encoder = createClkEncoder(schema, secret);
  // every record is checked before the first is encoded: all or nothing
  checkRecords(encoder, records, { rowNumber: (i) => lines[i] ?? i + 2 });
  const bar = progressBar(locale, 'PPRL_PROGRESS_ENCODING');
  const clks: Uint8Array[] = [];
  try {
    records.forEach((r, i) => {
      clks.push(encoder.encodeRecord(r, lines[i]));
      if ((i + 1) % 500 === 0 || i + 1 === records.length) bar.update(i + 1, records.length);
    });
  } finally {
    bar.stop();
  }
  writeAtomically(o.out, writeClkDocument(clks) + '\n');
  console.log(cliMessage('PPRL_DONE_ENCODE', locale, { count: clks.length, file: o.out }));
}

function readClks(file: string): ClkMatrix {
  let doc: unknown;
  try {
    doc = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof AlianzaError) throw e;
    throw new AlianzaError('PPRL_CLK_FILE_INVALID', { file });
  }
  return readClkDocument(doc, file);
}

function numberOption(value: string | undefined, code: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new AlianzaError(code, { value });
  return n;
}

async function matchCommand(leftFile: string, rightFile: string, o: MatchOptions): Promise<void> {
  const locale = cliLocale();
  const threshold = numberOption(o.threshold, 'PPRL_THRESHOLD_RANGE')!;
  if (!(threshold > 0 && threshold <= 1)) throw new AlianzaError('PPRL_THRESHOLD_RANGE', { value: o.threshold });
  const blocking = o.blocking as 'auto' | 'all-pairs' | 'lsh';
  if (!['auto', 'all-pairs', 'lsh'].includes(blocking)) throw new AlianzaError('PPRL_OPTION_NOT_ONE_OF', { option: '--blocking', allowed: 'auto, all-pairs, lsh' });
  const recall = numberOption(o.recall, 'PPRL_BLOCKING_RECALL_RANGE');
  const threads = o.threads === undefined ? undefined : Number(o.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new AlianzaError('PPRL_OPTION_NOT_INTEGER', { option: '--threads', min: 1 });

  const left = readClks(leftFile);
  const right = readClks(rightFile);
  if (left.count > 0 && right.count > 0 && left.clkBytes !== right.clkBytes) {
    throw new AlianzaError('PPRL_CLK_FILES_MISMATCH', { left: left.clkBytes, right: right.clkBytes });
  }
  const bar = progressBar(locale, 'PPRL_PROGRESS_MATCHING');
  let run;
  try {
    run = await findPairsAboveThreshold(left, right, {
      threshold,
      blocking,
      ...(recall !== undefined ? { recall } : {}),
      ...(threads !== undefined ? { threads } : {}),
      ...(o.seed !== undefined ? { seed: Number(o.seed) } : {}),
      onProgress: bar.update,
    });
  } finally {
    bar.stop();
  }
  const matches = greedySolve(run.pairs);
  writeAtomically(o.out, matchesToCsv(matches));
  console.log(cliMessage('PPRL_DONE_MATCH', locale, { count: matches.length, threshold, file: o.out }));
}

export function registerPprlCommands(program: Command): void {
  const pprl = program.command('pprl').description('Privacy-preserving record linkage with Bloom-filter encodings (CLKs, clkhash-compatible)');

  pprl
    .command('encode')
    .description('Encode the records of a CSV file as CLKs, following a clkhash linkage schema v3')
    .argument('<csv>', 'CSV file with a header row naming the schema features')
    .requiredOption('--schema <file>', 'linkage schema (JSON, version 3)')
    .option('--secret <secret>', 'linkage secret shared by the parties (visible to other local users; prefer --secret-file)')
    .option('--secret-file <file>', 'file holding the linkage secret')
    .requiredOption('--out <file>', 'output: {"clks": [base64, ...]}')
    .action((csv: string, o: EncodeOptions) => encodeCommand(csv, o));

  pprl
    .command('match')
    .description('Link two CLK files: Dice scores, one-to-one greedy matching, pairs as CSV')
    .argument('<left>', 'CLK file of the left party')
    .argument('<right>', 'CLK file of the right party')
    .requiredOption('--threshold <t>', 'smallest Dice score of a match, in (0, 1]')
    .requiredOption('--out <file>', 'output CSV: left_index,right_index,score (0-based)')
    .option('--blocking <mode>', 'auto, all-pairs (exact) or lsh', 'auto')
    .option('--recall <r>', 'recall at the threshold that LSH blocking must guarantee', '0.99')
    .option('--threads <n>', 'worker threads (default: all cores)')
    .option('--seed <n>', 'seed of the LSH bit samples')
    .action((left: string, right: string, o: MatchOptions) => matchCommand(left, right, o));

  registerPprlSecretCommands(pprl);
}
