/**
 * The web app's federation shapes against the server's: what the server answers must fit
 * what the app reads, and what the app sends must fit what the server accepts. The checks
 * run when the project is type-checked (`tsc --noEmit`); the test itself only runs them.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type * as server from '../../../../src/app/federation-service';
import type * as views from '../../../../src/app/federation-views';
import type * as peers from '../../../../src/app/federation-peers';
import type * as compose from '../../../../src/app/federation-compose';
import type * as web from './federation-types';

describe('federation shapes', () => {
  it('answers of the server fit the app', () => {
    expectTypeOf<views.ItemSummary>().toExtend<web.ItemSummary>();
    expectTypeOf<views.ItemDetail>().toExtend<web.ItemDetail>();
    expectTypeOf<Omit<views.ItemDetail, 'title' | 'payload'>>().toExtend<web.LedgerEntry>();
    expectTypeOf<Awaited<ReturnType<typeof server.readThread>>>().toExtend<web.Thread>();
    expectTypeOf<server.ConsentView>().toExtend<web.ConsentView>();
    expectTypeOf<server.ForwardOutcome>().toExtend<web.ForwardOutcome>();
    expectTypeOf<peers.PeerView>().toExtend<web.PeerView>();
    expectTypeOf<peers.OwnKeysView>().toExtend<Omit<web.NodeIdentity, 'outbox' | 'pendingConsents' | 'peers'>>();
    expectTypeOf<Awaited<ReturnType<typeof compose.shareableEntities>>>().toExtend<web.Shareable>();
  });

  it('requests of the app fit the server', () => {
    expectTypeOf<web.SendRequest>().toExtend<server.SendInput>();
    expectTypeOf<web.ForwardRequest>().toExtend<Parameters<typeof server.forwardItem>[4]>();
  });
});
