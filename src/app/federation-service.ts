/**
 * Cross-border exchange as people use it: send an alert, a request for information with a
 * deadline, or a response; list what came in and what went out; open an item (which
 * records the read and sends a signed read receipt); follow a thread; forward an item under
 * its handling code, asking the originator's consent when the code requires it.
 *
 * Every item is checked twice: the role may use the federation at all (the policy table),
 * and the item's handling lets this person see it (TLP audience, retention: `mayAccess`).
 */
import { AlianzaError } from '../domain/errors';
import type { Actor, Handling } from '../domain/model';
import { can } from '../domain/policy';
import type { AuditActor } from '../federation/audit';
import type { Json } from '../federation/canonical-json';
import type { Audience } from '../federation/envelope';
import { mayAccess, type Viewer } from '../federation/handling';
import type { IdentityBasis } from '../federation/messages';
import type { InboxRecord, OutboxStatus } from '../federation/ports';
import { audit } from './audit';
import type { AppContext } from './context';
import type { FederationAccess } from './federation-access';
import { composeEntities, type EntityChoice } from './federation-compose';
import { itemTitle, type FederationItem } from './federation-items';
import { itemDetail, itemSummary, type ItemDetail, type ItemSummary } from './federation-views';

export type FederationActor = Actor & { email?: string };

export type SendInput =
  | (Common & { type: 'Alert'; title: string; summary: string })
  | (Common & { type: 'RequestForInformation'; subject: string; questions: string[]; deadline: string })
  | (Common & { type: 'Response'; inReplyTo: string; answers: string[]; final: boolean });

interface Common {
  to?: string;
  handling: Handling;
  audience: Audience;
  caseId?: string | null;
  entities?: EntityChoice[];
  identityBasis?: IdentityBasis | null;
}

const LIST_WINDOW = 2000;

export const auditActorOf = (actor: FederationActor): AuditActor => ({ actorId: actor.userId, actorLabel: actor.email ?? actor.displayName });

/** May this role send, forward and decide consent (the liaison officers)? */
export const canShareAcross = (actor: Actor): boolean => can(actor, 'federation.share');
/** May this role read items received from partners (subject to each item's handling)? */
export const canReadAcross = (actor: Actor): boolean => can(actor, 'federation.share') || can(actor, 'entity.read');

function requireShare(actor: Actor): void {
  if (!canShareAcross(actor)) throw new AlianzaError('POLICY_DENIED', { action: 'federation.share' });
}

function requireRead(actor: Actor): void {
  if (!canReadAcross(actor)) throw new AlianzaError('POLICY_DENIED', { action: 'federation.read' });
}

async function viewerOf(ctx: AppContext, actor: FederationActor): Promise<Viewer> {
  const agency = await ctx.store.agencies.get(actor.agencyId);
  return { agency: agency?.code ?? actor.agencyId, personIds: [actor.userId, ...(actor.email ? [actor.email] : [])] };
}

/** The person is in the item's audience (its expiry aside: an expired item shows as a stub). */
const inAudience = (record: InboxRecord, viewer: Viewer): boolean => mayAccess({ ...record, expiresAt: null }, viewer, 0);

const notFound = (id: string): AlianzaError => new AlianzaError('FEDERATION_ITEM_NOT_FOUND', { id });

export async function sendMessage(ctx: AppContext, access: FederationAccess, actor: FederationActor, input: SendInput): Promise<ItemSummary> {
  requireShare(actor);
  let to = input.to;
  if (input.type === 'Response') {
    const request = await access.inbox.get(input.inReplyTo);
    if (!request || request.type !== 'RequestForInformation' || !inAudience(request, await viewerOf(ctx, actor))) {
      throw new AlianzaError('FEDERATION_NOT_A_REQUEST', { id: input.inReplyTo });
    }
    to = to ?? request.from.node;
    if (to !== request.from.node) throw new AlianzaError('FEDERATION_NOT_A_REQUEST', { id: input.inReplyTo });
  }
  if (!to) throw new AlianzaError('VALIDATION_FAILED', {}, [{ field: 'to', code: 'SCHEMA.required' }]);
  const target = to;

  return ctx.store.transaction(async () => {
    const composed = await composeEntities(ctx, actor, input);
    const common = { entities: composed.entities, identityBasis: composed.identityBasis } as unknown as Record<string, Json>;
    const payload: Record<string, Json> =
      input.type === 'Alert'
        ? { title: input.title, summary: input.summary, caseReference: composed.caseReference, ...common }
        : input.type === 'RequestForInformation'
          ? { subject: input.subject, questions: input.questions, deadline: input.deadline, caseReference: composed.caseReference, ...common }
          : { inReplyTo: input.inReplyTo, answers: input.answers, final: input.final, ...common };
    const record = await access.federation.sharing.share({
      to: target,
      type: input.type,
      payload,
      handling: input.handling,
      audience: input.audience,
      actor: auditActorOf(actor),
    });
    await access.items.setSender(record.id, { userId: actor.userId, label: actor.email ?? actor.displayName, caseId: input.caseId ?? null });
    if (composed.carriesVictimIdentity) {
      await audit(ctx.store, ctx.clock, actor, {
        action: 'federation.disclosure',
        targetType: 'federation_message',
        targetId: record.id,
        caseId: input.caseId ?? null,
        detail: { to: target, type: input.type, victims: composed.disclosedVictims, basis: composed.identityBasis },
      });
    }
    const item = await access.items.get(record.id);
    if (!item) throw notFound(record.id);
    return itemSummary(item, { outbox: record, peers: await access.peers.list() });
  });
}

