import { describe, expect, it } from 'vitest';
import { DISCLOSURE_DECIDE_SCOPES, GLOBAL_PERMISSIONS } from '../../../../src/domain/policy';
import type { DisclosureView } from '../../../../src/server/api-types';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';
import {
  awaitingAnswers,
  canRequestMore,
  CROSS_BORDER_KINDS,
  decisionBody,
  decisionProblems,
  DECIDE_ROLES,
  DECIDE_SCOPES,
  defaultDisclosureDirection,
  DISCLOSURE_LEVELS,
  disclosureSteps,
  emptyRequestForm,
  fingerprintGroups,
  formatScore,
  formKeyOf,
  grantableFields,
  grantableLevels,
  initialDecision,
  LABELLED_FIELDS,
  LEGAL_BASIS_KINDS,
  MATCH_ROLES,
  MATCHES_PAGE_ROLES,
  orderedProperties,
  parseHitFilters,
  peerOptions,
  requestBody,
  requestProblems,
  scorePercent,
  undecidableNote,
  withheldFields,
  type DecisionForm,
} from './cross-border-rules';

const basis = { kind: 'mlat' as const, reference: 'MLAT MX–CA art. 1' };
const requested = (level: 'contact' | 'fields', fields: string[] = []): DisclosureView['requested'] => ({ level, fields, legalBasis: basis, purpose: 'p', caseReference: null, by: 'a', at: '2026-01-01T00:00:00Z' });
const decision = (level: 'existence' | 'contact' | 'fields'): NonNullable<DisclosureView['decision']> => ({ level, legalBasis: basis, reason: 'r', by: 'b', at: '2026-01-02T00:00:00Z', contact: null, disclosed: null });

describe('fingerprints and scores', () => {
  it('groups a fingerprint by four hex digits', () => {
    expect(fingerprintGroups('0123456789abcdef0123456789abcdef')).toBe('0123 4567 89ab cdef 0123 4567 89ab cdef');
    expect(fingerprintGroups('abcdef')).toBe('abcd ef');
    expect(fingerprintGroups('')).toBe('');
  });

  it('turns a score into a clamped percentage', () => {
    expect(scorePercent(0.934)).toBe(93);
    expect(scorePercent(1.2)).toBe(100);
    expect(scorePercent(-1)).toBe(0);
    expect(scorePercent(Number.NaN)).toBe(0);
  });

  it('writes a score with two decimals in the reader’s style', () => {
    expect(formatScore(0.9, 'en-US')).toBe('0.90');
    expect(formatScore(0.93, 'fr-CA')).toBe('0,93');
    expect(formatScore(1, 'es-MX')).toBe('1.00');
  });
});

describe('checks and hits', () => {
  it('waits only for checks this node sent and that have no answer', () => {
    expect(awaitingAnswers([])).toBe(false);
    expect(awaitingAnswers([{ direction: 'sent', status: 'answered' }, { direction: 'received', status: 'sent' }])).toBe(false);
    expect(awaitingAnswers([{ direction: 'sent', status: 'secret_mismatch' }, { direction: 'sent', status: 'sent' }])).toBe(true);
  });

  it('lists each partner once, from checks and hits', () => {
    const peers = peerOptions([{ peerNode: 'us', peerCountry: 'US' }, { peerNode: 'ca', peerCountry: 'CA' }], [{ peerNode: 'us', peerCountry: 'US' }, { peerNode: 'mx', peerCountry: 'MX' }]);
    expect(peers).toEqual([
      { node: 'ca', country: 'CA' },
      { node: 'mx', country: 'MX' },
      { node: 'us', country: 'US' },
    ]);
  });

  it('reads the hit filters from the URL and drops what it does not know', () => {
    expect(parseHitFilters(new URLSearchParams('kind=Phone&peer=ca&minScore=0.9&offset=25'))).toEqual({ kind: 'Phone', peer: 'ca', minScore: '0.9', offset: 25 });
    expect(parseHitFilters(new URLSearchParams('kind=Vehicle&minScore=0.42&offset=-3'))).toEqual({ kind: '', peer: '', minScore: '', offset: 0 });
    expect(parseHitFilters(new URLSearchParams('offset=abc'))).toMatchObject({ offset: 0 });
  });

  it('offers a new request unless one of ours is pending', () => {
    expect(canRequestMore({ disclosure: null })).toBe(true);
    expect(canRequestMore({ disclosure: { id: '1', direction: 'outgoing', status: 'pending', level: 'contact' } })).toBe(false);
    expect(canRequestMore({ disclosure: { id: '1', direction: 'outgoing', status: 'approved', level: 'contact' } })).toBe(true);
    expect(canRequestMore({ disclosure: { id: '1', direction: 'incoming', status: 'pending', level: 'fields' } })).toBe(true);
  });

  it('shows the matches page to administrators for the secret, and hits to those who may check, request or decide', () => {
    expect(MATCHES_PAGE_ROLES).toContain('admin');
    expect(MATCH_ROLES).not.toContain('admin');
    expect([...MATCH_ROLES].sort()).toEqual(['analyst', 'inspector', 'investigator', 'liaison']);
  });
});

