import type { Entity } from '../../domain/model';
import type { EntityRow } from '../db-types';
import { chunks, guardWrite, notFound, toCount, versionConflict } from '../db-errors';
import { normaliseValue } from '../normalise-value';
import type { EntityFilter, EntityRepository, Page } from '../ports';
import type { Db, StoreContext } from '../store-context';

const DEFAULT_LIMIT = 100;
const ID_CHUNK = 500;
const VALUE_ROWS_PER_INSERT = 300;

const toEntity = (r: EntityRow): Entity => ({
  id: r.id,
  schema: r.schema,
  caption: r.caption,
  properties: JSON.parse(r.properties) as Record<string, string[]>,
  owningAgencyId: r.owning_agency_id,
  crossBorderCheck: r.cross_border_check === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function toRow(e: Entity, version: number): EntityRow {
  return {
    id: e.id,
    schema: e.schema,
    caption: e.caption,
    properties: JSON.stringify(e.properties ?? {}),
    owning_agency_id: e.owningAgencyId,
    cross_border_check: e.crossBorderCheck ? 1 : 0,
    version,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
  };
}

/** The distinct (property, normalised value) pairs of an entity. */
function valueRows(e: Entity): { entity_id: string; property: string; value: string }[] {
  const seen = new Set<string>();
  const rows: { entity_id: string; property: string; value: string }[] = [];
  for (const [property, values] of Object.entries(e.properties ?? {})) {
    for (const raw of values ?? []) {
      if (raw === null || raw === undefined) continue;
      const value = normaliseValue(String(raw));
      if (value === '') continue;
      const key = property + '\u0000' + value;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ entity_id: e.id, property, value });
    }
  }
  return rows;
}

async function insertValues(db: Db, e: Entity): Promise<void> {
  for (const batch of chunks(valueRows(e), VALUE_ROWS_PER_INSERT)) {
    await db.insertInto('entity_values').values(batch).execute();
  }
}

export class SqlEntityRepository implements EntityRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(e: Entity): Promise<void> {
    await guardWrite('entity', e.id, () =>
      this.ctx.atomic(async (db) => {
        await db.insertInto('entities').values(toRow(e, e.version ?? 1)).execute();
        await insertValues(db, e);
      }),
    );
  }

  async get(id: string): Promise<Entity | undefined> {
    const r = await this.ctx.db().selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toEntity(r);
  }

  /** In the order of `ids`; unknown ids are left out. */
  async getMany(ids: string[]): Promise<Entity[]> {
    const unique = [...new Set(ids)];
    const byId = new Map<string, Entity>();
    for (const part of chunks(unique, ID_CHUNK)) {
      const rows = await this.ctx.db().selectFrom('entities').selectAll().where('id', 'in', part).execute();
      for (const r of rows) byId.set(r.id, toEntity(r));
    }
    return unique.flatMap((id) => byId.get(id) ?? []);
  }

  async update(e: Entity, expectedVersion: number): Promise<void> {
    await this.ctx.atomic(async (db) => {
      const row = toRow(e, expectedVersion + 1);
      const res = await db
        .updateTable('entities')
        .set({
          schema: row.schema,
          caption: row.caption,
          properties: row.properties,
          owning_agency_id: row.owning_agency_id,
          cross_border_check: row.cross_border_check,
          version: row.version,
          updated_at: row.updated_at,
        })
        .where('id', '=', e.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) {
        const current = await db.selectFrom('entities').select('version').where('id', '=', e.id).executeTakeFirst();
        if (!current) throw notFound('entity', e.id);
        throw versionConflict('entity', e.id, expectedVersion, current.version);
      }
      await db.deleteFrom('entity_values').where('entity_id', '=', e.id).execute();
      await insertValues(db, e);
    });
  }

  async list(filter: EntityFilter = {}): Promise<Page<Entity>> {
    const base = this.ctx
      .db()
      .selectFrom('entities')
      .$if(filter.schema !== undefined, (q) => q.where('schema', '=', filter.schema as string))
      .$if(filter.crossBorderCheck !== undefined, (q) =>
        q.where('cross_border_check', '=', filter.crossBorderCheck ? 1 : 0),
      );
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      base
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .limit(filter.limit ?? DEFAULT_LIMIT)
        .offset(filter.offset ?? 0)
        .execute(),
    ]);
    return { items: rows.map(toEntity), total: toCount(count.n) };
  }

  async findByProperty(schema: string, property: string, value: string): Promise<Entity[]> {
    const rows = await this.ctx
      .db()
      .selectFrom('entities')
      .selectAll()
      .where('schema', '=', schema)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('entity_values')
          .select('entity_id')
          .where('value', '=', normaliseValue(value))
          .where('property', '=', property),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toEntity);
  }

  async listEdgesOf(entityId: string, opts: { schemas?: string[] } = {}): Promise<Entity[]> {
    if (opts.schemas && opts.schemas.length === 0) return [];
    const rows = await this.ctx
      .db()
      .selectFrom('entities')
      .selectAll()
      .where('id', 'in', (eb) =>
        eb.selectFrom('entity_values').select('entity_id').where('value', '=', normaliseValue(entityId)),
      )
      .where('id', '!=', entityId)
      .$if(opts.schemas !== undefined, (q) => q.where('schema', 'in', opts.schemas as string[]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toEntity);
  }
}
