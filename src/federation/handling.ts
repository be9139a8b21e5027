/**
 * The handling code rule (docs/protocol/handling.md): ONE pure function, `decideShare`,
 * decides every share and every forward; `checkReceivedHandling` enforces the same rule on
 * receipt and `mayAccess` when a person opens an item. Nothing here reads a clock or a store.
 */
import type { ErrorParams } from '../domain/errors';
import type { Handling, Tlp } from '../domain/model';
import { DAY_MS, MAX_AUDIENCE_VALUES, MAX_PURPOSE_LENGTH, MAX_RETENTION_DAYS } from './constants';
import { iso } from './bytes';
import type { Audience, ConsentGrant, Envelope } from './envelope';
import { isTlp } from './envelope';
import { accept, refuse, type Checked, type FedCode } from './errors';

/** Rank of each label: lower is stricter (a smaller audience). */
export const TLP_RANK: Readonly<Record<Tlp, number>> = { RED: 0, 'AMBER+STRICT': 1, AMBER: 2, GREEN: 3, CLEAR: 4 };

export const PURPOSE_PATTERN = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** `inner` is the same purpose as `outer`, or a narrower one below it in the purpose tree. */
export const purposeWithin = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer + '/');

/** Checks the values of a handling code and the audience it requires (handling.md §2). */
export function validateHandling(handling: Handling, audience: Audience): Checked<Handling> {
  const invalid = (field: string): Checked<Handling> => refuse('FED_HANDLING_INVALID', { field });
  if (!isTlp(handling.tlp)) return invalid('tlp');
  if (handling.purpose.length > MAX_PURPOSE_LENGTH || !PURPOSE_PATTERN.test(handling.purpose)) return invalid('purpose');
  const days = handling.retentionDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) return invalid('retentionDays');
  if (typeof handling.originatorConsentRequiredToForward !== 'boolean') return invalid('originatorConsentRequiredToForward');
  const values = (list: string[]): boolean =>
    list.length <= MAX_AUDIENCE_VALUES && list.every((v) => v.length >= 1 && v.length <= 128) && new Set(list).size === list.length;
  if (!values(audience.agencies)) return invalid('audience.agencies');
  if (!values(audience.persons)) return invalid('audience.persons');
  if (handling.tlp === 'RED' && audience.persons.length === 0) return invalid('audience.persons');
  if ((handling.tlp === 'AMBER+STRICT' || handling.tlp === 'AMBER') && audience.agencies.length === 0) return invalid('audience.agencies');
  return accept(handling);
}

/**
 * The first axis on which `proposed` is wider than `held` (handling.md §3), or null.
 * `heldExpiresMs` is when the held copy expires; the proposed copy would expire at
 * `nowMs + retentionDays` days.
 */
export function widenedField(held: Handling, proposed: Handling, heldExpiresMs: number, nowMs: number): string | null {
  if (TLP_RANK[proposed.tlp] > TLP_RANK[held.tlp]) return 'tlp';
  if (!purposeWithin(proposed.purpose, held.purpose)) return 'purpose';
  if (nowMs + proposed.retentionDays * DAY_MS > heldExpiresMs) return 'retentionDays';
  if (held.originatorConsentRequiredToForward && !proposed.originatorConsentRequiredToForward) {
    return 'originatorConsentRequiredToForward';
  }
  return null;
}

/** The longest retention, in whole days, that a copy made now may carry. */
export const maxRetentionDays = (heldExpiresMs: number, nowMs: number): number =>
  Math.max(0, Math.floor((heldExpiresMs - nowMs) / DAY_MS));

/** A node's copy of an item, as the rule needs it. */
export interface HeldItem {
  itemId: string;
  originator: string;
  /** The node deciding. */
  holder: string;
  handling: Handling;
  audience: Audience;
  /** When the held copy expires; null for the originator's own item. */
  expiresAt: string | null;
}

export interface ShareProposal {
  /** Target node; the holder's own node for a local share (another agency, other persons). */
  to: string;
  handling: Handling;
  audience: Audience;
}

