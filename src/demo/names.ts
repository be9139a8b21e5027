/**
 * Name pools for synthetic people: common given names and surnames of Mexico, Quebec and
 * English-speaking North America (high-frequency names of the kind found in public
 * frequency lists). Combinations are random; no record describes a real person.
 */
import type { Rng } from './rng';

export type Gender = 'female' | 'male';
export type NameStyle = 'es' | 'fr' | 'en';

export interface PersonName {
  givenName: string;
  surname: string;
  secondSurname?: string;
  gender: Gender;
  /** the full name as the record would show it */
  name: string;
}

const ES_GIVEN_F = [
  'María', 'Guadalupe', 'Juana', 'Margarita', 'Verónica', 'Leticia', 'Rosa', 'Francisca', 'Teresa',
  'Alejandra', 'Patricia', 'Gabriela', 'Adriana', 'Claudia', 'Silvia', 'Araceli', 'Yolanda', 'Daniela',
  'Fernanda', 'Ximena', 'Sofía', 'Valeria', 'Camila', 'Lucía', 'Mariana', 'Andrea', 'Itzel', 'Citlali',
  'Yesenia', 'María José', 'María Guadalupe', 'Ana María', 'Rocío', 'Mónica', 'Beatriz', 'Inés',
  'Dolores', 'Nayeli', 'Jazmín', 'Karla', 'Brenda', 'Diana', 'Elena', 'Esperanza', 'Marisol', 'Reyna',
  'Angélica', 'Lizbeth', 'Paola', 'Estefanía',
] as const;
const ES_GIVEN_M = [
  'José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Francisco', 'Pedro', 'Alejandro', 'Antonio',
  'Manuel', 'Jesús', 'Ricardo', 'Fernando', 'Roberto', 'Eduardo', 'Javier', 'Raúl', 'Sergio', 'Arturo',
  'Óscar', 'Héctor', 'Enrique', 'Rafael', 'Ramón', 'Andrés', 'Víctor', 'Martín', 'Adrián', 'Iván',
  'Joaquín', 'Tomás', 'José Luis', 'Juan Carlos', 'Luis Ángel', 'Miguel Ángel', 'José Antonio',
  'Juan Manuel', 'Efraín', 'Rogelio', 'Gerardo', 'Salvador', 'Marco Antonio', 'Gustavo', 'Abel',
  'Cristian', 'Ulises', 'Rubén', 'Saúl', 'Emiliano',
] as const;
const ES_SURNAMES = [
  'Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez',
  'Cruz', 'Flores', 'Gómez', 'Morales', 'Vázquez', 'Reyes', 'Jiménez', 'Torres', 'Díaz', 'Gutiérrez',
  'Ruiz', 'Mendoza', 'Aguilar', 'Ortiz', 'Moreno', 'Castillo', 'Romero', 'Álvarez', 'Méndez', 'Chávez',
  'Rivera', 'Juárez', 'Ramos', 'Domínguez', 'Herrera', 'Medina', 'Castro', 'Vargas', 'Guzmán',
  'Velázquez', 'Muñoz', 'Rojas', 'Contreras', 'Salazar', 'Luna', 'Ortega', 'Santiago', 'Guerrero',
  'Estrada', 'Bautista', 'Cortés', 'Soto', 'Alvarado', 'Espinoza', 'Lara', 'Ávila', 'Ríos', 'Cervantes',
  'Silva', 'Delgado', 'Vega', 'Márquez', 'Sandoval', 'Fernández', 'León', 'Carrillo', 'Mejía', 'Solís',
  'Núñez', 'Rosas', 'Valdez', 'Ibarra', 'Campos', 'Santos', 'Camacho', 'Navarro', 'Peña', 'Maldonado',
  'Rosales', 'Acosta', 'Miranda', 'Trejo', 'Valencia', 'Nava', 'Pacheco', 'Robles', 'Molina', 'Rangel',
  'Huerta', 'Ibáñez', 'Zúñiga', 'Montes', 'Benítez', 'Fuentes', 'Cabrera', 'Escobar', 'Ponce', 'Orozco',
  'Velasco', 'Beltrán', 'Ochoa', 'Cárdenas', 'Quintero', 'Villanueva', 'Tapia', 'Galván', 'Arellano',
] as const;

