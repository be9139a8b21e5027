/**
 * FIFA World Cup 2026 venues and matches, as the demo scenario uses them (copied from
 * shared/reference/reference-data.json, which took them from openfootball/worldcup.json,
 * 2026/worldcup.json at commit aa2ac44b1d, and openfootball/worldcup 2026--usa/cup_stadiums.csv).
 * Group-stage rows carry no FIFA match number in that dataset; knockout rows (73-104) do.
 *
 * Event ids used by the scenario: `wc2026:match:<number>` for a numbered match and
 * `wc2026:venue:<venueId>` for a venue (the venueId is the dataset's, e.g. 'Mexico City').
 */
import type { CountryCode } from '../domain/model';

export interface WorldCupVenue {
  venueId: string;
  country: CountryCode;
  hostCity: string;
  municipality: string;
  stadium: string;
}

export interface WorldCupMatch {
  matchNumber: number | null;
  date: string;
  venueId: string;
  stage: string;
}

export const WORLD_CUP_SOURCE = 'openfootball/worldcup.json 2026/worldcup.json (commit aa2ac44b1d), via shared/reference/reference-data.json';

export const WORLD_CUP_VENUES: readonly WorldCupVenue[] = [
  { venueId: 'Vancouver', country: 'CA', hostCity: 'Vancouver', municipality: 'Vancouver, BC', stadium: 'BC Place Vancouver' },
  { venueId: 'Seattle', country: 'US', hostCity: 'Seattle', municipality: 'Seattle, WA', stadium: 'Seattle Stadium' },
  { venueId: 'San Francisco Bay Area (Santa Clara)', country: 'US', hostCity: 'San Francisco Bay Area', municipality: 'Santa Clara, CA', stadium: 'San Francisco Bay Area Stadium' },
  { venueId: 'Los Angeles (Inglewood)', country: 'US', hostCity: 'Los Angeles', municipality: 'Inglewood, CA', stadium: 'Los Angeles Stadium' },
  { venueId: 'Guadalajara (Zapopan)', country: 'MX', hostCity: 'Guadalajara', municipality: 'Zapopan, Jalisco', stadium: 'Guadalajara Stadium' },
  { venueId: 'Mexico City', country: 'MX', hostCity: 'Mexico City', municipality: 'Mexico City, CDMX', stadium: 'Mexico City Stadium' },
  { venueId: 'Monterrey (Guadalupe)', country: 'MX', hostCity: 'Monterrey', municipality: 'Guadalupe, Nuevo León', stadium: 'Monterrey Stadium' },
  { venueId: 'Houston', country: 'US', hostCity: 'Houston', municipality: 'Houston, TX', stadium: 'Houston Stadium' },
  { venueId: 'Dallas (Arlington)', country: 'US', hostCity: 'Dallas', municipality: 'Arlington, TX', stadium: 'Dallas Stadium' },
  { venueId: 'Kansas City', country: 'US', hostCity: 'Kansas City', municipality: 'Kansas City, MO', stadium: 'Kansas City Stadium' },
  { venueId: 'Atlanta', country: 'US', hostCity: 'Atlanta', municipality: 'Atlanta, GA', stadium: 'Atlanta Stadium' },
  { venueId: 'Miami (Miami Gardens)', country: 'US', hostCity: 'Miami', municipality: 'Miami Gardens, FL', stadium: 'Miami Stadium' },
  { venueId: 'Toronto', country: 'CA', hostCity: 'Toronto', municipality: 'Toronto, ON', stadium: 'Toronto Stadium' },
  { venueId: 'Boston (Foxborough)', country: 'US', hostCity: 'Boston', municipality: 'Foxborough, MA', stadium: 'Boston Stadium' },
  { venueId: 'Philadelphia', country: 'US', hostCity: 'Philadelphia', municipality: 'Philadelphia, PA', stadium: 'Philadelphia Stadium' },
  { venueId: 'New York/New Jersey (East Rutherford)', country: 'US', hostCity: 'New York/New Jersey', municipality: 'East Rutherford, NJ', stadium: 'New York/New Jersey Stadium' },
];

