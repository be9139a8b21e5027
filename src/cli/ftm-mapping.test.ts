import { describe, expect, it } from 'vitest';
import type { Entity } from '../domain/model';
import { schemata } from '../domain/schema-registry';
import { FTM_SCHEMATA, FTM_UNMAPPED, FtmExport } from './ftm-mapping';

const entity = (id: string, schema: string, properties: Record<string, string[]>): Entity => ({
  id,
  schema,
  properties,
  caption: id,
  owningAgencyId: 'a',
  crossBorderCheck: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

function exportAll(list: Entity[]) {
  const x = new FtmExport();
  for (const e of list) x.observe(e);
  const out = list.map((e) => x.convert(e)).filter((e) => e !== null);
  return { out: new Map(out.map((e) => [e.id, e])), stats: x.stats };
}

describe('FollowTheMoney mapping', () => {
  it('decides for every concrete schema: mapped, kept under our name, or folded', () => {
    for (const s of schemata.all()) {
      if (s.abstract) continue;
      const decided = s.name in FTM_SCHEMATA || (FTM_UNMAPPED as readonly string[]).includes(s.name) || s.name === 'Phone' || s.name === 'Email';
      expect(decided, `${s.name} has no FtM decision`).toBe(true);
    }
  });

  it('maps every property of a mapped schema to an FtM property or to the summary', () => {
    for (const [name, map] of Object.entries(FTM_SCHEMATA)) {
      const schema = schemata.get(name)!;
      expect(schema, name).toBeDefined();
      for (const prop of Object.keys(map.props)) expect(Object.keys(schema.properties), `${name}.${prop}`).toContain(prop);
    }
  });

  it('renames edge ends per schema, and puts bank accounts of payments in the account properties', () => {
    const { out } = exportAll([
      entity('o', 'Organization', { name: ['Agro'] }),
      entity('p', 'Person', { name: ['Ana'] }),
      entity('b', 'BankAccount', { accountNumber: ['1'] }),
      entity('e', 'Employment', { source: ['o'], target: ['p'], wage: ['5.00 USD'] }),
      entity('pay', 'Payment', { source: ['p'], target: ['b'], amount: ['10'] }),
      entity('r', 'Recruitment', { source: ['o'], target: ['p'] }),
    ]);
    expect(out.get('e')).toEqual({ id: 'e', schema: 'Employment', properties: { employer: ['o'], employee: ['p'], summary: ['wage: 5.00 USD'] } });
    expect(out.get('pay')?.properties).toEqual({ payer: ['p'], beneficiaryAccount: ['b'], amount: ['10'] });
    expect(out.get('r')).toEqual({ id: 'r', schema: 'Recruitment', properties: { source: ['o'], target: ['p'] } });
  });

  it('folds owned phones and e-mails into their owner, once, and leaves out unowned ones', () => {
    const { out, stats } = exportAll([
      entity('org', 'Organization', { name: ['Agro'], phone: ['+1'] }),
      entity('ph', 'Phone', { number: ['+2'] }),
      entity('ph2', 'Phone', { number: ['+1'] }),
      entity('lost', 'Phone', { number: ['+3'] }),
      entity('mail', 'Email', { email: ['a@b.mx'] }),
      entity('o1', 'Ownership', { source: ['org'], target: ['ph'] }),
      entity('o2', 'Ownership', { source: ['org'], target: ['ph2'] }),
      entity('o3', 'Ownership', { source: ['org'], target: ['mail'] }),
    ]);
    expect(out.get('org')?.properties).toEqual({ name: ['Agro'], phone: ['+1', '+2'], email: ['a@b.mx'] });
    expect([...out.keys()]).toEqual(['org']);
    expect(stats).toEqual({ exported: 1, folded: 3, unowned: 1, unmapped: 0 });
  });

  it('drops genders FtM cannot say and maps non-binary to "other"', () => {
    const { out } = exportAll([entity('a', 'Person', { gender: ['unknown'] }), entity('b', 'Person', { gender: ['non_binary'] })]);
    expect(out.get('a')?.properties).toEqual({});
    expect(out.get('b')?.properties).toEqual({ gender: ['other'] });
  });
});
