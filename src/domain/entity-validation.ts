/**
 * Validation of an entity's properties against its schema: every value normalised by its
 * value type, every problem reported against the field it concerns (never a throw), and
 * the caption derived from the schema's caption rule.
 */
import type { FieldIssue } from './errors';
import type { Entity, Locale } from './model';
import { getSchema } from './schema-registry';
import type { PropertySpec, Schema } from './schema-spec';
import { fold } from './search-text';
import { normaliseValue } from './values/registry';
import type { ValueContext } from './values/types';

export const MAX_VALUES_PER_PROPERTY = 50;
export const CAPTION_MAX = 300;

export type EntityValidation =
  | { ok: true; schema: Schema; properties: Record<string, string[]>; caption: string }
  | { ok: false; issues: FieldIssue[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads an enum value given as its code (any case) or as its label in any language. */
function enumCode(spec: PropertySpec, value: string): string | undefined {
  const codes = spec.enum ?? [];
  if (codes.includes(value)) return value;
  const f = fold(value);
  return codes.find((c) => fold(c) === f || Object.values(spec.enumLabels?.[c] ?? {}).some((l) => fold(l) === f));
}

function normaliseProperty(spec: PropertySpec, raw: unknown, field: string, ctx: ValueContext, issues: FieldIssue[]): string[] {
  if (raw === undefined || raw === null) return [];
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (!Array.isArray(raw) && typeof raw !== 'string') {
    issues.push({ field, code: 'ENTITY_WRONG_TYPE', params: { property: spec.name } });
    return [];
  }
  if (list.length > MAX_VALUES_PER_PROPERTY) {
    issues.push({ field, code: 'ENTITY_TOO_MANY_VALUES', params: { property: spec.name, max: MAX_VALUES_PER_PROPERTY } });
    return [];
  }
  const out: string[] = [];
  list.forEach((v, i) => {
    const at = `${field}[${i}]`;
    if (typeof v !== 'string') {
      issues.push({ field: at, code: 'ENTITY_WRONG_TYPE', params: { property: spec.name } });
      return;
    }
    if (v.trim() === '') return; // an empty form field is no value
    const r = normaliseValue(spec.type, v, ctx);
    if (!r.ok) {
      issues.push({ field: at, code: r.code, params: { property: spec.name, ...(r.params ?? {}) } });
      return;
    }
    let value = r.value;
    if (spec.enum) {
      const code = enumCode(spec, value);
      if (!code) {
        issues.push({ field: at, code: 'VALUE_NOT_IN_LIST', params: { property: spec.name, allowed: spec.enum.join(', ') } });
        return;
      }
      value = code;
    }
    if (!out.includes(value)) out.push(value);
  });
  if (!spec.multiple && out.length > 1) {
    issues.push({ field, code: 'ENTITY_NOT_MULTIPLE', params: { property: spec.name } });
    return [];
  }
  return out;
}

/**
 * Validates and normalises the properties of an entity of `schemaName`. Values may be
 * given as a string or a list of strings; blank values are dropped; duplicates after
 * normalisation are merged. The returned properties follow the schema's order.
 */
export function validateEntity(schemaName: string, properties: unknown, ctx: ValueContext = {}): EntityValidation {
  const schema = getSchema(schemaName);
  if (!schema) return { ok: false, issues: [{ field: 'schema', code: 'ENTITY_UNKNOWN_SCHEMA', params: { schema: String(schemaName).slice(0, 64) } }] };
  if (!isRecord(properties)) return { ok: false, issues: [{ field: 'properties', code: 'ENTITY_PROPERTIES_NOT_OBJECT' }] };

  const issues: FieldIssue[] = [];
  for (const key of Object.keys(properties)) {
    if (!Object.hasOwn(schema.properties, key)) {
      issues.push({ field: `properties.${key.slice(0, 64)}`, code: 'ENTITY_UNKNOWN_PROPERTY', params: { property: key.slice(0, 64), schema: schema.name } });
    }
  }
  const out: Record<string, string[]> = {};
  for (const spec of Object.values(schema.properties)) {
    if (!Object.hasOwn(properties, spec.name)) continue;
    const values = normaliseProperty(spec, properties[spec.name], `properties.${spec.name}`, ctx, issues);
    if (values.length) out[spec.name] = values;
  }
  for (const r of schema.required) {
    const alreadyReported = issues.some((i) => i.field === `properties.${r}` || i.field.startsWith(`properties.${r}[`));
    if (!out[r] && !alreadyReported) issues.push({ field: `properties.${r}`, code: 'ENTITY_REQUIRED', params: { property: r } });
  }
  if (issues.length === 0 && Object.keys(out).length === 0) issues.push({ field: 'properties', code: 'ENTITY_EMPTY' });
  if (schema.edge && issues.length === 0 && out[schema.edge.source]?.[0] === out[schema.edge.target]?.[0]) {
    issues.push({ field: `properties.${schema.edge.target}`, code: 'ENTITY_EDGE_SELF_LOOP' });
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, schema, properties: out, caption: captionFor(schema, out) };
}

const clip = (s: string): string => ([...s].length > CAPTION_MAX ? [...s].slice(0, CAPTION_MAX - 1).join('') + '…' : s);

/**
 * The caption of an entity: the first caption part of its schema that has a value (a part
 * that lists several properties joins their first values). When none has a value, the
 * first short value of any property; otherwise empty (show the schema label instead).
 */
export function captionFor(schema: Schema, properties: Record<string, string[]>): string {
  for (const part of schema.caption) {
    const names = typeof part === 'string' ? [part] : part;
    const values = names.map((n) => properties[n]?.[0]).filter((v): v is string => !!v);
    if (values.length) return clip(values.join(' '));
  }
  for (const spec of Object.values(schema.properties)) {
    if (spec.type === 'entity' || spec.type === 'text') continue;
    const v = properties[spec.name]?.[0];
    if (v) return clip(spec.enumLabels?.[v]?.en ?? v);
  }
  return '';
}

/** The caption to show, falling back to the schema's label in the reader's language. */
export function displayCaption(entity: Pick<Entity, 'schema' | 'caption'>, locale: Locale): string {
  return entity.caption || getSchema(entity.schema)?.label[locale] || entity.schema;
}

/**
 * Checks the entity references of validated properties (edge ends, a document's holder,
 * an employment's worksite): each id must name an existing entity of a schema in the
 * property's range. `resolve` looks entities up (the caller fetches them first).
 */
export function checkReferences(
  schema: Schema,
  properties: Record<string, string[]>,
  resolve: (id: string) => Pick<Entity, 'id' | 'schema'> | undefined,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const spec of Object.values(schema.properties)) {
    if (spec.type !== 'entity') continue;
    (properties[spec.name] ?? []).forEach((id, i) => {
      const field = `properties.${spec.name}[${i}]`;
      const target = resolve(id);
      if (!target) {
        issues.push({ field, code: 'ENTITY_REFERENCE_NOT_FOUND', params: { property: spec.name } });
        return;
      }
      const targetSchema = getSchema(target.schema);
      const range = spec.range ?? [];
      if (!targetSchema || !range.some((r) => targetSchema.lineage.includes(r))) {
        issues.push({ field, code: 'ENTITY_REFERENCE_WRONG_TYPE', params: { property: spec.name, expected: range.join(', '), actual: target.schema } });
      }
    });
  }
  return issues;
}

/** Ids an entity refers to (edge ends and other references), for loading before checkReferences. */
export function referencedIds(schema: Schema, properties: Record<string, string[]>): string[] {
  const ids = new Set<string>();
  for (const spec of Object.values(schema.properties)) if (spec.type === 'entity') for (const id of properties[spec.name] ?? []) ids.add(id);
  return [...ids];
}

/** The two ends of an edge entity, or null for an entity that is not an edge. */
export function edgeEnds(entity: Pick<Entity, 'schema' | 'properties'>): { source: string; target: string; directed: boolean } | null {
  const edge = getSchema(entity.schema)?.edge;
  if (!edge) return null;
  const source = entity.properties[edge.source]?.[0];
  const target = entity.properties[edge.target]?.[0];
  return source && target ? { source, target, directed: edge.directed } : null;
}