export const WORLD_CUP_MATCHES: readonly WorldCupMatch[] = [
  { matchNumber: null, date: '2026-06-11', venueId: 'Mexico City', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-11', venueId: 'Guadalajara (Zapopan)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-12', venueId: 'Toronto', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-12', venueId: 'Los Angeles (Inglewood)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-13', venueId: 'San Francisco Bay Area (Santa Clara)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-13', venueId: 'New York/New Jersey (East Rutherford)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-13', venueId: 'Boston (Foxborough)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-13', venueId: 'Vancouver', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-14', venueId: 'Houston', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-14', venueId: 'Dallas (Arlington)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-14', venueId: 'Philadelphia', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-14', venueId: 'Monterrey (Guadalupe)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-15', venueId: 'Seattle', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-15', venueId: 'Atlanta', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-15', venueId: 'Los Angeles (Inglewood)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-15', venueId: 'Miami (Miami Gardens)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-16', venueId: 'New York/New Jersey (East Rutherford)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-16', venueId: 'Boston (Foxborough)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-16', venueId: 'Kansas City', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-16', venueId: 'San Francisco Bay Area (Santa Clara)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-17', venueId: 'Houston', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-17', venueId: 'Dallas (Arlington)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-17', venueId: 'Toronto', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-17', venueId: 'Mexico City', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-18', venueId: 'Atlanta', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-18', venueId: 'Los Angeles (Inglewood)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-18', venueId: 'Vancouver', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-18', venueId: 'Guadalajara (Zapopan)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-19', venueId: 'Seattle', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-19', venueId: 'Boston (Foxborough)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-19', venueId: 'San Francisco Bay Area (Santa Clara)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-19', venueId: 'Philadelphia', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-20', venueId: 'Houston', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-20', venueId: 'Toronto', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-20', venueId: 'Kansas City', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-20', venueId: 'Monterrey (Guadalupe)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-21', venueId: 'Los Angeles (Inglewood)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-21', venueId: 'Atlanta', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-21', venueId: 'Vancouver', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-21', venueId: 'Miami (Miami Gardens)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-22', venueId: 'Dallas (Arlington)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-22', venueId: 'Philadelphia', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-22', venueId: 'New York/New Jersey (East Rutherford)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-22', venueId: 'San Francisco Bay Area (Santa Clara)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-23', venueId: 'Houston', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-23', venueId: 'Boston (Foxborough)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-23', venueId: 'Toronto', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-23', venueId: 'Guadalajara (Zapopan)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-24', venueId: 'Vancouver', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-24', venueId: 'Seattle', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-24', venueId: 'Miami (Miami Gardens)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-24', venueId: 'Atlanta', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-24', venueId: 'Mexico City', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-24', venueId: 'Monterrey (Guadalupe)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-25', venueId: 'Philadelphia', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-25', venueId: 'New York/New Jersey (East Rutherford)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-25', venueId: 'Dallas (Arlington)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-25', venueId: 'Kansas City', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-25', venueId: 'Los Angeles (Inglewood)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-25', venueId: 'San Francisco Bay Area (Santa Clara)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-26', venueId: 'Boston (Foxborough)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-26', venueId: 'Toronto', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-26', venueId: 'Guadalajara (Zapopan)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-26', venueId: 'Houston', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-26', venueId: 'Seattle', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-26', venueId: 'Vancouver', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-27', venueId: 'New York/New Jersey (East Rutherford)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-27', venueId: 'Philadelphia', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-27', venueId: 'Miami (Miami Gardens)', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-27', venueId: 'Atlanta', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-27', venueId: 'Kansas City', stage: 'Group stage' },
  { matchNumber: null, date: '2026-06-27', venueId: 'Dallas (Arlington)', stage: 'Group stage' },
  { matchNumber: 73, date: '2026-06-28', venueId: 'Los Angeles (Inglewood)', stage: 'Round of 32' },
  { matchNumber: 76, date: '2026-06-29', venueId: 'Houston', stage: 'Round of 32' },
  { matchNumber: 74, date: '2026-06-29', venueId: 'Boston (Foxborough)', stage: 'Round of 32' },
  { matchNumber: 75, date: '2026-06-29', venueId: 'Monterrey (Guadalupe)', stage: 'Round of 32' },
  { matchNumber: 78, date: '2026-06-30', venueId: 'Dallas (Arlington)', stage: 'Round of 32' },
  { matchNumber: 77, date: '2026-06-30', venueId: 'New York/New Jersey (East Rutherford)', stage: 'Round of 32' },
  { matchNumber: 79, date: '2026-06-30', venueId: 'Mexico City', stage: 'Round of 32' },
  { matchNumber: 80, date: '2026-07-01', venueId: 'Atlanta', stage: 'Round of 32' },
  { matchNumber: 82, date: '2026-07-01', venueId: 'Seattle', stage: 'Round of 32' },
  { matchNumber: 81, date: '2026-07-01', venueId: 'San Francisco Bay Area (Santa Clara)', stage: 'Round of 32' },
  { matchNumber: 84, date: '2026-07-02', venueId: 'Los Angeles (Inglewood)', stage: 'Round of 32' },
  { matchNumber: 83, date: '2026-07-02', venueId: 'Toronto', stage: 'Round of 32' },
  { matchNumber: 85, date: '2026-07-02', venueId: 'Vancouver', stage: 'Round of 32' },
  { matchNumber: 88, date: '2026-07-03', venueId: 'Dallas (Arlington)', stage: 'Round of 32' },
  { matchNumber: 86, date: '2026-07-03', venueId: 'Miami (Miami Gardens)', stage: 'Round of 32' },
  { matchNumber: 87, date: '2026-07-03', venueId: 'Kansas City', stage: 'Round of 32' },
  { matchNumber: 90, date: '2026-07-04', venueId: 'Houston', stage: 'Round of 16' },
  { matchNumber: 89, date: '2026-07-04', venueId: 'Philadelphia', stage: 'Round of 16' },
  { matchNumber: 91, date: '2026-07-05', venueId: 'New York/New Jersey (East Rutherford)', stage: 'Round of 16' },
  { matchNumber: 92, date: '2026-07-05', venueId: 'Mexico City', stage: 'Round of 16' },
  { matchNumber: 93, date: '2026-07-06', venueId: 'Dallas (Arlington)', stage: 'Round of 16' },
  { matchNumber: 94, date: '2026-07-06', venueId: 'Seattle', stage: 'Round of 16' },
  { matchNumber: 95, date: '2026-07-07', venueId: 'Atlanta', stage: 'Round of 16' },
  { matchNumber: 96, date: '2026-07-07', venueId: 'Vancouver', stage: 'Round of 16' },
  { matchNumber: 97, date: '2026-07-09', venueId: 'Boston (Foxborough)', stage: 'Quarter-final' },
  { matchNumber: 98, date: '2026-07-10', venueId: 'Los Angeles (Inglewood)', stage: 'Quarter-final' },
  { matchNumber: 99, date: '2026-07-11', venueId: 'Miami (Miami Gardens)', stage: 'Quarter-final' },
  { matchNumber: 100, date: '2026-07-11', venueId: 'Kansas City', stage: 'Quarter-final' },
  { matchNumber: 101, date: '2026-07-14', venueId: 'Dallas (Arlington)', stage: 'Semi-final' },
  { matchNumber: 102, date: '2026-07-15', venueId: 'Atlanta', stage: 'Semi-final' },
  { matchNumber: 103, date: '2026-07-18', venueId: 'Miami (Miami Gardens)', stage: 'Third-place match' },
  { matchNumber: 104, date: '2026-07-19', venueId: 'New York/New Jersey (East Rutherford)', stage: 'Final' },
];

export const venueEventId = (venueId: string): string => `wc2026:venue:${venueId}`;
export const matchEventId = (matchNumber: number): string => `wc2026:match:${matchNumber}`;

/** The event id for a case tied to a match: its number when the dataset has one, else its venue. */
export function eventIdOf(match: WorldCupMatch): string {
  return match.matchNumber === null ? venueEventId(match.venueId) : matchEventId(match.matchNumber);
}

export function venuesIn(country: CountryCode): WorldCupVenue[] {
  return WORLD_CUP_VENUES.filter((v) => v.country === country);
}

export function matchesAt(venueId: string): WorldCupMatch[] {
  return WORLD_CUP_MATCHES.filter((m) => m.venueId === venueId);
}

