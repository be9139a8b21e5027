/**
 * Search terms of an entity, property by property through its value types: names and
 * texts give folded tokens and phonetic keys, phones their digits with and without
 * country and area codes, emails the address and its parts, identifiers their folded form.
 * Entity references (edge ends) are not indexed.
 */
import type { Entity } from './model';
import { getSchema } from './schema-registry';
import { documentTerms } from './search-text';
import { VALUE_TYPES } from './values/registry';

export function entityTerms(entity: Pick<Entity, 'schema' | 'properties' | 'caption'>): string[] {
  const schema = getSchema(entity.schema);
  const out = new Set<string>(documentTerms([entity.caption]));
  for (const [name, values] of Object.entries(entity.properties)) {
    const spec = schema?.properties[name];
    if (!spec || spec.type === 'entity') continue;
    for (const v of values) for (const t of VALUE_TYPES[spec.type].terms(v)) if (t) out.add(t);
  }
  return [...out];
}
