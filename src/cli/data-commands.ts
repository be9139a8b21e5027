/** `alianza import`, `alianza export`, `alianza backup`, `alianza restore`. */
import type { Command } from 'commander';
import { createWriteStream, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import cliProgress from 'cli-progress';
import { AlianzaError } from '../domain/errors';
import { getSchema } from '../domain/schema';
import { checkMapping, importRecords, type Row } from '../app/import-records';
import { loadConfig } from '../server/config';
import { dbFile } from '../server/node-files';
import { openNode } from '../server/open-node';
import { backupSqlite, restoreSqlite } from '../store/backup';
import { cliLocale, cliMessage, addCliCatalogue } from './messages';
import { importCatalogue } from './import-catalogue';

addCliCatalogue(importCatalogue);

function readText(file: string): string {
  if (!existsSync(file)) throw new AlianzaError('CLI_FILE_NOT_FOUND', { file });
  const buf = readFileSync(file);
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  // bytes that are not UTF-8 are read as Latin-1, as spreadsheets often save them
  const text = utf8.includes('\uFFFD') ? buf.toString('latin1') : utf8;
  return text.replace(/^\uFEFF/, '');
}

export function readRows(file: string): Row[] {
  const text = readText(file);
  if (/\.jsonl?$/i.test(file)) {
    const trimmed = text.trim();
    let records: unknown[];
    try {
      records = trimmed.startsWith('[') ? (JSON.parse(trimmed) as unknown[]) : trimmed.split(/\r?\n/).filter(Boolean).map((l, i) => {
        try {
          return JSON.parse(l) as unknown;
        } catch {
          throw new AlianzaError('IMPORT_BAD_JSON_LINE', { row: i + 1 });
        }
      });
    } catch (e) {
      if (e instanceof AlianzaError) throw e;
      throw new AlianzaError('IMPORT_BAD_JSON', { file });
    }
    return records.map((r) => Object.fromEntries(Object.entries((r ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : v == null ? '' : String(v)])));
  }
  try {
    return parse(text, { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, trim: true, relax_column_count: false }) as Row[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new AlianzaError('IMPORT_BAD_CSV', { row: line ?? '?', reason: (e as Error).message.slice(0, 200) });
  }
}

export function registerDataCommands(program: Command): void {
  program
    .command('import <file>')
    .description('import cases or entities from CSV or JSON through a mapping file; validates every row first')
    .requiredOption('--mapping <file>', 'JSON mapping: {kind, schema, idColumn, columns, defaults, caseReferenceColumn, roleColumn}')
    .requiredOption('--agency <code>', 'owning agency code')
    .option('--data <dir>', 'node folder (ALIANZA_DATA)', process.env.ALIANZA_DATA ?? 'data/node')
    .option('--skip-invalid', 'write the valid rows even when some are invalid', false)
    .option('--dry-run', 'validate only', false)
    .action(async (file: string, o: { mapping: string; agency: string; data: string; skipInvalid: boolean; dryRun: boolean }) => {
      const locale = cliLocale();
      let mappingJson: unknown;
      try {
        mappingJson = JSON.parse(readText(o.mapping));
      } catch (e) {
        if (e instanceof AlianzaError) throw e;
        throw new AlianzaError('IMPORT_BAD_JSON', { file: o.mapping });
      }
      const mapping = checkMapping(mappingJson);
      if (mapping.kind === 'entities' && !getSchema(mapping.schema!)) throw new AlianzaError('ENTITY_UNKNOWN_SCHEMA', { schema: mapping.schema });
      const rows = readRows(file);
      const header = Object.keys(rows[0] ?? {});
      const unknown = Object.keys(mapping.columns).filter((c) => !header.includes(c));
      if (rows.length && unknown.length) throw new AlianzaError('IMPORT_UNKNOWN_COLUMNS', { columns: unknown.join(', ') });
      const node = await openNode(loadConfig({ ...process.env, ALIANZA_DATA: o.data }));
      const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'import [{bar}] {percentage}% | {value}/{total} rows', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
      try {
        const agency = await node.store.agencies.getByCode(o.agency.toUpperCase());
        if (!agency) throw new AlianzaError('AGENCY_NOT_FOUND');
        bar?.start(rows.length, 0);
        const report = await importRecords(node.ctx, null, agency.id, rows, mapping, {
          firstRowNumber: /\.jsonl?$/i.test(file) ? 1 : 2,
          skipInvalid: o.skipInvalid,
          dryRun: o.dryRun,
          onProgress: (d) => bar?.update(d),
        });
        bar?.stop();
        for (const r of report.rows.filter((x) => x.issues.length)) {
          for (const i of r.issues) console.error(cliMessage('IMPORT_ROW_ISSUE', locale, { row: r.row, field: i.field, message: cliMessage(i.code, locale, i.params) }));
        }
        console.log(cliMessage('IMPORT_SUMMARY', locale, { rows: rows.length, created: report.created, unchanged: report.unchanged, invalid: report.invalid }));
        if (!report.written) {
          console.log(cliMessage(o.dryRun ? 'IMPORT_DRY_RUN' : 'IMPORT_NOTHING_WRITTEN', locale));
          if (report.invalid) process.exitCode = 2;
        }
      } finally {
        bar?.stop();
        await node.store.close();
      }
    });

  program
    .command('export')
    .description('export cases and entities as JSON lines (entities also as FollowTheMoney JSON)')
    .requiredOption('--out <file>', 'output file (.jsonl)')
    .option('--format <format>', 'alianza | ftm', 'alianza')
    .option('--data <dir>', 'node folder (ALIANZA_DATA)', process.env.ALIANZA_DATA ?? 'data/node')
    .action(async (o: { out: string; format: string; data: string }) => {
      if (o.format !== 'alianza' && o.format !== 'ftm') throw new AlianzaError('CLI_BAD_OPTION', { option: '--format', value: o.format });
      const node = await openNode(loadConfig({ ...process.env, ALIANZA_DATA: o.data }));
      const tmp = `${o.out}.partial`;
      const out = createWriteStream(tmp);
      const write = (obj: unknown) => new Promise<void>((res) => (out.write(JSON.stringify(obj) + '\n') ? res() : out.once('drain', () => res())));
      let count = 0;
      try {
        const pageSize = 1000;
        for (let offset = 0; ; offset += pageSize) {
          const page = await node.store.entities.list({ limit: pageSize, offset });
          for (const e of page.items) {
            await write(o.format === 'ftm' ? { id: e.id, schema: e.schema, properties: e.properties } : { kind: 'entity', ...e });
            count++;
          }
          if (page.items.length < pageSize) break;
        }
        if (o.format === 'alianza') {
          for (let offset = 0; ; offset += pageSize) {
            const page = await node.store.cases.list({ limit: pageSize, offset, sort: 'reference_asc' });
            for (const c of page.items) {
              const [subjects, links, members] = await Promise.all([node.store.cases.listSubjects(c.id), node.store.cases.listLinks(c.id), node.store.cases.listMembers(c.id)]);
              await write({ kind: 'case', ...c, subjects, links, members });
              count++;
            }
            if (page.items.length < pageSize) break;
          }
        }
        await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
        renameSync(tmp, o.out);
        await node.store.audit.append({ at: new Date().toISOString(), actorId: null, actorLabel: 'cli', action: 'data.export', targetType: null, targetId: null, caseId: null, detail: { format: o.format, records: count, file: path.basename(o.out) } });
        console.log(cliMessage('EXPORT_DONE', cliLocale(), { count, file: o.out }));
      } finally {
        await node.store.close();
      }
    });

  program
    .command('backup')
    .description('consistent online backup of a SQLite node (PostgreSQL: use pg_dump)')
    .requiredOption('--out <file>', 'backup file')
    .option('--data <dir>', 'node folder (ALIANZA_DATA)', process.env.ALIANZA_DATA ?? 'data/node')
    .action(async (o: { out: string; data: string }) => {
      const config = loadConfig({ ...process.env, ALIANZA_DATA: o.data });
      if (config.databaseUrl) {
        console.log(cliMessage('BACKUP_POSTGRES', cliLocale()));
        return;
      }
      await backupSqlite(dbFile(config.dataDir), o.out);
      console.log(cliMessage('BACKUP_DONE', cliLocale(), { file: o.out, size: `${(statSync(o.out).size / 1048576).toFixed(1)} MiB` }));
    });

  program
    .command('restore')
    .description('restore a SQLite backup into a node folder (the node must be stopped)')
    .requiredOption('--from <file>', 'backup file')
    .option('--data <dir>', 'node folder (ALIANZA_DATA)', process.env.ALIANZA_DATA ?? 'data/node')
    .option('--force', 'replace an existing database', false)
    .action(async (o: { from: string; data: string; force: boolean }) => {
      const config = loadConfig({ ...process.env, ALIANZA_DATA: o.data });
      await restoreSqlite(o.from, dbFile(config.dataDir), { force: o.force });
      console.log(cliMessage('RESTORE_DONE', cliLocale(), { file: o.from, dir: config.dataDir }));
    });
}
