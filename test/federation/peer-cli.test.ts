/**
 * The operator's commands: `alianza node keys` prints the token and fingerprints; `alianza peer
 * add` pins a partner only when the fingerprint read out matches (or the operator confirms);
 * `peer list` and `peer remove`; `node rotate-key`. Also: the demo's nodes come pinned to each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { prepareDemo } from '../../src/cli/demo-command';
import { initNodeFiles } from '../../src/server/node-files';
import { loadConfig } from '../../src/server/config';
import { openNode } from '../../src/server/open-node';
import { openFederation } from '../../src/server/federation-wiring';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'alianza.mjs');
let base: string;

async function alianza(args: string[], input?: string): Promise<{ code: number; out: string; err: string }> {
  try {
    const p = run(process.execPath, [BIN, ...args], { env: { ...process.env, ALIANZA_LANG: 'en', LANG: 'en' } });
    if (input !== undefined) {
      p.child.stdin!.end(input);
    } else {
      p.child.stdin!.end();
    }
    const { stdout, stderr } = await p;
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'alianza-peer-cli-'));
  initNodeFiles(path.join(base, 'mx'), { country: 'MX', name: 'MX', nodeId: 'mx' });
  initNodeFiles(path.join(base, 'ca'), { country: 'CA', name: 'CA', nodeId: 'ca' });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('alianza peer and node commands', () => {
  it('pins a partner after the fingerprint check, lists, rotates and removes', async () => {
    const keys = await alianza(['node', 'keys', '--data', path.join(base, 'ca')]);
    expect(keys.code, keys.err).toBe(0);
    const token = keys.out.trim().split('\n').pop()!;
    expect(token).toMatch(/^alianza-node-v1:/);
    const fingerprint = keys.out.match(/Ed25519 \(signing\)\s+((?:[0-9A-F]{4} ){15}[0-9A-F]{4})/)![1]!;
    const mx = path.join(base, 'mx');

    const wrong = fingerprint.slice(0, 5) + (fingerprint[5] === '0' ? '1' : '0') + fingerprint.slice(6);
    let r = await alianza(['peer', 'add', '--url', 'http://127.0.0.1:8082', '--key', token, '--fingerprint', wrong, '--data', mx]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Group 2 of the fingerprint does not match');

    r = await alianza(['peer', 'add', '--url', 'http://127.0.0.1:8082', '--key', token, '--data', mx], 'no\n');
    expect(r.code).toBe(2);
    expect(r.out).toContain(fingerprint);
    expect(r.err).toContain('not confirmed');

    r = await alianza(['peer', 'add', '--url', 'http://192.168.1.20:8082', '--key', token, '--yes', '--data', mx]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('loopback');

    r = await alianza(['peer', 'list', '--data', mx]);
    expect(r.out).toContain('No partner node');

    r = await alianza(['peer', 'add', '--url', 'http://127.0.0.1:8082', '--key', token, '--data', mx], 'yes\n');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Peer ca (CA) pinned at http://127.0.0.1:8082.');

    r = await alianza(['--lang', 'es', 'peer', 'list', '--data', mx]);
    expect(r.out).toContain('ca  CA  http://127.0.0.1:8082');
    expect(r.out).toContain(fingerprint);
    expect(r.out).toContain('(firma)');

    r = await alianza(['node', 'rotate-key', '--data', mx]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('announced to 1 partner(s)');
    r = await alianza(['node', 'keys', '--data', mx]);
    expect(r.out).toContain('announced, not yet in use');

    r = await alianza(['peer', 'remove', 'ca', '--data', mx]);
    expect(r.code).toBe(0);
    r = await alianza(['peer', 'remove', 'ca', '--data', mx]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a pinned peer');

    const node = await openNode(loadConfig({ ALIANZA_DATA: mx, ALIANZA_DEMO: 'true', LOG_LEVEL: 'silent' }));
    try {
      const actions = (await node.store.audit.list({ action: 'federation.*', limit: 50 })).items.map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['federation.peer.added', 'federation.peer.removed', 'federation.keys.rotation_started', 'federation.message.queued']));
    } finally {
      await node.store.close();
    }
  }, 120_000);

  it('pins the demo nodes to each other', async () => {
    const dir = path.join(base, 'demo');
    const dirs = await prepareDemo({ baseDir: dir, scale: 0.02, seed: 7, reset: false, countries: ['MX', 'CA'], quiet: true }, { ...process.env, ALIANZA_DEMO_PASSWORD: 'alianza-demo' });
    const nodes = await Promise.all(dirs.map((d) => openNode(loadConfig({ ALIANZA_DATA: d, ALIANZA_DEMO: 'true', LOG_LEVEL: 'silent' }))));
    try {
      const [mx, ca] = nodes.map((n, i) => openFederation(n.ctx, { dataDir: dirs[i]! }));
      expect((await mx!.peers.list()).map((p) => [p.node, p.country, p.url])).toEqual([['ca', 'CA', 'http://127.0.0.1:8082']]);
      expect((await ca!.peers.list()).map((p) => [p.node, p.url])).toEqual([['mx', 'http://127.0.0.1:8081']]);
      expect((await mx!.peers.get('ca'))!.signingKeys[0]!.keyId).toBe((await ca!.keys.load()).activeSigningKeyId);
    } finally {
      for (const n of nodes) await n.store.close();
    }
  }, 120_000);
});