const FR_GIVEN_F = [
  'Marie', 'Julie', 'Nathalie', 'Isabelle', 'Chantal', 'Sylvie', 'Geneviève', 'Mélanie', 'Émilie',
  'Catherine', 'Véronique', 'Josée', 'Annie', 'Valérie', 'Karine', 'Stéphanie', 'Sophie', 'Caroline',
  'Audrey', 'Maude', 'Léa', 'Chloé', 'Camille', 'Florence', 'Béatrice', 'Élise', 'Noémie', 'Rosalie',
  'Marie-Ève', 'Anne-Marie', 'Marie-Claude', 'Josiane', 'Myriam', 'Gabrielle', 'Océane',
] as const;
const FR_GIVEN_M = [
  'Jean', 'Pierre', 'Michel', 'Luc', 'André', 'François', 'Daniel', 'Marc', 'Stéphane', 'Sébastien',
  'Martin', 'Éric', 'Patrick', 'Mathieu', 'Alexandre', 'Olivier', 'Guillaume', 'Jérôme', 'Louis',
  'Félix', 'Gabriel', 'Samuel', 'Antoine', 'Étienne', 'Benoît', 'Yves', 'Réjean', 'Gilles', 'Denis',
  'Claude', 'Jean-François', 'Jean-Philippe', 'Marc-André', 'Pierre-Luc', 'Maxime',
] as const;
const FR_SURNAMES = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné',
  'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard',
  'Boucher', 'Caron', 'Beaulieu', 'Cloutier', 'Dubé', 'Poirier', 'Fournier', 'Lapointe', 'Leclerc',
  'Lefebvre', 'Poulin', 'Thibault', 'St-Pierre', 'Nadeau', 'Martin', 'Landry', 'Martel', 'Bédard',
  'Grenier', 'Lessard', 'Bernier', 'Richard', 'Michaud', 'Hébert', 'Desjardins', 'Couture', 'Turcotte',
  'Lachance', 'Parent', 'Blais', 'Gosselin', 'Savard', 'Proulx', 'Beaudoin', 'Demers', 'Perreault',
  'Boudreau', 'Lemieux', 'Cyr', 'Perron', 'Dufour', 'Dion', 'Mercier', 'Bolduc', 'Bérubé', 'Boisvert',
  'Langlois', 'Ménard', 'Labelle', 'Gingras',
] as const;

const EN_GIVEN_F = [
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
  'Nancy', 'Lisa', 'Ashley', 'Emily', 'Megan', 'Amanda', 'Melissa', 'Michelle', 'Stephanie', 'Rebecca',
  'Laura', 'Hannah', 'Olivia', 'Emma', 'Ava', 'Sophia', 'Madison', 'Abigail', 'Brittany', 'Kimberly',
  'Heather', 'Tiffany', 'Danielle', 'Courtney', 'Kayla', 'Shanice', 'Keisha', 'Grace',
] as const;
const EN_GIVEN_M = [
  'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Christopher',
  'Daniel', 'Matthew', 'Anthony', 'Mark', 'Steven', 'Andrew', 'Joshua', 'Kevin', 'Brian', 'Ryan',
  'Jason', 'Justin', 'Brandon', 'Tyler', 'Ethan', 'Noah', 'Liam', 'Aaron', 'Derek', 'Travis', 'Marcus',
  'Dwayne', 'Tremaine', 'Connor', 'Owen',
] as const;
const EN_SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson',
  'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards',
  'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed',
  'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks',
  'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster', 'MacDonald',
  'Fraser', 'Thomson', 'Singh', 'Li', 'Wong', 'Chen', 'Nguyen', 'Patel', 'Kim', "O'Brien",
] as const;

const GIVEN: Record<NameStyle, Record<Gender, readonly string[]>> = {
  es: { female: ES_GIVEN_F, male: ES_GIVEN_M },
  fr: { female: FR_GIVEN_F, male: FR_GIVEN_M },
  en: { female: EN_GIVEN_F, male: EN_GIVEN_M },
};
const SURNAMES: Record<NameStyle, readonly string[]> = { es: ES_SURNAMES, fr: FR_SURNAMES, en: EN_SURNAMES };

export interface NameOptions {
  gender?: Gender;
  /** Spanish style: give two surnames (paternal, maternal), as records in Mexico do. */
  twoSurnames?: boolean;
}

export function randomName(rng: Rng, style: NameStyle, opts: NameOptions = {}): PersonName {
  const gender: Gender = opts.gender ?? (rng.chance(0.5) ? 'female' : 'male');
  const givenName = rng.pick(GIVEN[style][gender]);
  const surname = rng.pick(SURNAMES[style]);
  if (style === 'es' && (opts.twoSurnames ?? true)) {
    let secondSurname = rng.pick(SURNAMES.es);
    if (secondSurname === surname) secondSurname = rng.pick(SURNAMES.es);
    return { givenName, surname, secondSurname, gender, name: `${givenName} ${surname} ${secondSurname}` };
  }
  return { givenName, surname, gender, name: `${givenName} ${surname}` };
}

export function personName(givenName: string, surname: string, gender: Gender, secondSurname?: string): PersonName {
  return secondSurname
    ? { givenName, surname, secondSurname, gender, name: `${givenName} ${surname} ${secondSurname}` }
    : { givenName, surname, gender, name: `${givenName} ${surname}` };
}

/** Folds accents away (Núñez -> Nunez), as many foreign forms and databases do. */
export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** One plausible keying error: a swapped, dropped or doubled letter. */
export function typo(rng: Rng, s: string): string {
  if (s.length < 4) return s;
  const i = rng.int(1, s.length - 3);
  switch (rng.int(0, 2)) {
    case 0:
      return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    default:
      return s.slice(0, i) + s[i] + s.slice(i);
  }
}
