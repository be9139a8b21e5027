/**
 * Entity resolution as a workflow of the node: a run (a job) finds candidate pairs among
 * the node's people, organisations and phones; reviewers confirm or reject them in a
 * queue that shows each of them only what they may see (resolution-access.ts); a
 * confirmed pair merges the two records (entity-merge.ts), and an undo splits them again.
 * Decisions feed the next run's training. Every step is audited.
 */
import { randomUUID } from 'node:crypto';
import { AlianzaError } from '../domain/errors';
import type { Actor, Entity } from '../domain/model';
import { assertCan, canReadEntities } from '../domain/policy';
import type { EntityMerge, Page, Repositories, ResolutionPair, ResolutionPairStatus, ResolutionRepository, ResolutionRun } from '../store/ports';
import { StoreError } from '../store/ports';
import { audit } from './audit';
import { actorOf } from './auth-service';
import type { AppContext } from './context';
import { entityAccess } from './entity-service';
import { mergeEntities, splitEntities, type MergeHistory } from './entity-merge';
import { pairReach, ReachOf, restrictedLabel, type EntityReach } from './resolution-access';
import { findCandidates, type LabelledPair } from './resolution-candidates';

export type ResolutionActor = Actor & { email?: string };

export const RESOLUTION_JOB = 'resolution.run';
/** A run still queued or running after this long is taken for dead and no longer blocks a new one. */
const RUN_STALE_MS = 60 * 60 * 1000;
const JOB_LEASE_MS = 30 * 60 * 1000;
const PAGE = 1000;
export const DEFAULT_MIN_TRAINING_LABELS = 10;

function resolutionOf(r: Repositories): ResolutionRepository {
  if (!r.resolution) throw new AlianzaError('RESOLUTION_UNAVAILABLE');
  return r.resolution;
}

// ---- runs ---------------------------------------------------------------------------

/** Queues a run as a job; RESOLUTION_RUN_CONFLICT while another one waits or runs. */
export async function requestResolutionRun(ctx: AppContext, actor: ResolutionActor): Promise<ResolutionRun> {
  assertCan(actor, 'entity.resolve');
  return ctx.store.transaction(async (tx) => {
    const repo = resolutionOf(tx);
    const now = ctx.clock.now();
    const last = await repo.latestRun();
    if (last && (last.status === 'queued' || last.status === 'running') && now.getTime() - Date.parse(last.requestedAt) < RUN_STALE_MS) {
      throw new AlianzaError('RESOLUTION_RUN_CONFLICT', { requestedAt: last.requestedAt });
    }
    const run: ResolutionRun = { id: randomUUID(), status: 'queued', requestedBy: actor.userId, requestedAt: now.toISOString(), startedAt: null, finishedAt: null, summary: null, error: null };
    await repo.createRun(run);
    await tx.jobs.enqueue(RESOLUTION_JOB, { runId: run.id, userId: actor.userId }, { id: run.id });
    await audit(tx, ctx.clock, actor, { action: 'resolution.run.request', targetType: 'resolution_run', targetId: run.id });
    return run;
  });
}

export async function getRun(ctx: AppContext, actor: ResolutionActor, id: string | 'latest'): Promise<ResolutionRun> {
  assertCan(actor, 'entity.resolve');
  const repo = resolutionOf(ctx.store);
  const run = id === 'latest' ? await repo.latestRun() : await repo.getRun(id);
  if (!run) throw new AlianzaError('RESOLUTION_RUN_NOT_FOUND');
  return run;
}

async function listAll(ctx: AppContext, schema: string, skip: Set<string>): Promise<Entity[]> {
  const out: Entity[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await ctx.store.entities.list({ schema, limit: PAGE, offset });
    out.push(...page.items.filter((e) => !skip.has(e.id)));
    if (page.items.length < PAGE) return out;
  }
}

/** The reviewers' decisions with the records as they were when decided. */
async function labelledPairs(ctx: AppContext, repo: ResolutionRepository): Promise<LabelledPair[]> {
  const out: LabelledPair[] = [];
  for (const l of await repo.labels()) {
    if (l.match && l.mergeId) {
      const merge = await repo.getMerge(l.mergeId);
      const h = merge?.history as MergeHistory | undefined;
      if (merge?.status === 'active' && h) out.push({ left: h.survivorBefore, right: h.mergedBefore, match: true });
    } else if (!l.match) {
      const [left, right] = await ctx.store.entities.getMany([l.leftId, l.rightId]);
      if (left && right) out.push({ left, right, match: false });
    }
  }
  return out;
}

