/**
 * Places, synthetic addresses and phone numbers for the demo. Phone numbers are E.164;
 * North American ones use the 555 exchange (555-01XX is reserved for fiction), Mexican ones
 * are random digits after a real area code. Streets and numbers are random.
 */
import type { Rng } from './rng';

export type DemoCountry = 'MX' | 'CA' | 'US';
export type TextLang = 'es' | 'fr' | 'en';

export interface Place {
  city: string;
  region: string; // state or province code
  country: DemoCountry;
  areaCodes: readonly string[];
  lang: TextLang;
  /** World Cup venue id when the city hosts matches */
  venueId?: string;
  /** farming district (seasonal agricultural work) */
  farming?: boolean;
}

const P = (
  city: string,
  region: string,
  country: DemoCountry,
  areaCodes: string[],
  lang: TextLang,
  extra: Partial<Place> = {},
): Place => ({ city, region, country, areaCodes, lang, ...extra });

export const PLACES: Record<DemoCountry, readonly Place[]> = {
  MX: [
    P('Ciudad de México', 'CDMX', 'MX', ['55'], 'es', { venueId: 'Mexico City' }),
    P('Guadalajara', 'JAL', 'MX', ['33'], 'es', { venueId: 'Guadalajara (Zapopan)' }),
    P('Monterrey', 'NL', 'MX', ['81'], 'es', { venueId: 'Monterrey (Guadalupe)' }),
    P('Puebla', 'PUE', 'MX', ['222'], 'es'),
    P('Tijuana', 'BC', 'MX', ['664'], 'es'),
    P('Cancún', 'QROO', 'MX', ['998'], 'es'),
    P('Tapachula', 'CHIS', 'MX', ['962'], 'es'),
    P('Oaxaca de Juárez', 'OAX', 'MX', ['951'], 'es', { farming: true }),
    P('León', 'GTO', 'MX', ['477'], 'es'),
    P('Irapuato', 'GTO', 'MX', ['462'], 'es', { farming: true }),
    P('Celaya', 'GTO', 'MX', ['461'], 'es', { farming: true }),
    P('Morelia', 'MICH', 'MX', ['443'], 'es', { farming: true }),
    P('Culiacán', 'SIN', 'MX', ['667'], 'es', { farming: true }),
    P('Mérida', 'YUC', 'MX', ['999'], 'es'),
    P('Acapulco', 'GRO', 'MX', ['744'], 'es'),
    P('Chihuahua', 'CHIH', 'MX', ['614'], 'es'),
  ],
  CA: [
    P('Toronto', 'ON', 'CA', ['416', '647'], 'en', { venueId: 'Toronto' }),
    P('Vancouver', 'BC', 'CA', ['604', '778'], 'en', { venueId: 'Vancouver' }),
    P('Montréal', 'QC', 'CA', ['514', '438'], 'fr'),
    P('Québec', 'QC', 'CA', ['418', '581'], 'fr'),
    P('Saint-Rémi', 'QC', 'CA', ['450'], 'fr', { farming: true }),
    P('Sherrington', 'QC', 'CA', ['450'], 'fr', { farming: true }),
    P('Leamington', 'ON', 'CA', ['519', '226'], 'en', { farming: true }),
    P('Simcoe', 'ON', 'CA', ['519', '226'], 'en', { farming: true }),
    P('Niagara-on-the-Lake', 'ON', 'CA', ['905', '289'], 'en', { farming: true }),
    P('Ottawa', 'ON', 'CA', ['613'], 'en'),
    P('Calgary', 'AB', 'CA', ['403', '587'], 'en'),
    P('Edmonton', 'AB', 'CA', ['780'], 'en'),
    P('Winnipeg', 'MB', 'CA', ['204'], 'en'),
    P('Kelowna', 'BC', 'CA', ['250'], 'en', { farming: true }),
    P('Abbotsford', 'BC', 'CA', ['604', '778'], 'en', { farming: true }),
    P('Halifax', 'NS', 'CA', ['902'], 'en'),
  ],
  US: [
    P('Houston', 'TX', 'US', ['713', '832'], 'en', { venueId: 'Houston' }),
    P('Dallas', 'TX', 'US', ['214', '469'], 'en', { venueId: 'Dallas (Arlington)' }),
    P('Atlanta', 'GA', 'US', ['404', '678'], 'en', { venueId: 'Atlanta' }),
    P('Los Angeles', 'CA', 'US', ['213', '323'], 'en', { venueId: 'Los Angeles (Inglewood)' }),
    P('Miami', 'FL', 'US', ['305', '786'], 'en', { venueId: 'Miami (Miami Gardens)' }),
    P('New York', 'NY', 'US', ['212', '646', '718'], 'en', { venueId: 'New York/New Jersey (East Rutherford)' }),
    P('Seattle', 'WA', 'US', ['206'], 'en', { venueId: 'Seattle' }),
    P('Kansas City', 'MO', 'US', ['816'], 'en', { venueId: 'Kansas City' }),
    P('Philadelphia', 'PA', 'US', ['215'], 'en', { venueId: 'Philadelphia' }),
    P('Chicago', 'IL', 'US', ['312', '773'], 'en'),
    P('Tifton', 'GA', 'US', ['229'], 'en', { farming: true }),
    P('Vidalia', 'GA', 'US', ['912'], 'en', { farming: true }),
    P('Fresno', 'CA', 'US', ['559'], 'en', { farming: true }),
    P('Immokalee', 'FL', 'US', ['239'], 'en', { farming: true }),
    P('Yakima', 'WA', 'US', ['509'], 'en', { farming: true }),
    P('San Antonio', 'TX', 'US', ['210'], 'en'),
    P('El Paso', 'TX', 'US', ['915'], 'en'),
  ],
};

