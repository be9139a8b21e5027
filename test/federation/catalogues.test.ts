/** The texts of the federation services and commands: every one in English, French and Spanish, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/domain/model';
import { federationAppErrors } from '../../src/app/federation-errors';
import { peerCatalogue } from '../../src/cli/peer-catalogue';
import { cliMessage } from '../../src/cli/messages';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('federation catalogues', () => {
  for (const [name, catalogue] of Object.entries({ federationAppErrors, peerCatalogue })) {
    it(`${name}: en, fr, es with the same placeholders, reachable from the command line`, () => {
      for (const [code, texts] of Object.entries(catalogue as Record<string, Record<string, string>>)) {
        for (const l of LOCALES) {
          expect(texts[l]?.trim(), `${code}.${l}`).toBeTruthy();
          expect(cliMessage(code, l)).not.toBe(code);
        }
        expect(placeholders(texts.fr!), `${code}.fr`).toEqual(placeholders(texts.en!));
        expect(placeholders(texts.es!), `${code}.es`).toEqual(placeholders(texts.en!));
      }
    });
  }
});
