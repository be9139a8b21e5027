/**
 * Merging two records of one entity, and undoing it, inside the caller's transaction.
 *
 * A merge keeps the survivor with the values of both (each value once; for a single-valued
 * property the survivor's value wins and the other is kept in the history), moves the
 * merged record's case subjects, case links and edges to the survivor, re-indexes both and
 * the cases touched, and empties the merged record into a tombstone: its values live on in
 * the survivor and in the merge's history, never in a record that no case protects any
 * more. The history holds what an undo needs to put everything back.
 */
import { AlianzaError } from '../domain/errors';
import type { Actor, Entity, SubjectRole } from '../domain/model';
import { validateEntity } from '../domain/entity-validation';
import { getSchema } from '../domain/schema-registry';
import { fold } from '../domain/search-text';
import type { Repositories } from '../store/ports';
import { StoreError } from '../store/ports';
import { audit } from './audit';
import type { AppContext } from './context';
import { indexCase, indexEntity } from './entity-service';

export interface MergeHistory {
  format: 1;
  survivorBefore: Entity;
  mergedBefore: Entity;
  survivorAfterVersion: number;
  mergedAfterVersion: number;
  subjects: { caseId: string; role: SubjectRole; addedAt: string; survivorHad: boolean }[];
  links: { caseId: string; addedAt: string; survivorHad: boolean }[];
  /** only the properties that changed */
  edges: { id: string; before: Record<string, string[]>; after: Record<string, string[]> }[];
  /** edges between the two records, left pointing to the tombstone (one would join the survivor to itself) */
  edgesKept: string[];
  /** single-valued properties on which the two records disagreed (the survivor's value was kept) */
  conflicts: string[];
  caseIds: string[];
}

const same = (a: string, b: string): boolean => fold(a.trim()) === fold(b.trim());

/** The values of both records, the survivor's first, each once. */
export function unionProperties(schemaName: string, survivor: Record<string, string[]>, merged: Record<string, string[]>): { properties: Record<string, string[]>; conflicts: string[] } {
  const schema = getSchema(schemaName);
  const properties: Record<string, string[]> = {};
  const conflicts: string[] = [];
  for (const name of new Set([...Object.keys(survivor), ...Object.keys(merged)])) {
    const a = survivor[name] ?? [];
    const b = merged[name] ?? [];
    const multiple = schema?.properties[name]?.multiple ?? true;
    if (multiple) {
      const out = [...a];
      for (const v of b) if (!out.some((x) => same(x, v))) out.push(v);
      if (out.length) properties[name] = out;
    } else if (a.length) {
      properties[name] = [...a];
      if (b.length && !same(a[0] as string, b[0] as string)) conflicts.push(name);
    } else if (b.length) {
      properties[name] = [...b];
    }
  }
  return { properties, conflicts };
}

function replaceId(values: readonly string[], from: string, to: string): string[] {
  return values.map((v) => (v === from ? to : v));
}

async function updateEntity(tx: Repositories, next: Entity, expected: number): Promise<void> {
  try {
    await tx.entities.update(next, expected);
  } catch (e) {
    if (e instanceof StoreError && e.code === 'STORE_VERSION_CONFLICT') throw new AlianzaError('ENTITY_VERSION_CONFLICT');
    throw e;
  }
}

/** Bumps the version of each case touched and re-indexes it (its non-victim subjects' names). */
async function touchCases(ctx: AppContext, tx: Repositories, caseIds: readonly string[]): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const id of caseIds) {
    const kase = await tx.cases.get(id);
    if (!kase) continue;
    const next = { ...kase, updatedAt: now, version: kase.version + 1 };
    await tx.cases.update(next, kase.version);
    const subjects = await tx.cases.listSubjects(id);
    await indexCase(tx, next, await tx.entities.getMany(subjects.filter((s) => s.role !== 'victim').map((s) => s.entityId)));
  }
}

