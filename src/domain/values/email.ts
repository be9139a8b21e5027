/**
 * Email addresses, stored in lower case (providers treat the local part case-blind in
 * practice) with an internationalised domain in its ASCII (punycode) form.
 */
import { cleanLine } from './clean';
import { bad, ok, type Normalised } from './types';

const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function asciiDomain(domain: string): string | null {
  if (/^[\x21-\x7e]+$/.test(domain)) return domain.toLowerCase();
  try {
    return new URL('http://' + domain).hostname;
  } catch {
    return null;
  }
}

export function normaliseEmail(input: string): Normalised {
  let s = cleanLine(input).replace(/^mailto:/i, '');
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  if (s === '') return bad('VALUE_EMPTY');
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return bad('VALUE_INVALID_EMAIL');
  const local = s.slice(0, at).toLowerCase();
  const domain = asciiDomain(s.slice(at + 1).replace(/\.$/, ''));
  if (!domain || !LOCAL.test(local) || local.length > 64) return bad('VALUE_INVALID_EMAIL');
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) {
    return bad('VALUE_INVALID_EMAIL');
  }
  const value = `${local}@${domain}`;
  return value.length > 254 ? bad('VALUE_INVALID_EMAIL') : ok(value);
}

/** Search terms: the whole address, the local part and the domain. */
export function emailTerms(email: string): string[] {
  const at = email.lastIndexOf('@');
  if (at < 0) return [email];
  return [...new Set([email, email.slice(0, at), email.slice(at + 1)])];
}
