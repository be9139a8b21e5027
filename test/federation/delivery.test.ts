import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../src/federation/envelope';
import { sampleAlertPayload } from '../../src/federation/fixtures';
import { verifySignature } from '../../src/federation/seal';
import type { Handling } from '../../src/domain/model';
import { createCluster } from './cluster';

const START = Date.parse('2026-06-11T12:00:00.000Z');
const MEMBERS: Record<string, [string, number]> = { mx: ['MX', -90_000], ca: ['CA', 0], us: ['US', 120_000] };
const HANDLING: Handling = { tlp: 'AMBER', purpose: 'investigation', retentionDays: 90, originatorConsentRequiredToForward: true };
const AUDIENCE = { agencies: ['LIAISON'], persons: [] };
const person = { actorId: 'user-1', actorLabel: 'liaison@demo' };

describe('three nodes over a faulty network', () => {
  it('delivers 1,000 messages exactly once, with matching signed receipts, and empties every outbox', async () => {
    const cluster = await createCluster({
      seed: 20260611,
      start: START,
      members: MEMBERS,
      faults: { dropRequest: 0.15, dropResponse: 0.15, duplicate: 0.15, maxDelayTicks: 4 },
    });
    const { nodes } = cluster;
    const names = Object.keys(nodes);
    const sent: { id: string; from: string; to: string }[] = [];
    for (let i = 0; i < 1000; i++) {
      const from = names[i % 3]!;
      const to = names[(i + 1 + (Math.floor(i / 3) % 2)) % 3]!;
      const record = await nodes[from]!.federation.sharing.share({
        to,
        type: 'Alert',
        payload: sampleAlertPayload(`Alert ${i}`),
        handling: HANDLING,
        audience: AUDIENCE,
        actor: person,
      });
      sent.push({ id: record.id, from, to });
      if (i % 100 === 99) await Promise.all(names.map((n) => nodes[n]!.federation.outbox.deliverDue()));
    }

    await cluster.run();
    // some recipients open some messages: read receipts travel back through the same faults
    const opened = sent.filter((_, i) => i % 4 === 0);
    for (const m of opened) await nodes[m.to]!.federation.inbox.markRead(m.id, person);
    await cluster.run();
    expect(await cluster.pending()).toBe(0);

    // the faults did happen
    const stats = cluster.network.stats;
    expect(stats.droppedRequests).toBeGreaterThan(50);
    expect(stats.droppedResponses).toBeGreaterThan(50);
    expect(stats.duplicates).toBeGreaterThan(50);

    // every message took effect exactly once, at its recipient only
    for (const m of sent) {
      expect(nodes[m.to]!.effects.get(m.id), m.id).toBe(1);
      expect(nodes[m.from]!.effects.has(m.id)).toBe(false);
    }
    const totalEffects = names.reduce((sum, n) => sum + [...nodes[n]!.effects.values()].reduce((a, b) => a + b, 0), 0);
    expect(totalEffects).toBe(1000);

    // every outbox record is closed by a receipt signed by the recipient for exactly that content
    const openedIds = new Set(opened.map((m) => m.id));
    for (const m of sent) {
      const sender = nodes[m.from]!;
      const record = await sender.messages.outbox.get(m.id);
      expect(record?.status).toBe(openedIds.has(m.id) ? 'read' : 'delivered');
      expect(record?.message).toBeNull(); // the plaintext copy is dropped once delivered
      const receipts = await sender.messages.receipts.listFor(m.id);
      const delivered = receipts.find((r) => r.status === 'delivered');
      expect(delivered).toMatchObject({ from: m.to, contentDigest: record!.contentDigest });
      const evidence = parseEnvelope(delivered!.evidence);
      expect(evidence.ok).toBe(true);
      const recipientKeys = (await sender.peers.get(m.to))!.signingKeys;
      if (evidence.ok) expect(verifySignature(evidence.value, recipientKeys[0]!.publicKey)).toBe(true);
      if (openedIds.has(m.id)) expect(receipts.some((r) => r.status === 'read' && r.from === m.to)).toBe(true);
    }

    // every received message is in the recipient's audit log, once
    for (const n of names) {
      const received = nodes[n]!.audit.filter((e) => e.action === 'federation.message.received' && e.detail.type === 'Alert');
      expect(received.length).toBe(sent.filter((m) => m.to === n).length);
      expect(new Set(received.map((e) => e.targetId)).size).toBe(received.length);
    }
  }, 120_000);

  it('lets a node that was down catch up on everything when it comes back', async () => {
    const cluster = await createCluster({ seed: 7, start: START, members: MEMBERS, faults: { dropRequest: 0, dropResponse: 0, duplicate: 0, maxDelayTicks: 2 } });
    const { nodes, network } = cluster;
    network.setDown(nodes.us!.url, true);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const from = i % 2 ? 'mx' : 'ca';
      const r = await nodes[from]!.federation.sharing.share({ to: 'us', type: 'Alert', payload: sampleAlertPayload(`Down ${i}`), handling: HANDLING, audience: AUDIENCE, actor: person });
      ids.push(r.id);
    }
    expect(await cluster.run({ maxRounds: 20, stepMs: 60_000 })).toBe(20);
    expect(nodes.us!.effects.size).toBe(0);
    const waiting = await nodes.mx!.messages.outbox.list({ status: ['sent'] });
    expect(waiting.length).toBe(15);
    expect(waiting.every((r) => r.attempts > 1 && r.lastError === 'FED_UNAVAILABLE')).toBe(true);

    network.setDown(nodes.us!.url, false);
    await cluster.run();
    expect(await cluster.pending()).toBe(0);
    for (const id of ids) expect(nodes.us!.effects.get(id)).toBe(1);
  });

  it('marks a message failed after the last attempt, and an operator can queue it again', async () => {
    const cluster = await createCluster({
      seed: 3,
      start: START,
      members: MEMBERS,
      faults: { dropRequest: 0, dropResponse: 0, duplicate: 0, maxDelayTicks: 0 },
      retry: { baseMs: 1_000, capMs: 5_000, maxAttempts: 3, maxAgeMs: 86_400_000 },
    });
    const { nodes, network } = cluster;
    network.setDown(nodes.ca!.url, true);
    const r = await nodes.mx!.federation.sharing.share({ to: 'ca', type: 'Alert', payload: sampleAlertPayload(), handling: HANDLING, audience: AUDIENCE, actor: person });
    await cluster.run({ maxRounds: 10, stepMs: 10_000 });
    const failed = await nodes.mx!.messages.outbox.get(r.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: 'FED_UNAVAILABLE' });
    expect(nodes.mx!.audit.some((e) => e.action === 'federation.message.failed' && e.targetId === r.id)).toBe(true);

    network.setDown(nodes.ca!.url, false);
    expect(await nodes.mx!.federation.outbox.requeue(r.id, person)).toBe(true);
    await cluster.run();
    expect((await nodes.mx!.messages.outbox.get(r.id))?.status).toBe('delivered');
    expect(nodes.ca!.effects.get(r.id)).toBe(1);
  });
});
