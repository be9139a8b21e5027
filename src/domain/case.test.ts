import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCaseEdit, checkCaseEdit, checkNewCase, editedParts, screeningSummary, validateNewCase, type NewCaseInput, type NewCaseMeta } from './case';
import { caseReferencePrefix, formatCaseReference, parseCaseReference } from './case-reference';
import { canTransition, nextStatuses, STATUS_TRANSITIONS } from './case-status';
import { AlianzaError } from './errors';
import { CASE_STATUSES, type Case, type CaseStatus } from './model';

const META: NewCaseMeta = { id: 'case-1', reference: 'MX-2026-000001', owningAgencyId: 'ag-fgr', createdBy: 'u-1', now: '2026-06-20T10:00:00.000Z', defaultJurisdiction: 'MX' };

const input = (over: Partial<NewCaseInput> = {}): NewCaseInput => ({
  title: '  Red de reclutamiento   en Irapuato ',
  type: 'labour_trafficking',
  handling: { tlp: 'AMBER', purpose: 'investigation', retentionDays: 1825, originatorConsentRequiredToForward: true },
  ...over,
});

const newCase = (over: Partial<NewCaseInput> = {}): Case => validateNewCase(input(over), META);

describe('new cases', () => {
  it('builds an open case at version 1 with normalised fields', () => {
    const c = newCase({ polarisType: 'Agriculture and Animal Husbandry', labourProgram: 'ptat', eventId: 'wc2026:venue:Mexico City', narrative: 'Línea 1\r\n\r\n\r\nLínea 2 ' });
    expect(c).toMatchObject({
      id: 'case-1',
      reference: 'MX-2026-000001',
      title: 'Red de reclutamiento en Irapuato',
      status: 'open',
      jurisdiction: 'MX',
      polarisType: 'agriculture_animal_husbandry',
      labourProgram: 'SAWP',
      eventId: 'wc2026:venue:mexico-city',
      narrative: 'Línea 1\n\nLínea 2',
      owningAgencyId: 'ag-fgr',
      createdBy: 'u-1',
      createdAt: META.now,
      updatedAt: META.now,
      version: 1,
      indicators: [],
      outcomes: [],
      namedUserIds: [],
    });
    expect(c.palermo).toEqual({ acts: [], means: [], purposes: [], victimIsChild: false, notes: '' });
  });

  it('takes the jurisdiction from the input, or the node', () => {
    expect(newCase({ jurisdiction: 'ca' }).jurisdiction).toBe('CA');
    expect(newCase().jurisdiction).toBe('MX');
    expect(checkNewCase(input(), { ...META, defaultJurisdiction: undefined })).toMatchObject({ ok: false, issues: [{ field: 'jurisdiction', code: 'CASE_JURISDICTION_REQUIRED' }] });
  });

  it('reports every bad field by name', () => {
    const r = checkNewCase(
      {
        title: '   ',
        type: 'smuggling',
        polarisType: 'Fishing',
        jurisdiction: 'Narnia',
        handling: { tlp: 'PURPLE', purpose: 'marketing', retentionDays: 0, originatorConsentRequiredToForward: 'yes' },
        labourProgram: 'H-1B',
        eventId: 'superbowl',
        color: 'red',
      },
      META,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.fromEntries(r.issues.map((i) => [i.field, i.code]))).toEqual({
      color: 'CASE_UNKNOWN_FIELD',
      title: 'CASE_TITLE_REQUIRED',
      type: 'CASE_BAD_TYPE',
      polarisType: 'CASE_BAD_POLARIS_TYPE',
      jurisdiction: 'VALUE_INVALID_COUNTRY',
      'handling.tlp': 'CASE_BAD_TLP',
      'handling.purpose': 'CASE_BAD_PURPOSE',
      'handling.retentionDays': 'CASE_BAD_RETENTION',
      'handling.originatorConsentRequiredToForward': 'CASE_BAD_CONSENT_FLAG',
      labourProgram: 'CASE_BAD_LABOUR_PROGRAM',
      eventId: 'CASE_UNKNOWN_EVENT',
    });
  });

  it('requires title, type and handling', () => {
    const r = checkNewCase({}, META);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['CASE_TITLE_REQUIRED', 'CASE_BAD_TYPE', 'CASE_HANDLING_REQUIRED']);
    expect(checkNewCase(null, META)).toMatchObject({ ok: false, issues: [{ code: 'CASE_INVALID' }] });
  });

  it('bounds retention to 1..3650 days', () => {
    for (const days of [1, 3650]) expect(checkNewCase(input({ handling: { ...input().handling, retentionDays: days } }), META).ok).toBe(true);
    for (const days of [0, 3651, 1.5, -3]) expect(checkNewCase(input({ handling: { ...input().handling, retentionDays: days } }), META).ok).toBe(false);
  });

  it('accepts a narrowed purpose', () => {
    expect(newCase({ handling: { ...input().handling, purpose: 'victim-support/referral-3' } }).handling.purpose).toBe('victim-support/referral-3');
  });

  it('accepts forced criminality as a case type', () => {
    expect(newCase({ type: 'forced_criminality' }).type).toBe('forced_criminality');
  });

  it('throws CASE_INVALID with the issues', () => {
    try {
      validateNewCase({ ...input(), title: '' }, META);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AlianzaError);
      expect((e as AlianzaError).code).toBe('CASE_INVALID');
      expect((e as AlianzaError).issues).toEqual([{ field: 'title', code: 'CASE_TITLE_REQUIRED' }]);
    }
  });

  it('never throws on any input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('title', 'type', 'handling', 'indicators', 'palermo', 'namedUserIds', 'eventId'), fc.jsonValue())), (x) => {
        const r = checkNewCase(x, META);
        expect(r.ok || r.issues.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('screening', () => {
  it('keeps indicator findings in ILO order and needs evidence for a present indicator', () => {
    const c = newCase({
      indicators: [
        { indicator: 'debt_bondage', present: true, evidence: 'Cuota de 18 000 MXN descontada del salario' },
        { indicator: 'deception', present: false, evidence: '' },
      ],
    });
    expect(c.indicators.map((i) => i.indicator)).toEqual(['deception', 'debt_bondage']);
    expect(screeningSummary(c)).toEqual({ indicatorsPresent: 1, palermoMet: false });
    const r = checkNewCase(
      input({
        indicators: [
          { indicator: 'isolation', present: true, evidence: '  ' },
          { indicator: 'isolation', present: false, evidence: '' },
          { indicator: 'bad_luck' as never, present: true, evidence: 'x' },
        ],
      }),
      META,
    );
    expect(r.ok ? [] : r.issues).toEqual([
      { field: 'indicators[0].evidence', code: 'CASE_INDICATOR_EVIDENCE_REQUIRED', params: { indicator: 'isolation' } },
      { field: 'indicators[2].indicator', code: 'CASE_BAD_INDICATOR' },
    ]);
  });

  it('checks Palermo elements', () => {
    const c = newCase({ palermo: { acts: ['transportation', 'recruitment', 'recruitment'], means: [], purposes: ['sexual_exploitation'], victimIsChild: true, notes: ' 16 años ' } });
    expect(c.palermo).toEqual({ acts: ['recruitment', 'transportation'], means: [], purposes: ['sexual_exploitation'], victimIsChild: true, notes: '16 años' });
    expect(checkNewCase(input({ palermo: { acts: ['kidnap' as never], means: [], purposes: [], victimIsChild: 'no' as never, notes: '' } }), META)).toMatchObject({
      ok: false,
      issues: [
        { field: 'palermo.acts[0]', code: 'CASE_BAD_PALERMO_ELEMENT' },
        { field: 'palermo.victimIsChild', code: 'CASE_BAD_FLAG' },
      ],
    });
  });
});

describe('editing a case', () => {
  const base = newCase();
  const NOW = '2026-07-01T09:00:00.000Z';

  it('returns a new case with version + 1 and keeps what the edit does not touch', () => {
    const next = applyCaseEdit(base, { version: 1, title: 'Nuevo título', status: 'investigating' }, { now: NOW });
    expect(next).toEqual({ ...base, title: 'Nuevo título', status: 'investigating', updatedAt: NOW, version: 2 });
    expect(base.version).toBe(1); // the input is not mutated
  });

  it('lets polarisType, labourProgram and eventId be cleared', () => {
    const c = newCase({ polarisType: 'Construction', labourProgram: 'H-2B', eventId: 'wc2026:match:104' });
    const next = applyCaseEdit(c, { polarisType: null, labourProgram: '', eventId: null }, { now: NOW });
    expect([next.polarisType, next.labourProgram, next.eventId]).toEqual([null, null, null]);
  });

  it('follows the status workflow', () => {
    let c = base;
    for (const to of ['investigating', 'prosecution', 'closed', 'archived'] as CaseStatus[]) c = applyCaseEdit(c, { status: to }, { now: NOW });
    expect(c).toMatchObject({ status: 'archived', version: 5 });
    const closed = { ...base, status: 'closed' as const };
    expect(applyCaseEdit(closed, { status: 'investigating' }, { now: NOW }).status).toBe('investigating');
  });

  it('refuses any other transition with CASE_BAD_TRANSITION', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const allowed = from === to || STATUS_TRANSITIONS[from].includes(to);
        const r = checkCaseEdit({ ...base, status: from }, { status: to }, { now: NOW });
        if (from === 'archived') {
          expect(r.ok).toBe(false);
          continue;
        }
        expect(r.ok, `${from} -> ${to}`).toBe(allowed);
        if (!r.ok) expect(r.issues[0]).toMatchObject({ field: 'status', code: 'CASE_BAD_TRANSITION', params: { from, to } });
      }
    }
    expect(() => applyCaseEdit(base, { status: 'prosecution' }, { now: NOW })).toThrow(expect.objectContaining({ code: 'CASE_BAD_TRANSITION' }));
    expect(() => applyCaseEdit(base, { status: 'paused' }, { now: NOW })).toThrow(expect.objectContaining({ code: 'CASE_INVALID' }));
  });

  it('keeps archived cases read-only', () => {
    expect(() => applyCaseEdit({ ...base, status: 'archived' }, { title: 'x' }, { now: NOW })).toThrow(expect.objectContaining({ code: 'CASE_ARCHIVED' }));
  });

  it('refuses unknown fields and ids that are not ids', () => {
    expect(checkCaseEdit(base, { owningAgencyId: 'mine' }, { now: NOW })).toMatchObject({ ok: false, issues: [{ field: 'owningAgencyId', code: 'CASE_UNKNOWN_FIELD' }] });
    expect(checkCaseEdit(base, { namedUserIds: ['u-2', 'u 3'] }, { now: NOW })).toMatchObject({ ok: false, issues: [{ field: 'namedUserIds[1]', code: 'VALUE_INVALID_REFERENCE' }] });
    expect(applyCaseEdit(base, { namedUserIds: ['u-2', 'u-2'] }, { now: NOW }).namedUserIds).toEqual(['u-2']);
  });

  it('records outcomes in date order, in a possible sequence', () => {
    const next = applyCaseEdit(
      base,
      {
        outcomes: [
          { stage: 'sentence', date: '2026-05-02', detail: '', sentenceMonths: 96 },
          { stage: 'charges', date: '2025-11', detail: 'Trata de personas, art. 10' },
          { stage: 'conviction', date: '2026-04-15', detail: '' },
        ],
      },
      { now: NOW },
    );
    expect(next.outcomes.map((o) => o.stage)).toEqual(['charges', 'conviction', 'sentence']);
    expect(next.outcomes[2]).toEqual({ stage: 'sentence', date: '2026-05-02', detail: '', sentenceMonths: 96 });
  });

  it('refuses impossible outcome sequences and malformed outcomes', () => {
    const check = (outcomes: unknown) => {
      const r = checkCaseEdit(base, { outcomes }, { now: NOW });
      return r.ok ? [] : r.issues.map((i) => `${i.field} ${i.code}`);
    };
    expect(check([{ stage: 'conviction', date: '2026-01-10', detail: '' }])).toEqual(['outcomes[0].stage CASE_OUTCOME_NEEDS_CHARGES']);
    expect(check([{ stage: 'charges', date: '2026-02', detail: '' }, { stage: 'sentence', date: '2026-03', detail: '' }])).toEqual(['outcomes[1].stage CASE_SENTENCE_NEEDS_CONVICTION']);
    expect(check([{ stage: 'charges', date: '2026-03-01', detail: '' }, { stage: 'acquittal', date: '2026-02-01', detail: '' }])).toEqual(['outcomes[1].stage CASE_OUTCOME_NEEDS_CHARGES']);
    expect(check([{ stage: 'charges', date: '2026', detail: '' }, { stage: 'acquittal', date: '2026-02-01', detail: '' }])).toEqual([]);
    expect(check([{ stage: 'charges', date: '2026-12-01', detail: '' }])).toEqual(['outcomes[0].date CASE_OUTCOME_IN_FUTURE']);
    expect(check([{ stage: 'charges', date: '2026-02-30', detail: '' }])).toEqual(['outcomes[0].date VALUE_INVALID_DATE']);
    expect(check([{ stage: 'charges', date: '', detail: '' }])).toEqual(['outcomes[0].date CASE_OUTCOME_DATE_REQUIRED']);
    expect(check([{ stage: 'charges', date: '2026-01', detail: '', sentenceMonths: 12 }])).toEqual(['outcomes[0].sentenceMonths CASE_SENTENCE_MONTHS_ONLY_FOR_SENTENCE']);
    expect(check([{ stage: 'appeal', date: '2026-01', detail: '' }])).toEqual(['outcomes[0].stage CASE_BAD_OUTCOME_STAGE']);
    expect(check('none')).toEqual(['outcomes CASE_NOT_A_LIST']);
  });

  it('names the parts an edit touches', () => {
    expect([...editedParts({ version: 3, title: 'x', indicators: [], outcomes: [], status: 'closed' })].sort()).toEqual(['core', 'outcomes', 'screening', 'status']);
    expect([...editedParts({ namedUserIds: [] })]).toEqual(['handling']);
  });
});

