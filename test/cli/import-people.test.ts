/**
 * `alianza import` of a CSV of people through a mapping file: the validation report names
 * the bad rows and columns, nothing is written while a row is bad (unless --skip-invalid),
 * a re-run changes nothing, spreadsheet quirks are read correctly, and the progress bar is
 * drawn only on a terminal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../src/app/import-records';
import { cli, cliEnv, countEntities, makeNode, openTestNode, tempDir } from './cli-helpers';

let base: string;
let dir: string;
let nodeId: string;
const file = (name: string) => path.join(base, name);

const MAPPING = {
  kind: 'entities',
  schema: 'Person',
  idColumn: 'id',
  columns: { given: 'givenName', surname: 'surname', born: 'birthDate', phone: 'phone', nationality: 'nationality' },
};

// header = line 1; P2 (line 3) has a bad phone, P3 (line 4) an impossible date, P4 (line 5) an unknown country
const PEOPLE = [
  'id,given,surname,born,phone,nationality',
  'P1,Ana,García,1990-03-04,+52 55 1234 5678,MX',
  'P2,Luis,Pérez,1985-12-01,12,MX',
  'P3,Marie,Tremblay,1990-02-31,+1 514 555 0142,CA',
  'P4,John,Smith,1979,+1 404 555 0117,Atlantis',
  'P5,Rosa,Díaz,2001-07,,Mexico',
].join('\n');

const run = (csv: string, ...extra: string[]) => cli(['import', file(csv), '--mapping', file('people.json'), '--agency', 'FGR', '--data', dir, ...extra]);

async function people(): Promise<number> {
  const node = await openTestNode(dir);
  try {
    return await countEntities(node, 'Person');
  } finally {
    await node.store.close();
  }
}

beforeAll(async () => {
  base = tempDir('import');
  dir = path.join(base, 'node');
  const node = await makeNode(dir);
  nodeId = node.ctx.node.nodeId;
  await node.store.close();
  writeFileSync(file('people.json'), JSON.stringify(MAPPING));
  writeFileSync(file('people.csv'), PEOPLE + '\n');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('alianza import (CSV of people)', () => {
  it('names each bad row and column, writes nothing, and draws no bar off a terminal', async () => {
    const r = run('people.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^row 3, phone: .*\(value: "12"\)$/m);
    expect(r.stderr).toMatch(/^row 4, born: .*\(value: "1990-02-31"\)$/m);
    expect(r.stderr).toMatch(/^row 5, nationality: .*\(value: "Atlantis"\)$/m);
    expect(r.stderr).not.toMatch(/^row [26],/m);
    expect(r.stdout).toMatch(/5 rows checked: 2 to create, .* 3 invalid/);
    expect(r.stdout).toMatch(/Nothing was written/);
    expect(r.stderr).not.toMatch(/checking|\[[█░ ]+\]/);
    expect(r.stderr).not.toContain('\u001b[');
    expect(await people()).toBe(0);
  });

  it('with --skip-invalid writes the valid rows only', async () => {
    const r = run('people.csv', '--skip-invalid');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/5 rows: 2 created/);
    expect(r.stdout).toMatch(/3 invalid rows were skipped/);
    expect(await people()).toBe(2);
    const node = await openTestNode(dir);
    try {
      const ana = await node.store.entities.get(stableId(nodeId, 'entity\u0000\u0000Person', 'P1'));
      expect(ana?.properties).toMatchObject({ givenName: ['Ana'], surname: ['García'], birthDate: ['1990-03-04'], phone: ['+525512345678'], nationality: ['MX'] });
      const rosa = await node.store.entities.get(stableId(nodeId, 'entity\u0000\u0000Person', 'P5'));
      expect(rosa?.properties.nationality).toEqual(['MX']);
      expect(rosa?.properties.birthDate).toEqual(['2001-07']);
    } finally {
      await node.store.close();
    }
  });

  it('run again, reports everything already present and changes nothing', async () => {
    const node = await openTestNode(dir);
    const before = await node.store.entities.list({ schema: 'Person' });
    await node.store.close();
    const r = run('people.csv', '--skip-invalid');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/5 rows: 0 created, 0 linked to cases, 2 already present, 0 present with other values, 3 invalid/);
    const again = await openTestNode(dir);
    try {
      const after = await again.store.entities.list({ schema: 'Person' });
      expect(after.total).toBe(2);
      expect(after.items).toEqual(before.items);
    } finally {
      await again.store.close();
    }
  });

  it('reads Windows-1252 / Latin-1 bytes, CRLF, semicolons and spaces after delimiters', async () => {
    const latin1 = 'id; given; surname; born; phone; nationality\r\nQ1; José; Núñez; 1988-05-06; "+52 (81) 1234-5678"; México\r\nQ2; Begoña; Ibáñez; 1970; ; ES\r\n';
    writeFileSync(file('latin1.csv'), Buffer.from(latin1, 'latin1'));
    const r = run('latin1.csv');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/not UTF-8/);
    const node = await openTestNode(dir);
    try {
      const q1 = await node.store.entities.get(stableId(nodeId, 'entity\u0000\u0000Person', 'Q1'));
      expect(q1?.properties).toMatchObject({ givenName: ['José'], surname: ['Núñez'], birthDate: ['1988-05-06'], phone: ['+528112345678'], nationality: ['MX'] });
      const q2 = await node.store.entities.get(stableId(nodeId, 'entity\u0000\u0000Person', 'Q2'));
      expect(q2?.caption).toBe('Begoña Ibáñez');
    } finally {
      await node.store.close();
    }
  });

  it('reads a UTF-8 file with a byte-order mark and CRLF, counting rows as the file’s lines', async () => {
    const csv = '\ufeff id , given , surname , born , phone , nationality \r\nB1 , Zoé , "Côté, Lavoie" , 1999-09-09 , +1 418 555 0101 , CA \r\nB2 , Eve , Roy , 1999-13-01 , , CA\r\n';
    writeFileSync(file('bom.csv'), csv);
    const r = run('bom.csv', '--skip-invalid');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/not UTF-8/);
    expect(r.stderr).toMatch(/^row 3, born: .*\(value: "1999-13-01"\)$/m);
    const node = await openTestNode(dir);
    try {
      const b1 = await node.store.entities.get(stableId(nodeId, 'entity\u0000\u0000Person', 'B1'));
      expect(b1?.properties).toMatchObject({ givenName: ['Zoé'], surname: ['Côté, Lavoie'], nationality: ['CA'] });
    } finally {
      await node.store.close();
    }
  });

  it.skipIf(!existsSync('/usr/bin/script'))('draws a progress bar on a terminal', () => {
    const args = ['bin/alianza.mjs', 'import', file('people.csv'), '--mapping', file('people.json'), '--agency', 'FGR', '--data', dir, '--dry-run'];
    const command = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: cliEnv() });
    expect(r.stdout).toMatch(/checking \[[█░]+\] \d+% \| \d+\/5/);
    expect(r.stdout).toMatch(/Dry run: nothing was written/);
  });
});
