/**
 * Which entities of a node may be the same: people by the Fellegi–Sunter model of
 * src/linkage (trained on the node's own records, and on the reviewers' decisions once
 * there are enough of them), organisations and phones by an exact normalised value.
 * No I/O: the service gives the entities and stores the pairs.
 */
import type { Entity } from '../domain/model';
import { tokens } from '../domain/search-text';
import { normalisePhone } from '../domain/values/phone';
import { resolvePeople, type ScoredPair } from '../linkage';
import type { NewResolutionPair } from '../store/ports';

/** A pair explained: the model's per-field parts, or the exact values' properties that agreed. */
export interface PairExplanation {
  kind: 'model' | 'exact';
  priorWeight: number | null;
  transposedNames: boolean;
  parts: { field: string; level: string; weight: number | null; termFrequencyAdjustment: number; m: number | null; u: number | null }[];
}

export interface LabelledPair {
  /** the two records as they were when the decision was taken */
  left: Entity;
  right: Entity;
  match: boolean;
}

export interface CandidateInput {
  people: readonly Entity[];
  organizations: readonly Entity[];
  phones: readonly Entity[];
  labelled: readonly LabelledPair[];
  /** m is taken from confirmed pairs only from this many on (a handful would be noise) */
  minTrainingLabels: number;
  defaultCountry: string;
}

export interface CandidateSummary {
  people: number;
  organizations: number;
  phones: number;
  candidates: number;
  proposed: number;
  review: number;
  threshold: number;
  reviewThreshold: number;
  labels: number;
  mFromLabels: boolean;
  lambda: number | null;
  warnings: string[];
}

/** Exact groups larger than this are too common a value to propose as one entity. */
const MAX_EXACT_GROUP = 25;
const LABEL_PREFIX = 'label:';

const LEGAL_FORMS = new Set([
  'sa', 'de', 'cv', 'rl', 's', 'sapi', 'sas', 'sc', 'ac', 'spr', 'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'corp',
  'corporation', 'co', 'company', 'cie', 'ltee', 'sarl', 'sencrl', 'the',
]);

/** "Enlace Agrícola, S.A. de C.V." and "ENLACE AGRICOLA SA DE CV" -> "enlace agricola". */
export function organizationNameKey(name: string): string {
  const words = tokens(name.replace(/\./g, ''));
  let end = words.length;
  while (end > 1 && LEGAL_FORMS.has(words[end - 1] as string)) end--;
  return words.slice(0, end).join(' ');
}

const identifierKey = (v: string): string => v.toUpperCase().replace(/[^0-9A-Z]/g, '');

function explainModel(p: ScoredPair): PairExplanation {
  const e = p.explanation;
  return {
    kind: 'model',
    priorWeight: e.priorWeight,
    transposedNames: e.transposedNames,
    parts: e.parts.map((x) => ({ field: x.field, level: x.level, weight: x.weight, termFrequencyAdjustment: x.termFrequencyAdjustment, m: x.m, u: x.u })),
  };
}

/** Pairs of entities sharing a key; the explanation names the properties that agreed. */
function exactPairs(schema: string, entities: readonly Entity[], keysOf: (e: Entity) => { field: string; key: string }[], warnings: string[]): NewResolutionPair[] {
  const groups = new Map<string, { field: string; ids: string[] }>();
  for (const e of entities) {
    for (const { field, key } of keysOf(e)) {
      if (!key) continue;
      const k = `${field}\u0000${key}`;
      const g = groups.get(k) ?? { field, ids: [] };
      if (!g.ids.includes(e.id)) g.ids.push(e.id);
      groups.set(k, g);
    }
  }
  const agreed = new Map<string, Set<string>>();
  for (const g of groups.values()) {
    if (g.ids.length < 2) continue;
    if (g.ids.length > MAX_EXACT_GROUP) {
      warnings.push(`${schema}.${g.field}: ${g.ids.length}`);
      continue;
    }
    const ids = [...g.ids].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const k = `${ids[i]}\u0000${ids[j]}`;
        const fields = agreed.get(k) ?? new Set<string>();
        fields.add(g.field);
        agreed.set(k, fields);
      }
    }
  }
  return [...agreed].map(([k, fields]) => {
    const [leftId, rightId] = k.split('\u0000') as [string, string];
    const explanation: PairExplanation = {
      kind: 'exact',
      priorWeight: null,
      transposedNames: false,
      parts: [...fields].sort().map((field) => ({ field, level: 'exact', weight: null, termFrequencyAdjustment: 0, m: null, u: null })),
    };
    return { schema, leftId, rightId, probability: 1, weight: null, decision: 'match' as const, explanation };
  });
}

