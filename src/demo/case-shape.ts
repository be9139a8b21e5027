/**
 * Assembles a demo Case from a draft: handling code, ILO screening, Palermo assessment,
 * justice outcomes consistent with the status, creator and members.
 */
import {
  ILO_INDICATORS,
  type Case,
  type CaseStatus,
  type CaseType,
  type Handling,
  type IloIndicator,
  type IndicatorFinding,
  type JusticeOutcome,
  type PalermoAct,
  type PalermoAssessment,
  type PalermoMeans,
  type PalermoPurpose,
  type Tlp,
} from '../domain/model';
import type { AccountKey, AgencyKey } from './agencies';
import type { ScenarioBuilder } from './builder';
import { isoAt, isoDate, LAST_DAY } from './clock';
import type { TextLang } from './places';
import type { Rng } from './rng';
import { iloEvidence, outcomeDetail, palermoNote } from './texts';

export const POLARIS_BY_TYPE: Record<CaseType, readonly string[]> = {
  sex_trafficking: [
    'Escort Services', 'Illicit Massage, Health, and Beauty', 'Outdoor Solicitation', 'Residential',
    'Bars, Strip Clubs, and Cantinas', 'Pornography', 'Personal Sexual Servitude', 'Remote Interactive Sexual Acts',
  ],
  labour_trafficking: [
    'Agriculture and Animal Husbandry', 'Construction', 'Restaurants and Food Service', 'Hotels and Hospitality',
    'Landscaping', 'Factories and Manufacturing', 'Traveling Sales Crews', 'Forestry and Logging', 'Carnivals',
  ],
  forced_labour: [
    'Agriculture and Animal Husbandry', 'Commercial Cleaning Services', 'Factories and Manufacturing', 'Health and Beauty Services',
    'Health Care', 'Hotels and Hospitality', 'Recreational Facilities', 'Restaurants and Food Service',
  ],
  forced_criminality: ['Illicit Activities'],
  domestic_servitude: ['Domestic Work'],
  other_exploitation: ['Peddling and Begging', 'Arts and Entertainment', 'Traveling Sales Crews'],
};

const PURPOSES: Record<CaseType, PalermoPurpose[]> = {
  sex_trafficking: ['sexual_exploitation'],
  labour_trafficking: ['forced_labour_or_services'],
  forced_labour: ['forced_labour_or_services'],
  forced_criminality: ['forced_criminality'],
  domestic_servitude: ['servitude', 'forced_labour_or_services'],
  other_exploitation: ['forced_labour_or_services', 'slavery_or_similar'],
};
const ACTS: Record<CaseType, PalermoAct[]> = {
  sex_trafficking: ['recruitment', 'transportation', 'harbouring', 'transfer'],
  labour_trafficking: ['recruitment', 'transportation', 'receipt'],
  forced_labour: ['recruitment', 'harbouring'],
  forced_criminality: ['recruitment', 'harbouring', 'transfer'],
  domestic_servitude: ['recruitment', 'harbouring', 'receipt'],
  other_exploitation: ['recruitment', 'transportation'],
};
const MEANS: Record<CaseType, PalermoMeans[]> = {
  sex_trafficking: ['coercion', 'threat_or_force', 'deception', 'abuse_of_power_or_vulnerability'],
  labour_trafficking: ['deception', 'fraud', 'abuse_of_power_or_vulnerability', 'payments_or_benefits'],
  forced_labour: ['coercion', 'deception', 'abuse_of_power_or_vulnerability'],
  forced_criminality: ['threat_or_force', 'coercion', 'abuse_of_power_or_vulnerability'],
  domestic_servitude: ['deception', 'abuse_of_power_or_vulnerability', 'coercion'],
  other_exploitation: ['coercion', 'abuse_of_power_or_vulnerability', 'abduction'],
};

