/** Command groups that live beside their modules (linkage, pprl, federation), registered when present. */
import type { Command } from 'commander';

export async function registerOptional(program: Command): Promise<void> {
  const groups: [string, string][] = [
    ['./link-command', 'registerLinkCommands'],
    ['./pprl-command', 'registerPprlCommands'],
    ['./peer-command', 'registerPeerCommands'],
  ];
  for (const [file, fn] of groups) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(file)) as Record<string, unknown>;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') continue;
      throw e;
    }
    (mod[fn] as (p: Command) => void)(program);
  }
}
