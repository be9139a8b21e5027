import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AlianzaError } from '../domain/errors';
import { parseCsv } from './csv-reader';

const codeOf = (fn: () => unknown): { code: string; params: Record<string, unknown> } | null => {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof AlianzaError) return { code: e.code, params: e.params };
    throw e;
  }
};

describe('CSV reader', () => {
  it('reads FEBRL style: CRLF and a space after each comma', () => {
    const t = parseCsv('rec_id, given_name, surname\r\nrec-1-org, michaela, neumann\r\nrec-2-org, , smith\r\n');
    expect(t.header).toEqual(['rec_id', 'given_name', 'surname']);
    expect(t.rows).toEqual([
      ['rec-1-org', 'michaela', 'neumann'],
      ['rec-2-org', '', 'smith'],
    ]);
    expect(t.lines).toEqual([2, 3]);
  });
  it('strips a byte-order mark', () => {
    expect(parseCsv('\uFEFFid,name\n1,Ana\n').header).toEqual(['id', 'name']);
  });
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const t = parseCsv('id,name,notes\n1,"Hernández, José","said ""hola""\nthen left"\n2, "Ana" ,x\n');
    expect(t.rows[0]).toEqual(['1', 'Hernández, José', 'said "hola"\nthen left']);
    expect(t.rows[1]).toEqual(['2', 'Ana', 'x']);
    expect(t.lines).toEqual([2, 4]);
  });
  it('accepts a lone CR, skips blank lines and trailing empty fields', () => {
    const t = parseCsv('id,name\r1,Ana\r\r2,Luis,\r');
    expect(t.rows).toEqual([
      ['1', 'Ana'],
      ['2', 'Luis'],
    ]);
  });
  it('guesses semicolon and tab separators', () => {
    expect(parseCsv('id;nombre\n1;Ana\n').rows).toEqual([['1', 'Ana']]);
    expect(parseCsv('id\tnom\n1\tMarie\n').rows).toEqual([['1', 'Marie']]);
  });
  it('names the line of a record with the wrong number of fields', () => {
    expect(codeOf(() => parseCsv('id,name\n1,Ana\n2,Luis,extra\n', { file: 'a.csv' }))).toEqual({
      code: 'LINK_CSV_FIELD_COUNT',
      params: { row: 3, file: 'a.csv', expected: 2, actual: 3 },
    });
  });
  it('names the line where an unclosed quote starts', () => {
    expect(codeOf(() => parseCsv('id,name\n1,Ana\n2,"Luis\n3,Eva\n'))).toMatchObject({ code: 'LINK_CSV_UNTERMINATED_QUOTE', params: { row: 3 } });
    expect(codeOf(() => parseCsv('id,name\n1,"Ana"x\n'))).toMatchObject({ code: 'LINK_CSV_TEXT_AFTER_QUOTE', params: { row: 2 } });
  });
  it('refuses an empty file and a repeated column', () => {
    expect(codeOf(() => parseCsv(''))?.code).toBe('LINK_CSV_EMPTY');
    expect(codeOf(() => parseCsv('\uFEFF\r\n'))?.code).toBe('LINK_CSV_EMPTY');
    expect(codeOf(() => parseCsv('id,name,name\n'))?.code).toBe('LINK_CSV_DUPLICATE_HEADER');
  });
  it('reads back what a writer quoting every field wrote', () => {
    const cell = fc.string({ maxLength: 8 }).map((s) => s.replace(/\r/g, ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 6 }), (rows) => {
        const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const text = ['a,b,c', ...rows.map((r) => r.map(quote).join(','))].join('\r\n');
        expect(parseCsv(text).rows).toEqual(rows);
      }),
    );
  });
});
