/**
 * Major events a case can be linked to. The FIFA World Cup 2026 (16 host cities in Canada,
 * Mexico and the United States, 104 matches, 11 June - 19 July 2026) is copied from the
 * shared reference data with its sources (openfootball/worldcup.json). Later events
 * (the 2028 Olympics, ...) are added here the same way.
 *
 * Ids: "wc2026:venue:{city}" for a host city and its stadium, and
 * "wc2026:match:{date}:{city}" for a match (one match per venue per day). Group-stage rows
 * carry no FIFA match number in the dataset, so numbers are not used in ids; the older
 * forms "wc2026:match:{number}" (numbered knockout matches) and
 * "wc2026:venue:{dataset venue name}" are accepted and resolved to these ids.
 */
import type { CountryCode, Locale } from '../model';
import data from './world-cup-2026.json';

export interface WorldCupVenue {
  id: string;
  datasetVenueId: string;
  hostCity: string;
  municipality: string;
  country: CountryCode;
  stadium: string;
  fifaTournamentName: string;
  latitude: number;
  longitude: number;
  utcOffset: string;
  capacityApprox: number;
  matchCount: number;
  source: string;
}

export interface WorldCupMatch {
  id: string;
  matchNumber: number | null;
  date: string;
  kickoffLocal: string;
  utcOffset: string;
  stage: string;
  group: string | null;
  venueId: string;
  hostCity: string;
  country: CountryCode;
  team1: string;
  team2: string;
}

export const WORLD_CUP_2026 = data.tournament;
export const WORLD_CUP_MATCHES_SOURCE: string = data.matchesSource;
export const WORLD_CUP_VENUES: readonly WorldCupVenue[] = data.venues;
export const WORLD_CUP_MATCHES: readonly WorldCupMatch[] = data.matches;

const CITY_NAMES: Record<string, Partial<Record<Locale, string>>> = {
  'San Francisco Bay Area': { fr: 'Région de la baie de San Francisco', es: 'Área de la Bahía de San Francisco' },
  'Los Angeles': { es: 'Los Ángeles' },
  'Mexico City': { fr: 'Mexico', es: 'Ciudad de México' },
  Philadelphia: { fr: 'Philadelphie', es: 'Filadelfia' },
  'New York/New Jersey': { es: 'Nueva York/Nueva Jersey' },
};

export const cityName = (hostCity: string, locale: Locale): string => CITY_NAMES[hostCity]?.[locale] ?? hostCity;

const STAGE_NAMES: Record<string, Record<Locale, string>> = {
  'Group stage': { en: 'Group stage', fr: 'Phase de groupes', es: 'Fase de grupos' },
  'Round of 32': { en: 'Round of 32', fr: 'Seizièmes de finale', es: 'Dieciseisavos de final' },
  'Round of 16': { en: 'Round of 16', fr: 'Huitièmes de finale', es: 'Octavos de final' },
  'Quarter-final': { en: 'Quarter-final', fr: 'Quart de finale', es: 'Cuartos de final' },
  'Semi-final': { en: 'Semi-final', fr: 'Demi-finale', es: 'Semifinal' },
  'Third-place match': { en: 'Third-place match', fr: 'Match pour la troisième place', es: 'Partido por el tercer puesto' },
  Final: { en: 'Final', fr: 'Finale', es: 'Final' },
};

export const stageName = (stage: string, locale: Locale): string => STAGE_NAMES[stage]?.[locale] ?? stage;

const VENUE_BY_ID = new Map(WORLD_CUP_VENUES.map((v) => [v.id, v]));
const MATCH_BY_ID = new Map(WORLD_CUP_MATCHES.map((m) => [m.id, m]));

/** The canonical id for an event id (aliases included), or undefined when unknown. */
export function resolveEventId(id: string): string | undefined {
  if (VENUE_BY_ID.has(id) || MATCH_BY_ID.has(id)) return id;
  const numbered = /^wc2026:match:(\d{1,3})$/.exec(id);
  if (numbered) return WORLD_CUP_MATCHES.find((m) => m.matchNumber === Number(numbered[1]))?.id;
  const venue = /^wc2026:venue:(.+)$/.exec(id);
  if (venue) return WORLD_CUP_VENUES.find((v) => v.datasetVenueId === venue[1])?.id;
  return undefined;
}

export interface EventOption {
  id: string;
  kind: 'venue' | 'match';
  label: string;
  date: string;
  city: string;
  country: CountryCode;
}

/** All events as options for a form, in a language: venues first, then matches by date. */
export function eventOptions(locale: Locale): EventOption[] {
  const venues = WORLD_CUP_VENUES.map((v): EventOption => {
    const first = WORLD_CUP_MATCHES.find((m) => m.venueId === v.id)?.date ?? WORLD_CUP_2026.firstDay;
    return { id: v.id, kind: 'venue', label: `${WORLD_CUP_2026.name} · ${cityName(v.hostCity, locale)} (${v.stadium})`, date: first, city: cityName(v.hostCity, locale), country: v.country };
  });
  const matches = WORLD_CUP_MATCHES.map((m): EventOption => ({
    id: m.id,
    kind: 'match',
    label: `${m.date} · ${stageName(m.stage, locale)} · ${m.team1} – ${m.team2} · ${cityName(m.hostCity, locale)}`,
    date: m.date,
    city: cityName(m.hostCity, locale),
    country: m.country,
  }));
  return [...venues, ...matches];
}

export const findVenue = (id: string): WorldCupVenue | undefined => VENUE_BY_ID.get(resolveEventId(id) ?? '');
export const findMatch = (id: string): WorldCupMatch | undefined => MATCH_BY_ID.get(resolveEventId(id) ?? '');
