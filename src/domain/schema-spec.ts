/**
 * The shape of a schema file (schema/*.json) and the checks that turn an untyped file into
 * a resolved Schema. A malformed schema file is a defect of the program, not of user
 * input, so problems are thrown as plain errors naming the file and the field.
 */
import { LOCALES, type Locale } from './model';

export type Labels = Record<Locale, string>;

export const PROPERTY_TYPES = [
  'name',
  'string',
  'text',
  'date',
  'country',
  'phone',
  'email',
  'address',
  'identifier',
  'money',
  'currency',
  'url',
  'number',
  'entity',
] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** What a redacted copy keeps of a property: the value, or only the year of a date. */
export type Redaction = 'keep' | 'year';

export interface PropertySpec {
  name: string;
  type: PropertyType;
  label: Labels;
  multiple: boolean;
  /** used by cross-border matching and entity resolution */
  matchable: boolean;
  /** a value shared by two entities links them in the network (phones, ids, accounts) */
  pivot: boolean;
  /** for `entity` properties: the schemata an id may point to */
  range: string[] | null;
  /** a closed list of codes, each with labels */
  enum: string[] | null;
  enumLabels: Record<string, Labels> | null;
  /** absent: the value is dropped when an entity is redacted */
  redaction: Redaction | null;
  /** the schema that declares the property */
  definedIn: string;
}

export interface EdgeSpec {
  source: string;
  target: string;
  directed: boolean;
  label: Labels;
}

/** A caption part is a property name, or a list of properties whose first values are joined. */
export type CaptionPart = string | string[];

export interface Schema {
  name: string;
  label: Labels;
  plural: Labels;
  description: Labels;
  extends: string | null;
  abstract: boolean;
  caption: CaptionPart[];
  required: string[];
  properties: Record<string, PropertySpec>;
  edge: EdgeSpec | null;
  /** this schema's name and those it extends, nearest first */
  lineage: string[];
}

/** A schema as written in its file, before inheritance is resolved. */
export interface SchemaFile {
  name: string;
  label: Labels;
  plural: Labels;
  description: Labels;
  extends: string | null;
  abstract: boolean;
  caption: CaptionPart[];
  required: string[];
  properties: Record<string, Omit<PropertySpec, 'definedIn'>>;
  edge: EdgeSpec | null;
}

