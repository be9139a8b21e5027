/**
 * The everyday caseload around the storylines: cases of every type, status and handling
 * code, each with its people, phones, ads, workplaces and relationships, written in the
 * language of the place. Built one case at a time so that large scales can stream.
 */
import type { CaseStatus, CaseType, Entity, SubjectRole } from '../domain/model';
import type { AgencyKey } from './agencies';
import type { ScenarioBuilder } from './builder';
import { buildCase, randomStatus } from './case-shape';
import { dayOf, isoAt, isoDate, LAST_DAY } from './clock';
import { stripAccents } from './names';
import { birthDateFor, nameFor, nationalityMix, personProps, randomPerson } from './people';
import { addressIn, phoneIn, PLACES, type Place } from './places';
import { buildEmployer, SECTORS, type Pools, type Sector } from './pools';
import type { Rng } from './rng';
import { caseTitle, EXPLOITATION, narrative, UNKNOWN_ORG, UNKNOWN_PERSON, UNKNOWN_PHONE, type SourceKind } from './texts';
import { eventIdOf, matchesAt, venueEventId } from './world-cup-2026';

const TYPE_WEIGHTS: ReadonlyArray<readonly [CaseType, number]> = [
  ['sex_trafficking', 30], ['labour_trafficking', 20], ['forced_labour', 18], ['domestic_servitude', 10], ['forced_criminality', 10], ['other_exploitation', 12],
];
const AGENCY_WEIGHTS: Record<CaseType, ReadonlyArray<readonly [AgencyKey, number]>> = {
  sex_trafficking: [['police', 45], ['police2', 30], ['victims', 15], ['prosecution', 10]],
  labour_trafficking: [['police', 30], ['labour', 40], ['police2', 10], ['victims', 10], ['prosecution', 10]],
  forced_labour: [['labour', 60], ['police', 15], ['victims', 15], ['police2', 10]],
  domestic_servitude: [['police', 30], ['victims', 40], ['labour', 20], ['police2', 10]],
  forced_criminality: [['police', 50], ['police2', 30], ['victims', 10], ['prosecution', 10]],
  other_exploitation: [['police', 30], ['police2', 20], ['victims', 30], ['labour', 20]],
};
const SOURCE_BY_AGENCY: Record<AgencyKey, ReadonlyArray<readonly [SourceKind, number]>> = {
  police: [['police_report', 5], ['hotline_tip', 3], ['online_ad', 2]],
  police2: [['police_report', 4], ['hotline_tip', 3], ['online_ad', 3]],
  labour: [['inspection', 6], ['worker_report', 4]],
  victims: [['referral', 7], ['hotline_tip', 3]],
  prosecution: [['police_report', 1]],
  liaison: [['referral', 1]],
};
const SECTOR_BY_TYPE: Partial<Record<CaseType, readonly Sector[]>> = {
  labour_trafficking: ['agriculture', 'construction', 'restaurant', 'hospitality', 'manufacturing'],
  forced_labour: ['agriculture', 'cleaning', 'manufacturing', 'hospitality', 'beauty', 'restaurant'],
  domestic_servitude: ['domestic-services'],
};
const SECTOR_POLARIS: Record<Sector, string> = {
  agriculture: 'Agriculture and Animal Husbandry',
  hospitality: 'Hotels and Hospitality',
  construction: 'Construction',
  restaurant: 'Restaurants and Food Service',
  cleaning: 'Commercial Cleaning Services',
  manufacturing: 'Factories and Manufacturing',
  beauty: 'Health and Beauty Services',
  'domestic-services': 'Domestic Work',
};
const LABOUR: ReadonlySet<CaseType> = new Set(['labour_trafficking', 'forced_labour', 'domestic_servitude']);
const PROGRAMS = { MX: ['SAWP', 'H-2A', 'H-2B'], CA: ['SAWP', 'TFWP'], US: ['H-2A', 'H-2B'] } as const;
const AD_PLATFORMS = ['clasificados.example', 'nightlist.example', 'citas24.example', 'socialnet.example'];

interface Ctx {
  b: ScenarioBuilder;
  rng: Rng;
  pools: Pools;
  cities: Map<string, Entity>;
  employersByType: Map<CaseType, Pools['employers']>;
}

