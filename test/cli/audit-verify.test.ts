/**
 * `alianza audit verify` on a demo node: intact, then broken after one row is edited
 * directly in the database file (as an attacker with file access would, triggers dropped).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDemo } from '../../src/cli/demo-command';
import { openStore } from '../../src/store/open-store';

let base: string;
let dir: string;
const cli = (...args: string[]) => spawnSync(process.execPath, [path.resolve('bin/alianza.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'alianza-audit-'));
  await prepareDemo({ baseDir: base, scale: 0.05, seed: 2026, reset: false, countries: ['MX'], quiet: true });
  dir = path.join(base, 'mx');
  // some activity after the seeding: five sign-ins
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'alianza.db') });
  for (let i = 0; i < 5; i++) {
    await store.audit.append({ at: new Date().toISOString(), actorId: null, actorLabel: 'investigator@mx.demo', action: 'auth.login', targetType: 'user', targetId: null, caseId: null, detail: { i } });
  }
  await store.close();
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function tamper(sqlStatements: string[]) {
  const db = new Database(path.join(dir, 'alianza.db'));
  db.exec('drop trigger if exists audit_log_no_update; drop trigger if exists audit_log_no_delete;');
  for (const s of sqlStatements) db.exec(s);
  db.close();
}

describe('alianza audit verify', () => {
  it('passes on a freshly seeded demo node', () => {
    const r = cli('audit', 'verify', '--data', dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Audit log intact: 6 entries/);
  });

  it('the database refuses to edit an audit row while the triggers are in place', () => {
    const db = new Database(path.join(dir, 'alianza.db'));
    expect(() => db.exec(`update audit_log set action = 'x' where seq = 1`)).toThrow();
    db.close();
  });

  it('names the altered entry after one row is changed in the file', () => {
    tamper([`update audit_log set detail = '{"forged":true}' where seq = 3`]);
    const r = cli('audit', 'verify', '--data', dir);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/BROKEN at entry #3 \(altered\)/);
  });

  it('speaks French when asked', () => {
    const r = spawnSync(process.execPath, [path.resolve('bin/alianza.mjs'), 'audit', 'verify', '--data', dir], { encoding: 'utf8', env: { ...process.env, LANG: 'fr_CA.UTF-8' } });
    expect(r.stderr).toMatch(/CORROMPU à l’entrée no 3/);
  });
});
void execFileSync;