const fail = (where: string, what: string): never => {
  throw new Error(`schema ${where}: ${what}`);
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function labels(v: unknown, where: string): Labels {
  if (!isRecord(v)) return fail(where, 'labels must be an object {en, fr, es}');
  const out = {} as Labels;
  for (const l of LOCALES) {
    const s = v[l];
    if (typeof s !== 'string' || s.trim() === '') return fail(where, `label in "${l}" is missing`);
    out[l] = s;
  }
  return out;
}

function stringList(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return fail(where, 'must be a list of strings');
  return v as string[];
}

const bool = (v: unknown, where: string): boolean => {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') return fail(where, 'must be true or false');
  return v;
};

const IDENT = /^[A-Za-z][A-Za-z0-9]*$/;

function property(name: string, v: unknown, where: string): Omit<PropertySpec, 'definedIn'> {
  if (!IDENT.test(name)) fail(where, 'property names are letters and digits');
  if (!isRecord(v)) return fail(where, 'must be an object');
  const type = v.type;
  if (typeof type !== 'string' || !(PROPERTY_TYPES as readonly string[]).includes(type)) {
    return fail(where, `unknown property type ${JSON.stringify(type)}`);
  }
  const range = v.range === undefined ? null : stringList(v.range, `${where}.range`);
  if (type === 'entity' && (!range || range.length === 0)) fail(where, 'an entity property needs a range');
  if (type !== 'entity' && range) fail(where, 'only entity properties have a range');
  const enumCodes = v.enum === undefined ? null : stringList(v.enum, `${where}.enum`);
  let enumLabels: Record<string, Labels> | null = null;
  if (enumCodes) {
    if (type !== 'string') fail(where, 'only string properties may have an enum');
    if (new Set(enumCodes).size !== enumCodes.length) fail(where, 'enum codes repeat');
    if (!isRecord(v.enumLabels)) return fail(where, 'an enum needs enumLabels');
    const raw = v.enumLabels;
    enumLabels = {};
    for (const code of enumCodes) enumLabels[code] = labels(raw[code], `${where}.enumLabels.${code}`);
    for (const code of Object.keys(raw)) if (!enumCodes.includes(code)) fail(where, `enumLabels has unknown code ${code}`);
  }
  const redaction = v.redaction;
  if (redaction !== undefined && redaction !== 'keep' && redaction !== 'year') fail(where, 'redaction is "keep" or "year"');
  if (redaction === 'year' && type !== 'date') fail(where, 'redaction "year" applies to dates only');
  return {
    name,
    type: type as PropertyType,
    label: labels(v.label, `${where}.label`),
    multiple: bool(v.multiple, `${where}.multiple`),
    matchable: bool(v.matchable, `${where}.matchable`),
    pivot: bool(v.pivot, `${where}.pivot`),
    range,
    enum: enumCodes,
    enumLabels,
    redaction: (redaction as Redaction | undefined) ?? null,
  };
}

/** Checks the shape of one schema file. */
export function parseSchemaFile(raw: unknown): SchemaFile {
  if (!isRecord(raw)) return fail('?', 'a schema file holds one object');
  const name = raw.name;
  if (typeof name !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(name)) return fail('?', 'name must be PascalCase');
  const caption = raw.caption;
  if (!Array.isArray(caption)) return fail(name, 'caption must be a list');
  const parts: CaptionPart[] = caption.map((p, i) => (typeof p === 'string' ? p : stringList(p, `${name}.caption[${i}]`)));
  if (!isRecord(raw.properties)) return fail(name, 'properties must be an object');
  const properties: SchemaFile['properties'] = {};
  for (const [k, v] of Object.entries(raw.properties)) properties[k] = property(k, v, `${name}.properties.${k}`);
  let edge: EdgeSpec | null = null;
  if (raw.edge !== undefined) {
    const e = raw.edge;
    if (!isRecord(e) || typeof e.source !== 'string' || typeof e.target !== 'string' || typeof e.directed !== 'boolean') {
      return fail(name, 'edge needs source, target and directed');
    }
    edge = { source: e.source, target: e.target, directed: e.directed, label: labels(e.label, `${name}.edge.label`) };
  }
  if (raw.extends !== undefined && typeof raw.extends !== 'string') fail(name, 'extends names one schema');
  return {
    name,
    label: labels(raw.label, `${name}.label`),
    plural: labels(raw.plural, `${name}.plural`),
    description: labels(raw.description, `${name}.description`),
    extends: (raw.extends as string | undefined) ?? null,
    abstract: bool(raw.abstract, `${name}.abstract`),
    caption: parts,
    required: stringList(raw.required ?? [], `${name}.required`),
    properties,
    edge,
  };
}

/** Resolves inheritance and checks cross-references; returns the schemata by name. */
export function resolveSchemata(files: SchemaFile[]): Map<string, Schema> {
  const byName = new Map<string, SchemaFile>();
  for (const f of files) {
    if (byName.has(f.name)) fail(f.name, 'defined twice');
    byName.set(f.name, f);
  }
  const resolved = new Map<string, Schema>();
  const resolve = (name: string, seen: string[]): Schema => {
    const done = resolved.get(name);
    if (done) return done;
    if (seen.includes(name)) return fail(name, `extends itself through ${seen.join(' > ')}`);
    const f = byName.get(name);
    if (!f) return fail(seen[seen.length - 1] ?? name, `extends unknown schema ${name}`);
    const parent = f.extends ? resolve(f.extends, [...seen, name]) : null;
    const properties: Record<string, PropertySpec> = { ...(parent?.properties ?? {}) };
    for (const [k, p] of Object.entries(f.properties)) {
      if (properties[k]) fail(name, `property ${k} is already defined in ${properties[k].definedIn}`);
      properties[k] = { ...p, definedIn: name };
    }
    const s: Schema = {
      name,
      label: f.label,
      plural: f.plural,
      description: f.description,
      extends: f.extends,
      abstract: f.abstract,
      caption: f.caption.length ? f.caption : (parent?.caption ?? []),
      required: [...new Set([...(parent?.required ?? []), ...f.required])],
      properties,
      edge: f.edge ?? parent?.edge ?? null,
      lineage: [name, ...(parent?.lineage ?? [])],
    };
    resolved.set(name, s);
    return s;
  };
  for (const f of files) resolve(f.name, []);

  for (const s of resolved.values()) {
    for (const part of s.caption.flat()) if (!s.properties[part]) fail(s.name, `caption names unknown property ${part}`);
    for (const r of s.required) if (!s.properties[r]) fail(s.name, `required names unknown property ${r}`);
    for (const p of Object.values(s.properties)) {
      for (const target of p.range ?? []) if (!resolved.has(target)) fail(s.name, `${p.name} ranges over unknown schema ${target}`);
    }
    if (s.edge) {
      for (const end of [s.edge.source, s.edge.target]) {
        const p = s.properties[end];
        if (!p || p.type !== 'entity' || p.multiple) fail(s.name, `edge end ${end} must be a single entity property`);
        if (!s.required.includes(end)) fail(s.name, `edge end ${end} must be required`);
      }
    }
  }
  return resolved;
}
