/**
 * Shared actors of the background scenario: employers with their worksites, recruiters,
 * repeat exploiters, and phone numbers reused across ads. Cases draw from these pools, which
 * gives the node's network its communities and pivots. Pool sizes grow with the scale.
 */
import type { Entity } from '../domain/model';
import type { AgencyKey } from './agencies';
import type { ScenarioBuilder } from './builder';
import { isoAt } from './clock';
import { randomName, stripAccents } from './names';
import { birthDateFor, nameFor, nationalityMix, personProps } from './people';
import { addressIn, phoneIn, PLACES, type DemoCountry, type Place } from './places';
import type { Rng } from './rng';

export type Sector = 'agriculture' | 'hospitality' | 'construction' | 'restaurant' | 'cleaning' | 'manufacturing' | 'beauty' | 'domestic-services';

export interface Employer {
  org: Entity;
  site: Entity;
  sector: Sector;
  place: Place;
}

export interface Recruiter {
  person: Entity;
  agency: Entity | null;
}

export interface Pools {
  employers: Employer[];
  recruiters: Recruiter[];
  exploiters: Entity[];
  adPhones: Entity[];
}

const SECTOR_WORDS: Record<DemoCountry, Record<Sector, readonly string[]>> = {
  MX: {
    agriculture: ['Agrícola', 'Invernaderos', 'Hortalizas', 'Rancho'],
    hospitality: ['Hotel', 'Posada', 'Hotel Boutique'],
    construction: ['Constructora', 'Edificaciones'],
    restaurant: ['Restaurante', 'Cocina Económica', 'Mariscos'],
    cleaning: ['Limpieza Integral', 'Servicios de Limpieza'],
    manufacturing: ['Maquiladora', 'Textiles', 'Empacadora'],
    beauty: ['Estética', 'Spa', 'Salón'],
    'domestic-services': ['Agencia Doméstica', 'Servicio Doméstico'],
  },
  CA: {
    agriculture: ['Farms', 'Greenhouses', 'Orchards', 'Produce'],
    hospitality: ['Inn', 'Motel', 'Hotel'],
    construction: ['Construction', 'Builders', 'Roofing'],
    restaurant: ['Bistro', 'Grill', 'Diner'],
    cleaning: ['Cleaning Services', 'Janitorial'],
    manufacturing: ['Packers', 'Processing', 'Manufacturing'],
    beauty: ['Nails', 'Spa', 'Wellness'],
    'domestic-services': ['Home Care', 'Caregivers'],
  },
  US: {
    agriculture: ['Farms', 'Growers', 'Orchards', 'Produce'],
    hospitality: ['Inn', 'Motor Lodge', 'Suites'],
    construction: ['Construction', 'Builders', 'Drywall'],
    restaurant: ['Kitchen', 'Grill', 'Buffet'],
    cleaning: ['Cleaning Co.', 'Janitorial'],
    manufacturing: ['Poultry', 'Packing', 'Manufacturing'],
    beauty: ['Nails', 'Massage', 'Day Spa'],
    'domestic-services': ['Home Services', 'Nanny Agency'],
  },
};
const FR_WORDS: Partial<Record<Sector, readonly string[]>> = {
  agriculture: ['Fermes', 'Serres', 'Vergers'],
  hospitality: ['Auberge', 'Hôtel'],
  construction: ['Construction', 'Toitures'],
  restaurant: ['Bistro', 'Casse-croûte'],
  cleaning: ['Entretien ménager'],
  manufacturing: ['Abattoir', 'Transformation'],
  beauty: ['Onglerie', 'Spa'],
  'domestic-services': ['Aide à domicile'],
};
const SUFFIX: Record<DemoCountry, readonly string[]> = { MX: ['S.A. de C.V.', 'S. de R.L.', ''], CA: ['Ltd.', 'Inc.', ''], US: ['LLC', 'Inc.', ''] };

export function orgName(rng: Rng, country: DemoCountry, place: Place, sector: Sector): string {
  const words = place.lang === 'fr' ? (FR_WORDS[sector] ?? SECTOR_WORDS.CA[sector]) : SECTOR_WORDS[country][sector];
  const owner = randomName(rng, country === 'MX' ? 'es' : place.lang === 'fr' ? 'fr' : rng.chance(0.3) ? 'es' : 'en').surname;
  const word = rng.pick(words);
  const core = country === 'MX' || place.lang === 'fr' ? `${word} ${owner}` : `${owner} ${word}`;
  const suffix = rng.pick(SUFFIX[country]);
  return suffix ? `${core} ${suffix}` : core;
}

