/**
 * Key rotation between two nodes over HTTP while messages flow both ways: nothing is lost,
 * every message takes effect once, and the receipts signed with the old keys and with the
 * new ones all verify with the keys each node pinned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/federation/audit';
import { parseEnvelope } from '../../src/federation/envelope';
import { sampleAlertPayload } from '../../src/federation/fixtures';
import { signingKeyValidAt } from '../../src/federation/peers';
import { verifySignature } from '../../src/federation/seal';
import { closeNodes, eventually, httpNodes, type HttpNode } from './http-nodes';

let nodes: Record<string, HttpNode>;
const HANDLING = { tlp: 'GREEN' as const, purpose: 'investigation', retentionDays: 30, originatorConsentRequiredToForward: false };
const person = { actorId: null, actorLabel: 'rotation-test' };

beforeAll(async () => {
  nodes = await httpNodes(['MX', 'CA']);
}, 120_000);
afterAll(async () => closeNodes(nodes));

async function sendBatch(from: HttpNode, to: string, n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await from.rt.federation.sharing.share({ to, type: 'Alert', payload: sampleAlertPayload(`${tag} ${i}`), handling: HANDLING, audience: { agencies: [], persons: [] }, actor: person });
    ids.push(r.id);
  }
  return ids;
}

describe('key rotation with an overlap', () => {
  it('loses nothing and keeps old and new signatures verifiable', async () => {
    const { mx, ca } = nodes as Record<'mx' | 'ca', HttpNode>;
    const caKeysBefore = await ca.rt.keys.load();
    const mxKeysBefore = await mx.rt.keys.load();
    const sent: { id: string; from: HttpNode; to: HttpNode }[] = [];
    const batch = async (tag: string) => {
      const [a, b] = await Promise.all([sendBatch(mx, 'ca', 15, `${tag} mx`), sendBatch(ca, 'mx', 15, `${tag} ca`)]);
      sent.push(...a.map((id) => ({ id, from: mx, to: ca })), ...b.map((id) => ({ id, from: ca, to: mx })));
    };

    await batch('before');
    // both nodes rotate while their messages are in flight
    const [caAnnounced, mxAnnounced] = await Promise.all([ca.rt.federation.keyRotation.begin(SYSTEM), mx.rt.federation.keyRotation.begin(SYSTEM)]);
    expect(caAnnounced).toHaveLength(1);
    expect(mxAnnounced).toHaveLength(1);
    await batch('during');
    await eventually(async () => (await ca.rt.federation.keyRotation.complete()) === 'activated');
    await eventually(async () => (await mx.rt.federation.keyRotation.complete()) === 'activated');
    await batch('after');

    await eventually(async () => (await mx.rt.federation.outbox.pending()) + (await ca.rt.federation.outbox.pending()) === 0, 30_000);

    // each message arrived once, at its recipient
    for (const m of sent) {
      const item = await m.to.rt.items.get(m.id);
      expect(item?.direction, m.id).toBe('received');
      const record = await m.from.rt.outbox.get(m.id);
      expect(record?.status).toBe('delivered');
    }
    const received = await ca.rt.items.list('received', { limit: 1000 });
    expect(new Set(received.map((i) => i.envelopeId)).size).toBe(received.length);

    // the new signing keys are in use, the old ones still pinned with their overlap
    const caKeysAfter = await ca.rt.keys.load();
    expect(caKeysAfter.activeSigningKeyId).not.toBe(caKeysBefore.activeSigningKeyId);
    const caAtMx = (await mx.rt.peers.get('ca'))!;
    expect(caAtMx.signingKeys.map((k) => k.keyId)).toEqual(expect.arrayContaining([caKeysBefore.activeSigningKeyId, caKeysAfter.activeSigningKeyId]));
    expect(caAtMx.signingKeys.find((k) => k.keyId === caKeysBefore.activeSigningKeyId)!.notAfter).not.toBeNull();
    expect((await ca.rt.peers.get('mx'))!.encryptionKey.keyId).toBe((await mx.rt.keys.load()).activeEncryptionKeyId);
    expect((await mx.rt.keys.load()).activeEncryptionKeyId).not.toBe(mxKeysBefore.activeEncryptionKeyId);

    // every receipt MX keeps from CA verifies with the key it names, old or new
    const signers = new Set<string>();
    for (const m of sent.filter((s) => s.from === mx)) {
      const receipts = await mx.rt.receipts.listFor(m.id);
      expect(receipts.length, m.id).toBeGreaterThan(0);
      for (const r of receipts) {
        const parsed = parseEnvelope(r.evidence);
        if (!parsed.ok) throw new Error(parsed.code);
        const key = signingKeyValidAt(caAtMx, parsed.value.signature.keyId, Date.parse(parsed.value.sent));
        expect(key, 'a key valid when the receipt was sent').toBeDefined();
        expect(verifySignature(parsed.value, key!.publicKey)).toBe(true);
        signers.add(parsed.value.signature.keyId);
      }
    }
    expect([...signers].sort()).toEqual([caKeysBefore.activeSigningKeyId, caKeysAfter.activeSigningKeyId].sort());
    expect((await mx.store.audit.verify()).ok).toBe(true);
    expect((await ca.store.audit.verify()).ok).toBe(true);
  }, 90_000);
});
