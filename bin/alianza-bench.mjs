#!/usr/bin/env node
// npm run bench <name> [args]: runs bench/<name>.ts and appends its figures to BENCHMARKS.md.
import { register } from 'tsx/esm/api';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && f !== 'harness.ts')
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench <name> [args]; available: ${available.join(', ')}`);
  process.exit(2);
}
const file = path.join(root, 'bench', `${name}.ts`);
if (!existsSync(file)) process.exit(2);
const mod = await import(pathToFileURL(file).href);
const { writeReport } = await import(pathToFileURL(path.join(root, 'bench', 'harness.ts')).href);
const report = await mod.default(args);
writeReport(name, report, path.join(root, 'BENCHMARKS.md'));
