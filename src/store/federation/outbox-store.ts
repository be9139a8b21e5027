/**
 * The durable outbox. A claim reserves due records with a lease in one step (FOR UPDATE SKIP
 * LOCKED on PostgreSQL, the write lock on SQLite); every status change is a conditional
 * update on the current status, so that status only moves forward whatever the concurrency.
 */
import { sql, type UpdateObject } from 'kysely';
import type { FederationDb, FederationShapes, FederationTables, OutboxEntry, OutboxStatusValue } from './records';
import { fromJsonOrNull, toJson } from './records';

type Row = FederationTables['federation_outbox'];

const PENDING: OutboxStatusValue[] = ['queued', 'sent'];

export class SqlOutboxStore<S extends FederationShapes> {
  constructor(private readonly fdb: FederationDb) {}

  private toEntry(r: Row): OutboxEntry<S> {
    return {
      id: r.id,
      type: r.type as S['type'],
      to: r.to_node,
      message: fromJsonOrNull<S['message']>(r.message),
      contentDigest: r.content_digest,
      status: r.status as OutboxStatusValue,
      attempts: Number(r.attempts),
      createdAt: r.created_at,
      firstAttemptAt: r.first_attempt_at,
      lastAttemptAt: r.last_attempt_at,
      nextAttemptAt: r.next_attempt_at,
      lastError: r.last_error,
      deliveredAt: r.delivered_at,
      readAt: r.read_at,
    };
  }

  /** Sets columns on one record if its status is among `from`; true when a row changed. */
  private async move(id: string, from: OutboxStatusValue[], set: UpdateObject<FederationTables, 'federation_outbox'>): Promise<boolean> {
    const res = await this.fdb
      .db()
      .updateTable('federation_outbox')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async add(record: OutboxEntry<S>): Promise<void> {
    await this.fdb
      .db()
      .insertInto('federation_outbox')
      .values({
        id: record.id,
        type: record.type,
        to_node: record.to,
        message: record.message === null ? null : toJson(record.message),
        content_digest: record.contentDigest,
        status: record.status,
        attempts: record.attempts,
        created_at: record.createdAt,
        first_attempt_at: record.firstAttemptAt,
        last_attempt_at: record.lastAttemptAt,
        next_attempt_at: record.nextAttemptAt,
        last_error: record.lastError,
        delivered_at: record.deliveredAt,
        read_at: record.readAt,
      })
      .execute();
  }

  async get(id: string): Promise<OutboxEntry<S> | undefined> {
    const r = await this.fdb.db().selectFrom('federation_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return r && this.toEntry(r);
  }

  claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxEntry<S>[]> {
    const postgres = this.fdb.dialect === 'postgres';
    return this.fdb.atomic(async () => {
      const db = this.fdb.db();
      const due = await db
        .selectFrom('federation_outbox')
        .selectAll()
        .where('status', 'in', PENDING)
        .where('next_attempt_at', 'is not', null)
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .$if(postgres, (q) => q.forUpdate().skipLocked())
        .execute();
      if (due.length === 0) return [];
      await db
        .updateTable('federation_outbox')
        .set({ next_attempt_at: leaseUntil })
        .where(
          'id',
          'in',
          due.map((r) => r.id),
        )
        .execute();
      return due.map((r) => this.toEntry({ ...r, next_attempt_at: leaseUntil }));
    });
  }

  markAttempt(id: string, u: { attempts: number; firstAttemptAt: string; lastAttemptAt: string; nextAttemptAt: string; lastError: string | null }): Promise<boolean> {
    return this.move(id, PENDING, {
      status: 'sent',
      attempts: u.attempts,
      first_attempt_at: u.firstAttemptAt,
      last_attempt_at: u.lastAttemptAt,
      next_attempt_at: u.nextAttemptAt,
      last_error: u.lastError,
    });
  }

  markDelivered(id: string, deliveredAt: string, attempts?: number): Promise<boolean> {
    return this.move(id, PENDING, {
      status: 'delivered',
      delivered_at: deliveredAt,
      next_attempt_at: null,
      message: null,
      ...(attempts !== undefined ? { attempts } : {}),
    });
  }

  markRead(id: string, readAt: string): Promise<boolean> {
    return this.move(id, [...PENDING, 'delivered'], {
      status: 'read',
      read_at: readAt,
      delivered_at: sql<string>`coalesce(delivered_at, ${readAt})`,
      next_attempt_at: null,
      message: null,
    });
  }

  markFailed(id: string, f: { error: string; at: string; attempts: number; keepMessage: boolean }): Promise<boolean> {
    return this.move(id, PENDING, {
      status: 'failed',
      last_error: f.error,
      last_attempt_at: f.at,
      attempts: f.attempts,
      next_attempt_at: null,
      ...(f.keepMessage ? {} : { message: null }),
    });
  }

  async requeue(id: string, at: string): Promise<boolean> {
    const res = await this.fdb
      .db()
      .updateTable('federation_outbox')
      .set({ status: 'queued', next_attempt_at: at, attempts: 0, first_attempt_at: null, last_error: null })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .where('message', 'is not', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async list(filter: { status?: OutboxStatusValue[]; to?: string; type?: S['type']; limit?: number }): Promise<OutboxEntry<S>[]> {
    if (filter.status && filter.status.length === 0) return [];
    const rows = await this.fdb
      .db()
      .selectFrom('federation_outbox')
      .selectAll()
      .$if(!!filter.status, (q) => q.where('status', 'in', filter.status!))
      .$if(!!filter.to, (q) => q.where('to_node', '=', filter.to!))
      .$if(!!filter.type, (q) => q.where('type', '=', filter.type!))
      .orderBy('created_at')
      .orderBy('id')
      .$if(filter.limit !== undefined, (q) => q.limit(filter.limit!))
      .execute();
    return rows.map((r) => this.toEntry(r));
  }

  async countPending(): Promise<number> {
    const r = await this.fdb
      .db()
      .selectFrom('federation_outbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', 'in', PENDING)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Counts by status, for the operators' view. */
  async countByStatus(): Promise<Record<OutboxStatusValue, number>> {
    const rows = await this.fdb
      .db()
      .selectFrom('federation_outbox')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .groupBy('status')
      .execute();
    const out: Record<OutboxStatusValue, number> = { queued: 0, sent: 0, delivered: 0, read: 0, failed: 0 };
    for (const r of rows) if (r.status in out) out[r.status as OutboxStatusValue] = Number(r.n);
    return out;
  }
}
