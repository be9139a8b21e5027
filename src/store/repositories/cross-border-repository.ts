/**
 * Cross-border matching records: versions of the linkage secret (sealed by the node before
 * they get here), checks, this node's opaque references, hits and disclosure requests.
 * JSON columns are text on both dialects.
 */
import { sql, type Kysely } from 'kysely';
import { chunks, guardWrite, notFound, toCount } from '../db-errors';
import {
  StoreError,
  type CrossBorderCheck,
  type CrossBorderHit,
  type CrossBorderHitFilter,
  type CrossBorderKindName,
  type CrossBorderQuery,
  type CrossBorderRef,
  type CrossBorderRepository,
  type DisclosureDecisionRecord,
  type DisclosureRecord,
  type LinkageSecretRecord,
  type Page,
} from '../ports';
import type { StoreContext } from '../store-context';

interface SecretRow {
  version: number;
  fingerprint: string;
  sealed: string;
  created_at: string;
  created_by: string;
  retired_at: string | null;
}

interface QueryRow {
  query_id: string;
  check_id: string;
  part_index: number;
  part_count: number;
  peer_node: string;
  direction: string;
  secret_fingerprint: string;
  records: number;
  hits: number;
  status: string;
  created_at: string;
  answered_at: string | null;
  requested_by: string | null;
}

interface RefRow {
  ref: string;
  query_id: string;
  entity_id: string;
  kind: string;
}

interface HitRow {
  id: string;
  query_id: string;
  peer_node: string;
  side: string;
  local_entity_id: string;
  local_ref: string;
  remote_ref: string;
  kind: string;
  score: number;
  created_at: string;
}

interface DisclosureRow {
  id: string;
  hit_id: string;
  direction: string;
  peer_node: string;
  level: string;
  fields: string;
  legal_basis: string;
  purpose: string;
  case_reference: string | null;
  requested_by: string;
  requested_at: string;
  status: string;
  decided_level: string | null;
  decision_basis: string | null;
  reason: string | null;
  contact: string | null;
  disclosed: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface CrossBorderTables {
  linkage_secrets: SecretRow;
  cross_border_queries: QueryRow;
  cross_border_refs: RefRow;
  cross_border_hits: HitRow;
  disclosures: DisclosureRow;
}

type XDb = Kysely<CrossBorderTables>;

const ROWS_PER_INSERT = 200;
const IDS_PER_QUERY = 500;
const DEFAULT_LIMIT = 50;

const toSecret = (r: SecretRow): LinkageSecretRecord => ({
  version: Number(r.version),
  fingerprint: r.fingerprint,
  sealed: r.sealed,
  createdAt: r.created_at,
  createdBy: r.created_by,
  retiredAt: r.retired_at,
});

const toQuery = (r: QueryRow): CrossBorderQuery => ({
  queryId: r.query_id,
  checkId: r.check_id,
  partIndex: Number(r.part_index),
  partCount: Number(r.part_count),
  peerNode: r.peer_node,
  direction: r.direction as CrossBorderQuery['direction'],
  secretFingerprint: r.secret_fingerprint,
  records: Number(r.records),
  hits: Number(r.hits),
  status: r.status as CrossBorderQuery['status'],
  createdAt: r.created_at,
  answeredAt: r.answered_at,
  requestedBy: r.requested_by,
});

const toRef = (r: RefRow): CrossBorderRef => ({ ref: r.ref, queryId: r.query_id, entityId: r.entity_id, kind: r.kind as CrossBorderKindName });

const toHit = (r: HitRow): CrossBorderHit => ({
  id: r.id,
  queryId: r.query_id,
  peerNode: r.peer_node,
  side: r.side as CrossBorderHit['side'],
  localEntityId: r.local_entity_id,
  localRef: r.local_ref,
  remoteRef: r.remote_ref,
  kind: r.kind as CrossBorderKindName,
  score: Number(r.score),
  createdAt: r.created_at,
});

const json = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));

