/**
 * The three language files say the same things: the same keys (plural keys carry the forms
 * each language's CLDR rules need), no empty text, the same placeholders, and every key the
 * code asks for with a literal string exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import * as lists from './lists';

type Tree = { [key: string]: string | Tree };
const FILES: Record<string, Tree> = { en, fr, es };
const PLURAL = /_(zero|one|two|few|many|other)$/;

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
};

const flat = Object.fromEntries(Object.entries(FILES).map(([lang, tree]) => [lang, flatten(tree)])) as Record<string, Map<string, string>>;
const baseKeys = (keys: Iterable<string>): Set<string> => new Set([...keys].map((k) => k.replace(PLURAL, '')));
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('locale files', () => {
  const langs = Object.keys(FILES);
  const reference = flat.en!;

  it.each(langs)('%s has exactly the keys of English (plural forms aside)', (lang) => {
    const mine = baseKeys(flat[lang]!.keys());
    const theirs = baseKeys(reference.keys());
    expect([...mine].filter((k) => !theirs.has(k))).toEqual([]);
    expect([...theirs].filter((k) => !mine.has(k))).toEqual([]);
  });

  it.each(langs)('%s has no empty text', (lang) => {
    const empty = [...flat[lang]!].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(langs)('%s gives every plural key exactly the forms its plural rules use', (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
    const forms = new Map<string, string[]>();
    for (const key of flat[lang]!.keys()) {
      const match = PLURAL.exec(key);
      if (!match) continue;
      const base = key.replace(PLURAL, '');
      forms.set(base, [...(forms.get(base) ?? []), match[1]!]);
    }
    expect(forms.size).toBeGreaterThan(0);
    for (const [base, found] of forms) expect([base, found.slice().sort()]).toEqual([base, categories]);
  });

  it.each(langs.filter((l) => l !== 'en'))('%s uses the same placeholders as English', (lang) => {
    const mismatches: string[] = [];
    const byBase = (map: Map<string, string>) => {
      const out = new Map<string, Set<string>>();
      for (const [k, v] of map) {
        const base = k.replace(PLURAL, '');
        const set = out.get(base) ?? new Set<string>();
        for (const p of placeholders(v)) set.add(p);
        out.set(base, set);
      }
      return out;
    };
    const mine = byBase(flat[lang]!);
    for (const [base, expected] of byBase(reference)) {
      const got = mine.get(base) ?? new Set();
      if ([...expected].sort().join() !== [...got].sort().join()) mismatches.push(base);
    }
    expect(mismatches).toEqual([]);
  });

  it('has every key the code asks for by name', () => {
    const root = path.dirname(new URL(import.meta.url).pathname);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(full);
      }
    };
    walk(root);
    const known = baseKeys(reference.keys());
    const missing = new Set<string>();
    let seen = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
        seen += 1;
        if (!known.has(match[1]!)) missing.add(`${path.basename(file)}: ${match[1]}`);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect([...missing]).toEqual([]);
  });

  it('labels every value of every closed vocabulary the forms offer', () => {
    const groups: [string, readonly string[]][] = [
      ['caseStatus', lists.CASE_STATUSES],
      ['caseType', lists.CASE_TYPES],
      ['tlp.meaning', lists.TLP_LEVELS],
      ['subjectRole', lists.SUBJECT_ROLES],
      ['role', lists.ROLES],
      ['capacity', lists.MEMBER_CAPACITIES],
      ['outcomeStage', lists.OUTCOME_STAGES],
      ['purpose', lists.HANDLING_PURPOSES],
      ['indicators.fallback', lists.INDICATORS],
      ['palermo.element', [...lists.PALERMO_ACTS, ...lists.PALERMO_MEANS, ...lists.PALERMO_PURPOSES]],
    ];
    const missing: string[] = [];
    for (const [group, values] of groups) for (const value of values) if (!reference.has(`${group}.${value}`)) missing.push(`${group}.${value}`);
    expect(missing).toEqual([]);
  });
});
