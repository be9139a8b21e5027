#!/usr/bin/env node
// `npm start`: builds the web app when it is missing or older than its sources, then runs the three-node demo.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = path.join(root, 'web', 'dist', 'index.html');
const stale = !existsSync(built) || newest(path.join(root, 'web', 'src')) > statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web app…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const args = ['demo', ...process.argv.slice(2)];
const r = spawnSync(process.execPath, [path.join(root, 'bin', 'alianza.mjs'), ...args], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 0);
