/**
 * `alianza init`, `alianza start`, `alianza user add`: the options and help. The work is in
 * node-actions.ts, loaded only when one of these commands runs.
 */
import type { Command } from 'commander';
import { ROLES, type Locale } from '../domain/model';
import { cliMessage } from './messages';

export const defaultDataDir = (): string => process.env.ALIANZA_DATA || 'data/node';

export interface InitOptions {
  country: string;
  name: string;
  data: string;
  agencyCode: string;
  agencyName: string;
  adminEmail: string;
}

export interface StartOptions {
  data?: string;
  port?: string;
  host?: string;
}

export interface UserAddOptions {
  email: string;
  role: string;
  agency: string;
  name?: string;
  locale: string;
  password?: string;
  data: string;
}

export function registerNodeCommands(program: Command, locale: Locale): void {
  const t = (code: string, params?: Record<string, string>) => cliMessage(code, locale, params);
  program
    .command('init')
    .description(t('CLI_HELP_INIT'))
    .requiredOption('--country <CC>', t('CLI_HELP_COUNTRY'))
    .requiredOption('--name <name>', t('CLI_HELP_NODE_NAME'))
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .option('--agency-code <code>', t('CLI_HELP_AGENCY_CODE'), 'ADMIN')
    .option('--agency-name <name>', t('CLI_HELP_AGENCY_NAME'), t('CLI_DEFAULT_AGENCY_NAME'))
    .option('--admin-email <email>', t('CLI_HELP_ADMIN_EMAIL'), 'admin@alianza.local')
    .action(async (opts: InitOptions) => (await import('./node-actions')).initNode(opts));

  program
    .command('start')
    .description(t('CLI_HELP_START'))
    .option('--data <dir>', t('CLI_HELP_DATA'))
    .option('--port <port>', t('CLI_HELP_PORT'))
    .option('--host <host>', t('CLI_HELP_HOST'))
    .action(async (opts: StartOptions) => (await import('./node-actions')).startNodeCommand(opts));

  const user = program.command('user').description(t('CLI_HELP_USER'));
  user
    .command('add')
    .description(t('CLI_HELP_USER_ADD'))
    .requiredOption('--email <email>', t('CLI_HELP_EMAIL'))
    .requiredOption('--role <role>', t('CLI_HELP_ROLE', { roles: ROLES.join(', ') }))
    .requiredOption('--agency <code>', t('CLI_HELP_AGENCY'))
    .option('--name <name>', t('CLI_HELP_DISPLAY_NAME'))
    .option('--locale <locale>', t('CLI_HELP_LOCALE'), 'en')
    .option('--password <password>', t('CLI_HELP_PASSWORD'))
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .action(async (opts: UserAddOptions) => (await import('./node-actions')).addUserCommand(opts));
}
