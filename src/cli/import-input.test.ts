import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlianzaError } from '../domain/errors';
import { decodeBytes, detectDelimiter, parseCsvRows, parseJsonRows, readSourceTable, recordStartLines } from './import-input';

describe('decodeBytes', () => {
  it('reads UTF-8 with or without a byte-order mark', () => {
    expect(decodeBytes(Buffer.from('\ufeffNúñez', 'utf8'))).toEqual({ text: 'Núñez', latin1: false });
    expect(decodeBytes(Buffer.from('Núñez', 'utf8'))).toEqual({ text: 'Núñez', latin1: false });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, including its € and curly quotes', () => {
    const bytes = Buffer.from([0x4e, 0xfa, 0xf1, 0x65, 0x7a, 0x20, 0x80, 0x20, 0x93, 0x61, 0x94]);
    expect(decodeBytes(bytes)).toEqual({ text: 'Núñez € “a”', latin1: true });
  });

  it('reads UTF-16 files saved with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\tnombre\r\n1\tMaría', 'utf16le')]);
    expect(decodeBytes(le).text).toBe('id\tnombre\r\n1\tMaría');
  });
});

describe('CSV rows', () => {
  it('finds the delimiter of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('id;name;"a,b,c"\n1;2;3')).toBe(';');
    expect(detectDelimiter('id\tname\n')).toBe('\t');
    expect(detectDelimiter('id,name\n')).toBe(',');
    expect(detectDelimiter('single\n')).toBe(',');
  });

  it('numbers rows by the line they start on, past blank lines and cells spanning lines', () => {
    const text = 'id,note\r\n1,a\r\n\r\n2,"two\r\nlines"\r\n3,c\r\n';
    expect(recordStartLines(text)).toEqual([1, 2, 3, 4, 6]);
    const t = parseCsvRows(text);
    expect(t.rows.map((r) => [r.row, r.cells.id, r.cells.note])).toEqual([
      [2, '1', 'a'],
      [4, '2', 'two\r\nlines'],
      [6, '3', 'c'],
    ]);
  });

  it('flags a row with the wrong number of cells instead of refusing the file', () => {
    const t = parseCsvRows('a,b\n1,2\n3\n4,5,6\n');
    expect(t.rows.map((r) => [r.row, r.problems?.map((p) => p.code)])).toEqual([
      [2, []],
      [3, ['IMPORT_CELL_COUNT']],
      [4, ['IMPORT_CELL_COUNT']],
    ]);
  });

  it('refuses a header naming a column twice', () => {
    expect(() => parseCsvRows('id, name ,name\n1,2,3\n')).toThrow(AlianzaError);
  });

  it('reads back any table it is given, whatever the delimiter, line ending and spacing', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', 'ñ', '€', ' ', ',', ';', '"', '\n', '1', '|', '\t'), maxLength: 12 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((cols) =>
          fc.record({
            header: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/), { minLength: cols, maxLength: cols }),
            rows: fc.array(fc.array(cellText, { minLength: cols, maxLength: cols }), { maxLength: 6 }),
            delimiter: fc.constantFrom(',', ';', '\t', '|'),
            eol: fc.constantFrom('\n', '\r\n'),
            pad: fc.constantFrom('', ' '),
          }),
        ),
        ({ header, rows, delimiter, eol, pad }) => {
          const cell = (s: string) => `${pad}"${s.replace(/"/g, '""')}"${pad}`;
          const lines = [header.join(delimiter), ...rows.map((r) => r.map(cell).join(delimiter))];
          const text = lines.join(eol) + eol;
          const t = parseCsvRows(text);
          const kept = rows.filter((r) => r.some((c) => c.trim() !== ''));
          expect(t.columns).toEqual(header);
          expect(t.rows.map((r) => header.map((h) => r.cells[h]))).toEqual(kept);
          // each row starts on the line after all the line breaks before it
          let line = 2;
          const expected: number[] = [];
          for (const r of rows) {
            if (r.some((c) => c.trim() !== '')) expected.push(line);
            line += 1 + r.join('').split('\n').length - 1;
          }
          expect(t.rows.map((r) => r.row)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('JSON rows', () => {
  it('flattens nested objects, keeps lists, numbers JSON lines by line', () => {
    const t = parseJsonRows('{"id":1,"name":{"given":"Ana"},"phones":["1","2"],"x":null}\n\n{"id":2}\n', 'jsonl', 'f.jsonl');
    expect(t.rows).toEqual([
      { row: 1, cells: { id: '1', 'name.given': 'Ana', phones: ['1', '2'], x: '' }, problems: [] },
      { row: 3, cells: { id: '2' }, problems: [] },
    ]);
    expect(t.columns).toEqual(['id', 'name.given', 'phones', 'x']);
  });

  it('numbers a JSON array by position and flags items that are not objects', () => {
    const t = readSourceTable(Buffer.from('[{"id":"a"}, 5, {"id":"b"}]'), 'x.json');
    expect(t.rows.map((r) => [r.row, r.problems?.map((p) => p.code)])).toEqual([
      [1, []],
      [2, ['IMPORT_NOT_AN_OBJECT']],
      [3, []],
    ]);
  });

  it('names the line of JSON lines that does not parse', () => {
    try {
      parseJsonRows('{"id":1}\n{"id":\n', 'jsonl', 'f.jsonl');
      expect.unreachable();
    } catch (e) {
      expect((e as AlianzaError).code).toBe('IMPORT_BAD_JSON_LINE');
      expect((e as AlianzaError).params).toEqual({ row: 2 });
    }
  });
});
