/**
 * `alianza init` and `alianza user add` as an administrator runs them: the node folder, its
 * secrets and database, the fingerprints and the one-time password, the refusals, and a new
 * user who can then sign in through the API.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/app/passwords';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { cli, openTestNode, tempDir, type CliResult } from './cli-helpers';

let base: string;
let dir: string;
let init: CliResult;

const mode = (file: string) => statSync(file).mode & 0o777;
const passwordIn = (text: string) => /(?:Password|Mot de passe|Contraseña)[^:]*:\s*(\S+)\s*$/m.exec(text)?.[1];

beforeAll(() => {
  base = tempDir('init');
  dir = path.join(base, 'mx');
  init = cli(['init', '--data', dir, '--country', 'mx', '--name', 'México – FGR', '--admin-email', 'Admin@FGR.example.mx', '--agency-code', 'fgr']);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('alianza init', () => {
  it('creates node.json, the secrets (mode 0600) and the database', () => {
    expect(init.status, init.stderr).toBe(0);
    const node = JSON.parse(readFileSync(path.join(dir, 'node.json'), 'utf8')) as { country: string; name: string; nodeId: string; keys: { signing: { fingerprint: string } } };
    expect(node.country).toBe('MX');
    expect(node.name).toBe('México – FGR');
    expect(node.nodeId).toMatch(/^[0-9a-f-]{36}$/);
    const secrets = readdirSync(path.join(dir, 'secrets')).sort();
    expect(secrets).toEqual(['encryption.key', 'pseudonym.key', 'signing.key']);
    for (const f of secrets) expect(mode(path.join(dir, 'secrets', f))).toBe(0o600);
    expect(mode(path.join(dir, 'secrets')) & 0o077).toBe(0);
    expect(existsSync(path.join(dir, 'alianza.db'))).toBe(true);
    expect(mode(path.join(dir, 'alianza.db')) & 0o077).toBe(0);
    expect(JSON.stringify(node)).not.toMatch(/PRIVATE KEY/);
  });

  it('prints both key fingerprints, matching node.json', () => {
    const node = JSON.parse(readFileSync(path.join(dir, 'node.json'), 'utf8')) as { keys: { signing: { fingerprint: string }; encryption: { fingerprint: string } } };
    expect(init.stdout).toContain(node.keys.signing.fingerprint);
    expect(init.stdout).toContain(node.keys.encryption.fingerprint);
    expect(node.keys.signing.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });

  it('prints the administrator’s password once, and it is the stored one', async () => {
    const password = passwordIn(init.stdout);
    expect(password).toBeDefined();
    expect(init.stdout.split(password!).length - 1).toBe(1);
    expect(init.stderr).not.toContain(password!);
    const node = await openTestNode(dir);
    try {
      const admin = await node.store.users.getByEmail('admin@fgr.example.mx');
      expect(admin?.role).toBe('admin');
      expect(await verifyPassword(admin!.passwordHash, password!)).toBe(true);
      expect(admin!.passwordHash).not.toContain(password!);
      const agency = await node.store.agencies.getByCode('FGR');
      expect(agency?.country).toBe('MX');
      expect(admin!.agencyId).toBe(agency!.id);
    } finally {
      await node.store.close();
    }
  });

  it('refuses a second init in the same folder and leaves the first node intact', () => {
    const before = readFileSync(path.join(dir, 'node.json'), 'utf8');
    const r = cli(['init', '--data', dir, '--country', 'CA', '--name', 'Other']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/A node already exists in/);
    expect(r.stdout).not.toMatch(/Password/);
    expect(readFileSync(path.join(dir, 'node.json'), 'utf8')).toBe(before);
  });

  it('refuses an unknown country code in the reader’s language and creates nothing', () => {
    const target = path.join(base, 'xx');
    const fr = cli(['init', '--data', target, '--country', 'XX', '--name', 'Nulle part'], { lang: 'fr_CA.UTF-8' });
    expect(fr.status).toBe(2);
    expect(fr.stderr).toMatch(/XX n’est pas un pays/);
    expect(existsSync(target)).toBe(false);
  });
});

describe('alianza user add', () => {
  it('prints a generated password with which the user signs in', async () => {
    const r = cli(['user', 'add', '--data', dir, '--email', 'lucia.ramos@fgr.example.mx', '--role', 'investigator', '--agency', 'FGR', '--name', 'Lucía Ramos', '--locale', 'es']);
    expect(r.status, r.stderr).toBe(0);
    const password = passwordIn(r.stdout);
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

    const config = loadConfig({ ALIANZA_DATA: dir, LOG_LEVEL: 'silent' });
    const node = await openTestNode(dir);
    const app = await buildApp({ config, ctx: node.ctx });
    try {
      await app.ready();
      const ok = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'lucia.ramos@fgr.example.mx', password } });
      expect(ok.statusCode, ok.body).toBe(200);
      const body = ok.json() as { user: { email: string; role: string }; totpEnrolmentRequired: boolean };
      expect(body.user.email).toBe('lucia.ramos@fgr.example.mx');
      expect(body.user.role).toBe('investigator');
      expect(body.totpEnrolmentRequired).toBe(true);
      const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'lucia.ramos@fgr.example.mx', password: `${password}x` } });
      expect(wrong.statusCode).toBe(401);
    } finally {
      await app.close();
      await node.store.close();
    }
  });

  it('refuses an unknown agency in the reader’s language, printing no password', () => {
    const r = cli(['user', 'add', '--data', dir, '--email', 'x@fgr.example.mx', '--role', 'analyst', '--agency', 'NOPE', '--lang', 'es']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/No hay ninguna agencia con el código NOPE/);
    expect(r.stdout).not.toMatch(/Contraseña/);
  });
});
