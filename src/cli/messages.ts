/** Localised messages for the command line: the language comes from --lang, ALIANZA_LANG or LANG. */
import { localise, type Catalogue, type ErrorParams } from '../domain/errors';
import type { Locale } from '../domain/model';
import { ALL_CATALOGUES } from '../server/catalogues';
import { cliCatalogue } from './cli-catalogue';
import { helpCatalogue } from './help-catalogue';
import { importCatalogue } from './import-catalogue';
import { peerCatalogue } from './peer-catalogue';
import { federationAppErrors } from '../app/federation-errors';
import { crossBorderErrors } from '../app/cross-border-errors';
import { pprlSecretCatalogue } from './pprl-secret-catalogue';

const catalogues: Catalogue[] = [cliCatalogue, importCatalogue, helpCatalogue, peerCatalogue, federationAppErrors, crossBorderErrors, pprlSecretCatalogue, ...ALL_CATALOGUES];

export function addCliCatalogue(c: Catalogue): void {
  if (!catalogues.includes(c)) catalogues.push(c);
}

export function cliLocale(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Locale {
  const flag = argv.indexOf('--lang');
  const joined = argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  const raw = (flag > 0 ? argv[flag + 1] : undefined) || joined || env.ALIANZA_LANG || env.LANG || 'en';
  const two = raw.slice(0, 2).toLowerCase();
  return two === 'fr' || two === 'es' ? two : 'en';
}

/** Every catalogue the command line consults (for tests that check all three languages). */
export function cliCatalogues(): readonly Catalogue[] {
  return catalogues;
}

export function cliMessage(code: string, locale: Locale, params?: ErrorParams): string {
  return localise(catalogues, code, locale, params);
}
