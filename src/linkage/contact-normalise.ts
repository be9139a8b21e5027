/**
 * E-mail addresses, identifiers and other codes. An address is lower-cased, a "+tag" on
 * the local part is dropped (robert+jobs@x.org is robert@x.org), and so are the dots of a
 * Gmail local part, which Gmail ignores.
 */
import { foldText } from './text-fold';

export interface EmailValue {
  text: string;
  local: string;
  domain: string;
}

/** A short code compared as a whole: identifier, postcode, house number, sex, region. */
export interface CodeValue {
  text: string;
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

export function normaliseEmail(raw: string): EmailValue | null {
  const s = raw.trim().toLowerCase().replace(/^mailto:/, '');
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) {
    const text = s.replace(/\s+/g, '');
    return text === '' ? null : { text, local: text, domain: '' };
  }
  let local = s.slice(0, at).replace(/\s+/g, '');
  const domain = s.slice(at + 1).replace(/\s+/g, '');
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL.has(domain)) local = local.replace(/\./g, '');
  return { text: `${local}@${domain}`, local, domain };
}

/** Letters and digits only, upper case: "123-45-678" → "12345678", "abc 12" → "ABC12". */
export function normaliseCode(raw: string): CodeValue | null {
  const text = foldText(raw).replace(/ /g, '').toUpperCase();
  return text === '' ? null : { text };
}

const SEX: Record<string, string> = {
  m: 'M', male: 'M', man: 'M', masculino: 'M', hombre: 'M', h: 'M', homme: 'M', masculin: 'M', varon: 'M',
  f: 'F', female: 'F', woman: 'F', femenino: 'F', mujer: 'F', femme: 'F', feminin: 'F',
  x: 'X', other: 'X', otro: 'X', autre: 'X', 'non binary': 'X', nonbinary: 'X',
};

/** Sex or gender as M, F or X; unknown words are ignored. */
export function normaliseSex(raw: string): CodeValue | null {
  const v = SEX[foldText(raw)];
  return v === undefined ? null : { text: v };
}
