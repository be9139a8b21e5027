import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../domain/model';
import { unionProperties } from './entity-merge';
import { findCandidates, organizationNameKey } from './resolution-candidates';

const entity = (id: string, schema: string, properties: Record<string, string[]>): Entity => ({
  id,
  schema,
  properties,
  caption: properties.name?.[0] ?? properties.number?.[0] ?? '',
  owningAgencyId: 'a',
  crossBorderCheck: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

const input = (over: Partial<Parameters<typeof findCandidates>[0]>) => ({ people: [], organizations: [], phones: [], labelled: [], minTrainingLabels: 10, defaultCountry: 'MX', ...over });

describe('organisation names', () => {
  it('ignore legal forms, case, accents and punctuation', () => {
    expect(organizationNameKey('Enlace Agrícola, S.A. de C.V.')).toBe('enlace agricola');
    expect(organizationNameKey('ENLACE AGRICOLA SA DE CV')).toBe('enlace agricola');
    expect(organizationNameKey('Maple Leaf Farms Ltd.')).toBe('maple leaf farms');
    expect(organizationNameKey('Fermes Dupuis ltée')).toBe('fermes dupuis');
    expect(organizationNameKey('Company')).toBe('company');
    expect(organizationNameKey('Agro Norte')).not.toBe(organizationNameKey('Agro Sur'));
  });
});

describe('exact candidates', () => {
  it('pairs phones written differently and organisations by name or registration number, explained', () => {
    const { pairs, summary } = findCandidates(
      input({
        phones: [entity('p1', 'Phone', { number: ['+525512349876'] }), entity('p2', 'Phone', { number: ['55 1234 9876'] }), entity('p3', 'Phone', { number: ['+14165550199'] })],
        organizations: [
          entity('o1', 'Organization', { name: ['Enlace Agrícola S.A. de C.V.'], registrationNumber: ['EAG-851014'] }),
          entity('o2', 'Organization', { name: ['ENLACE AGRICOLA'] }),
          entity('o3', 'Organization', { name: ['Reclutadora del Norte'], registrationNumber: ['eag 851014'] }),
        ],
      }),
    );
    const found = pairs.map((p) => `${p.schema}:${p.leftId}-${p.rightId}:${(p.explanation as { parts: { field: string }[] }).parts.map((x) => x.field).join('+')}`).sort();
    expect(found).toEqual(['Organization:o1-o2:name', 'Organization:o1-o3:registrationNumber', 'Phone:p1-p2:number']);
    expect(pairs.every((p) => p.probability === 1 && p.decision === 'match' && p.weight === null)).toBe(true);
    expect(summary).toMatchObject({ proposed: 3, review: 0, phones: 3, organizations: 3 });
  });

  it('does not propose a value shared by too many records', () => {
    const phones = Array.from({ length: 30 }, (_, i) => entity(`p${i}`, 'Phone', { number: ['+525500000000'] }));
    const { pairs, summary } = findCandidates(input({ phones }));
    expect(pairs).toEqual([]);
    expect(summary.warnings).toEqual(['Phone.number: 30']);
  });
});

describe('people', () => {
  const jose = entity('a', 'Person', { name: ['José Luis Hernández Ruiz'], givenName: ['José Luis'], surname: ['Hernández'], secondSurname: ['Ruiz'], birthDate: ['1985-03-14'] });
  const pepe = entity('b', 'Person', { name: ['Pepe Hernandez Ruiz'], givenName: ['Pepe'], surname: ['Hernandez'], secondSurname: ['Ruiz'], birthDate: ['1985-03-14'] });
  const other = entity('c', 'Person', { name: ['Marta Quiroga Luna'], givenName: ['Marta'], surname: ['Quiroga'], secondSurname: ['Luna'], birthDate: ['1970-01-02'] });

  it('trains on confirmed pairs only from the minimum on, and never proposes the labelled copies', () => {
    const labelled = [{ left: jose, right: pepe, match: true }];
    const few = findCandidates(input({ people: [other, jose], labelled, minTrainingLabels: 2 }));
    expect(few.summary).toMatchObject({ labels: 0, mFromLabels: false });
    const enough = findCandidates(input({ people: [other, jose], labelled, minTrainingLabels: 1 }));
    expect(enough.summary).toMatchObject({ labels: 1, mFromLabels: true });
    expect(enough.pairs.every((p) => !p.leftId.startsWith('label:') && !p.rightId.startsWith('label:'))).toBe(true);
  });
});

describe('merged values', () => {
  it('keep every value once, the survivor’s first; a single value of the survivor stands', () => {
    const { properties, conflicts } = unionProperties(
      'Person',
      { name: ['José Luis Hernández Ruiz'], givenName: ['José Luis'], phone: ['+525512345678'] },
      { name: ['Pepe Hernandez Ruiz', 'JOSÉ LUIS HERNÁNDEZ RUIZ'], givenName: ['Pepe'], birthDate: ['1985-03-14'], phone: ['+525512345678'] },
    );
    expect(properties).toEqual({ name: ['José Luis Hernández Ruiz', 'Pepe Hernandez Ruiz'], givenName: ['José Luis'], phone: ['+525512345678'], birthDate: ['1985-03-14'] });
    expect(conflicts).toEqual(['givenName']);
  });

  it('lose no value of a multi-valued property and add none twice (property)', () => {
    const values = fc.array(fc.constantFrom('Ana', 'ana', 'Beto', 'Chuy', 'José', 'jose', 'JOSÉ'), { maxLength: 6 });
    fc.assert(
      fc.property(values, values, (a, b) => {
        const { properties } = unionProperties('Person', { alias: a }, { alias: b });
        const out = properties.alias ?? [];
        const fold = (v: string) => v.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
        // the survivor's values as they were, then each new value of the other record once
        expect(out.slice(0, a.length)).toEqual(a);
        const added = new Set(b.map(fold).filter((v) => !a.map(fold).includes(v)));
        expect(out.slice(a.length).map(fold)).toEqual([...added]);
      }),
    );
  });
});