const LABOUR_LIKE: ReadonlySet<CaseType> = new Set(['labour_trafficking', 'forced_labour', 'domestic_servitude']);
const LABOUR_INDICATORS: ReadonlySet<IloIndicator> = new Set([
  'retention_of_identity_documents', 'withholding_of_wages', 'debt_bondage', 'excessive_overtime', 'abusive_working_living_conditions', 'deception',
]);

export interface CaseDraft {
  type: CaseType;
  status: CaseStatus;
  lang: TextLang;
  agency: AgencyKey;
  day: number;
  title: string;
  narrative: string;
  tlp?: Tlp;
  eventId?: string | null;
  labourProgram?: string | null;
  polarisType?: string | null;
  child?: boolean;
  /** indicators certainly present (the storyline's facts), with their evidence when known */
  indicators?: IloIndicator[];
  evidence?: Partial<Record<IloIndicator, string>>;
  screened?: boolean;
  outcomes?: JusticeOutcome[];
}

export function randomTlp(rng: Rng): Tlp {
  return rng.weighted<Tlp>([['GREEN', 34], ['AMBER', 46], ['AMBER+STRICT', 12], ['RED', 4], ['CLEAR', 4]]);
}

export function randomStatus(rng: Rng): CaseStatus {
  return rng.weighted<CaseStatus>([['open', 24], ['investigating', 32], ['prosecution', 14], ['closed', 20], ['archived', 10]]);
}

function handlingFor(tlp: Tlp, agency: AgencyKey, rng: Rng): Handling {
  const purpose = tlp === 'CLEAR' ? 'statistics' : agency === 'victims' ? 'victim-support' : 'investigation';
  const retentionDays = { RED: 730, 'AMBER+STRICT': 1825, AMBER: 1825, GREEN: 1095, CLEAR: 3650 }[tlp];
  const consent = tlp === 'RED' || tlp === 'AMBER+STRICT' || (tlp === 'AMBER' && rng.chance(0.5));
  return { tlp, purpose, retentionDays, originatorConsentRequiredToForward: consent };
}

function indicatorsFor(rng: Rng, d: CaseDraft): IndicatorFinding[] {
  const screened = d.screened ?? (d.indicators?.length ? true : rng.chance(0.75));
  if (!screened) return [];
  const labour = LABOUR_LIKE.has(d.type);
  return ILO_INDICATORS.map((indicator) => {
    const base = labour === LABOUR_INDICATORS.has(indicator) ? 0.5 : 0.2;
    const present = d.indicators?.includes(indicator) || rng.chance(base);
    return { indicator, present, evidence: present ? (d.evidence?.[indicator] ?? iloEvidence(rng, d.lang, indicator)) : '' };
  });
}

function palermoFor(rng: Rng, d: CaseDraft, child: boolean): PalermoAssessment {
  const complete = d.status !== 'open' || rng.chance(0.5);
  const acts = rng.sample(ACTS[d.type], rng.int(1, 2));
  const means = child || !complete ? [] : rng.sample(MEANS[d.type], rng.int(1, 3));
  const purposes = complete ? rng.sample(PURPOSES[d.type], rng.int(1, PURPOSES[d.type].length)) : [];
  return { acts, means, purposes, victimIsChild: child, notes: palermoNote(d.lang, child, complete) };
}

function outcomesFor(rng: Rng, d: CaseDraft): JusticeOutcome[] {
  if (d.outcomes) return d.outcomes;
  let day = d.day;
  const step = (min: number, max: number): string => {
    day = Math.min(LAST_DAY, day + rng.int(min, max));
    return isoDate(day);
  };
  const o = (stage: JusticeOutcome['stage'], months?: number): JusticeOutcome => {
    const out: JusticeOutcome = { stage, date: step(3, 40), detail: outcomeDetail(d.lang, stage, months) };
    if (months !== undefined) out.sentenceMonths = months;
    return out;
  };
  switch (d.status) {
    case 'open':
      return [];
    case 'investigating':
      return [o('investigation')];
    case 'prosecution':
      return [o('investigation'), o('charges')];
    case 'closed':
    case 'archived': {
      const end = rng.weighted<string>([['conviction', 45], ['acquittal', 10], ['dismissal', 20], ['none', 25]]);
      if (end === 'none') return d.agency === 'police' || d.agency === 'police2' ? [o('investigation')] : [];
      if (end === 'dismissal') return [o('investigation'), o('dismissal')];
      if (end === 'acquittal') return [o('investigation'), o('charges'), o('acquittal')];
      const months = rng.int(3, 30) * 6;
      return [o('investigation'), o('charges'), o('conviction'), o('sentence', months)];
    }
    default:
      return [];
  }
}

