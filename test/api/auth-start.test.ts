/**
 * Starting a node: outside demo mode a node created by the demo, one whose administrator
 * still has a demo password, or one without Secure cookies refuses to start (with a message in three languages); in demo
 * mode the demo node starts; a production node with real passwords starts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/app/passwords';
import { addAgency, addUser } from '../../src/app/user-service';
import { prepareDemo } from '../../src/cli/demo-command';
import { cliMessage } from '../../src/cli/messages';
import { AlianzaError } from '../../src/domain/errors';
import { DEFAULT_DEMO_PASSWORD, loadConfig } from '../../src/server/config';
import { initNodeFiles } from '../../src/server/node-files';
import { openNode } from '../../src/server/open-node';
import { startNode } from '../../src/server/start';

const base = mkdtempSync(path.join(os.tmpdir(), 'alianza-start-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const env = (dir: string, demo: boolean, extra: Record<string, string> = {}) =>
  loadConfig({ ALIANZA_DATA: dir, ALIANZA_DEMO: String(demo), LOG_LEVEL: 'silent', ALIANZA_HOST: '127.0.0.1', ALIANZA_PORT: '0', ...extra });

async function refusal(promise: Promise<unknown>): Promise<AlianzaError> {
  try {
    const started = (await promise) as { stop(): Promise<void> };
    await started.stop();
  } catch (e) {
    if (e instanceof AlianzaError) return e;
    throw e;
  }
  throw new Error('the node started');
}

/** A production node with one agency and an administrator holding `password`. */
async function productionNode(name: string, password: string): Promise<string> {
  const dir = path.join(base, name);
  const config = env(dir, false);
  initNodeFiles(dir, { country: 'US', name: 'United States – test' });
  const node = await openNode(config);
  try {
    const agency = await addAgency(node.ctx, null, { code: 'HSI', name: 'Homeland Security Investigations', country: 'US' });
    await addUser(node.ctx, null, { email: `${name}@us.test`, displayName: name, role: 'admin', agencyId: agency.id, locale: 'en', password });
  } finally {
    await node.store.close();
  }
  return dir;
}

describe('a node created by the demo', () => {
  let demoDir: string;
  beforeAll(async () => {
    const dirs = await prepareDemo({ baseDir: path.join(base, 'demo'), scale: 0.05, seed: 7, reset: false, countries: ['US'], quiet: true }, { ...process.env, ALIANZA_DEMO_PASSWORD: 'another-demo-password' });
    demoDir = dirs[0]!;
  });

  it('refuses to start outside demo mode (NODE_DEMO_DATA_IN_PRODUCTION), in three languages', async () => {
    const e = await refusal(startNode(env(demoDir, false)));
    expect(e.code).toBe('NODE_DEMO_DATA_IN_PRODUCTION');
    expect(cliMessage(e.code, 'en', e.params)).toMatch(/demo data/);
    expect(cliMessage(e.code, 'fr', e.params)).toMatch(/démonstration/);
    expect(cliMessage(e.code, 'es', e.params)).toMatch(/demostración/);
  });

  it('is still refused when its node file is edited to say it is not a demo', async () => {
    const file = path.join(demoDir, 'node.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(original), demo: false }));
    try {
      const e = await refusal(startNode(env(demoDir, false)));
      expect(e.code).toBe('NODE_DEMO_DATA_IN_PRODUCTION');
    } finally {
      writeFileSync(file, original);
    }
  });

  it('starts in demo mode and answers', async () => {
    const running = await startNode(env(demoDir, true, { ALIANZA_DEMO_PASSWORD: 'another-demo-password' }));
    try {
      const res = await fetch(`${running.url}/api/health`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { country: string }).country).toBe('US');
    } finally {
      await running.stop();
    }
  });
});

describe('an administrator with a default password', () => {
  it('with the built-in demo password: NODE_DEFAULT_PASSWORD naming the account, in three languages', async () => {
    const dir = await productionNode('builtin', DEFAULT_DEMO_PASSWORD);
    const e = await refusal(startNode(env(dir, false)));
    expect(e.code).toBe('NODE_DEFAULT_PASSWORD');
    expect(e.params).toMatchObject({ email: 'builtin@us.test' });
    for (const locale of ['en', 'fr', 'es'] as const) expect(cliMessage(e.code, locale, e.params)).toContain('builtin@us.test');
  });

  it('with the node’s configured demo password', async () => {
    const dir = await productionNode('configured', 'our-demo-password-2026');
    const e = await refusal(startNode(env(dir, false, { ALIANZA_DEMO_PASSWORD: 'our-demo-password-2026' })));
    expect(e.code).toBe('NODE_DEFAULT_PASSWORD');
  });

  it('the store is closed after a refusal, so the operator can fix the password and start', async () => {
    const dir = await productionNode('fixable', DEFAULT_DEMO_PASSWORD);
    expect((await refusal(startNode(env(dir, false)))).code).toBe('NODE_DEFAULT_PASSWORD');
    const node = await openNode(env(dir, false));
    const admin = (await node.store.users.list())[0]!;
    await node.store.users.update(admin.id, { passwordHash: await hashPassword('a-long-and-unguessable-passphrase') });
    await node.store.close();
    const running = await startNode(env(dir, false));
    await running.stop();
  });

  it('a production node without Secure cookies does not start (NODE_INSECURE_COOKIES), in three languages', async () => {
    const dir = await productionNode('plain', 'Wd3-silver-canyon-beacon');
    const e = await refusal(startNode(env(dir, false, { ALIANZA_SECURE_COOKIES: 'false' })));
    expect(e.code).toBe('NODE_INSECURE_COOKIES');
    expect(cliMessage(e.code, 'en', e.params)).toMatch(/must be Secure/);
    expect(cliMessage(e.code, 'fr', e.params)).toMatch(/doit être Secure/);
    expect(cliMessage(e.code, 'es', e.params)).toMatch(/debe ser Secure/);
  });

  it('a production node whose administrator has a real password starts', async () => {
    const running = await startNode(env(await productionNode('strong', 'Xk9-copper-meadow-signal'), false));
    try {
      expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
