/**
 * The form in which property values are indexed for exact lookups (entity_values.value):
 * Unicode NFC, trimmed, runs of white space collapsed to one space, lower case. Values
 * longer than MAX_INDEXED_LENGTH are indexed by their SHA-256 instead, which keeps index
 * entries small (PostgreSQL refuses B-tree entries above ~2.7 kB) while exact lookups of
 * long values still work.
 */
import { createHash } from 'node:crypto';

export const MAX_INDEXED_LENGTH = 200;

export function normaliseValue(value: string): string {
  const v = String(value).normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
  if (v.length <= MAX_INDEXED_LENGTH) return v;
  return 'sha256:' + createHash('sha256').update(v, 'utf8').digest('hex');
}
