/**
 * Pure rules of the cross-border pages: who sees what (mirrors src/domain/policy.ts only to
 * hide controls a person could not use; the server decides), the fields a partner may be
 * asked for, the steps of gradual disclosure, and the request and decision forms.
 */
import type {
  CrossBorderCheckView,
  CrossBorderHitView,
  CrossBorderKind,
  DisclosureDecisionBody,
  DisclosureLevel,
  DisclosureRequestBody,
  DisclosureView,
  LegalBasisKind,
  Role,
} from '../../../../src/server/api-types';

const keysOf = <K extends string>(record: Record<K, true>): K[] => Object.keys(record) as K[];

export const CROSS_BORDER_KINDS = keysOf<CrossBorderKind>({ Person: true, Phone: true, Organization: true });
export const LEGAL_BASIS_KINDS = keysOf<LegalBasisKind>({ treaty: true, mlat: true, domestic_law: true, court_order: true, consent: true, vital_interest: true });
export const DISCLOSURE_LEVELS = keysOf<DisclosureLevel>({ existence: true, contact: true, fields: true });

/** crossborder.check: run a check against the partners. */
export const CHECK_ROLES: readonly Role[] = ['liaison', 'investigator', 'analyst'];
/** disclosure.request: ask a partner to disclose more about a hit. */
export const REQUEST_ROLES: readonly Role[] = ['liaison', 'investigator', 'analyst', 'inspector'];
/**
 * disclosure.decide: answer a partner's request about a record one may see — the liaison
 * office about any record of the node, investigators and inspectors about their agency's
 * records (DECIDE_SCOPES). The server says, request by request, who may (`canDecide`).
 */
export const DECIDE_ROLES: readonly Role[] = ['liaison', 'investigator', 'inspector'];
/** Which requests each deciding role answers: `node` any record, `agency` its agency's records. */
export const DECIDE_SCOPES: Readonly<Partial<Record<Role, 'node' | 'agency'>>> = { liaison: 'node', investigator: 'agency', inspector: 'agency' };
/** Read checks, hits and disclosures: crossborder.check, disclosure.request or disclosure.decide. */
export const MATCH_ROLES: readonly Role[] = [...new Set([...CHECK_ROLES, ...REQUEST_ROLES, ...DECIDE_ROLES])];
/** Read the status of the linkage secret. */
export const SECRET_ROLES: readonly Role[] = ['admin', 'liaison'];
/** The matches page: the people who read hits, and administrators for the secret's status. */
export const MATCHES_PAGE_ROLES: readonly Role[] = [...new Set([...MATCH_ROLES, ...SECRET_ROLES])];
/** entity.write: mark an entity for the cross-border check. */
export const ENTITY_WRITE_ROLES: readonly Role[] = ['investigator', 'inspector', 'caseworker'];

export const isCrossBorderKind = (value: string | null | undefined): value is CrossBorderKind => CROSS_BORDER_KINDS.includes(value as CrossBorderKind);

/** The properties one may ask a partner for, by kind of entity, in the order the form offers them. */
export const DISCLOSABLE_FIELDS: Record<CrossBorderKind, readonly string[]> = {
  Person: ['name', 'birthDate', 'nationality', 'phone', 'address'],
  Phone: ['number'],
  Organization: ['name', 'address', 'phone'],
};

/** Every field name this page has a label for (crossBorder.field.<name>). */
export const LABELLED_FIELDS: readonly string[] = [...new Set(Object.values(DISCLOSABLE_FIELDS).flat())];

/** "3f9a…" → "3f9a 0c1b …": a fingerprint in groups of four, as people read it out to each other. */
export const fingerprintGroups = (hex: string): string => (hex.match(/.{1,4}/g) ?? []).join(' ');

/** A score 0..1 as a whole percentage for the bar, clamped. */
export const scorePercent = (score: number): number => (Number.isFinite(score) ? Math.min(100, Math.max(0, Math.round(score * 100))) : 0);

/** A score with two decimals in the reader's style ("0.93", "0,93"). */
export const formatScore = (score: number, intlLocale: string): string =>
  new Intl.NumberFormat(intlLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);

/** Whether a check this node sent still waits for its partner's answer (the page then polls). */
export const awaitingAnswers = (checks: readonly Pick<CrossBorderCheckView, 'direction' | 'status'>[]): boolean =>
  checks.some((c) => c.direction === 'sent' && c.status === 'sent');

/** Partner nodes seen in checks and hits, once each, by node id. */
export const peerOptions = (...lists: readonly (readonly { peerNode: string; peerCountry: string }[])[]): { node: string; country: string }[] => {
  const byNode = new Map<string, string>();
  for (const list of lists) for (const item of list) if (!byNode.has(item.peerNode)) byNode.set(item.peerNode, item.peerCountry);
  return [...byNode].map(([node, country]) => ({ node, country })).sort((a, b) => a.node.localeCompare(b.node));
};

