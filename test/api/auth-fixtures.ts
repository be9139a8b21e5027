/**
 * A small node for the authentication tests: fresh folder, one agency, an administrator and an
 * analyst, a clock the test moves, and helpers to sign in and to read TOTP codes at that clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import type { DestinationStream } from 'pino';
import type { AppContext, Clock } from '../../src/app/context';
import { addAgency, addUser } from '../../src/app/user-service';
import type { User } from '../../src/domain/model';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { initNodeFiles } from '../../src/server/node-files';
import { openNode } from '../../src/server/open-node';
import type { Store } from '../../src/store/ports';

/** A clock that follows real time shifted by an offset the test moves forward. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  minutes(n: number): void {
    this.advance(n * 60_000);
  }
}

export const ADMIN_EMAIL = 'admin@ca.test';
export const ANALYST_EMAIL = 'analyste@ca.test';
export const ADMIN_PASSWORD = 'Tq7-maple-harbour-lantern';
export const ANALYST_PASSWORD = 'Rv4-granite-orchard-violet';

export interface AuthNode {
  app: FastifyInstance;
  ctx: AppContext;
  store: Store;
  config: Config;
  clock: TestClock;
  dir: string;
  admin: User;
  analyst: User;
  close(): Promise<void>;
}

/** Creates a node in a temporary folder (CA, not demo unless asked) with its two users, and builds its app. */
export async function authNode(opts: { demo?: boolean; env?: Record<string, string>; logStream?: DestinationStream } = {}): Promise<AuthNode> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alianza-auth-'));
  const config = loadConfig({ ALIANZA_DATA: dir, ALIANZA_DEMO: opts.demo ? 'true' : 'false', LOG_LEVEL: 'silent', ALIANZA_PORT: '0', ...opts.env });
  initNodeFiles(dir, { country: 'CA', name: 'Canada – test' });
  const node = await openNode(config);
  const clock = new TestClock();
  node.ctx.clock = clock;
  const agency = await addAgency(node.ctx, null, { code: 'RCMP', name: 'Royal Canadian Mounted Police', country: 'CA' });
  const { user: admin } = await addUser(node.ctx, null, { email: ADMIN_EMAIL, displayName: 'Admin', role: 'admin', agencyId: agency.id, locale: 'en', password: ADMIN_PASSWORD });
  const { user: analyst } = await addUser(node.ctx, null, { email: ANALYST_EMAIL, displayName: 'Analyste', role: 'analyst', agencyId: agency.id, locale: 'fr', password: ANALYST_PASSWORD });
  const app = await buildApp({ config, ctx: node.ctx, ...(opts.logStream ? { logStream: opts.logStream } : {}) });
  await app.ready();
  return {
    app,
    ctx: node.ctx,
    store: node.store,
    config,
    clock,
    dir,
    admin,
    analyst,
    async close() {
      await app.close();
      await node.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let nextAddress = 1;
/** A distinct client address per call site, so that the per-IP login limit of one test does not reach another. */
export function freshIp(): string {
  nextAddress += 1;
  return `10.1.${Math.floor(nextAddress / 250)}.${nextAddress % 250}`;
}

export interface Credentials {
  email: string;
  password: string;
  totp?: string;
}

export function postLogin(app: FastifyInstance, body: Credentials, opts: { ip?: string; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: body, remoteAddress: opts.ip ?? freshIp(), ...(opts.headers ? { headers: opts.headers } : {}) });
}

export interface SignedIn {
  token: string;
  cookie: string;
  csrf: string;
  setCookie: string;
}

export function sessionOf(res: LightMyRequestResponse): SignedIn {
  const header = res.headers['set-cookie'];
  const setCookie = Array.isArray(header) ? header.find((c) => c.startsWith('alianza_session='))! : String(header);
  const cookie = setCookie.split(';')[0]!;
  return { token: cookie.slice('alianza_session='.length), cookie, csrf: (res.json() as { csrfToken: string }).csrfToken, setCookie };
}

export async function signIn(app: FastifyInstance, body: Credentials): Promise<SignedIn> {
  const res = await postLogin(app, body);
  if (res.statusCode !== 200) throw new Error(`sign-in of ${body.email} failed: ${res.statusCode} ${res.body}`);
  return sessionOf(res);
}

export function headersOf(s: SignedIn, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra };
}

/** The TOTP code of `secret` at the node's clock (`offsetSteps` periods later). */
export function codeAt(secret: string, clock: Clock, offsetSteps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + offsetSteps * 30 });
}

/** Enrols TOTP for a signed-in user through the API; returns the secret. */
export async function enrolTotp(node: AuthNode, s: SignedIn): Promise<string> {
  const setup = await node.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: headersOf(s) });
  if (setup.statusCode !== 200) throw new Error(`TOTP setup failed: ${setup.statusCode} ${setup.body}`);
  const { secret } = setup.json() as { secret: string };
  const enable = await node.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: headersOf(s), payload: { code: await codeAt(secret, node.clock) } });
  if (enable.statusCode !== 200) throw new Error(`TOTP enable failed: ${enable.statusCode} ${enable.body}`);
  return secret;
}

export async function auditActions(store: Store, targetId: string): Promise<string[]> {
  const page = await store.audit.list({ targetId, limit: 1000 });
  return page.items.map((e) => e.action).reverse();
}
