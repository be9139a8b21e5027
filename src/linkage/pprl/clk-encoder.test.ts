import { describe, expect, it } from 'vitest';
import { AlianzaError } from '../../domain/errors';
import { createClkEncoder, encode, encodeToBase64 } from './clk-encoder';
import { readCsvRecords } from './csv-records';
import { parseLinkageSchema } from './schema';
import { hasFebrl, readDataset, readFixture, vectors } from './test-fixtures.node';

const febrlSchema = () => parseLinkageSchema(readFixture('febrl_schema_blake_v3.json'));

describe('CLK encoding compatible with clkhash', () => {
  it('encodes the first febrl4a rows exactly as clkhash', () => {
    const v = vectors();
    const row = v['febrl4a row0 input'] as string[];
    const expected = v['febrl4a first 3 rows, tutorial_api schema (blakeHash, bitsPerFeature), secret "secret", base64'] as Record<string, string>;
    const [clk] = encodeToBase64([row], febrlSchema(), 'secret');
    expect(clk).toBe(expected[row[0]!]);
  });

  describe.skipIf(!hasFebrl)('on the FEBRL benchmark files', () => {
    for (const side of ['a', 'b']) {
      it(`gives 5,000 of 5,000 CLKs identical to clkhash for febrl4${side}`, () => {
        const schema = febrlSchema();
        const { records } = readCsvRecords(readDataset(`febrl4${side}.csv`), schema, `febrl4${side}.csv`);
        const ours = encodeToBase64(records, schema, 'secret');
        const theirs = (JSON.parse(readDataset(`clkhash/clk_febrl4${side}_blake_secret.json`)) as { clks: string[] }).clks;
        expect(ours).toHaveLength(5000);
        const identical = ours.filter((c, i) => c === theirs[i]).length;
        expect(identical).toBe(5000);
      });
    }
  });

  it('gives a different CLK under a different secret, and the same one again under the same secret', () => {
    const row = vectors()['febrl4a row0 input'] as string[];
    const schema = febrlSchema();
    const [a] = encodeToBase64([row], schema, 'secret');
    const [b] = encodeToBase64([row], schema, 'another secret');
    const [c] = encodeToBase64([row], schema, 'secret');
    expect(a).not.toBe(b);
    expect(a).toBe(c);
  });

  it('refuses an empty secret', () => {
    expect(() => encode([], febrlSchema(), '')).toThrow(expect.objectContaining({ code: 'PPRL_SECRET_EMPTY' }));
  });

  it('encodes nothing when one record is invalid, and names the row and feature but not the value', () => {
    const schema = febrlSchema();
    const good = vectors()['febrl4a row0 input'] as string[];
    const bad = [...good];
    bad[7] = 'not-a-postcode'; // postcode is an integer feature
    try {
      encode([good, good, bad], schema, 'secret');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AlianzaError);
      const err = e as AlianzaError;
      expect(err.code).toBe('PPRL_RECORDS_INVALID');
      expect(err.issues).toEqual([
        { field: 'row 3: postcode', code: 'PPRL_VALUE_NOT_INTEGER', params: { row: 3, feature: 'postcode' } },
      ]);
      expect(JSON.stringify(err)).not.toContain('not-a-postcode');
    }
  });

  it('reports a record with the wrong number of values', () => {
    const encoder = createClkEncoder(febrlSchema(), 'secret');
    expect(encoder.check(['a', 'b'], 7)).toEqual([
      { field: 'row 7', code: 'PPRL_ROW_LENGTH', params: { row: 7, found: 2, expected: 11 } },
    ]);
  });

  it('hashes the replacement of a missing value and skips its format check', () => {
    const schema = parseLinkageSchema({
      version: 3,
      clkConfig: { l: 256, kdf: { type: 'HKDF' } },
      features: [
        {
          identifier: 'dob',
          format: { type: 'date', format: '%Y-%m-%d' },
          hashing: { comparison: { type: 'ngram', n: 1, positional: true }, strategy: { bitsPerToken: 8 }, missingValue: { sentinel: 'N/A', replaceWith: '' } },
        },
      ],
    });
    const [missing, date, compact] = encode([['N/A'], ['1990-02-03'], ['1990-2-3']], schema, 'k');
    expect([...missing!].every((b) => b === 0)).toBe(true);
    // %m and %d accept one digit: both spellings are the same date, hence the same CLK
    expect(Buffer.from(date!).toString('hex')).toBe(Buffer.from(compact!).toString('hex'));
    expect(() => encode([['1990-02-30']], schema, 'k')).toThrow(AlianzaError);
  });

  it('XOR-folds the filter to l bits', () => {
    const base = {
      version: 3,
      clkConfig: { l: 128, kdf: { type: 'HKDF' } },
      features: [{ identifier: 'name', format: { type: 'string' }, hashing: { comparison: { type: 'ngram', n: 2 }, strategy: { bitsPerToken: 10 } } }],
    };
    const unfolded = parseLinkageSchema({ ...base, clkConfig: { l: 256, kdf: { type: 'HKDF' } } });
    const folded = parseLinkageSchema({ ...base, clkConfig: { l: 128, xorFolds: 1, kdf: { type: 'HKDF' } } });
    const [wide] = encode([['maria']], unfolded, 's');
    const [narrow] = encode([['maria']], folded, 's');
    expect(narrow).toHaveLength(16);
    expect([...narrow!]).toEqual([...wide!.subarray(0, 16)].map((b, i) => b ^ wide![16 + i]!));
  });
});
