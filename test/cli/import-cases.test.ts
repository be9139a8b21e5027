/**
 * `alianza import` of cases (with and without their own references), then of people from
 * JSON lines and a JSON array, linked to those cases by reference or by the case's source id,
 * with a role; re-running the link import changes nothing.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../src/app/import-records';
import { cli, countEntities, makeNode, openTestNode, tempDir } from './cli-helpers';

let base: string;
let dir: string;
let nodeId: string;
const file = (name: string) => path.join(base, name);
const personId = (sourceId: string) => stableId(nodeId, 'entity\u0000registro-2024\u0000Person', sourceId);
const caseId = (sourceId: string) => stableId(nodeId, 'case\u0000registro-2024', sourceId);

const CASE_MAPPING = {
  kind: 'cases',
  source: 'registro-2024',
  idColumn: 'folio',
  columns: { referencia: 'reference', titulo: 'title', tipo: 'type', tlp: 'tlp', relato: 'narrative' },
  defaults: { jurisdiction: 'MX', purpose: 'investigation' },
};

// line 4: an unknown case type and a reference in another format
const CASES = [
  'folio,referencia,titulo,tipo,tlp,relato',
  'F-1,MX-2023-000042,Red de reclutamiento en Oaxaca,labour_trafficking,amber,"Cobro de cuotas, pasaportes retenidos"',
  'F-2,,Anuncios en línea durante el Mundial,Sex trafficking,TLP:AMBER+STRICT,',
  'F-3,2023/77,Caso mal escrito,trafico,GREEN,',
].join('\n');

const PEOPLE_MAPPING = {
  kind: 'entities',
  schema: 'Person',
  source: 'registro-2024',
  idColumn: 'id',
  columns: { 'name.given': 'givenName', 'name.family': 'surname', phones: 'phone', born: 'birthDate' },
  dateOrder: 'DMY',
  caseColumn: 'case',
  roleColumn: 'role',
};

const PEOPLE_JSONL = [
  { id: 'V-1', name: { given: 'Rosa', family: 'Díaz' }, phones: ['+52 951 123 4567'], born: '23/07/1994', case: 'MX-2023-000042', role: 'victim' },
  { id: 'S-1', name: { given: 'Mario', family: 'Vega' }, phones: [], born: '1970', case: 'F-2', role: 'suspect' },
  { id: 'W-1', name: { given: 'Pedro', family: 'Luna' }, phones: ['+52 951 765 4321'], born: null, case: 'MX-2023-000042', role: '' },
]
  .map((o) => JSON.stringify(o))
  .join('\n');

beforeAll(async () => {
  base = tempDir('cases');
  dir = path.join(base, 'node');
  const node = await makeNode(dir);
  nodeId = node.ctx.node.nodeId;
  await node.store.close();
  writeFileSync(file('cases.json'), JSON.stringify(CASE_MAPPING));
  writeFileSync(file('cases.csv'), CASES);
  writeFileSync(file('people.map.json'), JSON.stringify(PEOPLE_MAPPING));
  writeFileSync(file('people.jsonl'), PEOPLE_JSONL + '\n');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('alianza import (cases, then people linked to them)', () => {
  it('reports a bad case row, then imports the good ones with their references', async () => {
    const bad = cli(['import', file('cases.csv'), '--mapping', file('cases.json'), '--agency', 'FGR', '--data', dir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^row 4, tipo: /m);
    expect(bad.stderr).toMatch(/^row 4, referencia: .*2023\/77/m);
    expect(bad.stderr).not.toMatch(/^row [23],/m);

    const ok = cli(['import', file('cases.csv'), '--mapping', file('cases.json'), '--agency', 'FGR', '--data', dir, '--skip-invalid']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/3 rows: 2 created/);
    const node = await openTestNode(dir);
    try {
      const given = await node.store.cases.getByReference('MX-2023-000042');
      expect(given?.id).toBe(caseId('F-1'));
      expect(given?.handling.tlp).toBe('AMBER');
      expect(given?.narrative).toBe('Cobro de cuotas, pasaportes retenidos');
      const generated = await node.store.cases.get(caseId('F-2'));
      expect(generated?.reference).toMatch(/^MX-\d{4}-\d{6}$/);
      expect(generated?.type).toBe('sex_trafficking');
      expect(generated?.handling.tlp).toBe('AMBER+STRICT');
      expect(await node.store.cases.get(caseId('F-3'))).toBeUndefined();
    } finally {
      await node.store.close();
    }
  });

  it('imports people from JSON lines, linking them to cases by reference or source id, with a role', async () => {
    const r = cli(['import', file('people.jsonl'), '--mapping', file('people.map.json'), '--agency', 'FGR', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 rows: 3 created/);
    const node = await openTestNode(dir);
    try {
      const rosa = await node.store.entities.get(personId('V-1'));
      expect(rosa?.properties).toMatchObject({ givenName: ['Rosa'], surname: ['Díaz'], birthDate: ['1994-07-23'], phone: ['+529511234567'] });
      const c42 = caseId('F-1');
      const subjects = await node.store.cases.listSubjects(c42);
      expect(subjects.map((s) => [s.entityId, s.role])).toEqual([[personId('V-1'), 'victim']]);
      expect((await node.store.cases.listLinks(c42)).map((l) => l.entityId)).toEqual([personId('W-1')]);
      const c2 = await node.store.cases.listSubjects(caseId('F-2'));
      expect(c2.map((s) => [s.entityId, s.role])).toEqual([[personId('S-1'), 'suspect']]);
    } finally {
      await node.store.close();
    }
  });

  it('re-running the JSON lines import changes nothing', async () => {
    const node = await openTestNode(dir);
    const before = { people: await countEntities(node, 'Person'), subjects: await node.store.cases.listSubjects(caseId('F-1')), kase: await node.store.cases.get(caseId('F-1')) };
    await node.store.close();
    const r = cli(['import', file('people.jsonl'), '--mapping', file('people.map.json'), '--agency', 'FGR', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 rows: 0 created, 0 linked to cases, 3 already present/);
    const after = await openTestNode(dir);
    try {
      expect(await countEntities(after, 'Person')).toBe(before.people);
      expect(await after.store.cases.listSubjects(caseId('F-1'))).toEqual(before.subjects);
      expect((await after.store.cases.get(caseId('F-1')))?.version).toBe(before.kase?.version);
    } finally {
      await after.store.close();
    }
  });

  it('reads a JSON array, numbering rows by their place in it, and names an unknown case', async () => {
    const list = [
      { id: 'V-1', name: { given: 'Rosa', family: 'Díaz' }, phones: ['+52 951 123 4567'], born: '23/07/1994', case: 'MX-2023-000042', role: 'victim' },
      { id: 'A-1', name: { given: 'Julia', family: 'Ortiz' }, born: '02/03/2001', case: 'MX-2023-000042', role: 'witness' },
      { id: 'B-1', name: { given: 'Sara', family: 'Ruiz' }, case: 'MX-1999-000001', role: 'victim' },
      { id: 'C-1', name: { given: 'Iván', family: 'Mora' }, case: 'F-2', role: 'jefe' },
    ];
    writeFileSync(file('people.json'), JSON.stringify(list, null, 2));
    const r = cli(['import', file('people.json'), '--mapping', file('people.map.json'), '--agency', 'FGR', '--data', dir, '--skip-invalid']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^row 3, case: .*MX-1999-000001/m);
    expect(r.stderr).toMatch(/^row 4, role: .*jefe/m);
    expect(r.stdout).toMatch(/4 rows: 1 created, 0 linked to cases, 1 already present, 0 present with other values, 2 invalid/);
    const node = await openTestNode(dir);
    try {
      const roles = (await node.store.cases.listSubjects(caseId('F-1'))).map((s) => s.role).sort();
      expect(roles).toEqual(['victim', 'witness']);
      expect((await node.store.entities.get(personId('A-1')))?.properties.birthDate).toEqual(['2001-03-02']);
    } finally {
      await node.store.close();
    }
  });
});
