/**
 * Logging in and out: argon2id passwords, TOTP, lockout after repeated failures, and
 * database-backed sessions whose cookie token is stored only as a hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { AlianzaError } from '../domain/errors';
import type { Actor, Locale, Session, User } from '../domain/model';
import { LOCALES } from '../domain/model';
import { audit } from './audit';
import type { AppContext } from './context';
import { hashPassword, verifyPassword } from './passwords';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
  ip?: string;
}

export interface LoginOutcome {
  user: User;
  /** raw token for the cookie; only its hash is stored */
  token: string;
  session: Session;
  totpEnrolmentRequired: boolean;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function actorOf(user: User): Actor & { email: string } {
  return { userId: user.id, agencyId: user.agencyId, role: user.role, locale: user.locale, displayName: user.displayName, email: user.email };
}

// A hash verified when the e-mail is unknown, so that timing does not tell which e-mails exist.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export async function login(ctx: AppContext, input: LoginInput): Promise<LoginOutcome> {
  const { store, clock } = ctx;
  const email = input.email.trim().toLowerCase();
  const user = await store.users.getByEmail(email);
  const now = clock.now();
  if (!user || user.disabled) {
    await verifyPassword(await dummy(), input.password);
    await audit(store, clock, null, { action: 'auth.login.failed', targetType: 'user', detail: { email, reason: user ? 'disabled' : 'unknown', ip: input.ip } });
    throw new AlianzaError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    await audit(store, clock, null, { action: 'auth.login.locked', targetType: 'user', targetId: user.id, detail: { email, ip: input.ip } });
    throw new AlianzaError('AUTH_LOCKED', { until: user.lockedUntil });
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk) {
    await registerFailure(ctx, user, 'password', input.ip);
    throw new AlianzaError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) throw new AlianzaError('AUTH_TOTP_REQUIRED');
    const ok = await checkTotp(user.totpSecret, input.totp);
    if (!ok) {
      await registerFailure(ctx, user, 'totp', input.ip);
      throw new AlianzaError('AUTH_TOTP_INVALID');
    }
  }
  const token = randomBytes(32).toString('base64url');
  const session: Session = {
    id: hashToken(token),
    userId: user.id,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.sessionIdleMinutes * 60_000).toISOString(),
  };
  await store.transaction(async (tx) => {
    await tx.sessions.create(session);
    await tx.users.update(user.id, { failedLogins: 0, lockedUntil: null });
    await audit(tx, clock, actorOf(user), { action: 'auth.login', targetType: 'user', targetId: user.id, detail: { ip: input.ip } });
  });
  return { user, token, session, totpEnrolmentRequired: !ctx.demo && !user.totpEnabled };
}

async function registerFailure(ctx: AppContext, user: User, reason: string, ip?: string): Promise<void> {
  const failed = user.failedLogins + 1;
  const lock = failed >= ctx.lockoutThreshold;
  const lockedUntil = lock ? new Date(ctx.clock.now().getTime() + ctx.lockoutMinutes * 60_000).toISOString() : null;
  await ctx.store.transaction(async (tx) => {
    await tx.users.update(user.id, { failedLogins: lock ? 0 : failed, lockedUntil });
    await audit(tx, ctx.clock, null, {
      action: lock ? 'auth.lockout' : 'auth.login.failed',
      targetType: 'user',
      targetId: user.id,
      detail: { email: user.email, reason, ip },
    });
  });
}

async function checkTotp(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code.trim())) return false;
  try {
    const r = await verifyTotp({ secret, token: code.trim(), epochTolerance: 30 });
    return r.valid;
  } catch {
    return false;
  }
}

/** Looks a session up by the cookie's token, sliding its idle expiry; undefined when absent or expired. */
export async function resumeSession(ctx: AppContext, token: string): Promise<{ session: Session; user: User } | undefined> {
  const id = hashToken(token);
  const session = await ctx.store.sessions.get(id);
  if (!session) return undefined;
  const now = ctx.clock.now();
  const absoluteEnd = new Date(session.createdAt).getTime() + ctx.sessionMaxHours * 3_600_000;
  if (new Date(session.expiresAt) <= now || absoluteEnd <= now.getTime()) {
    await ctx.store.sessions.delete(id);
    return undefined;
  }
  const user = await ctx.store.users.get(session.userId);
  if (!user || user.disabled) {
    await ctx.store.sessions.delete(id);
    return undefined;
  }
  // slide the idle window at most once a minute, to keep reads cheap
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) {
    const expiresAt = new Date(Math.min(now.getTime() + ctx.sessionIdleMinutes * 60_000, absoluteEnd)).toISOString();
    await ctx.store.sessions.touch(id, now.toISOString(), expiresAt);
    session.lastSeenAt = now.toISOString();
    session.expiresAt = expiresAt;
  }
  return { session, user };
}

export async function logout(ctx: AppContext, token: string, user: User): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    await tx.sessions.delete(hashToken(token));
    await audit(tx, ctx.clock, actorOf(user), { action: 'auth.logout', targetType: 'user', targetId: user.id });
  });
}

export async function setLocale(ctx: AppContext, user: User, locale: string): Promise<User> {
  if (!(LOCALES as readonly string[]).includes(locale)) throw new AlianzaError('VALIDATION_FAILED', {}, [{ field: 'locale', code: 'VALUE_INVALID_LOCALE' }]);
  await ctx.store.users.update(user.id, { locale: locale as Locale });
  return { ...user, locale: locale as Locale };
}

export async function beginTotpEnrolment(ctx: AppContext, user: User): Promise<{ secret: string; otpauthUrl: string }> {
  const secret = generateSecret();
  await ctx.store.transaction(async (tx) => {
    await tx.users.update(user.id, { totpSecret: secret, totpEnabled: false });
    await audit(tx, ctx.clock, actorOf(user), { action: 'auth.totp.setup', targetType: 'user', targetId: user.id });
  });
  const otpauthUrl = generateURI({ issuer: `Alianza ${ctx.node.country}`, label: user.email, secret });
  return { secret, otpauthUrl };
}

export async function confirmTotpEnrolment(ctx: AppContext, user: User, code: string): Promise<User> {
  const fresh = await ctx.store.users.get(user.id);
  if (!fresh?.totpSecret) throw new AlianzaError('AUTH_TOTP_NOT_STARTED');
  if (!(await checkTotp(fresh.totpSecret, code))) throw new AlianzaError('AUTH_TOTP_INVALID');
  await ctx.store.transaction(async (tx) => {
    await tx.users.update(user.id, { totpEnabled: true });
    await audit(tx, ctx.clock, actorOf(user), { action: 'auth.totp.enabled', targetType: 'user', targetId: user.id });
  });
  return { ...fresh, totpEnabled: true };
}
