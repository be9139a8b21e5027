/**
 * The audit log. Appends are serialised so that the chain stays linear: one writer at a
 * time on SQLite (BEGIN IMMEDIATE), a transaction-scoped advisory lock on PostgreSQL, and
 * a per-transaction queue for appends issued concurrently inside one transaction.
 */
import { sql } from 'kysely';
import { ChainVerifier, GENESIS_HASH, auditHash, canonicalJson } from '../../domain/audit-chain';
import type { AuditEntry } from '../../domain/model';
import type { AuditRow } from '../db-types';
import { toCount } from '../db-errors';
import type { AuditFilter, AuditRepository, AuditVerification, NewAuditEntry, Page } from '../ports';
import type { Db, StoreContext } from '../store-context';
import { prefixUpperBound } from './search-repository';

const DEFAULT_LIMIT = 100;
export const VERIFY_BATCH = 5000;

/** A detail that is not JSON any more (tampered) reads as a value no hash will match. */
function parseDetail(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { unreadable: text };
  }
}

export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actorId: r.actor_id,
  actorLabel: r.actor_label,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  caseId: r.case_id,
  detail: parseDetail(r.detail),
  prevHash: r.prev_hash,
  hash: r.hash,
});

export class SqlAuditRepository implements AuditRepository {
  constructor(private readonly ctx: StoreContext) {}

  append(input: NewAuditEntry): Promise<AuditEntry> {
    // What is stored is what is hashed: the detail as it reads back from JSON.
    const detailText = canonicalJson(input.detail ?? {});
    const detail = JSON.parse(detailText) as Record<string, unknown>;
    return this.ctx.atomic((db, frame) =>
      frame.auditLock.run(async () => {
        await this.lockChain(db);
        const head = await db
          .selectFrom('audit_log')
          .select(['seq', 'hash'])
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        const seq = (head?.seq ?? 0) + 1;
        const prevHash = head?.hash ?? GENESIS_HASH;
        const body = {
          seq,
          at: input.at,
          actorId: input.actorId ?? null,
          actorLabel: input.actorLabel,
          action: input.action,
          targetType: input.targetType ?? null,
          targetId: input.targetId ?? null,
          caseId: input.caseId ?? null,
          detail,
        };
        const entry: AuditEntry = { ...body, prevHash, hash: auditHash(prevHash, body) };
        await db
          .insertInto('audit_log')
          .values({
            seq,
            at: entry.at,
            actor_id: entry.actorId,
            actor_label: entry.actorLabel,
            action: entry.action,
            target_type: entry.targetType,
            target_id: entry.targetId,
            case_id: entry.caseId,
            detail: detailText,
            prev_hash: prevHash,
            hash: entry.hash,
          })
          .execute();
        return entry;
      }),
    );
  }

  /** PostgreSQL: one appender per schema until the transaction ends. SQLite: BEGIN IMMEDIATE did it. */
  private async lockChain(db: Db): Promise<void> {
    if (this.ctx.dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'))`.execute(db);
    }
  }

  async list(filter: AuditFilter): Promise<Page<AuditEntry>> {
    let q = this.ctx.db().selectFrom('audit_log');
    if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
    if (filter.caseId !== undefined) q = q.where('case_id', '=', filter.caseId);
    if (filter.targetId !== undefined) q = q.where('target_id', '=', filter.targetId);
    if (filter.from !== undefined) q = q.where('at', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('at', '<', filter.to);
    if (filter.action !== undefined) {
      if (filter.action.endsWith('*')) {
        const prefix = filter.action.slice(0, -1);
        const upper = prefixUpperBound(prefix);
        if (prefix.length > 0) q = q.where('action', '>=', prefix);
        if (prefix.length > 0 && upper !== undefined) q = q.where('action', '<', upper);
      } else {
        q = q.where('action', '=', filter.action);
      }
    }
    const [count, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      q
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(filter.limit ?? DEFAULT_LIMIT)
        .offset(filter.offset ?? 0)
        .execute(),
    ]);
    return { items: rows.map(toAuditEntry), total: toCount(count.n) };
  }

  /** Reads the chain in seq order, VERIFY_BATCH rows at a time, and stops at the first break. */
  async verify(): Promise<AuditVerification> {
    const verifier = new ChainVerifier();
    let after: number | undefined; // undefined: from the very first row, whatever its seq
    for (;;) {
      const rows = await this.ctx
        .db()
        .selectFrom('audit_log')
        .selectAll()
        .$if(after !== undefined, (q) => q.where('seq', '>', after as number))
        .orderBy('seq')
        .limit(VERIFY_BATCH)
        .execute();
      for (const r of rows) {
        if (verifier.push(toAuditEntry(r))) return verifier.finish();
      }
      if (rows.length < VERIFY_BATCH) break;
      after = (rows[rows.length - 1] as AuditRow).seq;
    }
    return verifier.finish();
  }
}
