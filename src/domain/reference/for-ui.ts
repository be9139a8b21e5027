/**
 * Reference data for forms and screens (GET /api/reference), in one language: indicators, Palermo elements,
 * Polaris types, TLP levels, labour programs, purposes, events and the labels of the
 * model's closed lists. Every fact keeps its source.
 */
import { CASE_MEMBER_CAPACITIES, CASE_STATUSES, CASE_TYPES, OUTCOME_STAGES, ROLES, SUBJECT_ROLES, type Locale, type Tlp } from '../model';
import { eventOptions, WORLD_CUP_MATCHES_SOURCE, type EventOption } from './events';
import { ILO_INDICATOR_REFERENCE, ILO_SCREENING_GUIDANCE } from './indicators';
import { LABOUR_PROGRAMS } from './labour-programs';
import { PALERMO_ACT_REFERENCE, PALERMO_GUIDANCE, PALERMO_MEANS_REFERENCE, PALERMO_PURPOSE_REFERENCE, PALERMO_SOURCE } from './palermo';
import { POLARIS_SOURCE, POLARIS_TYPES } from './polaris';
import { HANDLING_PURPOSES } from './purposes';
import { CAPACITY_LABELS, CASE_STATUS_LABELS, CASE_TYPE_LABELS, OUTCOME_STAGE_LABELS, ROLE_LABELS, SUBJECT_ROLE_LABELS } from './labels';
import { TLP_REFERENCE } from './tlp';

type L = Record<Locale, string>;
export interface CodeLabel {
  code: string;
  label: L;
}

export interface ReferenceData {
  indicators: { code: string; label: L; guidance: L; source: string }[];
  indicatorGuidance: L;
  palermo: {
    acts: CodeLabel[];
    means: CodeLabel[];
    purposes: CodeLabel[];
    guidance: L;
    elementGuidance: { act: L; means: L; purpose: L; child: L; consent: L };
    source: string;
  };
  polarisTypes: CodeLabel[];
  polarisSource: string;
  tlp: { code: Tlp; label: string; colour: string; meaning: L; source: string }[];
  labourPrograms: (CodeLabel & { country: string; source: string })[];
  purposes: CodeLabel[];
  caseTypes: CodeLabel[];
  caseStatuses: CodeLabel[];
  subjectRoles: CodeLabel[];
  outcomeStages: CodeLabel[];
  roles: CodeLabel[];
  capacities: CodeLabel[];
  events: EventOption[];
  eventsSource: string;
}

const list = <C extends string>(codes: readonly C[], labels: Record<C, L>): CodeLabel[] => codes.map((code) => ({ code, label: labels[code] }));

/** Everything the forms need; `locale` only chooses the language of event labels (the rest carries all three). */
export function referenceData(locale: Locale = 'en'): ReferenceData {
  return {
    indicators: ILO_INDICATOR_REFERENCE.map((i) => ({ ...i })),
    indicatorGuidance: ILO_SCREENING_GUIDANCE,
    palermo: {
      acts: PALERMO_ACT_REFERENCE.map(({ code, label }) => ({ code, label })),
      means: PALERMO_MEANS_REFERENCE.map(({ code, label }) => ({ code, label })),
      purposes: PALERMO_PURPOSE_REFERENCE.map(({ code, label }) => ({ code, label })),
      guidance: PALERMO_GUIDANCE.general,
      elementGuidance: { act: PALERMO_GUIDANCE.act, means: PALERMO_GUIDANCE.means, purpose: PALERMO_GUIDANCE.purpose, child: PALERMO_GUIDANCE.child, consent: PALERMO_GUIDANCE.consent },
      source: PALERMO_SOURCE,
    },
    polarisTypes: POLARIS_TYPES.map((p) => ({ ...p })),
    polarisSource: POLARIS_SOURCE,
    tlp: TLP_REFERENCE.map((t) => ({ ...t })),
    labourPrograms: LABOUR_PROGRAMS.map(({ code, label, country, source }) => ({ code, label, country, source })),
    purposes: HANDLING_PURPOSES.map((p) => ({ ...p })),
    caseTypes: list(CASE_TYPES, CASE_TYPE_LABELS),
    caseStatuses: list(CASE_STATUSES, CASE_STATUS_LABELS),
    subjectRoles: list(SUBJECT_ROLES, SUBJECT_ROLE_LABELS),
    outcomeStages: list(OUTCOME_STAGES, OUTCOME_STAGE_LABELS),
    roles: list(ROLES, ROLE_LABELS),
    capacities: list(CASE_MEMBER_CAPACITIES, CAPACITY_LABELS),
    events: eventOptions(locale),
    eventsSource: WORLD_CUP_MATCHES_SOURCE,
  };
}
