import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captionFor, checkReferences, displayCaption, edgeEnds, referencedIds, validateEntity } from './entity-validation';
import { getSchema } from './schema-registry';

const MX = { defaultCountry: 'MX' };

describe('validateEntity', () => {
  it('normalises every value by its type and derives the caption', () => {
    const r = validateEntity(
      'Person',
      {
        givenName: ' María  José ',
        surname: 'Hernández',
        secondSurname: 'de la Cruz',
        birthDate: '1994-7-3',
        nationality: ['mx', 'Guatemala'],
        gender: 'Femme',
        phone: ['55 1234 5678', '+52 1 55 1234 5678', '  '],
        email: 'MJ.Hernandez@Example.com',
        passportNumber: 'g 123-456',
      },
      MX,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.properties).toEqual({
      givenName: ['María José'],
      surname: ['Hernández'],
      secondSurname: ['de la Cruz'],
      birthDate: ['1994-07-03'],
      nationality: ['MX', 'GT'],
      gender: ['female'],
      phone: ['+525512345678'],
      email: ['mj.hernandez@example.com'],
      passportNumber: ['G123456'],
    });
    expect(r.caption).toBe('María José Hernández de la Cruz');
    expect(Object.keys(r.properties)[0]).toBe('givenName');
  });

  it('prefers the full name for the caption', () => {
    const r = validateEntity('Person', { name: 'Ana López', givenName: 'Ana' });
    expect(r.ok && r.caption).toBe('Ana López');
  });

  it('refuses an unknown schema', () => {
    expect(validateEntity('Spaceship', { name: 'x' })).toEqual({
      ok: false,
      issues: [{ field: 'schema', code: 'ENTITY_UNKNOWN_SCHEMA', params: { schema: 'Spaceship' } }],
    });
    expect(validateEntity('Interval', { summary: 'x' })).toMatchObject({ ok: false, issues: [{ code: 'ENTITY_UNKNOWN_SCHEMA' }] });
  });

  it('names each field that is wrong', () => {
    const r = validateEntity(
      'Person',
      { name: 'Ana', shoeSize: '38', birthDate: '2023-02-29', phone: ['55 1234 5678', '123'], gender: 'sometimes', nationality: 'Narnia', email: 42 },
      MX,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.issues.map((i) => [i.field, i.code]));
    expect(byField).toEqual({
      'properties.shoeSize': 'ENTITY_UNKNOWN_PROPERTY',
      'properties.birthDate[0]': 'VALUE_INVALID_DATE',
      'properties.phone[1]': 'VALUE_INVALID_PHONE',
      'properties.gender[0]': 'VALUE_NOT_IN_LIST',
      'properties.nationality[0]': 'VALUE_INVALID_COUNTRY',
      'properties.email': 'ENTITY_WRONG_TYPE',
    });
    expect(r.issues.find((i) => i.field === 'properties.phone[1]')?.params).toMatchObject({ property: 'phone' });
  });

  it('refuses non-string values inside a list', () => {
    const r = validateEntity('Person', { name: ['Ana', 7, null] });
    expect(r).toMatchObject({ ok: false, issues: [{ field: 'properties.name[1]', code: 'ENTITY_WRONG_TYPE' }, { field: 'properties.name[2]', code: 'ENTITY_WRONG_TYPE' }] });
  });

  it('requires the required properties', () => {
    expect(validateEntity('Organization', { country: 'MX' })).toMatchObject({ ok: false, issues: [{ field: 'properties.name', code: 'ENTITY_REQUIRED' }] });
    expect(validateEntity('Phone', { number: '   ' }, MX)).toMatchObject({ ok: false, issues: [{ field: 'properties.number', code: 'ENTITY_REQUIRED' }] });
  });

  it('does not report a required field twice', () => {
    const r = validateEntity('Phone', { number: 'nope' }, MX);
    expect(r).toMatchObject({ ok: false, issues: [{ field: 'properties.number[0]', code: 'VALUE_INVALID_PHONE' }] });
    if (!r.ok) expect(r.issues).toHaveLength(1);
  });

  it('refuses several values for a single-valued property, after merging duplicates', () => {
    expect(validateEntity('Person', { name: 'Ana', birthDate: ['1990', '1991'] })).toMatchObject({
      ok: false,
      issues: [{ field: 'properties.birthDate', code: 'ENTITY_NOT_MULTIPLE' }],
    });
    expect(validateEntity('Person', { name: 'Ana', birthDate: ['1990-01', '1990-1'] })).toMatchObject({ ok: true, properties: { birthDate: ['1990-01'] } });
  });

  it('refuses an entity without any value', () => {
    expect(validateEntity('Vehicle', {})).toMatchObject({ ok: false, issues: [{ field: 'properties', code: 'ENTITY_EMPTY' }] });
    expect(validateEntity('Vehicle', [])).toMatchObject({ ok: false, issues: [{ field: 'properties', code: 'ENTITY_PROPERTIES_NOT_OBJECT' }] });
  });

  it('caps the number of values', () => {
    expect(validateEntity('Person', { alias: Array.from({ length: 51 }, (_, i) => `a${i}`) })).toMatchObject({
      ok: false,
      issues: [{ code: 'ENTITY_TOO_MANY_VALUES', params: { max: 50 } }],
    });
  });

  it('validates edges: ends are entity ids, not the same one', () => {
    const ok = validateEntity('Payment', { source: 'p-1', target: 'org-2', amount: '1,500.00', currency: 'mxn', date: '2026-03' });
    expect(ok).toMatchObject({ ok: true, properties: { amount: ['1500'], currency: ['MXN'] }, caption: '1500 MXN' });
    expect(validateEntity('Payment', { source: 'p 1', target: 'org-2' })).toMatchObject({
      ok: false,
      issues: [{ field: 'properties.source[0]', code: 'VALUE_INVALID_REFERENCE' }],
    });
    expect(validateEntity('Family', { source: 'p-1', target: 'p-1', relationship: 'sibling' })).toMatchObject({
      ok: false,
      issues: [{ field: 'properties.target', code: 'ENTITY_EDGE_SELF_LOOP' }],
    });
    expect(validateEntity('Employment', { source: 'org-1' })).toMatchObject({ ok: false, issues: [{ field: 'properties.target', code: 'ENTITY_REQUIRED' }] });
  });

  it('accepts enum codes in any case and labels in any language', () => {
    expect(validateEntity('IdentityDocument', { number: 'X1', type: 'Pasaporte' })).toMatchObject({ ok: true, properties: { type: ['passport'] } });
    expect(validateEntity('IdentityDocument', { number: 'X1', type: 'PASSPORT' })).toMatchObject({ ok: true, properties: { type: ['passport'] } });
    expect(validateEntity('Organization', { name: 'Agrícola', sector: 'agriculture' })).toMatchObject({ ok: true });
  });

  it('accepts entities shaped like the demo scenario', () => {
    const samples: [string, Record<string, string[]>][] = [
      ['Organization', { name: ['Reclutadora del Bajío'], country: ['MX'], sector: ['recruitment'], phone: ['+524621234567'], address: ['Hidalgo 12, Irapuato'] }],
      ['IdentityDocument', { type: ['passport'], number: ['G12345678'], country: ['MX'], holder: ['0b9f3c1e-5f6a-4c1e-9d7a-2f1b3c4d5e6f'] }],
      ['Recruitment', { source: ['a'], target: ['b'], startDate: ['2026-01-15'], program: ['SAWP'], country: ['CA'] }],
      ['Employment', { source: ['a'], target: ['b'], startDate: ['2026-04'], role: ['farm worker'], program: ['H-2A'], country: ['US'] }],
      ['Communication', { source: ['a'], target: ['b'], startDate: ['2026-06-20'], method: ['WhatsApp'] }],
      ['Travel', { source: ['a'], target: ['b'], origin: ['Monterrey'], destination: ['Houston'], startDate: ['2026-06-12'] }],
      ['Association', { source: ['a'], target: ['b'], role: ['controlled by'] }],
      ['OnlineAccount', { platform: ['nightlist.example'], handle: ['wc26_vip'], url: ['https://nightlist.example/houston/wc26_vip'], phone: ['+17135550123'] }],
      ['Worksite', { name: ['Greenhouse 4'], address: ['Concession Rd 8, Leamington'], country: ['CA'] }],
    ];
    for (const [schema, props] of samples) {
      const r = validateEntity(schema, props, MX);
      expect(r.ok ? [] : r.issues, schema).toEqual([]);
    }
  });

  it('never throws, whatever it is given', () => {
    const schemaName = fc.constantFrom('Person', 'Organization', 'Phone', 'Payment', 'Travel', 'Vehicle', 'Nope', '__proto__', 'constructor');
    const props = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('name', 'phone', 'birthDate', 'source', 'target', 'amount', '__proto__', 'toString', 'x'), fc.oneof(fc.string(), fc.array(fc.string()), fc.jsonValue())),
    );
    fc.assert(
      fc.property(schemaName, props, (s, p) => {
        const r = validateEntity(s, p, MX);
        if (r.ok) {
          for (const values of Object.values(r.properties)) expect(values.every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
          // a validated entity validates again to the same thing
          expect(validateEntity(s, r.properties, MX)).toEqual(r);
        } else {
          expect(r.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('captions and references', () => {
  it('falls back to any short value, then to the schema label', () => {
    const vehicle = getSchema('Vehicle')!;
    expect(captionFor(vehicle, { make: ['Nissan'], model: ['Urvan'], colour: ['blanca'] })).toBe('Nissan Urvan blanca');
    expect(captionFor(getSchema('Ownership')!, { source: ['a'], target: ['b'], startDate: ['2012'] })).toBe('2012');
    expect(captionFor(getSchema('Ownership')!, { source: ['a'], target: ['b'] })).toBe('');
    expect(displayCaption({ schema: 'Ownership', caption: '' }, 'fr')).toBe('Propriété');
    expect(captionFor(getSchema('Person')!, { name: ['x'.repeat(400)] })).toHaveLength(300);
  });

  it('checks that references point to existing entities of the right kind', () => {
    const emp = getSchema('Employment')!;
    const entities: Record<string, { id: string; schema: string }> = {
      org: { id: 'org', schema: 'Organization' },
      ana: { id: 'ana', schema: 'Person' },
      phone: { id: 'phone', schema: 'Phone' },
    };
    const resolve = (id: string) => entities[id];
    expect(checkReferences(emp, { source: ['org'], target: ['ana'] }, resolve)).toEqual([]);
    expect(checkReferences(emp, { source: ['org'], target: ['phone'], worksite: ['ghost'] }, resolve)).toEqual([
      { field: 'properties.target[0]', code: 'ENTITY_REFERENCE_WRONG_TYPE', params: { property: 'target', expected: 'Person', actual: 'Phone' } },
      { field: 'properties.worksite[0]', code: 'ENTITY_REFERENCE_NOT_FOUND', params: { property: 'worksite' } },
    ]);
    expect(referencedIds(emp, { source: ['org'], target: ['ana'], worksite: ['w'] })).toEqual(['org', 'ana', 'w']);
  });

  it('reads the ends of an edge', () => {
    expect(edgeEnds({ schema: 'Association', properties: { source: ['a'], target: ['b'] } })).toEqual({ source: 'a', target: 'b', directed: false });
    expect(edgeEnds({ schema: 'Person', properties: { name: ['a'] } })).toBeNull();
  });
});
