/**
 * The job queue. A claim takes the oldest due job of the requested kinds — queued and due,
 * or running with an expired lease (its worker died) — and leases it: PostgreSQL with
 * FOR UPDATE SKIP LOCKED so that concurrent workers never take the same job, SQLite in an
 * immediate (write-locked) transaction.
 */
import { randomUUID } from 'node:crypto';
import type { JobRow } from '../db-types';
import { guardWrite, notFound, toCount } from '../db-errors';
import type { Job, JobRepository } from '../ports';
import type { StoreContext } from '../store-context';

const STATUSES: Job['status'][] = ['queued', 'running', 'done', 'failed'];

const toJob = (r: JobRow): Job => ({
  id: r.id,
  kind: r.kind,
  payload: JSON.parse(r.payload) as unknown,
  runAt: r.run_at,
  attempts: r.attempts,
  lastError: r.last_error,
  status: r.status as Job['status'],
});

export class SqlJobRepository implements JobRepository {
  constructor(private readonly ctx: StoreContext) {}

  async enqueue(kind: string, payload: unknown, opts: { runAt?: string; id?: string } = {}): Promise<string> {
    const id = opts.id ?? randomUUID();
    const now = new Date().toISOString();
    await guardWrite('job', id, () =>
      this.ctx.write((db) =>
        db
        .insertInto('jobs')
        .values({
          id,
          kind,
          payload: JSON.stringify(payload ?? null),
          status: 'queued',
          run_at: opts.runAt ?? now,
          attempts: 0,
          last_error: null,
          lease_until: null,
          created_at: now,
          updated_at: now,
        })
        .execute()),
    );
    return id;
  }

  async claim(kinds: string[], now: string, leaseMs: number): Promise<Job | undefined> {
    if (kinds.length === 0) return undefined;
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    const postgres = this.ctx.dialect === 'postgres';
    return this.ctx.atomic(async (db) => {
      const row = await db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          lease_until: leaseUntil,
          updated_at: now,
        }))
        .where('id', '=', (eb) =>
          eb
            .selectFrom('jobs')
            .select('id')
            .where('kind', 'in', kinds)
            .where((w) =>
              w.or([
                w.and([w('status', '=', 'queued'), w('run_at', '<=', now)]),
                w.and([w('status', '=', 'running'), w('lease_until', '<=', now)]),
              ]),
            )
            .orderBy('run_at')
            .orderBy('id')
            .limit(1)
            .$if(postgres, (q) => q.forUpdate().skipLocked()),
        )
        .returningAll()
        .executeTakeFirst();
      return row && toJob(row);
    });
  }

  async complete(id: string): Promise<void> {
    const res = await this.ctx
      .db()
      .updateTable('jobs')
      .set({ status: 'done', lease_until: null, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('job', id);
  }

  async fail(id: string, error: string, retryAt: string | null): Promise<void> {
    const now = new Date().toISOString();
    const res = await this.ctx
      .db()
      .updateTable('jobs')
      .set(
        retryAt === null
          ? { status: 'failed', last_error: error, lease_until: null, updated_at: now }
          : { status: 'queued', last_error: error, lease_until: null, run_at: retryAt, updated_at: now },
      )
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('job', id);
  }

  async counts(): Promise<Record<Job['status'], number>> {
    const rows = await this.ctx
      .db()
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .groupBy('status')
      .execute();
    const out = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Job['status'], number>;
    for (const r of rows) if (r.status in out) out[r.status as Job['status']] = toCount(r.n);
    return out;
  }
}
