/**
 * Storyline 2: a sex-trafficking ring moves victims between host cities during the 2026
 * World Cup (Mexico City, Guadalajara, Monterrey, Houston, Toronto, Vancouver, Los Angeles,
 * Dallas, Atlanta). The ads share phone numbers (pivot values) across cities and
 * countries; each node records the legs that touched it, its own tips, ads and referrals.
 */
import type { Entity } from '../domain/model';
import type { ScenarioBuilder } from './builder';
import { buildCase } from './case-shape';
import { dayOf, isoAt } from './clock';
import { personName, randomName, stripAccents, type PersonName } from './names';
import { fictionalNanpPhone, phoneIn, placeNamed, type DemoCountry, type Place } from './places';
import { birthDateFor, personProps, varyDate, varyName, type DateVariant, type NameVariant } from './people';
import { Rng } from './rng';
import { eventIdOf, WORLD_CUP_MATCHES } from './world-cup-2026';

const STORY = 'world-cup-ring' as const;

interface Leg {
  country: DemoCountry;
  city: string;
  start: string;
  end: string;
}

const LEGS: readonly Leg[] = [
  { country: 'MX', city: 'Ciudad de México', start: '2026-06-08', end: '2026-06-12' },
  { country: 'MX', city: 'Guadalajara', start: '2026-06-13', end: '2026-06-19' },
  { country: 'MX', city: 'Monterrey', start: '2026-06-20', end: '2026-06-25' },
  { country: 'US', city: 'Houston', start: '2026-06-26', end: '2026-06-30' },
  { country: 'CA', city: 'Toronto', start: '2026-07-01', end: '2026-07-03' },
  { country: 'CA', city: 'Vancouver', start: '2026-07-04', end: '2026-07-08' },
  { country: 'US', city: 'Los Angeles', start: '2026-07-09', end: '2026-07-11' },
  { country: 'US', city: 'Dallas', start: '2026-07-12', end: '2026-07-14' },
  { country: 'US', city: 'Atlanta', start: '2026-07-15', end: '2026-07-16' },
];

const placeOf = (leg: Leg): Place => placeNamed(leg.country, leg.city);

/** The event id of the last match played at the leg's venue during the leg. */
export function legEventId(leg: Leg): string {
  const venueId = placeOf(leg).venueId;
  const m = WORLD_CUP_MATCHES.filter((x) => x.venueId === venueId && x.date >= leg.start && x.date <= leg.end).at(-1);
  if (!m) throw new RangeError(`no match at ${leg.city} between ${leg.start} and ${leg.end}`);
  return eventIdOf(m);
}

interface Victim {
  key: string;
  name: PersonName;
  birthDate: string;
  nationality: string;
  phone: string;
  child: boolean;
  legs: number[];
  variants: Partial<Record<DemoCountry, { name: NameVariant; date: DateVariant }>>;
}

interface Canon {
  leader: { name: PersonName; birthDate: string; phone: string };
  partner: { name: PersonName; birthDate: string; phone: string };
  facilitator: { name: PersonName; birthDate: string; phone: string };
  bookingPhone: string;
  mxAdPhone: string;
  victims: Victim[];
}

