import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localise } from './errors';
import { domainCatalogue } from './errors-catalogue';
import { LOCALES } from './model';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : [];
  });
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('domain error catalogue', () => {
  it('has a message for every code the domain emits', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const codes = new Set<string>();
    for (const file of sources(dir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'((?:VALUE|ENTITY|CASE|POLICY)_[A-Z_]+)'/g)) codes.add(m[1] as string);
    }
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter((c) => !domainCatalogue[c]);
    expect(missing).toEqual([]);
  });

  it('says everything in three languages, with the same placeholders', () => {
    for (const [code, messages] of Object.entries(domainCatalogue)) {
      expect(code).toMatch(/^(VALUE|ENTITY|CASE|POLICY)_[A-Z_]+$/);
      for (const l of LOCALES) expect(messages[l]?.trim().length, `${code}.${l}`).toBeGreaterThan(5);
      expect(placeholders(messages.fr), code).toEqual(placeholders(messages.en));
      expect(placeholders(messages.es), code).toEqual(placeholders(messages.en));
      expect(messages.fr, code).not.toBe(messages.en);
      expect(messages.es, code).not.toBe(messages.en);
    }
  });

  it('fills parameters', () => {
    expect(localise([domainCatalogue], 'VALUE_TOO_LONG', 'es', { max: 300 })).toBe('Demasiado largo: 300 caracteres como máximo.');
    expect(localise([domainCatalogue], 'VALUE_UNKNOWN_CURRENCY', 'fr', { currency: 'ABC' })).toBe('Devise inconnue « ABC ». Utilisez un code ISO comme MXN, CAD ou USD.');
  });
});
