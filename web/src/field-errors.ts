/**
 * The server names the fields it refuses ("title", "properties.birthDate[0]",
 * "indicators[2].evidence"); forms show each message beside its field.
 */
import { ApiFailure } from './api';

/** Messages per form key; `keyOf` turns a server field path into the form's key (or null to skip it). */
export const fieldErrors = (error: unknown, keyOf: (field: string) => string | null): Record<string, string> => {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiFailure)) return out;
  for (const issue of error.issues) {
    const key = keyOf(issue.field);
    if (key && !(key in out)) out[key] = issue.message;
  }
  return out;
};

/** "properties.birthDate[0]" -> "birthDate" */
export const propertyKey = (field: string): string | null => /^(?:entity\.)?properties\.([A-Za-z0-9_]+)/.exec(field)?.[1] ?? null;

/** Props that tie an input to its error message. */
export const invalidProps = (id: string, message: string | undefined, describedBy?: string) => ({
  'aria-invalid': message ? true : undefined,
  'aria-describedby': [describedBy, message ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined,
});
