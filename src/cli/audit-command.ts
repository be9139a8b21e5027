/** `alianza audit verify`: proves the audit log intact or names the first broken entry. */
import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { openNode } from '../server/open-node';
import { cliLocale, cliMessage } from './messages';

export function registerAuditCommands(program: Command): void {
  const auditCmd = program.command('audit').description('the audit log');
  auditCmd
    .command('verify')
    .description('check the hash chain of the audit log')
    .option('--data <dir>', 'node folder (ALIANZA_DATA)', process.env.ALIANZA_DATA ?? 'data/node')
    .action(async (opts: { data: string }) => {
      const config = loadConfig({ ...process.env, ALIANZA_DATA: opts.data });
      const node = await openNode(config);
      const locale = cliLocale();
      try {
        const r = await node.store.audit.verify();
        if (r.ok) {
          console.log(cliMessage('AUDIT_INTACT', locale, { count: r.count, hash: r.lastHash.slice(0, 16) }));
        } else {
          console.error(cliMessage('AUDIT_BROKEN', locale, { seq: r.firstBadSeq, reason: cliMessage(`AUDIT_REASON.${r.reason}`, locale), count: r.count }));
          process.exitCode = 3;
        }
      } finally {
        await node.store.close();
      }
    });
}
