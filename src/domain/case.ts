/**
 * Cases: checking a new case, applying an edit (a new Case with version + 1), the status
 * workflow, and which part of a case an edit touches (the policy decides who may touch
 * what). Pure: ids, references and clocks come from the caller.
 */
import { AlianzaError, type FieldIssue } from './errors';
import { CASE_STATUSES, CASE_TYPES, type Case, type CaseStatus, type CaseType, type Handling, type IndicatorFinding, type JusticeOutcome, type PalermoAssessment } from './model';
import { canTransition, nextStatuses } from './case-status';
import { checkHandling } from './handling';
import { checkOutcomes } from './outcomes';
import { labourProgramCode } from './reference/labour-programs';
import { polarisCode } from './reference/polaris';
import { resolveEventId } from './reference/events';
import { assessPalermo, checkIndicators, checkPalermo, EMPTY_PALERMO } from './screening';
import { charLength, cleanLine, cleanText } from './values/clean';
import { normaliseCountry } from './values/country';
import { isEntityId } from './values/entity-ref';

export { assessPalermo, nextStatuses, canTransition };
export type { PalermoResult } from './screening';

export const TITLE_MAX = 300;
export const NARRATIVE_MAX = 20_000;
export const MAX_NAMED_USERS = 100;

export interface NewCaseInput {
  title: string;
  type: CaseType;
  polarisType?: string | null;
  jurisdiction?: string;
  narrative?: string;
  handling: Handling;
  labourProgram?: string | null;
  eventId?: string | null;
  indicators?: IndicatorFinding[];
  palermo?: PalermoAssessment;
  namedUserIds?: string[];
}

/** What the node adds to a new case. */
export interface NewCaseMeta {
  id: string;
  reference: string;
  owningAgencyId: string;
  createdBy: string;
  /** ISO timestamp */
  now: string;
  /** the node's country, used when the input names no jurisdiction */
  defaultJurisdiction?: string;
}

export interface CaseEdit {
  title?: string;
  type?: CaseType;
  polarisType?: string | null;
  status?: CaseStatus;
  jurisdiction?: string;
  narrative?: string;
  handling?: Handling;
  labourProgram?: string | null;
  eventId?: string | null;
  indicators?: IndicatorFinding[];
  palermo?: PalermoAssessment;
  outcomes?: JusticeOutcome[];
  namedUserIds?: string[];
  /** the version the editor saw; checked by the caller against the store, ignored here */
  version?: number;
}

/**
 * The parts of a case, for the policy: `core` is the investigative record, `screening`
 * the victim-support assessment (indicators, Palermo), `handling` who may see it,
 * `outcomes` the criminal-justice results.
 */
export type CasePart = 'core' | 'status' | 'screening' | 'handling' | 'outcomes';

export const CASE_FIELD_PARTS: Readonly<Record<Exclude<keyof CaseEdit, 'version'>, CasePart>> = {
  title: 'core',
  type: 'core',
  polarisType: 'core',
  jurisdiction: 'core',
  narrative: 'core',
  labourProgram: 'core',
  eventId: 'core',
  status: 'status',
  indicators: 'screening',
  palermo: 'screening',
  handling: 'handling',
  namedUserIds: 'handling',
  outcomes: 'outcomes',
};

/** The parts of a case an edit touches (unknown keys are ignored here and refused by checkCaseEdit). */
export function editedParts(edit: object): Set<CasePart> {
  const parts = new Set<CasePart>();
  for (const k of Object.keys(edit)) {
    const part = (CASE_FIELD_PARTS as Record<string, CasePart | undefined>)[k];
    if (part) parts.add(part);
  }
  return parts;
}

export type CaseResult = { ok: true; case: Case } | { ok: false; issues: FieldIssue[] };

type Fields = Partial<Omit<Case, 'id' | 'reference' | 'owningAgencyId' | 'createdBy' | 'createdAt' | 'updatedAt' | 'version' | 'status'>> & { status?: CaseStatus };

const has = (o: object, k: string): boolean => Object.hasOwn(o, k);