/**
 * Runs the resolution now, in this process: finds the candidate pairs and stores them
 * (decided pairs keep their decision). `runId` names a queued run to carry out.
 */
export async function runResolution(ctx: AppContext, actor: ResolutionActor, opts: { runId?: string; minTrainingLabels?: number } = {}): Promise<ResolutionRun> {
  assertCan(actor, 'entity.resolve');
  const repo = resolutionOf(ctx.store);
  const startedAt = ctx.clock.now().toISOString();
  let runId = opts.runId;
  if (runId) await repo.updateRun(runId, { status: 'running', startedAt });
  else {
    runId = randomUUID();
    await repo.createRun({ id: runId, status: 'running', requestedBy: actor.userId, requestedAt: startedAt, startedAt, finishedAt: null, summary: null, error: null });
  }
  try {
    const tombstones = new Set(await repo.mergedIds());
    const { pairs, summary } = findCandidates({
      people: await listAll(ctx, 'Person', tombstones),
      organizations: await listAll(ctx, 'Organization', tombstones),
      phones: await listAll(ctx, 'Phone', tombstones),
      labelled: await labelledPairs(ctx, repo),
      minTrainingLabels: opts.minTrainingLabels ?? DEFAULT_MIN_TRAINING_LABELS,
      defaultCountry: ctx.node.country,
    });
    const id = runId;
    return await ctx.store.transaction(async (tx) => {
      const r = resolutionOf(tx);
      const finishedAt = ctx.clock.now().toISOString();
      const stored = await r.replacePending(id, pairs, finishedAt);
      const full = { ...summary, ...stored };
      await r.updateRun(id, { status: 'done', finishedAt, summary: full });
      await audit(tx, ctx.clock, actor, {
        action: 'resolution.run',
        targetType: 'resolution_run',
        targetId: id,
        detail: { people: summary.people, organizations: summary.organizations, phones: summary.phones, proposed: summary.proposed, review: summary.review, labels: summary.labels, mFromLabels: summary.mFromLabels },
      });
      return (await r.getRun(id)) as ResolutionRun;
    });
  } catch (e) {
    const code = e instanceof AlianzaError ? e.code : 'INTERNAL';
    await repo.updateRun(runId, { status: 'failed', finishedAt: ctx.clock.now().toISOString(), error: code });
    throw e;
  }
}

/**
 * Carries out the queued runs (one process claims each with a lease): called after a run is
 * requested, and by any worker process. Returns how many it carried out.
 */
export async function processResolutionJobs(ctx: AppContext, opts: { minTrainingLabels?: number } = {}): Promise<number> {
  let done = 0;
  for (;;) {
    const job = await ctx.store.jobs.claim([RESOLUTION_JOB], ctx.clock.now().toISOString(), JOB_LEASE_MS);
    if (!job) return done;
    const { runId, userId } = job.payload as { runId: string; userId: string };
    try {
      const user = await ctx.store.users.get(userId);
      if (!user || user.disabled) throw new AlianzaError('FORBIDDEN');
      await runResolution(ctx, actorOf(user), { runId, ...opts });
      await ctx.store.jobs.complete(job.id);
      done++;
    } catch (e) {
      const code = e instanceof AlianzaError ? e.code : 'INTERNAL';
      const run = await ctx.store.resolution?.getRun(runId);
      if (run && run.status !== 'failed') await ctx.store.resolution?.updateRun(runId, { status: 'failed', finishedAt: ctx.clock.now().toISOString(), error: code });
      await ctx.store.jobs.fail(job.id, e instanceof Error ? e.message.slice(0, 500) : String(e), null);
    }
  }
}

// ---- the queue ----------------------------------------------------------------------

export interface SideSeen {
  schema: string;
  /** the record, only in a clear pair (for a merged record, as it was before the merge) */
  entity: Entity | null;
  /** a victim's usual pseudonym in a restricted pair */
  pseudonym: string | null;
}

export interface PairSeen {
  pair: ResolutionPair;
  restricted: 'victim' | 'hidden_case' | null;
  left: SideSeen;
  right: SideSeen;
  canDecide: boolean;
  merge: EntityMerge | null;
}

