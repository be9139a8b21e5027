import { describe, expect, it } from 'vitest';
import { validateHandling } from './handling';
import {
  DISCLOSURE_HANDLING,
  LEGAL_BASIS_KINDS,
  MATCH_HANDLING,
  MATCH_LIMITS,
  readMatchPayload,
  type DisclosureDecisionPayload,
  type DisclosureRequestPayload,
  type MatchQueryPayload,
  type MatchResultPayload,
} from './match-messages';

const QUERY_ID = '2f0b7c1e-4d3a-4b5c-8e9f-0a1b2c3d4e5f';
const REQUEST_ID = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const REF_A = 'AbCdEfGhIjKlMnOpQrSt_-';
const REF_B = 'zyxwvutsrqponmlkjihgf0';
const FINGERPRINT = '0123456789abcdef0123456789abcdef';
const CHECK_ID = '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170';
const PART = { checkId: CHECK_ID, index: 0, count: 1 };
const clkOf = (bytes: number, fill = 0xa5): string => Buffer.alloc(bytes, fill).toString('base64');

const query = (over: Partial<Record<keyof MatchQueryPayload, unknown>> = {}): Record<string, unknown> => ({
  queryId: QUERY_ID,
  part: PART,
  schemaId: 'alianza-xb-v1',
  secretFingerprint: FINGERPRINT,
  threshold: 0.6,
  records: [
    { ref: REF_A, kind: 'Person', clk: clkOf(128) },
    { ref: REF_B, kind: 'Phone', clk: clkOf(128, 0xff) },
  ],
  ...over,
});

const result = (over: Partial<Record<keyof MatchResultPayload, unknown>> = {}): Record<string, unknown> => ({
  queryId: QUERY_ID,
  part: PART,
  status: 'ok',
  secretFingerprint: FINGERPRINT,
  hits: [{ queryRef: REF_A, ownerRef: REF_B, kind: 'Person', score: 0.87 }],
  ...over,
});

const request = (over: Partial<Record<keyof DisclosureRequestPayload, unknown>> = {}): Record<string, unknown> => ({
  requestId: REQUEST_ID,
  queryId: QUERY_ID,
  requesterRef: REF_A,
  ownerRef: REF_B,
  kind: 'Person',
  score: 0.87,
  level: 'fields',
  fields: ['name', 'birthDate'],
  legalBasis: { kind: 'mlat', reference: 'MX–CA MLAT art. 1' },
  purpose: 'Identify the recruiter named by returning workers.',
  caseReference: 'CA-2026-000004',
  ...over,
});

const CONTACT = { agency: 'Fiscalía Especializada', country: 'MX', name: 'Liaison desk', email: 'enlace@fiscalia.example' };
const decision = (over: Partial<Record<keyof DisclosureDecisionPayload, unknown>> = {}): Record<string, unknown> => ({
  requestId: REQUEST_ID,
  decision: 'approved',
  level: 'fields',
  legalBasis: { kind: 'treaty', reference: 'Palermo Protocol art. 10' },
  reason: 'Approved for the named investigation.',
  contact: CONTACT,
  entity: { schema: 'Person', properties: { name: ['José Luis Hernández Ruiz'], birthDate: ['1978-03-14'] } },
  ...over,
});

/** The refusal's field and reason, or 'accepted'. */
function outcome(type: string, payload: unknown): string {
  const r = readMatchPayload(type, payload);
  if (r.ok) return 'accepted';
  expect(r.code).toBe('FED_MALFORMED');
  return `${String(r.params.field)}: ${String(r.params.reason)}`;
}