/** Checks the fields present in `input`; returns the normalised ones. */
function checkFields(input: Record<string, unknown>, issues: FieldIssue[], today: string): Fields {
  const out: Fields = {};
  if (has(input, 'title')) {
    const t = typeof input.title === 'string' ? cleanLine(input.title) : '';
    if (t === '') issues.push({ field: 'title', code: 'CASE_TITLE_REQUIRED' });
    else if (charLength(t) > TITLE_MAX) issues.push({ field: 'title', code: 'VALUE_TOO_LONG', params: { max: TITLE_MAX } });
    else out.title = t;
  }
  if (has(input, 'type')) {
    if (typeof input.type === 'string' && (CASE_TYPES as readonly string[]).includes(input.type)) out.type = input.type as CaseType;
    else issues.push({ field: 'type', code: 'CASE_BAD_TYPE', params: { allowed: CASE_TYPES.join(', ') } });
  }
  if (has(input, 'polarisType')) {
    const v = input.polarisType;
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) out.polarisType = null;
    else {
      const code = typeof v === 'string' ? polarisCode(v) : undefined;
      if (code) out.polarisType = code;
      else issues.push({ field: 'polarisType', code: 'CASE_BAD_POLARIS_TYPE' });
    }
  }
  if (has(input, 'jurisdiction')) {
    const r = typeof input.jurisdiction === 'string' ? normaliseCountry(input.jurisdiction) : null;
    if (r?.ok) out.jurisdiction = r.value;
    else issues.push({ field: 'jurisdiction', code: r && !r.ok && r.code === 'VALUE_EMPTY' ? 'CASE_JURISDICTION_REQUIRED' : 'VALUE_INVALID_COUNTRY' });
  }
  if (has(input, 'narrative')) {
    const n = typeof input.narrative === 'string' ? cleanText(input.narrative) : input.narrative == null ? '' : null;
    if (n === null) issues.push({ field: 'narrative', code: 'ENTITY_WRONG_TYPE', params: { property: 'narrative' } });
    else if (charLength(n) > NARRATIVE_MAX) issues.push({ field: 'narrative', code: 'VALUE_TOO_LONG', params: { max: NARRATIVE_MAX } });
    else out.narrative = n;
  }
  if (has(input, 'handling')) {
    const h = checkHandling(input.handling);
    if (h.ok) out.handling = h.value;
    else issues.push(...h.issues);
  }
  if (has(input, 'labourProgram')) {
    const v = input.labourProgram;
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) out.labourProgram = null;
    else {
      const code = typeof v === 'string' ? labourProgramCode(v) : undefined;
      if (code) out.labourProgram = code;
      else issues.push({ field: 'labourProgram', code: 'CASE_BAD_LABOUR_PROGRAM' });
    }
  }
  if (has(input, 'eventId')) {
    const v = input.eventId;
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) out.eventId = null;
    else {
      const id = typeof v === 'string' ? resolveEventId(v.trim()) : undefined;
      if (id) out.eventId = id;
      else issues.push({ field: 'eventId', code: 'CASE_UNKNOWN_EVENT' });
    }
  }
  if (has(input, 'indicators')) {
    const r = checkIndicators(input.indicators);
    if (r.ok) out.indicators = r.value;
    else issues.push(...r.issues);
  }
  if (has(input, 'palermo')) {
    const r = checkPalermo(input.palermo);
    if (r.ok) out.palermo = r.value;
    else issues.push(...r.issues);
  }
  if (has(input, 'outcomes')) {
    const r = checkOutcomes(input.outcomes, { today });
    if (r.ok) out.outcomes = r.value;
    else issues.push(...r.issues);
  }
  if (has(input, 'namedUserIds')) {
    const v = input.namedUserIds;
    if (!Array.isArray(v)) issues.push({ field: 'namedUserIds', code: 'CASE_NOT_A_LIST' });
    else if (v.length > MAX_NAMED_USERS) issues.push({ field: 'namedUserIds', code: 'CASE_TOO_MANY_NAMED_USERS', params: { max: MAX_NAMED_USERS } });
    else {
      const bad = v.findIndex((x) => typeof x !== 'string' || !isEntityId(x));
      if (bad >= 0) issues.push({ field: `namedUserIds[${bad}]`, code: 'VALUE_INVALID_REFERENCE' });
      else out.namedUserIds = [...new Set(v as string[])];
    }
  }
  return out;
}

