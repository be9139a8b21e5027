/**
 * Synthetic people for linkage tests: Mexican, Canadian (English and French) and US
 * records, and "second sightings" of them as another agency would have typed them —
 * nicknames, missing accents, one surname instead of two, typos, names swapped,
 * initials, dates written another way, phones with or without the country code.
 * Seeded, so every run sees the same people.
 */
import type { PersonField, PersonRecord } from '../../src/linkage/person-record';
import { seededRandom } from '../../src/linkage/training';

type Fields = Partial<Record<PersonField, string>>;

const MX_GIVEN = ['José', 'Jesús', 'Francisco', 'Guadalupe', 'Guillermo', 'Ignacio', 'Antonio', 'Alberto', 'Roberto', 'María', 'Ana', 'Luis', 'Carlos', 'Sofía', 'Manuel', 'Enrique', 'Eduardo', 'Rosario', 'Dolores', 'Concepción', 'Juan', 'Pedro', 'Alejandra', 'Fernanda', 'Ximena', 'Valeria', 'Mónica', 'Verónica', 'Rigoberto', 'Efraín'];
const MX_SECOND = ['Luis', 'Antonio', 'Guadalupe', 'José', 'Carmen', 'Fernanda', 'Elena', 'Ángel', 'Manuel', 'de Jesús'];
const MX_SURNAMES = ['Hernández', 'García', 'Martínez', 'López', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Cruz', 'de la Cruz', 'Flores', 'Gómez', 'Morales', 'Vázquez', 'Reyes', 'Jiménez', 'Torres', 'Díaz', 'Gutiérrez', 'Ruiz', 'Mendoza', 'Aguilar', 'Ortiz', 'Moreno', 'Castillo', 'Romero', 'Álvarez', 'Méndez', 'Chávez', 'Núñez', 'Peña', 'Ibáñez', 'Domínguez', 'Ávila', 'Villanueva', 'Zúñiga', 'Esquivel', 'Solís', 'Benítez'];
const FR_GIVEN = ['Marie', 'Jean-Pierre', 'Françoise', 'Élodie', 'Mathieu', 'Sébastien', 'Geneviève', 'Stéphane', 'Hélène', 'Benoît', 'Amélie', 'Frédéric', 'Josée', 'Luc', 'Chantal', 'Réjean', 'Mélanie', 'François', 'Isabelle', 'Nicolas'];
const FR_SURNAMES = ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard', 'Boucher', 'Du Bois', 'Le Blanc', 'St-Pierre', 'Thériault', 'Dubé', 'Poirier', 'Caron', 'Cloutier', 'Nadeau', 'Lemieux', 'Vachon', 'Mercier', 'Desjardins', 'Hébert', 'Lapointe', 'Charbonneau', 'Beaulieu', 'Rousseau', 'Fournier', 'Dion'];
const EN_GIVEN = ['William', 'Robert', 'Elizabeth', 'Jennifer', 'Michael', 'James', 'Margaret', 'Katherine', 'Thomas', 'Patricia', 'Christopher', 'Anthony', 'Daniel', 'Susan', 'Rebecca', 'Jonathan', 'Deborah', 'Edward', 'Richard', 'Samantha'];
const EN_SURNAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'MacDonald', "O'Brien", 'Campbell', 'Stewart', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Parker', 'Evans', 'Edwards', 'Collins'];
const NICKNAME: Record<string, string> = {
  José: 'Pepe', Jesús: 'Chuy', Francisco: 'Paco', Guadalupe: 'Lupe', Guillermo: 'Memo', Ignacio: 'Nacho', Antonio: 'Toño', Alberto: 'Beto', Roberto: 'Beto',
  Manuel: 'Manolo', Enrique: 'Kike', Eduardo: 'Lalo', Rosario: 'Chayo', Dolores: 'Lola', Concepción: 'Conchita', William: 'Bill', Robert: 'Bob',
  Elizabeth: 'Liz', Jennifer: 'Jenny', Michael: 'Mike', James: 'Jim', Margaret: 'Peggy', Katherine: 'Kate', Thomas: 'Tom', Patricia: 'Trish',
  Christopher: 'Chris', Anthony: 'Tony', Daniel: 'Dan', Susan: 'Sue', Rebecca: 'Becky', Jonathan: 'Jon', Deborah: 'Debbie', Edward: 'Ted', Richard: 'Rick',
  Samantha: 'Sam', Nicolas: 'Nico', Frédéric: 'Fred', Stéphane: 'Steph',
};
const PLACES: Record<string, { cities: string[]; streets: string[]; region: string[] }> = {
  MX: { cities: ['Guadalajara', 'Monterrey', 'Puebla', 'Ciudad de México', 'Tijuana', 'León', 'Zapopan', 'Querétaro', 'Mérida', 'Cancún'], streets: ['Calle Hidalgo', 'Avenida Juárez', 'Calle Morelos', 'Avenida Revolución', 'Calle Allende', 'Calzada Independencia'], region: ['Jalisco', 'Nuevo León', 'Puebla', 'CDMX'] },
  CA: { cities: ['Montréal', 'Toronto', 'Québec', 'Ottawa', 'Leamington', 'Gatineau', 'Laval', 'Windsor'], streets: ['rue Sainte-Catherine', 'boulevard Saint-Laurent', 'King Street', 'avenue du Parc', 'Talbot Road', 'chemin Sainte-Foy'], region: ['QC', 'ON'] },
  US: { cities: ['Atlanta', 'Savannah', 'Houston', 'Los Angeles', 'Miami', 'Dallas', 'Valdosta'], streets: ['Main Street', 'Peachtree Road', 'Oak Avenue', 'Maple Drive', 'Elm Street', 'Sunset Boulevard'], region: ['GA', 'TX', 'CA', 'FL'] },
};

export interface SyntheticPerson {
  truth: number;
  country: 'MX' | 'CA' | 'US';
  fields: Fields;
}

export class PeopleFactory {
  private readonly rand: () => number;
  constructor(seed = 7) {
    this.rand = seededRandom(seed);
  }
  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)] as T;
  }
  private chance(p: number): boolean {
    return this.rand() < p;
  }
  private digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.rand() * 10);
    return s;
  }

  person(truth: number): SyntheticPerson {
    const country = this.pick(['MX', 'MX', 'CA', 'CA', 'US'] as const);
    const french = country === 'CA' && this.chance(0.6);
    let given: string;
    let surname: string;
    if (country === 'MX') {
      given = this.chance(0.4) ? `${this.pick(MX_GIVEN)} ${this.pick(MX_SECOND)}` : this.pick(MX_GIVEN);
      surname = `${this.pick(MX_SURNAMES)} ${this.pick(MX_SURNAMES)}`;
    } else if (french) {
      given = this.pick(FR_GIVEN);
      surname = this.pick(FR_SURNAMES);
    } else {
      given = this.pick(EN_GIVEN);
      surname = this.pick(EN_SURNAMES);
    }
    const y = 1950 + Math.floor(this.rand() * 56);
    const m = 1 + Math.floor(this.rand() * 12);
    const d = 1 + Math.floor(this.rand() * 28);
    const place = PLACES[country] as (typeof PLACES)[string];
    const phone = country === 'MX' ? `+52 ${this.pick(['55', '33', '81'])} ${this.digits(4)} ${this.digits(4)}` : `+1 ${this.pick(['416', '514', '519', '404', '713', '305'])} ${this.digits(3)} ${this.digits(4)}`;
    const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
    return {
      truth,
      country,
      fields: {
        given_name: given,
        surname,
        date_of_birth: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        sex: this.pick(['F', 'M']),
        phone,
        email: `${ascii(given.split(' ')[0] ?? '')}.${ascii(surname.split(' ')[0] ?? '')}${this.digits(3)}@${this.pick(['gmail.com', 'hotmail.com', 'yahoo.com.mx', 'videotron.ca', 'outlook.com', 'prodigy.net.mx', 'icloud.com', 'rogers.com', 'att.net', 'bell.net'])}`,
        address_1: `${this.pick(place.streets)} ${1 + Math.floor(this.rand() * 900)}`,
        locality: this.pick(place.cities),
        region: this.pick(place.region),
      },
    };
  }

  private typo(s: string): string {
    if (s.length < 4) return s;
    const i = 1 + Math.floor(this.rand() * (s.length - 2));
    const kind = this.rand();
    if (kind < 0.4) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    if (kind < 0.7) return s.slice(0, i) + s.slice(i + 1);
    return s.slice(0, i) + this.pick(['a', 'e', 'i', 'o', 'n', 'r', 's']) + s.slice(i + 1);
  }

  /** The same person as another agency recorded them. */
  sighting(p: SyntheticPerson): SyntheticPerson {
    const f: Fields = { ...p.fields };
    const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
    if (this.chance(0.5)) {
      f.given_name = strip(f.given_name ?? '').toUpperCase();
      f.surname = strip(f.surname ?? '').toUpperCase();
    }
    const first = (p.fields.given_name ?? '').split(' ')[0] ?? '';
    const r = this.rand();
    if (r < 0.2 && NICKNAME[first]) f.given_name = NICKNAME[first];
    else if (r < 0.27) f.given_name = (p.fields.given_name ?? '').split(/[ -]/).map((t) => `${t[0]}.`).join(' ');
    else if (r < 0.4) f.given_name = this.typo(f.given_name ?? '');
    if (p.country === 'MX' && this.chance(0.35)) f.surname = (f.surname ?? '').split(' ')[0];
    else if (this.chance(0.2)) f.surname = this.typo(f.surname ?? '');
    if (this.chance(0.08)) [f.given_name, f.surname] = [f.surname, f.given_name];
    const [y, m, d] = (p.fields.date_of_birth ?? '').split('-');
    const dr = this.rand();
    if (dr < 0.3) f.date_of_birth = `${d}/${m}/${y}`;
    else if (dr < 0.4) f.date_of_birth = `${y}${m}${d}`;
    else if (dr < 0.47) f.date_of_birth = `${y}-${d}-${m}`;
    else if (dr < 0.53) f.date_of_birth = y;
    else if (dr < 0.6) delete f.date_of_birth;
    const pr = this.rand();
    if (pr < 0.3) f.phone = (f.phone ?? '').replace(/^\+\d+ /, '');
    else if (pr < 0.4 && p.country === 'MX') f.phone = (f.phone ?? '').replace('+52 ', '+52 1 ');
    else if (pr < 0.6) delete f.phone;
    if (this.chance(0.5)) delete f.email;
    if (this.chance(0.4)) f.address_1 = (f.address_1 ?? '').replace('Calle ', 'C. ').replace('Avenida ', 'Av. ').replace('Street', 'St').replace('boulevard', 'boul.').replace('Road', 'Rd');
    else if (this.chance(0.3)) delete f.address_1;
    if (this.chance(0.2)) delete f.locality;
    if (this.chance(0.5)) delete f.sex;
    return { truth: p.truth, country: p.country, fields: f };
  }
}

export function toRecords(people: SyntheticPerson[], prefix: string): PersonRecord[] {
  return people.map((p, i) => ({ id: `${prefix}${i}`, fields: p.fields }));
}