export interface ShareContext {
  now: number;
  /** Node ids of the community: the pinned peers and this node. */
  community: readonly string[];
  /** A consent grant whose signature the caller has verified with the originator's key. */
  grant?: ConsentGrant | null;
}

export interface ConsentRequestDraft {
  itemId: string;
  originator: string;
  forwarder: string;
  forwardTo: string;
  proposedHandling: Handling;
  proposedAudience: Audience;
}

export type ShareDecision =
  | {
      outcome: 'allow';
      local: boolean;
      handling: Handling;
      audience: Audience;
      consentGrant: ConsentGrant | null;
      /** When the new copy expires. */
      expiresAt: string;
    }
  | { outcome: 'needs_consent'; request: ConsentRequestDraft }
  | { outcome: 'deny'; code: FedCode; params: ErrorParams };

const deny = (code: FedCode, params: ErrorParams = {}): ShareDecision => ({ outcome: 'deny', code, params });
const subset = (part: string[], whole: string[]): boolean => part.every((v) => whole.includes(v));

/**
 * Why a grant does not cover a forward, or null when it does (handling.md §5). The grant's
 * signature is checked elsewhere.
 */
export function grantGap(
  grant: ConsentGrant,
  forward: { itemId: string; originator: string; forwarder: string; to: string; handling: Handling; at: number },
): string | null {
  if (grant.itemId !== forward.itemId) return 'item';
  if (grant.originator !== forward.originator) return 'originator';
  if (grant.forwarder !== forward.forwarder) return 'forwarder';
  if (grant.grantedTo !== forward.to) return 'recipient';
  if (forward.at > Date.parse(grant.expires)) return 'expired';
  const max = grant.maxHandling;
  const h = forward.handling;
  if (
    TLP_RANK[h.tlp] > TLP_RANK[max.tlp] ||
    !purposeWithin(h.purpose, max.purpose) ||
    h.retentionDays > max.retentionDays ||
    (max.originatorConsentRequiredToForward && !h.originatorConsentRequiredToForward)
  ) {
    return 'handling';
  }
  return null;
}

/** THE rule: may `held` be shared as `proposal`? (handling.md §4) */
export function decideShare(held: HeldItem, proposal: ShareProposal, context: ShareContext): ShareDecision {
  const { now } = context;
  const valid = validateHandling(proposal.handling, proposal.audience);
  if (!valid.ok) return deny(valid.code, valid.params);
  if (!context.community.includes(proposal.to)) return deny('FED_HANDLING_OUTSIDE_COMMUNITY', { node: proposal.to });

  const local = proposal.to === held.holder;
  const ownExpiry = now + proposal.handling.retentionDays * DAY_MS;
  const allow = (consentGrant: ConsentGrant | null, expiresMs: number): ShareDecision => ({
    outcome: 'allow',
    local,
    handling: proposal.handling,
    audience: proposal.audience,
    consentGrant,
    expiresAt: iso(expiresMs),
  });

  if (held.holder === held.originator) {
    return allow(null, held.expiresAt === null ? ownExpiry : Math.min(ownExpiry, Date.parse(held.expiresAt)));
  }

  const heldExpires = held.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(held.expiresAt);
  if (now >= heldExpires) return deny('FED_HANDLING_EXPIRED', { expiresAt: held.expiresAt });
  const tlp = held.handling.tlp;
  if (!local && tlp === 'RED') return deny('FED_HANDLING_RED_NO_FORWARD');
  if (!local && tlp === 'AMBER+STRICT') return deny('FED_HANDLING_STRICT_NO_FORWARD');
  const widened = widenedField(held.handling, proposal.handling, heldExpires, now);
  if (widened) {
    const params: ErrorParams = { field: widened };
    if (widened === 'retentionDays') params.max = maxRetentionDays(heldExpires, now);
    return deny('FED_HANDLING_WIDENS', params);
  }

  if (local) {
    if (tlp === 'RED' && !subset(proposal.audience.persons, held.audience.persons)) return deny('FED_HANDLING_RED_NAMED_ONLY');
    if (tlp === 'AMBER+STRICT' && !subset(proposal.audience.agencies, held.audience.agencies)) {
      return deny('FED_HANDLING_STRICT_AGENCY_ONLY');
    }
    return allow(null, ownExpiry);
  }

  // a forward of AMBER, GREEN or CLEAR: RED and AMBER+STRICT were refused above
  if (tlp === 'CLEAR' || !held.handling.originatorConsentRequiredToForward) return allow(null, ownExpiry);
  const grant = context.grant ?? null;
  const forward = { itemId: held.itemId, originator: held.originator, forwarder: held.holder, to: proposal.to, handling: proposal.handling, at: now };
  if (grant && grantGap(grant, forward) === null) return allow(grant, ownExpiry);
  return {
    outcome: 'needs_consent',
    request: {
      itemId: held.itemId,
      originator: held.originator,
      forwarder: held.holder,
      forwardTo: proposal.to,
      proposedHandling: proposal.handling,
      proposedAudience: proposal.audience,
    },
  };
}

