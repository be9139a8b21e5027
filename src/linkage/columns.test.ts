import { describe, expect, it } from 'vitest';
import { fieldOfHeader, parseMapping, recogniseColumns, tableToRecords } from './columns';
import { parseCsv } from './csv-reader';

describe('column recognition', () => {
  it('recognises English, French and Spanish headers', () => {
    expect(fieldOfHeader('First Name')).toBe('given_name');
    expect(fieldOfHeader('given_name')).toBe('given_name');
    expect(fieldOfHeader('Prénom')).toBe('given_name');
    expect(fieldOfHeader('Apellidos')).toBe('surname');
    expect(fieldOfHeader('Fecha de nacimiento')).toBe('date_of_birth');
    expect(fieldOfHeader('DOB')).toBe('date_of_birth');
    expect(fieldOfHeader('suburb')).toBe('locality');
    expect(fieldOfHeader('Code postal')).toBe('postcode');
    expect(fieldOfHeader('soc_sec_id')).toBe('identifier');
    expect(fieldOfHeader('Courriel')).toBe('email');
    expect(fieldOfHeader('Teléfono')).toBe('phone');
    expect(fieldOfHeader('cluster')).toBeNull();
  });
  it('ignores unknown columns and lists them; the id column is not one of them', () => {
    const r = recogniseColumns(['unique_id', 'first_name', 'surname', 'cluster'], { idColumn: 'unique_id' });
    expect(r.idIndex).toBe(0);
    expect(r.fields.map((f) => f.field)).toEqual(['given_name', 'surname']);
    expect(r.ignored).toEqual(['cluster']);
  });
  it('follows a mapping file, including "ignore"', () => {
    const mapping = parseMapping({ columns: { nom_pila: 'given_name', ap_paterno: 'surname', cluster: 'ignore' } });
    const r = recogniseColumns(['folio', 'nom_pila', 'ap_paterno', 'cluster'], { idColumn: 'folio', mapping });
    expect(r.fields.map((f) => [f.column, f.field])).toEqual([
      ['nom_pila', 'given_name'],
      ['ap_paterno', 'surname'],
    ]);
    expect(r.ignored).toEqual([]);
  });
  it('refuses a bad mapping, a missing id column and a table with nothing to match on', () => {
    expect(() => parseMapping({ cols: {} })).toThrow(/LINK_MAPPING_BAD_FORMAT/);
    expect(() => parseMapping({ columns: { x: 'shoe_size' } })).toThrow(/LINK_MAPPING_UNKNOWN_FIELD/);
    expect(() => recogniseColumns(['a', 'b'], { idColumn: 'id' })).toThrow(/LINK_ID_COLUMN_MISSING/);
    expect(() => recogniseColumns(['id', 'colour', 'size'], { idColumn: 'id' })).toThrow(/LINK_COLUMNS_NONE_USABLE/);
  });
  it('turns rows into records and names the line of an empty or repeated id', () => {
    const table = parseCsv('id,first_name,phone,mobile\n1,Ana,555-0101,555-0102\n2,Luis,,\n');
    const cols = recogniseColumns(table.header, { idColumn: 'id' });
    expect(tableToRecords(table, cols)).toEqual([
      { id: '1', fields: { given_name: ['Ana'], phone: ['555-0101', '555-0102'] } },
      { id: '2', fields: { given_name: ['Luis'] } },
    ]);
    const dup = parseCsv('id,first_name\n1,Ana\n1,Luis\n');
    expect(() => tableToRecords(dup, recogniseColumns(dup.header, { idColumn: 'id' }))).toThrow(/LINK_ID_DUPLICATE.*"row":3/);
    const empty = parseCsv('id,first_name\n1,Ana\n ,Luis\n');
    expect(() => tableToRecords(empty, recogniseColumns(empty.header, { idColumn: 'id' }))).toThrow(/LINK_ID_EMPTY.*"row":3/);
  });
});
