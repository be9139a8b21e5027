import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AlianzaError } from '../domain/errors';
import type { Entity } from '../domain/model';
import { readPayload } from './messages';
import { buildAlertPayload, minimise, VICTIM_IDENTITY_FIELDS } from './minimise';

const entity = (id: string, schema: string, properties: Record<string, string[]>): Entity => ({
  id,
  schema,
  properties,
  caption: properties.name?.[0] ?? id,
  owningAgencyId: 'agency-fgr',
  crossBorderCheck: true,
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
  version: 1,
});

const victim = entity('p-victim', 'Person', { name: ['María Fernanda López'], birthDate: ['2004-03-09'], gender: ['female'], nationality: ['MX'] });
const victimPhone = entity('ph-victim', 'Phone', { number: ['+5215512345678'] });
const recruiter = entity('p-recruiter', 'Person', { name: ['Julio Ramírez'], alias: ['El Güero'], nationality: ['MX'] });
const company = entity('o-1', 'Organization', { name: ['Agencia Laboral del Sur'], country: ['MX'], registrationNumber: ['ALS-1234'] });
const employment = entity('e-1', 'Employment', { employer: ['o-1'], employee: ['p-recruiter'], role: ['recruiter'] });
const ALL = [victim, victimPhone, recruiter, company, employment];
const VICTIMS = ['p-victim', 'ph-victim'];
const BASIS = { kind: 'legal_basis' as const, reference: 'MLAT MX-US art. 7, request 2026/114', recordedAt: '2026-06-01T09:00:00.000Z' };

const errorOf = (fn: () => unknown): AlianzaError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AlianzaError) return e;
    throw e;
  }
  throw new Error('expected an AlianzaError');
};

describe('minimise', () => {
  it('keeps only the chosen entities and fields, with global ids and no captions', () => {
    const m = minimise({ node: 'mx', entities: ALL, entityIds: ['o-1', 'p-recruiter'], fields: ['name', 'alias'], victimEntityIds: VICTIMS });
    expect(m.entities).toEqual([
      { globalId: 'mx:o-1', schema: 'Organization', properties: { name: ['Agencia Laboral del Sur'] } },
      { globalId: 'mx:p-recruiter', schema: 'Person', properties: { name: ['Julio Ramírez'], alias: ['El Güero'] } },
    ]);
    expect(m.carriesVictimIdentity).toBe(false);
    expect(m.identityBasis).toBeNull();
  });

  it('turns references to other local entities into global ids', () => {
    const m = minimise({ node: 'mx', entities: ALL, entityIds: ['e-1'], fields: ['employer', 'employee', 'role'], victimEntityIds: VICTIMS });
    expect(m.entities[0]!.properties).toEqual({ employer: ['mx:o-1'], employee: ['mx:p-recruiter'], role: ['recruiter'] });
  });

  it('allows non-identifying facts about a victim without a basis', () => {
    const m = minimise({ node: 'mx', entities: ALL, entityIds: ['p-victim'], fields: ['gender'], victimEntityIds: VICTIMS });
    expect(m.entities[0]!.properties).toEqual({ gender: ['female'] });
  });

  it('refuses a victim identity without consent or a legal basis, naming each field', () => {
    const err = errorOf(() =>
      minimise({
        node: 'mx',
        entities: ALL,
        entityIds: ['p-victim', 'ph-victim', 'p-recruiter'],
        fields: { 'p-victim': ['name', 'gender'], 'ph-victim': ['number'], 'p-recruiter': ['name'] },
        victimEntityIds: VICTIMS,
      }),
    );
    expect(err.code).toBe('FED_VICTIM_IDENTITY_NEEDS_BASIS');
    expect(err.issues.map((i) => i.field)).toEqual(['p-victim.name', 'ph-victim.number']);
    const blank = errorOf(() =>
      minimise({ node: 'mx', entities: ALL, entityIds: ['p-victim'], fields: ['name'], victimEntityIds: VICTIMS, identityBasis: { ...BASIS, reference: ' ' } }),
    );
    expect(blank.code).toBe('FED_VICTIM_IDENTITY_NEEDS_BASIS');
  });

  it('includes a victim identity under a recorded basis, and says so', () => {
    const m = minimise({ node: 'mx', entities: ALL, entityIds: ['p-victim'], fields: ['name', 'birthDate'], victimEntityIds: VICTIMS, identityBasis: BASIS });
    expect(m.carriesVictimIdentity).toBe(true);
    expect(m.identityBasis).toEqual(BASIS);
  });

  it('refuses unknown entities and empty selections', () => {
    expect(errorOf(() => minimise({ node: 'mx', entities: ALL, entityIds: ['nope'], fields: ['name'], victimEntityIds: [] })).code).toBe(
      'FED_MINIMISE_UNKNOWN_ENTITY',
    );
    expect(errorOf(() => minimise({ node: 'mx', entities: ALL, entityIds: ['o-1'], fields: ['colour'], victimEntityIds: [] })).code).toBe(
      'FED_MINIMISE_NOTHING_SELECTED',
    );
  });

  it('builds an Alert payload that the receiver accepts', () => {
    const { payload } = buildAlertPayload(
      { title: 'Recruiter network', summary: 'Fees and passports held', caseReference: 'MX-2026-000123' },
      { node: 'mx', entities: ALL, entityIds: ['o-1', 'e-1'], fields: ['name', 'employer', 'employee'], victimEntityIds: VICTIMS },
    );
    expect(readPayload('Alert', payload, '2026-06-01T00:00:00.000Z').ok).toBe(true);
  });

  it('never lets out a field that was not chosen, nor a victim identity without a basis (property)', () => {
    const fieldNames = ['name', 'birthDate', 'gender', 'nationality', 'number', 'role', 'country', 'alias'];
    fc.assert(
      fc.property(
        fc.subarray(ALL.map((e) => e.id), { minLength: 1 }),
        fc.subarray(fieldNames, { minLength: 1 }),
        fc.subarray(VICTIMS),
        fc.boolean(),
        (ids, fields, victims, withBasis) => {
          let m;
          try {
            m = minimise({ node: 'mx', entities: ALL, entityIds: ids, fields, victimEntityIds: victims, identityBasis: withBasis ? BASIS : null });
          } catch (e) {
            expect(['FED_VICTIM_IDENTITY_NEEDS_BASIS', 'FED_MINIMISE_NOTHING_SELECTED']).toContain((e as AlianzaError).code);
            return;
          }
          for (const shared of m.entities) {
            const localId = shared.globalId.slice('mx:'.length);
            expect(ids).toContain(localId);
            for (const field of Object.keys(shared.properties)) {
              expect(fields).toContain(field);
              if (victims.includes(localId) && VICTIM_IDENTITY_FIELDS.has(field)) expect(withBasis).toBe(true);
            }
          }
        },
      ),
    );
  });
});
