/**
 * Key rotation without downtime (docs/protocol/delivery.md §6): start a rotation and
 * announce it to every peer, switch to the new signing key once every peer has it, apply
 * peers' announcements, prune old private keys.
 */
import { federationAudit, peerActor, SYSTEM, type AuditActor } from './audit';
import { iso, newId } from './bytes';
import type { Json } from './canonical-json';
import { buildMessage, EVERYONE_AT_NODE } from './envelope';
import type { ReceivedMessage } from './inbox';
import { activatePendingSigningKey, announcementOf, applyKeyAnnouncement, beginRotation, DEFAULT_OVERLAP_MS, pruneKeys } from './key-rotation';
import { fingerprintOfKey } from './keys';
import { KEY_ANNOUNCEMENT_HANDLING, type KeyAnnouncementPayload } from './messages';
import type { Outbox } from './outbox';
import type { AuditSink, Clock, MessageRepository, NodeKeyRepository, PeerRepository } from './ports';

export interface KeyRotationDeps {
  keys: NodeKeyRepository;
  peers: PeerRepository;
  messages: MessageRepository;
  outbox: Pick<Outbox, 'enqueue'>;
  clock: Clock;
  audit: AuditSink;
}

export interface KeyRotation {
  /** Generates new keys and queues a KeyAnnouncement to every peer. Returns the announcement ids. */
  begin(actor: AuditActor, overlapMs?: number): Promise<string[]>;
  /**
   * Starts signing with the new key when every peer has acknowledged the announcement (or
   * at once with `force`, e.g. when the overlap is about to end).
   */
  complete(opts?: { force?: boolean; actor?: AuditActor }): Promise<'activated' | 'waiting' | 'nothing_pending'>;
  /** Forgets private keys past their overlap. */
  prune(): Promise<void>;
  /** Inbox handler for a peer's KeyAnnouncement. */
  onKeyAnnouncement(message: ReceivedMessage): Promise<void>;
}

export function createKeyRotation(deps: KeyRotationDeps): KeyRotation {
  const { clock } = deps;
  const audit = federationAudit(deps.audit, clock);

  return {
    async begin(actor, overlapMs = DEFAULT_OVERLAP_MS) {
      const now = clock.now();
      const keys = beginRotation(await deps.keys.load(), now, overlapMs);
      await deps.keys.save(keys);
      const payload = announcementOf(keys);
      const ids: string[] = [];
      for (const peer of await deps.peers.list()) {
        const message = buildMessage(
          {
            type: 'KeyAnnouncement',
            from: keys.self,
            to: { node: peer.node, country: peer.country },
            handling: KEY_ANNOUNCEMENT_HANDLING,
            audience: EVERYONE_AT_NODE,
            payload: payload as unknown as Record<string, Json>,
          },
          newId(),
          iso(now),
        );
        await deps.outbox.enqueue(message, actor);
        const id = message.id;
        ids.push(id);
      }
      const pending = keys.signingKeys.find((k) => k.keyId === keys.pendingSigningKeyId)!;
      await audit(
        'federation.keys.rotation_started',
        null,
        {
          signingKeyId: pending.keyId,
          signingFingerprint: fingerprintOfKey(pending.publicKey),
          encryptionKeyId: payload.encryptionKey.keyId,
          encryptionFingerprint: fingerprintOfKey(payload.encryptionKey.publicKey),
          overlapUntil: iso(now + overlapMs),
          announcements: ids,
        },
        actor,
      );
      return ids;
    },

    async complete(opts = {}) {
      const keys = await deps.keys.load();
      if (keys.pendingSigningKeyId === null) return 'nothing_pending';
      if (!opts.force) {
        for (const peer of await deps.peers.list()) {
          const sent = await deps.messages.outbox.list({ to: peer.node, type: 'KeyAnnouncement' });
          const latest = sent.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
          if (!latest || (latest.status !== 'delivered' && latest.status !== 'read')) return 'waiting';
        }
      }
      const next = activatePendingSigningKey(keys);
      await deps.keys.save(next);
      await audit('federation.keys.activated', null, { signingKeyId: next.activeSigningKeyId, forced: opts.force ?? false }, opts.actor ?? SYSTEM);
      return 'activated';
    },

    async prune() {
      const keys = await deps.keys.load();
      const pruned = pruneKeys(keys, clock.now());
      if (pruned.signingKeys.length !== keys.signingKeys.length || pruned.encryptionKeys.length !== keys.encryptionKeys.length) {
        await deps.keys.save(pruned);
        await audit('federation.keys.pruned', null, {
          signingKeys: keys.signingKeys.length - pruned.signingKeys.length,
          encryptionKeys: keys.encryptionKeys.length - pruned.encryptionKeys.length,
        });
      }
    },

    async onKeyAnnouncement(message) {
      const peer = await deps.peers.get(message.from.node);
      if (!peer) return;
      const applied = applyKeyAnnouncement(peer, message.payload as unknown as KeyAnnouncementPayload);
      if (!applied.ok) {
        await audit('federation.peer.keys_refused', message.envelopeId, { node: peer.node, code: applied.code }, peerActor(peer.node));
        return;
      }
      await deps.peers.put(applied.value);
      await audit(
        'federation.peer.keys_updated',
        message.envelopeId,
        {
          node: peer.node,
          signingKeys: applied.value.signingKeys.map((k) => ({ keyId: k.keyId, fingerprint: fingerprintOfKey(k.publicKey), notAfter: k.notAfter })),
          encryptionKeyId: applied.value.encryptionKey.keyId,
        },
        peerActor(peer.node),
      );
    },
  };
}