/** Merges `merged` into `survivor`; returns the history to keep with the merge. Every step is audited. */
export async function mergeEntities(ctx: AppContext, tx: Repositories, actor: Actor & { email?: string }, survivor: Entity, merged: Entity, mergeId: string): Promise<MergeHistory> {
  const now = ctx.clock.now().toISOString();
  const { properties, conflicts } = unionProperties(survivor.schema, survivor.properties, merged.properties);
  const valid = validateEntity(survivor.schema, properties, { defaultCountry: ctx.node.country });
  if (!valid.ok) throw new AlianzaError('VALIDATION_FAILED', {}, valid.issues);

  // case subjects and links
  const survivorSubjects = await tx.cases.listCasesOfEntity(survivor.id);
  const subjects: MergeHistory['subjects'] = [];
  for (const s of await tx.cases.listCasesOfEntity(merged.id)) {
    const survivorHad = survivorSubjects.some((x) => x.caseId === s.caseId && x.role === s.role);
    await tx.cases.removeSubject(s.caseId, merged.id, s.role);
    await tx.cases.addSubject({ caseId: s.caseId, entityId: survivor.id, role: s.role, addedAt: s.addedAt });
    subjects.push({ caseId: s.caseId, role: s.role, addedAt: s.addedAt, survivorHad });
    await audit(tx, ctx.clock, actor, { action: 'case.subject.repoint', targetType: 'entity', targetId: survivor.id, caseId: s.caseId, detail: { from: merged.id, role: s.role, mergeId } });
  }
  const resolution = tx.resolution;
  if (!resolution) throw new AlianzaError('RESOLUTION_UNAVAILABLE');
  const survivorLinks = await resolution.linksOfEntity(survivor.id);
  const links: MergeHistory['links'] = [];
  for (const l of await resolution.linksOfEntity(merged.id)) {
    const survivorHad = survivorLinks.some((x) => x.caseId === l.caseId);
    await tx.cases.unlinkEntity(l.caseId, merged.id);
    await tx.cases.linkEntity({ caseId: l.caseId, entityId: survivor.id, addedAt: l.addedAt });
    links.push({ caseId: l.caseId, addedAt: l.addedAt, survivorHad });
    await audit(tx, ctx.clock, actor, { action: 'case.entity.repoint', targetType: 'entity', targetId: survivor.id, caseId: l.caseId, detail: { from: merged.id, mergeId } });
  }

  // edges and other references to the merged record
  const edges: MergeHistory['edges'] = [];
  const edgesKept: string[] = [];
  for (const edge of await tx.entities.listEdgesOf(merged.id)) {
    if (edge.id === survivor.id) continue;
    const before: Record<string, string[]> = {};
    const after: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(edge.properties)) {
      if (values.includes(merged.id)) {
        before[name] = [...values];
        after[name] = replaceId(values, merged.id, survivor.id);
      }
    }
    if (Object.keys(before).length === 0) continue;
    const next = { ...edge, properties: { ...edge.properties, ...after }, updatedAt: now };
    const ends = getSchema(edge.schema)?.edge;
    if (ends && next.properties[ends.source]?.[0] && next.properties[ends.source]?.[0] === next.properties[ends.target]?.[0]) {
      edgesKept.push(edge.id);
      continue;
    }
    await updateEntity(tx, next, edge.version);
    await indexEntity(tx, next);
    edges.push({ id: edge.id, before, after });
    await audit(tx, ctx.clock, actor, { action: 'entity.update', targetType: 'entity', targetId: edge.id, detail: { properties: Object.keys(after), mergeId } });
  }

  // the survivor with both records' values, the merged record emptied into a tombstone
  const survivorNext: Entity = { ...survivor, properties: valid.properties, caption: valid.caption, crossBorderCheck: survivor.crossBorderCheck || merged.crossBorderCheck, updatedAt: now };
  await updateEntity(tx, survivorNext, survivor.version);
  await indexEntity(tx, survivorNext);
  const tombstone: Entity = { ...merged, properties: {}, caption: '', crossBorderCheck: false, updatedAt: now };
  await updateEntity(tx, tombstone, merged.version);
  await tx.search.remove('entity', merged.id);

  const caseIds = [...new Set([...subjects.map((s) => s.caseId), ...links.map((l) => l.caseId)])];
  await touchCases(ctx, tx, caseIds);
  await audit(tx, ctx.clock, actor, {
    action: 'entity.merge',
    targetType: 'entity',
    targetId: survivor.id,
    detail: { mergedId: merged.id, mergeId, schema: survivor.schema, subjects: subjects.length, links: links.length, edges: edges.length, conflicts },
  });
  return {
    format: 1,
    survivorBefore: survivor,
    mergedBefore: merged,
    survivorAfterVersion: survivor.version + 1,
    mergedAfterVersion: merged.version + 1,
    subjects,
    links,
    edges,
    edgesKept,
    conflicts,
    caseIds,
  };
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((v, i) => v === (b ?? [])[i]);

