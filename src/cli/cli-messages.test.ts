/**
 * Every message the command line prints exists in English, French and Spanish with the same
 * placeholders, and every code the command-line files raise or print is in a catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/model';
import { cliCatalogue } from './cli-catalogue';
import { helpCatalogue } from './help-catalogue';
import { importCatalogue } from './import-catalogue';
import { cliMessage } from './messages';
import { localiseCommanderError } from './program-locale';
import { COMMAND_GROUPS, requestedCommand } from './optional-commands';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('command-line catalogues', () => {
  for (const [name, catalogue] of Object.entries({ cliCatalogue, helpCatalogue, importCatalogue })) {
    it(`${name}: every text in en, fr and es, with the same placeholders`, () => {
      for (const [code, texts] of Object.entries(catalogue)) {
        for (const l of LOCALES) expect(texts[l]?.trim(), `${code}.${l}`).toBeTruthy();
        expect(placeholders(texts.fr!), `${code}.fr`).toEqual(placeholders(texts.en!));
        expect(placeholders(texts.es!), `${code}.es`).toEqual(placeholders(texts.en!));
      }
    });
  }

  it('knows every code the command-line files and the import use', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const files = [
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['link-command.ts', 'pprl-command.ts', 'demo-command.ts', 'audit-command.ts'].includes(f))
        .map((f) => path.join(dir, f)),
      path.join(dir, '..', 'app', 'import-records.ts'),
    ];
    const codes = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:AlianzaError\(|code: |cliMessage\(|summary: |say\(|t\()'([A-Z][A-Z0-9_.]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(40);
    for (const code of codes) for (const l of LOCALES) expect(cliMessage(code, l), `${code} (${l})`).not.toBe(code);
  });

  it('every optional group has a summary in the catalogue', () => {
    for (const g of COMMAND_GROUPS) expect(helpCatalogue[g.summary], g.name).toBeDefined();
  });
});

describe('commander’s messages', () => {
  it('are put into the reader’s language, with the suggestion', () => {
    expect(localiseCommanderError("error: required option '--country <CC>' not specified\n", 'fr')).toBe('alianza: l’option --country <CC> est obligatoire.\n');
    expect(localiseCommanderError("error: unknown command 'inti'\n(Did you mean init?)\n", 'es')).toBe('alianza: comando desconocido: inti. ¿Quiso decir init?\n');
    expect(localiseCommanderError("error: unknown option '--forse'\n(Did you mean --force?)", 'en')).toBe('alianza: unknown option --forse. Did you mean --force?\n');
    expect(localiseCommanderError("error: too many arguments for 'export'. Expected 0 arguments but got 1.", 'fr')).toBe('alianza: trop d’arguments pour export.\n');
  });

  it('leave a message they do not know as it is, under the command’s name', () => {
    expect(localiseCommanderError("error: option '--x' argument 'y' is invalid.", 'fr')).toBe("alianza: option '--x' argument 'y' is invalid.");
  });
});

describe('requestedCommand', () => {
  it('finds the command past program options, and the one help is asked about', () => {
    expect(requestedCommand(['node', 'alianza', 'link', 'join'])).toBe('link');
    expect(requestedCommand(['node', 'alianza', '--lang', 'fr', 'pprl', '--help'])).toBe('pprl');
    expect(requestedCommand(['node', 'alianza', 'help', 'demo'])).toBe('demo');
    expect(requestedCommand(['node', 'alianza', '--help'])).toBeUndefined();
    expect(requestedCommand(['node', 'alianza'])).toBeUndefined();
  });
});