describe('who answers a partner’s request', () => {
  it('mirrors the server: the liaison office for any record, investigators and inspectors for their agency’s', () => {
    expect([...DECIDE_ROLES].sort()).toEqual(['inspector', 'investigator', 'liaison']);
    expect([...DECIDE_ROLES].sort()).toEqual([...GLOBAL_PERMISSIONS['disclosure.decide']].sort());
    expect(DECIDE_SCOPES).toEqual(DISCLOSURE_DECIDE_SCOPES);
    // the Disclosures pages stay open to every one of them
    for (const role of DECIDE_ROLES) expect(MATCH_ROLES).toContain(role);
  });

  it('lands the liaison office on partners’ requests and everyone else on their own', () => {
    expect(defaultDisclosureDirection('liaison')).toBe('incoming');
    expect(defaultDisclosureDirection('investigator')).toBe('outgoing');
    expect(defaultDisclosureDirection('inspector')).toBe('outgoing');
    expect(defaultDisclosureDirection('analyst')).toBe('outgoing');
  });

  it('tells who may not decide a pending request why: the server’s notice for a withheld record, else who decides', () => {
    const notice = 'The record this request is about is in a restricted case that you may not see.';
    const base = { direction: 'incoming' as const, status: 'pending' as const, canDecide: false, notice: null };
    expect(undecidableNote({ ...base, notice })).toEqual({ notice });
    expect(undecidableNote(base)).toBe('whoDecides');
    expect(undecidableNote({ ...base, canDecide: true })).toBeNull();
    expect(undecidableNote({ ...base, status: 'approved', notice })).toBeNull();
    expect(undecidableNote({ ...base, direction: 'outgoing' })).toBeNull();
  });
});

describe('gradual disclosure', () => {
  const steps = (d: Pick<DisclosureView, 'status' | 'requested' | 'decision'>) => disclosureSteps(d).map((s) => `${s.level}:${s.state}`);

  it('a pending request for fields waits on contact and fields', () => {
    expect(steps({ status: 'pending', requested: requested('fields', ['name']), decision: null })).toEqual(['existence:reached', 'contact:pending', 'fields:pending']);
  });

  it('a pending request for the contact did not ask for fields', () => {
    expect(steps({ status: 'pending', requested: requested('contact'), decision: null })).toEqual(['existence:reached', 'contact:pending', 'fields:not_requested']);
  });

  it('a request approved at a lower level reaches the contact only', () => {
    expect(steps({ status: 'approved', requested: requested('fields', ['name']), decision: decision('contact') })).toEqual(['existence:reached', 'contact:reached', 'fields:not_granted']);
  });

  it('an approval of fields reaches every step', () => {
    expect(steps({ status: 'approved', requested: requested('fields', ['name']), decision: decision('fields') })).toEqual(['existence:reached', 'contact:reached', 'fields:reached']);
  });

  it('a refusal discloses nothing beyond the hit', () => {
    expect(steps({ status: 'refused', requested: requested('fields', ['name']), decision: decision('existence') })).toEqual(['existence:reached', 'contact:refused', 'fields:refused']);
    expect(steps({ status: 'refused', requested: requested('contact'), decision: decision('existence') })).toEqual(['existence:reached', 'contact:refused', 'fields:not_requested']);
  });

  it('names the fields asked for that were not disclosed', () => {
    expect(withheldFields(['name', 'birthDate', 'phone', 'name'], { name: ['Jose Hernandez'], phone: ['+525512345678'] })).toEqual(['birthDate']);
    expect(withheldFields(['name'], { name: [] })).toEqual(['name']);
    expect(withheldFields(['name'], { name: ['x'] })).toEqual([]);
  });

  it('orders disclosed properties as they were asked for and skips empty ones', () => {
    expect(orderedProperties({ nationality: ['mx'], name: ['José'], phone: [], extra: ['x'] }, ['name', 'nationality']).map(([k]) => k)).toEqual(['name', 'nationality', 'extra']);
  });
});

describe('request form', () => {
  it('needs a legal basis and a purpose, and a field when fields are asked for', () => {
    expect(requestProblems(emptyRequestForm())).toEqual({ basisKind: 'required', basisReference: 'required', purpose: 'required' });
    const form = { ...emptyRequestForm(), level: 'fields' as const, basisKind: 'treaty' as const, basisReference: 'Palermo art. 10', purpose: 'Identify the recruiter' };
    expect(requestProblems(form)).toEqual({ fields: 'chooseField' });
    expect(requestProblems({ ...form, fields: ['name'] })).toEqual({});
    expect(requestProblems({ ...form, fields: ['name'], purpose: 'x'.repeat(1001) })).toEqual({ purpose: 'tooLong' });
    expect(requestProblems({ ...form, fields: ['name'], basisReference: '   ' })).toEqual({ basisReference: 'required' });
  });

  it('sends no field for a contact request, trims text and leaves out an empty case reference', () => {
    const form = { level: 'contact' as const, fields: ['name'], basisKind: 'mlat' as const, basisReference: ' MLAT ', purpose: ' why ', caseReference: '  ' };
    expect(requestBody('h1', form)).toEqual({ hitId: 'h1', level: 'contact', fields: [], legalBasis: { kind: 'mlat', reference: 'MLAT' }, purpose: 'why', caseReference: null });
    expect(requestBody('h1', { ...form, level: 'fields', fields: ['name', 'birthDate', 'name'], caseReference: ' MX-1 ' })).toMatchObject({ fields: ['name', 'birthDate'], caseReference: 'MX-1' });
  });
});