/**
 * The rule on receipt (handling.md §8): valid handling, and for a forward that needs the
 * originator's consent, a grant that is genuine and covers this very envelope.
 */
export function checkReceivedHandling(
  envelope: Envelope,
  grantSignatureValid: (grant: ConsentGrant) => boolean,
): Checked<void> {
  const valid = validateHandling(envelope.handling, envelope.audience);
  if (!valid.ok) return valid;
  const isForward = envelope.from.node !== envelope.originator.node;
  const grant = envelope.consentGrant;
  if (!isForward) {
    return grant === null ? accept(undefined) : refuse('FED_CONSENT_INVALID', { reason: 'not a forward' });
  }
  if (!envelope.handling.originatorConsentRequiredToForward && grant === null) return accept(undefined);
  if (grant === null) return refuse('FED_CONSENT_MISSING');
  if (!grantSignatureValid(grant)) return refuse('FED_CONSENT_INVALID', { reason: 'signature' });
  const gap = grantGap(grant, {
    itemId: envelope.originator.itemId,
    originator: envelope.originator.node,
    forwarder: envelope.from.node,
    to: envelope.to.node,
    handling: envelope.handling,
    at: Date.parse(envelope.sent),
  });
  return gap === null ? accept(undefined) : refuse('FED_CONSENT_INVALID', { reason: gap });
}

/** When a received copy expires (handling.md §6). */
export const expiryOfReceived = (created: string, receivedAt: string, retentionDays: number): string =>
  iso(Math.min(Date.parse(created), Date.parse(receivedAt)) + retentionDays * DAY_MS);

export interface Viewer {
  agency: string;
  /** Every identifier by which the audience may name this person (user id, e-mail). */
  personIds: string[];
}

/** May this person open the item at this node? (handling.md §1, second column) */
export function mayAccess(copy: { handling: Handling; audience: Audience; expiresAt: string | null }, viewer: Viewer, now: number): boolean {
  if (copy.expiresAt !== null && now >= Date.parse(copy.expiresAt)) return false;
  switch (copy.handling.tlp) {
    case 'RED':
      return viewer.personIds.some((p) => copy.audience.persons.includes(p));
    case 'AMBER+STRICT':
    case 'AMBER':
      return copy.audience.agencies.includes(viewer.agency);
    case 'GREEN':
    case 'CLEAR':
      return true;
  }
}

/**
 * The widest handling within both `a` and `b` (e.g. a proposal and the originator's grant),
 * or null when their purposes lie on different branches.
 */
export function narrowHandling(a: Handling, b: Handling): Handling | null {
  const purpose = purposeWithin(a.purpose, b.purpose) ? a.purpose : purposeWithin(b.purpose, a.purpose) ? b.purpose : null;
  if (purpose === null) return null;
  return {
    tlp: TLP_RANK[a.tlp] <= TLP_RANK[b.tlp] ? a.tlp : b.tlp,
    purpose,
    retentionDays: Math.min(a.retentionDays, b.retentionDays),
    originatorConsentRequiredToForward: a.originatorConsentRequiredToForward || b.originatorConsentRequiredToForward,
  };
}