/** The schema's codes for an organization's and a worksite's sector. */
export const ORG_SECTOR: Record<Sector, string> = {
  agriculture: 'agriculture',
  hospitality: 'hospitality',
  construction: 'construction',
  restaurant: 'hospitality',
  cleaning: 'cleaning',
  manufacturing: 'manufacturing',
  beauty: 'massage_and_beauty',
  'domestic-services': 'domestic_services',
};
export const WORKSITE_SECTOR: Record<Sector, string> = {
  agriculture: 'agriculture',
  hospitality: 'hospitality',
  construction: 'construction',
  restaurant: 'hospitality',
  cleaning: 'cleaning',
  manufacturing: 'manufacturing',
  beauty: 'other',
  'domestic-services': 'domestic',
};

/** An employer and its worksite, linked by ownership. */
export function buildEmployer(b: ScenarioBuilder, rng: Rng, place: Place, sector: Sector, opts: { agency: 'labour' | AgencyKey; at: string; crossBorder: boolean; phone: boolean }): Employer {
  const name = orgName(rng, b.country, place, sector);
  const address = addressIn(rng, place);
  const ent = { agency: opts.agency, at: opts.at };
  const org = b.entity(rng, 'Organization', { name, country: b.country, sector: ORG_SECTOR[sector], phone: opts.phone ? phoneIn(rng, place) : undefined, address }, { ...ent, crossBorder: opts.crossBorder });
  const site = b.entity(rng, 'Worksite', { name: `${name} (${place.city})`, address, country: b.country, sector: WORKSITE_SECTOR[sector] }, ent);
  b.edge(rng, 'Ownership', org, site, { startDate: String(rng.int(1995, 2025)) }, ent);
  return { org, site, sector, place };
}

export const SECTORS: readonly Sector[] = ['agriculture', 'hospitality', 'construction', 'restaurant', 'cleaning', 'manufacturing', 'beauty', 'domestic-services'];

export function buildPools(b: ScenarioBuilder, rng: Rng, scale: number): Pools {
  const country = b.country;
  const places = PLACES[country];
  const at = (): string => isoAt(rng.int(0, 30), rng.int(8 * 60, 17 * 60));
  const n = (k: number): number => Math.max(2, Math.round(k * scale));

  const employers: Employer[] = [];
  for (let i = 0; i < n(14); i++) {
    const sector = rng.weighted<Sector>([['agriculture', 5], ['hospitality', 2], ['construction', 2], ['restaurant', 2], ['cleaning', 1], ['manufacturing', 2], ['beauty', 2], ['domestic-services', 1]]);
    const farming = places.filter((p) => p.farming);
    const place = sector === 'agriculture' && farming.length ? rng.pick(farming) : rng.pick(places);
    employers.push(buildEmployer(b, rng, place, sector, { agency: 'labour', at: at(), crossBorder: rng.chance(0.3), phone: true }));
  }

  const recruiters: Recruiter[] = [];
  for (let i = 0; i < n(6); i++) {
    const place = rng.pick(places);
    const nationality = country === 'MX' ? 'MX' : rng.chance(0.5) ? 'MX' : country;
    const name = nameFor(rng, country, nationality, place);
    const t = at();
    const person = b.entity(rng, 'Person', personProps({ name, nationality, birthDate: birthDateFor(rng, 28, 62), phone: phoneIn(rng, place) }), { agency: 'police', at: t, crossBorder: rng.chance(0.6) });
    let agency: Entity | null = null;
    if (rng.chance(0.5)) {
      const agencyName = country === 'MX' ? `Reclutamiento ${stripAccents(name.surname)} y Asociados` : place.lang === 'fr' ? `Placement ${name.surname}` : `${name.surname} Staffing`;
      agency = b.entity(rng, 'Organization', { name: agencyName, country, sector: 'recruitment', phone: phoneIn(rng, place), address: addressIn(rng, place) }, { agency: 'police', at: t, crossBorder: rng.chance(0.5) });
      b.edge(rng, 'Association', person, agency, { role: 'owner', startDate: String(rng.int(2010, 2025)) }, { agency: 'police', at: t });
    }
    recruiters.push({ person, agency });
  }

  const exploiters: Entity[] = [];
  for (let i = 0; i < n(10); i++) {
    const place = rng.pick(places);
    const nationality = nationalityMix(rng, country, 'suspect');
    const name = nameFor(rng, country, nationality, place, rng.chance(0.8) ? 'male' : 'female');
    exploiters.push(b.entity(rng, 'Person', personProps({ name, nationality, birthDate: birthDateFor(rng, 22, 55), phone: phoneIn(rng, place) }), { agency: 'police', at: at(), crossBorder: rng.chance(0.5) }));
  }

  const adPhones: Entity[] = [];
  for (let i = 0; i < n(16); i++) {
    const place = rng.pick(places);
    adPhones.push(b.entity(rng, 'Phone', { number: phoneIn(rng, place), country }, { agency: 'police', at: at(), crossBorder: rng.chance(0.7) }));
  }
  return { employers, recruiters, exploiters, adPhones };
}
