import { describe, expect, it } from 'vitest';
import { parseLinkageSchema } from './schema';
import { readFixture } from './test-fixtures.node';

const feature = (over: Record<string, unknown> = {}) => ({
  identifier: 'name',
  format: { type: 'string', encoding: 'utf-8' },
  hashing: { comparison: { type: 'ngram', n: 2 }, strategy: { bitsPerToken: 20 }, hash: { type: 'blakeHash' } },
  ...over,
});
const schema = (over: Record<string, unknown> = {}) => ({
  version: 3,
  clkConfig: { l: 1024, kdf: { type: 'HKDF', hash: 'SHA256', keySize: 64 } },
  features: [feature()],
  ...over,
});
const failsWith = (input: unknown, code: string, path: string) =>
  expect(() => parseLinkageSchema(input)).toThrow(expect.objectContaining({ code, params: expect.objectContaining({ path }) }));

describe('linkage schema v3', () => {
  it('reads the FEBRL schema of the reference', () => {
    const s = parseLinkageSchema(readFixture('febrl_schema_blake_v3.json'));
    expect(s.l).toBe(1024);
    expect(s.features).toHaveLength(11);
    expect(s.features[0]).toEqual({ identifier: 'rec_id', ignored: true });
    const streetNumber = s.features[3]!;
    expect(streetNumber.ignored).toBe(false);
    if (!streetNumber.ignored) {
      expect(streetNumber.comparison).toEqual({ type: 'ngram', n: 1, positional: true });
      expect(streetNumber.strategy).toEqual({ type: 'bitsPerFeature', bits: 100 });
      expect(streetNumber.missingValue).toEqual({ sentinel: '', replaceWith: '' });
    }
  });

  it('accepts only version 3, naming the field', () => {
    failsWith(schema({ version: 2 }), 'PPRL_SCHEMA_VERSION', 'version');
    failsWith(schema({ version: '3' }), 'PPRL_SCHEMA_VERSION', 'version');
    failsWith({ clkConfig: {}, features: [] }, 'PPRL_SCHEMA_MISSING', 'version');
  });

  it('names the field at fault', () => {
    failsWith(schema({ clkConfig: { l: 0, kdf: { type: 'HKDF' } } }), 'PPRL_SCHEMA_NOT_INTEGER', 'clkConfig.l');
    failsWith(schema({ clkConfig: { l: 1024, kdf: { type: 'PBKDF2' } } }), 'PPRL_SCHEMA_NOT_ONE_OF', 'clkConfig.kdf.type');
    failsWith(schema({ clkConfig: { l: 1024, kdf: { type: 'HKDF', hash: 'MD5' } } }), 'PPRL_SCHEMA_NOT_ONE_OF', 'clkConfig.kdf.hash');
    failsWith(schema({ features: [feature({ format: { type: 'phone' } })] }), 'PPRL_SCHEMA_NOT_ONE_OF', 'features[0].format.type');
    failsWith(
      schema({ features: [feature({ hashing: { comparison: { type: 'ngram' }, strategy: { bitsPerToken: 20 } } })] }),
      'PPRL_SCHEMA_MISSING',
      'features[0].hashing.comparison.n',
    );
    failsWith(
      schema({ features: [feature({ hashing: { comparison: { type: 'ngram', n: 2 }, strategy: { bitsPerToken: 2, bitsPerFeature: 3 } } })] }),
      'PPRL_SCHEMA_TWO_STRATEGIES',
      'features[0].hashing.strategy',
    );
    failsWith(
      schema({ features: [feature({ hashing: { comparison: { type: 'ngram', n: 2 }, strategy: { k: 20 } } })] }),
      'PPRL_SCHEMA_UNKNOWN_FIELD',
      'features[0].hashing.strategy.k',
    );
    failsWith(schema({ features: [feature({ format: { type: 'date', format: '%Y-%W' } })] }), 'PPRL_SCHEMA_BAD_DATE_FORMAT', 'features[0].format.format');
    failsWith(schema({ features: [feature({ format: { type: 'string', pattern: '[a-' } })] }), 'PPRL_SCHEMA_BAD_PATTERN', 'features[0].format.pattern');
    failsWith(schema({ features: [{ identifier: 'x', ignored: false }] }), 'PPRL_SCHEMA_NOT_ONE_OF', 'features[0].ignored');
    failsWith(schema({ features: [feature(), feature()] }), 'PPRL_SCHEMA_DUPLICATE_FEATURE', 'features');
    failsWith(schema({ features: [{ identifier: 'x', ignored: true }] }), 'PPRL_SCHEMA_NO_FEATURES', 'features');
    failsWith(schema({ clkConfig: { l: 1000, kdf: { type: 'HKDF' } } }), 'PPRL_SCHEMA_BLAKE_LENGTH', 'clkConfig.l');
    failsWith('{ not json', 'PPRL_SCHEMA_NOT_JSON', '');
  });

  it('reads every comparison, strategy, hash and format of the specification', () => {
    const s = parseLinkageSchema(
      schema({
        clkConfig: { l: 1000, xorFolds: 1, kdf: { type: 'HKDF', hash: 'SHA512', salt: 'c2FsdA==', info: '', keySize: 32 } },
        features: [
          feature({
            format: { type: 'string', case: 'lower', minLength: 1, maxLength: 30 },
            hashing: { comparison: { type: 'exact' }, strategy: { bitsPerFeature: 50 }, hash: { type: 'doubleHash', prevent_singularity: true } },
          }),
          {
            identifier: 'age',
            format: { type: 'integer', minimum: 0, maximum: 130 },
            hashing: { comparison: { type: 'numeric', thresholdDistance: 2.5, resolution: 3, fractionalPrecision: 1 }, strategy: { bitsPerToken: 5 }, hash: { type: 'doubleHash' } },
          },
          {
            identifier: 'sex',
            format: { type: 'enum', values: ['F', 'M', 'X'] },
            hashing: { comparison: { type: 'exact' }, strategy: { bitsPerToken: 30 }, hash: { type: 'doubleHash' } },
          },
        ],
      }),
    );
    expect(s.xorFolds).toBe(1);
    expect(s.kdf.hash).toBe('SHA512');
    expect(s.kdf.info).toEqual(new Uint8Array(0));
    const [name, age, sex] = s.features;
    expect(name).toMatchObject({ hash: { type: 'doubleHash', preventSingularity: true }, comparison: { type: 'exact' } });
    expect(age).toMatchObject({ comparison: { type: 'numeric', distanceInterval: 25n, resolution: 3, fractionalPrecision: 1 }, format: { minimum: 0n, maximum: 130n } });
    expect(sex).toMatchObject({ format: { type: 'enum' } });
  });
});