/** Received items this person may see, newest first. */
export async function listInbox(
  ctx: AppContext,
  access: FederationAccess,
  actor: FederationActor,
  q: { type?: string; limit: number; offset: number; unread?: boolean },
): Promise<{ items: ItemSummary[]; total: number }> {
  requireRead(actor);
  const viewer = await viewerOf(ctx, actor);
  const items = await access.items.list('received', { types: q.type ? [q.type] : undefined, limit: LIST_WINDOW });
  const records = new Map((await access.inbox.getMany(items.map((i) => i.envelopeId))).map((r) => [r.envelopeId, r]));
  const visible = items.filter((i) => {
    const r = records.get(i.envelopeId);
    return r !== undefined && inAudience(r, viewer) && (!q.unread || r.readAt === null);
  });
  const page = visible.slice(q.offset, q.offset + q.limit);
  const now = ctx.clock.now().getTime();
  return { items: page.map((i) => itemSummary(i, { inbox: records.get(i.envelopeId)!, now })), total: visible.length };
}

/** Items this node sent, with their delivery state, newest first (liaison officers). */
export async function listOutbox(
  _ctx: AppContext,
  access: FederationAccess,
  actor: FederationActor,
  q: { type?: string; status?: string; limit: number; offset: number },
): Promise<{ items: ItemSummary[]; total: number }> {
  requireShare(actor);
  const items = await access.items.list('sent', { types: q.type ? [q.type] : undefined, limit: LIST_WINDOW });
  const peers = await access.peers.list();
  const withStatus = q.status ? new Set((await access.outbox.list({ status: [q.status as OutboxStatus] })).map((r) => r.id)) : null;
  const chosen = withStatus ? items.filter((i) => withStatus.has(i.envelopeId)) : items;
  const page = chosen.slice(q.offset, q.offset + q.limit);
  const states = await Promise.all(page.map((i) => access.outbox.get(i.envelopeId)));
  return { items: page.map((item, n) => itemSummary(item, { outbox: states[n], peers })), total: chosen.length };
}

async function readableItem(ctx: AppContext, access: FederationAccess, actor: FederationActor, item: FederationItem): Promise<ItemDetail | null> {
  const now = ctx.clock.now().getTime();
  if (item.direction === 'sent') {
    if (!canShareAcross(actor)) return null;
    const [outbox, receipts, peers] = await Promise.all([access.outbox.get(item.envelopeId), access.receipts.listFor(item.envelopeId), access.peers.list()]);
    return itemDetail(item, { outbox, receipts, peers });
  }
  const record = await access.inbox.get(item.envelopeId);
  if (!record || !canReadAcross(actor) || !inAudience(record, await viewerOf(ctx, actor))) return null;
  const open = record.payload !== null && now < Date.parse(record.expiresAt);
  if (open) {
    await access.federation.inbox.markRead(record.envelopeId, auditActorOf(actor));
    if (record.payload && record.payload.identityBasis) {
      await audit(ctx.store, ctx.clock, actor, {
        action: 'federation.victim_identity.read',
        targetType: 'federation_message',
        targetId: record.envelopeId,
        detail: { from: record.from.node, basis: record.payload.identityBasis },
      });
    }
  }
  const fresh = (await access.inbox.get(item.envelopeId)) ?? record;
  return itemDetail(item, { inbox: fresh, now });
}

/** Opens one item: the full content when this person may see it; a received item is marked read. */
export async function openItem(ctx: AppContext, access: FederationAccess, actor: FederationActor, id: string): Promise<ItemDetail> {
  requireRead(actor);
  const item = await access.items.get(id);
  const detail = item && (await readableItem(ctx, access, actor, item));
  if (!detail) throw notFound(id);
  return detail;
}

/** A thread: the request (or alert) and every response, in order, as far as this person may see them. */
export async function readThread(ctx: AppContext, access: FederationAccess, actor: FederationActor, threadId: string): Promise<{ threadId: string; title: string; items: ItemDetail[] }> {
  requireRead(actor);
  const items = await access.items.thread(threadId);
  const details: ItemDetail[] = [];
  for (const item of items) {
    const d = await readableItem(ctx, access, actor, item);
    if (d) details.push(d);
  }
  if (details.length === 0) throw notFound(threadId);
  const head = details.find((d) => d.id === threadId) ?? details[0]!;
  return { threadId, title: head.title ?? itemTitle(head.type, {}), items: details };
}

export type ForwardOutcome = { outcome: 'queued'; id: string } | { outcome: 'needs_consent'; requestId: string };

