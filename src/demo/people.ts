/**
 * Synthetic people for the demo: names by nationality and node, birth dates (sometimes
 * partial), contact details, and the ways one person's record drifts from country to
 * country (accents dropped, surnames swapped or dropped, typos, day and month swapped).
 */
import type { Props } from './builder';
import { isoDate } from './clock';
import { personName, randomName, stripAccents, typo, type Gender, type NameStyle, type PersonName } from './names';
import { phoneIn, type DemoCountry, type Place } from './places';
import type { Rng } from './rng';

export interface PersonSpec {
  name: PersonName;
  birthDate?: string;
  nationality: string;
  phone?: string;
  email?: string;
  address?: string;
}

export function personProps(p: PersonSpec): Props {
  return {
    name: p.name.name,
    givenName: p.name.givenName,
    surname: p.name.surname,
    secondSurname: p.name.secondSurname,
    birthDate: p.birthDate,
    nationality: p.nationality,
    gender: p.name.gender,
    phone: p.phone,
    email: p.email,
    address: p.address,
  };
}

const LATIN = new Set(['MX', 'GT', 'HN', 'SV', 'VE', 'CO']);

/** A name as a record of `node` would hold a person of `nationality`. */
export function nameFor(rng: Rng, node: DemoCountry, nationality: string, place: Place, gender?: Gender): PersonName {
  if (LATIN.has(nationality)) {
    const n = randomName(rng, 'es', { gender });
    if (node === 'MX') return n;
    return latinAbroad(rng, n);
  }
  if (nationality === 'PH') {
    const given = randomName(rng, 'en', { gender });
    const sur = randomName(rng, 'es', { twoSurnames: false });
    return personName(given.givenName, node === 'MX' ? sur.surname : stripAccents(sur.surname), given.gender);
  }
  let style: NameStyle = 'en';
  if (nationality === 'CA') style = place.lang === 'fr' || rng.chance(0.2) ? 'fr' : 'en';
  if (nationality === 'US' && rng.chance(0.25)) style = 'es';
  return randomName(rng, style, { gender, twoSurnames: false });
}

/** A Latin American name recorded abroad: often without accents or the second surname. */
function latinAbroad(rng: Rng, n: PersonName): PersonName {
  const plain = rng.chance(0.5);
  const f = (s: string): string => (plain ? stripAccents(s) : s);
  const keepSecond = n.secondSurname !== undefined && rng.chance(0.55);
  return personName(f(n.givenName), f(n.surname), n.gender, keepSecond ? f(n.secondSurname as string) : undefined);
}

/** A birth date for someone aged between min and max on 1 June 2026; now and then only the year or month is known. */
export function birthDateFor(rng: Rng, minAge: number, maxAge: number, partial = true): string {
  const day = 151 - Math.floor((minAge + rng.float() * (maxAge - minAge + 1)) * 365.25);
  const full = isoDate(day);
  if (!partial) return full;
  const r = rng.float();
  if (r < 0.07) return full.slice(0, 4);
  if (r < 0.11) return full.slice(0, 7);
  return full;
}

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'correo.example', 'mail.example'];
export function emailFor(rng: Rng, n: PersonName): string {
  const slug = (s: string): string => stripAccents(s).toLowerCase().replace(/[^a-z]+/g, '');
  return `${slug(n.givenName.split(' ')[0] ?? 'x')}.${slug(n.surname)}${rng.int(1, 99)}@${rng.pick(EMAIL_DOMAINS)}`;
}

export function nationalityMix(rng: Rng, node: DemoCountry, role: 'victim' | 'suspect' | 'other'): string {
  if (node === 'MX') {
    return role === 'suspect'
      ? rng.weighted([['MX', 90], ['US', 4], ['GT', 6]])
      : rng.weighted([['MX', 70], ['GT', 12], ['HN', 8], ['SV', 5], ['VE', 5]]);
  }
  if (node === 'CA') {
    return role === 'suspect'
      ? rng.weighted([['CA', 62], ['MX', 23], ['GT', 5], ['JM', 5], ['PH', 5]])
      : rng.weighted([['MX', 32], ['CA', 25], ['GT', 10], ['JM', 10], ['PH', 12], ['CO', 5], ['VE', 6]]);
  }
  return role === 'suspect'
    ? rng.weighted([['US', 56], ['MX', 34], ['GT', 6], ['HN', 4]])
    : rng.weighted([['MX', 35], ['US', 28], ['GT', 15], ['HN', 10], ['SV', 6], ['VE', 6]]);
}

/** A whole person: name, birth date, contacts (each present with a plausible probability). */
export function randomPerson(
  rng: Rng,
  node: DemoCountry,
  place: Place,
  opts: { nationality: string; gender?: Gender; minAge: number; maxAge: number; phone?: number; email?: number; address?: number },
): PersonSpec {
  const name = nameFor(rng, node, opts.nationality, place, opts.gender);
  return {
    name,
    birthDate: rng.chance(0.85) ? birthDateFor(rng, opts.minAge, opts.maxAge) : undefined,
    nationality: opts.nationality,
    phone: rng.chance(opts.phone ?? 0.6) ? phoneIn(rng, place) : undefined,
    email: rng.chance(opts.email ?? 0.2) ? emailFor(rng, name) : undefined,
    address: undefined,
  };
}

// ---- how the same person drifts between records ----

export type NameVariant = 'exact' | 'accents' | 'one-surname' | 'swapped' | 'typo' | 'short-given' | 'hyphen';
export type DateVariant = 'exact' | 'day-month-swapped' | 'year-only' | 'off-by-one';

export function varyName(rng: Rng, n: PersonName, v: NameVariant): PersonName {
  const s2 = n.secondSurname;
  switch (v) {
    case 'exact':
      return n;
    case 'accents':
      return personName(stripAccents(n.givenName), stripAccents(n.surname), n.gender, s2 && stripAccents(s2));
    case 'one-surname':
      return personName(stripAccents(n.givenName), stripAccents(n.surname), n.gender);
    case 'swapped':
      return s2 ? personName(n.givenName, s2, n.gender, n.surname) : n;
    case 'typo':
      return personName(n.givenName, typo(rng, n.surname), n.gender, s2);
    case 'short-given':
      return personName(stripAccents(n.givenName.split(' ')[0] ?? n.givenName), stripAccents(n.surname), n.gender, s2 && stripAccents(s2));
    case 'hyphen':
      return s2
        ? { givenName: stripAccents(n.givenName), surname: stripAccents(`${n.surname}-${s2}`), gender: n.gender, name: stripAccents(`${n.givenName} ${n.surname}-${s2}`) }
        : n;
  }
}

export function varyDate(date: string | undefined, v: DateVariant): string | undefined {
  if (!date || date.length < 10) return date;
  const [y, m, d] = date.split('-') as [string, string, string];
  switch (v) {
    case 'exact':
      return date;
    case 'day-month-swapped':
      return Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : date;
    case 'year-only':
      return y;
    case 'off-by-one': {
      const next = new Date(Date.parse(date + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);
      return next;
    }
  }
}