/**
 * Puts back what a merge changed: both records as they were, the merged record's case
 * subjects, links and edges. Refused (RESOLUTION_UNDO_CHANGED_CONFLICT) when either record
 * changed since, e.g. when another record was merged into the survivor later.
 */
export async function splitEntities(ctx: AppContext, tx: Repositories, actor: Actor & { email?: string }, history: MergeHistory, mergeId: string): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const survivorId = history.survivorBefore.id;
  const mergedId = history.mergedBefore.id;
  const survivor = await tx.entities.get(survivorId);
  const tombstone = await tx.entities.get(mergedId);
  const survivorMerged = (await tx.resolution?.mergesOf(survivorId))?.of;
  if (!survivor || !tombstone || survivorMerged || survivor.version !== history.survivorAfterVersion || tombstone.version !== history.mergedAfterVersion) {
    throw new AlianzaError('RESOLUTION_UNDO_CHANGED_CONFLICT');
  }
  const survivorBack: Entity = { ...history.survivorBefore, updatedAt: now };
  await updateEntity(tx, survivorBack, survivor.version);
  await indexEntity(tx, survivorBack);
  const mergedBack: Entity = { ...history.mergedBefore, updatedAt: now };
  await updateEntity(tx, mergedBack, tombstone.version);
  await indexEntity(tx, mergedBack);

  for (const s of history.subjects) {
    if (!s.survivorHad) await tx.cases.removeSubject(s.caseId, survivorId, s.role);
    await tx.cases.addSubject({ caseId: s.caseId, entityId: mergedId, role: s.role, addedAt: s.addedAt });
    await audit(tx, ctx.clock, actor, { action: 'case.subject.repoint', targetType: 'entity', targetId: mergedId, caseId: s.caseId, detail: { from: survivorId, role: s.role, mergeId, undo: true } });
  }
  for (const l of history.links) {
    if (!l.survivorHad) await tx.cases.unlinkEntity(l.caseId, survivorId);
    await tx.cases.linkEntity({ caseId: l.caseId, entityId: mergedId, addedAt: l.addedAt });
    await audit(tx, ctx.clock, actor, { action: 'case.entity.repoint', targetType: 'entity', targetId: mergedId, caseId: l.caseId, detail: { from: survivorId, mergeId, undo: true } });
  }
  for (const e of history.edges) {
    const edge = await tx.entities.get(e.id);
    if (!edge) continue;
    const properties = { ...edge.properties };
    for (const [name, before] of Object.entries(e.before)) {
      const current = properties[name] ?? [];
      // as the merge left it: put it back; changed since: only the values the merge moved
      properties[name] = sameList(current, e.after[name]) ? [...before] : current.map((v, i) => (before[i] === mergedId && v === survivorId ? mergedId : v));
    }
    const next = { ...edge, properties, updatedAt: now };
    await updateEntity(tx, next, edge.version);
    await indexEntity(tx, next);
    await audit(tx, ctx.clock, actor, { action: 'entity.update', targetType: 'entity', targetId: e.id, detail: { properties: Object.keys(e.before), mergeId, undo: true } });
  }
  await touchCases(ctx, tx, history.caseIds);
  await audit(tx, ctx.clock, actor, { action: 'entity.split', targetType: 'entity', targetId: survivorId, detail: { mergedId, mergeId, schema: survivor.schema } });
}
