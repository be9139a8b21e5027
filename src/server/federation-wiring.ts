/**
 * The federation services of one node, wired over its store: the Kysely adapters of
 * src/store/federation behind the ports of src/federation, the node's keys (sealed at rest
 * under a key derived from secrets/signing.key), the HTTP transport, the audit log, and the inbox handlers that
 * record the items people exchange. One runtime per store, shared by the routes and the worker.
 */
import { AlianzaError } from '../domain/errors';
import type { AppContext } from '../app/context';
import type { FederationAccess } from '../app/federation-access';
import { isItemType, itemHandlers, itemTitle, threadOf } from '../app/federation-items';
import { crossBorderHandlers } from '../app/cross-border-handlers';
import type { SecretSealer } from '../app/cross-border-service';
import type { SentCopy } from '../app/federation-views';
import type { RetryPolicy } from '../federation/backoff';
import type { Json } from '../federation/canonical-json';
import { NODE_ID, type ConsentGrant, type Message, type MessageType, type NodeRef } from '../federation/envelope';
import { createFederation, type FederationDeps } from '../federation/federation-node';
import type { NodeKeys } from '../federation/peers';
import type { Clock, OutboxStore, Transport } from '../federation/ports';
import { sqlFederationItems, sqlMessageStores, sqlNodeKeyRepository, sqlPeerRepository, type FederationShapes, type SqlMessageStores } from '../store/federation';
import { SqlStore } from '../store/sql-store';
import { httpTransport } from './federation-transport';
import { linkageSealer } from './linkage-secret';
import { initialFederationKeys, keystoreCipher } from './node-files';

/** The protocol's document types, given to the store adapters. */
export interface ProtocolShapes extends FederationShapes {
  type: MessageType;
  message: Message;
  grant: ConsentGrant;
  payload: Record<string, Json>;
  keys: NodeKeys;
}

export interface FederationRuntime extends FederationAccess {
  self: NodeRef;
  messages: SqlMessageStores<ProtocolShapes>;
  /** Seals the trilateral linkage secret at rest (cross-border matching). */
  linkageSealer: SecretSealer;
  /** Calls `listener` (soon, not inside the caller's transaction) whenever a message is queued. */
  onQueued(listener: () => void): () => void;
}

export interface FederationOptions {
  /** The node's folder: its initial keys live in secrets/ (they also seal the key set at rest). */
  dataDir: string;
  transport?: Transport;
  retry?: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  /** How long a claimed message is reserved for the process that claimed it (default 60 s). */
  leaseMs?: number;
}

const runtimes = new WeakMap<object, FederationRuntime>();

/** The node's federation runtime, created on first use with these options. */
export function federationFor(ctx: AppContext, opts: FederationOptions): FederationRuntime {
  let rt = runtimes.get(ctx.store);
  if (!rt) {
    rt = openFederation(ctx, opts);
    runtimes.set(ctx.store, rt);
  }
  return rt;
}

export function openFederation(ctx: AppContext, opts: FederationOptions): FederationRuntime {
  const store = ctx.store;
  if (!(store instanceof SqlStore)) throw new Error('federation needs the SQL store');
  if (!NODE_ID.test(ctx.node.nodeId)) throw new AlianzaError('FEDERATION_NODE_ID_INVALID', { node: ctx.node.nodeId });
  const self: NodeRef = { node: ctx.node.nodeId, country: ctx.node.country };
  const clock: Clock = opts.clock ?? { now: () => ctx.clock.now().getTime() };
  const keys = sqlNodeKeyRepository<NodeKeys>(store, self.node, keystoreCipher(opts.dataDir), () => initialFederationKeys(opts.dataDir));
  const messages = sqlMessageStores<ProtocolShapes>(store);
  const peers = sqlPeerRepository(store);
  const items = sqlFederationItems(store);
  const sealer = linkageSealer(opts.dataDir);

  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const l of listeners) setImmediate(l);
  };
  const base = messages.outbox;
  // every item sent, whatever the path (a person, a forward after consent), joins the ledger with the queued message
  const outbox: OutboxStore = {
    async add(record) {
      await base.add(record);
      const m = record.message;
      if (m && isItemType(m.type)) {
        const copy: SentCopy = { handling: m.handling, audience: m.audience, originator: m.originator, payload: m.payload };
        await items.record({
          envelopeId: m.id,
          direction: 'sent',
          type: m.type,
          peerNode: m.to.node,
          threadId: threadOf(m.type, m.id, m.payload),
          title: itemTitle(m.type, m.payload),
          createdAt: m.created,
          senderUserId: null,
          senderLabel: null,
          caseId: null,
          payload: copy as unknown as Record<string, unknown>,
        });
      }
      notify();
    },
    get: (id) => base.get(id),
    claimDue: (now, leaseUntil, limit) => base.claimDue(now, leaseUntil, limit),
    markAttempt: (id, update) => base.markAttempt(id, update),
    markDelivered: (id, at, attempts) => base.markDelivered(id, at, attempts),
    markRead: (id, at) => base.markRead(id, at),
    markFailed: (id, failure) => base.markFailed(id, failure),
    requeue: (id, at) => base.requeue(id, at),
    list: (filter) => base.list(filter),
    countPending: () => base.countPending(),
  };

  const deps: FederationDeps & { leaseMs?: number } = {
    keys,
    peers,
    messages: { ...messages, outbox },
    transport: opts.transport ?? httpTransport(),
    clock,
    audit: async (entry) => {
      await store.audit.append(entry);
    },
    random: opts.random,
    retry: opts.retry,
    handlers: {
      ...itemHandlers(items),
      // cross-border matching: the federation is created just below, before any message arrives
      ...crossBorderHandlers(ctx, { federation: () => federation, sealer, dropPayload: (id, at) => messages.inbox.purge(id, at) }),
    },
    ...(opts.leaseMs !== undefined ? { leaseMs: opts.leaseMs } : {}),
  };
  // the outbox reads leaseMs from the same dependencies (OutboxDeps)
  const federation = createFederation(deps);
  // receiving and opening are each one transaction: the stored message, its sighting, its audit
  // entry and its handler's effect are all there after a crash, or none is (and the sender retries)
  const { receive, markRead } = federation.inbox;
  federation.inbox.receive = (body) =>
    store.transaction(() => receive(body)).catch(() => ({ ok: false as const, code: 'FED_INTERNAL', params: {} }));
  federation.inbox.markRead = (envelopeId, actor) => store.transaction(() => markRead(envelopeId, actor));

  return {
    self,
    federation,
    messages,
    linkageSealer: sealer,
    inbox: messages.inbox,
    outbox: messages.outbox,
    receipts: messages.receipts,
    consents: messages.consents,
    peers,
    keys,
    items,
    onQueued(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
