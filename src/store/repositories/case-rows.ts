/** Case <-> row mapping: scalar columns for what is filtered or sorted, JSON for the rest. */
import type {
  Case,
  CaseStatus,
  CaseType,
  Handling,
  IndicatorFinding,
  JusticeOutcome,
  PalermoAssessment,
  Tlp,
} from '../../domain/model';
import type { CaseAccessRow, CaseRow } from '../db-types';

export function caseToRow(c: Case, version: number): CaseRow {
  const { tlp, ...handling } = c.handling;
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    type: c.type,
    polaris_type: c.polarisType,
    status: c.status,
    jurisdiction: c.jurisdiction,
    narrative: c.narrative,
    tlp,
    handling: JSON.stringify(handling),
    owning_agency_id: c.owningAgencyId,
    event_id: c.eventId,
    labour_program: c.labourProgram,
    indicators: JSON.stringify(c.indicators ?? []),
    palermo: JSON.stringify(c.palermo),
    outcomes: JSON.stringify(c.outcomes ?? []),
    created_by: c.createdBy,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    version,
  };
}

export function rowToCase(r: CaseRow, namedUserIds: string[]): Case {
  const handling = { ...(JSON.parse(r.handling) as Omit<Handling, 'tlp'>), tlp: r.tlp as Tlp };
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    type: r.type as CaseType,
    polarisType: r.polaris_type,
    status: r.status as CaseStatus,
    jurisdiction: r.jurisdiction,
    narrative: r.narrative,
    handling,
    owningAgencyId: r.owning_agency_id,
    namedUserIds,
    eventId: r.event_id,
    labourProgram: r.labour_program,
    indicators: JSON.parse(r.indicators) as IndicatorFinding[],
    palermo: JSON.parse(r.palermo) as PalermoAssessment,
    outcomes: JSON.parse(r.outcomes) as JusticeOutcome[],
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** The case_access rows of a case: its named users, first occurrence kept, in order. */
export function accessRows(c: Case): CaseAccessRow[] {
  const seen = new Set<string>();
  const rows: CaseAccessRow[] = [];
  for (const userId of c.namedUserIds ?? []) {
    if (seen.has(userId)) continue;
    seen.add(userId);
    rows.push({ case_id: c.id, user_id: userId, position: rows.length });
  }
  return rows;
}
