/**
 * Reading the rows of an import file: CSV (any of , ; tab | as delimiter, with or without a
 * byte-order mark, CRLF or LF, UTF-8, UTF-16 or Windows-1252/Latin-1 as spreadsheets save
 * them, spaces after delimiters), a JSON array of objects, or JSON lines. Each row keeps
 * the number a person would look for: its line in the file for CSV and JSON lines, its
 * position in the array for JSON.
 */
import { parse } from 'csv-parse/sync';
import { AlianzaError, type FieldIssue } from '../domain/errors';
import type { Cell, SourceRow } from '../app/import-records';

export interface SourceTable {
  format: 'csv' | 'json' | 'jsonl';
  /** every column (CSV header, or every key seen in JSON records) */
  columns: string[];
  rows: SourceRow[];
  /** the bytes were not UTF-8 and were read as Windows-1252 (a superset of Latin-1) */
  latin1: boolean;
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F (€, curly quotes, dashes, Œ, Š, Ž …); 0 = undefined there.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b)));
  }
  return out;
}

/** Text of a file's bytes: UTF-16 with a byte-order mark, UTF-8 (mark removed), else Windows-1252. */
export function decodeBytes(bytes: Uint8Array): { text: string; latin1: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), latin1: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), latin1: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), latin1: false };
  } catch {
    return { text: decodeWindows1252(bytes), latin1: true };
  }
}

export function formatOf(file: string): SourceTable['format'] {
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  if (/\.json$/i.test(file)) return 'json';
  return 'csv';
}

/** The delimiter used in the header line: the most frequent of , ; tab | outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** The line on which each record starts (quote-aware, so a cell spanning lines counts once). */
export function recordStartLines(text: string): number[] {
  const starts = text.length ? [1] : [];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n') {
      line++;
      if (!quoted && i < text.length - 1) starts.push(line);
    }
  }
  return starts;
}

export function parseCsvRows(text: string): Omit<SourceTable, 'latin1'> {
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), trim: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new AlianzaError('IMPORT_BAD_CSV', { row: line ?? '?', reason: (e as Error).message.replace(/\s+/g, ' ').slice(0, 200) });
  }
  const starts = recordStartLines(text);
  const lineOf = (i: number) => (starts.length === records.length ? starts[i]! : i + 1);
  const header = records[0] ?? [];
  const columns = header.map((h) => h.trim());
  const dup = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dup !== undefined) throw new AlianzaError('IMPORT_DUPLICATE_COLUMN', { column: dup || '""' });
  const rows: SourceTable['rows'] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    if (record.every((c) => c.trim() === '')) continue;
    const cells: Record<string, Cell> = {};
    columns.forEach((c, j) => (cells[c] = record[j] ?? ''));
    const problems: FieldIssue[] = [];
    if (record.length !== columns.length) problems.push({ field: '-', code: 'IMPORT_CELL_COUNT', params: { cells: record.length, columns: columns.length } });
    rows.push({ row: lineOf(i), cells, problems });
  }
  return { format: 'csv', columns, rows };
}

/** Nested objects become dotted keys ("address.city"); lists of plain values stay lists. */
function flatten(value: unknown, prefix: string, out: Record<string, Cell>): void {
  if (value === null || value === undefined) out[prefix] = '';
  else if (Array.isArray(value)) out[prefix] = value.filter((v) => v !== null && v !== undefined).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix] = String(value);
}

export function parseJsonRows(text: string, format: 'json' | 'jsonl', file: string): Omit<SourceTable, 'latin1'> {
  const items: { row: number; value: unknown }[] = [];
  if (format === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      throw new AlianzaError('IMPORT_BAD_JSON', { file });
    }
    if (!Array.isArray(doc)) throw new AlianzaError('IMPORT_JSON_NOT_LIST', { file });
    doc.forEach((value, i) => items.push({ row: i + 1, value }));
  } else {
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        items.push({ row: i + 1, value: JSON.parse(line) });
      } catch {
        throw new AlianzaError('IMPORT_BAD_JSON_LINE', { row: i + 1 });
      }
    });
  }
  const columns = new Set<string>();
  const rows = items.map(({ row, value }) => {
    const cells: Record<string, Cell> = {};
    const problems: FieldIssue[] = [];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) problems.push({ field: '-', code: 'IMPORT_NOT_AN_OBJECT' });
    else flatten(value, '', cells);
    for (const k of Object.keys(cells)) columns.add(k);
    return { row, cells, problems };
  });
  return { format, columns: [...columns], rows };
}

export function readSourceTable(bytes: Uint8Array, file: string): SourceTable {
  const { text, latin1 } = decodeBytes(bytes);
  const format = formatOf(file);
  const body = text.replace(/^\uFEFF/, '');
  return { ...(format === 'csv' ? parseCsvRows(body) : parseJsonRows(body, format, file)), latin1 };
}
