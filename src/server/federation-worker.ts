/**
 * The node's federation jobs, in-process (docs/protocol/implementation-notes.md, "Jobs"):
 * deliver the outbox — at once when something is queued, and every `pollMs` for retries
 * that come due —, run inbox handlers that failed, purge payloads whose retention ended
 * (keeping the audited stub), forget old sightings, and finish or prune key rotations.
 * Several processes may run it over one PostgreSQL database: claims are leased.
 */
import { AlianzaError } from '../domain/errors';
import { DEFAULT_RETRY, type RetryPolicy } from '../federation/backoff';
import type { FederationRuntime } from './federation-wiring';

export interface FederationSettings {
  /** Run the jobs in this process (ALIANZA_FEDERATION_WORKER, default on). */
  worker: boolean;
  /** How often due retries are looked for (ALIANZA_FEDERATION_POLL_MS). */
  pollMs: number;
  retry: RetryPolicy;
  /** How long a claimed message stays reserved (ALIANZA_FEDERATION_LEASE_MS): after a crash, its retry waits this long. */
  leaseMs: number;
  purgeEveryMs: number;
  processEveryMs: number;
  keysEveryMs: number;
  forgetEveryMs: number;
}

const HOUR = 3_600_000;

function int(env: NodeJS.ProcessEnv, key: string, dflt: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new AlianzaError('CONFIG_INVALID', { key, value: raw, expected: `${min}..${max}` });
  return n;
}

/** Parsed once at start-up from the environment. */
export function loadFederationSettings(env: NodeJS.ProcessEnv): Readonly<FederationSettings> {
  const worker = env.ALIANZA_FEDERATION_WORKER;
  if (worker !== undefined && worker !== '' && !/^(1|0|true|false|on|off|yes|no)$/i.test(worker)) {
    throw new AlianzaError('CONFIG_INVALID', { key: 'ALIANZA_FEDERATION_WORKER', value: worker, expected: 'true|false' });
  }
  return Object.freeze({
    worker: worker === undefined || worker === '' || /^(1|true|on|yes)$/i.test(worker),
    pollMs: int(env, 'ALIANZA_FEDERATION_POLL_MS', 2_000, 50, 60_000),
    retry: Object.freeze({
      ...DEFAULT_RETRY,
      baseMs: int(env, 'ALIANZA_FEDERATION_RETRY_BASE_MS', DEFAULT_RETRY.baseMs, 10, 600_000),
      capMs: int(env, 'ALIANZA_FEDERATION_RETRY_CAP_MS', DEFAULT_RETRY.capMs, 100, 24 * HOUR),
      maxAttempts: int(env, 'ALIANZA_FEDERATION_RETRY_ATTEMPTS', DEFAULT_RETRY.maxAttempts, 1, 1000),
    }),
    leaseMs: int(env, 'ALIANZA_FEDERATION_LEASE_MS', 60_000, 1_000, HOUR),
    purgeEveryMs: int(env, 'ALIANZA_FEDERATION_PURGE_MS', HOUR, 1_000, 24 * HOUR),
    processEveryMs: 30_000,
    keysEveryMs: HOUR,
    forgetEveryMs: 24 * HOUR,
  });
}

export interface FederationWorker {
  /** Look for due messages now. */
  kick(): void;
  stop(): Promise<void>;
}

type Log = (what: string, err: unknown) => void;

export function startFederationWorker(rt: FederationRuntime, settings: FederationSettings, log: Log = () => undefined): FederationWorker {
  const { federation } = rt;
  let running = true;
  let wake: (() => void) | null = null;
  let kicked = false;
  const kick = (): void => {
    kicked = true;
    wake?.();
  };
  const unsubscribe = rt.onQueued(kick);

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (kicked || !running) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const deliverLoop = (async () => {
    while (running) {
      kicked = false;
      try {
        const report = await federation.outbox.deliverDue();
        if (report.attempted > 0) continue;
      } catch (e) {
        log('federation.deliver', e);
      }
      await sleep(settings.pollMs);
    }
  })();

  const jobs: { every: number; run: () => Promise<unknown>; name: string }[] = [
    { name: 'federation.process', every: settings.processEveryMs, run: () => federation.inbox.processPending() },
    { name: 'federation.purge', every: settings.purgeEveryMs, run: () => federation.inbox.purgeExpired() },
    { name: 'federation.forget', every: settings.forgetEveryMs, run: () => federation.inbox.forgetOldSightings() },
    {
      name: 'federation.keys',
      every: settings.keysEveryMs,
      run: async () => {
        const keys = await rt.keys.load();
        const current = keys.signingKeys.find((k) => k.keyId === keys.activeSigningKeyId);
        const lastDay = current?.notAfter ? Date.parse(current.notAfter) - Date.now() < 24 * HOUR : false;
        await federation.keyRotation.complete({ force: lastDay });
        await federation.keyRotation.prune();
      },
    },
  ];
  const busy = new Set<Promise<unknown>>();
  const runJob = (job: (typeof jobs)[number]): void => {
    if (!running) return;
    const p = job
      .run()
      .catch((e: unknown) => log(job.name, e))
      .finally(() => busy.delete(p));
    busy.add(p);
  };
  const timers = jobs.map((job) => {
    const t = setInterval(() => runJob(job), job.every);
    t.unref();
    return t;
  });
  // retention and pending handlers at start: a node that was down catches up at once
  for (const job of jobs.slice(0, 2)) runJob(job);

  return {
    kick,
    async stop() {
      running = false;
      unsubscribe();
      for (const t of timers) clearInterval(t);
      wake?.();
      await deliverLoop;
      await Promise.all([...busy]);
    },
  };
}
