import type { Locale, Role, User } from '../../domain/model';
import type { UserRow } from '../db-types';
import { guardWrite, notFound } from '../db-errors';
import type { UserRepository } from '../ports';
import type { StoreContext } from '../store-context';

const toUser = (r: UserRow): User => ({
  id: r.id,
  agencyId: r.agency_id,
  email: r.email,
  displayName: r.display_name,
  role: r.role as Role,
  locale: r.locale as Locale,
  passwordHash: r.password_hash,
  totpSecret: r.totp_secret,
  totpEnabled: r.totp_enabled === 1,
  failedLogins: r.failed_logins,
  lockedUntil: r.locked_until,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
});

/** Emails are compared in lower case, whatever the caller passes. */
const normaliseEmail = (email: string): string => email.trim().toLowerCase();

type UserPatch = Partial<Omit<User, 'id' | 'createdAt'>>;

function patchColumns(p: UserPatch): Partial<UserRow> {
  const cols: Partial<UserRow> = {};
  if (p.agencyId !== undefined) cols.agency_id = p.agencyId;
  if (p.email !== undefined) cols.email = normaliseEmail(p.email);
  if (p.displayName !== undefined) cols.display_name = p.displayName;
  if (p.role !== undefined) cols.role = p.role;
  if (p.locale !== undefined) cols.locale = p.locale;
  if (p.passwordHash !== undefined) cols.password_hash = p.passwordHash;
  if (p.totpSecret !== undefined) cols.totp_secret = p.totpSecret;
  if (p.totpEnabled !== undefined) cols.totp_enabled = p.totpEnabled ? 1 : 0;
  if (p.failedLogins !== undefined) cols.failed_logins = p.failedLogins;
  if (p.lockedUntil !== undefined) cols.locked_until = p.lockedUntil;
  if (p.disabled !== undefined) cols.disabled = p.disabled ? 1 : 0;
  return cols;
}

export class SqlUserRepository implements UserRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(u: User): Promise<void> {
    await guardWrite('user', u.id, () =>
      this.ctx.write((db) =>
        db
        .insertInto('users')
        .values({
          id: u.id,
          agency_id: u.agencyId,
          email: normaliseEmail(u.email),
          display_name: u.displayName,
          role: u.role,
          locale: u.locale,
          password_hash: u.passwordHash,
          totp_secret: u.totpSecret,
          totp_enabled: u.totpEnabled ? 1 : 0,
          failed_logins: u.failedLogins,
          locked_until: u.lockedUntil,
          disabled: u.disabled ? 1 : 0,
          created_at: u.createdAt,
        })
        .execute()),
    );
  }

  async get(id: string): Promise<User | undefined> {
    const r = await this.ctx.db().selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toUser(r);
  }

  async getByEmail(email: string): Promise<User | undefined> {
    const r = await this.ctx
      .db()
      .selectFrom('users')
      .selectAll()
      .where('email', '=', normaliseEmail(email))
      .executeTakeFirst();
    return r && toUser(r);
  }

  async list(filter: { agencyId?: string } = {}): Promise<User[]> {
    const rows = await this.ctx
      .db()
      .selectFrom('users')
      .selectAll()
      .$if(filter.agencyId !== undefined, (q) => q.where('agency_id', '=', filter.agencyId as string))
      .orderBy('email')
      .execute();
    return rows.map(toUser);
  }

  async update(id: string, patch: UserPatch): Promise<void> {
    const cols = patchColumns(patch);
    if (Object.keys(cols).length === 0) {
      if (!(await this.get(id))) throw notFound('user', id);
      return;
    }
    const res = await guardWrite('user', id, () =>
      this.ctx.write((db) =>
        db.updateTable('users').set(cols).where('id', '=', id).executeTakeFirst()),
    );
    if (Number(res.numUpdatedRows) === 0) throw notFound('user', id);
  }
}
