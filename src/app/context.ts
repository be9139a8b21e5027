/**
 * What the application services need from the outside world, injected once by
 * server/ or cli/: the store, who this node is, and a clock.
 */
import type { Store } from '../store/ports';
import type { CountryCode } from '../domain/model';

export interface NodeIdentity {
  nodeId: string;
  country: CountryCode;
  name: string;
  /** key for stable victim pseudonyms; never leaves the node */
  pseudonymKey: Uint8Array;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppContext {
  store: Store;
  node: NodeIdentity;
  clock: Clock;
  demo: boolean;
  lockoutThreshold: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}