async function seePairs(ctx: AppContext, repos: Repositories, actor: ResolutionActor, pairs: ResolutionPair[]): Promise<{ seen: PairSeen[]; reaches: Map<string, EntityReach> }> {
  const repo = resolutionOf(repos);
  const reachOf = new ReachOf(repos, actor);
  const entities = new Map((await repos.entities.getMany(pairs.flatMap((p) => [p.leftId, p.rightId]))).map((e) => [e.id, e]));
  const seen: PairSeen[] = [];
  const reaches = new Map<string, EntityReach>();
  for (const pair of pairs) {
    const merge = pair.mergeId ? ((await repo.getMerge(pair.mergeId)) ?? null) : null;
    const history = merge?.status === 'active' ? (merge.history as MergeHistory) : null;
    // a merged record's cases are the survivor's now
    const reachId = (id: string) => (history && id === history.mergedBefore.id ? history.survivorBefore.id : id);
    const ra = await reachOf.entity(reachId(pair.leftId));
    const rb = await reachOf.entity(reachId(pair.rightId));
    const r = pairReach(ra, rb);
    if (r.reach === 'hidden') continue;
    const shown = (id: string): Entity | undefined => (history && id === history.mergedBefore.id ? history.mergedBefore : entities.get(id));
    const side = (id: string, reach: EntityReach): SideSeen => {
      const e = shown(id);
      return r.reach === 'clear'
        ? { schema: pair.schema, entity: e ?? null, pseudonym: null }
        : { schema: pair.schema, entity: null, pseudonym: restrictedLabel(ctx, e, reach, actor.locale) };
    };
    reaches.set(pair.leftId, ra);
    reaches.set(pair.rightId, rb);
    seen.push({
      pair: r.reach === 'clear' ? pair : { ...pair, leftId: '', rightId: '', explanation: null, note: null },
      restricted: r.reason,
      left: side(pair.leftId, ra),
      right: side(pair.rightId, rb),
      canDecide: r.reach === 'clear',
      merge,
    });
  }
  return { seen, reaches };
}

/** Writes the audit entries of a read of pairs: one for the read, one per victim shown by name. */
async function auditRead(ctx: AppContext, actor: ResolutionActor, seen: PairSeen[], reaches: Map<string, EntityReach>, detail: Record<string, unknown>): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    await audit(tx, ctx.clock, actor, { action: 'resolution.queue.read', detail: { ...detail, shown: seen.length } });
    for (const s of seen) {
      if (!s.canDecide) continue;
      for (const id of [s.pair.leftId, s.pair.rightId]) {
        for (const caseId of reaches.get(id)?.victimCaseIds ?? []) {
          await audit(tx, ctx.clock, actor, { action: 'victim.identity.read', targetType: 'entity', targetId: id, caseId });
        }
      }
    }
  });
}

/** The pairs of a status the reviewer may see: pending ones most uncertain first, decided ones newest first. */
export async function listReviewPairs(
  ctx: AppContext,
  actor: ResolutionActor,
  filter: { status: ResolutionPairStatus; decision?: 'match' | 'review'; schema?: string; limit: number; offset: number },
): Promise<Page<PairSeen>> {
  assertCan(actor, 'entity.resolve');
  const repo = resolutionOf(ctx.store);
  // a pending pair whose record was merged through another pair waits for the next run
  const tombstones = filter.status === 'pending' ? new Set(await repo.mergedIds()) : new Set<string>();
  const all = (await repo.listPairs({ status: filter.status })).filter(
    (p) => (!filter.decision || p.decision === filter.decision) && (!filter.schema || p.schema === filter.schema) && !tombstones.has(p.leftId) && !tombstones.has(p.rightId),
  );
  const { seen, reaches } = await seePairs(ctx, ctx.store, actor, all);
  const page = seen.slice(filter.offset, filter.offset + filter.limit);
  await auditRead(ctx, actor, page, reaches, { status: filter.status, offset: filter.offset });
  return { items: page, total: seen.length };
}

export async function readReviewPair(ctx: AppContext, actor: ResolutionActor, id: string): Promise<PairSeen> {
  assertCan(actor, 'entity.resolve');
  const pair = await resolutionOf(ctx.store).getPair(id);
  const { seen, reaches } = await seePairs(ctx, ctx.store, actor, pair ? [pair] : []);
  const one = seen[0];
  if (!one) throw new AlianzaError('RESOLUTION_PAIR_NOT_FOUND');
  await auditRead(ctx, actor, seen, reaches, { pairId: id });
  return one;
}

