import { Command } from 'commander';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFixture } from '../linkage/pprl/test-fixtures.node';
import { registerPprlCommands } from './pprl-command';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pprl-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => path.join(dir, name);
async function run(...args: string[]): Promise<void> {
  const program = new Command('alianza').exitOverride();
  registerPprlCommands(program);
  await program.parseAsync(['node', 'alianza', ...args]);
}

const HEADER = 'rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id';
const ROW = 'rec-1070-org, michaela, neumann, 8, stanley street, miami, winston hills, 4223, nsw, 19151111, 5304218';

describe('alianza pprl', () => {
  beforeEach(() => writeFileSync(file('schema.json'), readFixture('febrl_schema_blake_v3.json')));

  it('encodes a CSV file (CRLF, spaces after commas) into clkhash-identical CLKs', async () => {
    writeFileSync(file('in.csv'), `${HEADER}\r\n${ROW}\r\n`);
    await run('pprl', 'encode', file('in.csv'), '--schema', file('schema.json'), '--secret', 'secret', '--out', file('clks.json'));
    const expected = (JSON.parse(readFixture('clkhash_test_vectors.json')) as Record<string, Record<string, string>>)[
      'febrl4a first 3 rows, tutorial_api schema (blakeHash, bitsPerFeature), secret "secret", base64'
    ]!['rec-1070-org'];
    expect(JSON.parse(readFileSync(file('clks.json'), 'utf8'))).toEqual({ clks: [expected] });
  });

  it('matches two CLK files into left_index,right_index,score', async () => {
    writeFileSync(file('a.csv'), `${HEADER}\n${ROW}\nrec-2-org, john, smith, 3, main road, , perth, 6000, wa, 19800101, 1\n`);
    writeFileSync(file('b.csv'), `${HEADER}\nrec-9-dup-0, jon, smith, 3, main road, , perth, 6000, wa, 19800101, 1\n${ROW.replace('michaela', 'micheala')}\n`);
    for (const s of ['a', 'b']) await run('pprl', 'encode', file(`${s}.csv`), '--schema', file('schema.json'), '--secret', 'k', '--out', file(`${s}.json`));
    await run('pprl', 'match', file('a.json'), file('b.json'), '--threshold', '0.8', '--out', file('pairs.csv'));
    const lines = readFileSync(file('pairs.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('left_index,right_index,score');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['0,1', '1,0']);
  });

  it('writes nothing and names the row and the feature when a value breaks the schema', async () => {
    writeFileSync(file('in.csv'), `${HEADER}\n${ROW}\n${ROW.replace(', 4223,', ', 42x3,')}\n`);
    await expect(run('pprl', 'encode', file('in.csv'), '--schema', file('schema.json'), '--secret', 's', '--out', file('clks.json'))).rejects.toMatchObject({
      code: 'PPRL_RECORDS_INVALID',
      issues: [expect.objectContaining({ field: 'row 3: postcode', code: 'PPRL_VALUE_NOT_INTEGER' })],
    });
    expect(readdirSync(dir).sort()).toEqual(['in.csv', 'schema.json']);
  });

  it('refuses malformed CSV, unknown and missing columns, an empty secret and a schema that is not v3', async () => {
    const encode = (csv: string, extra: string[] = []) => {
      writeFileSync(file('in.csv'), csv);
      return run('pprl', 'encode', file('in.csv'), '--schema', file('schema.json'), '--secret', 's', '--out', file('clks.json'), ...extra);
    };
    await expect(encode(`${HEADER}\n${ROW}\n"unclosed, a\n`)).rejects.toMatchObject({ code: 'PPRL_CSV_MALFORMED' });
    await expect(encode(`${HEADER}, phone\n${ROW}, 555\n`)).rejects.toMatchObject({ code: 'PPRL_CSV_UNKNOWN_COLUMN', params: expect.objectContaining({ column: 'phone' }) });
    await expect(encode(`${HEADER.replace(', surname', '')}\n`)).rejects.toMatchObject({ code: 'PPRL_CSV_MISSING_COLUMN', params: expect.objectContaining({ column: 'surname' }) });
    await expect(encode(`${HEADER}\n${ROW}, extra\n`)).rejects.toMatchObject({ code: 'PPRL_CSV_FIELD_COUNT', params: expect.objectContaining({ line: 2 }) });
    writeFileSync(file('in.csv'), `${HEADER}\n${ROW}\n`);
    await expect(run('pprl', 'encode', file('in.csv'), '--schema', file('schema.json'), '--secret', '', '--out', file('clks.json'))).rejects.toMatchObject({ code: 'PPRL_SECRET_EMPTY' });
    writeFileSync(file('schema.json'), JSON.stringify({ version: 2, clkConfig: {}, features: [] }));
    await expect(encode(`${HEADER}\n${ROW}\n`)).rejects.toMatchObject({ code: 'PPRL_SCHEMA_VERSION', params: expect.objectContaining({ path: 'version' }) });
    expect(existsSync(file('clks.json'))).toBe(false);
  });

  it('refuses CLK files whose filters differ in length, and a threshold out of range', async () => {
    writeFileSync(file('a.json'), JSON.stringify({ clks: [Buffer.alloc(128, 1).toString('base64')] }));
    writeFileSync(file('b.json'), JSON.stringify({ clks: [Buffer.alloc(64, 1).toString('base64')] }));
    writeFileSync(file('c.json'), JSON.stringify({ clks: [Buffer.alloc(128, 1).toString('base64'), 'not base64!'] }));
    const match = (a: string, b: string, t = '0.8') => run('pprl', 'match', file(a), file(b), '--threshold', t, '--out', file('pairs.csv'));
    await expect(match('a.json', 'b.json')).rejects.toMatchObject({ code: 'PPRL_CLK_FILES_MISMATCH' });
    await expect(match('a.json', 'c.json')).rejects.toMatchObject({ code: 'PPRL_CLK_BAD_BASE64', params: expect.objectContaining({ index: 1 }) });
    await expect(match('a.json', 'a.json', '0')).rejects.toMatchObject({ code: 'PPRL_THRESHOLD_RANGE' });
    await expect(match('a.json', 'missing.json')).rejects.toMatchObject({ code: 'PPRL_FILE_UNREADABLE' });
    expect(existsSync(file('pairs.csv'))).toBe(false);
  });
});
