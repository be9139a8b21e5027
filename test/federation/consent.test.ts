import { beforeEach, describe, expect, it } from 'vitest';
import { AlianzaError } from '../../src/domain/errors';
import type { Handling } from '../../src/domain/model';
import { DAY_MS } from '../../src/federation/constants';
import type { Json } from '../../src/federation/canonical-json';
import type { Audience } from '../../src/federation/envelope';
import { sampleAlertPayload } from '../../src/federation/fixtures';
import { createCluster, type Cluster, type ClusterNode } from './cluster';

const START = Date.parse('2026-06-11T12:00:00.000Z');
const AMBER_CONSENT: Handling = { tlp: 'AMBER', purpose: 'investigation', retentionDays: 90, originatorConsentRequiredToForward: true };
/** What CA proposes: the same label, for less time than it has left. */
const FORWARD: Handling = { ...AMBER_CONSENT, retentionDays: 60 };
const RCMP: Audience = { agencies: ['RCMP'], persons: [] };
const HSI: Audience = { agencies: ['HSI'], persons: [] };
const liaison = (node: string) => ({ actorId: `liaison-${node}`, actorLabel: `liaison@${node}.demo` });

let cluster: Cluster;
let mx: ClusterNode;
let ca: ClusterNode;
let us: ClusterNode;

beforeEach(async () => {
  cluster = await createCluster({
    seed: 42,
    start: START,
    members: { mx: ['MX', 0], ca: ['CA', 60_000], us: ['US', -60_000] },
    faults: { dropRequest: 0.2, dropResponse: 0.2, duplicate: 0.2, maxDelayTicks: 3 },
  });
  ({ mx, ca, us } = cluster.nodes as Record<'mx' | 'ca' | 'us', ClusterNode>);
});

async function mxSharesWithCa(handling: Handling, audience = RCMP): Promise<string> {
  const r = await mx.federation.sharing.share({ to: 'ca', type: 'Alert', payload: sampleAlertPayload(), handling, audience, actor: liaison('mx') });
  await cluster.run();
  expect(ca.effects.get(r.id)).toBe(1);
  return r.id;
}

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return e instanceof AlianzaError ? e.code : String(e);
  }
};

describe('forwarding with the originator consent', () => {
  it('asks MX, and forwards to US only once MX granted, within what it granted', async () => {
    const itemId = await mxSharesWithCa(AMBER_CONSENT);
    const asked = await ca.federation.sharing.forward({
      heldEnvelopeId: itemId,
      to: 'us',
      handling: FORWARD,
      audience: HSI,
      reason: 'The recruiter places workers on farms in Georgia',
      actor: liaison('ca'),
    });
    expect(asked.outcome).toBe('needs_consent');
    // asking twice does not send a second request
    const again = await ca.federation.sharing.forward({ heldEnvelopeId: itemId, to: 'us', handling: FORWARD, audience: HSI, reason: 'again', actor: liaison('ca') });
    expect(again).toEqual(asked);
    await cluster.run();
    expect(us.effects.size).toBe(0);

    const incoming = await mx.messages.consents.list({ direction: 'incoming', status: 'pending' });
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ itemId, forwarder: 'ca', forwardTo: { node: 'us' } });
    await mx.federation.sharing.decideConsent(incoming[0]!.requestId, {
      granted: true,
      reason: 'Joint investigation agreed on 10 June',
      maxHandling: { ...AMBER_CONSENT, retentionDays: 30 },
      actor: liaison('mx'),
    });
    await cluster.run();
    await cluster.run();

    expect(us.effects.size).toBe(1);
    const [forwardId] = [...us.effects.keys()];
    const atUs = (await us.messages.inbox.get(forwardId!))!;
    expect(atUs.originator).toEqual({ node: 'mx', itemId });
    expect(atUs.from.node).toBe('ca');
    expect(atUs.handling).toEqual({ ...AMBER_CONSENT, retentionDays: 30 });
    expect(atUs.consentGrant).toMatchObject({ itemId, originator: 'mx', forwarder: 'ca', grantedTo: 'us' });
    expect(atUs.payload).toEqual((await ca.messages.inbox.get(itemId))!.payload);
    expect(mx.audit.some((e) => e.action === 'federation.consent.decided' && e.actorId === 'liaison-mx')).toBe(true);
  });

  it('does not forward when MX refuses', async () => {
    const itemId = await mxSharesWithCa(AMBER_CONSENT);
    await ca.federation.sharing.forward({ heldEnvelopeId: itemId, to: 'us', handling: FORWARD, audience: HSI, reason: 'r', actor: liaison('ca') });
    await cluster.run();
    const [request] = await mx.messages.consents.list({ direction: 'incoming' });
    await mx.federation.sharing.decideConsent(request!.requestId, { granted: false, reason: 'Operation under way', actor: liaison('mx') });
    await cluster.run();
    await cluster.run();
    expect(us.effects.size).toBe(0);
    expect(await ca.messages.consents.get(request!.requestId)).toMatchObject({ status: 'refused', decisionReason: 'Operation under way' });
  });

  it('forwards AMBER at once when the originator did not ask for consent; never RED or AMBER+STRICT', async () => {
    const open = await mxSharesWithCa({ ...AMBER_CONSENT, originatorConsentRequiredToForward: false });
    const result = await ca.federation.sharing.forward({ heldEnvelopeId: open, to: 'us', handling: { ...AMBER_CONSENT, originatorConsentRequiredToForward: false, retentionDays: 60 }, audience: HSI, reason: 'r', actor: liaison('ca') });
    expect(result.outcome).toBe('queued');
    const red = await mxSharesWithCa({ ...AMBER_CONSENT, tlp: 'RED' }, { agencies: ['RCMP'], persons: ['ana@rcmp'] });
    expect(await codeOf(ca.federation.sharing.forward({ heldEnvelopeId: red, to: 'us', handling: { ...AMBER_CONSENT, tlp: 'RED' }, audience: { agencies: [], persons: ['bo@hsi'] }, reason: 'r', actor: liaison('ca') }))).toBe(
      'FED_HANDLING_RED_NO_FORWARD',
    );
    const strict = await mxSharesWithCa({ ...AMBER_CONSENT, tlp: 'AMBER+STRICT' });
    expect(await codeOf(ca.federation.sharing.forward({ heldEnvelopeId: strict, to: 'us', handling: { ...AMBER_CONSENT, tlp: 'AMBER+STRICT' }, audience: HSI, reason: 'r', actor: liaison('ca') }))).toBe(
      'FED_HANDLING_STRICT_NO_FORWARD',
    );
    await cluster.run();
    expect(us.effects.size).toBe(1);
  });

  it('refuses at once a consent request about an item MX never sent', async () => {
    const itemId = await mxSharesWithCa({ ...AMBER_CONSENT, tlp: 'GREEN' }, { agencies: [], persons: [] });
    // CA asks US, which is not the originator and never sent such an item
    const payload: Record<string, Json> = { itemId, forwardTo: { node: 'mx', country: 'MX' }, proposedHandling: { ...AMBER_CONSENT }, proposedAudience: { ...RCMP }, reason: 'r' };
    await ca.federation.outbox.enqueue({
      id: crypto.randomUUID(),
      type: 'ConsentRequest',
      schemaVersion: 1,
      from: { node: 'ca', country: 'CA' },
      to: { node: 'us', country: 'US' },
      created: new Date(ca.clock.now()).toISOString(),
      originator: { node: 'ca', itemId: '00000000-0000-4000-8000-000000000001' },
      handling: { tlp: 'GREEN', purpose: 'consent', retentionDays: 365, originatorConsentRequiredToForward: true },
      audience: { agencies: [], persons: [] },
      consentGrant: null,
      payload,
    });
    await cluster.run();
    expect(await us.messages.consents.list({ direction: 'incoming', status: 'refused' })).toHaveLength(1);
  });
});

