import { describe, expect, it } from 'vitest';
import { iso } from './bytes';
import { DAY_MS } from './constants';
import { activatePendingSigningKey, announcementOf, applyKeyAnnouncement, beginRotation, createNodeKeys, pruneKeys } from './key-rotation';
import { generateSigningKey } from './keys';
import { activeSigningKey, publicIdentity, signingKeyValidAt } from './peers';

const NOW = Date.parse('2026-06-11T12:00:00.000Z');
const self = { node: 'mx', country: 'MX' };

describe('key life cycle', () => {
  it('rotates with an overlap: the new signing key waits, the old one ends after the overlap', () => {
    const first = createNodeKeys(self, NOW - DAY_MS);
    const rotating = beginRotation(first, NOW, 7 * DAY_MS);
    expect(rotating.activeSigningKeyId).toBe(first.activeSigningKeyId);
    expect(rotating.pendingSigningKeyId).not.toBeNull();
    expect(rotating.signingKeys.find((k) => k.keyId === first.activeSigningKeyId)?.notAfter).toBe(iso(NOW + 7 * DAY_MS));
    expect(rotating.activeEncryptionKeyId).not.toBe(first.activeEncryptionKeyId);
    expect(rotating.encryptionKeys).toHaveLength(2);

    const active = activatePendingSigningKey(rotating);
    expect(activeSigningKey(active).keyId).toBe(rotating.pendingSigningKeyId);
    expect(active.pendingSigningKeyId).toBeNull();

    expect(pruneKeys(active, NOW + DAY_MS).signingKeys).toHaveLength(2);
    const pruned = pruneKeys(active, NOW + 8 * DAY_MS);
    expect(pruned.signingKeys.map((k) => k.keyId)).toEqual([active.activeSigningKeyId]);
    expect(pruned.encryptionKeys.map((k) => k.keyId)).toEqual([active.activeEncryptionKeyId]);
  });

  it('applies an announcement to a pinned peer: adds keys, shortens validity, never lengthens or removes', () => {
    const first = createNodeKeys(self, NOW - DAY_MS);
    const pinned = publicIdentity(first, 'https://mx.example');
    const rotating = beginRotation(first, NOW, 7 * DAY_MS);
    const applied = applyKeyAnnouncement(pinned, announcementOf(rotating));
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const peer = applied.value;
    expect(peer.signingKeys).toHaveLength(2);
    expect(peer.encryptionKey.keyId).toBe(rotating.activeEncryptionKeyId);
    const oldId = first.activeSigningKeyId;
    expect(signingKeyValidAt(peer, oldId, NOW + 6 * DAY_MS)).toBeDefined();
    expect(signingKeyValidAt(peer, oldId, NOW + 8 * DAY_MS)).toBeUndefined();

    // a later announcement cannot give the old key more time, nor drop it
    const lengthen = announcementOf(rotating);
    const longer = { ...lengthen, signingKeys: lengthen.signingKeys.map((k) => (k.keyId === oldId ? { ...k, notAfter: iso(NOW + 300 * DAY_MS) } : k)) };
    const again = applyKeyAnnouncement(peer, longer);
    expect(again.ok && again.value.signingKeys.find((k) => k.keyId === oldId)?.notAfter).toBe(iso(NOW + 7 * DAY_MS));
    const dropped = applyKeyAnnouncement(peer, { ...lengthen, signingKeys: lengthen.signingKeys.filter((k) => k.keyId !== oldId) });
    expect(dropped.ok && dropped.value.signingKeys.map((k) => k.keyId)).toContain(oldId);
  });

  it('refuses an announcement whose key ids do not match their keys', () => {
    const keys = createNodeKeys(self, NOW);
    const announcement = announcementOf(keys);
    const other = generateSigningKey();
    const bad = { ...announcement, signingKeys: [{ ...announcement.signingKeys[0]!, publicKey: other.publicKey }] };
    expect(applyKeyAnnouncement(publicIdentity(keys, 'u'), bad)).toMatchObject({ ok: false, code: 'FED_KEY_ID_MISMATCH' });
  });
});
