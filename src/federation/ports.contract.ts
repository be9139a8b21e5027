/**
 * The contract every implementation of the federation ports must meet. memory.test.ts runs
 * it on the in-memory stores; the store adapters (SQLite, PostgreSQL) run the same suite:
 *
 *   describeMessageRepositoryContract('sqlite', async () => makeSqliteFederationStores());
 */
import { describe, expect, it } from 'vitest';
import type { Message } from './envelope';
import type { Sighting } from './open';
import type { InboxRecord, MessageRepository, OutboxRecord, PeerRepository } from './ports';
import type { PeerRecord } from './peers';

const T0 = '2026-06-11T12:00:00.000Z';
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();
let counter = 0;
const uuid = (): string => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

const message = (id: string, to = 'ca'): Message => ({
  id,
  type: 'Alert',
  schemaVersion: 1,
  from: { node: 'mx', country: 'MX' },
  to: { node: to, country: 'CA' },
  created: T0,
  originator: { node: 'mx', itemId: id },
  handling: { tlp: 'AMBER', purpose: 'investigation', retentionDays: 30, originatorConsentRequiredToForward: true },
  audience: { agencies: ['RCMP'], persons: [] },
  consentGrant: null,
  payload: { title: 't', summary: 's', caseReference: null, entities: [], identityBasis: null },
});

const outboxRecord = (id = uuid(), nextAttemptAt: string | null = T0): OutboxRecord => ({
  id,
  type: 'Alert',
  to: 'ca',
  message: message(id),
  contentDigest: 'a'.repeat(64),
  status: 'queued',
  attempts: 0,
  createdAt: T0,
  firstAttemptAt: null,
  lastAttemptAt: null,
  nextAttemptAt,
  lastError: null,
  deliveredAt: null,
  readAt: null,
});

const inboxRecord = (id = uuid(), expiresAt = at(3600)): InboxRecord => ({
  envelopeId: id,
  type: 'Alert',
  from: { node: 'mx', country: 'MX' },
  originator: { node: 'mx', itemId: id },
  handling: { tlp: 'GREEN', purpose: 'investigation', retentionDays: 1, originatorConsentRequiredToForward: false },
  audience: { agencies: [], persons: [] },
  consentGrant: null,
  created: T0,
  receivedAt: T0,
  expiresAt,
  contentDigest: 'b'.repeat(64),
  payload: { title: 'Secret' },
  evidence: null,
  status: 'received',
  handlerAttempts: 0,
  lastError: null,
  readAt: null,
  purgedAt: null,
});

const sighting = (id: string, acceptedAt = T0): Sighting => ({ envelopeId: id, from: 'mx', contentDigest: 'b'.repeat(64), signatureDigests: ['s1'], acceptedAt });

