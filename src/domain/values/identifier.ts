/**
 * Identifiers: passport and ID numbers, registration and tax numbers, plates, accounts.
 * Stored in upper case without spaces, hyphens or dots, which people insert at will
 * ("123-456-789", "123 456 789" and "123456789" are one SIN). Mexican RFCs keep Ñ and &.
 */
import { cleanLine } from './clean';
import { bad, ok, type Normalised } from './types';

export const IDENTIFIER_MAX = 64;

export function normaliseIdentifier(input: string): Normalised {
  const s = cleanLine(input.normalize('NFKC'))
    .toLocaleUpperCase('es')
    .replace(/[\s.\-‐‑‒–—_]/g, '')
    .normalize('NFC');
  if (s === '') return bad('VALUE_EMPTY');
  if (!/^[A-Z0-9Ñ&/]+$/.test(s)) return bad('VALUE_INVALID_IDENTIFIER');
  if (s.length > IDENTIFIER_MAX) return bad('VALUE_TOO_LONG', { max: IDENTIFIER_MAX });
  return ok(s);
}
