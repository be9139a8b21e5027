import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pprlCatalogue } from './errors';

const sources = [
  ...readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => new URL(`./${f}`, import.meta.url)),
  new URL('../../cli/pprl-command.ts', import.meta.url),
];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('PPRL messages', () => {
  it('has English, French and Spanish text with the same placeholders for every code', () => {
    for (const [code, m] of Object.entries(pprlCatalogue)) {
      expect(code).toMatch(/^PPRL_[A-Z0-9_]+$/);
      for (const lang of ['en', 'fr', 'es'] as const) expect(m[lang].trim(), `${code}.${lang}`).not.toBe('');
      expect(placeholders(m.fr), code).toEqual(placeholders(m.en));
      expect(placeholders(m.es), code).toEqual(placeholders(m.en));
    }
  });

  it('has a text for every code the module and its command can raise', () => {
    const used = new Set(sources.flatMap((u) => [...readFileSync(u, 'utf8').matchAll(/'(PPRL_[A-Z0-9_]+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(20);
    for (const code of used) expect(pprlCatalogue[code], code).toBeDefined();
  });
});
