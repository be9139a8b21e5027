/**
 * Puts commander's own words (help headings, "default", its error messages) into the
 * reader's language. Call it on the program before adding commands: sub-commands inherit
 * the output and help settings when they are created.
 */
import type { Command, Option } from 'commander';
import type { ErrorParams } from '../domain/errors';
import type { Locale } from '../domain/model';
import { cliMessage } from './messages';

const PATTERNS: [RegExp, string, (m: RegExpExecArray) => ErrorParams][] = [
  [/^error: required option '(.+?)' not specified/, 'CLI_ERR_REQUIRED_OPTION', (m) => ({ option: m[1]! })],
  [/^error: missing required argument '(.+?)'/, 'CLI_ERR_MISSING_ARGUMENT', (m) => ({ argument: m[1]! })],
  [/^error: option '(.+?)' argument missing/, 'CLI_ERR_OPTION_NEEDS_VALUE', (m) => ({ option: m[1]! })],
  [/^error: unknown option '(.+?)'/, 'CLI_ERR_UNKNOWN_OPTION', (m) => ({ option: m[1]! })],
  [/^error: unknown command '(.+?)'/, 'CLI_ERR_UNKNOWN_COMMAND', (m) => ({ command: m[1]! })],
  [/^error: too many arguments(?: for '(.+?)')?\./, 'CLI_ERR_TOO_MANY_ARGUMENTS', (m) => ({ command: m[1] ?? 'alianza' })],
];

/** commander's English error line in the reader's language; lines it does not know stay as they are. */
export function localiseCommanderError(text: string, locale: Locale): string {
  const trimmed = text.trim();
  for (const [re, code, params] of PATTERNS) {
    const m = re.exec(trimmed);
    if (!m) continue;
    let out = `alianza: ${cliMessage(code, locale, params(m))}`;
    const similar = /\(Did you mean (?:one of )?(.+?)\?\)/.exec(trimmed);
    if (similar) out += ` ${cliMessage('CLI_ERR_DID_YOU_MEAN', locale, { suggestion: similar[1]! })}`;
    return out + '\n';
  }
  return text.replace(/^error: /, 'alianza: ');
}

function optionDescription(option: Option, locale: Locale): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(cliMessage('CLI_CHOICES', locale, { value: option.argChoices.join(', ') }));
  const showDefault = option.defaultValue !== undefined && (option.required || option.optional);
  if (showDefault) extra.push(cliMessage('CLI_DEFAULT', locale, { value: option.defaultValueDescription ?? String(option.defaultValue) }));
  return extra.length ? `${option.description} (${extra.join(', ')})`.trim() : option.description;
}

export function localiseProgram(program: Command, locale: Locale): void {
  program.configureOutput({ outputError: (text, write) => write(localiseCommanderError(text, locale)) });
  program.configureHelp({
    styleTitle: (title: string) => {
      const key = `CLI_TITLE.${title}`;
      const text = cliMessage(key, locale);
      return text === key ? title : text;
    },
    optionDescription: (option: Option) => optionDescription(option, locale),
  });
  program.helpOption('-h, --help', cliMessage('CLI_HELP_HELP', locale));
  program.helpCommand('help [command]', cliMessage('CLI_HELP_HELP', locale));
}
