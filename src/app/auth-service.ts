/**
 * Logging in and out: argon2id passwords, TOTP with replay protection, lockout after
 * repeated failures, and database-backed sessions whose cookie token is stored only as a hash.
 *
 * Every decision that depends on the user's row (failure count, lock, last TOTP time-step) is
 * taken inside a transaction that first appends its audit entry: the append serialises writers
 * (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL), so the row read after it is current
 * and concurrent attempts cannot win extra guesses or replay a code.
 */
import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { AlianzaError } from '../domain/errors';
import type { Actor, Locale, Session, User } from '../domain/model';
import { LOCALES } from '../domain/model';
import type { Repositories } from '../store/ports';
import { audit } from './audit';
import type { AppContext } from './context';
import { hashPassword, needsRehash, verifyPassword } from './passwords';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
  ip?: string;
  /** the token of a session the caller already holds; it is ended so that a login always starts a fresh session */
  previousToken?: string | null;
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

// A hash verified when no real one is, so that timing does not tell which e-mails exist or are locked.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/**
 * Failed attempts on e-mails without a usable account (unknown or disabled), held in memory so
 * that such an e-mail locks after as many failures as a real one: the lockout answer does not
 * tell whether an account exists. Bounded; the oldest entries go first.
 */
class PhantomLocks {
  private readonly entries = new Map<string, { failed: number; lockedUntil: number }>();
  constructor(private readonly max = 10_000) {}

  lockedUntil(email: string, now: number): number | undefined {
    const e = this.entries.get(email);
    return e && e.lockedUntil > now ? e.lockedUntil : undefined;
  }

  /** Counts a failure; true when it locks the e-mail. */
  fail(email: string, now: number, threshold: number, minutes: number): boolean {
    const e = this.entries.get(email) ?? { failed: 0, lockedUntil: 0 };
    this.entries.delete(email);
    e.failed += 1;
    const lock = e.failed >= threshold;
    if (lock) {
      e.failed = 0;
      e.lockedUntil = now + minutes * 60_000;
    }
    this.entries.set(email, e);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return lock;
  }
}
const phantoms = new WeakMap<AppContext, PhantomLocks>();
function phantomLocks(ctx: AppContext): PhantomLocks {
  let p = phantoms.get(ctx);
  if (!p) phantoms.set(ctx, (p = new PhantomLocks()));
  return p;
}

const isLocked = (user: User, now: Date) => !!user.lockedUntil && new Date(user.lockedUntil) > now;

/** The settings key holding the last TOTP time-step accepted for a user (a code is good once). */
export const totpStepKey = (userId: string) => `auth.totp.lastStep:${userId}`;

async function lastTotpStep(repos: Pick<Repositories, 'settings'>, userId: string): Promise<number | undefined> {
  const v = await repos.settings.get(totpStepKey(userId));
  return v === undefined ? undefined : Number(v);
}

/** The time-step a code matches (now ± one period), or null; steps at or before `after` are refused. */
async function matchTotp(ctx: AppContext, secret: string, code: string, after?: number): Promise<number | null> {
  const token = code.trim();
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const r = await verifyTotp({
      secret,
      token,
      epoch: Math.floor(ctx.clock.now().getTime() / 1000),
      epochTolerance: 30,
      ...(after !== undefined ? { afterTimeStep: after } : {}),
    });
    return r.valid ? (r as { timeStep: number }).timeStep : null;
  } catch {
    return null;
  }
}

function lockedError(until: string | number): AlianzaError {
  return new AlianzaError('AUTH_LOCKED', { until: new Date(until).toISOString() });
}

