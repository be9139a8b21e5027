/**
 * The `alianza` command. Each sub-command lives in its own file; this one wires them and
 * turns errors into a localised message and a non-zero exit code.
 */
import { Command, CommanderError } from 'commander';
import { AlianzaError } from '../domain/errors';
import { cliMessage, cliLocale } from './messages';
import { registerNodeCommands } from './node-commands';
import { registerDemoCommand } from './demo-command';
import { registerAuditCommands } from './audit-command';
import { registerDataCommands } from './data-commands';
import { registerOptional } from './optional-commands';

export function buildProgram(): Command {
  const program = new Command('alianza')
    .description('Alianza: one node of the trilateral platform against trafficking in persons')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerNodeCommands(program);
  registerDemoCommand(program);
  registerAuditCommands(program);
  registerDataCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  await registerOptional(program);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    if (e instanceof AlianzaError) {
      const locale = cliLocale();
      console.error(`alianza: ${cliMessage(e.code, locale, e.params)}`);
      for (const issue of e.issues.slice(0, 50)) console.error(`  - ${issue.field}: ${cliMessage(issue.code, locale, issue.params)}`);
      if (e.issues.length > 50) console.error(`  … (+${e.issues.length - 50})`);
      process.exitCode = 2;
      return;
    }
    console.error('alianza:', e instanceof Error ? e.stack ?? e.message : e);
    process.exitCode = 1;
  }
}
