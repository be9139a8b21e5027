/**
 * Command groups that live in their own files and load only when asked for. Each entry names
 * a file exporting `register…(program)`; the group is offered when the file is present.
 * Registering stays cheap: unless the command line names the group (or asks for its help),
 * only a stub with a one-line description is added, so `alianza --help` and small commands
 * never load the group's dependencies.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { cliLocale, cliMessage } from './messages';

export interface CommandGroup {
  /** the command's name on the command line */
  name: string;
  /** module beside this file, without extension */
  file: string;
  /** the function it exports to register its commands */
  register: string;
  /** catalogue key of the one-line description shown in `alianza --help` */
  summary: string;
}

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  { name: 'demo', file: './demo-command', register: 'registerDemoCommand', summary: 'CLI_HELP_DEMO' },
  { name: 'audit', file: './audit-command', register: 'registerAuditCommands', summary: 'CLI_HELP_AUDIT' },
  { name: 'link', file: './link-command', register: 'registerLinkCommands', summary: 'CLI_HELP_LINK' },
  { name: 'pprl', file: './pprl-command', register: 'registerPprlCommands', summary: 'CLI_HELP_PPRL' },
  { name: 'peer', file: './peer-command', register: 'registerPeerCommands', summary: 'CLI_HELP_PEER' },
];

/** Program options that take a value, so that their value is not taken for a command's name. */
const OPTIONS_WITH_VALUE = new Set(['--lang']);

/** The command the arguments ask for (`alianza [options] NAME …` or `alianza help NAME`), if any. */
export function requestedCommand(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  const args = argv.slice(2);
  for (let i = 0; i < args.length && words.length < 2; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (OPTIONS_WITH_VALUE.has(a)) i++;
      continue;
    }
    words.push(a);
    if (a !== 'help') break;
  }
  return words[0] === 'help' ? words[1] : words[0];
}

function present(group: CommandGroup): boolean {
  return ['.ts', '.js', '.mjs'].some((ext) => existsSync(new URL(group.file + ext, import.meta.url)));
}

async function load(program: Command, group: CommandGroup): Promise<void> {
  const mod = (await import(group.file)) as Record<string, unknown>;
  const register = mod[group.register];
  if (typeof register !== 'function') throw new Error(`${group.file} does not export ${group.register}`);
  (register as (p: Command) => void)(program);
}

/**
 * Registers the groups: the one the arguments name for real, the others as stubs. When the
 * arguments name a command nobody knows, every present group is loaded so that a group
 * registering other names is still found (and commander can suggest a spelling).
 */
export async function registerOptional(program: Command, argv: readonly string[] = process.argv): Promise<void> {
  const wanted = requestedCommand(argv);
  const groups = COMMAND_GROUPS.filter(present);
  const known = new Set([...program.commands.map((c) => c.name()), ...groups.map((g) => g.name), 'help']);
  const loadAll = wanted !== undefined && !known.has(wanted);
  const locale = cliLocale();
  for (const group of groups) {
    if (loadAll || group.name === wanted) await load(program, group);
    else program.command(group.name).description(cliMessage(group.summary, locale));
  }
}