const CREATOR: Record<AgencyKey, AccountKey> = {
  police: 'investigator',
  police2: 'investigator2',
  labour: 'inspector',
  victims: 'caseworker',
  prosecution: 'prosecutor',
  liaison: 'liaison',
};

/** Builds the case, adds it to the batch and assigns its members. */
export function buildCase(b: ScenarioBuilder, rng: Rng, d: CaseDraft): Case {
  const tlp = d.tlp ?? randomTlp(rng);
  const child = d.child ?? rng.chance(d.type === 'sex_trafficking' || d.type === 'forced_criminality' ? 0.15 : 0.04);
  const outcomes = outcomesFor(rng, d);
  const lastOutcomeDay = outcomes.length ? Math.round((Date.parse(outcomes[outcomes.length - 1]!.date) - Date.parse('2026-01-01')) / 86_400_000) : d.day;
  const updatedDay = Math.min(LAST_DAY, Math.max(lastOutcomeDay, d.day + rng.int(0, 20)));
  const creator: AccountKey = d.agency === 'police' && rng.chance(0.2) ? 'analyst' : CREATOR[d.agency];
  const namedUserIds =
    tlp === 'RED'
      ? [b.user('prosecutor').id, b.user('liaison').id]
      : tlp === 'AMBER+STRICT' && rng.chance(0.5)
        ? [b.user('caseworker').id]
        : [];
  const polarisType = d.polarisType !== undefined ? d.polarisType : rng.chance(0.12) ? null : rng.pick(POLARIS_BY_TYPE[d.type]);
  const createdAt = isoAt(d.day, rng.int(7 * 60, 19 * 60));
  const kase = b.addCase({
    id: rng.uuid(),
    reference: b.nextReference(),
    title: d.title,
    type: d.type,
    polarisType,
    status: d.status,
    jurisdiction: b.country,
    narrative: d.narrative,
    handling: handlingFor(tlp, d.agency, rng),
    owningAgencyId: b.agencyId(d.agency),
    namedUserIds,
    eventId: d.eventId ?? null,
    labourProgram: d.labourProgram ?? null,
    indicators: indicatorsFor(rng, d),
    palermo: palermoFor(rng, d, child),
    outcomes,
    createdBy: b.user(creator).id,
    createdAt,
    updatedAt: updatedDay > d.day ? isoAt(updatedDay, rng.int(7 * 60, 19 * 60)) : createdAt,
    version: 1,
  });
  assignMembers(b, rng, kase, d);
  return kase;
}

function assignMembers(b: ScenarioBuilder, rng: Rng, kase: Case, d: CaseDraft): void {
  if (d.agency === 'police' && rng.chance(0.75)) b.member(kase, 'investigator', 'investigator');
  if (d.agency === 'police2' && rng.chance(0.75)) b.member(kase, 'investigator2', 'investigator');
  if (d.agency === 'labour' && rng.chance(0.75)) b.member(kase, 'inspector', 'investigator');
  if (d.agency === 'victims' ? rng.chance(0.85) : rng.chance(0.3)) b.member(kase, 'caseworker', 'caseworker');
  const charged = kase.outcomes.some((o) => o.stage === 'charges');
  if (d.agency === 'prosecution' || (charged && rng.chance(0.7))) b.member(kase, 'prosecutor', 'prosecutor');
}
