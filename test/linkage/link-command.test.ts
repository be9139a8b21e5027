/**
 * `alianza link join` / `link dedupe` end to end on small files: encodings, mappings,
 * localised errors, atomic output.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerLinkCommands, runDedupe, runJoin, decodeText, writeAtomically } from '../../src/cli/link-command';
import { AlianzaError, localise } from '../../src/domain/errors';
import { parseCsv } from '../../src/linkage/csv-reader';
import { linkageCatalogue } from '../../src/linkage/errors';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alianza-link-'));
});
afterEach(() => {
  dir = '';
});
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

const LEFT = `id,nombre,apellidos,fecha_nacimiento,telefono,ciudad
a1,José Luis,Hernández Ruiz,14/03/1985,+52 55 1234 5678,Guadalajara
a2,María Guadalupe,de la Cruz Peña,1990-07-02,33 9876 5432,Zapopan
a3,Françoise,Tremblay,1979-11-23,+1 514 555 0142,Montréal
a4,William,O'Brien,1966-01-05,+1 404 555 0199,Atlanta
`;
const RIGHT = `id,first_name,last_name,dob,phone,city,notes
b1,PEPE,HERNANDEZ,1985-03-14,5512345678,GUADALAJARA,seen at the border
b2,Lupe,De La Cruz,1990,+52 1 33 9876 5432,Zapopan,
b3,Bill,OBrien,05/01/1966,(404) 555-0199,Atlanta,
b4,Marc,Gagnon,1988-02-02,+1 418 555 0000,Québec,
`;

function errorOf(fn: () => unknown): AlianzaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AlianzaError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('link join', () => {
  it('links two small files with different headers and writes left_id,right_id,match_probability', () => {
    const log: string[] = [];
    const out = path.join(dir, 'pairs.csv');
    runJoin(file('a.csv', LEFT), file('b.csv', RIGHT), { id: 'id', out, country: 'MX' }, (l) => log.push(l));
    const t = parseCsv(readFileSync(out, 'utf8'));
    expect(t.header.slice(0, 3)).toEqual(['left_id', 'right_id', 'match_probability']);
    const pairs = t.rows.map((r) => `${r[0]}-${r[1]}`).sort();
    expect(pairs).toEqual(['a1-b1', 'a2-b2', 'a4-b3']);
    for (const r of t.rows) expect(Number(r[2])).toBeGreaterThanOrEqual(0.9);
    expect(log.join('\n')).toMatch(/notes/); // the unknown column is reported
  });

  it('reads a Latin-1 file and says so', () => {
    const latin1 = Buffer.from(RIGHT, 'latin1');
    expect(decodeText(latin1).latin1).toBe(true);
    expect(decodeText(Buffer.from(RIGHT, 'utf8')).latin1).toBe(false);
    const log: string[] = [];
    const out = path.join(dir, 'pairs.csv');
    runJoin(file('a.csv', LEFT), file('b.csv', latin1), { id: 'id', out, country: 'MX' }, (l) => log.push(l));
    expect(log.some((l) => l.includes('Latin-1'))).toBe(true);
    const t = parseCsv(readFileSync(out, 'utf8'));
    expect(t.rows.map((r) => `${r[0]}-${r[1]}`).sort()).toEqual(['a1-b1', 'a2-b2', 'a4-b3']);
  });

  it('follows a mapping file for columns it does not know', () => {
    const left = file('a.csv', 'folio,nom_pila,ap_paterno,fnac\n1,Ana,Ruiz,1990-01-02\n2,Luis,Peña,1980-03-04\n');
    const right = file('b.csv', 'folio,nom_pila,ap_paterno,fnac\nx,ANA,RUIZ,02/01/1990\ny,Marc,Roy,1975-05-06\n');
    const mapping = file('m.json', JSON.stringify({ columns: { nom_pila: 'given_name', ap_paterno: 'surname', fnac: 'date_of_birth' } }));
    const out = path.join(dir, 'pairs.csv');
    runJoin(left, right, { id: 'folio', out, mapping, train: false }, () => undefined);
    expect(readFileSync(out, 'utf8')).toMatch(/^left_id,right_id,match_probability.*\n1,x,/);
  });

  it('refuses a bad threshold, a missing id column, a bad mapping, with codes and localised text', () => {
    const a = file('a.csv', LEFT);
    const b = file('b.csv', RIGHT);
    const out = path.join(dir, 'pairs.csv');
    expect(errorOf(() => runJoin(a, b, { id: 'id', out, threshold: '1.5' })).code).toBe('LINK_THRESHOLD_INVALID');
    const missing = errorOf(() => runJoin(a, b, { id: 'rec_id', out }));
    expect(missing.code).toBe('LINK_ID_COLUMN_MISSING');
    expect(localise([linkageCatalogue], missing.code, 'fr', missing.params)).toMatch(/La colonne d’identifiant « rec_id » n’est pas dans/);
    expect(localise([linkageCatalogue], missing.code, 'es', missing.params)).toMatch(/La columna de identificador «rec_id» no está en/);
    expect(errorOf(() => runJoin(a, b, { id: 'id', out, mapping: file('m.json', '{"columns": 3}') })).code).toBe('LINK_MAPPING_BAD_FORMAT');
    expect(errorOf(() => runJoin(path.join(dir, 'nope.csv'), b, { id: 'id', out })).code).toBe('LINK_FILE_UNREADABLE');
    const bad = file('bad.csv', 'id,first_name\n1,Ana\n2,"Luis\n');
    const e = errorOf(() => runJoin(a, bad, { id: 'id', out }));
    expect(e.code).toBe('LINK_CSV_UNTERMINATED_QUOTE');
    expect(e.params.row).toBe(3);
    expect(existsSync(out)).toBe(false);
  });

  it('prints its messages in the language asked for', () => {
    const log: string[] = [];
    runJoin(file('a.csv', LEFT), file('b.csv', RIGHT), { id: 'id', out: path.join(dir, 'p.csv'), lang: 'es' }, (l) => log.push(l));
    expect(log.join('\n')).toMatch(/pares emparejados escritos en/);
    expect(log.join('\n')).toMatch(/Columnas de .* ignoradas/);
  });
});

describe('link dedupe', () => {
  it('writes every input row once with a cluster id', () => {
    const f = file(
      'people.csv',
      `unique_id,first_name,surname,dob,email
1,Robert,Allen,1971-06-24,robert@smith.net
2,Bob,Allen,24/06/1971,robert@smith.net
3,Rob,Alan,1971-06-24,
4,Marie,Tremblay,1980-01-01,marie@videotron.ca
5,Ana,Ruiz,,
`,
    );
    const out = path.join(dir, 'clusters.csv');
    runDedupe(f, { id: 'unique_id', out }, () => undefined);
    const t = parseCsv(readFileSync(out, 'utf8'));
    expect(t.header).toEqual(['id', 'cluster_id']);
    expect(t.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    const cluster = new Map(t.rows.map((r) => [r[0], r[1]]));
    expect(cluster.get('2')).toBe(cluster.get('1'));
    expect(cluster.get('4')).not.toBe(cluster.get('1'));
    expect(cluster.get('5')).toBe('5');
  });
});

describe('command registration and output', () => {
  it('adds link join and link dedupe to a program and runs them from argv', async () => {
    const program = new Command('alianza').exitOverride();
    registerLinkCommands(program);
    const link = program.commands.find((c) => c.name() === 'link');
    expect(link?.commands.map((c) => c.name()).sort()).toEqual(['dedupe', 'join']);
    const out = path.join(dir, 'pairs.csv');
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      await program.parseAsync(['node', 'alianza', 'link', 'join', file('a.csv', LEFT), file('b.csv', RIGHT), '--id', 'id', '--out', out, '--country', 'MX', '--lang', 'fr']);
    } finally {
      process.stderr.write = write;
    }
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^left_id,right_id,match_probability/);
  });

  it('writes atomically: a failed write leaves neither a partial file nor a temporary one', () => {
    const target = path.join(dir, 'missing-dir', 'out.csv');
    expect(() => writeAtomically(target, 'x')).toThrow(/LINK_FILE_UNWRITABLE/);
    writeAtomically(path.join(dir, 'ok.csv'), 'a,b\n');
    expect(readFileSync(path.join(dir, 'ok.csv'), 'utf8')).toBe('a,b\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
