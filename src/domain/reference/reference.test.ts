import { describe, expect, it } from 'vitest';
import { ILO_INDICATORS, LOCALES, PALERMO_ACTS, PALERMO_MEANS, PALERMO_PURPOSES, TLP_LEVELS } from '../model';
import {
  ILO_INDICATOR_REFERENCE,
  LABOUR_PROGRAMS,
  PALERMO_ACT_REFERENCE,
  PALERMO_MEANS_REFERENCE,
  PALERMO_PURPOSE_REFERENCE,
  POLARIS_TYPES,
  TLP_REFERENCE,
  WORLD_CUP_MATCHES,
  WORLD_CUP_VENUES,
  eventOptions,
  findMatch,
  isKnownPurpose,
  labourProgramCode,
  polarisCode,
  polarisLabel,
  referenceData,
  resolveEventId,
} from './index';

const allLabelled = (labels: Record<string, string>) => LOCALES.every((l) => typeof labels[l] === 'string' && labels[l]!.trim().length > 0);

describe('ILO indicators', () => {
  it('lists the eleven indicators in the order of the model, with the ILO titles', () => {
    expect(ILO_INDICATOR_REFERENCE.map((i) => i.code)).toEqual([...ILO_INDICATORS]);
    expect(ILO_INDICATOR_REFERENCE.map((i) => i.label.en)).toEqual([
      'Abuse of vulnerability', 'Deception', 'Restriction of movement', 'Isolation', 'Physical and sexual violence', 'Intimidation and threats',
      'Retention of identity documents', 'Withholding of wages', 'Debt bondage', 'Abusive working and living conditions', 'Excessive overtime',
    ]);
  });

  it('gives labels and short guidance in three languages, with a source', () => {
    for (const i of ILO_INDICATOR_REFERENCE) {
      expect(allLabelled(i.label) && allLabelled(i.guidance), i.code).toBe(true);
      for (const l of LOCALES) expect(i.guidance[l].split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length, `${i.code} ${l}`).toBeLessThanOrEqual(2);
      expect(i.source).toMatch(/ILO/);
    }
  });
});

describe('Palermo elements', () => {
  it('covers every act, means and purpose of the model', () => {
    expect(PALERMO_ACT_REFERENCE.map((a) => a.code)).toEqual([...PALERMO_ACTS]);
    expect(PALERMO_MEANS_REFERENCE.map((a) => a.code)).toEqual([...PALERMO_MEANS]);
    expect(PALERMO_PURPOSE_REFERENCE.map((a) => a.code)).toEqual([...PALERMO_PURPOSES]);
    for (const x of [...PALERMO_ACT_REFERENCE, ...PALERMO_MEANS_REFERENCE, ...PALERMO_PURPOSE_REFERENCE]) {
      expect(allLabelled(x.label)).toBe(true);
      expect(x.source.length).toBeGreaterThan(10);
    }
  });
});

describe('Polaris typology', () => {
  it('has the 25 types with unique codes and three labels', () => {
    expect(POLARIS_TYPES).toHaveLength(25);
    expect(new Set(POLARIS_TYPES.map((p) => p.code)).size).toBe(25);
    for (const p of POLARIS_TYPES) expect(allLabelled(p.label)).toBe(true);
  });

  it('reads a type from its code or a label in any language', () => {
    expect(polarisCode('Agriculture and Animal Husbandry')).toBe('agriculture_animal_husbandry');
    expect(polarisCode('agricultura y ganadería')).toBe('agriculture_animal_husbandry');
    expect(polarisCode('escort_services')).toBe('escort_services');
    expect(polarisCode('Fishing')).toBeUndefined();
    expect(polarisLabel('Escort Services', 'fr')).toBe("Services d'escorte");
  });
});

