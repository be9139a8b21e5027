import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/model';
import { localise } from '../domain/errors';
import { federationErrors, RETRYABLE_CODES } from './errors';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('federation error catalogue', () => {
  it('has a message in English, French and Spanish for every code, with the same placeholders', () => {
    for (const [code, messages] of Object.entries(federationErrors)) {
      expect(code).toMatch(/^FED_[A-Z_]+$/);
      for (const locale of LOCALES) {
        expect(messages[locale].trim().length, `${code} ${locale}`).toBeGreaterThan(0);
        expect(placeholders(messages[locale]), `${code} ${locale}`).toEqual(placeholders(messages.en));
      }
      expect(messages.fr).not.toBe(messages.en);
      expect(messages.es).not.toBe(messages.en);
    }
  });

  it('localises with parameters', () => {
    expect(localise([federationErrors], 'FED_UNKNOWN_PEER', 'fr', { node: 'gt' })).toBe("Le nœud gt n'est pas un pair connu de ce nœud.");
  });

  it('knows every code the protocol documents and every code the code uses', () => {
    const docs = readdirSync('docs/protocol').map((f) => readFileSync(`docs/protocol/${f}`, 'utf8')).join('\n');
    const sources = readdirSync('src/federation')
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(`src/federation/${f}`, 'utf8'))
      .join('\n');
    const used = new Set([...`${docs}\n${sources}`.matchAll(/\bFED_[A-Z_]+[A-Z]\b/g)].map((m) => m[0]));
    for (const code of used) expect(Object.keys(federationErrors), code).toContain(code);
    for (const code of RETRYABLE_CODES) expect(Object.keys(federationErrors)).toContain(code);
  });
});
