/** Test data factories for the contract suite: synthetic, with Spanish, French and English names. */
import { randomUUID } from 'node:crypto';
import type { Agency, Case, Entity, Session, Tlp, User } from '../../domain/model';

let clock = Date.UTC(2026, 5, 1, 8, 0, 0);
/** Strictly increasing ISO timestamps, so that orderings are predictable. */
export const tick = (): string => new Date((clock += 1000)).toISOString();

export const agency = (over: Partial<Agency> = {}): Agency => ({
  id: randomUUID(),
  code: 'AG' + randomUUID().slice(0, 6).toUpperCase(),
  name: 'Fiscalía Especializada en Trata de Personas',
  country: 'MX',
  createdAt: tick(),
  ...over,
});

export const user = (agencyId: string, over: Partial<User> = {}): User => ({
  id: randomUUID(),
  agencyId,
  email: `analyst-${randomUUID().slice(0, 8)}@mx.demo`,
  displayName: 'Lucía Hernández',
  role: 'analyst',
  locale: 'es',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  totpSecret: null,
  totpEnabled: false,
  failedLogins: 0,
  lockedUntil: null,
  disabled: false,
  createdAt: tick(),
  ...over,
});

export const session = (userId: string, over: Partial<Session> = {}): Session => ({
  id: randomUUID(),
  userId,
  csrfToken: randomUUID(),
  createdAt: tick(),
  expiresAt: '2026-07-01T00:00:00.000Z',
  lastSeenAt: tick(),
  ...over,
});

export const entity = (owningAgencyId: string, over: Partial<Entity> = {}): Entity => {
  const at = tick();
  return {
    id: randomUUID(),
    schema: 'Person',
    properties: { name: ['José Núñez Ávila'], phone: ['+52 55 1234 5678'] },
    caption: 'José Núñez Ávila',
    owningAgencyId,
    crossBorderCheck: false,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...over,
  };
};

export const edge = (owningAgencyId: string, schema: string, props: Record<string, string[]>): Entity =>
  entity(owningAgencyId, { schema, properties: props, caption: schema });

let refCounter = 0;
export const kase = (owningAgencyId: string, over: Partial<Case> = {}, tlp: Tlp = 'AMBER'): Case => {
  const at = tick();
  refCounter += 1;
  return {
    id: randomUUID(),
    reference: `MX-2026-${String(refCounter).padStart(6, '0')}-${randomUUID().slice(0, 4)}`,
    title: 'Reclutamiento fraudulento de jornaleros agrícolas',
    type: 'labour_trafficking',
    polarisType: 'Agriculture & Animal Husbandry',
    status: 'open',
    jurisdiction: 'MX',
    narrative: 'Workers recruited in Oaxaca were charged fees and had passports held on a farm in Ontario.',
    handling: { tlp, purpose: 'investigation', retentionDays: 3650, originatorConsentRequiredToForward: true },
    owningAgencyId,
    namedUserIds: [],
    eventId: null,
    labourProgram: 'SAWP',
    indicators: [{ indicator: 'retention_of_identity_documents', present: true, evidence: 'Passports kept in the office safe' }],
    palermo: {
      acts: ['recruitment', 'transportation'],
      means: ['deception'],
      purposes: ['forced_labour_or_services'],
      victimIsChild: false,
      notes: 'Recruiter promised wages twice those paid.',
    },
    outcomes: [{ stage: 'investigation', date: '2026-05', detail: 'Opened by the labour unit' }],
    createdBy: 'system',
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...over,
  };
};