/** Minimum scores the hit filter offers. */
export const MIN_SCORES: readonly number[] = [0.7, 0.8, 0.9, 0.95];

export interface HitFilters {
  kind: CrossBorderKind | '';
  peer: string;
  /** '' or one of MIN_SCORES as written in the URL */
  minScore: string;
  offset: number;
}

/** The hit filters kept in the URL; anything unknown is dropped. */
export const parseHitFilters = (params: URLSearchParams): HitFilters => {
  const kind = params.get('kind');
  const min = params.get('minScore') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  return {
    kind: isCrossBorderKind(kind) ? kind : '',
    peer: (params.get('peer') ?? '').trim(),
    minScore: MIN_SCORES.some((s) => String(s) === min) ? min : '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
};

/**
 * The list of requests a person lands on: partners' requests (incoming) for the liaison
 * office, which receives them all; this node's own requests (outgoing) for everyone else,
 * who find the partners' requests about their agency's records one tab away.
 */
export const defaultDisclosureDirection = (role: Role): 'incoming' | 'outgoing' => (DECIDE_SCOPES[role] === 'node' ? 'incoming' : 'outgoing');

/**
 * What a partner's pending request shows to a person who may not decide it: the server's
 * notice when the record is withheld from them (a restricted case: its owning agency
 * decides) or gone, otherwise who decides. Nothing for a request they may decide, or one
 * that is no longer pending.
 */
export const undecidableNote = (
  d: Pick<DisclosureView, 'direction' | 'status' | 'canDecide' | 'notice'>,
): { notice: string } | 'whoDecides' | null => {
  if (d.direction !== 'incoming' || d.status !== 'pending' || d.canDecide) return null;
  return d.notice ? { notice: d.notice } : 'whoDecides';
};

/** Whether a new request may be sent about a hit: not while one of ours waits for its answer. */
export const canRequestMore = (hit: Pick<CrossBorderHitView, 'disclosure'>): boolean =>
  !(hit.disclosure && hit.disclosure.direction === 'outgoing' && hit.disclosure.status === 'pending');

// ---------------------------------------------------------------------------------------
// Gradual disclosure: existence → contact → fields
// ---------------------------------------------------------------------------------------

/** reached: disclosed; pending: asked, not yet decided; refused; not_granted: asked, approved at a lower level; not_requested */
export type StepState = 'reached' | 'pending' | 'refused' | 'not_granted' | 'not_requested';
export interface DisclosureStep {
  level: DisclosureLevel;
  state: StepState;
}

/** Where a request stands on each step. The hit itself (existence) is always known to both sides. */
export const disclosureSteps = (d: Pick<DisclosureView, 'status' | 'requested' | 'decision'>): DisclosureStep[] => {
  const askedFields = d.requested.level === 'fields';
  const granted: DisclosureLevel = d.status === 'approved' ? (d.decision?.level ?? 'existence') : 'existence';
  const rank = (level: DisclosureLevel) => DISCLOSURE_LEVELS.indexOf(level);
  const stateOf = (level: 'contact' | 'fields'): StepState => {
    if (level === 'fields' && !askedFields) return rank(granted) >= rank('fields') ? 'reached' : 'not_requested';
    if (d.status === 'pending') return 'pending';
    if (d.status === 'refused') return 'refused';
    return rank(granted) >= rank(level) ? 'reached' : 'not_granted';
  };
  return [
    { level: 'existence', state: 'reached' },
    { level: 'contact', state: stateOf('contact') },
    { level: 'fields', state: stateOf('fields') },
  ];
};

/** The properties disclosed, in the order they were asked for, then any others. */
export const orderedProperties = (properties: Record<string, string[]>, asked: readonly string[]): [string, string[]][] => {
  const entries = Object.entries(properties).filter(([, values]) => values.length > 0);
  const at = (name: string) => {
    const i = asked.indexOf(name);
    return i < 0 ? asked.length : i;
  };
  return entries.sort((a, b) => at(a[0]) - at(b[0]));
};

/** Fields asked for that an approval of fields did not disclose. */
export const withheldFields = (asked: readonly string[], disclosed: Record<string, string[]>): string[] =>
  [...new Set(asked)].filter((name) => !(disclosed[name]?.length));

// ---------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------

export const LIMITS = { basisReference: 500, purpose: 1000, reason: 2000, caseReference: 100, fields: 20 } as const;

/** What is wrong with a field: the page turns each into a sentence in the reader's language. */
export type Problem = 'required' | 'tooLong' | 'chooseField';

export interface LegalBasisInput {
  basisKind: LegalBasisKind | '';
  basisReference: string;
}

export interface RequestForm extends LegalBasisInput {
  level: 'contact' | 'fields';
  fields: string[];
  purpose: string;
  caseReference: string;
}

export const emptyRequestForm = (): RequestForm => ({ level: 'contact', fields: [], basisKind: '', basisReference: '', purpose: '', caseReference: '' });

const basisProblems = (form: LegalBasisInput, out: Record<string, Problem>) => {
  if (!form.basisKind) out.basisKind = 'required';
  if (!form.basisReference.trim()) out.basisReference = 'required';
  else if (form.basisReference.trim().length > LIMITS.basisReference) out.basisReference = 'tooLong';
};

export const requestProblems = (form: RequestForm): Record<string, Problem> => {
  const out: Record<string, Problem> = {};
  if (form.level === 'fields' && form.fields.length === 0) out.fields = 'chooseField';
  basisProblems(form, out);
  if (!form.purpose.trim()) out.purpose = 'required';
  else if (form.purpose.trim().length > LIMITS.purpose) out.purpose = 'tooLong';
  if (form.caseReference.trim().length > LIMITS.caseReference) out.caseReference = 'tooLong';
  return out;
};

export const requestBody = (hitId: string, form: RequestForm): DisclosureRequestBody => ({
  hitId,
  level: form.level,
  fields: form.level === 'fields' ? [...new Set(form.fields)] : [],
  legalBasis: { kind: form.basisKind as LegalBasisKind, reference: form.basisReference.trim() },
  purpose: form.purpose.trim(),
  caseReference: form.caseReference.trim() || null,
});

export interface DecisionForm extends LegalBasisInput {
  decision: 'approved' | 'refused';
  level: 'contact' | 'fields';
  fields: string[];
  reason: string;
}

/** Approving starts from what was asked, with the fields this node holds. */
export const initialDecision = (d: Pick<DisclosureView, 'requested' | 'availableFields'>, decision: 'approved' | 'refused'): DecisionForm => ({
  decision,
  level: d.requested.level,
  fields: d.requested.fields.filter((f) => d.availableFields.includes(f)),
  basisKind: '',
  basisReference: '',
  reason: '',
});

/** The levels a decider may grant: at most what was asked. */
export const grantableLevels = (requested: 'contact' | 'fields'): ('contact' | 'fields')[] => (requested === 'fields' ? ['contact', 'fields'] : ['contact']);

/** The requested fields, each marked whether this node holds a value for it. */
export const grantableFields = (requested: readonly string[], available: readonly string[]): { name: string; available: boolean }[] =>
  [...new Set(requested)].map((name) => ({ name, available: available.includes(name) }));

export const decisionProblems = (form: DecisionForm, d: Pick<DisclosureView, 'requested' | 'availableFields'>): Record<string, Problem> => {
  const out: Record<string, Problem> = {};
  if (form.decision === 'approved' && form.level === 'fields') {
    const allowed = grantableFields(d.requested.fields, d.availableFields).filter((f) => f.available).map((f) => f.name);
    if (!form.fields.some((f) => allowed.includes(f))) out.fields = 'chooseField';
  }
  basisProblems(form, out);
  if (!form.reason.trim()) out.reason = 'required';
  else if (form.reason.trim().length > LIMITS.reason) out.reason = 'tooLong';
  return out;
};

export const decisionBody = (form: DecisionForm, d: Pick<DisclosureView, 'requested' | 'availableFields'>): DisclosureDecisionBody => {
  const legalBasis = { kind: form.basisKind as LegalBasisKind, reference: form.basisReference.trim() };
  if (form.decision === 'refused') return { decision: 'refused', legalBasis, reason: form.reason.trim() };
  const level = grantableLevels(d.requested.level).includes(form.level) ? form.level : 'contact';
  const allowed = new Set(grantableFields(d.requested.fields, d.availableFields).filter((f) => f.available).map((f) => f.name));
  const body: DisclosureDecisionBody = { decision: 'approved', level, legalBasis, reason: form.reason.trim() };
  if (level === 'fields') body.fields = d.requested.fields.filter((f, i, all) => allowed.has(f) && form.fields.includes(f) && all.indexOf(f) === i);
  return body;
};

/** A server field path ("legalBasis.reference", "fields[1]") as the key of the form field that shows it. */
export const formKeyOf = (field: string): string | null => {
  const root = field.replace(/\[\d+\]$/, '');
  if (root === 'legalBasis.kind') return 'basisKind';
  if (root === 'legalBasis' || root === 'legalBasis.reference') return 'basisReference';
  if (['fields', 'level', 'purpose', 'caseReference', 'reason'].includes(root)) return root;
  return null;
};