describe('TLP, programs and purposes', () => {
  it('has the five TLP 2.0 levels with colours and meanings', () => {
    expect(TLP_REFERENCE.map((t) => t.code)).toEqual([...TLP_LEVELS]);
    for (const t of TLP_REFERENCE) {
      expect(t.colour).toMatch(/^#[0-9A-F]{6}$/);
      expect(allLabelled(t.meaning)).toBe(true);
    }
  });

  it('knows the labour programs and their other names', () => {
    expect(LABOUR_PROGRAMS.map((p) => p.code)).toEqual(['SAWP', 'TFWP', 'H-2A', 'H-2B']);
    expect(labourProgramCode('ptat')).toBe('SAWP');
    expect(labourProgramCode('h2a')).toBe('H-2A');
    expect(labourProgramCode('H-1B')).toBeUndefined();
  });

  it('accepts purposes below a known root', () => {
    expect(isKnownPurpose('investigation')).toBe(true);
    expect(isKnownPurpose('victim-support/referral-7')).toBe(true);
    expect(isKnownPurpose('marketing')).toBe(false);
    expect(isKnownPurpose('Investigation')).toBe(false);
    expect(isKnownPurpose('investigation/')).toBe(false);
  });
});

describe('World Cup 2026', () => {
  it('has 16 venues and 104 matches with unique ids', () => {
    expect(WORLD_CUP_VENUES).toHaveLength(16);
    expect(WORLD_CUP_MATCHES).toHaveLength(104);
    expect(new Set(WORLD_CUP_MATCHES.map((m) => m.id)).size).toBe(104);
    const venueIds = new Set(WORLD_CUP_VENUES.map((v) => v.id));
    for (const m of WORLD_CUP_MATCHES) {
      expect(venueIds.has(m.venueId)).toBe(true);
      expect(m.date >= '2026-06-11' && m.date <= '2026-07-19').toBe(true);
    }
    for (const v of WORLD_CUP_VENUES) expect(WORLD_CUP_MATCHES.filter((m) => m.venueId === v.id)).toHaveLength(v.matchCount);
    expect(WORLD_CUP_VENUES.filter((v) => v.country === 'MX')).toHaveLength(3);
    expect(WORLD_CUP_VENUES.filter((v) => v.country === 'CA')).toHaveLength(2);
  });

  it('matches the published stage counts', () => {
    const count = (stage: string) => WORLD_CUP_MATCHES.filter((m) => m.stage === stage).length;
    expect([count('Group stage'), count('Round of 32'), count('Round of 16'), count('Quarter-final'), count('Semi-final'), count('Third-place match'), count('Final')]).toEqual([72, 16, 8, 4, 2, 1, 1]);
  });

  it('resolves ids and their older forms', () => {
    const final = findMatch('wc2026:match:104');
    expect(final).toMatchObject({ date: '2026-07-19', venueId: 'wc2026:venue:new-york-nj', stage: 'Final' });
    expect(resolveEventId('wc2026:venue:Los Angeles (Inglewood)')).toBe('wc2026:venue:los-angeles');
    expect(resolveEventId('wc2026:match:2026-06-11:mexico-city')).toBe('wc2026:match:2026-06-11:mexico-city');
    expect(resolveEventId('wc2026:match:7')).toBeUndefined();
    expect(resolveEventId('olympics')).toBeUndefined();
  });

  it('labels events in the reader’s language', () => {
    const es = eventOptions('es');
    expect(es).toHaveLength(120);
    expect(es.find((e) => e.id === 'wc2026:venue:mexico-city')?.city).toBe('Ciudad de México');
    expect(eventOptions('fr').find((e) => e.id === 'wc2026:match:2026-07-19:new-york-nj')?.label).toContain('Finale');
  });
});

describe('referenceData', () => {
  it('assembles everything the forms need', () => {
    const r = referenceData('fr');
    expect(r.indicators).toHaveLength(11);
    expect(r.palermo.acts).toHaveLength(5);
    expect(r.polarisTypes).toHaveLength(25);
    expect(r.tlp).toHaveLength(5);
    expect(r.caseTypes.map((c) => c.code)).toContain('forced_criminality');
    for (const group of [r.caseTypes, r.caseStatuses, r.subjectRoles, r.outcomeStages, r.roles, r.capacities, r.purposes]) {
      for (const x of group) expect(allLabelled(x.label), x.code).toBe(true);
    }
  });
});
