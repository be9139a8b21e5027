#!/usr/bin/env node
// `npm test`: the whole suite — type check, lint, web build, then every vitest suite (unit,
// store contract on SQLite and PostgreSQL, API, end-to-end in Chromium). Ends with one line
// `N passed, N failed, N skipped`. Pass file filters to run only some test files.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
const t0 = Date.now();
console.log('\n▶ tests');

// A vitest worker now and then stops dead while starting a test file (its event loop blocked,
// no CPU used): vitest then waits for ever. A watchdog stops a run that has printed nothing for
// ALIANZA_TEST_STALL_SECONDS (default 360; the slowest file takes about three minutes), keeps
// the results of the files that had finished, and runs the unfinished files again, at most
// twice more. A file that stalls three times counts as failed.
const STALL_MS = Number(process.env.ALIANZA_TEST_STALL_SECONDS ?? 360) * 1000;
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const FILE_LINE = /^\s*[✓❯×↓]\s+(\S+\.test\.tsx?)\s+\((\d+) tests?([^)]*)\)/;

function runVitest(files, report) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...files], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const finished = new Map(); // file -> { passed, failed, skipped }
    let last = Date.now();
    let stalled = false;
    let pending = '';
    const onData = (out) => (chunk) => {
      out.write(chunk);
      last = Date.now();
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = FILE_LINE.exec(line.replace(ANSI, ''));
        if (!m) continue;
        const total = Number(m[2]);
        const failedN = Number(/(\d+) failed/.exec(m[3])?.[1] ?? 0);
        const skippedN = Number(/(\d+) skipped/.exec(m[3])?.[1] ?? 0);
        finished.set(m[1], { passed: total - failedN - skippedN, failed: failedN, skipped: skippedN });
      }
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    const watchdog = setInterval(() => {
      if (Date.now() - last < STALL_MS) return;
      stalled = true;
      clearInterval(watchdog);
      console.log(`\n⚠ tests printed nothing for ${Math.round(STALL_MS / 1000)} s: stopping this run`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, 5000);
    child.on('close', (status) => {
      clearInterval(watchdog);
      resolve({ status, stalled, finished });
    });
  });
}

/** The test files vitest would run (its include patterns), narrowed by the command line's filters. */
function testFiles() {
  const all = [];
  for (const dir of ['src', 'test', 'web/src']) {
    for (const f of readdirSync(path.join(root, dir), { recursive: true })) {
      const rel = `${dir}/${String(f).split(path.sep).join('/')}`;
      if (/\.test\.tsx?$/.test(rel) && !rel.includes('node_modules/')) all.push(rel);
    }
  }
  return filters.length ? all.filter((f) => filters.some((x) => f.includes(x))) : all;
}

function addReport(report) {
  if (!existsSync(report)) return false;
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
  return true;
}

const report = path.join(outDir, 'vitest-report.json');
rmSync(report, { force: true });
let r = await runVitest(filters, report);
if (r.stalled) {
  // keep what the files that finished reported, run the others again (at most twice more)
  const keep = (finished) => {
    for (const [file, c] of finished) {
      passed += c.passed;
      failed += c.failed;
      skipped += c.skipped;
      if (c.failed) failures.push(`${file} › ${c.failed} failed (see the output above)`);
    }
  };
  keep(r.finished);
  let rest = testFiles().filter((f) => !r.finished.has(f));
  for (let attempt = 2; attempt <= 3 && r.stalled; attempt++) {
    console.log(`\n▶ tests, attempt ${attempt} for the ${rest.length} file(s) that had not finished: ${rest.join(' ')}`);
    const retryReport = path.join(outDir, `vitest-report-${attempt}.json`);
    rmSync(retryReport, { force: true });
    r = rest.length ? await runVitest(rest, retryReport) : { status: 0, stalled: false, finished: new Map() };
    if (r.stalled) {
      keep(r.finished);
      rest = rest.filter((f) => !r.finished.has(f));
    } else if (rest.length && !addReport(retryReport)) {
      failed++;
      failures.push('vitest produced no report');
    }
  }
  if (r.stalled) {
    failed++;
    failures.push(`stalled three times: ${rest.join(', ')}`);
  }
} else if (!addReport(report)) {
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