// ---- decisions ----------------------------------------------------------------------

/** The pair, if the reviewer may decide it now (inside the deciding transaction). */
async function decidable(tx: Repositories, actor: ResolutionActor, id: string): Promise<ResolutionPair> {
  const pair = await resolutionOf(tx).getPair(id);
  if (!pair) throw new AlianzaError('RESOLUTION_PAIR_NOT_FOUND');
  const reachOf = new ReachOf(tx, actor);
  const r = pairReach(await reachOf.entity(pair.leftId), await reachOf.entity(pair.rightId));
  if (r.reach === 'hidden') throw new AlianzaError('RESOLUTION_PAIR_NOT_FOUND');
  if (r.reach === 'restricted') throw new AlianzaError('RESOLUTION_PAIR_RESTRICTED');
  if (pair.status !== 'pending') throw new AlianzaError('RESOLUTION_DECISION_CONFLICT', { status: pair.status });
  return pair;
}

async function recordDecision(tx: Repositories, pair: ResolutionPair, decision: Parameters<ResolutionRepository['decidePair']>[2]): Promise<void> {
  try {
    await resolutionOf(tx).decidePair(pair.id, 'pending', decision);
  } catch (e) {
    if (e instanceof StoreError && e.code === 'STORE_VERSION_CONFLICT') throw new AlianzaError('RESOLUTION_DECISION_CONFLICT', { status: 'decided' });
    throw e;
  }
}

/** The record kept by default: the one in more cases, then the older one. */
async function defaultSurvivor(tx: Repositories, a: Entity, b: Entity): Promise<Entity> {
  const na = (await tx.cases.listCasesOfEntity(a.id)).length;
  const nb = (await tx.cases.listCasesOfEntity(b.id)).length;
  if (na !== nb) return na > nb ? a : b;
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id) ? a : b;
}

const cleanNote = (note: string | undefined): string | null => (note && note.trim() ? note.trim() : null);

/** Confirms that the two records are the same: merges them. */
export async function confirmPair(ctx: AppContext, actor: ResolutionActor, id: string, input: { note?: string; survivorId?: string } = {}): Promise<PairSeen> {
  assertCan(actor, 'entity.resolve');
  await ctx.store.transaction(async (tx) => {
    const pair = await decidable(tx, actor, id);
    const repo = resolutionOf(tx);
    const [a, b] = await Promise.all([tx.entities.get(pair.leftId), tx.entities.get(pair.rightId)]);
    if (!a || !b) throw new AlianzaError('RESOLUTION_PAIR_NOT_FOUND');
    if ((await repo.mergesOf(a.id)).of || (await repo.mergesOf(b.id)).of) throw new AlianzaError('RESOLUTION_ENTITY_MERGED_CONFLICT');
    if (input.survivorId !== undefined && input.survivorId !== a.id && input.survivorId !== b.id) throw new AlianzaError('RESOLUTION_SURVIVOR_INVALID');
    const survivor = input.survivorId ? (input.survivorId === a.id ? a : b) : await defaultSurvivor(tx, a, b);
    const merged = survivor === a ? b : a;
    const mergeId = randomUUID();
    const now = ctx.clock.now().toISOString();
    const history = await mergeEntities(ctx, tx, actor, survivor, merged, mergeId);
    await repo.createMerge({ id: mergeId, pairId: pair.id, survivorId: survivor.id, mergedId: merged.id, status: 'active', history, mergedBy: actor.userId, mergedAt: now, undoneBy: null, undoneAt: null });
    await recordDecision(tx, pair, { status: 'confirmed', decidedBy: actor.userId, decidedAt: now, note: cleanNote(input.note), mergeId });
    await audit(tx, ctx.clock, actor, {
      action: 'resolution.pair.confirm',
      targetType: 'resolution_pair',
      targetId: pair.id,
      detail: { survivorId: survivor.id, mergedId: merged.id, mergeId, probability: pair.probability, schema: pair.schema, note: cleanNote(input.note) !== null },
    });
  });
  return readDecided(ctx, actor, id);
}