function toDisclosure(r: DisclosureRow): DisclosureRecord {
  const decided = r.decided_at !== null && r.decided_level !== null;
  return {
    id: r.id,
    hitId: r.hit_id,
    direction: r.direction as DisclosureRecord['direction'],
    peerNode: r.peer_node,
    level: r.level as DisclosureRecord['level'],
    fields: JSON.parse(r.fields) as string[],
    legalBasis: JSON.parse(r.legal_basis) as DisclosureRecord['legalBasis'],
    purpose: r.purpose,
    caseReference: r.case_reference,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    status: r.status as DisclosureRecord['status'],
    decision: decided
      ? {
          level: r.decided_level as DisclosureDecisionRecord['level'],
          legalBasis: json<DisclosureDecisionRecord['legalBasis']>(r.decision_basis)!,
          reason: r.reason ?? '',
          contact: json<DisclosureDecisionRecord['contact']>(r.contact),
          disclosed: json<DisclosureDecisionRecord['disclosed']>(r.disclosed),
          decidedBy: r.decided_by ?? '',
          decidedAt: r.decided_at!,
        }
      : null,
  };
}

const hitKey = (queryId: string, localRef: string, remoteRef: string): string => `${queryId}\u0000${localRef}\u0000${remoteRef}`;

export class SqlCrossBorderRepository implements CrossBorderRepository {
  constructor(private readonly ctx: StoreContext) {}

  private db(): XDb {
    return this.ctx.db() as unknown as XDb;
  }

  // ---- the linkage secret -------------------------------------------------------------

  async addSecret(secret: { fingerprint: string; sealed: string; createdAt: string; createdBy: string }): Promise<LinkageSecretRecord> {
    return this.ctx.atomic(async (raw) => {
      const db = raw as unknown as XDb;
      const last = await db.selectFrom('linkage_secrets').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
      const version = (last ? Number(last.version) : 0) + 1;
      await db.updateTable('linkage_secrets').set({ retired_at: secret.createdAt }).where('retired_at', 'is', null).execute();
      const row: SecretRow = { version, fingerprint: secret.fingerprint, sealed: secret.sealed, created_at: secret.createdAt, created_by: secret.createdBy, retired_at: null };
      await guardWrite('linkage secret', String(version), () => db.insertInto('linkage_secrets').values(row).execute());
      return toSecret(row);
    });
  }

  async activeSecret(): Promise<LinkageSecretRecord | undefined> {
    const r = await this.db().selectFrom('linkage_secrets').selectAll().where('retired_at', 'is', null).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return r && toSecret(r);
  }

  async listSecrets(): Promise<LinkageSecretRecord[]> {
    const rows = await this.db().selectFrom('linkage_secrets').selectAll().orderBy('version', 'desc').execute();
    return rows.map(toSecret);
  }

  // ---- checks ---------------------------------------------------------------------------

  async createQuery(q: CrossBorderQuery): Promise<void> {
    await guardWrite('cross-border query', q.queryId, () =>
      this.ctx.write((db) =>
        (db as unknown as XDb)
          .insertInto('cross_border_queries')
          .values({
            query_id: q.queryId,
            check_id: q.checkId,
            part_index: q.partIndex,
            part_count: q.partCount,
            peer_node: q.peerNode,
            direction: q.direction,
            secret_fingerprint: q.secretFingerprint,
            records: q.records,
            hits: q.hits,
            status: q.status,
            created_at: q.createdAt,
            answered_at: q.answeredAt,
            requested_by: q.requestedBy,
          })
          .execute(),
      ),
    );
  }

  async getQuery(queryId: string): Promise<CrossBorderQuery | undefined> {
    const r = await this.db().selectFrom('cross_border_queries').selectAll().where('query_id', '=', queryId).executeTakeFirst();
    return r && toQuery(r);
  }