const NEW_CASE_FIELDS = new Set(['title', 'type', 'polarisType', 'jurisdiction', 'narrative', 'handling', 'labourProgram', 'eventId', 'indicators', 'palermo', 'namedUserIds']);
const EDIT_FIELDS = new Set([...Object.keys(CASE_FIELD_PARTS), 'version']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownFields(input: Record<string, unknown>, allowed: Set<string>): FieldIssue[] {
  return Object.keys(input)
    .filter((k) => !allowed.has(k))
    .map((k) => ({ field: k.slice(0, 64), code: 'CASE_UNKNOWN_FIELD', params: { field: k.slice(0, 64) } }));
}

/** Checks a new case and builds it (status "open", version 1); never throws. */
export function checkNewCase(input: unknown, meta: NewCaseMeta): CaseResult {
  if (!isRecord(input)) return { ok: false, issues: [{ field: '', code: 'CASE_INVALID' }] };
  const issues = unknownFields(input, NEW_CASE_FIELDS);
  const given = { ...input };
  if (!has(given, 'jurisdiction') || given.jurisdiction === undefined || given.jurisdiction === '') given.jurisdiction = meta.defaultJurisdiction ?? '';
  if (!has(given, 'title')) given.title = '';
  if (!has(given, 'type')) given.type = undefined;
  if (!has(given, 'handling')) given.handling = undefined;
  const f = checkFields(given, issues, meta.now.slice(0, 10));
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    case: {
      id: meta.id,
      reference: meta.reference,
      title: f.title as string,
      type: f.type as CaseType,
      polarisType: f.polarisType ?? null,
      status: 'open',
      jurisdiction: f.jurisdiction as string,
      narrative: f.narrative ?? '',
      handling: f.handling as Handling,
      owningAgencyId: meta.owningAgencyId,
      namedUserIds: f.namedUserIds ?? [],
      eventId: f.eventId ?? null,
      labourProgram: f.labourProgram ?? null,
      indicators: f.indicators ?? [],
      palermo: f.palermo ?? { ...EMPTY_PALERMO },
      outcomes: [],
      createdBy: meta.createdBy,
      createdAt: meta.now,
      updatedAt: meta.now,
      version: 1,
    },
  };
}

/** Like checkNewCase, but throws AlianzaError('CASE_INVALID', {}, issues) when the input is not valid. */
export function validateNewCase(input: NewCaseInput | unknown, meta: NewCaseMeta): Case {
  const r = checkNewCase(input, meta);
  if (!r.ok) throw new AlianzaError('CASE_INVALID', {}, r.issues);
  return r.case;
}

/**
 * Checks an edit against the current case and returns the edited case (version + 1,
 * updatedAt = now); never throws. Archived cases are read-only; status changes follow
 * the workflow; fields absent from the edit are kept.
 */
export function checkCaseEdit(existing: Case, edit: unknown, opts: { now: string }): CaseResult {
  if (!isRecord(edit)) return { ok: false, issues: [{ field: '', code: 'CASE_INVALID' }] };
  const issues = unknownFields(edit, EDIT_FIELDS);
  if (existing.status === 'archived') issues.push({ field: 'status', code: 'CASE_ARCHIVED' });
  const f = checkFields(edit, issues, opts.now.slice(0, 10));
  if (has(edit, 'status')) {
    const to = edit.status;
    if (typeof to !== 'string' || !(CASE_STATUSES as readonly string[]).includes(to)) {
      issues.push({ field: 'status', code: 'CASE_BAD_STATUS' });
    } else if (!canTransition(existing.status, to as CaseStatus)) {
      issues.push({ field: 'status', code: 'CASE_BAD_TRANSITION', params: { from: existing.status, to, allowed: nextStatuses(existing.status).join(', ') } });
    } else f.status = to as CaseStatus;
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, case: { ...existing, ...f, updatedAt: opts.now, version: existing.version + 1 } };
}

/**
 * Like checkCaseEdit, but throws: AlianzaError('CASE_BAD_TRANSITION') when the status
 * change is the only problem, AlianzaError('CASE_INVALID', {}, issues) otherwise.
 */
export function applyCaseEdit(existing: Case, edit: CaseEdit | unknown, opts: { now: string }): Case {
  const r = checkCaseEdit(existing, edit, opts);
  if (r.ok) return r.case;
  const only = r.issues.length === 1 ? r.issues[0] : undefined;
  if (only && (only.code === 'CASE_BAD_TRANSITION' || only.code === 'CASE_ARCHIVED')) throw new AlianzaError(only.code, only.params ?? {}, r.issues);
  throw new AlianzaError('CASE_INVALID', {}, r.issues);
}

/** A short screening summary for lists and statistics. */
export function screeningSummary(kase: Pick<Case, 'indicators' | 'palermo'>): { indicatorsPresent: number; palermoMet: boolean } {
  return { indicatorsPresent: kase.indicators.filter((i) => i.present).length, palermoMet: assessPalermo(kase.palermo).met };
}
