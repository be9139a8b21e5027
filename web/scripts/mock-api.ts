/**
 * A stand-in for the node's API, for looking at the web app without a running node:
 * answers /api/* from synthetic fixtures (page.route in the UI tour). Data is invented.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  AuditEntryView,
  CaseDetail,
  CaseSummary,
  EntityDetail,
  LoginResult,
  Me,
  Reference,
  SchemaView,
  SearchResult,
  UserView,
} from '../../src/server/api-types';

const root = path.resolve(import.meta.dirname, '..', '..');
const tri = (en: string, fr: string, es: string) => ({ en, fr, es });

const schemas = (): SchemaView[] =>
  readdirSync(path.join(root, 'schema'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const s = JSON.parse(readFileSync(path.join(root, 'schema', f), 'utf8'));
      return {
        name: s.name,
        label: s.label,
        plural: s.plural,
        edge: s.edge ? { source: s.edge.source, target: s.edge.target, label: s.edge.label ?? s.label } : null,
        properties: Object.entries(s.properties as Record<string, Record<string, unknown>>).map(([name, p]) => ({
          name,
          type: p.type as string,
          label: p.label as SchemaView['label'],
          required: (s.required ?? []).includes(name),
          multiple: Boolean(p.multiple),
          ...(p.enum ? { options: (p.enum as string[]).map((code) => ({ code, label: (p.enumLabels as Record<string, SchemaView['label']>)[code]! })) } : {}),
        })),
      };
    });

const agency = { id: 'ag-1', code: 'FGR', name: 'Fiscalía General de la República', country: 'MX' };
export const me: Me = {
  id: 'u-1',
  email: 'investigator@mx.demo',
  displayName: 'Lucía Hernández Ortiz',
  role: 'investigator',
  locale: 'es',
  agency,
  totpEnabled: false,
  node: { country: 'MX', name: 'México (demo)', demo: true },
};

const indicatorCodes = [
  'abuse_of_vulnerability',
  'deception',
  'restriction_of_movement',
  'isolation',
  'physical_sexual_violence',
  'intimidation_threats',
  'retention_of_identity_documents',
  'withholding_of_wages',
  'debt_bondage',
  'abusive_working_living_conditions',
  'excessive_overtime',
];

const reference: Reference = {
  indicators: indicatorCodes.map((code) => ({
    code,
    label: tri(code.replace(/_/g, ' '), code.replace(/_/g, ' '), code.replace(/_/g, ' ')),
    guidance: tri(
      'Ask whether the worker could leave the job or the housing freely, and who holds their documents.',
      'Demandez si la personne pouvait quitter librement l’emploi ou le logement, et qui détient ses papiers.',
      'Pregunte si la persona podía dejar libremente el trabajo o la vivienda, y quién tiene sus documentos.',
    ),
    source: 'ILO 2012',
  })),
  palermo: {
    acts: ['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt'].map((code) => ({ code, label: tri(code, code, code) })),
    means: ['threat_or_force', 'coercion', 'abduction', 'fraud', 'deception', 'abuse_of_power_or_vulnerability', 'payments_or_benefits'].map((code) => ({ code, label: tri(code, code, code) })),
    purposes: ['sexual_exploitation', 'forced_labour_or_services', 'slavery_or_similar', 'servitude', 'removal_of_organs', 'forced_criminality'].map((code) => ({ code, label: tri(code, code, code) })),
    guidance: tri(
      'Trafficking needs an act, a means and an exploitative purpose; for a child, the means are not required.',
      'La traite suppose un acte, un moyen et une fin d’exploitation; pour un enfant, le moyen n’est pas requis.',
      'La trata requiere una conducta, un medio y un fin de explotación; para menores de edad no se requiere el medio.',
    ),
    source: 'UN GA res. 55/25, annex II, art. 3',
  },
  polarisTypes: [{ code: 'agriculture', label: tri('Agriculture and Animal Husbandry', 'Agriculture et élevage', 'Agricultura y ganadería') }],
  tlp: [],
  labourPrograms: [{ code: 'SAWP', label: tri('Seasonal Agricultural Worker Program (SAWP)', 'Programme des travailleurs agricoles saisonniers (PTAS)', 'Programa de Trabajadores Agrícolas Temporales (PTAT)') }],
  events: [{ id: 'wc-1', label: 'Mexico vs South Africa', date: '2026-06-11', city: 'Ciudad de México', country: 'MX' }],
};

const person = (id: string, caption: string, properties: Record<string, string[]>, pseudonymised = false) => ({ id, schema: 'Person', caption, properties, pseudonymised, version: 1 });

const detail: CaseDetail = {
  id: 'c-1',
  reference: 'MX-2026-000042',
  title: 'Reclutamiento con cobro de cuotas para granjas en Ontario',
  type: 'labour_trafficking',
  polarisType: 'agriculture',
  status: 'investigating',
  jurisdiction: 'MX',
  narrative: 'Workers recruited in Puebla were charged fees and had their passports taken on arrival.\nSecond line of the narrative.',
  handling: { tlp: 'AMBER', purpose: 'investigation', retentionDays: 1825, originatorConsentRequiredToForward: true },
  owningAgency: agency,
  eventId: null,
  labourProgram: 'SAWP',
  indicators: [{ indicator: 'retention_of_identity_documents', present: true, evidence: 'Passports kept by the crew boss.' }],
  palermo: { acts: ['recruitment'], means: ['deception'], purposes: [], victimIsChild: false, notes: '' },
  palermoResult: { met: false, missing: ['purpose'] },
  outcomes: [{ stage: 'investigation', date: '2026-03-02', detail: 'Carpeta de investigación abierta.' }],
  subjects: [
    { role: 'victim', entity: person('e-1', 'Víctima V-7F3A', { nationality: ['MX'], birthDate: ['1994'] }, true), addedAt: '2026-03-01T10:00:00Z' },
    { role: 'recruiter', entity: person('e-2', 'Ramón Ávila Cruz', { name: ['Ramón Ávila Cruz'], nationality: ['MX'], phone: ['+52 222 555 0101'] }), addedAt: '2026-03-01T10:05:00Z' },
  ],
  linkedEntities: [{ id: 'e-3', schema: 'Phone', caption: '+52 222 555 0101', properties: { number: ['+522225550101'], lineType: ['mobile'] }, pseudonymised: false, version: 1 }],
  members: [{ userId: 'u-1', displayName: me.displayName, email: me.email, capacity: 'investigator' }],
  permissions: { edit: true, editScreening: true, manageSubjects: true, seeVictimIdentity: false, recordOutcome: true, manageMembers: true, readAudit: true },
  nextStatuses: ['prosecution', 'closed'],
  createdAt: '2026-03-01T09:58:00Z',
  updatedAt: '2026-03-04T16:20:00Z',
  version: 3,
};

const summaries: CaseSummary[] = (['RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR'] as const).map((tlp, i) => ({
  id: i === 2 ? 'c-1' : `c-${i + 10}`,
  reference: `MX-2026-0000${40 + i}`,
  title: ['Red de explotación sexual en Guadalajara', 'Servidumbre doméstica en Monterrey', detail.title, 'Anuncios en línea durante el Mundial', 'Estadística anual'][i]!,
  type: (['sex_trafficking', 'domestic_servitude', 'labour_trafficking', 'sex_trafficking', 'other_exploitation'] as const)[i]!,
  status: (['open', 'investigating', 'investigating', 'prosecution', 'closed'] as const)[i]!,
  tlp,
  owningAgency: agency,
  updatedAt: `2026-03-0${i + 1}T12:00:00Z`,
  subjectCount: i * 3,
}));

const audit: AuditEntryView[] = Array.from({ length: 60 }, (_, i) => ({
  seq: 500 - i,
  at: new Date(Date.parse('2026-03-10T18:00:00Z') - i * 3_600_000 * 5).toISOString(),
  actorId: 'u-1',
  actorLabel: i % 3 === 0 ? 'caseworker@mx.demo' : me.email,
  action: ['case.read', 'case.update', 'victim.identity.read', 'search', 'auth.login', 'case.subject.add'][i % 6]!,
  targetType: 'case',
  targetId: 'c-1',
  caseId: 'c-1',
  caseReference: detail.reference,
  detail: i % 6 === 1 ? { fields: ['indicators'] } : i % 6 === 3 ? { q: 'Ávila' } : {},
}));

const users: UserView[] = ['admin', 'investigator', 'caseworker', 'auditor'].map((role, i) => ({
  id: `u-${i + 1}`,
  email: `${role}@mx.demo`,
  displayName: ['Ana Pérez', 'Lucía Hernández Ortiz', 'Jorge Ruiz', 'Marta Díaz'][i]!,
  role: role as UserView['role'],
  locale: 'es',
  agency,
  totpEnabled: i === 0,
  disabled: i === 3,
  lockedUntil: null,
}));

const entity: EntityDetail = {
  entity: detail.subjects[1]!.entity,
  cases: [{ caseId: 'c-1', reference: detail.reference, title: detail.title, role: 'recruiter' }],
  edges: [{ edge: { id: 'e-9', schema: 'Recruitment', caption: 'Recruitment', properties: {}, pseudonymised: false, version: 1 }, source: detail.subjects[1]!.entity, target: detail.subjects[0]!.entity }],
};

const search: SearchResult[] = [
  { docType: 'case', id: 'c-1', title: `${detail.reference} — ${detail.title}`, caseType: 'labour_trafficking', tlp: 'AMBER' },
  { docType: 'entity', id: 'e-2', title: 'Ramón Ávila Cruz', schema: 'Person' },
  { docType: 'entity', id: 'e-3', title: '+52 222 555 0101', schema: 'Phone' },
];

/** The answer to one request, as [status, body]. */
export const answer = (method: string, url: URL, role: Me['role'], loggedIn: boolean): [number, unknown] => {
  const p = url.pathname.replace(/^\/api/, '');
  const who: Me = { ...me, role };
  const login: LoginResult = { user: who, csrfToken: 'csrf-test', totpEnrolmentRequired: false };
  if (p === '/auth/login') return [200, login];
  if (!loggedIn) return [401, { error: { code: 'AUTH_REQUIRED', message: 'Inicie sesión.' } }];
  if (p === '/auth/me') return [200, login];
  if (p === '/auth/me/locale') return [200, who];
  if (p === '/reference') return [200, reference];
  if (p === '/schema') return [200, schemas()];
  if (p === '/cases' && method === 'GET') return [200, { items: summaries, total: 132 }];
  if (/^\/cases\/[^/]+\/audit$/.test(p)) return [200, { items: audit.slice(0, 25), total: audit.length }];
  if (/^\/cases\/[^/]+$/.test(p)) return [200, detail];
  if (/^\/entities\//.test(p)) return [200, entity];
  if (p === '/search') return [200, { items: search, total: search.length }];
  if (p === '/audit') return [200, { items: audit.slice(0, Number(url.searchParams.get('limit') ?? 50)), total: audit.length }];
  if (p === '/audit/verify') return [200, { ok: true, count: 500 }];
  if (p === '/admin/users' || p === '/users') return [200, { items: users, total: users.length }];
  if (p === '/admin/agencies') return [200, { items: [agency, { id: 'ag-2', code: 'INM', name: 'Instituto Nacional de Migración', country: 'MX' }], total: 2 }];
  return [404, { error: { code: 'NOT_FOUND', message: 'No encontrado.' } }];
};
