/**
 * The value-type registry: one entry per property type of the schema, each with its
 * normaliser and the search terms of a normalised value.
 */
import type { PropertyType } from '../schema-spec';
import { documentTerms, fold, tokens } from '../search-text';
import { normaliseCountry } from './country';
import { normaliseCurrency } from './currency';
import { normaliseDate } from './date';
import { emailTerms, normaliseEmail } from './email';
import { normaliseEntityRef } from './entity-ref';
import { normaliseIdentifier } from './identifier';
import { normaliseMoney } from './money';
import { normaliseName } from './name';
import { normaliseNumber } from './number';
import { normalisePhone, phoneTerms } from './phone';
import { normaliseAddress, normaliseString, normaliseText } from './text';
import type { Normalised, ValueContext, ValueType } from './types';
import { normaliseUrl, urlHost } from './url';

const words = (v: string): string[] => documentTerms([v]);
const none = (): string[] => [];

export const VALUE_TYPES: Readonly<Record<PropertyType, ValueType>> = {
  name: { normalise: normaliseName, terms: words },
  string: { normalise: normaliseString, terms: words },
  text: { normalise: normaliseText, terms: words },
  address: { normalise: normaliseAddress, terms: words },
  date: { normalise: normaliseDate, terms: (v) => [v.slice(0, 4)] },
  country: { normalise: normaliseCountry, terms: none },
  phone: { normalise: normalisePhone, terms: phoneTerms },
  email: { normalise: normaliseEmail, terms: (v) => [...new Set([...emailTerms(v), ...tokens(v)])] },
  identifier: { normalise: normaliseIdentifier, terms: (v) => [fold(v)] },
  money: { normalise: normaliseMoney, terms: none },
  currency: { normalise: normaliseCurrency, terms: none },
  url: {
    normalise: normaliseUrl,
    terms: (v) => {
      const host = urlHost(v);
      return host ? [host, ...tokens(host)] : [];
    },
  },
  number: { normalise: normaliseNumber, terms: none },
  entity: { normalise: normaliseEntityRef, terms: none },
};

/** Normalises one value of a property type; never throws. */
export function normaliseValue(type: PropertyType, value: string, ctx: ValueContext = {}): Normalised {
  try {
    return VALUE_TYPES[type].normalise(value, ctx);
  } catch {
    return { ok: false, code: 'VALUE_INVALID' };
  }
}

export type { Normalised, ValueContext, ValueType } from './types';
