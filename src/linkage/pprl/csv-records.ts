/**
 * Records to encode, read from CSV text: the header names the columns, every column must
 * be a feature of the linkage schema and every encoded feature must have a column (an
 * ignored feature may be absent). Spaces after a delimiter are skipped, as the reference
 * tutorials read the FEBRL files. Values are put in the schema's feature order.
 */
import { parse } from 'csv-parse/sync';
import { AlianzaError } from '../../domain/errors';
import type { LinkageSchema } from './schema-types';

export interface CsvRecords {
  /** values in schema feature order; an absent ignored feature reads as "" */
  records: string[][];
  /** the line of the file each record ends on, for messages */
  lines: number[];
}

interface CsvParseError {
  code?: string;
  lines?: number;
}

function parseRows(text: string, file: string): { record: string[]; line: number }[] {
  try {
    const rows = parse(text, { ltrim: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return rows.map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (e) {
    const err = e as CsvParseError;
    throw new AlianzaError('PPRL_CSV_MALFORMED', { file, line: err.lines ?? 0, reason: err.code ?? 'unknown' });
  }
}

export function readCsvRecords(text: string, schema: LinkageSchema, file: string): CsvRecords {
  const rows = parseRows(text, file);
  const header = rows[0];
  if (!header) throw new AlianzaError('PPRL_CSV_EMPTY', { file });

  const featureIndex = new Map(schema.features.map((f, i) => [f.identifier, i]));
  const columnOf = new Array<number>(schema.features.length).fill(-1);
  header.record.forEach((name, col) => {
    const f = featureIndex.get(name);
    if (f === undefined) throw new AlianzaError('PPRL_CSV_UNKNOWN_COLUMN', { file, column: name });
    if (columnOf[f] !== -1) throw new AlianzaError('PPRL_CSV_DUPLICATE_COLUMN', { file, column: name });
    columnOf[f] = col;
  });
  schema.features.forEach((f, i) => {
    if (!f.ignored && columnOf[i] === -1) throw new AlianzaError('PPRL_CSV_MISSING_COLUMN', { file, column: f.identifier });
  });

  const width = header.record.length;
  const records: string[][] = [];
  const lines: number[] = [];
  for (const row of rows.slice(1)) {
    if (row.record.length !== width) {
      throw new AlianzaError('PPRL_CSV_FIELD_COUNT', { file, line: row.line, found: row.record.length, expected: width });
    }
    records.push(columnOf.map((c) => (c === -1 ? '' : row.record[c]!)));
    lines.push(row.line);
  }
  return { records, lines };
}