describe('decision form', () => {
  const d = { requested: requested('fields', ['name', 'birthDate', 'address']), availableFields: ['name', 'address', 'nationality'] };
  const ok = (over: Partial<DecisionForm>): DecisionForm => ({ ...initialDecision(d, 'approved'), basisKind: 'mlat', basisReference: 'art. 1', reason: 'ok', ...over });

  it('grants at most the level asked for', () => {
    expect(grantableLevels('contact')).toEqual(['contact']);
    expect(grantableLevels('fields')).toEqual(['contact', 'fields']);
  });

  it('offers the requested fields, marking those this node holds', () => {
    expect(grantableFields(d.requested.fields, d.availableFields)).toEqual([
      { name: 'name', available: true },
      { name: 'birthDate', available: false },
      { name: 'address', available: true },
    ]);
    expect(initialDecision(d, 'approved')).toMatchObject({ level: 'fields', fields: ['name', 'address'] });
  });

  it('needs a basis and a reason, and an approved field for an approval of fields', () => {
    expect(decisionProblems(initialDecision(d, 'refused'), d)).toEqual({ basisKind: 'required', basisReference: 'required', reason: 'required' });
    expect(decisionProblems(ok({ fields: [] }), d)).toEqual({ fields: 'chooseField' });
    expect(decisionProblems(ok({ fields: ['birthDate'] }), d)).toEqual({ fields: 'chooseField' });
    expect(decisionProblems(ok({ level: 'contact', fields: [] }), d)).toEqual({});
  });

  it('never sends a field that was not asked for or is not held', () => {
    expect(decisionBody(ok({ fields: ['address', 'birthDate', 'nationality', 'name'] }), d)).toEqual({ decision: 'approved', level: 'fields', fields: ['name', 'address'], legalBasis: { kind: 'mlat', reference: 'art. 1' }, reason: 'ok' });
    expect(decisionBody(ok({ level: 'contact' }), d)).toEqual({ decision: 'approved', level: 'contact', legalBasis: { kind: 'mlat', reference: 'art. 1' }, reason: 'ok' });
  });

  it('cannot approve above the request', () => {
    const contactOnly = { requested: requested('contact'), availableFields: ['name'] };
    expect(decisionBody({ ...ok({}), level: 'fields', fields: ['name'] }, contactOnly)).toMatchObject({ level: 'contact' });
    expect(decisionBody({ ...ok({}), level: 'fields', fields: ['name'] }, contactOnly)).not.toHaveProperty('fields');
  });

  it('a refusal carries neither level nor fields', () => {
    expect(decisionBody(ok({ decision: 'refused' }), d)).toEqual({ decision: 'refused', legalBasis: { kind: 'mlat', reference: 'art. 1' }, reason: 'ok' });
  });

  it('puts the server’s field errors beside the form’s fields', () => {
    expect(formKeyOf('legalBasis.reference')).toBe('basisReference');
    expect(formKeyOf('legalBasis.kind')).toBe('basisKind');
    expect(formKeyOf('fields[2]')).toBe('fields');
    expect(formKeyOf('purpose')).toBe('purpose');
    expect(formKeyOf('hitId')).toBeNull();
  });
});

describe('labels', () => {
  type Tree = { [key: string]: string | Tree };
  const at = (tree: Tree, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);
  const keys = [
    ...CROSS_BORDER_KINDS.map((k) => `crossBorder.kind.${k}`),
    ...LEGAL_BASIS_KINDS.map((k) => `crossBorder.basis.${k}`),
    ...DISCLOSURE_LEVELS.map((k) => `crossBorder.level.${k}`),
    ...LABELLED_FIELDS.map((k) => `crossBorder.field.${k}`),
    ...['pending', 'approved', 'refused'].map((k) => `crossBorder.status.${k}`),
    ...['sent', 'answered', 'secret_mismatch', 'failed'].flatMap((k) => [`crossBorder.checkStatus.${k}`, `crossBorder.checkStatusHint.${k}`]),
    ...['reached', 'pending', 'refused', 'not_granted', 'not_requested'].map((k) => `crossBorder.steps.${k}`),
    ...['basisKind', 'basisReference', 'fields', 'level', 'purpose', 'caseReference', 'reason'].map((k) => `crossBorder.form.label.${k}`),
  ];

  it.each([
    ['en', en],
    ['fr', fr],
    ['es', es],
  ])('%s names every kind, basis, level, field, status and step the pages build keys for', (_, tree) => {
    const missing = keys.filter((k) => typeof at(tree as Tree, k) !== 'string');
    expect(missing).toEqual([]);
  });
});
