/**
 * A list of exchanged items kept fresh: reloaded every few seconds while the page is
 * visible (items arrive from partners at any time), with the threads that hold a response.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ListResult } from '../../../../src/server/api-types';
import { federationApi } from '../../api';
import { useResource, type Resource } from '../../use-resource';
import type { ItemSummary } from './federation-types';

export const REFRESH_MS = 4000;

/** Calls `tick` every `ms` while the document is visible; returns the current time, updated with each tick. */
export const useTicker = (tick: () => void, ms = REFRESH_MS): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      setNow(Date.now());
      tick();
    }, ms);
    return () => window.clearInterval(timer);
  }, [tick, ms]);
  return now;
};

/**
 * Threads that already hold a response: for received requests, the responses this node sent
 * (liaison officers only may list them); for sent requests, the responses received.
 */
export const useAnsweredThreads = (side: 'sent' | 'received', enabled: boolean, generation: number): Set<string> => {
  const responses: Resource<ListResult<ItemSummary> | null> = useResource(
    (signal) => (!enabled ? Promise.resolve(null) : side === 'sent' ? federationApi.outbox({ type: 'Response', limit: 200 }, signal) : federationApi.inbox({ type: 'Response', limit: 200 }, signal)),
    [side, enabled, generation],
  );
  const items = responses.data?.items;
  return useMemo(() => new Set((items ?? []).map((i) => i.threadId)), [items]);
};
