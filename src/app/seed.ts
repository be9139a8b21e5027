/**
 * Loads a prepared data set (the demo scenario, or anything of the same shape) into a
 * node's store: batched transactions, every entity re-validated by the domain and indexed.
 */
import type { Agency, Case, CaseEntityLink, CaseMember, CaseSubject, Entity, User } from '../domain/model';
import { validateEntity } from '../domain/entity-validation';
import { getSchema } from '../domain/schema';
import type { Repositories } from '../store/ports';
import { audit } from './audit';
import type { AppContext } from './context';
import { indexCase, indexEntity } from './entity-service';
import { hashPassword } from './passwords';

export interface SeedData {
  agencies: Agency[];
  users: Omit<User, 'passwordHash' | 'totpSecret'>[];
  entities: Entity[];
  cases: Case[];
  subjects: CaseSubject[];
  members: CaseMember[];
  links: CaseEntityLink[];
}

export interface SeedProgress {
  (done: number, total: number, what: string): void;
}

export interface SeedReport {
  agencies: number;
  users: number;
  entities: number;
  cases: number;
  rejected: { id: string; schema: string; issues: string[] }[];
}

const BATCH = 2000;

async function inBatches<T>(ctx: AppContext, items: T[], fn: (tx: Repositories, item: T) => Promise<void>, progress?: () => void): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    const slice = items.slice(i, i + BATCH);
    await ctx.store.transaction(async (tx) => {
      for (const item of slice) await fn(tx, item);
    });
    progress?.();
  }
}

/** Data sets may name an edge's ends `source` and `target`; the schema names them (employer, employee, ...). */
function withEdgeNames(e: Entity): Entity {
  const edge = getSchema(e.schema)?.edge;
  if (!edge || (!e.properties.source && !e.properties.target)) return e;
  const { source, target, ...rest } = e.properties;
  return { ...e, properties: { ...rest, ...(source ? { [edge.source]: source } : {}), ...(target ? { [edge.target]: target } : {}) } };
}

export async function seed(ctx: AppContext, data: SeedData, password: string, onProgress?: SeedProgress): Promise<SeedReport> {
  const report: SeedReport = { agencies: 0, users: 0, entities: 0, cases: 0, rejected: [] };
  const total = data.agencies.length + data.users.length + data.entities.length + data.cases.length;
  let done = 0;
  const tick = (n: number, what: string) => {
    done += n;
    onProgress?.(done, total, what);
  };

  await ctx.store.transaction(async (tx) => {
    for (const a of data.agencies) await tx.agencies.create(a);
  });
  report.agencies = data.agencies.length;
  tick(data.agencies.length, 'agencies');

  for (const u of data.users) {
    const passwordHash = await hashPassword(password);
    await ctx.store.users.create({ ...u, passwordHash, totpSecret: null });
    report.users++;
  }
  tick(data.users.length, 'users');

  const accepted = new Set<string>();
  const entities: Entity[] = [];
  for (const raw of data.entities) {
    const e = withEdgeNames(raw);
    const v = validateEntity(e.schema, e.properties, { defaultCountry: ctx.node.country });
    if (!v.ok) {
      report.rejected.push({ id: e.id, schema: e.schema, issues: v.issues.map((i) => `${i.field}: ${i.code}`) });
      continue;
    }
    entities.push({ ...e, properties: v.properties, caption: e.caption || v.caption });
    accepted.add(e.id);
  }
  await inBatches(
    ctx,
    entities,
    async (tx, e) => {
      await tx.entities.create(e);
      await indexEntity(tx, e);
    },
    () => tick(Math.min(BATCH, entities.length), 'entities'),
  );
  report.entities = entities.length;

  const subjectsByCase = new Map<string, CaseSubject[]>();
  for (const s of data.subjects) {
    if (!accepted.has(s.entityId)) continue;
    const list = subjectsByCase.get(s.caseId) ?? [];
    list.push(s);
    subjectsByCase.set(s.caseId, list);
  }
  const membersByCase = new Map<string, CaseMember[]>();
  for (const m of data.members) membersByCase.set(m.caseId, [...(membersByCase.get(m.caseId) ?? []), m]);
  const linksByCase = new Map<string, CaseEntityLink[]>();
  for (const l of data.links) if (accepted.has(l.entityId)) linksByCase.set(l.caseId, [...(linksByCase.get(l.caseId) ?? []), l]);
  const byId = new Map(entities.map((e) => [e.id, e]));

  await inBatches(
    ctx,
    data.cases,
    async (tx, kase) => {
      await tx.cases.create(kase);
      const subjects = subjectsByCase.get(kase.id) ?? [];
      for (const s of subjects) await tx.cases.addSubject(s);
      for (const m of membersByCase.get(kase.id) ?? []) await tx.cases.addMember(m);
      for (const l of linksByCase.get(kase.id) ?? []) await tx.cases.linkEntity(l);
      const visible = subjects.filter((s) => s.role !== 'victim').map((s) => byId.get(s.entityId)).filter((e): e is Entity => !!e);
      const victims = subjects.filter((s) => s.role === 'victim').map((s) => byId.get(s.entityId)).filter((e): e is Entity => !!e);
      await indexCase(tx, kase, visible, victims);
    },
    () => tick(Math.min(BATCH, data.cases.length), 'cases'),
  );
  report.cases = data.cases.length;
  await audit(ctx.store, ctx.clock, null, {
    action: 'node.seed',
    detail: { agencies: report.agencies, users: report.users, entities: report.entities, cases: report.cases, rejected: report.rejected.length },
  });
  return report;
}
