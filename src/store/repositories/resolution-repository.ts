/**
 * Entity resolution records: runs, candidate pairs with their decisions, and merges with
 * the history an undo needs. JSON columns are text on both dialects.
 */
import type { Kysely } from 'kysely';
import type { CaseEntityLink } from '../../domain/model';
import { guardWrite, notFound } from '../db-errors';
import {
  StoreError,
  type EntityMerge,
  type NewResolutionPair,
  type ResolutionPair,
  type ResolutionPairStatus,
  type ResolutionRepository,
  type ResolutionRun,
} from '../ports';
import type { StoreContext } from '../store-context';
import { randomUUID } from 'node:crypto';

interface RunRow {
  id: string;
  status: string;
  requested_by: string;
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
  summary: string | null;
  error: string | null;
}

interface PairRow {
  id: string;
  run_id: string;
  schema: string;
  left_id: string;
  right_id: string;
  probability: number;
  weight: number | null;
  uncertainty: number;
  decision: string;
  status: string;
  explanation: string;
  created_at: string;
  updated_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  merge_id: string | null;
}

interface MergeRow {
  id: string;
  pair_id: string;
  survivor_id: string;
  merged_id: string;
  status: string;
  history: string;
  merged_by: string;
  merged_at: string;
  undone_by: string | null;
  undone_at: string | null;
}

interface LinkRow {
  case_id: string;
  entity_id: string;
  added_at: string;
}

export interface ResolutionTables {
  resolution_runs: RunRow;
  resolution_pairs: PairRow;
  resolution_merges: MergeRow;
  case_links: LinkRow;
}

type RDb = Kysely<ResolutionTables>;

const ROWS_PER_INSERT = 200;

const toRun = (r: RunRow): ResolutionRun => ({
  id: r.id,
  status: r.status as ResolutionRun['status'],
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  summary: r.summary === null ? null : (JSON.parse(r.summary) as Record<string, unknown>),
  error: r.error,
});

const toPair = (r: PairRow): ResolutionPair => ({
  id: r.id,
  runId: r.run_id,
  schema: r.schema,
  leftId: r.left_id,
  rightId: r.right_id,
  probability: Number(r.probability),
  weight: r.weight === null ? null : Number(r.weight),
  decision: r.decision as ResolutionPair['decision'],
  status: r.status as ResolutionPairStatus,
  explanation: JSON.parse(r.explanation) as unknown,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  note: r.note,
  mergeId: r.merge_id,
});

const toMerge = (r: MergeRow): EntityMerge => ({
  id: r.id,
  pairId: r.pair_id,
  survivorId: r.survivor_id,
  mergedId: r.merged_id,
  status: r.status as EntityMerge['status'],
  history: JSON.parse(r.history) as unknown,
  mergedBy: r.merged_by,
  mergedAt: r.merged_at,
  undoneBy: r.undone_by,
  undoneAt: r.undone_at,
});

/** The two ends in canonical order. */
const ends = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

export class SqlResolutionRepository implements ResolutionRepository {
  constructor(private readonly ctx: StoreContext) {}

  private db(): RDb {
    return this.ctx.db() as unknown as RDb;
  }

  async createRun(run: ResolutionRun): Promise<void> {
    await guardWrite('resolution run', run.id, () =>
      this.ctx.atomic((db) =>
        (db as unknown as RDb)
          .insertInto('resolution_runs')
          .values({
            id: run.id,
            status: run.status,
            requested_by: run.requestedBy,
            requested_at: run.requestedAt,
            started_at: run.startedAt,
            finished_at: run.finishedAt,
            summary: run.summary === null ? null : JSON.stringify(run.summary),
            error: run.error,
          })
          .execute(),
      ),
    );
  }