  async updateQuery(queryId: string, patch: Partial<Pick<CrossBorderQuery, 'status' | 'hits' | 'answeredAt' | 'secretFingerprint'>>): Promise<void> {
    const set: Partial<QueryRow> = {};
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.hits !== undefined) set.hits = patch.hits;
    if (patch.answeredAt !== undefined) set.answered_at = patch.answeredAt;
    if (patch.secretFingerprint !== undefined) set.secret_fingerprint = patch.secretFingerprint;
    if (Object.keys(set).length === 0) {
      if (!(await this.getQuery(queryId))) throw notFound('cross-border query', queryId);
      return;
    }
    const res = await this.db().updateTable('cross_border_queries').set(set).where('query_id', '=', queryId).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('cross-border query', queryId);
  }

  async listQueries(filter: { direction?: 'sent' | 'received'; peerNode?: string; limit?: number; offset?: number }): Promise<Page<CrossBorderQuery>> {
    const base = this.db()
      .selectFrom('cross_border_queries')
      .$if(filter.direction !== undefined, (q) => q.where('direction', '=', filter.direction!))
      .$if(filter.peerNode !== undefined, (q) => q.where('peer_node', '=', filter.peerNode!));
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      base
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('query_id', 'desc')
        .limit(filter.limit ?? DEFAULT_LIMIT)
        .offset(filter.offset ?? 0)
        .execute(),
    ]);
    return { items: rows.map(toQuery), total: toCount(count.n) };
  }

  async checkParts(checkId: string, peerNode: string, direction: 'sent' | 'received'): Promise<CrossBorderQuery[]> {
    const rows = await this.db()
      .selectFrom('cross_border_queries')
      .selectAll()
      .where('check_id', '=', checkId)
      .where('peer_node', '=', peerNode)
      .where('direction', '=', direction)
      .orderBy('part_index')
      .execute();
    return rows.map(toQuery);
  }

  async listChecks(filter: { direction?: 'sent' | 'received'; peerNode?: string; limit?: number; offset?: number }): Promise<Page<CrossBorderCheck>> {
    const groups = this.db()
      .selectFrom('cross_border_queries')
      .$if(filter.direction !== undefined, (q) => q.where('direction', '=', filter.direction!))
      .$if(filter.peerNode !== undefined, (q) => q.where('peer_node', '=', filter.peerNode!))
      .groupBy(['check_id', 'peer_node', 'direction']);
    const counted = this.db()
      .selectFrom(groups.select('check_id').as('g'))
      .select((eb) => eb.fn.countAll().as('n'));
    const rows = groups
      .select((eb) => [
        'check_id',
        'peer_node',
        'direction',
        eb.fn.max('secret_fingerprint').as('secret_fingerprint'),
        eb.fn.sum<number>('records').as('records'),
        eb.fn.sum<number>('hits').as('hits'),
        eb.fn.countAll<number>().as('parts'),
        eb.fn.max('part_count').as('part_count'),
        sql<number>`sum(case when status = 'answered' then 1 else 0 end)`.as('answered'),
        sql<number>`sum(case when status = 'secret_mismatch' then 1 else 0 end)`.as('mismatched'),
        sql<number>`sum(case when status = 'failed' then 1 else 0 end)`.as('failed'),
        eb.fn.min('created_at').as('created_at'),
        eb.fn.max('answered_at').as('answered_at'),
        eb.fn.max('requested_by').as('requested_by'),
      ])
      .orderBy((eb) => eb.fn.min('created_at'), 'desc')
      .orderBy('check_id', 'desc')
      .orderBy('peer_node')
      .orderBy('direction')
      .limit(filter.limit ?? DEFAULT_LIMIT)
      .offset(filter.offset ?? 0);
    const [count, page] = await Promise.all([counted.executeTakeFirstOrThrow(), rows.execute()]);
    const items = page.map((r): CrossBorderCheck => {
      const parts = Number(r.parts);
      const partCount = Number(r.part_count);
      const answeredParts = Number(r.answered);
      const status: CrossBorderCheck['status'] =
        Number(r.mismatched) > 0 ? 'secret_mismatch' : Number(r.failed) > 0 ? 'failed' : answeredParts >= partCount && parts >= partCount ? 'answered' : 'sent';
      return {
        checkId: r.check_id,
        peerNode: r.peer_node,
        direction: r.direction as CrossBorderCheck['direction'],
        secretFingerprint: r.secret_fingerprint,
        records: Number(r.records),
        hits: Number(r.hits),
        status,
        parts,
        partCount,
        answeredParts,
        createdAt: r.created_at,
        answeredAt: status === 'sent' ? null : (r.answered_at ?? null),
        requestedBy: r.requested_by ?? null,
      };
    });
    return { items, total: toCount(count.n) };
  }

  // ---- references -------------------------------------------------------------------------

  async addRefs(refs: CrossBorderRef[]): Promise<void> {
    if (refs.length === 0) return;
    await guardWrite('cross-border reference', refs[0]!.ref, () =>
      this.ctx.atomic(async (raw) => {
        const db = raw as unknown as XDb;
        for (const part of chunks(refs, ROWS_PER_INSERT)) {
          await db
            .insertInto('cross_border_refs')
            .values(part.map((r) => ({ ref: r.ref, query_id: r.queryId, entity_id: r.entityId, kind: r.kind })))
            .execute();
        }
      }),
    );
  }

  async getRefs(queryId: string, refs?: string[]): Promise<CrossBorderRef[]> {
    if (refs === undefined) {
      const rows = await this.db().selectFrom('cross_border_refs').selectAll().where('query_id', '=', queryId).orderBy('ref').execute();
      return rows.map(toRef);
    }
    const out: CrossBorderRef[] = [];
    for (const part of chunks([...new Set(refs)], IDS_PER_QUERY)) {
      const rows = await this.db().selectFrom('cross_border_refs').selectAll().where('query_id', '=', queryId).where('ref', 'in', part).execute();
      out.push(...rows.map(toRef));
    }
    return out.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  }

  // ---- hits -------------------------------------------------------------------------------

  async addHits(hits: CrossBorderHit[]): Promise<{ inserted: number; hits: CrossBorderHit[] }> {
    if (hits.length === 0) return { inserted: 0, hits: [] };
    return this.ctx.atomic(async (raw) => {
      const db = raw as unknown as XDb;
      const byQuery = new Map<string, CrossBorderHit[]>();
      for (const h of hits) byQuery.set(h.queryId, [...(byQuery.get(h.queryId) ?? []), h]);
      const existing = new Map<string, CrossBorderHit>();
      for (const queryId of byQuery.keys()) {
        const rows = await db.selectFrom('cross_border_hits').selectAll().where('query_id', '=', queryId).execute();
        for (const r of rows) existing.set(hitKey(r.query_id, r.local_ref, r.remote_ref), toHit(r));
      }
      const fresh: CrossBorderHit[] = [];
      const stored: CrossBorderHit[] = [];
      for (const h of hits) {
        const key = hitKey(h.queryId, h.localRef, h.remoteRef);
        const prior = existing.get(key);
        if (prior) {
          stored.push(prior);
          continue;
        }
        existing.set(key, h);
        fresh.push(h);
        stored.push(h);
      }
      for (const part of chunks(fresh, ROWS_PER_INSERT)) {
        await guardWrite('cross-border hit', part[0]!.id, () =>
          db
            .insertInto('cross_border_hits')
            .values(
              part.map((h) => ({
                id: h.id,
                query_id: h.queryId,
                peer_node: h.peerNode,
                side: h.side,
                local_entity_id: h.localEntityId,
                local_ref: h.localRef,
                remote_ref: h.remoteRef,
                kind: h.kind,
                score: h.score,
                created_at: h.createdAt,
              })),
            )
            .execute(),
        );
      }
      return { inserted: fresh.length, hits: stored };
    });
  }

  async getHit(id: string): Promise<CrossBorderHit | undefined> {
    const r = await this.db().selectFrom('cross_border_hits').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toHit(r);
  }

  async findHit(queryId: string, localRef: string, remoteRef: string): Promise<CrossBorderHit | undefined> {
    const r = await this.db()
      .selectFrom('cross_border_hits')
      .selectAll()
      .where('query_id', '=', queryId)
      .where('local_ref', '=', localRef)
      .where('remote_ref', '=', remoteRef)
      .executeTakeFirst();
    return r && toHit(r);
  }

  async listHits(filter: CrossBorderHitFilter): Promise<Page<CrossBorderHit>> {
    const base = this.db()
      .selectFrom('cross_border_hits')
      .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind!))
      .$if(filter.peerNode !== undefined, (q) => q.where('peer_node', '=', filter.peerNode!))
      .$if(filter.minScore !== undefined, (q) => q.where('score', '>=', filter.minScore!))
      .$if(filter.queryId !== undefined, (q) => q.where('query_id', '=', filter.queryId!))
      .$if(filter.checkId !== undefined, (q) =>
        q.where('query_id', 'in', (sub) =>
          sub
            .selectFrom('cross_border_queries')
            .select('query_id')
            .where('check_id', '=', filter.checkId!)
            .$if(filter.peerNode !== undefined, (w) => w.where('peer_node', '=', filter.peerNode!)),
        ),
      )
      .$if(filter.localEntityId !== undefined, (q) => q.where('local_entity_id', '=', filter.localEntityId!));
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      base
        .selectAll()
        .orderBy('score', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(filter.limit ?? DEFAULT_LIMIT)
        .offset(filter.offset ?? 0)
        .execute(),
    ]);
    return { items: rows.map(toHit), total: toCount(count.n) };
  }

  // ---- disclosures ----------------------------------------------------------------------

  async createDisclosure(d: DisclosureRecord): Promise<void> {
    await guardWrite('disclosure', d.id, () =>
      this.ctx.write((db) =>
        (db as unknown as XDb)
          .insertInto('disclosures')
          .values({
            id: d.id,
            hit_id: d.hitId,
            direction: d.direction,
            peer_node: d.peerNode,
            level: d.level,
            fields: JSON.stringify(d.fields),
            legal_basis: JSON.stringify(d.legalBasis),
            purpose: d.purpose,
            case_reference: d.caseReference,
            requested_by: d.requestedBy,
            requested_at: d.requestedAt,
            status: d.status,
            decided_level: d.decision?.level ?? null,
            decision_basis: d.decision ? JSON.stringify(d.decision.legalBasis) : null,
            reason: d.decision?.reason ?? null,
            contact: d.decision?.contact ? JSON.stringify(d.decision.contact) : null,
            disclosed: d.decision?.disclosed ? JSON.stringify(d.decision.disclosed) : null,
            decided_by: d.decision?.decidedBy ?? null,
            decided_at: d.decision?.decidedAt ?? null,
          })
          .execute(),
      ),
    );
  }

  async getDisclosure(id: string): Promise<DisclosureRecord | undefined> {
    const r = await this.db().selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toDisclosure(r);
  }

  async decideDisclosure(id: string, status: 'approved' | 'refused', d: DisclosureDecisionRecord): Promise<void> {
    await this.ctx.atomic(async (raw) => {
      const db = raw as unknown as XDb;
      const res = await db
        .updateTable('disclosures')
        .set({
          status,
          decided_level: d.level,
          decision_basis: JSON.stringify(d.legalBasis),
          reason: d.reason,
          contact: d.contact ? JSON.stringify(d.contact) : null,
          disclosed: d.disclosed ? JSON.stringify(d.disclosed) : null,
          decided_by: d.decidedBy,
          decided_at: d.decidedAt,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) > 0) return;
      const current = await db.selectFrom('disclosures').select('status').where('id', '=', id).executeTakeFirst();
      if (!current) throw notFound('disclosure', id);
      throw new StoreError('STORE_VERSION_CONFLICT', `disclosure ${id} is ${current.status}, not pending`, { what: 'disclosure', id });
    });
  }

  async listDisclosures(filter: {
    direction?: 'outgoing' | 'incoming';
    status?: DisclosureRecord['status'];
    hitIds?: string[];
    limit?: number;
    offset?: number;
  }): Promise<Page<DisclosureRecord>> {
    const base = this.db()
      .selectFrom('disclosures')
      .$if(filter.direction !== undefined, (q) => q.where('direction', '=', filter.direction!))
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!));
    if (filter.hitIds !== undefined) {
      // every request about these hits, newest first (the caller asks for a page of hits)
      const out: DisclosureRow[] = [];
      for (const part of chunks([...new Set(filter.hitIds)], IDS_PER_QUERY)) out.push(...(await base.selectAll().where('hit_id', 'in', part).execute()));
      out.sort((a, b) => (a.requested_at < b.requested_at ? 1 : a.requested_at > b.requested_at ? -1 : a.id < b.id ? 1 : -1));
      return { items: out.map(toDisclosure), total: out.length };
    }
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      base
        .selectAll()
        .orderBy('requested_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit ?? DEFAULT_LIMIT)
        .offset(filter.offset ?? 0)
        .execute(),
    ]);
    return { items: rows.map(toDisclosure), total: toCount(count.n) };
  }
}
