/**
 * Stable pseudonyms for victims whose identity a reader may not see: the same person gets
 * the same pseudonym on every screen of a node ("Victim-7KQ2-M9XD"), computed as
 * HMAC-SHA256 of the entity id under the node's pseudonym key, 40 bits written in
 * Crockford's base32. Without the key a pseudonym cannot be linked back to the id.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import type { Entity, Locale } from './model';
import { getSchema } from './schema-registry';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const MIN_PSEUDONYM_KEY_BYTES = 16;

const PREFIX: Record<Locale, string> = { en: 'Victim', fr: 'Victime', es: 'Víctima' };

/** 40 bits of HMAC-SHA256(key, entityId) as eight Crockford base32 characters, "XXXX-XXXX". */
export function pseudonymCode(entityId: string, key: Uint8Array): string {
  if (key.length < MIN_PSEUDONYM_KEY_BYTES) throw new RangeError(`pseudonym key must have at least ${MIN_PSEUDONYM_KEY_BYTES} bytes`);
  const mac = hmac(sha256, key, new TextEncoder().encode(entityId));
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(mac[i] as number);
  let out = '';
  for (let i = 7; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** "Victim-7KQ2-M9XD" (or "Victime-…", "Víctima-…"): the code is the same in every language. */
export function pseudonymFor(entityId: string, key: Uint8Array, locale: Locale = 'en'): string {
  return `${PREFIX[locale]}-${pseudonymCode(entityId, key)}`;
}

export const PSEUDONYM_PATTERN = /^(?:Victim|Victime|Víctima)-([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})$/;

function yearOf(date: string): string | null {
  const m = /^(\d{4})/.exec(date);
  return m ? (m[1] as string) : null;
}

/**
 * A copy of the entity that keeps only what cannot identify the person: the properties
 * the schema marks for redaction ("keep": gender, nationality, city...; "year": the year of
 * a date such as the birth date) and references to other entities. Names are replaced by
 * the pseudonym, which also becomes the caption.
 */
export function redactEntity(entity: Entity, pseudonym: string): Entity {
  const schema = getSchema(entity.schema);
  const properties: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(entity.properties)) {
    const spec = schema?.properties[name];
    if (!spec) continue;
    if (spec.redaction === 'keep' || spec.type === 'entity') properties[name] = [...values];
    else if (spec.redaction === 'year') {
      const years = [...new Set(values.map(yearOf).filter((y): y is string => y !== null))];
      if (years.length) properties[name] = years;
    }
  }
  if (schema?.properties.name) properties.name = [pseudonym];
  return { ...entity, properties, caption: pseudonym, redacted: true };
}