describe('MatchQuery', () => {
  it('is read when well formed', () => {
    const r = readMatchPayload('MatchQuery', query());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.records).toHaveLength(2);
      expect(r.value.threshold).toBe(0.6);
    }
    expect(outcome('MatchQuery', query({ records: [] }))).toBe('accepted');
  });

  it('refuses unknown and missing members', () => {
    expect(outcome('MatchQuery', { ...query(), extra: 1 })).toBe('$.payload.extra: unknown member');
    const { threshold: _t, ...withoutThreshold } = query();
    expect(outcome('MatchQuery', withoutThreshold)).toBe('$.payload.threshold: missing');
    expect(outcome('MatchQuery', query({ records: [{ ref: REF_A, kind: 'Person', clk: clkOf(128), score: 1 }] }))).toBe('$.payload.records[0].score: unknown member');
  });

  it('refuses references of the wrong length or alphabet', () => {
    expect(outcome('MatchQuery', query({ records: [{ ref: REF_A.slice(1), kind: 'Person', clk: clkOf(128) }] }))).toBe('$.payload.records[0].ref: wrong form');
    expect(outcome('MatchQuery', query({ records: [{ ref: REF_A.slice(1) + '+', kind: 'Person', clk: clkOf(128) }] }))).toBe('$.payload.records[0].ref: wrong form');
    expect(outcome('MatchQuery', query({ records: [{ ref: REF_A, kind: 'Person', clk: clkOf(128) }, { ref: REF_A, kind: 'Phone', clk: clkOf(128) }] }))).toBe(
      '$.payload.records[1]: listed twice',
    );
  });

  it('refuses encodings that are not base64 of exactly 128 bytes', () => {
    const withClk = (clk: unknown) => outcome('MatchQuery', query({ records: [{ ref: REF_A, kind: 'Person', clk }] }));
    expect(withClk(clkOf(127))).toBe(`$.payload.records[0].clk: not ${MATCH_LIMITS.clkBytes} bytes`);
    expect(withClk(clkOf(129))).toBe('$.payload.records[0].clk: not 128 bytes');
    expect(withClk(clkOf(256))).toBe('$.payload.records[0].clk: not 128 bytes');
    expect(withClk(Buffer.alloc(128).toString('base64url'))).toBe('$.payload.records[0].clk: not base64');
    expect(withClk('!!!!' + clkOf(128).slice(4))).toBe('$.payload.records[0].clk: not base64');
    expect(withClk(clkOf(128).slice(0, -1))).toBe('$.payload.records[0].clk: not base64');
    expect(withClk(12)).toBe('$.payload.records[0].clk: expected a string');
    // the last character before "=" may carry no bits beyond the 128th byte
    expect(withClk(clkOf(128).slice(0, -2) + '9=')).toBe('$.payload.records[0].clk: not 128 bytes');
  });

  it('refuses unknown kinds, a bad fingerprint and a threshold outside 0.5..1', () => {
    expect(outcome('MatchQuery', query({ records: [{ ref: REF_A, kind: 'Vehicle', clk: clkOf(128) }] }))).toMatch(/^\$\.payload\.records\[0\]\.kind: expected one of/);
    expect(outcome('MatchQuery', query({ secretFingerprint: FINGERPRINT.toUpperCase() }))).toBe('$.payload.secretFingerprint: wrong form');
    expect(outcome('MatchQuery', query({ secretFingerprint: FINGERPRINT.slice(1) }))).toBe('$.payload.secretFingerprint: wrong form');
    expect(outcome('MatchQuery', query({ threshold: 0.49 }))).toBe('$.payload.threshold: outside 0.5–1');
    expect(outcome('MatchQuery', query({ threshold: 1.01 }))).toBe('$.payload.threshold: outside 0.5–1');
    expect(outcome('MatchQuery', query({ threshold: '0.7' }))).toBe('$.payload.threshold: expected a number');
    expect(outcome('MatchQuery', query({ queryId: QUERY_ID.toUpperCase() }))).toBe('$.payload.queryId: expected a lower-case UUID');
    expect(outcome('MatchQuery', query({ schemaId: '' }))).toBe('$.payload.schemaId: empty');
  });

  it('names its part of the check: a check id, an index below the count, at most 1,000 parts', () => {
    const r = readMatchPayload('MatchQuery', query({ part: { checkId: CHECK_ID, index: 2, count: 3 } }));
    expect(r.ok && r.value.part).toEqual({ checkId: CHECK_ID, index: 2, count: 3 });
    expect(outcome('MatchQuery', query({ part: { checkId: CHECK_ID, index: 999, count: MATCH_LIMITS.maxParts } }))).toBe('accepted');
    const { part: _p, ...withoutPart } = query();
    expect(outcome('MatchQuery', withoutPart)).toBe('$.payload.part: missing');
    expect(outcome('MatchQuery', query({ part: { checkId: CHECK_ID, index: 3, count: 3 } }))).toBe('$.payload.part.index: not below the count');
    expect(outcome('MatchQuery', query({ part: { checkId: CHECK_ID, index: -1, count: 3 } }))).toBe('$.payload.part.index: outside 0–999');
    expect(outcome('MatchQuery', query({ part: { checkId: CHECK_ID, index: 0.5, count: 3 } }))).toBe('$.payload.part.index: expected an integer');
    expect(outcome('MatchQuery', query({ part: { checkId: CHECK_ID, index: 0, count: 0 } }))).toBe('$.payload.part.count: outside 1–1000');
    expect(outcome('MatchQuery', query({ part: { checkId: CHECK_ID, index: 0, count: 1001 } }))).toBe('$.payload.part.count: outside 1–1000');
    expect(outcome('MatchQuery', query({ part: { checkId: 'check-1', index: 0, count: 1 } }))).toBe('$.payload.part.checkId: expected a lower-case UUID');
    expect(outcome('MatchQuery', query({ part: { ...PART, total: 1 } }))).toBe('$.payload.part.total: unknown member');
    expect(outcome('MatchQuery', query({ part: [0, 1] }))).toBe('$.payload.part: expected an object');
  });

  it('refuses more than 50,000 encodings', () => {
    const record = { ref: REF_A, kind: 'Person', clk: clkOf(128) };
    expect(outcome('MatchQuery', query({ records: new Array(MATCH_LIMITS.maxRecords + 1).fill(record) }))).toBe('$.payload.records: more than 50000 values');
  });
});

