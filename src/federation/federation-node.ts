/**
 * The federation services of one node, wired over its ports: outbox, inbox with the
 * built-in handlers (receipts, consent, key announcements), sharing, key rotation.
 * src/server and src/cli call this with the store adapters and the HTTP transport.
 */
import { createInbox, type Inbox, type InboxHandlers } from './inbox';
import { createKeyRotation, type KeyRotation } from './key-rotation-service';
import type { ReceiptPayload } from './messages';
import { createOutbox, type Outbox } from './outbox';
import type { AuditSink, Clock, MessageRepository, NodeKeyRepository, PeerRepository, Random, Transport } from './ports';
import { createSharing, type Sharing } from './sharing';
import type { RetryPolicy } from './backoff';

export interface FederationDeps {
  keys: NodeKeyRepository;
  peers: PeerRepository;
  messages: MessageRepository;
  transport: Transport;
  clock: Clock;
  audit: AuditSink;
  random?: Random;
  retry?: RetryPolicy;
  /** Handlers of the modules that own message types (Alert, Referral, MatchQuery, ...). */
  handlers?: InboxHandlers;
  processInline?: boolean;
}

export interface Federation {
  outbox: Outbox;
  inbox: Inbox;
  sharing: Sharing;
  keyRotation: KeyRotation;
}

export function createFederation(deps: FederationDeps): Federation {
  const outbox = createOutbox(deps);
  const sharing = createSharing({ ...deps, outbox });
  const keyRotation = createKeyRotation({ ...deps, outbox });
  const builtIn: InboxHandlers = {
    Receipt: async (message) => {
      await outbox.applyReceipt(message.payload as unknown as ReceiptPayload, message.from.node, message.evidence ?? '');
    },
    ConsentRequest: (message) => sharing.onConsentRequest(message),
    ConsentDecision: (message) => sharing.onConsentDecision(message),
    KeyAnnouncement: (message) => keyRotation.onKeyAnnouncement(message),
  };
  const inbox = createInbox({ ...deps, outbox, handlers: { ...deps.handlers, ...builtIn }, processInline: deps.processInline });
  return { outbox, inbox, sharing, keyRotation };
}
