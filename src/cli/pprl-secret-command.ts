/**
 * `alianza pprl secret set | show | generate`: the trilateral linkage secret of cross-border
 * matching. `set` reads the secret from a file (--file) or from standard input, never from the
 * command line (other local users see a process's arguments) and never prints it; it becomes
 * the active version and the previous one is retired. `show` prints the version, the
 * fingerprint to compare with the partners and the date. `generate` prints a fresh random
 * 32-byte secret in base64, to share with the partners out of band.
 */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { AlianzaError } from '../domain/errors';
import { cliLocale, cliMessage } from './messages';
import { defaultDataDir } from './node-commands';

const t = (code: string, params?: Record<string, string | number>): string => cliMessage(code, cliLocale(), params);

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new AlianzaError('PPRL_SECRET_STDIN_TTY');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function readSecretFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new AlianzaError('PPRL_FILE_UNREADABLE', { file });
  }
}

/** Opens the node of `dir`, runs `fn`, closes. */
async function withNode<T>(dir: string, fn: (n: { ctx: import('../app/context').AppContext; dataDir: string }) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('../server/config');
  const { openNode } = await import('../server/open-node');
  const config = loadConfig({ ...process.env, ALIANZA_DATA: dir });
  const node = await openNode(config);
  try {
    return await fn({ ctx: node.ctx, dataDir: config.dataDir });
  } finally {
    await node.store.close();
  }
}

export function registerPprlSecretCommands(pprl: Command): void {
  const secret = pprl.command('secret').description('The trilateral linkage secret of cross-border matching (set, show, generate)');

  secret
    .command('set')
    .description('Set the linkage secret (base64) from a file or standard input; the previous version is retired')
    .option('--file <file>', 'file holding the secret (otherwise standard input)')
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .action(async (o: { file?: string; data: string }) => {
      const { parseLinkageSecretText } = await import('../app/cross-border-service');
      // read and check everything before the node is opened: a refused secret writes nothing
      const bytes = parseLinkageSecretText(o.file !== undefined ? readSecretFile(o.file) : await readStdin());
      const status = await withNode(o.data, async ({ ctx, dataDir }) => {
        const { setNodeLinkageSecret } = await import('../server/linkage-secret');
        return setNodeLinkageSecret(ctx, dataDir, bytes, 'cli');
      });
      console.log(t('PPRL_SECRET_SET_DONE', { version: status.version ?? 0, fingerprint: status.fingerprint ?? '' }));
      const retired = status.previous[0];
      if (retired) console.log(t('PPRL_SECRET_RETIRED', { version: retired.version, fingerprint: retired.fingerprint }));
    });

  secret
    .command('show')
    .description('Show the version, fingerprint and date of the linkage secret (never the secret)')
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .action(async (o: { data: string }) => {
      const { linkageSecretStatus } = await import('../app/cross-border-service');
      const status = await withNode(o.data, ({ ctx }) => linkageSecretStatus(ctx, null));
      if (!status.configured) console.log(t('PPRL_SECRET_NONE'));
      else console.log(t('PPRL_SECRET_ACTIVE', { version: status.version ?? 0, fingerprint: status.fingerprint ?? '', date: status.setAt ?? '' }));
      for (const p of status.previous) console.log(t('PPRL_SECRET_PREVIOUS', { version: p.version, fingerprint: p.fingerprint, date: p.retiredAt }));
    });

  secret
    .command('generate')
    .description('Print a fresh random 32-byte secret in base64, to share with the partners out of band')
    .action(async () => {
      const { generateLinkageSecret } = await import('../app/cross-border-service');
      console.log(generateLinkageSecret());
      console.error(t('PPRL_SECRET_GENERATED'));
    });
}