describe('MatchResult', () => {
  it('is read when well formed, hits or none', () => {
    expect(outcome('MatchResult', result())).toBe('accepted');
    expect(outcome('MatchResult', result({ status: 'secret_mismatch', hits: [], secretFingerprint: '0'.repeat(32) }))).toBe('accepted');
    expect(outcome('MatchResult', result({ status: 'schema_unsupported', hits: [] }))).toBe('accepted');
  });

  it('refuses hits unless the status is ok', () => {
    expect(outcome('MatchResult', result({ status: 'secret_mismatch' }))).toBe('$.payload.hits: present although the status is secret_mismatch');
    expect(outcome('MatchResult', result({ status: 'done' }))).toMatch(/^\$\.payload\.status: expected one of ok/);
  });

  it('refuses scores outside 0..1 or with more than two decimals', () => {
    const hit = (score: unknown) => outcome('MatchResult', result({ hits: [{ queryRef: REF_A, ownerRef: REF_B, kind: 'Person', score }] }));
    expect(hit(1)).toBe('accepted');
    expect(hit(0.5)).toBe('accepted');
    expect(hit(0.875)).toBe('$.payload.hits[0].score: more than two decimals');
    expect(hit(1.2)).toBe('$.payload.hits[0].score: outside 0–1');
    expect(hit(null)).toBe('$.payload.hits[0].score: expected a number');
  });

  it('names the part of the check it answers', () => {
    expect(outcome('MatchResult', result({ part: { checkId: CHECK_ID, index: 4, count: 5 } }))).toBe('accepted');
    const { part: _p, ...withoutPart } = result();
    expect(outcome('MatchResult', withoutPart)).toBe('$.payload.part: missing');
    expect(outcome('MatchResult', result({ part: { checkId: CHECK_ID, index: 5, count: 5 } }))).toBe('$.payload.part.index: not below the count');
  });

  it('refuses more than 10,000 hits', () => {
    const h = { queryRef: REF_A, ownerRef: REF_B, kind: 'Phone', score: 1 };
    expect(outcome('MatchResult', result({ hits: new Array(MATCH_LIMITS.maxHits + 1).fill(h) }))).toBe('$.payload.hits: more than 10000 values');
  });
});

describe('DisclosureRequest', () => {
  it('is read when well formed, at level contact or fields', () => {
    expect(outcome('DisclosureRequest', request())).toBe('accepted');
    expect(outcome('DisclosureRequest', request({ level: 'contact', fields: [], caseReference: null }))).toBe('accepted');
  });

  it('refuses fields that do not fit the level', () => {
    expect(outcome('DisclosureRequest', request({ level: 'contact' }))).toBe('$.payload.fields: present although the level is contact');
    expect(outcome('DisclosureRequest', request({ fields: [] }))).toBe('$.payload.fields: empty although the level is fields');
    expect(outcome('DisclosureRequest', request({ level: 'existence' }))).toMatch(/^\$\.payload\.level: expected one of contact, fields/);
    expect(outcome('DisclosureRequest', request({ fields: ['name', 'name'] }))).toBe('$.payload.fields[1]: listed twice');
    expect(outcome('DisclosureRequest', request({ fields: ['birth date'] }))).toBe('$.payload.fields[0]: wrong form');
    const many = Array.from({ length: MATCH_LIMITS.maxFields + 1 }, (_, i) => `field${i}`);
    expect(outcome('DisclosureRequest', request({ fields: many }))).toBe('$.payload.fields: more than 20 values');
  });

  it('refuses an unknown legal basis, and texts longer than their limits', () => {
    expect(LEGAL_BASIS_KINDS).toEqual(['treaty', 'mlat', 'domestic_law', 'court_order', 'consent', 'vital_interest']);
    expect(outcome('DisclosureRequest', request({ legalBasis: { kind: 'curiosity', reference: 'x' } }))).toMatch(/^\$\.payload\.legalBasis\.kind: expected one of treaty/);
    expect(outcome('DisclosureRequest', request({ legalBasis: { kind: 'mlat', reference: 'x'.repeat(501) } }))).toBe('$.payload.legalBasis.reference: longer than 500');
    expect(outcome('DisclosureRequest', request({ legalBasis: { kind: 'mlat' } }))).toBe('$.payload.legalBasis.reference: missing');
    expect(outcome('DisclosureRequest', request({ purpose: 'p'.repeat(1001) }))).toBe('$.payload.purpose: longer than 1000');
    expect(outcome('DisclosureRequest', request({ purpose: '' }))).toBe('$.payload.purpose: empty');
    expect(outcome('DisclosureRequest', request({ ownerRef: 'short' }))).toBe('$.payload.ownerRef: wrong form');
  });
});

