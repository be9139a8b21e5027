/**
 * Factories for tests and demos: node identities with fresh keys, and messages with
 * sensible defaults. Synthetic data only.
 */
import type { Handling } from '../domain/model';
import { newId } from './bytes';
import type { Json } from './canonical-json';
import { buildMessage, type Audience, type MessageType, type Message, type NodeRef } from './envelope';
import { createNodeKeys } from './key-rotation';
import { publicIdentity, type NodeKeys, type PeerRecord } from './peers';

export interface TestNode {
  ref: NodeRef;
  keys: NodeKeys;
  /** What peers pin for this node. */
  identity: PeerRecord;
}

export function makeTestNode(node: string, country: string, now: number): TestNode {
  const ref = { node, country };
  const keys = createNodeKeys(ref, now);
  return { ref, keys, identity: publicIdentity(keys, `http://${node}.test`) };
}

export const AMBER_INVESTIGATION: Handling = {
  tlp: 'AMBER',
  purpose: 'investigation',
  retentionDays: 90,
  originatorConsentRequiredToForward: true,
};

export const LIAISON_AUDIENCE: Audience = { agencies: ['LIAISON'], persons: [] };

export interface MessageDraft {
  from: NodeRef;
  to: NodeRef;
  created: string;
  type?: MessageType;
  payload?: Record<string, Json>;
  handling?: Handling;
  audience?: Audience;
  id?: string;
}

export const sampleAlertPayload = (title = 'Recruiter charging placement fees'): Record<string, Json> => ({
  title,
  summary: 'Workers recruited in Oaxaca report fees of 30,000 MXN and passports held by the recruiter.',
  caseReference: 'MX-2026-000123',
  entities: [
    { globalId: 'mx:org-1', schema: 'Organization', properties: { name: ['Agencia Laboral del Sur'], country: ['MX'] } },
    { globalId: 'mx:phone-7', schema: 'Phone', properties: { number: ['+529511234567'] } },
  ],
  identityBasis: null,
});

/** A new message that is not a forward: the sender is its originator. */
export function makeMessage(draft: MessageDraft): Message {
  return buildMessage(
    {
      type: draft.type ?? 'Alert',
      from: draft.from,
      to: draft.to,
      handling: draft.handling ?? AMBER_INVESTIGATION,
      audience: draft.audience ?? LIAISON_AUDIENCE,
      payload: draft.payload ?? sampleAlertPayload(),
    },
    draft.id ?? newId(),
    draft.created,
  );
}
