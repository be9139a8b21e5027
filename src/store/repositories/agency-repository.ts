import type { Agency } from '../../domain/model';
import type { AgencyRow } from '../db-types';
import { guardWrite } from '../db-errors';
import type { AgencyRepository } from '../ports';
import type { StoreContext } from '../store-context';

const toAgency = (r: AgencyRow): Agency => ({
  id: r.id,
  code: r.code,
  name: r.name,
  country: r.country,
  createdAt: r.created_at,
});

export class SqlAgencyRepository implements AgencyRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(a: Agency): Promise<void> {
    await guardWrite('agency', a.id, () =>
      this.ctx.write((db) =>
        db
        .insertInto('agencies')
        .values({ id: a.id, code: a.code, name: a.name, country: a.country, created_at: a.createdAt })
        .execute()),
    );
  }

  async get(id: string): Promise<Agency | undefined> {
    const r = await this.ctx.db().selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toAgency(r);
  }

  async getByCode(code: string): Promise<Agency | undefined> {
    const r = await this.ctx.db().selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
    return r && toAgency(r);
  }

  async list(): Promise<Agency[]> {
    const rows = await this.ctx.db().selectFrom('agencies').selectAll().orderBy('code').execute();
    return rows.map(toAgency);
  }
}