describe('DisclosureDecision', () => {
  it('is read when approved at fields or contact, or refused', () => {
    expect(outcome('DisclosureDecision', decision())).toBe('accepted');
    expect(outcome('DisclosureDecision', decision({ level: 'contact', entity: null }))).toBe('accepted');
    expect(outcome('DisclosureDecision', decision({ decision: 'refused', level: 'existence', contact: null, entity: null }))).toBe('accepted');
    expect(outcome('DisclosureDecision', decision({ contact: { ...CONTACT, email: null } }))).toBe('accepted');
  });

  it('refuses a refusal that discloses anything', () => {
    expect(outcome('DisclosureDecision', decision({ decision: 'refused', level: 'contact', contact: null, entity: null }))).toBe('$.payload.level: must be existence when refused');
    expect(outcome('DisclosureDecision', decision({ decision: 'refused', level: 'existence', entity: null }))).toBe('$.payload.contact: present although refused');
    expect(outcome('DisclosureDecision', decision({ decision: 'refused', level: 'existence', contact: null }))).toBe('$.payload.entity: present although refused');
  });

  it('refuses an approval whose contents do not match its level', () => {
    expect(outcome('DisclosureDecision', decision({ level: 'existence' }))).toBe('$.payload.level: must be contact or fields when approved');
    expect(outcome('DisclosureDecision', decision({ contact: null }))).toBe('$.payload.contact: missing although approved');
    expect(outcome('DisclosureDecision', decision({ level: 'contact' }))).toBe('$.payload.entity: present although the level is contact');
    expect(outcome('DisclosureDecision', decision({ entity: null }))).toBe('$.payload.entity: missing although the level is fields');
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`p${i}`, ['x']]));
    expect(outcome('DisclosureDecision', decision({ entity: { schema: 'Person', properties: tooMany } }))).toBe('$.payload.entity.properties: more than 20 properties');
  });

  it('refuses malformed contacts and entities', () => {
    expect(outcome('DisclosureDecision', decision({ contact: { ...CONTACT, country: 'Mexico' } }))).toBe('$.payload.contact.country: longer than 2');
    expect(outcome('DisclosureDecision', decision({ contact: { ...CONTACT, email: 'not an address' } }))).toBe('$.payload.contact.email: wrong form');
    expect(outcome('DisclosureDecision', decision({ contact: { ...CONTACT, phone: '+52' } }))).toBe('$.payload.contact.phone: unknown member');
    expect(outcome('DisclosureDecision', decision({ entity: { schema: 'Person', properties: { name: [] } } }))).toBe('$.payload.entity.properties.name: fewer than 1 values');
    expect(outcome('DisclosureDecision', decision({ entity: { schema: 'person', properties: {} } }))).toBe('$.payload.entity.schema: wrong form');
    expect(outcome('DisclosureDecision', decision({ reason: 'r'.repeat(2001) }))).toBe('$.payload.reason: longer than 2000');
  });
});

describe('readMatchPayload', () => {
  it('refuses payloads that are not objects and types that are not matching messages', () => {
    expect(outcome('MatchQuery', [])).toBe('$.payload: expected an object');
    expect(outcome('DisclosureDecision', null)).toBe('$.payload: expected an object');
    expect(outcome('Alert', query())).toBe('$.type: not a matching or disclosure message');
  });
});

describe('handling of matching and disclosure messages', () => {
  it('is AMBER, need-to-know, one year, not to be forwarded without the originator’s consent', () => {
    expect(MATCH_HANDLING).toEqual({ tlp: 'AMBER', purpose: 'cross-border-matching', retentionDays: 365, originatorConsentRequiredToForward: true });
    expect(DISCLOSURE_HANDLING).toEqual({ tlp: 'AMBER', purpose: 'disclosure', retentionDays: 365, originatorConsentRequiredToForward: true });
    for (const h of [MATCH_HANDLING, DISCLOSURE_HANDLING]) {
      expect(Object.isFrozen(h)).toBe(true);
      expect(validateHandling(h, { agencies: ['LIAISON'], persons: [] }).ok).toBe(true);
    }
  });
});
