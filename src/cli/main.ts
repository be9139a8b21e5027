/**
 * The `alianza` command. This file wires the commands and turns errors into a localised
 * message and a non-zero exit code. It stays light: each command loads what it needs when it
 * runs (a dynamic import inside its action), and the optional groups load only when named,
 * so `alianza --help` does not pay for the server, the store or the linkage code.
 */
import { Command, CommanderError } from 'commander';
import { AlianzaError } from '../domain/errors';
import { cliMessage, cliLocale } from './messages';
import { registerNodeCommands } from './node-commands';
import { registerDataCommands } from './data-commands';
import { registerOptional } from './optional-commands';
import { localiseProgram } from './program-locale';

export const VERSION = '0.1.0';

/** Exit codes: 1 unexpected failure, 2 refused input (a localised message says why). */
export const EXIT_FAILURE = 1;
export const EXIT_REFUSED = 2;

export function buildProgram(): Command {
  const locale = cliLocale();
  const program = new Command('alianza');
  localiseProgram(program, locale);
  program
    .description(cliMessage('CLI_HELP_PROGRAM', locale))
    .version(VERSION, '-V, --version', cliMessage('CLI_HELP_VERSION', locale))
    .option('--lang <lang>', cliMessage('CLI_HELP_LANG', locale))
    .showHelpAfterError()
    .exitOverride();
  registerNodeCommands(program, locale);
  registerDataCommands(program, locale);
  return program;
}

export function reportError(e: unknown): number {
  const locale = cliLocale();
  if (e instanceof AlianzaError) {
    console.error(`alianza: ${cliMessage(e.code, locale, e.params)}`);
    for (const issue of e.issues.slice(0, 50)) console.error(`  - ${issue.field}: ${cliMessage(issue.code, locale, issue.params)}`);
    if (e.issues.length > 50) console.error(`  … (+${e.issues.length - 50})`);
    return EXIT_REFUSED;
  }
  console.error('alianza:', e instanceof Error ? (e.stack ?? e.message) : e);
  return EXIT_FAILURE;
}

export async function main(argv: string[]): Promise<void> {
  try {
    const program = buildProgram();
    await registerOptional(program, argv);
    await program.parseAsync(argv);
  } catch (e) {
    process.exitCode = e instanceof CommanderError ? e.exitCode : reportError(e);
  }
}
