/**
 * The audit log. Appends are serialised so that the chain stays linear: one writer at a
 * time on SQLite (BEGIN IMMEDIATE), a transaction-scoped advisory lock on PostgreSQL (so
 * several processes on one database stay linear too), and, for appends issued concurrently
 * inside one transaction, the one-after-another order of the units joining it (see
 * store-context). Appends made outside a transaction are batched.
 */
import { sql } from 'kysely';
import { ChainVerifier, GENESIS_HASH, auditHash, canonicalJson } from '../../domain/audit-chain';
import type { AuditEntry } from '../../domain/model';
import type { AuditRow } from '../db-types';
import { chunks, toCount } from '../db-errors';
import type { AuditFilter, AuditRepository, AuditVerification, NewAuditEntry, Page } from '../ports';
import type { Db, StoreContext } from '../store-context';
import { prefixUpperBound } from './search-repository';

const DEFAULT_LIMIT = 100;
export const VERIFY_BATCH = 5000;
const MAX_BATCH = 500;
const ROWS_PER_INSERT = 250;

/** An entry ready to chain: what is stored is what is hashed (the detail as JSON reads it back). */
interface Prepared {
  body: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;
  detailText: string;
}

interface Pending {
  entry: Prepared;
  resolve: (e: AuditEntry) => void;
  reject: (err: unknown) => void;
}

function prepare(input: NewAuditEntry): Prepared {
  const detailText = canonicalJson(input.detail ?? {});
  return {
    detailText,
    body: {
      at: input.at,
      actorId: input.actorId ?? null,
      actorLabel: input.actorLabel,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      caseId: input.caseId ?? null,
      detail: JSON.parse(detailText) as Record<string, unknown>,
    },
  };
}

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

  private readonly queue: Pending[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();

  /**
   * Inside a transaction the entry is written with it. Outside, concurrent appends are
   * gathered and written together, one transaction per batch: the same chain, far fewer
   * commits (each one waits for the disk on PostgreSQL).
   */
  append(input: NewAuditEntry): Promise<AuditEntry> {
    const entry = prepare(input);
    if (this.ctx.frame()) return this.ctx.atomic(async (db) => (await this.write(db, [entry]))[0] as AuditEntry);
    return new Promise<AuditEntry>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.draining) this.drained = this.drain();
    });
  }

  /** Resolves once every append made so far outside a transaction is written (or refused). */
  async idle(): Promise<void> {
    while (this.draining) await this.drained;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const written = await this.ctx.atomic((db) => this.write(db, batch.map((p) => p.entry)));
          batch.forEach((p, i) => p.resolve(written[i] as AuditEntry));
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Chains and inserts entries after the current head; the caller holds a transaction. */
  private async write(db: Db, entries: Prepared[]): Promise<AuditEntry[]> {
    await this.lockChain(db);
    const head = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const out: AuditEntry[] = [];
    const rows: AuditRow[] = [];
    for (const { body, detailText } of entries) {
      seq += 1;
      const hashed = { ...body, seq };
      const entry: AuditEntry = { ...hashed, prevHash, hash: auditHash(prevHash, hashed) };
      out.push(entry);
      rows.push({
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
      });
      prevHash = entry.hash;
    }
    for (const part of chunks(rows, ROWS_PER_INSERT)) await db.insertInto('audit_log').values(part).execute();
    return out;
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
