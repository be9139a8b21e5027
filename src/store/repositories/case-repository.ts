import type { Case, CaseEntityLink, CaseMember, CaseMemberCapacity, CaseSubject, SubjectRole } from '../../domain/model';
import { guardWrite, notFound, toCount, versionConflict } from '../db-errors';
import type { CaseFilter, CaseRepository, Page } from '../ports';
import type { Db, StoreContext } from '../store-context';
import { filterCases, idListCondition, sortCases } from './case-list-query';
import { accessRows, caseToRow, rowToCase } from './case-rows';

const DEFAULT_LIMIT = 25;

export class SqlCaseRepository implements CaseRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(kase: Case): Promise<void> {
    await guardWrite('case', kase.reference, () =>
      this.ctx.atomic(async (db) => {
        await db.insertInto('cases').values(caseToRow(kase, kase.version ?? 1)).execute();
        await this.writeAccess(db, kase);
      }),
    );
  }

  async get(id: string): Promise<Case | undefined> {
    const row = await this.ctx.db().selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const access = await this.namedUsers([row.id]);
    return rowToCase(row, access.get(row.id) ?? []);
  }

  async getByReference(reference: string): Promise<Case | undefined> {
    const row = await this.ctx
      .db()
      .selectFrom('cases')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    return row && this.get(row.id);
  }

  async update(kase: Case, expectedVersion: number): Promise<void> {
    await guardWrite('case', kase.reference, () =>
      this.ctx.atomic(async (db) => {
        const { id: _id, created_at: _c, created_by: _b, ...cols } = caseToRow(kase, expectedVersion + 1);
        const res = await db
          .updateTable('cases')
          .set(cols)
          .where('id', '=', kase.id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) {
          const current = await db.selectFrom('cases').select('version').where('id', '=', kase.id).executeTakeFirst();
          if (!current) throw notFound('case', kase.id);
          throw versionConflict('case', kase.id, expectedVersion, current.version);
        }
        await db.deleteFrom('case_access').where('case_id', '=', kase.id).execute();
        await this.writeAccess(db, kase);
      }),
    );
  }

  async list(filter: CaseFilter): Promise<Page<Case>> {
    if (filter.ids !== undefined && filter.ids.length === 0) return { items: [], total: 0 };
    const base = filterCases(this.ctx.db().selectFrom('cases'), filter, this.ctx.dialect);
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      sortCases(base.selectAll('cases'), filter.sort)
        .limit(filter.limit ?? DEFAULT_LIMIT)
        .offset(filter.offset ?? 0)
        .execute(),
    ]);
    const access = await this.namedUsers(rows.map((r) => r.id));
    return { items: rows.map((r) => rowToCase(r, access.get(r.id) ?? [])), total: toCount(count.n) };
  }

  /**
   * The next free number after `prefix`: a counter, never below the highest number already
   * used by a case whose reference has that prefix (cases may arrive by import or seeding
   * with their own references).
   */
  async nextReferenceNumber(prefix: string): Promise<number> {
    return this.ctx.atomic(async (db) => {
      const highest = await db
        .selectFrom('cases')
        .select('reference')
        .where('reference', '>=', prefix)
        .where('reference', '<', prefix + '\uffff')
        .orderBy('reference', 'desc')
        .limit(1)
        .executeTakeFirst();
      const used = highest ? Number(highest.reference.slice(prefix.length)) || 0 : 0;
      const row = await db
        .insertInto('counters')
        .values({ name: 'case-reference:' + prefix, value: used + 1 })
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
        .returning('value')
        .executeTakeFirstOrThrow();
      if (row.value > used) return row.value;
      await db.updateTable('counters').set({ value: used + 1 }).where('name', '=', 'case-reference:' + prefix).execute();
      return used + 1;
    });
  }

  async addSubject(s: CaseSubject): Promise<void> {
    await guardWrite('case subject', `${s.caseId}/${s.entityId}`, () =>
      this.ctx.write((db) =>
        db
        .insertInto('case_subjects')
        .values({ case_id: s.caseId, entity_id: s.entityId, role: s.role, added_at: s.addedAt })
        .onConflict((oc) => oc.columns(['case_id', 'entity_id', 'role']).doNothing())
        .execute()),
    );
  }

  async removeSubject(caseId: string, entityId: string, role: string): Promise<void> {
    await this.ctx
      .db()
      .deleteFrom('case_subjects')
      .where('case_id', '=', caseId)
      .where('entity_id', '=', entityId)
      .where('role', '=', role)
      .execute();
  }

  async listSubjects(caseId: string): Promise<CaseSubject[]> {
    const rows = await this.ctx
      .db()
      .selectFrom('case_subjects')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('added_at')
      .orderBy('entity_id')
      .orderBy('role')
      .execute();
    return rows.map((r) => ({ caseId: r.case_id, entityId: r.entity_id, role: r.role as SubjectRole, addedAt: r.added_at }));
  }

  async listCasesOfEntity(entityId: string): Promise<CaseSubject[]> {
    const rows = await this.ctx
      .db()
      .selectFrom('case_subjects')
      .selectAll()
      .where('entity_id', '=', entityId)
      .orderBy('added_at')
      .orderBy('case_id')
      .orderBy('role')
      .execute();
    return rows.map((r) => ({ caseId: r.case_id, entityId: r.entity_id, role: r.role as SubjectRole, addedAt: r.added_at }));
  }

  async addMember(m: CaseMember): Promise<void> {
    await guardWrite('case member', `${m.caseId}/${m.userId}`, () =>
      this.ctx.write((db) =>
        db
        .insertInto('case_members')
        .values({ case_id: m.caseId, user_id: m.userId, capacity: m.capacity })
        .onConflict((oc) => oc.columns(['case_id', 'user_id']).doUpdateSet({ capacity: m.capacity }))
        .execute()),
    );
  }

  async removeMember(caseId: string, userId: string): Promise<void> {
    await this.ctx.db().deleteFrom('case_members').where('case_id', '=', caseId).where('user_id', '=', userId).execute();
  }

  async listMembers(caseId: string): Promise<CaseMember[]> {
    const rows = await this.ctx
      .db()
      .selectFrom('case_members')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('user_id')
      .execute();
    return rows.map((r) => ({ caseId: r.case_id, userId: r.user_id, capacity: r.capacity as CaseMemberCapacity }));
  }

  async linkEntity(l: CaseEntityLink): Promise<void> {
    await guardWrite('case link', `${l.caseId}/${l.entityId}`, () =>
      this.ctx.write((db) =>
        db
        .insertInto('case_links')
        .values({ case_id: l.caseId, entity_id: l.entityId, added_at: l.addedAt })
        .onConflict((oc) => oc.columns(['case_id', 'entity_id']).doNothing())
        .execute()),
    );
  }

  async unlinkEntity(caseId: string, entityId: string): Promise<void> {
    await this.ctx.db().deleteFrom('case_links').where('case_id', '=', caseId).where('entity_id', '=', entityId).execute();
  }

  async listLinks(caseId: string): Promise<CaseEntityLink[]> {
    const rows = await this.ctx
      .db()
      .selectFrom('case_links')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('added_at')
      .orderBy('entity_id')
      .execute();
    return rows.map((r) => ({ caseId: r.case_id, entityId: r.entity_id, addedAt: r.added_at }));
  }

  private async writeAccess(db: Db, kase: Case): Promise<void> {
    const rows = accessRows(kase);
    if (rows.length > 0) await db.insertInto('case_access').values(rows).execute();
  }

  /** case id -> named user ids, in their order. */
  private async namedUsers(caseIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (caseIds.length === 0) return out;
    const rows = await this.ctx
      .db()
      .selectFrom('case_access')
      .select(['case_id', 'user_id'])
      .where(idListCondition(this.ctx.dialect, 'case_access.case_id', caseIds))
      .orderBy('case_id')
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const list = out.get(r.case_id);
      if (list) list.push(r.user_id);
      else out.set(r.case_id, [r.user_id]);
    }
    return out;
  }
}
