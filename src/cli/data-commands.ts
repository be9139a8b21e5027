/**
 * `alianza import`, `alianza export`, `alianza backup`, `alianza restore`: the options and
 * help. The work is in import-action.ts, export-action.ts and backup-actions.ts, loaded only
 * when the command runs.
 */
import type { Command } from 'commander';
import type { Locale } from '../domain/model';
import { cliMessage } from './messages';
import { defaultDataDir } from './node-commands';

export interface ImportCommandOptions {
  mapping: string;
  agency: string;
  data: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
}

export interface ExportCommandOptions {
  out: string;
  format: string;
  data: string;
}

export interface BackupCommandOptions {
  out: string;
  data: string;
}

export interface RestoreCommandOptions {
  from: string;
  data: string;
  force?: boolean;
}

export function registerDataCommands(program: Command, locale: Locale): void {
  const t = (code: string) => cliMessage(code, locale);
  program
    .command('import')
    .argument('<file>', t('CLI_HELP_IMPORT_FILE'))
    .description(t('CLI_HELP_IMPORT'))
    .requiredOption('--mapping <file>', t('CLI_HELP_MAPPING'))
    .requiredOption('--agency <code>', t('CLI_HELP_OWNER_AGENCY'))
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .option('--skip-invalid', t('CLI_HELP_SKIP_INVALID'))
    .option('--dry-run', t('CLI_HELP_DRY_RUN'))
    .action(async (file: string, o: ImportCommandOptions) => (await import('./import-action')).importCommand(file, o));

  program
    .command('export')
    .description(t('CLI_HELP_EXPORT'))
    .requiredOption('--out <file>', t('CLI_HELP_OUT'))
    .option('--format <format>', t('CLI_HELP_FORMAT'), 'alianza')
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .action(async (o: ExportCommandOptions) => (await import('./export-action')).exportCommand(o));

  program
    .command('backup')
    .description(t('CLI_HELP_BACKUP'))
    .requiredOption('--out <file>', t('CLI_HELP_OUT'))
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .action(async (o: BackupCommandOptions) => (await import('./backup-actions')).backupCommand(o));

  program
    .command('restore')
    .description(t('CLI_HELP_RESTORE'))
    .requiredOption('--from <file>', t('CLI_HELP_FROM'))
    .option('--data <dir>', t('CLI_HELP_DATA'), defaultDataDir())
    .option('--force', t('CLI_HELP_FORCE'))
    .action(async (o: RestoreCommandOptions) => (await import('./backup-actions')).restoreCommand(o));
}
