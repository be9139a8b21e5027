import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compare } from './compare';
import { compileModel, type ModelSpec } from './comparison-model';
import { normalisePerson, type PersonField } from './person-record';
import { defaultModel } from './resolve';

const model = compileModel(defaultModel());
let n = 0;
const person = (fields: Partial<Record<PersonField, string>>) => normalisePerson({ id: String(n++), fields }, { defaultCountry: 'MX' });
const level = (c: ReturnType<typeof compare>, field: string) => c.parts.find((p) => p.field === field)?.level;

const base = {
  given_name: 'José Luis',
  surname: 'Hernández Ruiz',
  date_of_birth: '1985-03-14',
  phone: '+52 55 1234 5678',
  email: 'jl.hernandez@correo.mx',
  address_1: 'Calle Hidalgo 45',
  locality: 'Guadalajara',
};

describe('compare', () => {
  it('explains an identical pair field by field, and the weights add up', () => {
    const c = compare(person(base), person(base), model);
    expect(c.probability).toBeGreaterThan(0.99);
    for (const f of ['given_name', 'surname', 'date_of_birth', 'phone', 'email', 'address', 'locality', 'street_number']) expect(level(c, f), f).toBe('exact');
    const sum = c.priorWeight + c.parts.reduce((s, p) => s + p.weight, 0);
    expect(c.weight).toBeCloseTo(sum, 9);
  });

  it('places variants in their levels', () => {
    const c = compare(person(base), person({ ...base, given_name: 'Pepe', date_of_birth: '14/03/1985', phone: '55 1234 5678', address_1: 'C. Hidalgo 45' }), model);
    expect(level(c, 'given_name')).toBe('alias');
    expect(level(c, 'date_of_birth')).toBe('exact');
    expect(level(c, 'phone')).toBe('exact');
    expect(level(c, 'address')).toBe('exact');
    expect(level(compare(person(base), person({ ...base, given_name: 'J. L.' }), model), 'given_name')).toBe('initials');
    expect(level(compare(person(base), person({ ...base, surname: 'Ruiz' }), model), 'surname')).toBe('compound');
    expect(level(compare(person(base), person({ ...base, surname: 'Hernandes Ruiz' }), model), 'surname')).toBe('jaro_winkler_0.92');
    expect(level(compare(person(base), person({ ...base, date_of_birth: '1985-14-03' }), model), 'date_of_birth')).toBe('day_month_swap');
    expect(level(compare(person(base), person({ ...base, date_of_birth: '1985' }), model), 'date_of_birth')).toBe('partial');
    expect(level(compare(person(base), person({ ...base, date_of_birth: '1985-03-15' }), model), 'date_of_birth')).toBe('one_typo');
    expect(level(compare(person(base), person({ ...base, email: 'jl.hernandez@gmail.com' }), model), 'email')).toBe('same_local_part');
  });

  it('recognises a given name and surname written in each other’s place', () => {
    const c = compare(person(base), person({ ...base, given_name: 'Hernández Ruiz', surname: 'José Luis' }), model);
    expect(c.transposedNames).toBe(true);
    expect(level(c, 'given_name')).toBe('transposed');
    expect(level(c, 'surname')).toBe('exact');
  });

  it('gives a missing value the null level and no weight', () => {
    const c = compare(person(base), person({ ...base, email: '' }), model);
    expect(c.parts.find((p) => p.field === 'email')).toMatchObject({ level: 'null', weight: 0 });
  });

  it('scores different people low', () => {
    const c = compare(person(base), person({ given_name: 'Marie', surname: 'Tremblay', date_of_birth: '1990-11-02', phone: '+1 514 555 0142', locality: 'Montréal' }), model);
    expect(c.probability).toBeLessThan(0.01);
  });

  it('is symmetric', () => {
    const pool = ['José', 'Pepe', 'J.', 'Hernández', 'Ruiz', 'Marie', 'de la Cruz', '1985-03-14', '14/03/1985', '1985', '1985-14-03', ''];
    const rec = fc.record({ given_name: fc.constantFrom(...pool), surname: fc.constantFrom(...pool), date_of_birth: fc.constantFrom(...pool) });
    fc.assert(
      fc.property(rec, rec, (a, b) => {
        const x = compare(person(a), person(b), model);
        const y = compare(person(b), person(a), model);
        expect(x.parts.map((p) => p.gamma)).toEqual(y.parts.map((p) => p.gamma));
      }),
    );
  });
});

describe('model file', () => {
  it('refuses a model whose levels do not end with "else", or use a level on the wrong type', () => {
    const spec = defaultModel();
    const bad: ModelSpec = { ...spec, comparisons: [{ field: 'surname', levels: [{ label: 'exact', kind: 'exact', m: 0.9, u: 0.1 }, { label: 'x', kind: 'exact', m: 0.1, u: 0.9 }] }] };
    expect(() => compileModel(bad)).toThrow(/LINK_MODEL_INVALID/);
    const wrongKind: ModelSpec = { ...spec, comparisons: [{ field: 'phone', levels: [{ label: 'alias', kind: 'alias', m: 0.9, u: 0.1 }, { label: 'else', kind: 'else', m: 0.1, u: 0.9 }] }] };
    expect(() => compileModel(wrongKind)).toThrow(/LINK_MODEL_INVALID/);
    const { blocking: _b, ...noBlocking } = spec;
    expect(() => compileModel(noBlocking as ModelSpec)).toThrow(/LINK_MODEL_INVALID/);
    expect(() => compileModel({ ...spec, thresholds: { match: 2, review: 0.5 } })).toThrow(/LINK_MODEL_INVALID/);
  });
  it('numbers levels like Splink: else is 0, the first level is highest', () => {
    const surname = model.comparisons.find((c) => c.field === 'surname');
    expect(surname?.labels[0]).toBe('else');
    expect(surname?.labels[(surname?.labels.length ?? 0) - 1]).toBe('exact');
  });
});

describe('e-mail levels', () => {
  it('counts a typo in an address, not two namesakes at different providers', () => {
    const a = person({ email: 'marie.roy12@gmail.com' });
    expect(level(compare(a, person({ email: 'marie.roy21@gmail.com' }), model), 'email')).toBe('similar_address_and_domain');
    expect(level(compare(a, person({ email: 'marie.roy12@gmial.com' }), model), 'email')).toBe('same_local_part');
    expect(level(compare(a, person({ email: 'marie.roy47@att.net' }), model), 'email')).toBe('else');
  });
});
