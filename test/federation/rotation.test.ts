import { describe, expect, it } from 'vitest';
import type { Handling } from '../../src/domain/model';
import { iso } from '../../src/federation/bytes';
import { DAY_MS } from '../../src/federation/constants';
import { parseEnvelope, serializeEnvelope } from '../../src/federation/envelope';
import { makeMessage, sampleAlertPayload } from '../../src/federation/fixtures';
import { activeSigningKey, type OwnSigningKey } from '../../src/federation/peers';
import { sealEnvelope } from '../../src/federation/seal';
import { createCluster, type ClusterNode } from './cluster';

const START = Date.parse('2026-06-11T12:00:00.000Z');
const HANDLING: Handling = { tlp: 'GREEN', purpose: 'investigation', retentionDays: 90, originatorConsentRequiredToForward: false };
const AUDIENCE = { agencies: [], persons: [] };
const admin = { actorId: 'admin-1', actorLabel: 'admin@mx.demo' };

const shareMany = async (from: ClusterNode, to: string, n: number, label: string): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await from.federation.sharing.share({ to, type: 'Alert', payload: sampleAlertPayload(`${label} ${i}`), handling: HANDLING, audience: AUDIENCE, actor: admin });
    ids.push(r.id);
  }
  return ids;
};

describe('key rotation with an overlap', () => {
  it('verifies messages signed before and after the rotation, loses none, and retires the old key after the overlap', async () => {
    const cluster = await createCluster({
      seed: 99,
      start: START,
      members: { mx: ['MX', 30_000], ca: ['CA', 0], us: ['US', -30_000] },
      faults: { dropRequest: 0.1, dropResponse: 0.1, duplicate: 0.1, maxDelayTicks: 3 },
    });
    const { nodes, network } = cluster;
    const mx = nodes.mx!;
    const ca = nodes.ca!;
    const oldKey = activeSigningKey(await mx.keys.load());

    const before = [...(await shareMany(mx, 'ca', 15, 'before')), ...(await shareMany(mx, 'us', 15, 'before'))];
    await mx.federation.outbox.deliverDue(); // some leave now, some are still retrying

    // an envelope sealed with the old key that will arrive late
    const caPeer = (await mx.peers.get('ca'))!;
    const late = makeMessage({ from: { node: 'mx', country: 'MX' }, to: { node: 'ca', country: 'CA' }, created: iso(mx.clock.now()) });
    const lateBody = serializeEnvelope(sealEnvelope(late, iso(mx.clock.now()), { signing: oldKey, recipient: caPeer.encryptionKey }));

    const announcements = await mx.federation.keyRotation.begin(admin);
    expect(announcements).toHaveLength(2);
    expect(await mx.federation.keyRotation.complete()).toBe('waiting');
    const during = await shareMany(mx, 'ca', 10, 'during');
    await cluster.run();
    expect(await mx.federation.keyRotation.complete()).toBe('activated');
    const newKey = activeSigningKey(await mx.keys.load());
    expect(newKey.keyId).not.toBe(oldKey.keyId);
    expect((await ca.peers.get('mx'))!.signingKeys.map((k) => k.keyId)).toEqual([oldKey.keyId, newKey.keyId]);

    const after = [...(await shareMany(mx, 'ca', 15, 'after')), ...(await shareMany(mx, 'us', 15, 'after'))];
    await cluster.run();
    expect(await cluster.pending()).toBe(0);

    expect((await ca.federation.inbox.receive(lateBody)).ok).toBe(true);

    // none lost, none applied twice
    for (const id of [...before, ...during, ...after, late.id]) {
      const recipient = nodes.ca!.effects.has(id) ? nodes.ca! : nodes.us!;
      expect(recipient.effects.get(id), id).toBe(1);
    }
    // both keys were really used on the wire
    const signers = new Set(
      network.delivered
        .map((d) => parseEnvelope(d.body))
        .filter((p) => p.ok && p.value.from.node === 'mx' && p.value.type === 'Alert')
        .map((p) => (p.ok ? p.value.signature.keyId : '')),
    );
    expect(signers).toEqual(new Set([oldKey.keyId, newKey.keyId]));

    // after the overlap the old key no longer verifies anything new
    cluster.clock.advance(8 * DAY_MS);
    const stale = makeMessage({ from: { node: 'mx', country: 'MX' }, to: { node: 'ca', country: 'CA' }, created: iso(mx.clock.now()) });
    const caPeerNow = (await mx.peers.get('ca'))!;
    const staleBody = serializeEnvelope(sealEnvelope(stale, iso(mx.clock.now()), { signing: oldKey as OwnSigningKey, recipient: caPeerNow.encryptionKey }));
    expect(await ca.federation.inbox.receive(staleBody)).toMatchObject({ ok: false, code: 'FED_UNKNOWN_SENDER_KEY' });
    const fresh = await shareMany(mx, 'ca', 1, 'fresh');
    await cluster.run();
    expect(ca.effects.get(fresh[0]!)).toBe(1);
  });

  it('keeps the old encryption key through the overlap: envelopes sealed to it still open, then it is pruned', async () => {
    const cluster = await createCluster({ seed: 5, start: START, members: { mx: ['MX', 0], ca: ['CA', 0] }, faults: { dropRequest: 0, dropResponse: 0, duplicate: 0, maxDelayTicks: 0 } });
    const mx = cluster.nodes.mx!;
    const ca = cluster.nodes.ca!;
    const oldCaKey = (await mx.peers.get('ca'))!.encryptionKey;

    await ca.federation.keyRotation.begin({ actorId: null, actorLabel: 'admin@ca.demo' }, 2 * DAY_MS);
    const sealToOld = (): string => {
      const m = makeMessage({ from: { node: 'mx', country: 'MX' }, to: { node: 'ca', country: 'CA' }, created: iso(mx.clock.now()) });
      return serializeEnvelope(sealEnvelope(m, iso(mx.clock.now()), { signing: activeSigningKey(mxKeys), recipient: oldCaKey }));
    };
    const mxKeys = await mx.keys.load();
    expect((await ca.federation.inbox.receive(sealToOld())).ok).toBe(true);

    await cluster.run(); // the announcement reaches MX, which now seals to the new key
    expect((await mx.peers.get('ca'))!.encryptionKey.keyId).not.toBe(oldCaKey.keyId);
    const ids = await shareMany(mx, 'ca', 3, 'new key');
    await cluster.run();
    for (const id of ids) expect(ca.effects.get(id)).toBe(1);

    cluster.clock.advance(3 * DAY_MS);
    await ca.federation.keyRotation.prune();
    expect(await ca.federation.inbox.receive(sealToOld())).toMatchObject({ ok: false, code: 'FED_UNKNOWN_RECIPIENT_KEY' });
  });
});
