/**
 * The work of `alianza export`: every entity (and, in our own format, every case with its
 * subjects, links and members) as one JSON object per line; `--format ftm` writes the
 * entities as FollowTheMoney entities (see ftm-mapping.ts). The file appears only when
 * complete, and the export is written to the audit log.
 */
import path from 'node:path';
import { AlianzaError } from '../domain/errors';
import type { Entity } from '../domain/model';
import { audit } from '../app/audit';
import { loadConfig } from '../server/config';
import { openNode } from '../server/open-node';
import type { Store } from '../store/ports';
import { AtomicFile } from './atomic-file';
import type { ExportCommandOptions } from './data-commands';
import { FtmExport } from './ftm-mapping';
import { cliLocale, cliMessage } from './messages';

const PAGE = 1000;

async function eachEntity(store: Store, fn: (e: Entity) => Promise<void> | void): Promise<void> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.entities.list({ limit: PAGE, offset });
    for (const e of page.items) await fn(e);
    if (page.items.length < PAGE) break;
  }
}

export async function exportCommand(o: ExportCommandOptions): Promise<void> {
  const locale = cliLocale();
  if (o.format !== 'alianza' && o.format !== 'ftm') throw new AlianzaError('CLI_BAD_OPTION', { option: '--format', value: o.format });
  const node = await openNode(loadConfig({ ...process.env, ALIANZA_DATA: o.data }));
  let out: AtomicFile | undefined;
  try {
    out = await AtomicFile.open(o.out);
    const file = out;
    const line = (obj: unknown) => file.write(JSON.stringify(obj) + '\n');
    let entities = 0;
    let cases = 0;
    let ftm: FtmExport | undefined;
    if (o.format === 'ftm') {
      const conv = new FtmExport();
      ftm = conv;
      await eachEntity(node.store, (e) => conv.observe(e));
      await eachEntity(node.store, async (e) => {
        const f = conv.convert(e);
        if (f) await line(f);
      });
      entities = conv.stats.exported;
    } else {
      await eachEntity(node.store, async (e) => {
        await line({ kind: 'entity', ...e });
        entities++;
      });
      for (let offset = 0; ; offset += PAGE) {
        const page = await node.store.cases.list({ limit: PAGE, offset, sort: 'reference_asc' });
        for (const c of page.items) {
          const [subjects, links, members] = await Promise.all([node.store.cases.listSubjects(c.id), node.store.cases.listLinks(c.id), node.store.cases.listMembers(c.id)]);
          await line({ kind: 'case', ...c, subjects, links, members });
          cases++;
        }
        if (page.items.length < PAGE) break;
      }
    }
    await out.commit();
    await audit(node.store, node.ctx.clock, null, { action: 'data.export', detail: { format: o.format, entities, cases, file: path.basename(o.out) } });
    console.log(cliMessage('EXPORT_DONE', locale, { entities, cases, file: out.target }));
    if (ftm && (ftm.stats.folded || ftm.stats.unowned || ftm.stats.unmapped)) console.log(cliMessage('EXPORT_FTM_NOTE', locale, { ...ftm.stats }));
  } catch (e) {
    await out?.abort();
    throw e;
  } finally {
    await node.store.close();
  }
}