const slug = (s: string): string => stripAccents(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function canon(seed: number): Canon {
  const rng = Rng.stream(seed, 'shared', STORY);
  const mty = placeNamed('MX', 'Monterrey');
  const houston = placeNamed('US', 'Houston');
  const plan: Array<{ nationality: string; legs: number[]; child?: boolean }> = [
    { nationality: 'MX', legs: [0, 1, 2, 3, 7], child: true },
    { nationality: 'MX', legs: [0, 2, 3, 4, 5, 8] },
    { nationality: 'MX', legs: [1, 2, 4, 5] },
    { nationality: 'VE', legs: [3, 4, 5, 6] },
    { nationality: 'HN', legs: [2, 3, 6, 7, 8] },
    { nationality: 'MX', legs: [0, 1] },
  ];
  const victims = plan.map((p): Victim => {
    const name = randomName(rng, 'es', { gender: 'female' });
    const countries = [...new Set(p.legs.map((i) => LEGS[i]!.country))];
    const variants: Victim['variants'] = {};
    for (const c of countries) {
      if (c === 'MX' && p.nationality === 'MX') variants[c] = { name: 'exact', date: 'exact' };
      else
        variants[c] = {
          name: rng.pick<NameVariant>(['accents', 'one-surname', 'swapped', 'typo', 'short-given']),
          date: rng.pick<DateVariant>(['exact', 'day-month-swapped', 'year-only', 'off-by-one']),
        };
    }
    return {
      key: `victim:${slug(name.name)}`,
      name,
      birthDate: p.child ? birthDateFor(rng, 17, 17, false) : birthDateFor(rng, 19, 27, false),
      nationality: p.nationality,
      phone: phoneIn(rng, mty),
      child: p.child ?? false,
      legs: p.legs,
      variants,
    };
  });
  return {
    leader: { name: personName('Mauricio', 'Treviño', 'male', 'Salgado'), birthDate: birthDateFor(rng, 34, 40, false), phone: phoneIn(rng, mty) },
    partner: { name: personName('Brenda Yesenia', 'Ortiz', 'female', 'Cárdenas'), birthDate: birthDateFor(rng, 26, 31, false), phone: phoneIn(rng, mty) },
    facilitator: { name: personName('Darnell', 'Brooks', 'male'), birthDate: birthDateFor(rng, 29, 36, false), phone: fictionalNanpPhone(rng, houston) },
    bookingPhone: fictionalNanpPhone(rng, { ...houston, areaCodes: ['832'] }),
    mxAdPhone: phoneIn(rng, mty),
    victims,
  };
}

const ALL: DemoCountry[] = ['MX', 'CA', 'US'];
const victimCountries = (v: Victim): DemoCountry[] => ALL.filter((c) => v.legs.some((i) => LEGS[i]!.country === c));

export function plantWorldCupRing(b: ScenarioBuilder, seed: number): void {
  const c = canon(seed);
  const rng = Rng.stream(seed, b.country, STORY);
  const country = b.country;
  const lang = country === 'MX' ? 'es' : 'en';
  const at = isoAt(dayOf('2026-06-12'), 11 * 60);
  const cross = (key: string, e: Entity, schema: string, label: string, presentIn: DemoCountry[]): void =>
    b.note({ key, storyline: STORY, schema, label, variant: e.caption, presentIn, entityIds: [e.id] });

  // ring members as this node knows them
  const leaderName = country === 'MX' ? c.leader.name : country === 'CA' ? varyName(rng, c.leader.name, 'accents') : personName('Mauricio', 'Trevino', 'male');
  const leader = b.entity(rng, 'Person', personProps({ name: leaderName, nationality: 'MX', phone: c.leader.phone, birthDate: varyDate(c.leader.birthDate, country === 'CA' ? 'day-month-swapped' : country === 'US' ? 'year-only' : 'exact') }), { agency: 'police', at, crossBorder: true });
  cross('person:mauricio-trevino-salgado', leader, 'Person', c.leader.name.name, ALL);
  const members: Entity[] = [leader];
  let partner: Entity | undefined;
  if (country !== 'CA') {
    partner = b.entity(rng, 'Person', personProps({ name: country === 'MX' ? c.partner.name : personName('Brenda', 'Ortiz', 'female'), nationality: 'MX', phone: c.partner.phone, birthDate: country === 'MX' ? c.partner.birthDate : undefined }), { agency: 'police', at, crossBorder: true });
    cross('person:brenda-yesenia-ortiz-cardenas', partner, 'Person', c.partner.name.name, ['MX', 'US']);
    members.push(partner);
  }
  let facilitator: Entity | undefined;
  if (country !== 'MX') {
    const fname = country === 'US' ? c.facilitator.name : personName('Darnel', 'Brooks', 'male');
    facilitator = b.entity(rng, 'Person', personProps({ name: fname, nationality: 'US', phone: c.facilitator.phone, birthDate: c.facilitator.birthDate }), { agency: 'police', at, crossBorder: true });
    cross('person:darnell-brooks', facilitator, 'Person', c.facilitator.name.name, ['CA', 'US']);
    members.push(facilitator);
  }
  let driver: Entity | undefined;
  if (country === 'CA') {
    const toronto = placeNamed('CA', 'Toronto');
    driver = b.entity(rng, 'Person', personProps({ name: randomName(rng, 'en', { gender: 'male' }), nationality: 'CA', phone: phoneIn(rng, toronto), birthDate: birthDateFor(rng, 22, 30) }), { agency: 'police', at });
    members.push(driver);
  }

  const booking = b.entity(rng, 'Phone', { number: c.bookingPhone, country: 'US' }, { agency: 'police', at, crossBorder: true });
  cross('phone:booking-line', booking, 'Phone', c.bookingPhone, ALL);
  let mxAd: Entity | undefined;
  if (country !== 'CA') {
    mxAd = b.entity(rng, 'Phone', { number: c.mxAdPhone, country: 'MX' }, { agency: 'police', at, crossBorder: true });
    cross('phone:mx-ad-line', mxAd, 'Phone', c.mxAdPhone, ['MX', 'US']);
  }

  const edges: Entity[] = [];
  const edge = (schema: Parameters<ScenarioBuilder['edge']>[1], s: Entity, t: Entity, props: Parameters<ScenarioBuilder['edge']>[4]): Entity => {
    const e = b.edge(rng, schema, s, t, props, { agency: 'police', at });
    edges.push(e);
    return e;
  };
  if (partner) edge('Association', partner, leader, { role: country === 'MX' ? 'pareja sentimental' : 'partner', startDate: '2023' });
  if (facilitator) {
    edge('Association', facilitator, leader, { role: 'books hotels and ads', startDate: '2026-05' });
    edge('Communication', facilitator, leader, { startDate: '2026-06-20', endDate: '2026-07-16', method: 'messaging app' });
    if (country === 'US') edge('Payment', facilitator, leader, { amount: 18500, currency: 'USD', date: '2026-07-13', purpose: 'wire transfer' });
  }
  if (driver) edge('Employment', leader, driver, { role: 'driver', startDate: '2026-07-01', endDate: '2026-07-08' });

  // cities of this node as Address entities (travel destinations), plus the foreign ones they came from or went to
  const cities = new Map<string, Entity>();
  const cityEntity = (leg: Leg): Entity => {
    const key = `${leg.country}/${leg.city}`;
    let e = cities.get(key);
    if (!e) {
      const p = placeOf(leg);
      e = b.entity(rng, 'Address', { full: `${p.city}, ${p.region}, ${p.country}`, city: p.city, country: p.country }, { agency: 'police', at });
      cities.set(key, e);
    }
    return e;
  };

  // victims this node met, with the legs it knows of: its own, and the next leg abroad
  const victims = c.victims
    .filter((v) => v.variants[country])
    .map((v) => {
      const variant = v.variants[country]!;
      const name = varyName(rng, v.name, variant.name);
      const p = b.entity(rng, 'Person', personProps({ name, nationality: v.nationality, birthDate: varyDate(v.birthDate, variant.date), phone: rng.chance(0.6) ? v.phone : undefined }), { agency: 'victims', at, crossBorder: true });
      cross(v.key, p, 'Person', v.name.name, victimCountries(v));
      const travel: Entity[] = [];
      v.legs.forEach((li, k) => {
        const leg = LEGS[li]!;
        const prev = k > 0 ? LEGS[v.legs[k - 1]!] : undefined;
        const known = leg.country === country || prev?.country === country;
        if (!known) return;
        travel.push(
          edge('Travel', p, cityEntity(leg), {
            origin: prev ? prev.city : placeNamed('MX', 'Monterrey').city,
            destination: leg.city,
            mode: !prev || prev.country !== leg.country ? 'air' : rng.pick(['bus', 'car']),
            startDate: leg.start,
            endDate: leg.end,
          }),
        );
      });
      edge('Association', p, leader, { role: lang === 'es' ? 'controlada por' : 'controlled by', startDate: LEGS[v.legs[0]!]!.start.slice(0, 7) });
      return { v, p, travel };
    });

  // online ads in this node's host cities, sharing phones
  const PLATFORMS = { MX: 'anuncios-vip.example', CA: 'nightlist.example', US: 'nightlist.example' } as const;
  const HANDLES: Record<DemoCountry, string[]> = {
    MX: ['chicas_mundialistas_cdmx', 'vip_gdl_mundial', 'mty_fiesta26'],
    CA: ['wc26_vip', 'six_nights_to', 'van_new_in_town'],
    US: ['wc26_vip', 'htx_party_girls', 'la_soccer_nights', 'dfw_vip26', 'atl_new_in_town'],
  };
  // which line each ad gives: the booking line (all three countries), the Mexican line (MX, US) or a local one
  const AD_LINES: Record<DemoCountry, Array<'booking' | 'mx' | 'local'>> = {
    MX: ['booking', 'mx', 'booking'],
    CA: ['booking', 'booking', 'local'],
    US: ['booking', 'booking', 'mx', 'booking', 'mx'],
  };
  const myLegs = LEGS.filter((l) => l.country === country);
  const ads = HANDLES[country].map((handle, i) => {
    const leg = myLegs[i % myLegs.length]!;
    const line = AD_LINES[country][i];
    const phone = line === 'booking' ? c.bookingPhone : line === 'mx' ? c.mxAdPhone : phoneIn(rng, placeOf(leg));
    const platform = PLATFORMS[country];
    const title = country === 'MX' ? `Chicas nuevas en ${leg.city} por el Mundial` : `New in ${leg.city} for the World Cup`;
    const account = b.entity(rng, 'OnlineAccount', { platform, handle, url: `https://${platform}/${slug(leg.city)}/${handle}`, phone, title, city: leg.city, postedDate: leg.start }, { agency: 'police', at, crossBorder: handle === 'wc26_vip' });
    if (handle === 'wc26_vip') cross('account:nightlist/wc26_vip', account, 'OnlineAccount', 'nightlist.example/wc26_vip', ['CA', 'US']);
    return { account, leg, phone, handle, platform };
  });

  const victimsOn = (legIdx: number[]): typeof victims => victims.filter((x) => x.v.legs.some((i) => legIdx.includes(i)));
  const legIdx = (city: string): number => LEGS.findIndex((l) => l.city === city);
  const caseFor = (opts: {
    city: string; agency: 'police' | 'police2' | 'victims'; status: 'open' | 'investigating' | 'prosecution'; tlp: 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';
    title: string; narrative: string; victimLegs: number[]; withAds: boolean; suspects: Entity[];
  }): void => {
    const leg = LEGS[legIdx(opts.city)]!;
    const vs = victimsOn(opts.victimLegs);
    const k = buildCase(b, rng, {
      type: 'sex_trafficking', status: opts.status, lang, agency: opts.agency, day: dayOf(leg.end), tlp: opts.tlp, eventId: legEventId(leg),
      polarisType: opts.withAds ? 'Escort Services' : 'Residential', child: vs.some((x) => x.v.child),
      title: opts.title, narrative: opts.narrative,
      indicators: ['restriction_of_movement', 'intimidation_threats', 'debt_bondage'],
      evidence: lang === 'es'
        ? {
            restriction_of_movement: 'Les quitaron el teléfono; solo salían del hotel acompañadas.',
            intimidation_threats: 'Amenazas de hacer daño a sus familias en Monterrey.',
            debt_bondage: 'Pasajes y hoteles cobrados a las víctimas como deuda.',
          }
        : {
            restriction_of_movement: 'Phones taken; the women left the hotel only when escorted.',
            intimidation_threats: 'Told their families in Mexico would be hurt.',
            debt_bondage: 'Travel and hotel costs billed to the victims as a debt.',
          },
    });
    if (opts.agency === 'police') b.member(k, 'investigator', 'investigator');
    if (opts.agency === 'police2') b.member(k, 'investigator2', 'investigator');
    if (opts.agency === 'victims') b.member(k, 'caseworker', 'caseworker');
    for (const s of opts.suspects) b.subject(k, s, 'suspect');
    for (const x of vs) {
      b.subject(k, x.p, 'victim');
      for (const t of x.travel) b.link(k, t);
    }
    if (opts.withAds) for (const a of ads) b.link(k, a.account);
    b.link(k, booking);
    if (mxAd) b.link(k, mxAd);
  };

  const first = (xs: typeof victims): string => xs[0]?.p.caption ?? '—';
  if (country === 'MX') {
    const v0 = victims.find((x) => x.v.child);
    caseFor({
      city: 'Ciudad de México', agency: 'police', status: 'investigating', tlp: 'AMBER', victimLegs: [0], withAds: false, suspects: members,
      title: 'Denuncia anónima — menor trasladada durante el partido inaugural',
      narrative: `Denuncia a la línea contra la trata (${LEGS[0]!.end}): la madre de ${v0?.p.caption ?? 'una adolescente'} (17 años) informa que su hija se fue con "Brenda" a trabajar de edecán durante el Mundial y que ahora la anuncian en internet. El anuncio usa el número ${c.bookingPhone}. Se menciona a un tal Mauricio, de Monterrey.`,
    });
    caseFor({
      city: 'Monterrey', agency: 'police2', status: 'investigating', tlp: 'AMBER+STRICT', victimLegs: [1, 2], withAds: true, suspects: [leader],
      title: 'Anuncios en línea — Guadalajara y Monterrey (Mundial 2026)',
      narrative: `Extractos de anuncios en ${PLATFORMS.MX} (${ads.map((a) => '@' + a.handle).join(', ')}), 13–25 de junio: "chicas nuevas por el Mundial, solo WhatsApp". Teléfonos ${c.mxAdPhone} y ${c.bookingPhone} compartidos entre anuncios de Guadalajara y Monterrey. Víctimas identificadas en hoteles cercanos al estadio: ${victimsOn([1, 2]).map((x) => x.p.caption).join(', ')}.`,
    });
    caseFor({
      city: 'Monterrey', agency: 'victims', status: 'open', tlp: 'AMBER', victimLegs: [8], withAds: false, suspects: [leader],
      title: 'Canalización desde Estados Unidos — víctima repatriada',
      narrative: `Canalización recibida de la oficina de atención a víctimas de EE. UU.: ${first(victimsOn([8]))} fue identificada en Atlanta el 15 de julio y regresa a Monterrey. Requiere refugio, atención médica y acompañamiento en el proceso penal.`,
    });
  } else if (country === 'CA') {
    caseFor({
      city: 'Toronto', agency: 'police', status: 'investigating', tlp: 'AMBER', victimLegs: [4], withAds: true, suspects: members,
      title: 'Online ads — Toronto, World Cup knockout week',
      narrative: `Online ad extracts (${PLATFORMS.CA}, @wc26_vip, @six_nights_to, 1–3 July): "New in town for the World Cup". Ad phone ${c.bookingPhone} (Houston area code) also in US ads. Hotel staff saw women escorted by a driver; ${victimsOn([4]).map((x) => x.p.caption).join(', ')} identified. Booking by "Darnel Brooks".`,
    });
    caseFor({
      city: 'Vancouver', agency: 'police2', status: 'open', tlp: 'GREEN', victimLegs: [5], withAds: false, suspects: [leader],
      title: 'Hotline tip — Vancouver hotel near the stadium',
      narrative: `Hotline tip (7 July): a hotel employee reports several young women who speak only Spanish, rooms booked for a week by a man paying cash, men coming and going on the Round of 16 night. Number ${c.bookingPhone} written on a card.`,
    });
    caseFor({
      city: 'Vancouver', agency: 'victims', status: 'open', tlp: 'AMBER', victimLegs: [5], withAds: false, suspects: [],
      title: 'Victim services — referral to Mexico',
      narrative: `${first(victimsOn([4, 5]))} was met after the Vancouver tip; she wants to go home to Mexico. Consent obtained to refer her to victim services in Monterrey; temporary resident permit explained.`,
    });
  } else {
    caseFor({
      city: 'Houston', agency: 'police', status: 'investigating', tlp: 'AMBER', victimLegs: [3], withAds: true, suspects: members,
      title: 'Hotline tip — minor advertised in Houston (Round of 32)',
      narrative: `Hotline tip (29 June): a minor from Mexico advertised on ${PLATFORMS.US} as @htx_party_girls with phone ${c.mxAdPhone}; the same number was used in ads in Monterrey. Rooms paid by "Darnell Brooks".`,
    });
    caseFor({
      city: 'Dallas', agency: 'police', status: 'prosecution', tlp: 'RED', victimLegs: [3, 6, 7, 8], withAds: true, suspects: members,
      title: 'Task force — interstate and cross-border ring, World Cup 2026',
      narrative: `Joint operation (Dallas semi-final week): Darnell Brooks and Mauricio Trevino charged with sex trafficking; ${victimsOn([3, 6, 7, 8]).length} victims identified, moved between Houston, Los Angeles, Dallas and Atlanta after stops in Mexico and Canada. Ads on ${PLATFORMS.US} shared ${c.bookingPhone}. Wire transfer of USD 18,500 from Brooks to Trevino.`,
    });
    caseFor({
      city: 'Atlanta', agency: 'police2', status: 'investigating', tlp: 'AMBER+STRICT', victimLegs: [8], withAds: true, suspects: [leader],
      title: 'Online ads — Los Angeles and Atlanta',
      narrative: `Ad extracts (@la_soccer_nights, @atl_new_in_town, 9–16 July): same photos and phones as the Houston and Dallas ads. ${first(victimsOn([8]))} located in Atlanta on semi-final day.`,
    });
    caseFor({
      city: 'Atlanta', agency: 'victims', status: 'open', tlp: 'AMBER', victimLegs: [6, 8], withAds: false, suspects: [],
      title: 'Victim assistance — continued presence and referrals',
      narrative: `Victims identified in Los Angeles and Atlanta: continued presence requested, T visa screening, shelter. One victim asks to return to Mexico: referral sent to Mexican victim services with her consent.`,
    });
  }
}
