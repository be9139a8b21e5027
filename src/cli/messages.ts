/** Localised messages for the command line: the language comes from --lang, ALIANZA_LANG or LANG. */
import { localise, type Catalogue, type ErrorParams } from '../domain/errors';
import type { Locale } from '../domain/model';
import { ALL_CATALOGUES } from '../server/catalogues';
import { cliCatalogue } from './cli-catalogue';

const catalogues: Catalogue[] = [cliCatalogue, ...ALL_CATALOGUES];

export function addCliCatalogue(c: Catalogue): void {
  if (!catalogues.includes(c)) catalogues.push(c);
}

export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const flag = process.argv.indexOf('--lang');
  const raw = (flag > 0 ? process.argv[flag + 1] : undefined) ?? env.ALIANZA_LANG ?? env.LANG ?? 'en';
  const two = raw.slice(0, 2).toLowerCase();
  return two === 'fr' || two === 'es' ? two : 'en';
}

export function cliMessage(code: string, locale: Locale, params?: ErrorParams): string {
  return localise(catalogues, code, locale, params);
}
