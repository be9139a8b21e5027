/**
 * A value type turns what a person typed into the one stored form of a value, or says why
 * it cannot. Normalisers never throw, and normalising a normalised value changes nothing.
 */
import type { CountryCode } from '../model';
import type { ErrorParams } from '../errors';

export interface ValueContext {
  /** country assumed for national phone numbers, e.g. the node's country */
  defaultCountry?: CountryCode;
}

export type Normalised = { ok: true; value: string } | { ok: false; code: string; params?: ErrorParams };

export interface ValueType {
  normalise(value: string, ctx?: ValueContext): Normalised;
  /** search terms for a normalised value (see search-text) */
  terms(value: string): string[];
}

export const ok = (value: string): Normalised => ({ ok: true, value });
export const bad = (code: string, params?: ErrorParams): Normalised => (params ? { ok: false, code, params } : { ok: false, code });