export function placeNamed(country: DemoCountry, city: string): Place {
  const p = PLACES[country].find((x) => x.city === city);
  if (!p) throw new RangeError(`no demo place ${city} in ${country}`);
  return p;
}

/** A synthetic E.164 number in the place's area code. */
export function phoneIn(rng: Rng, place: Place): string {
  const area = rng.pick(place.areaCodes);
  if (place.country === 'MX') return `+52${area}${rng.int(2, 9)}${rng.digits(10 - area.length - 1)}`;
  return `+1${area}555${rng.digits(4)}`;
}

/** A number from the 555-0100..0199 block set aside for fiction (North America only). */
export function fictionalNanpPhone(rng: Rng, place: Place): string {
  return `+1${rng.pick(place.areaCodes)}55501${rng.digits(2)}`;
}

const MX_STREETS = ['Hidalgo', 'Morelos', 'Juárez', 'Allende', 'Independencia', 'Reforma', '5 de Mayo', 'Zaragoza', 'Madero', 'Guerrero', 'Insurgentes', 'Obregón', 'Revolución', 'Constitución', 'Aldama', 'Galeana'];
const MX_COLONIAS = ['Centro', 'Obrera', 'Las Flores', 'San Miguel', 'Santa Cruz', 'Del Valle', 'Jardines', 'Industrial', 'La Joya', 'El Mirador', 'San Antonio', 'Guadalupe'];
const CA_EN_STREETS = ['King St', 'Queen St', 'Main St', 'Erie St', 'Talbot St', 'Dundas St', 'Victoria Ave', 'Church St', 'Park Rd', 'Concession Rd 8', 'Highway 3', 'Lakeshore Rd'];
const CA_FR_STREETS = ['rue Principale', 'rue Saint-Jean', 'boulevard Saint-Laurent', 'rue Notre-Dame', 'rang Saint-Paul', "rue de l'Église", 'avenue du Parc', 'rue Sherbrooke', 'chemin du Roy', 'rang de la Rivière'];
const US_STREETS = ['Oak St', 'Maple Ave', 'Main St', 'Pine St', 'Cedar Rd', 'Elm St', 'Washington Ave', 'Lake Dr', 'Hillcrest Dr', 'County Road 12', 'Industrial Blvd', 'Peachtree St', 'Bellaire Blvd', 'Harry Hines Blvd'];

const LETTERS = 'ABCEGHJKLMNPRSTVXY';
const caPostal = (rng: Rng, first: string): string =>
  `${first}${rng.int(0, 9)}${rng.pick([...LETTERS])} ${rng.int(0, 9)}${rng.pick([...LETTERS])}${rng.int(0, 9)}`;
const CA_POSTAL_FIRST: Record<string, string> = { ON: 'N', QC: 'J', BC: 'V', AB: 'T', MB: 'R', NS: 'B' };

/** A synthetic street address in the place, in the local format. */
export function addressIn(rng: Rng, place: Place): string {
  const n = rng.int(1, 2999);
  switch (place.country) {
    case 'MX':
      return `Calle ${rng.pick(MX_STREETS)} ${n}, Col. ${rng.pick(MX_COLONIAS)}, ${place.city}, ${place.region}, C.P. ${rng.digits(5)}`;
    case 'CA': {
      const postal = caPostal(rng, place.city === 'Toronto' ? 'M' : (CA_POSTAL_FIRST[place.region] ?? 'K'));
      return place.lang === 'fr'
        ? `${n}, ${rng.pick(CA_FR_STREETS)}, ${place.city} (${place.region}) ${postal}`
        : `${n} ${rng.pick(CA_EN_STREETS)}, ${place.city}, ${place.region} ${postal}`;
    }
    default:
      return `${n} ${rng.pick(US_STREETS)}, ${place.city}, ${place.region} ${rng.digits(5)}`;
  }
}