describe('status workflow', () => {
  it('lists next statuses', () => {
    expect(nextStatuses('open')).toEqual(['investigating', 'closed']);
    expect(nextStatuses('closed')).toEqual(['archived', 'investigating']);
    expect(nextStatuses('archived')).toEqual([]);
    expect(canTransition('prosecution', 'open')).toBe(false);
  });
});

describe('case references', () => {
  it('formats and parses {COUNTRY}-{YEAR}-{NNNNNN}', () => {
    expect(formatCaseReference('mx', 2026, 123)).toBe('MX-2026-000123');
    expect(caseReferencePrefix('CA', 2027)).toBe('CA-2027-');
    expect(parseCaseReference(' us-2026-004567 ')).toEqual({ country: 'US', year: 2026, sequence: 4567 });
    expect(parseCaseReference('MX-2026-000000')).toBeNull();
    expect(parseCaseReference('MX-26-000001')).toBeNull();
    expect(() => formatCaseReference('MX', 2026, 1_000_000)).toThrow(RangeError);
    expect(() => formatCaseReference('MEX', 2026, 1)).toThrow(RangeError);
  });

  it('round-trips (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('MX', 'CA', 'US'), fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 999_999 }), (c, y, n) => {
        expect(parseCaseReference(formatCaseReference(c, y, n))).toEqual({ country: c, year: y, sequence: n });
      }),
    );
  });
});
