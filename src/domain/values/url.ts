/**
 * Web addresses (ads, profiles, websites), http or https only, in the canonical form the
 * WHATWG URL parser gives (lower-case host, no default port). A missing scheme is read as
 * https.
 */
import { cleanLine } from './clean';
import { bad, ok, type Normalised } from './types';

export const URL_MAX = 2000;

export function normaliseUrl(input: string): Normalised {
  const s = cleanLine(input);
  if (s === '') return bad('VALUE_EMPTY');
  if (/\s/.test(s)) return bad('VALUE_INVALID_URL');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : 'https://' + s;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return bad('VALUE_INVALID_URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad('VALUE_INVALID_URL');
  const host = url.hostname;
  const ipv6 = host.startsWith('[');
  if (!ipv6 && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return bad('VALUE_INVALID_URL');
  if (url.username || url.password) return bad('VALUE_INVALID_URL');
  const value = url.href;
  return value.length > URL_MAX ? bad('VALUE_TOO_LONG', { max: URL_MAX }) : ok(value);
}

/** The host of a normalised URL without a leading "www.", or null. */
export function urlHost(value: string): string | null {
  try {
    return new URL(value).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
