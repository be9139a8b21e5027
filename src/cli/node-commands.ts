/** `alianza init`, `alianza start`, `alianza user add`. */
import type { Command } from 'commander';
import { AlianzaError } from '../domain/errors';
import { ROLES, LOCALES, type Locale, type Role } from '../domain/model';
import { addAgency, addUser } from '../app/user-service';
import { isWeakPassword } from '../app/passwords';
import { loadConfig } from '../server/config';
import { initNodeFiles } from '../server/node-files';
import { openNode } from '../server/open-node';
import { startNode } from '../server/start';
import { cliLocale, cliMessage } from './messages';

const say = (code: string, params?: Record<string, string | number>) => console.log(cliMessage(code, cliLocale(), params));

export function registerNodeCommands(program: Command): void {
  program
    .command('init')
    .description('create a new node: identity, signing and encryption keys, first agency and an administrator')
    .requiredOption('--country <CC>', 'ISO 3166-1 alpha-2 country code, e.g. MX')
    .requiredOption('--name <name>', 'the node’s name, e.g. "Mexico – FGR"')
    .option('--data <dir>', 'node folder (ALIANZA_DATA)', process.env.ALIANZA_DATA ?? 'data/node')
    .option('--agency-code <code>', 'code of the first agency', 'ADMIN')
    .option('--agency-name <name>', 'name of the first agency', 'Node administration')
    .option('--admin-email <email>', 'the administrator’s e-mail', 'admin@localhost')
    .action(async (opts: { country: string; name: string; data: string; agencyCode: string; agencyName: string; adminEmail: string }) => {
      const config = loadConfig({ ...process.env, ALIANZA_DATA: opts.data });
      const file = initNodeFiles(config.dataDir, { country: opts.country, name: opts.name });
      const node = await openNode(config);
      try {
        const agency = await addAgency(node.ctx, null, { code: opts.agencyCode, name: opts.agencyName, country: file.country });
        const { password } = await addUser(node.ctx, null, { email: opts.adminEmail, displayName: 'Administrator', role: 'admin', agencyId: agency.id, locale: cliLocale() });
        say('NODE_CREATED', { country: file.country, name: file.name, dir: config.dataDir });
        say('FINGERPRINTS');
        console.log(`  Ed25519 (signing):    ${file.keys.signing.fingerprint}`);
        console.log(`  X25519 (encryption):  ${file.keys.encryption.fingerprint}`);
        say('ADMIN_CREATED', { email: opts.adminEmail, password });
      } finally {
        await node.store.close();
      }
    });

  program
    .command('start')
    .description('run a node (configuration from the environment; see README)')
    .option('--data <dir>', 'node folder (ALIANZA_DATA)')
    .option('--port <port>', 'port (ALIANZA_PORT)')
    .option('--host <host>', 'address to listen on (ALIANZA_HOST)')
    .action(async (opts: { data?: string; port?: string; host?: string }) => {
      const env = { ...process.env };
      if (opts.data) env.ALIANZA_DATA = opts.data;
      if (opts.port) env.ALIANZA_PORT = opts.port;
      if (opts.host) env.ALIANZA_HOST = opts.host;
      const config = loadConfig(env);
      const node = await startNode(config);
      say('NODE_LISTENING', { country: node.ctx.node.country, url: node.url });
      const stop = async () => {
        await node.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  const user = program.command('user').description('manage user accounts');
  user
    .command('add')
    .description('create a user; a password is generated and printed once unless --password is given')
    .requiredOption('--email <email>')
    .requiredOption('--role <role>', ROLES.join('|'))
    .requiredOption('--agency <code>', 'agency code')
    .option('--name <name>', 'display name')
    .option('--locale <locale>', LOCALES.join('|'), 'en')
    .option('--password <password>', 'initial password (otherwise generated)')
    .option('--data <dir>', 'node folder (ALIANZA_DATA)', process.env.ALIANZA_DATA ?? 'data/node')
    .action(async (opts: { email: string; role: string; agency: string; name?: string; locale: string; password?: string; data: string }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) throw new AlianzaError('CLI_BAD_OPTION', { option: '--role', value: opts.role });
      if (!(LOCALES as readonly string[]).includes(opts.locale)) throw new AlianzaError('CLI_BAD_OPTION', { option: '--locale', value: opts.locale });
      const config = loadConfig({ ...process.env, ALIANZA_DATA: opts.data });
      if (opts.password && !config.demo && isWeakPassword(opts.password, config.demoPassword)) throw new AlianzaError('CLI_WEAK_PASSWORD');
      const node = await openNode(config);
      try {
        const agency = await node.store.agencies.getByCode(opts.agency.toUpperCase());
        if (!agency) throw new AlianzaError('AGENCY_NOT_FOUND');
        const out = await addUser(node.ctx, null, {
          email: opts.email,
          displayName: opts.name ?? opts.email,
          role: opts.role as Role,
          agencyId: agency.id,
          locale: opts.locale as Locale,
          ...(opts.password ? { password: opts.password } : {}),
        });
        say('USER_CREATED', { email: out.user.email, role: out.user.role, password: opts.password ? '(as given)' : out.password });
      } finally {
        await node.store.close();
      }
    });
}
