/**
 * Test nodes: a demo-seeded node in a temporary folder, either in-process (for app.inject)
 * or listening on a free loopback port (for browsers and federation tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { prepareDemo } from '../../src/cli/demo-command';
import { loadConfig, type Config } from '../../src/server/config';
import { buildApp } from '../../src/server/app';
import { openNode, type OpenNode } from '../../src/server/open-node';
import type { DemoCountry } from '../../src/demo/places';

export const DEMO_PASSWORD = 'alianza-demo';

export interface TestNode extends OpenNode {
  app: FastifyInstance;
  config: Config;
  dir: string;
  url: string | null;
  close(): Promise<void>;
}

const prepared = new Map<string, string>();

/** Seeds (once per process and scale) and opens a demo node; `listen` binds a free port on 127.0.0.1. */
export async function demoNode(country: DemoCountry = 'MX', opts: { scale?: number; listen?: boolean; fresh?: boolean } = {}): Promise<TestNode> {
  const scale = opts.scale ?? 0.2;
  const key = `${country}:${scale}`;
  let base = opts.fresh ? undefined : prepared.get(key);
  if (!base) {
    base = mkdtempSync(path.join(os.tmpdir(), `alianza-${country.toLowerCase()}-`));
    await prepareDemo({ baseDir: base, scale, seed: 2026, reset: false, countries: [country], quiet: true }, { ...process.env, ALIANZA_DEMO_PASSWORD: DEMO_PASSWORD });
    if (!opts.fresh) prepared.set(key, base);
  }
  const dir = path.join(base, country.toLowerCase());
  // a test may serve its own copy of the built web app (ALIANZA_WEB_DIST), safe from a rebuild running meanwhile
  const webDist = process.env.ALIANZA_WEB_DIST ? { ALIANZA_WEB_DIST: process.env.ALIANZA_WEB_DIST } : {};
  const config = loadConfig({ ALIANZA_DATA: dir, ALIANZA_DEMO: 'true', ALIANZA_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'silent', ALIANZA_PORT: '0', ...webDist });
  const node = await openNode(config);
  const app = await buildApp({ config, ctx: node.ctx });
  let url: string | null = null;
  if (opts.listen) url = await app.listen({ host: '127.0.0.1', port: 0 });
  else await app.ready();
  return {
    ...node,
    app,
    config,
    dir,
    url,
    async close() {
      await app.close();
      await node.store.close();
      if (opts.fresh) rmSync(base!, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in through the API and returns the cookie and CSRF token. */
export async function signIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
  return { cookie: raw.split(';')[0]!, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

export function as(s: Session, extra: Record<string, string> = {}) {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra };
}
