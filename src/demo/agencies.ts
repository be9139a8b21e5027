/**
 * Demo agencies and accounts of each node. Every agency name says "(demo)" / "(démo)": they
 * are fictional stand-ins, not the real institutions. One account per role per node
 * (`{role}@{mx|ca|us}.demo`) plus `investigator2@…`, an investigator of a second agency of
 * the same node, for access tests.
 */
import type { Agency, Locale, Role, User } from '../domain/model';
import { ROLES } from '../domain/model';
import type { DemoCountry } from './places';
import { randomName, type NameStyle } from './names';
import { Rng } from './rng';
import { isoAt } from './clock';

export const DEMO_PASSWORD_DEFAULT = 'alianza-demo';
export const DEFAULT_SEED = 2026;
export const DEMO_COUNTRIES: readonly DemoCountry[] = ['MX', 'CA', 'US'];

/** What the scenario hands the loader: a user without secrets (the loader hashes the password). */
export type DemoUser = Omit<User, 'passwordHash' | 'totpSecret'>;

export type AgencyKey = 'police' | 'police2' | 'labour' | 'victims' | 'prosecution' | 'liaison';
export const AGENCY_KEYS: readonly AgencyKey[] = ['police', 'police2', 'labour', 'victims', 'prosecution', 'liaison'];

const AGENCY_NAMES: Record<DemoCountry, Record<AgencyKey, [code: string, name: string]>> = {
  MX: {
    police: ['MX-FET', 'Fiscalía Especializada en Trata de Personas (demo)'],
    police2: ['MX-PIE', 'Policía de Investigación Estatal – Unidad Antitrata (demo)'],
    labour: ['MX-IFT', 'Inspección Federal del Trabajo (demo)'],
    victims: ['MX-DIF', 'DIF Atención a Víctimas (demo)'],
    prosecution: ['MX-MPL', 'Ministerio Público – Litigación en Trata (demo)'],
    liaison: ['MX-ENT', 'Enlace Nacional del Grupo Trilateral (demo)'],
  },
  CA: {
    police: ['CA-FPTU', 'Federal Police Trafficking Unit (demo) / Police fédérale – unité traite (démo)'],
    police2: ['CA-PPHT', 'Provincial Police Human Trafficking Team (demo) / Police provinciale – équipe traite (démo)'],
    labour: ['CA-LSI', 'Labour Standards Inspectorate (demo) / Inspection des normes du travail (démo)'],
    victims: ['CA-VS', 'Victim Services (demo) / Services aux victimes (démo)'],
    prosecution: ['CA-PPS', 'Public Prosecution Service (demo) / Service des poursuites (démo)'],
    liaison: ['CA-NLO', 'National Liaison Office (demo) / Bureau de liaison national (démo)'],
  },
  US: {
    police: ['US-FTTF', 'Federal Human Trafficking Task Force (demo)'],
    police2: ['US-SBI', 'State Bureau of Investigation – Trafficking Unit (demo)'],
    labour: ['US-WHI', 'Wage and Hour Inspection Office (demo)'],
    victims: ['US-VAO', 'Victim Assistance Office (demo)'],
    prosecution: ['US-FPU', "Federal Prosecutors' Trafficking Unit (demo)"],
    liaison: ['US-NLO', 'National Liaison Office (demo)'],
  },
};

/** Account keys: the eight roles, plus the second investigator. */
export type AccountKey = Role | 'investigator2';
export const ACCOUNT_KEYS: readonly AccountKey[] = [...ROLES, 'investigator2'];

const ACCOUNT_AGENCY: Record<AccountKey, AgencyKey> = {
  admin: 'liaison',
  liaison: 'liaison',
  investigator: 'police',
  analyst: 'police',
  inspector: 'labour',
  caseworker: 'victims',
  prosecutor: 'prosecution',
  auditor: 'liaison',
  investigator2: 'police2',
};

const roleOf = (key: AccountKey): Role => (key === 'investigator2' ? 'investigator' : key);

/** MX accounts work in Spanish, US in English; Canada alternates French and English (liaison in French). */
export function accountLocale(country: DemoCountry, key: AccountKey): Locale {
  if (country === 'MX') return 'es';
  if (country === 'US') return 'en';
  return ACCOUNT_KEYS.indexOf(key) % 2 === 1 ? 'fr' : 'en';
}

export const demoEmail = (country: DemoCountry, key: AccountKey): string => `${key}@${country.toLowerCase()}.demo`;

export interface NodeDirectory {
  agencies: Record<AgencyKey, Agency>;
  users: Record<AccountKey, DemoUser>;
}

/** Agencies and accounts of a node; depends on the seed and country only, never on the scale. */
export function nodeDirectory(country: DemoCountry, seed: number): NodeDirectory {
  const rng = Rng.stream(seed, country, 'directory');
  const createdAt = isoAt(0, 8 * 60);
  const agencies = {} as Record<AgencyKey, Agency>;
  for (const key of AGENCY_KEYS) {
    const [code, name] = AGENCY_NAMES[country][key];
    agencies[key] = { id: rng.uuid(), code, name, country, createdAt };
  }
  const users = {} as Record<AccountKey, DemoUser>;
  for (const key of ACCOUNT_KEYS) {
    const locale = accountLocale(country, key);
    const style: NameStyle = country === 'MX' ? 'es' : country === 'CA' ? (locale === 'fr' ? 'fr' : 'en') : rng.chance(0.3) ? 'es' : 'en';
    const name = randomName(rng, style, { twoSurnames: country === 'MX' });
    users[key] = {
      id: rng.uuid(),
      agencyId: agencies[ACCOUNT_AGENCY[key]].id,
      email: demoEmail(country, key),
      displayName: name.name,
      role: roleOf(key),
      locale,
      totpEnabled: false,
      failedLogins: 0,
      lockedUntil: null,
      disabled: false,
      createdAt,
    };
  }
  return { agencies, users };
}

export interface DemoAccount {
  country: DemoCountry;
  email: string;
  role: Role;
  displayName: string;
  agencyCode: string;
  locale: Locale;
}

/** The demo accounts of the given nodes, for printing at start-up. */
export function listDemoAccounts(seed = DEFAULT_SEED, countries: readonly DemoCountry[] = DEMO_COUNTRIES): DemoAccount[] {
  return countries.flatMap((country) => {
    const dir = nodeDirectory(country, seed);
    return ACCOUNT_KEYS.map((key) => {
      const u = dir.users[key];
      const agency = Object.values(dir.agencies).find((a) => a.id === u.agencyId) as Agency;
      return { country, email: u.email, role: u.role, displayName: u.displayName, agencyCode: agency.code, locale: u.locale };
    });
  });
}

/** A plain-text table of the accounts; the password line names where the password comes from. */
export function formatDemoAccounts(accounts: readonly DemoAccount[], passwordNote = `password: $ALIANZA_DEMO_PASSWORD (default "${DEMO_PASSWORD_DEFAULT}")`): string {
  const w = Math.max(...accounts.map((a) => a.email.length));
  const lines = accounts.map((a) => `  ${a.email.padEnd(w)}  ${a.role.padEnd(12)} ${a.locale}  ${a.agencyCode.padEnd(8)} ${a.displayName}`);
  return ['Demo accounts (' + passwordNote + '):', ...lines].join('\n');
}
