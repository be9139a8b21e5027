/**
 * The work of `alianza import`: reads the mapping and the file, checks every row, prints a
 * report that names each bad row and column, and writes all valid rows in one transaction
 * (nothing at all when a row is invalid, unless --skip-invalid). A progress bar is drawn on
 * standard error only when it is a terminal.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { AlianzaError } from '../domain/errors';
import type { Locale } from '../domain/model';
import { checkMapping, importRecords, mappedColumns, type ImportReport, type RowIssue } from '../app/import-records';
import { loadConfig } from '../server/config';
import { openNode } from '../server/open-node';
import type { ImportCommandOptions } from './data-commands';
import { decodeBytes, readSourceTable } from './import-input';
import { cliLocale, cliMessage } from './messages';

/** Rows printed in the report before it says how many more there are. */
const REPORT_LIMIT = 200;

function readFile(file: string): Buffer {
  if (!existsSync(file)) throw new AlianzaError('CLI_FILE_NOT_FOUND', { file });
  return readFileSync(file);
}

function readMapping(file: string): unknown {
  try {
    return JSON.parse(decodeBytes(readFile(file)).text.replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof AlianzaError) throw e;
    throw new AlianzaError('IMPORT_BAD_JSON', { file });
  }
}

function issueLine(row: number, issue: RowIssue, locale: Locale): string {
  const message = cliMessage(issue.code, locale, issue.params);
  const params = { row, field: issue.field, message, value: (issue.value ?? '').slice(0, 80) };
  return cliMessage(issue.value !== undefined ? 'IMPORT_ROW_ISSUE_VALUE' : 'IMPORT_ROW_ISSUE', locale, params);
}

function printReport(report: ImportReport, locale: Locale): void {
  let printed = 0;
  let hidden = 0;
  for (const r of report.rows) {
    const lines = r.issues.map((i) => issueLine(r.row, i, locale));
    if (r.status === 'differs') lines.push(cliMessage('IMPORT_ROW_DIFFERS', locale, { row: r.row, id: r.sourceId }));
    for (const line of lines) {
      if (printed < REPORT_LIMIT) console.error(line);
      else hidden++;
      printed++;
    }
  }
  if (hidden) console.error(cliMessage('IMPORT_MORE_ISSUES', locale, { count: hidden }));
}

export async function importCommand(file: string, o: ImportCommandOptions): Promise<void> {
  const locale = cliLocale();
  const mapping = checkMapping(readMapping(o.mapping));
  const table = readSourceTable(readFile(file), file);
  if (table.latin1) console.error(cliMessage('IMPORT_LATIN1', locale, { file }));
  const missing = mappedColumns(mapping).filter((c) => !table.columns.includes(c));
  if (table.rows.length && missing.length) {
    throw new AlianzaError('IMPORT_UNKNOWN_COLUMNS', { columns: missing.join(', '), available: table.columns.join(', ') });
  }
  const node = await openNode(loadConfig({ ...process.env, ALIANZA_DATA: o.data }));
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: '{phase} [{bar}] {percentage}% | {value}/{total}', hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic)
    : null;
  let phase: 'check' | 'write' | null = null;
  try {
    const agency = await node.store.agencies.getByCode(o.agency.trim().toUpperCase());
    if (!agency) throw new AlianzaError('CLI_NO_AGENCY', { code: o.agency });
    const report = await importRecords(node.ctx, null, agency.id, table.rows, mapping, {
      skipInvalid: !!o.skipInvalid,
      dryRun: !!o.dryRun,
      source: path.basename(file),
      onProgress: (p, done, total) => {
        if (!bar) return;
        if (p !== phase) {
          if (phase) bar.stop();
          phase = p;
          bar.start(total, 0, { phase: cliMessage(p === 'check' ? 'IMPORT_PHASE_CHECK' : 'IMPORT_PHASE_WRITE', locale) });
        }
        bar.update(done);
      },
    });
    bar?.stop();
    phase = null;
    printReport(report, locale);
    const summary = { rows: table.rows.length, created: report.created, linked: report.linked, unchanged: report.unchanged, differs: report.differs, invalid: report.invalid };
    console.log(cliMessage(report.written ? 'IMPORT_SUMMARY' : 'IMPORT_SUMMARY_CHECKED', locale, summary));
    if (!report.written) {
      console.log(cliMessage(o.dryRun ? 'IMPORT_DRY_RUN' : 'IMPORT_NOTHING_WRITTEN', locale));
      if (report.invalid) process.exitCode = 2;
    } else if (report.invalid) {
      console.log(cliMessage('IMPORT_SKIPPED', locale, { invalid: report.invalid }));
    }
  } finally {
    if (phase) bar?.stop();
    await node.store.close();
  }
}