describe('retention', () => {
  it('purges the payload when the retention ends, keeps a stub, audits it, and forbids any further forward', async () => {
    const itemId = await mxSharesWithCa({ tlp: 'GREEN', purpose: 'investigation', retentionDays: 2, originatorConsentRequiredToForward: false }, { agencies: [], persons: [] });
    expect(await ca.federation.inbox.purgeExpired()).toBe(0);
    cluster.clock.advance(2 * DAY_MS + 120_000);
    expect(await ca.federation.inbox.purgeExpired()).toBe(1);
    const stub = (await ca.messages.inbox.get(itemId))!;
    expect(stub.payload).toBeNull();
    expect(stub.purgedAt).not.toBeNull();
    expect(stub.contentDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(ca.audit.some((e) => e.action === 'federation.message.purged' && e.targetId === itemId)).toBe(true);
    expect(
      await codeOf(ca.federation.sharing.forward({ heldEnvelopeId: itemId, to: 'us', handling: { tlp: 'GREEN', purpose: 'investigation', retentionDays: 1, originatorConsentRequiredToForward: false }, audience: { agencies: [], persons: [] }, reason: 'r', actor: liaison('ca') })),
    ).toBe('FED_HANDLING_EXPIRED');
  });
});

describe('sharing refuses before anything is queued', () => {
  it('names the reason with a stable code', async () => {
    const share = (over: Partial<Parameters<typeof mx.federation.sharing.share>[0]>) =>
      mx.federation.sharing.share({ to: 'ca', type: 'Alert', payload: sampleAlertPayload(), handling: AMBER_CONSENT, audience: RCMP, actor: liaison('mx'), ...over });
    expect(await codeOf(share({ to: 'gt' }))).toBe('FED_UNKNOWN_PEER');
    expect(await codeOf(share({ handling: { ...AMBER_CONSENT, tlp: 'RED' } }))).toBe('FED_HANDLING_INVALID');
    expect(await codeOf(share({ handling: { ...AMBER_CONSENT, retentionDays: 5000 } }))).toBe('FED_HANDLING_INVALID');
    expect(await codeOf(share({ payload: { title: 'no summary' } }))).toBe('FED_MALFORMED');
    expect(await mx.federation.outbox.pending()).toBe(0);

    const itemId = await mxSharesWithCa(AMBER_CONSENT);
    const forward = (handling: Handling) => ca.federation.sharing.forward({ heldEnvelopeId: itemId, to: 'us', handling, audience: HSI, reason: 'r', actor: liaison('ca') });
    expect(await codeOf(forward({ ...AMBER_CONSENT, tlp: 'GREEN' }))).toBe('FED_HANDLING_WIDENS');
    expect(await codeOf(forward({ ...AMBER_CONSENT, purpose: 'statistics' }))).toBe('FED_HANDLING_WIDENS');
    expect(await codeOf(forward({ ...AMBER_CONSENT, originatorConsentRequiredToForward: false, retentionDays: 10 }))).toBe('FED_HANDLING_WIDENS');
    expect(await codeOf(ca.federation.inbox.markRead('00000000-0000-4000-8000-000000000000', liaison('ca')))).toBe('FED_MESSAGE_NOT_FOUND');
  });
});
