/**
 * The import use case in-process (no command line): relationships between imported entities,
 * records present with other values, mapping errors, and day-first dates.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMapping, importRecords, reorderDate, stableId, type ImportMapping, type SourceRow } from '../../src/app/import-records';
import { AlianzaError } from '../../src/domain/errors';
import type { OpenNode } from '../../src/server/open-node';
import { makeNode, tempDir } from './cli-helpers';

let base: string;
let node: OpenNode;
let agencyId: string;

const rows = (...list: Record<string, string>[]): SourceRow[] => list.map((cells, i) => ({ row: i + 2, cells }));
const entities = (schema: string, columns: Record<string, string>, extra: Partial<ImportMapping> = {}): ImportMapping => ({ kind: 'entities', schema, source: 's', idColumn: 'id', columns, ...extra });
const idOf = (schema: string, sourceId: string) => stableId(node.ctx.node.nodeId, `entity\u0000s\u0000${schema}`, sourceId);

beforeAll(async () => {
  base = tempDir('records');
  node = await makeNode(path.join(base, 'node'));
  agencyId = (await node.store.agencies.getByCode('FGR'))!.id;
  await importRecords(node.ctx, null, agencyId, rows({ id: '7', name: 'Agro Norte' }, { id: '8', name: 'Reclutas SA' }), entities('Organization', { name: 'name' }));
  await importRecords(node.ctx, null, agencyId, rows({ id: '7', given: 'Ana' }, { id: '9', given: 'Luis' }), entities('Person', { given: 'givenName' }));
});
afterAll(async () => {
  await node.store.close();
  rmSync(base, { recursive: true, force: true });
});

describe('importRecords', () => {
  it('joins edges to imported entities by their source ids, and names the bad ends', async () => {
    const report = await importRecords(
      node.ctx,
      null,
      agencyId,
      rows(
        { id: 'E1', employer: '8', worker: '9', job: 'picker' },
        { id: 'E2', employer: '7', worker: '9', job: 'driver' },
        { id: 'E3', employer: '8', worker: '404', job: '' },
        { id: 'E4', employer: '9', worker: '8', job: '' },
      ),
      entities('Employment', { employer: 'source', worker: 'target', job: 'role' }),
      { skipInvalid: true },
    );
    expect(report.rows.map((r) => [r.row, r.status, r.issues.map((i) => `${i.field}:${i.code}`)])).toEqual([
      [2, 'created', []],
      [3, 'invalid', ['employer:IMPORT_AMBIGUOUS_REFERENCE']],
      [4, 'invalid', ['worker:ENTITY_REFERENCE_NOT_FOUND']],
      [5, 'invalid', ['worker:ENTITY_REFERENCE_WRONG_TYPE']],
    ]);
    const e1 = await node.store.entities.get(idOf('Employment', 'E1'));
    expect(e1?.properties).toMatchObject({ source: [idOf('Organization', '8')], target: [idOf('Person', '9')], role: ['picker'] });
    expect((await node.store.entities.listEdgesOf(idOf('Person', '9'))).map((e) => e.id)).toEqual([idOf('Employment', 'E1')]);
  });

  it('reports a record present with other values and leaves it as it is', async () => {
    const r = await importRecords(node.ctx, null, agencyId, rows({ id: '7', given: 'Anita' }, { id: '9', given: 'Luis' }), entities('Person', { given: 'givenName' }));
    expect(r.rows.map((x) => x.status)).toEqual(['differs', 'unchanged']);
    expect(r.written).toBe(true);
    expect((await node.store.entities.get(idOf('Person', '7')))?.properties.givenName).toEqual(['Ana']);
  });

  it('writes nothing at all when one row is invalid', async () => {
    const before = (await node.store.entities.list({ limit: 1 })).total;
    const r = await importRecords(node.ctx, null, agencyId, rows({ id: 'N1', given: 'Nora' }, { id: 'N2', given: 'Bad<script>' }, { id: 'N1', given: 'Twice' }), entities('Person', { given: 'givenName' }));
    expect(r.written).toBe(false);
    expect(r.rows.map((x) => x.status)).toEqual(['created', 'invalid', 'invalid']);
    expect(r.rows[2]!.issues[0]!.code).toBe('IMPORT_DUPLICATE_ID');
    expect((await node.store.entities.list({ limit: 1 })).total).toBe(before);
  });
});

describe('checkMapping', () => {
  it('names each mistake of a mapping at once', () => {
    try {
      checkMapping({ kind: 'entities', schema: 'Persona', columns: { a: 'givenName' }, dateOrder: 'DDMMYY', role: 'boss' });
      expect.unreachable();
    } catch (e) {
      expect((e as AlianzaError).code).toBe('IMPORT_BAD_MAPPING');
      expect((e as AlianzaError).issues.map((i) => `${i.field}:${i.code}`).sort()).toEqual(['dateOrder:IMPORT_MAPPING_VALUE', 'idColumn:IMPORT_MAPPING_REQUIRED', 'role:IMPORT_BAD_ROLE', 'schema:ENTITY_UNKNOWN_SCHEMA']);
    }
    expect(() => checkMapping({ kind: 'entities', schema: 'Person', idColumn: 'id', columns: { a: 'givenname' } })).toThrow(AlianzaError);
    expect(() => checkMapping({ kind: 'cases', idColumn: 'id', columns: { a: 'titel' } })).toThrow(AlianzaError);
    expect(checkMapping({ kind: 'cases', idColumn: 'id', columns: { a: 'title' } }).kind).toBe('cases');
  });
});

describe('reorderDate', () => {
  it('turns day-first and month-first dates into year-first ones, and leaves others alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2100 }), fc.constantFrom('/', '.', '-'), (d, m, y, sep) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(reorderDate(`${d}${sep}${m}${sep}${y}`, 'DMY')).toBe(iso);
        expect(reorderDate(`${m}${sep}${d}${sep}${y}`, 'MDY')).toBe(iso);
        expect(reorderDate(iso, 'DMY')).toBe(iso);
        expect(reorderDate(`${d}/${m}/${y}`, 'YMD')).toBe(`${d}/${m}/${y}`);
      }),
    );
  });
});