export function createBackgroundContext(b: ScenarioBuilder, rng: Rng, pools: Pools): Ctx {
  const employersByType = new Map<CaseType, Pools['employers']>();
  for (const [type] of TYPE_WEIGHTS) {
    const sectors = SECTOR_BY_TYPE[type] ?? SECTORS;
    employersByType.set(type, pools.employers.filter((e) => sectors.includes(e.sector)));
  }
  return { b, rng, pools, cities: new Map(), employersByType };
}

function eventFor(rng: Rng, place: Place): { day: number; eventId: string } {
  const matches = matchesAt(place.venueId as string);
  const m = rng.pick(matches);
  const day = dayOf(m.date) + rng.int(-4, 3);
  return { day, eventId: rng.chance(0.8) ? eventIdOf(m) : venueEventId(m.venueId) };
}

export function backgroundCase(ctx: Ctx): void {
  const { b, rng, pools } = ctx;
  const country = b.country;
  const type = rng.weighted(TYPE_WEIGHTS);
  const status: CaseStatus = randomStatus(rng);
  const agency = rng.weighted(AGENCY_WEIGHTS[type]);
  const labour = LABOUR.has(type);
  const places = PLACES[country];

  // place and time; about one case in eight is tied to a World Cup match in a host city
  const eventLinked = (type === 'sex_trafficking' || type === 'labour_trafficking' || type === 'other_exploitation') && rng.chance(0.25);
  let place: Place = labour && rng.chance(0.6) ? rng.pick(places.filter((p) => p.farming)) : rng.pick(places);
  let day = rng.int(0, LAST_DAY);
  let eventId: string | null = null;
  if (eventLinked) {
    place = rng.pick(places.filter((p) => p.venueId));
    ({ day, eventId } = eventFor(rng, place));
  }
  const lang = country === 'MX' ? 'es' : country === 'US' ? 'en' : place.lang;
  const at = isoAt(day, rng.int(8 * 60, 18 * 60));
  const ent = { agency, at };

  // workplace
  let employer: { org: Entity; site: Entity; sector: Sector } | null = null;
  if (labour || (type === 'other_exploitation' && rng.chance(0.3))) {
    const sectors = SECTOR_BY_TYPE[type] ?? SECTORS;
    const pooled = ctx.employersByType.get(type) ?? [];
    if (pooled.length && rng.chance(0.55)) employer = rng.pick(pooled);
    else {
      const sector = rng.pick(sectors);
      employer = buildEmployer(b, rng, place, sector, { agency, at, crossBorder: rng.chance(0.3), phone: rng.chance(0.7) });
    }
  }

  // people
  const links: Entity[] = [];
  const nVictims = labour ? rng.weighted([[1, 28], [2, 25], [3, 20], [4, 14], [6, 13]]) : rng.weighted([[1, 48], [2, 30], [3, 13], [5, 9]]);
  const gender = type === 'sex_trafficking' || type === 'domestic_servitude' ? (rng.chance(0.88) ? 'female' : 'male') : labour ? (rng.chance(0.75) ? 'male' : 'female') : undefined;
  const child = (type === 'sex_trafficking' || type === 'forced_criminality') && rng.chance(0.15);
  const victimRole: SubjectRole = labour && rng.chance(0.5) ? 'worker' : 'victim';
  const victims: Entity[] = [];
  for (let i = 0; i < nVictims; i++) {
    const nationality = nationalityMix(rng, country, 'victim');
    const spec = randomPerson(rng, country, place, { nationality, gender, minAge: child && i === 0 ? 14 : 18, maxAge: child && i === 0 ? 17 : 48, phone: 0.55, email: 0.15 });
    if (rng.chance(0.3)) spec.address = addressIn(rng, place);
    const p = b.entity(rng, 'Person', personProps(spec), { ...ent, crossBorder: rng.chance(0.15) });
    victims.push(p);
    if (spec.phone && rng.chance(0.35)) links.push(b.entity(rng, 'Phone', { number: spec.phone, country }, ent));
    if (labour && nationality !== country && rng.chance(0.35)) {
      const number = `${nationality === 'MX' ? 'G' : nationality.slice(0, 1)}${rng.digits(8)}`;
      links.push(b.entity(rng, 'IdentityDocument', { type: 'passport', number, country: nationality, holder: p.id }, { ...ent }));
    }
  }

  const suspects: Entity[] = [];
  let recruiter: Entity | null = null;
  let recruiterAgency: Entity | null = null;
  if (labour && rng.chance(0.55)) {
    if (rng.chance(0.6)) ({ person: recruiter, agency: recruiterAgency } = rng.pick(pools.recruiters));
    else {
      const nat = country === 'MX' ? 'MX' : rng.chance(0.5) ? 'MX' : country;
      recruiter = b.entity(rng, 'Person', personProps({ name: nameFor(rng, country, nat, place), nationality: nat, birthDate: birthDateFor(rng, 25, 60), phone: phoneIn(rng, place) }), { ...ent, crossBorder: rng.chance(0.5) });
    }
  }
  const nSuspects = labour ? rng.int(0, 1) : rng.weighted([[0, 15], [1, 55], [2, 30]]);
  for (let i = 0; i < nSuspects; i++) {
    if (!labour && rng.chance(0.4)) {
      const s = rng.pick(pools.exploiters);
      if (!suspects.includes(s)) suspects.push(s);
      continue;
    }
    const nationality = nationalityMix(rng, country, 'suspect');
    const spec = randomPerson(rng, country, place, { nationality, gender: rng.chance(0.8) ? 'male' : 'female', minAge: 20, maxAge: 60, phone: 0.8, email: 0.25 });
    if (rng.chance(0.4)) spec.address = addressIn(rng, place);
    suspects.push(b.entity(rng, 'Person', personProps(spec), { ...ent, crossBorder: rng.chance(0.5) }));
    if (spec.phone && rng.chance(0.7)) links.push(b.entity(rng, 'Phone', { number: spec.phone, country }, { ...ent, crossBorder: rng.chance(0.5) }));
  }
  let witness: Entity | null = null;
  if (rng.chance(0.3)) {
    const spec = randomPerson(rng, country, place, { nationality: nationalityMix(rng, country, 'other'), minAge: 18, maxAge: 70, phone: 0.7, email: 0.2 });
    witness = b.entity(rng, 'Person', personProps(spec), ent);
  }

  // phones and ads
  const ads: Entity[] = [];
  let adPhone: string | undefined;
  if (type === 'sex_trafficking' && rng.chance(0.7)) {
    const phoneEntity = rng.chance(0.7) ? rng.pick(pools.adPhones) : b.entity(rng, 'Phone', { number: phoneIn(rng, place), country }, { ...ent, crossBorder: rng.chance(0.5) });
    adPhone = phoneEntity.properties.number?.[0];
    links.push(phoneEntity);
    for (let i = 0, n = rng.int(1, 3); i < n; i++) {
      const platform = rng.pick(AD_PLATFORMS);
      const handle = `${rng.pick(['new', 'vip', 'sweet', 'latina', 'bella', 'luna', 'sky', 'rosa'])}_${stripAccents(place.city).toLowerCase().replace(/[^a-z]/g, '').slice(0, 6)}${rng.int(1, 999)}`;
      ads.push(b.entity(rng, 'OnlineAccount', { platform, handle, url: `https://${platform}/ad/${rng.digits(7)}`, phone: adPhone, city: place.city, postedDate: isoDate(Math.max(0, day - rng.int(0, 20))) }, { ...ent }));
    }
  }

  // relationships
  const edges: Entity[] = [];
  const edge = (...args: Parameters<ScenarioBuilder['edge']>): void => void edges.push(b.edge(...args));
  const startDate = isoDate(Math.max(-400, day - rng.int(20, 300)));
  for (const v of victims) {
    if (employer) edge(rng, 'Employment', employer.org, v, { startDate: rng.chance(0.3) ? startDate.slice(0, 7) : startDate, role: lang === 'es' ? 'trabajador(a)' : lang === 'fr' ? 'travailleur(se)' : 'worker' }, ent);
    if (recruiter) edge(rng, 'Recruitment', recruiter, v, { startDate }, ent);
    if (recruiter && rng.chance(0.5)) {
      const currency = country === 'MX' ? 'MXN' : country === 'CA' ? 'CAD' : 'USD';
      const amount = currency === 'MXN' ? rng.int(8, 40) * 1000 : rng.int(6, 40) * 100;
      edge(rng, 'Payment', v, recruiterAgency ?? recruiter, { amount, currency, date: startDate, method: rng.pick(['cash', 'bank_transfer', 'money_transfer_service']), purpose: lang === 'es' ? 'cuota de reclutamiento' : lang === 'fr' ? 'frais de recrutement' : 'recruitment fee' }, ent);
    }
    for (const s of suspects) if (rng.chance(0.7)) edge(rng, 'Association', v, s, { role: lang === 'es' ? 'controlada por' : lang === 'fr' ? 'contrôlé(e) par' : 'controlled by', startDate }, ent);
    if (suspects[0] && rng.chance(0.45)) edge(rng, 'Communication', suspects[0], v, { startDate, method: rng.pick(['WhatsApp', 'SMS', 'call']) }, ent);
  }
  if (suspects.length === 2) edge(rng, 'Association', suspects[0]!, suspects[1]!, { role: lang === 'es' ? 'cómplice' : lang === 'fr' ? 'complice' : 'associate', startDate }, ent);
  if (witness && victims[0] && rng.chance(0.5)) edge(rng, 'Family', victims[0], witness, { relationship: rng.pick(['parent', 'sibling', 'partner', 'cousin']) }, ent);
  if (type === 'sex_trafficking' && victims[0] && rng.chance(0.35)) {
    const dest = rng.pick(places);
    let city = ctx.cities.get(dest.city);
    if (!city) {
      city = b.entity(rng, 'Address', { full: `${dest.city}, ${dest.region}, ${dest.country}`, city: dest.city, country: dest.country }, ent);
      ctx.cities.set(dest.city, city);
    }
    edge(rng, 'Travel', victims[0], city, { origin: place.city, destination: dest.city, mode: rng.pick(['bus', 'car', 'air']), startDate: isoDate(Math.max(0, day - rng.int(1, 30))) }, ent);
  }

  // the case itself
  const drawn = rng.weighted(SOURCE_BY_AGENCY[agency]);
  const kind: SourceKind = ads.length && (drawn === 'online_ad' || rng.chance(0.5)) ? 'online_ad' : drawn === 'online_ad' ? 'hotline_tip' : drawn;
  const who = (e: Entity | undefined): string => e?.caption ?? UNKNOWN_PERSON[lang];
  const ad = ads[0];
  const text = narrative(lang, kind, {
    date: isoDate(day),
    victim: who(victims[0]),
    suspect: who(suspects[0] ?? recruiter ?? undefined),
    city: place.city,
    org: employer?.org.caption ?? UNKNOWN_ORG[lang],
    phone: adPhone ?? suspects[0]?.properties.phone?.[0] ?? victims[0]?.properties.phone?.[0] ?? UNKNOWN_PHONE[lang],
    platform: ad?.properties.platform?.[0] ?? AD_PLATFORMS[0]!,
    handle: ad ? '@' + (ad.properties.handle?.[0] ?? '') : '—',
    agency: lang === 'es' ? 'una organización de la sociedad civil' : lang === 'fr' ? 'un organisme communautaire' : 'a community organisation',
    what: rng.pick(EXPLOITATION[type][lang]),
  });
  const programs: readonly string[] = PROGRAMS[country];
  const kase = buildCase(b, rng, {
    type,
    status,
    lang,
    agency,
    day,
    title: caseTitle(lang, type, employer ? `${place.city} (${employer.org.caption})` : place.city),
    narrative: text,
    eventId,
    labourProgram: labour && rng.chance(0.45) ? rng.pick(programs) : null,
    polarisType: employer && rng.chance(0.9) ? SECTOR_POLARIS[employer.sector] : undefined,
    child,
  });
  for (const v of victims) b.subject(kase, v, victimRole);
  for (const s of suspects) b.subject(kase, s, 'suspect');
  if (recruiter) b.subject(kase, recruiter, 'recruiter');
  if (recruiterAgency) b.link(kase, recruiterAgency);
  if (employer) {
    b.subject(kase, employer.org, 'employer');
    b.link(kase, employer.site);
  }
  if (witness) b.subject(kase, witness, 'witness');
  for (const e of [...links, ...ads, ...edges]) b.link(kase, e);
}
