/**
 * `alianza pprl secret generate | set | show`: a secret from a file or standard input (never
 * the command line), rotation, and refusals that write nothing and print a clear message in
 * the chosen language. The secret itself is never printed back.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pprlCatalogue } from '../../src/linkage/pprl/errors';
import { secretFingerprint } from '../../src/linkage/pprl/cross-border-encoding';
import { crossBorderErrors } from '../../src/app/cross-border-errors';
import { pprlSecretCatalogue } from '../../src/cli/pprl-secret-catalogue';
import { LOCALES } from '../../src/domain/model';
import { cli, cliEnv, makeNode, openTestNode, tempDir, type CliResult } from './cli-helpers';

const BIN = path.resolve('bin/alianza.mjs');
let base: string;
let dir: string;

function withStdin(args: string[], input: string, lang = 'en_US.UTF-8'): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: cliEnv(lang), input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function versions(): Promise<{ version: number; fingerprint: string; retiredAt: string | null }[]> {
  const node = await openTestNode(dir);
  try {
    return (await node.store.crossBorder!.listSecrets()).map(({ version, fingerprint, retiredAt }) => ({ version, fingerprint, retiredAt }));
  } finally {
    await node.store.close();
  }
}

beforeAll(async () => {
  base = tempDir('secret');
  dir = path.join(base, 'mx');
  const node = await makeNode(dir);
  await node.store.close();
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('texts of cross-border matching', () => {
  it('every text in en, fr and es, with the same placeholders', () => {
    for (const [code, texts] of Object.entries({ ...crossBorderErrors, ...pprlSecretCatalogue } as Record<string, Record<string, string>>)) {
      for (const l of LOCALES) expect(texts[l]?.trim(), `${code}.${l}`).toBeTruthy();
      expect(placeholders(texts.fr!), `${code}.fr`).toEqual(placeholders(texts.en!));
      expect(placeholders(texts.es!), `${code}.es`).toEqual(placeholders(texts.en!));
    }
  });
});

describe('alianza pprl secret', () => {
  let first: string;

  it('show: no secret yet', () => {
    const r = cli(['pprl', 'secret', 'show', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('No linkage secret');
  });

  it('generate: a fresh random 32-byte secret in base64 each time', () => {
    const a = cli(['pprl', 'secret', 'generate']);
    const b = cli(['pprl', 'secret', 'generate']);
    expect(a.status, a.stderr).toBe(0);
    first = a.stdout.trim();
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(first).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(b.stdout.trim()).not.toBe(first);
  });

  it('set --file: the secret becomes version 1; its fingerprint is printed, the secret never', async () => {
    const file = path.join(base, 'secret.txt');
    writeFileSync(file, first + '\n', { mode: 0o600 });
    const r = cli(['pprl', 'secret', 'set', '--file', file, '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    const fingerprint = secretFingerprint(Buffer.from(first, 'base64'));
    expect(r.stdout).toContain(fingerprint);
    expect(r.stdout + r.stderr).not.toContain(first);
    expect(await versions()).toEqual([{ version: 1, fingerprint, retiredAt: null }]);
    const show = cli(['pprl', 'secret', 'show', '--data', dir]);
    expect(show.stdout).toContain(fingerprint);
    expect(show.stdout).not.toContain(first);
  });

  it('set from standard input: version 2, version 1 retired', async () => {
    const next = cli(['pprl', 'secret', 'generate']).stdout.trim();
    const r = withStdin(['pprl', 'secret', 'set', '--data', dir], next + '\n');
    expect(r.status, r.stderr).toBe(0);
    const v = await versions();
    expect(v.map((x) => [x.version, x.retiredAt === null])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(v[0]!.fingerprint).toBe(secretFingerprint(Buffer.from(next, 'base64')));
    const show = cli(['pprl', 'secret', 'show', '--data', dir]);
    expect(show.stdout).toContain(v[1]!.fingerprint);
  });

  it('refuses a secret that is too short, or not base64, with a clear message; nothing is written', async () => {
    const before = await versions();
    const short = withStdin(['pprl', 'secret', 'set', '--data', dir], Buffer.alloc(16, 7).toString('base64'));
    expect(short.status).toBe(2);
    expect(short.stderr).toContain(pprlCatalogue.PPRL_SECRET_TOO_SHORT!.en.replace('{found}', '16').replace('{min}', '32'));
    const shortFr = withStdin(['pprl', 'secret', 'set', '--data', dir], Buffer.from('0123456789abcdef').toString('base64'), 'fr_CA.UTF-8');
    expect(shortFr.status).toBe(2);
    expect(shortFr.stderr).toContain(pprlCatalogue.PPRL_SECRET_TOO_SHORT!.fr.replace('{found}', '16').replace('{min}', '32'));
    const notBase64 = withStdin(['pprl', 'secret', 'set', '--data', dir], 'correct horse battery staple, mais en français !', 'es_MX.UTF-8');
    expect(notBase64.status).toBe(2);
    expect(notBase64.stderr).toContain(crossBorderErrors.CROSSBORDER_SECRET_NOT_BASE64.es);
    const empty = withStdin(['pprl', 'secret', 'set', '--data', dir], '\n');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain(pprlCatalogue.PPRL_SECRET_EMPTY!.en);
    const missing = cli(['pprl', 'secret', 'set', '--file', path.join(base, 'nope.txt'), '--data', dir]);
    expect(missing.status).toBe(2);
    expect(await versions()).toEqual(before);
  });

  it('audits each change with the fingerprint only', async () => {
    const node = await openTestNode(dir);
    try {
      const entries = (await node.store.audit.list({ action: 'crossborder.secret.set' })).items;
      expect(entries).toHaveLength(2);
      expect(entries[0]!.detail).toMatchObject({ version: 2, by: 'cli' });
      expect(JSON.stringify(entries)).not.toContain(first);
    } finally {
      await node.store.close();
    }
  });
});
