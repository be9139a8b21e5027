/**
 * A CSV reader (text → header and rows) for the files people bring: a byte-order mark,
 * CRLF or LF line ends, a space after each comma (FEBRL), quoted fields with doubled
 * quotes and line breaks inside, semicolon- or tab-separated exports. Errors name the
 * line of the file where the bad record starts. Decoding bytes (UTF-8 or Latin-1) is the
 * caller's job.
 */
import { AlianzaError } from '../domain/errors';

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Line of the file (1-based) where each row starts; the header is on line `headerLine`. */
  lines: number[];
  headerLine: number;
}

export interface CsvOptions {
  /** Name used in error messages. */
  file?: string;
  /** Field separator; guessed from the header line when not given (",", ";" or tab). */
  delimiter?: string;
}

function guessDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  const unquoted = first.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ',';
}

const isBlank = (c: string): boolean => c === ' ' || c === '\t';

/** Splits CSV text into records of raw fields, with the line each record starts on. */
function records(text: string, delimiter: string, file: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      // skip blanks before a field (unless the delimiter itself is a tab)
      while (i < n && isBlank(text[i] as string) && text[i] !== delimiter) i++;
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new AlianzaError('LINK_CSV_UNTERMINATED_QUOTE', { row: startLine, file });
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          value += c;
          i++;
        }
        while (i < n && isBlank(text[i] as string) && text[i] !== delimiter) i++;
        if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          throw new AlianzaError('LINK_CSV_TEXT_AFTER_QUOTE', { row: startLine, file });
        }
      } else {
        const start = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') i++;
        value = text.slice(start, i).trim();
      }
      fields.push(value);
      if (i >= n) {
        endOfRecord = true;
      } else if (text[i] === delimiter) {
        i++;
      } else {
        // line end: \r\n, \n or \r
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      }
    }
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) out.push({ fields, line: startLine });
  }
  return out;
}

/** Parses CSV text; the first non-blank record is the header. */
export function parseCsv(input: string, options: CsvOptions = {}): CsvTable {
  const file = options.file ?? 'CSV';
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = options.delimiter ?? guessDelimiter(text);
  const all = records(text, delimiter, file);
  const first = all[0];
  if (!first) throw new AlianzaError('LINK_CSV_EMPTY', { file });
  const header = first.fields;
  const seen = new Set<string>();
  for (const h of header) {
    if (h !== '' && seen.has(h)) throw new AlianzaError('LINK_CSV_DUPLICATE_HEADER', { column: h, file });
    seen.add(h);
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const r of all.slice(1)) {
    let fields = r.fields;
    if (fields.length > header.length && fields.slice(header.length).every((f) => f === '')) {
      fields = fields.slice(0, header.length);
    }
    if (fields.length !== header.length) {
      throw new AlianzaError('LINK_CSV_FIELD_COUNT', { row: r.line, file, expected: header.length, actual: fields.length });
    }
    rows.push(fields);
    lines.push(r.line);
  }
  return { header, rows, lines, headerLine: first.line };
}
