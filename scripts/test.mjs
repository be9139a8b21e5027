#!/usr/bin/env node
// `npm test`: the whole suite — type check, lint, web build, then every vitest suite (unit,
// store contract on SQLite and PostgreSQL, API, end-to-end in Chromium). Ends with one line
// `N passed, N failed, N skipped`. Pass file filters to run only some test files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function step(name, args) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return ok;
}

if (!filters.length) {
  step('typecheck', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
  step('lint', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']);
}
step('web build', [bin('vite', 'bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);

const outDir = path.join(root, '.tmp');
mkdirSync(outDir, { recursive: true });
const report = path.join(outDir, 'vitest-report.json');
rmSync(report, { force: true });
const t0 = Date.now();
console.log('\n▶ tests');
const r = spawnSync(process.execPath, [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...filters], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed')) {
      failed++;
      failures.push(`${path.relative(root, file.name)} (failed to run: ${(file.message ?? '').split('\n')[0]})`);
    }
    for (const a of file.assertionResults ?? []) if (a.status === 'failed') failures.push(`${path.relative(root, file.name)} › ${a.fullName}`);
  }
} else {
  failed++;
  failures.push('vitest produced no report');
}
if (r.status !== 0 && failures.length === 0) {
  failed++;
  failures.push(`vitest exited with ${r.status}`);
}
console.log(`tests took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures.slice(0, 100)) console.log(`  - ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
