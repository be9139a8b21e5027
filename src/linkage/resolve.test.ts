import { describe, expect, it } from 'vitest';
import type { Entity } from '../domain/model';
import { linkTables, dedupeTable, defaultModel } from './resolve';
import { personRecordOfEntity, resolvePeople } from './resolve-people';
import type { PersonRecord } from './person-record';

const rec = (id: string, fields: PersonRecord['fields']): PersonRecord => ({ id, fields });

const left = [
  rec('a1', { given_name: 'José Luis', surname: 'Hernández Ruiz', date_of_birth: '1985-03-14', phone: '+52 55 1234 5678' }),
  rec('a2', { given_name: 'Marie', surname: 'Tremblay', date_of_birth: '1979-11-23', email: 'marie.t@videotron.ca' }),
  rec('a3', { given_name: 'William', surname: 'Smith', date_of_birth: '1966-01-05' }),
];
const right = [
  rec('b1', { given_name: 'Pepe', surname: 'Hernandez', date_of_birth: '14/03/1985', phone: '55 1234 5678' }),
  rec('b2', { given_name: 'Marie', surname: 'Tremblay', date_of_birth: '1979', email: 'marie.t@videotron.ca' }),
  rec('b3', { given_name: 'Bill', surname: 'Smith' }),
];

describe('linkTables', () => {
  it('returns matches and uncertain pairs apart, each explained', () => {
    const r = linkTables(left, right, { train: false, normalise: { defaultCountry: 'MX' }, threshold: 0.95, reviewThreshold: 0.05 });
    const matched = r.pairs.map((p) => `${p.leftId}-${p.rightId}`);
    expect(matched).toContain('a1-b1');
    expect(matched).toContain('a2-b2');
    for (const p of r.pairs) expect(p.probability).toBeGreaterThanOrEqual(0.95);
    // Bill Smith with no date is not enough for a match, but worth a look
    const review = r.review.find((p) => p.leftId === 'a3' && p.rightId === 'b3');
    expect(review?.decision).toBe('review');
    expect(review?.probability).toBeLessThan(0.95);
    expect(review?.explanation.parts.find((x) => x.field === 'given_name')?.level).toBe('alias');
    expect(r.training).toBeNull();
  });

  it('keeps one partner per record unless told otherwise', () => {
    const twins = [rec('b1', { given_name: 'Ana', surname: 'Ruiz', date_of_birth: '1990-01-02' }), rec('b2', { given_name: 'Ana', surname: 'Ruiz', date_of_birth: '1990-01-02' })];
    const one = [rec('a1', { given_name: 'Ana', surname: 'Ruiz', date_of_birth: '1990-01-02' })];
    expect(linkTables(one, twins, { train: false }).pairs).toHaveLength(1);
    expect(linkTables(one, twins, { train: false, oneToOne: false }).pairs).toHaveLength(2);
    expect(linkTables(one, twins, { train: false }).review).toHaveLength(1);
  });

  it('refuses thresholds outside [0, 1] and tables with nothing in common', () => {
    expect(() => linkTables(left, right, { threshold: 2 })).toThrow(/LINK_THRESHOLD_INVALID/);
    expect(() => linkTables([rec('x', { email: 'a@b.c' })], [rec('y', { phone: '+1 416 555 0100' })])).toThrow(/LINK_COLUMNS_NO_COMMON_FIELD/);
  });

  it('hands back a trained model that is a valid model file', () => {
    const r = linkTables(left, right);
    expect(r.model.spec.version).toBe(defaultModel().version);
    expect(r.model.spec.comparisons.map((c) => c.field)).toEqual(['given_name', 'surname', 'date_of_birth', 'email', 'phone']);
    expect(JSON.parse(JSON.stringify(r.model.spec)).probabilityTwoRandomRecordsMatch).toBeGreaterThan(0);
  });
});

describe('dedupeTable', () => {
  it('puts every record in exactly one cluster', () => {
    const records = [...left, ...right];
    const r = dedupeTable(records, { train: false, normalise: { defaultCountry: 'MX' } });
    expect(r.clusters.map((c) => c.id)).toEqual(records.map((x) => x.id));
    const of = new Map(r.clusters.map((c) => [c.id, c.cluster]));
    expect(of.get('a1')).toBe(of.get('b1'));
    expect(of.get('a1')).not.toBe(of.get('a2'));
    expect(r.clusterCount).toBe(new Set(of.values()).size);
  });
  it('copes with an empty table and a single record', () => {
    expect(dedupeTable([rec('only', { given_name: 'Ana' })]).clusters).toEqual([{ id: 'only', cluster: 0 }]);
    expect(dedupeTable([]).clusters).toEqual([]);
    expect(linkTables(left, []).pairs).toEqual([]);
  });
});

describe('resolvePeople', () => {
  const entity = (id: string, properties: Record<string, string[]>, schema = 'Person'): Entity => ({
    id,
    schema,
    properties,
    caption: id,
    owningAgencyId: 'ag',
    crossBorderCheck: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 1,
  });

  it('maps Person properties, both surnames and one-word aliases included', () => {
    const r = personRecordOfEntity(entity('p', { givenName: ['Jesús'], surname: ['Hernández'], secondSurname: ['Ruiz'], alias: ['Chuy', 'El Flaco'], idNumber: ['HERJ850314'] }));
    expect(r.fields.surname).toEqual(['Hernández Ruiz']);
    expect(r.fields.given_name).toEqual(['Jesús', 'Chuy']);
    expect(r.fields.identifier).toEqual(['HERJ850314']);
  });

  it('groups Person entities that are one person and leaves other schemas and excluded entities out', () => {
    const entities = [
      entity('p1', { givenName: ['Jesús'], surname: ['Hernández'], birthDate: ['1985-03-14'], phone: ['+52 55 1234 5678'] }),
      entity('p2', { name: ['Chuy Hernández Ruiz'], birthDate: ['14/03/1985'], phone: ['+52 1 55 1234 5678'] }),
      entity('p3', { givenName: ['Marie'], surname: ['Tremblay'], birthDate: ['1979-11-23'] }),
      entity('p4', { givenName: ['Ana'], surname: ['Ruiz'] }),
      entity('o1', { name: ['Agrícola del Norte'] }, 'Organization'),
    ];
    const r = resolvePeople(entities, { train: false, include: (e) => e.id !== 'p4' });
    expect(r.clusters.map((c) => c.id)).toEqual(['p1', 'p2', 'p3']);
    const of = new Map(r.clusters.map((c) => [c.id, c.cluster]));
    expect(of.get('p1')).toBe(of.get('p2'));
    expect(of.get('p3')).not.toBe(of.get('p1'));
  });
});
