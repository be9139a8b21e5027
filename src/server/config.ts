/**
 * Node configuration: parsed once from the environment into a typed, frozen object,
 * validated at boot and passed down. Nothing else reads process.env.
 */
import path from 'node:path';
import { AlianzaError } from '../domain/errors';

export interface Config {
  /** folder holding node.json, secrets/ and (for SQLite) alianza.db */
  dataDir: string;
  host: string;
  port: number;
  /** PostgreSQL URL; when absent the node uses SQLite in dataDir */
  databaseUrl: string | null;
  /** demo mode: default passwords allowed, TOTP optional, plain HTTP on loopback */
  demo: boolean;
  demoPassword: string;
  /** Secure flag on cookies (on unless demo or explicitly off) */
  secureCookies: boolean;
  /** session idle timeout and absolute lifetime */
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  logLevel: string;
  tls: { certFile: string; keyFile: string } | null;
  /** where the built web app lives */
  webDist: string;
  /** maximum request body, bytes */
  bodyLimit: number;
  /** login attempts before a temporary lock, and its length */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** API requests per minute from one address */
  rateLimitPerMinute: number;
  /** the origin browsers use to reach the node (behind a proxy that rewrites Host); null: the Host header */
  publicOrigin: string | null;
}

export { DEMO_PASSWORD_DEFAULT as DEFAULT_DEMO_PASSWORD } from '../demo/agencies';
import { DEMO_PASSWORD_DEFAULT } from '../demo/agencies';

function int(env: NodeJS.ProcessEnv, key: string, dflt: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new AlianzaError('CONFIG_INVALID', { key, value: raw, expected: `${min}..${max}` });
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, key: string, dflt: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new AlianzaError('CONFIG_INVALID', { key, value: raw, expected: 'true|false' });
}

function origin(env: NodeJS.ProcessEnv, key: string): string | null {
  const raw = env[key];
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    return u.origin;
  } catch {
    throw new AlianzaError('CONFIG_INVALID', { key, value: raw, expected: 'https://host[:port]' });
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Readonly<Config> {
  const demo = overrides.demo ?? bool(env, 'ALIANZA_DEMO', false);
  const certFile = env.ALIANZA_TLS_CERT ?? '';
  const keyFile = env.ALIANZA_TLS_KEY ?? '';
  if (!!certFile !== !!keyFile) throw new AlianzaError('CONFIG_INVALID', { key: 'ALIANZA_TLS_CERT/ALIANZA_TLS_KEY', value: 'one of two', expected: 'both or neither' });
  const config: Config = {
    dataDir: path.resolve(env.ALIANZA_DATA ?? 'data/node'),
    host: env.ALIANZA_HOST ?? '127.0.0.1',
    port: int(env, 'ALIANZA_PORT', 8080, 0, 65535),
    databaseUrl: env.DATABASE_URL || null,
    demo,
    demoPassword: env.ALIANZA_DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT,
    secureCookies: bool(env, 'ALIANZA_SECURE_COOKIES', !demo),
    sessionIdleMinutes: int(env, 'ALIANZA_SESSION_IDLE_MINUTES', 60, 5, 24 * 60),
    sessionMaxHours: int(env, 'ALIANZA_SESSION_MAX_HOURS', 12, 1, 24 * 7),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    tls: certFile ? { certFile, keyFile } : null,
    webDist: path.resolve(env.ALIANZA_WEB_DIST ?? path.join(import.meta.dirname, '..', '..', 'web', 'dist')),
    bodyLimit: int(env, 'ALIANZA_BODY_LIMIT', 1024 * 1024, 1024, 64 * 1024 * 1024),
    lockoutThreshold: int(env, 'ALIANZA_LOCKOUT_THRESHOLD', 5, 1, 100),
    lockoutMinutes: int(env, 'ALIANZA_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    rateLimitPerMinute: int(env, 'ALIANZA_RATE_LIMIT', 600, 10, 10_000_000),
    publicOrigin: origin(env, 'ALIANZA_PUBLIC_URL'),
    ...overrides,
  };
  return Object.freeze(config);
}
