/** Agencies and user accounts, managed by a node's administrators. */
import { randomUUID } from 'node:crypto';
import { AlianzaError } from '../domain/errors';
import type { Actor, Agency, Locale, Role, User } from '../domain/model';
import { canManageUsers } from '../domain/policy';
import { audit } from './audit';
import type { AppContext } from './context';
import { generatePassword, hashPassword } from './passwords';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  agencyId: string;
  locale: Locale;
  password?: string;
}

/** Creates a user; without a given password one is generated and returned once. */
export async function addUser(ctx: AppContext, actor: (Actor & { email?: string }) | null, input: NewUser): Promise<{ user: User; password: string }> {
  if (actor && !canManageUsers(actor)) throw new AlianzaError('FORBIDDEN');
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new AlianzaError('VALIDATION_FAILED', {}, [{ field: 'email', code: 'VALUE_INVALID_EMAIL' }]);
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const user: User = {
    id: randomUUID(),
    agencyId: input.agencyId,
    email,
    displayName: input.displayName.trim() || email,
    role: input.role,
    locale: input.locale,
    passwordHash,
    totpSecret: null,
    totpEnabled: false,
    failedLogins: 0,
    lockedUntil: null,
    disabled: false,
    createdAt: ctx.clock.now().toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.agencies.get(input.agencyId))) throw new AlianzaError('AGENCY_NOT_FOUND');
    if (await tx.users.getByEmail(email)) throw new AlianzaError('USER_EMAIL_TAKEN');
    await tx.users.create(user);
    await audit(tx, ctx.clock, actor, { action: 'user.create', targetType: 'user', targetId: user.id, detail: { email, role: user.role, agencyId: user.agencyId } });
  });
  return { user, password };
}

export async function editUser(
  ctx: AppContext,
  actor: Actor & { email?: string },
  id: string,
  patch: { role?: Role; disabled?: boolean; displayName?: string; agencyId?: string; unlock?: boolean },
): Promise<User> {
  if (!canManageUsers(actor)) throw new AlianzaError('FORBIDDEN');
  return ctx.store.transaction(async (tx) => {
    const user = await tx.users.get(id);
    if (!user) throw new AlianzaError('USER_NOT_FOUND');
    if (patch.agencyId && !(await tx.agencies.get(patch.agencyId))) throw new AlianzaError('AGENCY_NOT_FOUND');
    if (id === actor.userId && (patch.disabled || (patch.role && patch.role !== 'admin'))) throw new AlianzaError('FORBIDDEN');
    const changes: Partial<User> = {};
    if (patch.role) changes.role = patch.role;
    if (patch.disabled !== undefined) changes.disabled = patch.disabled;
    if (patch.displayName) changes.displayName = patch.displayName.trim();
    if (patch.agencyId) changes.agencyId = patch.agencyId;
    if (patch.unlock) Object.assign(changes, { lockedUntil: null, failedLogins: 0 });
    await tx.users.update(id, changes);
    if (patch.disabled || patch.role || patch.agencyId) await tx.sessions.deleteForUser(id);
    await audit(tx, ctx.clock, actor, { action: 'user.update', targetType: 'user', targetId: id, detail: { ...patch } });
    return { ...user, ...changes };
  });
}

export async function addAgency(ctx: AppContext, actor: (Actor & { email?: string }) | null, input: { code: string; name: string; country: string }): Promise<Agency> {
  if (actor && !canManageUsers(actor)) throw new AlianzaError('FORBIDDEN');
  const agency: Agency = { id: randomUUID(), code: input.code.trim().toUpperCase(), name: input.name.trim(), country: input.country.trim().toUpperCase(), createdAt: ctx.clock.now().toISOString() };
  if (!/^[A-Z]{2}$/.test(agency.country)) throw new AlianzaError('VALIDATION_FAILED', {}, [{ field: 'country', code: 'VALUE_INVALID_COUNTRY' }]);
  await ctx.store.transaction(async (tx) => {
    if (await tx.agencies.getByCode(agency.code)) throw new AlianzaError('AGENCY_CODE_TAKEN');
    await tx.agencies.create(agency);
    await audit(tx, ctx.clock, actor, { action: 'agency.create', targetType: 'agency', targetId: agency.id, detail: { code: agency.code } });
  });
  return agency;
}