export async function login(ctx: AppContext, input: LoginInput): Promise<LoginOutcome> {
  const { store, clock } = ctx;
  const email = input.email.trim().toLowerCase();
  const user = await store.users.getByEmail(email);
  const now = clock.now();
  const ip = input.ip;

  if (!user || user.disabled) {
    await verifyPassword(await dummy(), input.password);
    const reason = user ? 'disabled' : 'unknown';
    const phantom = phantomLocks(ctx);
    const until = phantom.lockedUntil(email, now.getTime());
    if (until) {
      await audit(store, clock, null, { action: 'auth.login.locked', targetType: 'user', targetId: user?.id ?? null, detail: { email, reason, ip } });
      throw lockedError(until);
    }
    const locked = phantom.fail(email, now.getTime(), ctx.lockoutThreshold, ctx.lockoutMinutes);
    await store.transaction(async (tx) => {
      await audit(tx, clock, null, { action: 'auth.login.failed', targetType: 'user', targetId: user?.id ?? null, detail: { email, reason, ip } });
      if (locked) await audit(tx, clock, null, { action: 'auth.lockout', targetType: 'user', targetId: user?.id ?? null, detail: { email, reason, ip } });
    });
    throw new AlianzaError('AUTH_INVALID_CREDENTIALS');
  }

  if (isLocked(user, now)) {
    await verifyPassword(await dummy(), input.password);
    await audit(store, clock, null, { action: 'auth.login.locked', targetType: 'user', targetId: user.id, detail: { email, ip } });
    throw lockedError(user.lockedUntil!);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await registerFailure(ctx, user.id, 'password', ip);
    throw new AlianzaError('AUTH_INVALID_CREDENTIALS');
  }
  let totpStep: number | null = null;
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) throw new AlianzaError('AUTH_TOTP_REQUIRED');
    totpStep = await matchTotp(ctx, user.totpSecret, input.totp, await lastTotpStep(store, user.id));
    if (totpStep === null) {
      await registerFailure(ctx, user.id, 'totp', ip);
      throw new AlianzaError('AUTH_TOTP_INVALID');
    }
  }

  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(input.password) : undefined;
  const token = randomBytes(32).toString('base64url');
  const session: Session = {
    id: hashToken(token),
    userId: user.id,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + Math.min(ctx.sessionIdleMinutes * 60_000, ctx.sessionMaxHours * 3_600_000)).toISOString(),
  };
  // Refused inside the transaction (so rolled back), audited after it.
  let refusal: { error: AlianzaError; action: string; reason: string } | undefined;
  try {
    await store.transaction(async (tx) => {
      await audit(tx, clock, actorOf(user), { action: 'auth.login', targetType: 'user', targetId: user.id, detail: { ip } });
      const fresh = await tx.users.get(user.id);
      if (!fresh || fresh.disabled) {
        refusal = { error: new AlianzaError('AUTH_INVALID_CREDENTIALS'), action: 'auth.login.failed', reason: 'disabled' };
      } else if (isLocked(fresh, now)) {
        refusal = { error: lockedError(fresh.lockedUntil!), action: 'auth.login.locked', reason: 'locked' };
      } else if (totpStep !== null && totpStep <= ((await lastTotpStep(tx, user.id)) ?? -1)) {
        refusal = { error: new AlianzaError('AUTH_TOTP_INVALID'), action: 'auth.login.failed', reason: 'totp-replay' };
      }
      if (refusal) throw refusal.error;
      if (input.previousToken) await tx.sessions.delete(hashToken(input.previousToken));
      await tx.sessions.create(session);
      await tx.users.update(user.id, { failedLogins: 0, lockedUntil: null, ...(rehashed ? { passwordHash: rehashed } : {}) });
      if (totpStep !== null) await tx.settings.set(totpStepKey(user.id), String(totpStep));
    });
  } catch (e) {
    if (!refusal || e !== refusal.error) throw e;
    await audit(store, clock, null, { action: refusal.action, targetType: 'user', targetId: user.id, detail: { email, reason: refusal.reason, ip } });
    throw e;
  }
  return { user, token, session, totpEnrolmentRequired: !ctx.demo && !user.totpEnabled };
}

/** Counts a failed attempt on the current row and locks the account at the threshold; both are audited. */
async function registerFailure(ctx: AppContext, userId: string, reason: string, ip?: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const before = await tx.users.get(userId);
    await audit(tx, ctx.clock, null, { action: 'auth.login.failed', targetType: 'user', targetId: userId, detail: { email: before?.email, reason, ip } });
    const user = await tx.users.get(userId); // read again now that the audit append holds the write lock
    if (!user) return;
    const failed = user.failedLogins + 1;
    const lock = failed >= ctx.lockoutThreshold;
    const lockedUntil = lock ? new Date(ctx.clock.now().getTime() + ctx.lockoutMinutes * 60_000).toISOString() : user.lockedUntil;
    await tx.users.update(userId, { failedLogins: lock ? 0 : failed, lockedUntil });
    if (lock) {
      await audit(tx, ctx.clock, null, { action: 'auth.lockout', targetType: 'user', targetId: userId, detail: { email: user.email, reason, ip, until: lockedUntil } });
    }
  });
}

/** Looks a session up by the cookie's token, sliding its idle expiry; undefined when absent, expired or its user disabled. */
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

/** Turns TOTP on once the user proves their device holds the secret; that code cannot then be used to sign in. */
export async function confirmTotpEnrolment(ctx: AppContext, user: User, code: string): Promise<User> {
  const fresh = await ctx.store.users.get(user.id);
  if (!fresh?.totpSecret) throw new AlianzaError('AUTH_TOTP_NOT_STARTED');
  const secret = fresh.totpSecret;
  const step = await matchTotp(ctx, secret, code, await lastTotpStep(ctx.store, user.id));
  if (step === null) {
    await audit(ctx.store, ctx.clock, actorOf(user), { action: 'auth.totp.failed', targetType: 'user', targetId: user.id });
    throw new AlianzaError('AUTH_TOTP_INVALID');
  }
  await ctx.store.transaction(async (tx) => {
    await audit(tx, ctx.clock, actorOf(user), { action: 'auth.totp.enabled', targetType: 'user', targetId: user.id });
    const current = await tx.users.get(user.id);
    if (current?.totpSecret !== secret) throw new AlianzaError('AUTH_TOTP_NOT_STARTED');
    if (step <= ((await lastTotpStep(tx, user.id)) ?? -1)) throw new AlianzaError('AUTH_TOTP_INVALID');
    await tx.users.update(user.id, { totpEnabled: true });
    await tx.settings.set(totpStepKey(user.id), String(step));
  });
  return { ...fresh, totpEnabled: true };
}
