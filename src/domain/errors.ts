/**
 * Errors the program reports to a person carry a stable code and parameters; the text is
 * looked up in a catalogue in English, French and Spanish. Domain errors carry no HTTP
 * status: src/server maps codes to statuses in one place.
 */
import type { Locale } from './model';

export type Messages = Record<Locale, string>;
/** code -> message template per language; `{name}` placeholders are filled from params. */
export type Catalogue = Record<string, Messages>;

export type ErrorParams = Record<string, string | number | boolean | null | undefined>;

export interface FieldIssue {
  /** JSON pointer-ish path of the field, e.g. "properties.phone[0]" or "row 12: surname" */
  field: string;
  code: string;
  params?: ErrorParams;
}

export class AlianzaError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    readonly issues: FieldIssue[] = [],
  ) {
    super(code + (Object.keys(params).length ? ' ' + JSON.stringify(params) : ''));
    this.name = 'AlianzaError';
  }
}

export function formatMessage(template: string, params: ErrorParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    return v === undefined || v === null ? whole : String(v);
  });
}

/** Looks a code up in the given catalogues; an unknown code falls back to the code itself. */
export function localise(catalogues: Catalogue[], code: string, locale: Locale, params?: ErrorParams): string {
  for (const c of catalogues) {
    const m = c[code];
    if (m) return formatMessage(m[locale] ?? m.en, params);
  }
  return code;
}
