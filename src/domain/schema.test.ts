import { describe, expect, it } from 'vitest';
import { LOCALES } from './model';
import { SCHEMA_FILES, buildRegistry, getSchema, isA, isEdgeSchema, matchableProperties, pivotProperties, schemata } from './schema-registry';

const ENTITY_TYPES = ['Person', 'Organization', 'Phone', 'Email', 'Address', 'Vehicle', 'BankAccount', 'IdentityDocument', 'OnlineAccount', 'Worksite'];
const EDGE_TYPES = ['Employment', 'Recruitment', 'Ownership', 'Travel', 'Communication', 'Payment', 'Association', 'Family'];

describe('schema registry', () => {
  it('holds the entity and edge types of the design', () => {
    expect(schemata.entityTypes().map((s) => s.name).sort()).toEqual([...ENTITY_TYPES].sort());
    expect(schemata.edgeTypes().map((s) => s.name).sort()).toEqual([...EDGE_TYPES].sort());
    expect(getSchema('Interval')).toBeUndefined(); // abstract
    expect(getSchema('Nope')).toBeUndefined();
  });

  it('gives every schema, property and enum code a label in three languages', () => {
    for (const s of schemata.all()) {
      for (const l of LOCALES) {
        expect(s.label[l], `${s.name}.label.${l}`).toBeTruthy();
        expect(s.plural[l]).toBeTruthy();
        for (const p of Object.values(s.properties)) {
          expect(p.label[l], `${s.name}.${p.name}.${l}`).toBeTruthy();
          for (const code of p.enum ?? []) expect(p.enumLabels?.[code]?.[l]).toBeTruthy();
        }
      }
    }
  });

  it('models edges with source and target properties holding entity ids', () => {
    for (const name of EDGE_TYPES) {
      const s = getSchema(name)!;
      expect(isEdgeSchema(name)).toBe(true);
      expect(s.edge).toMatchObject({ source: 'source', target: 'target' });
      expect(s.properties.source?.type).toBe('entity');
      expect(s.properties.target?.type).toBe('entity');
      expect(s.required).toEqual(expect.arrayContaining(['source', 'target']));
      expect(isA(s, 'Interval')).toBe(true);
      expect(s.properties.startDate?.definedIn).toBe('Interval');
    }
    expect(getSchema('Family')!.edge!.directed).toBe(true);
    expect(getSchema('Association')!.edge!.directed).toBe(false);
    expect(isEdgeSchema('Person')).toBe(false);
  });

  it('flags the properties used for matching and as network pivots', () => {
    const person = getSchema('Person')!;
    expect(matchableProperties(person).map((p) => p.name)).toEqual(expect.arrayContaining(['name', 'birthDate', 'phone', 'nationality']));
    expect(pivotProperties(person).map((p) => p.name)).toEqual(expect.arrayContaining(['phone', 'email', 'passportNumber']));
    expect(pivotProperties(person).map((p) => p.name)).not.toContain('name');
    expect(getSchema('Phone')!.properties.number).toMatchObject({ type: 'phone', pivot: true, matchable: true });
  });

  it('refuses malformed schema files', () => {
    const person = SCHEMA_FILES[1] as Record<string, unknown>;
    const withProps = (props: Record<string, unknown>) => ({ ...person, name: 'Broken', properties: props, caption: [], required: [] });
    const label = { en: 'x', fr: 'x', es: 'x' };
    expect(() => buildRegistry([withProps({ a: { type: 'colour', label } })])).toThrow(/unknown property type/);
    expect(() => buildRegistry([withProps({ a: { type: 'string', label: { en: 'x', fr: 'x' } } })])).toThrow(/"es"/);
    expect(() => buildRegistry([withProps({ a: { type: 'entity', label } })])).toThrow(/range/);
    expect(() => buildRegistry([withProps({ a: { type: 'entity', label, range: ['Ghost'] } })])).toThrow(/unknown schema Ghost/);
    expect(() => buildRegistry([withProps({ a: { type: 'string', label, enum: ['x'] } })])).toThrow(/enumLabels/);
    expect(() => buildRegistry([{ ...withProps({}), caption: ['missing'] }])).toThrow(/caption/);
    expect(() => buildRegistry([{ ...withProps({}), extends: 'Ghost' }])).toThrow(/unknown schema Ghost/);
    expect(() => buildRegistry([{ ...withProps({}), name: 'A', extends: 'B' }, { ...withProps({}), name: 'B', extends: 'A' }])).toThrow(/extends itself/);
    expect(() =>
      buildRegistry([{ ...withProps({ s: { type: 'entity', label, range: ['Broken'] } }), edge: { source: 's', target: 's', directed: true, label } }]),
    ).toThrow(/must be required/);
  });
});