function peoplePairs(input: CandidateInput, summary: CandidateSummary): NewResolutionPair[] {
  const people = [...input.people];
  const confirmed = input.labelled.filter((l) => l.match && l.left.schema === 'Person');
  const labels: { leftId: string; rightId: string; match: boolean }[] = [];
  if (confirmed.length >= input.minTrainingLabels && confirmed.length > 0) {
    // the records as decided (a merged record no longer exists as such): extra records whose
    // pairs train m and are never proposed
    confirmed.forEach((l, i) => {
      const leftId = `${LABEL_PREFIX}${i}:l`;
      const rightId = `${LABEL_PREFIX}${i}:r`;
      people.push({ ...l.left, id: leftId }, { ...l.right, id: rightId });
      labels.push({ leftId, rightId, match: true });
    });
    const current = new Set(input.people.map((e) => e.id));
    for (const l of input.labelled) {
      if (!l.match && current.has(l.left.id) && current.has(l.right.id)) labels.push({ leftId: l.left.id, rightId: l.right.id, match: false });
    }
  }
  if (people.length < 2) return [];
  const result = resolvePeople(people, labels.length ? { labels } : {});
  summary.threshold = result.threshold;
  summary.reviewThreshold = result.reviewThreshold;
  summary.labels = labels.length;
  summary.mFromLabels = result.training?.mFromLabels ?? false;
  summary.lambda = result.training?.lambda ?? null;
  summary.warnings.push(...result.warnings.map((w) => w.code));
  const isLabel = (id: string) => id.startsWith(LABEL_PREFIX);
  const real = [...result.pairs, ...result.review].filter((p) => !isLabel(p.leftId) && !isLabel(p.rightId));
  summary.candidates += result.candidateCount;
  return real.map((p) => ({
    schema: 'Person',
    leftId: p.leftId,
    rightId: p.rightId,
    probability: p.probability,
    weight: p.weight,
    decision: p.decision,
    explanation: explainModel(p),
  }));
}

/** Every candidate pair of the node, with a summary of the run. */
export function findCandidates(input: CandidateInput): { pairs: NewResolutionPair[]; summary: CandidateSummary } {
  const summary: CandidateSummary = {
    people: input.people.length,
    organizations: input.organizations.length,
    phones: input.phones.length,
    candidates: 0,
    proposed: 0,
    review: 0,
    threshold: 0.9,
    reviewThreshold: 0.5,
    labels: 0,
    mFromLabels: false,
    lambda: null,
    warnings: [],
  };
  const people = peoplePairs(input, summary);
  const orgs = exactPairs(
    'Organization',
    input.organizations,
    (e) => [
      ...[...(e.properties.name ?? []), ...(e.properties.alias ?? [])].map((v) => ({ field: 'name', key: organizationNameKey(v) })),
      ...(e.properties.registrationNumber ?? []).map((v) => ({ field: 'registrationNumber', key: identifierKey(v) })),
      ...(e.properties.taxNumber ?? []).map((v) => ({ field: 'taxNumber', key: identifierKey(v) })),
    ],
    summary.warnings,
  );
  const phones = exactPairs(
    'Phone',
    input.phones,
    (e) =>
      (e.properties.number ?? []).map((v) => {
        const n = normalisePhone(v, { defaultCountry: input.defaultCountry });
        return { field: 'number', key: n.ok ? n.value : v.replace(/\D/g, '') };
      }),
    summary.warnings,
  );
  const pairs = [...people, ...orgs, ...phones];
  summary.candidates += orgs.length + phones.length;
  summary.proposed = pairs.filter((p) => p.decision === 'match').length;
  summary.review = pairs.length - summary.proposed;
  return { pairs, summary };
}
