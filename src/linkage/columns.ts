/**
 * Recognising the columns of a table of people without configuration ("first_name",
 * "Nombre", "date de naissance", "zip" ...), with a mapping file for the rest:
 * {"columns": {"their_column": "given_name", "notes": "ignore"}}. Unknown columns are
 * ignored and reported; a table with no usable column is refused.
 */
import { AlianzaError } from '../domain/errors';
import type { CsvTable } from './csv-reader';
import { PERSON_FIELDS, type PersonField, type PersonRecord } from './person-record';
import { foldText } from './text-fold';

export interface ColumnMapping {
  columns: Record<string, PersonField | 'ignore'>;
}

const SYNONYMS: Record<PersonField, string[]> = {
  given_name: ['given_name', 'given_names', 'first_name', 'firstname', 'forename', 'forenames', 'given', 'first', 'fname', 'nombre', 'nombres', 'prenom', 'prenoms'],
  middle_name: ['middle_name', 'middlename', 'middle', 'second_name', 'segundo_nombre', 'deuxieme_prenom'],
  surname: ['surname', 'surnames', 'last_name', 'lastname', 'family_name', 'familyname', 'lname', 'apellido', 'apellidos', 'nom_de_famille', 'nom_famille', 'nom'],
  full_name: ['full_name', 'fullname', 'name', 'person_name', 'nombre_completo', 'nom_complet'],
  date_of_birth: ['date_of_birth', 'dob', 'birth_date', 'birthdate', 'date_birth', 'born', 'fecha_de_nacimiento', 'fecha_nacimiento', 'f_nacimiento', 'date_de_naissance', 'date_naissance', 'ddn'],
  sex: ['sex', 'gender', 'sexo', 'sexe', 'genero', 'genre'],
  street_number: ['street_number', 'house_number', 'street_no', 'numero', 'num_ext', 'numero_exterior', 'no_civique'],
  address_1: ['address_1', 'address1', 'address', 'address_line_1', 'street', 'street_address', 'direccion', 'calle', 'domicilio', 'adresse', 'rue'],
  address_2: ['address_2', 'address2', 'address_line_2', 'colonia', 'complemento', 'complement_adresse'],
  locality: ['locality', 'suburb', 'city', 'town', 'municipality', 'ciudad', 'municipio', 'localidad', 'poblacion', 'ville', 'commune', 'localite'],
  postcode: ['postcode', 'post_code', 'postal_code', 'postalcode', 'zip', 'zipcode', 'zip_code', 'codigo_postal', 'cp', 'code_postal'],
  region: ['region', 'state', 'province', 'county', 'estado', 'provincia', 'entidad', 'entidad_federativa'],
  country: ['country', 'country_code', 'pais', 'pays', 'nationality', 'nacionalidad', 'nationalite'],
  email: ['email', 'e_mail', 'email_address', 'mail', 'correo', 'correo_electronico', 'courriel', 'adresse_courriel'],
  phone: ['phone', 'phone_number', 'telephone', 'telephone_number', 'tel', 'mobile', 'cell', 'cellphone', 'cell_phone', 'mobile_phone', 'telefono', 'celular', 'movil', 'cellulaire', 'portable'],
  identifier: ['identifier', 'soc_sec_id', 'ssn', 'sin', 'nas', 'social_security_number', 'national_id', 'curp', 'rfc', 'passport', 'passport_number', 'pasaporte', 'numero_de_pasaporte', 'passeport', 'id_number', 'document_number'],
};

const FIELD_OF_HEADER = new Map<string, PersonField>();
for (const field of PERSON_FIELDS) for (const s of SYNONYMS[field]) FIELD_OF_HEADER.set(s, field);

/** "First Name" → "first_name", "Fecha de nacimiento" → "fecha_de_nacimiento". */
export function headerKey(header: string): string {
  return foldText(header).replace(/ /g, '_');
}

/** The field a header names, if it is one of the recognised names. */
export function fieldOfHeader(header: string): PersonField | null {
  const key = headerKey(header);
  return FIELD_OF_HEADER.get(key) ?? FIELD_OF_HEADER.get(key.replace(/_/g, '')) ?? null;
}

/** Checks a parsed mapping file. Throws LINK_MAPPING_BAD_FORMAT or LINK_MAPPING_UNKNOWN_FIELD. */
export function parseMapping(json: unknown): ColumnMapping {
  const columns = (json as { columns?: unknown } | null)?.columns;
  if (!columns || typeof columns !== 'object' || Array.isArray(columns)) throw new AlianzaError('LINK_MAPPING_BAD_FORMAT');
  const out: ColumnMapping = { columns: {} };
  for (const [column, field] of Object.entries(columns as Record<string, unknown>)) {
    if (typeof field !== 'string') throw new AlianzaError('LINK_MAPPING_BAD_FORMAT');
    if (field !== 'ignore' && !(PERSON_FIELDS as readonly string[]).includes(field)) {
      throw new AlianzaError('LINK_MAPPING_UNKNOWN_FIELD', { column, field, fields: [...PERSON_FIELDS, 'ignore'].join(', ') });
    }
    out.columns[column] = field as PersonField | 'ignore';
  }
  return out;
}

export interface RecognisedColumns {
  idIndex: number;
  fields: { index: number; column: string; field: PersonField }[];
  /** Columns neither recognised nor mapped (the id column excluded). */
  ignored: string[];
}

export interface RecogniseOptions {
  idColumn: string;
  mapping?: ColumnMapping;
  file?: string;
}

/** Finds the id column and the person fields of a header. */
export function recogniseColumns(header: readonly string[], options: RecogniseOptions): RecognisedColumns {
  const file = options.file ?? 'CSV';
  let idIndex = header.indexOf(options.idColumn);
  if (idIndex < 0) idIndex = header.findIndex((h) => headerKey(h) === headerKey(options.idColumn));
  if (idIndex < 0) throw new AlianzaError('LINK_ID_COLUMN_MISSING', { column: options.idColumn, file, columns: header.join(', ') });
  const mapped = new Map<string, PersonField | 'ignore'>();
  for (const [col, field] of Object.entries(options.mapping?.columns ?? {})) mapped.set(headerKey(col), field);
  const fields: RecognisedColumns['fields'] = [];
  const ignored: string[] = [];
  header.forEach((column, index) => {
    if (index === idIndex) return;
    const explicit = options.mapping?.columns[column] ?? mapped.get(headerKey(column));
    if (explicit === 'ignore') return;
    const field = explicit ?? fieldOfHeader(column);
    if (field) fields.push({ index, column, field });
    else ignored.push(column);
  });
  if (fields.length === 0) throw new AlianzaError('LINK_COLUMNS_NONE_USABLE', { file, columns: header.join(', ') });
  return { idIndex, fields, ignored };
}

/** Rows to person records; ids must be present and unique (errors name the line). */
export function tableToRecords(table: CsvTable, columns: RecognisedColumns, file = 'CSV'): PersonRecord[] {
  const seen = new Set<string>();
  return table.rows.map((row, r) => {
    const line = table.lines[r] ?? r + 2;
    const id = (row[columns.idIndex] ?? '').trim();
    if (id === '') throw new AlianzaError('LINK_ID_EMPTY', { row: line, file });
    if (seen.has(id)) throw new AlianzaError('LINK_ID_DUPLICATE', { row: line, file, id });
    seen.add(id);
    const fields: Partial<Record<PersonField, string[]>> = {};
    for (const c of columns.fields) {
      const v = (row[c.index] ?? '').trim();
      if (v === '') continue;
      (fields[c.field] ??= []).push(v);
    }
    return { id, fields };
  });
}
