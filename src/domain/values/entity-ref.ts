/** References to other entities by id (edge ends, worksites of an employment, ...). */
import { cleanLine } from './clean';
import { bad, ok, type Normalised } from './types';

export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export const isEntityId = (s: string): boolean => ENTITY_ID.test(s);

export function normaliseEntityRef(input: string): Normalised {
  const s = cleanLine(input);
  if (s === '') return bad('VALUE_EMPTY');
  return isEntityId(s) ? ok(s) : bad('VALUE_INVALID_REFERENCE');
}
