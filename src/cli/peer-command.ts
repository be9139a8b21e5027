/**
 * `alianza peer add | list | remove` and `alianza node keys | rotate-key`: pinning partner
 * nodes after comparing fingerprints out of band, and this node's own keys. The work runs
 * against the node's store (the running node sees a new peer at once).
 */
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { AlianzaError } from '../domain/errors';
import { cliLocale, cliMessage } from './messages';
import { defaultDataDir } from './node-commands';

const t = (code: string, params?: Record<string, string | number>): string => cliMessage(code, cliLocale(), params);
const say = (code: string, params?: Record<string, string | number>): void => console.log(t(code, params));

/** Opens the node's store and federation runtime, runs `fn`, closes. */
async function withNode<T>(dir: string, fn: (n: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  const n = await open(dir);
  try {
    return await fn(n);
  } finally {
    await n.node.store.close();
  }
}

async function open(dir: string) {
  const { loadConfig } = await import('../server/config');
  const { openNode } = await import('../server/open-node');
  const { openFederation } = await import('../server/federation-wiring');
  const config = loadConfig({ ...process.env, ALIANZA_DATA: dir });
  const node = await openNode(config);
  try {
    return { node, rt: openFederation(node.ctx, { dataDir: config.dataDir }) };
  } catch (e) {
    await node.store.close();
    throw e;
  }
}

function printKey(alg: string, use: string, fingerprint: string, note = ''): void {
  console.log(`  ${`${alg} (${use})`.padEnd(24)} ${fingerprint}${note ? `   ${note}` : ''}`);
}

async function confirm(): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(t('PEER_CONFIRM'))).trim().toLowerCase();
    return ['yes', 'y', 'oui', 'o', 'sí', 'si', 's'].includes(answer);
  } catch {
    return false;
  } finally {
    rl.close();
  }
}

interface PeerAddOptions {
  url: string;
  key: string;
  fingerprint?: string;
  yes: boolean;
  data: string;
}

export function registerPeerCommands(program: Command): void {
  const peer = program.command('peer').description(t('CLI_HELP_PEER'));
  peer
    .command('add')
    .description(t('CLI_HELP_PEER_ADD'))
    .requiredOption('--url <url>', t('CLI_HELP_PEER_URL'))
    .requiredOption('--key <token>', t('CLI_HELP_PEER_KEY'))
    .option('--fingerprint <fp>', t('CLI_HELP_PEER_FINGERPRINT'))
    .option('--yes', t('CLI_HELP_YES'), false)
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .action(async (o: PeerAddOptions) => {
      const { parseIdentityToken, checkPeerUrl, addPeer, peerView } = await import('../app/federation-peers');
      const token = existsSync(o.key) ? readFileSync(o.key, 'utf8').trim() : o.key;
      const identity = parseIdentityToken(token);
      const url = checkPeerUrl(o.url);
      const view = peerView({ ...identity, url });
      say('PEER_CHECK', { node: view.node, country: view.country, url });
      for (const k of view.signingKeys) printKey('Ed25519', t('KEY_SIGNING'), k.fingerprint, k.notAfter ? t('NODE_KEY_UNTIL', { until: k.notAfter }) : '');
      printKey('X25519', t('KEY_ENCRYPTION'), view.encryptionKey.fingerprint);
      if (o.fingerprint === undefined && !o.yes && !(await confirm())) throw new AlianzaError('FEDERATION_PEER_NOT_CONFIRMED');
      await withNode(o.data, async ({ node, rt }) => {
        await addPeer(node.ctx, rt, null, { url, token, ...(o.fingerprint !== undefined ? { confirmFingerprint: o.fingerprint } : {}) });
      });
      say('PEER_ADDED', { node: view.node, country: view.country, url });
    });

  peer
    .command('list')
    .description(t('CLI_HELP_PEER_LIST'))
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .action(async (o: { data: string }) => {
      const { listPeers } = await import('../app/federation-peers');
      const peers = await withNode(o.data, ({ rt }) => listPeers(rt));
      if (peers.length === 0) return say('PEER_NONE');
      for (const p of peers) {
        console.log(`${p.node}  ${p.country}  ${p.url}`);
        for (const k of p.signingKeys) printKey('Ed25519', t('KEY_SIGNING'), k.fingerprint, k.notAfter ? t('NODE_KEY_UNTIL', { until: k.notAfter }) : '');
        printKey('X25519', t('KEY_ENCRYPTION'), p.encryptionKey.fingerprint);
      }
    });

  peer
    .command('remove <node>')
    .description(t('CLI_HELP_PEER_REMOVE'))
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .action(async (nodeId: string, o: { data: string }) => {
      const { removePeer } = await import('../app/federation-peers');
      await withNode(o.data, ({ node, rt }) => removePeer(node.ctx, rt, null, nodeId));
      say('PEER_REMOVED', { node: nodeId });
    });

  const nodeCmd = program.command('node').description(t('CLI_HELP_NODE'));
  nodeCmd
    .command('keys')
    .description(t('CLI_HELP_NODE_KEYS'))
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .action(async (o: { data: string }) => {
      const { ownKeys } = await import('../app/federation-peers');
      const keys = await withNode(o.data, ({ rt }) => ownKeys(rt));
      say('NODE_KEYS_TITLE', { node: keys.node, country: keys.country });
      for (const k of keys.signingKeys) {
        const state = k.keyId === keys.activeSigningKeyId ? t('NODE_KEY_ACTIVE') : k.keyId === keys.pendingSigningKeyId ? t('NODE_KEY_PENDING') : '';
        const until = k.notAfter ? t('NODE_KEY_UNTIL', { until: k.notAfter }) : '';
        printKey('Ed25519', t('KEY_SIGNING'), k.fingerprint, [state, until].filter(Boolean).join(', '));
      }
      printKey('X25519', t('KEY_ENCRYPTION'), keys.encryptionKey.fingerprint);
      say('NODE_KEY_TOKEN');
      console.log(keys.token);
    });

  nodeCmd
    .command('rotate-key')
    .description(t('CLI_HELP_NODE_ROTATE'))
    .option('--overlap-days <n>', t('CLI_HELP_OVERLAP_DAYS'), '7')
    .option('--activate', t('CLI_HELP_ACTIVATE'), false)
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .action(async (o: { overlapDays: string; activate: boolean; data: string }) => {
      const days = Number(o.overlapDays);
      if (!Number.isInteger(days) || days < 1 || days > 90) throw new AlianzaError('CLI_BAD_OPTION', { option: '--overlap-days', value: o.overlapDays });
      const actor = { actorId: null, actorLabel: 'cli' };
      await withNode(o.data, async ({ rt }) => {
        if (o.activate) {
          const done = await rt.federation.keyRotation.complete({ force: true, actor });
          return say(done === 'activated' ? 'NODE_ROTATION_ACTIVATED' : 'NODE_ROTATION_NOTHING');
        }
        const ids = await rt.federation.keyRotation.begin(actor, days * 86_400_000);
        const keys = await rt.keys.load();
        const current = keys.signingKeys.find((k) => k.keyId === keys.activeSigningKeyId);
        say('NODE_ROTATION_STARTED', { count: ids.length, until: current?.notAfter ?? '' });
      });
    });
}
