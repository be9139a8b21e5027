import type { Session } from '../../domain/model';
import type { SessionRow } from '../db-types';
import { guardWrite } from '../db-errors';
import type { SessionRepository } from '../ports';
import type { StoreContext } from '../store-context';

const toSession = (r: SessionRow): Session => ({
  id: r.id,
  userId: r.user_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastSeenAt: r.last_seen_at,
});

export class SqlSessionRepository implements SessionRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(s: Session): Promise<void> {
    await guardWrite('session', s.id, () =>
      this.ctx.write((db) =>
        db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          last_seen_at: s.lastSeenAt,
        })
        .execute()),
    );
  }

  async get(id: string): Promise<Session | undefined> {
    const r = await this.ctx.db().selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toSession(r);
  }

  async touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    // a session deleted meanwhile (logout elsewhere) stays deleted: touching it is a no-op
    await this.ctx
      .db()
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.ctx.db().deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.ctx.db().deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpired(now: string): Promise<number> {
    const res = await this.ctx.db().deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