  async updateRun(id: string, patch: Partial<Omit<ResolutionRun, 'id' | 'requestedBy' | 'requestedAt'>>): Promise<void> {
    const set: Partial<RunRow> = {};
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.startedAt !== undefined) set.started_at = patch.startedAt;
    if (patch.finishedAt !== undefined) set.finished_at = patch.finishedAt;
    if (patch.summary !== undefined) set.summary = patch.summary === null ? null : JSON.stringify(patch.summary);
    if (patch.error !== undefined) set.error = patch.error;
    if (Object.keys(set).length === 0) return;
    const res = await this.db().updateTable('resolution_runs').set(set).where('id', '=', id).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('resolution run', id);
  }

  async getRun(id: string): Promise<ResolutionRun | undefined> {
    const r = await this.db().selectFrom('resolution_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRun(r);
  }

  async latestRun(): Promise<ResolutionRun | undefined> {
    const r = await this.db().selectFrom('resolution_runs').selectAll().orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r && toRun(r);
  }

  async replacePending(runId: string, pairs: NewResolutionPair[], now: string): Promise<{ inserted: number; updated: number; removed: number; alreadyDecided: number }> {
    return this.ctx.atomic(async (raw) => {
      const db = raw as unknown as RDb;
      const existing = await db.selectFrom('resolution_pairs').select(['id', 'left_id', 'right_id', 'status']).execute();
      const byEnds = new Map(existing.map((r) => [`${r.left_id}\u0000${r.right_id}`, r]));
      const seen = new Set<string>();
      const fresh: PairRow[] = [];
      let updated = 0;
      let alreadyDecided = 0;
      for (const p of pairs) {
        const [left, right] = ends(p.leftId, p.rightId);
        const key = `${left}\u0000${right}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const values = {
          run_id: runId,
          schema: p.schema,
          probability: p.probability,
          weight: p.weight,
          uncertainty: Math.abs(p.probability - 0.5),
          decision: p.decision,
          explanation: JSON.stringify(p.explanation),
          updated_at: now,
        };
        const old = byEnds.get(key);
        if (!old) {
          fresh.push({ id: randomUUID(), left_id: left, right_id: right, status: 'pending', created_at: now, decided_by: null, decided_at: null, note: null, merge_id: null, ...values });
        } else if (old.status === 'pending') {
          await db.updateTable('resolution_pairs').set(values).where('id', '=', old.id).execute();
          updated++;
        } else {
          alreadyDecided++;
        }
      }
      const stale = existing.filter((r) => r.status === 'pending' && !seen.has(`${r.left_id}\u0000${r.right_id}`)).map((r) => r.id);
      for (let i = 0; i < stale.length; i += ROWS_PER_INSERT) {
        await db.deleteFrom('resolution_pairs').where('id', 'in', stale.slice(i, i + ROWS_PER_INSERT)).execute();
      }
      for (let i = 0; i < fresh.length; i += ROWS_PER_INSERT) {
        await db.insertInto('resolution_pairs').values(fresh.slice(i, i + ROWS_PER_INSERT)).execute();
      }
      return { inserted: fresh.length, updated, removed: stale.length, alreadyDecided };
    });
  }

  async getPair(id: string): Promise<ResolutionPair | undefined> {
    const r = await this.db().selectFrom('resolution_pairs').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toPair(r);
  }

  async listPairs(filter: { status: ResolutionPairStatus; entityId?: string }): Promise<ResolutionPair[]> {
    let q = this.db().selectFrom('resolution_pairs').selectAll().where('status', '=', filter.status);
    if (filter.entityId !== undefined) {
      const id = filter.entityId;
      q = q.where((w) => w.or([w('left_id', '=', id), w('right_id', '=', id)]));
    }
    q = filter.status === 'pending' ? q.orderBy('uncertainty').orderBy('id') : q.orderBy('decided_at', 'desc').orderBy('id');
    return (await q.execute()).map(toPair);
  }

  async decidePair(
    id: string,
    from: ResolutionPairStatus,
    d: { status: ResolutionPairStatus; decidedBy: string; decidedAt: string; note: string | null; mergeId: string | null },
  ): Promise<void> {
    await this.ctx.atomic(async (raw) => {
      const db = raw as unknown as RDb;
      const res = await db
        .updateTable('resolution_pairs')
        .set({ status: d.status, decided_by: d.decidedBy, decided_at: d.decidedAt, note: d.note, merge_id: d.mergeId, updated_at: d.decidedAt })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) > 0) return;
      const current = await db.selectFrom('resolution_pairs').select('status').where('id', '=', id).executeTakeFirst();
      if (!current) throw notFound('resolution pair', id);
      throw new StoreError('STORE_VERSION_CONFLICT', `resolution pair ${id} is ${current.status}, not ${from}`, { what: 'resolution pair', id });
    });
  }

  async labels(): Promise<{ leftId: string; rightId: string; match: boolean; mergeId: string | null }[]> {
    const rows = await this.db()
      .selectFrom('resolution_pairs')
      .select(['left_id', 'right_id', 'status', 'merge_id'])
      .where('status', 'in', ['confirmed', 'rejected', 'split'])
      .orderBy('decided_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ leftId: r.left_id, rightId: r.right_id, match: r.status === 'confirmed', mergeId: r.merge_id }));
  }

  async createMerge(m: EntityMerge): Promise<void> {
    await guardWrite('merge', m.id, () =>
      this.ctx.atomic((db) =>
        (db as unknown as RDb)
          .insertInto('resolution_merges')
          .values({
            id: m.id,
            pair_id: m.pairId,
            survivor_id: m.survivorId,
            merged_id: m.mergedId,
            status: m.status,
            history: JSON.stringify(m.history),
            merged_by: m.mergedBy,
            merged_at: m.mergedAt,
            undone_by: m.undoneBy,
            undone_at: m.undoneAt,
          })
          .execute(),
      ),
    );
  }

  async getMerge(id: string): Promise<EntityMerge | undefined> {
    const r = await this.db().selectFrom('resolution_merges').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toMerge(r);
  }

  async mergesOf(entityId: string): Promise<{ into: EntityMerge[]; of: EntityMerge | undefined }> {
    const into = await this.db()
      .selectFrom('resolution_merges')
      .selectAll()
      .where('survivor_id', '=', entityId)
      .where('status', '=', 'active')
      .orderBy('merged_at')
      .orderBy('id')
      .execute();
    const of = await this.db().selectFrom('resolution_merges').selectAll().where('merged_id', '=', entityId).where('status', '=', 'active').executeTakeFirst();
    return { into: into.map(toMerge), of: of && toMerge(of) };
  }

  async mergedIds(): Promise<string[]> {
    const rows = await this.db().selectFrom('resolution_merges').select('merged_id').where('status', '=', 'active').execute();
    return rows.map((r) => r.merged_id);
  }

  async markUndone(id: string, undoneBy: string, undoneAt: string): Promise<void> {
    await this.ctx.atomic(async (raw) => {
      const db = raw as unknown as RDb;
      const res = await db
        .updateTable('resolution_merges')
        .set({ status: 'undone', undone_by: undoneBy, undone_at: undoneAt })
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) > 0) return;
      const current = await db.selectFrom('resolution_merges').select('status').where('id', '=', id).executeTakeFirst();
      if (!current) throw notFound('merge', id);
      throw new StoreError('STORE_VERSION_CONFLICT', `merge ${id} is ${current.status}`, { what: 'merge', id });
    });
  }

  async linksOfEntity(entityId: string): Promise<CaseEntityLink[]> {
    const rows = await this.db().selectFrom('case_links').selectAll().where('entity_id', '=', entityId).orderBy('case_id').execute();
    return rows.map((r) => ({ caseId: r.case_id, entityId: r.entity_id, addedAt: r.added_at }));
  }
}