export function describeMessageRepositoryContract(name: string, make: () => Promise<MessageRepository>): void {
  describe(`MessageRepository contract: ${name}`, () => {
    it('outbox: claims each due record once while its lease runs', async () => {
      const { outbox } = await make();
      const late = outboxRecord(uuid(), at(10));
      const early = outboxRecord(uuid(), at(5));
      const notDue = outboxRecord(uuid(), at(100));
      for (const r of [late, early, notDue]) await outbox.add(r);
      const [a, b] = await Promise.all([outbox.claimDue(at(20), at(80), 10), outbox.claimDue(at(20), at(80), 10)]);
      const claimed = [...a, ...b].map((r) => r.id);
      expect(claimed.sort()).toEqual([early.id, late.id].sort()); // each once, by one of the two
      expect(await outbox.claimDue(at(50), at(110), 10)).toEqual([]);
      expect((await outbox.claimDue(at(100), at(160), 10)).map((r) => r.id).sort()).toEqual([early.id, late.id, notDue.id].sort());
    });

    it('outbox: claims the oldest due first', async () => {
      const { outbox } = await make();
      const late = outboxRecord(uuid(), at(10));
      const early = outboxRecord(uuid(), at(5));
      await outbox.add(late);
      await outbox.add(early);
      expect((await outbox.claimDue(at(20), at(80), 1)).map((r) => r.id)).toEqual([early.id]);
      expect((await outbox.claimDue(at(20), at(80), 1)).map((r) => r.id)).toEqual([late.id]);
    });

    it('outbox: status only moves forward, and the plaintext is dropped once delivered', async () => {
      const { outbox } = await make();
      const r = outboxRecord();
      await outbox.add(r);
      expect(await outbox.markAttempt(r.id, { attempts: 1, firstAttemptAt: T0, lastAttemptAt: T0, nextAttemptAt: at(2), lastError: 'FED_UNAVAILABLE' })).toBe(true);
      expect(await outbox.countPending()).toBe(1);
      expect(await outbox.markRead(r.id, at(5))).toBe(true);
      expect(await outbox.markDelivered(r.id, at(6))).toBe(false);
      expect(await outbox.markAttempt(r.id, { attempts: 2, firstAttemptAt: T0, lastAttemptAt: T0, nextAttemptAt: at(2), lastError: null })).toBe(false);
      expect(await outbox.markFailed(r.id, { error: 'FED_MALFORMED', at: at(7), attempts: 2, keepMessage: true })).toBe(false);
      const stored = await outbox.get(r.id);
      expect(stored).toMatchObject({ status: 'read', readAt: at(5), message: null, nextAttemptAt: null });
      expect(await outbox.countPending()).toBe(0);
      expect(await outbox.list({ status: ['read'] })).toHaveLength(1);
    });

    it('outbox: a failed record keeps its message and can be queued again', async () => {
      const { outbox } = await make();
      const r = outboxRecord();
      await outbox.add(r);
      expect(await outbox.markFailed(r.id, { error: 'FED_UNAVAILABLE', at: at(1), attempts: 3, keepMessage: true })).toBe(true);
      expect(await outbox.get(r.id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'FED_UNAVAILABLE' });
      expect(await outbox.requeue(r.id, at(9))).toBe(true);
      expect(await outbox.get(r.id)).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: at(9) });
      expect((await outbox.get(r.id))?.message).toEqual(r.message);
    });

    it('outbox: returns copies, not live objects', async () => {
      const { outbox } = await make();
      const r = outboxRecord();
      await outbox.add(r);
      const got = (await outbox.get(r.id))!;
      got.status = 'read';
      r.status = 'failed';
      expect((await outbox.get(r.id))?.status).toBe('queued');
    });

    it('inbox: saveNew stores a message and its sighting once, whatever the concurrency', async () => {
      const { inbox } = await make();
      const id = uuid();
      const results = await Promise.all([1, 2, 3].map(() => inbox.saveNew(inboxRecord(id), sighting(id))));
      expect(results.filter((r) => r === 'stored')).toHaveLength(1);
      expect(await inbox.get(id)).toMatchObject({ envelopeId: id, status: 'received' });
      await inbox.addSignature(id, 's2');
      await inbox.addSignature(id, 's2');
      expect((await inbox.sighting(id))?.signatureDigests).toEqual(['s1', 's2']);
    });

    it('inbox: processing, reading, purging to a stub, forgetting old sightings', async () => {
      const { inbox } = await make();
      const id = uuid();
      await inbox.saveNew(inboxRecord(id, at(60)), sighting(id));
      expect((await inbox.listUnprocessed(10)).map((r) => r.envelopeId)).toEqual([id]);
      await inbox.markHandlerFailed(id, 'boom');
      expect(await inbox.get(id)).toMatchObject({ status: 'received', handlerAttempts: 1, lastError: 'boom' });
      await inbox.markProcessed(id, at(1));
      expect(await inbox.listUnprocessed(10)).toEqual([]);
      expect(await inbox.markRead(id, at(2))).toBe(true);
      expect(await inbox.markRead(id, at(3))).toBe(false);
      expect(await inbox.listExpired(at(59), 10)).toEqual([]);
      expect((await inbox.listExpired(at(60), 10)).map((r) => r.envelopeId)).toEqual([id]);
      await inbox.purge(id, at(61));
      expect(await inbox.get(id)).toMatchObject({ payload: null, evidence: null, purgedAt: at(61), contentDigest: 'b'.repeat(64), readAt: at(2) });
      expect(await inbox.listExpired(at(70), 10)).toEqual([]);
      expect(await inbox.forgetSightingsBefore(at(1))).toBe(1);
      expect(await inbox.sighting(id)).toBeUndefined();
      expect(await inbox.saveNew(inboxRecord(id), sighting(id))).toBe('exists');
    });

    it('receipts: idempotent per envelope, status and signer', async () => {
      const { receipts } = await make();
      const r = { envelopeId: uuid(), status: 'delivered' as const, from: 'ca', at: T0, contentDigest: 'c'.repeat(64), evidence: '{}', receivedAt: T0 };
      await receipts.add(r);
      await receipts.add(r);
      await receipts.add({ ...r, status: 'read' });
      expect((await receipts.listFor(r.envelopeId)).map((x) => x.status).sort()).toEqual(['delivered', 'read']);
    });

    it('consents: added once, decided once', async () => {
      const { consents } = await make();
      const record = {
        requestId: uuid(),
        direction: 'incoming' as const,
        itemId: uuid(),
        originator: 'mx',
        forwarder: 'ca',
        forwardTo: { node: 'us', country: 'US' },
        proposedHandling: { tlp: 'AMBER' as const, purpose: 'investigation', retentionDays: 30, originatorConsentRequiredToForward: true },
        proposedAudience: { agencies: ['HSI'], persons: [] },
        reason: 'r',
        status: 'pending' as const,
        createdAt: T0,
        decidedAt: null,
        decisionReason: null,
        grant: null,
        heldEnvelopeId: null,
      };
      expect(await consents.add(record)).toBe(true);
      expect(await consents.add(record)).toBe(false);
      expect(await consents.decide(record.requestId, { status: 'refused', decidedAt: at(1), reason: 'no', grant: null })).toBe(true);
      expect(await consents.decide(record.requestId, { status: 'granted', decidedAt: at(2), reason: 'yes', grant: null })).toBe(false);
      expect(await consents.list({ direction: 'incoming', status: 'refused' })).toHaveLength(1);
      expect(await consents.list({ status: 'pending' })).toHaveLength(0);
    });
  });
}

export function describePeerRepositoryContract(name: string, make: () => Promise<PeerRepository>): void {
  describe(`PeerRepository contract: ${name}`, () => {
    it('stores, replaces and lists peers with their keys', async () => {
      const peers = await make();
      const peer: PeerRecord = {
        node: 'ca',
        country: 'CA',
        url: 'https://ca.example',
        signingKeys: [{ keyId: 'a'.repeat(32), publicKey: 'k', notBefore: T0, notAfter: null, revokedAt: null }],
        encryptionKey: { keyId: 'b'.repeat(32), publicKey: 'e' },
        supportedVersions: [1],
      };
      await peers.put(peer);
      await peers.put({ ...peer, signingKeys: [...peer.signingKeys, { ...peer.signingKeys[0]!, keyId: 'c'.repeat(32), notAfter: at(10) }] });
      expect((await peers.get('ca'))?.signingKeys.map((k) => k.keyId)).toEqual(['a'.repeat(32), 'c'.repeat(32)]);
      expect((await peers.list()).map((p) => p.node)).toEqual(['ca']);
      expect(await peers.get('us')).toBeUndefined();
    });
  });
}