/** Records that the two records are different people (or things): the pair leaves the queue for good. */
export async function rejectPair(ctx: AppContext, actor: ResolutionActor, id: string, input: { note?: string } = {}): Promise<PairSeen> {
  assertCan(actor, 'entity.resolve');
  await ctx.store.transaction(async (tx) => {
    const pair = await decidable(tx, actor, id);
    const now = ctx.clock.now().toISOString();
    await recordDecision(tx, pair, { status: 'rejected', decidedBy: actor.userId, decidedAt: now, note: cleanNote(input.note), mergeId: null });
    await audit(tx, ctx.clock, actor, {
      action: 'resolution.pair.reject',
      targetType: 'resolution_pair',
      targetId: pair.id,
      detail: { leftId: pair.leftId, rightId: pair.rightId, probability: pair.probability, schema: pair.schema, note: cleanNote(input.note) !== null },
    });
  });
  return readDecided(ctx, actor, id);
}

async function readDecided(ctx: AppContext, actor: ResolutionActor, id: string): Promise<PairSeen> {
  const pair = await resolutionOf(ctx.store).getPair(id);
  const { seen } = await seePairs(ctx, ctx.store, actor, pair ? [pair] : []);
  if (!seen[0]) throw new AlianzaError('RESOLUTION_PAIR_NOT_FOUND');
  return seen[0];
}

/** Splits a merge: both records as they were, the merged one's subjects, links and edges back. */
export async function undoMerge(ctx: AppContext, actor: ResolutionActor, mergeId: string, input: { note?: string } = {}): Promise<PairSeen> {
  assertCan(actor, 'entity.resolve');
  const pairId = await ctx.store.transaction(async (tx) => {
    const repo = resolutionOf(tx);
    const merge = await repo.getMerge(mergeId);
    if (!merge) throw new AlianzaError('RESOLUTION_MERGE_NOT_FOUND');
    const reach = await new ReachOf(tx, actor).entity(merge.survivorId);
    if (reach.reach === 'hidden') throw new AlianzaError('RESOLUTION_MERGE_NOT_FOUND');
    if (reach.reach === 'restricted') throw new AlianzaError('RESOLUTION_PAIR_RESTRICTED');
    if (merge.status !== 'active') throw new AlianzaError('RESOLUTION_UNDO_DONE_CONFLICT');
    await splitEntities(ctx, tx, actor, merge.history as MergeHistory, merge.id);
    const now = ctx.clock.now().toISOString();
    try {
      await repo.markUndone(merge.id, actor.userId, now);
    } catch (e) {
      if (e instanceof StoreError && e.code === 'STORE_VERSION_CONFLICT') throw new AlianzaError('RESOLUTION_UNDO_DONE_CONFLICT');
      throw e;
    }
    const pair = await repo.getPair(merge.pairId);
    if (pair?.status === 'confirmed') {
      await repo.decidePair(pair.id, 'confirmed', { status: 'split', decidedBy: actor.userId, decidedAt: now, note: cleanNote(input.note) ?? pair.note, mergeId: merge.id });
    }
    await audit(tx, ctx.clock, actor, { action: 'resolution.merge.undo', targetType: 'resolution_merge', targetId: merge.id, detail: { pairId: merge.pairId, survivorId: merge.survivorId, mergedId: merge.mergedId } });
    return merge.pairId;
  });
  return readDecided(ctx, actor, pairId);
}

// ---- where a merged record went -------------------------------------------------------

export interface EntityResolution {
  entityId: string;
  /** the record that holds this one now (following later merges), or null */
  mergedInto: string | null;
  /** records merged into this one (active merges) */
  mergedFrom: EntityMerge[];
}

/** Where a record went: old ids and links keep resolving after a merge. */
export async function entityResolution(ctx: AppContext, actor: ResolutionActor, entityId: string): Promise<EntityResolution> {
  if (!canReadEntities(actor)) throw new AlianzaError('FORBIDDEN');
  const repo = resolutionOf(ctx.store);
  if (!(await ctx.store.entities.get(entityId))) throw new AlianzaError('ENTITY_NOT_FOUND');
  let current = entityId;
  for (let hops = 0; hops < 100; hops++) {
    const of = (await repo.mergesOf(current)).of;
    if (!of) break;
    current = of.survivorId;
  }
  const access = await entityAccess(ctx.store, actor, current);
  if (!access.visible) throw new AlianzaError('ENTITY_NOT_FOUND');
  const into = (await repo.mergesOf(entityId)).into;
  return { entityId, mergedInto: current === entityId ? null : current, mergedFrom: into };
}