/** Forwards a received item to another partner, within its handling code. */
export async function forwardItem(
  ctx: AppContext,
  access: FederationAccess,
  actor: FederationActor,
  id: string,
  input: { to: string; handling: Handling; audience: Audience; reason: string },
): Promise<ForwardOutcome> {
  requireShare(actor);
  const record = await access.inbox.get(id);
  if (!record || !inAudience(record, await viewerOf(ctx, actor))) throw notFound(id);
  try {
    return await ctx.store.transaction(async () => {
      const result = await access.federation.sharing.forward({ heldEnvelopeId: id, ...input, actor: auditActorOf(actor) });
      if (result.outcome === 'queued') await access.items.setSender(result.id, { userId: actor.userId, label: actor.email ?? actor.displayName, caseId: null });
      return result;
    });
  } catch (e) {
    if (e instanceof AlianzaError) {
      await audit(ctx.store, ctx.clock, actor, {
        action: 'federation.forward.refused',
        targetType: 'federation_message',
        targetId: id,
        detail: { to: input.to, code: e.code, params: e.params, tlp: input.handling.tlp },
      });
    }
    throw e;
  }
}

export interface ConsentView {
  requestId: string;
  direction: 'outgoing' | 'incoming';
  itemId: string;
  originator: string;
  forwarder: string;
  forwardTo: { node: string; country: string };
  proposedHandling: Handling;
  proposedAudience: Audience;
  reason: string;
  status: 'pending' | 'granted' | 'refused';
  createdAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** Consent requests asked of this node (incoming) or by it (outgoing). */
export async function listConsents(
  _ctx: AppContext,
  access: FederationAccess,
  actor: FederationActor,
  q: { direction?: 'outgoing' | 'incoming'; status?: 'pending' | 'granted' | 'refused' },
): Promise<ConsentView[]> {
  requireShare(actor);
  const records = await access.consents.list(q);
  return records
    .map(({ grant: _grant, heldEnvelopeId: _held, ...r }) => r)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The originator's answer to a partner asking to forward one of this node's items. */
export async function decideConsent(
  ctx: AppContext,
  access: FederationAccess,
  actor: FederationActor,
  requestId: string,
  decision: { granted: boolean; reason: string },
): Promise<ConsentView> {
  requireShare(actor);
  await ctx.store.transaction(() => access.federation.sharing.decideConsent(requestId, { ...decision, actor: auditActorOf(actor) }));
  const record = await access.consents.get(requestId);
  if (!record) throw new AlianzaError('FED_CONSENT_REQUEST_NOT_FOUND', { id: requestId });
  const { grant: _grant, heldEnvelopeId: _held, ...view } = record;
  return view;
}

export type LedgerEntry = Omit<ItemDetail, 'title' | 'payload'>;

/**
 * The auditors' ledger: every item sent and received, with its handling, parties, delivery
 * state and receipts — never its title or content. Reading it is itself audited.
 */
export async function listLedger(
  ctx: AppContext,
  access: FederationAccess,
  actor: FederationActor,
  q: { direction?: 'sent' | 'received'; type?: string; limit: number; offset: number },
): Promise<{ items: LedgerEntry[]; total: number }> {
  if (!can(actor, 'audit.read')) throw new AlianzaError('POLICY_DENIED', { action: 'audit.read' });
  const types = q.type ? [q.type] : undefined;
  const directions: ('sent' | 'received')[] = q.direction ? [q.direction] : ['sent', 'received'];
  const all = (await Promise.all(directions.map((d) => access.items.list(d, { types, limit: LIST_WINDOW }))))
    .flat()
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.envelopeId < b.envelopeId ? 1 : -1));
  const page = all.slice(q.offset, q.offset + q.limit);
  const peers = await access.peers.list();
  const now = ctx.clock.now().getTime();
  const items = await Promise.all(
    page.map(async (item) => {
      const detail =
        item.direction === 'sent'
          ? itemDetail(item, { outbox: await access.outbox.get(item.envelopeId), receipts: await access.receipts.listFor(item.envelopeId), peers })
          : itemDetail(item, { inbox: await access.inbox.get(item.envelopeId), now });
      const { title: _title, payload: _payload, ...entry } = detail;
      return entry;
    }),
  );
  await audit(ctx.store, ctx.clock, actor, { action: 'federation.ledger.read', detail: { direction: q.direction ?? null, type: q.type ?? null, offset: q.offset } });
  return { items, total: all.length };
}

/** Puts a failed message back in the queue once its cause is fixed (a liaison officer's decision, audited). */
export async function requeueItem(_ctx: AppContext, access: FederationAccess, actor: FederationActor, id: string): Promise<ItemSummary> {
  requireShare(actor);
  const item = await access.items.get(id);
  if (!item || item.direction !== 'sent') throw notFound(id);
  if (!(await access.federation.outbox.requeue(id, auditActorOf(actor)))) throw new AlianzaError('FEDERATION_NOT_FAILED_CONFLICT', { id });
  return itemSummary(item, { outbox: await access.outbox.get(id), peers: await access.peers.list() });
}
