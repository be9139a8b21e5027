import { describe, expect, it } from 'vitest';
import { entityTerms } from './entity-terms';
import { matchesAll, queryGroups } from './search-text';

const finds = (q: string, e: Parameters<typeof entityTerms>[0]) => matchesAll(entityTerms(e), queryGroups(q, { defaultCountry: 'MX' }));

describe('entityTerms', () => {
  const person = {
    schema: 'Person',
    caption: 'María José Hernández Núñez',
    properties: { name: ['María José Hernández Núñez'], phone: ['+525512345678'], email: ['mj.hernandez@example.com'], passportNumber: ['G12345678'], nationality: ['MX'] },
  };

  it('finds a person by name, misspelt name, phone however typed, email and passport', () => {
    for (const q of ['hernandes nunez', 'maria jose', '55 1234 5678', '1234 5678', '+52 1 55 1234 5678', 'mj.hernandez@example.com', 'example.com', 'g12345678']) {
      expect(finds(q, person), q).toBe(true);
    }
    expect(finds('lopez', person)).toBe(false);
  });

  it('does not index the ids held by edges', () => {
    const terms = entityTerms({ schema: 'Employment', caption: 'jornalero', properties: { source: ['org-123'], target: ['person-456'], role: ['jornalero'] } });
    expect(terms.some((t) => t.includes('123') || t.includes('456'))).toBe(false);
    expect(terms).toContain('jornalero');
  });
});
