import { beforeEach, describe, expect, it } from 'vitest';
import { iso } from '../../src/federation/bytes';
import { CLOCK_SKEW_MS, MAX_ENVELOPE_BYTES } from '../../src/federation/constants';
import { serializeEnvelope, type EncryptedPayload, type Envelope, type Message } from '../../src/federation/envelope';
import { makeMessage } from '../../src/federation/fixtures';
import { MATCH_HANDLING } from '../../src/federation/match-messages';
import { generateSigningKey } from '../../src/federation/keys';
import { activeSigningKey } from '../../src/federation/peers';
import { sealEnvelope, signEnvelope } from '../../src/federation/seal';
import { createCluster, type Cluster, type ClusterNode } from './cluster';

const START = Date.parse('2026-06-11T12:00:00.000Z');
const NO_FAULTS = { dropRequest: 0, dropResponse: 0, duplicate: 0, maxDelayTicks: 0 };

let cluster: Cluster;
let mx: ClusterNode;
let ca: ClusterNode;
let matchQueries: string[];

beforeEach(async () => {
  matchQueries = [];
  cluster = await createCluster({
    seed: 11,
    start: START,
    members: { mx: ['MX', 0], ca: ['CA', 0], us: ['US', 0] },
    faults: NO_FAULTS,
    handlers: (node) =>
      node === 'us'
        ? {
            MatchQuery: async (m) => {
              matchQueries.push(m.envelopeId);
            },
          }
        : {},
  });
  mx = cluster.nodes.mx!;
  ca = cluster.nodes.ca!;
});

/** MX seals a message to `to` (default CA) with its real keys. */
async function fromMx(overrides: Partial<Message> = {}, sentMs = cluster.clock.now(), to: ClusterNode = ca): Promise<Envelope> {
  const keys = await mx.keys.load();
  const peer = (await mx.peers.get(to.node))!;
  const message = { ...makeMessage({ from: { node: 'mx', country: 'MX' }, to: { node: to.node, country: to.country }, created: iso(sentMs - 1000) }), ...overrides };
  return sealEnvelope(message, iso(sentMs), { signing: activeSigningKey(keys), recipient: peer.encryptionKey });
}

/** Hands a body to the inbox of `at` (default CA) and checks that it was refused with `code`, stored nothing and was audited. */
async function expectRefused(body: string, code: string, envelopeId: string | null, at: ClusterNode = ca): Promise<void> {
  const before = at.audit.length;
  const answer = await at.federation.inbox.receive(body);
  expect(answer).toMatchObject({ ok: false, code });
  if (envelopeId) {
    expect(await at.messages.inbox.get(envelopeId)).toBeUndefined();
    expect(await at.messages.inbox.sighting(envelopeId)).toBeUndefined();
  }
  expect(await at.messages.inbox.listUnprocessed(10)).toEqual([]);
  expect(at.effects.size).toBe(0);
  const entries = at.audit.slice(before);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ action: 'federation.message.refused', targetId: envelopeId, detail: { code } });
}

const clk = (bytes: number): string => Buffer.alloc(bytes, 0x5a).toString('base64');
/** A well-formed MatchQuery payload of one encoding (docs/protocol/matching.md §2). */
const matchQuery = (clkBytes = 128) => ({
  queryId: '2f0b7c1e-4d3a-4b5c-8e9f-0a1b2c3d4e5f',
  part: { checkId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170', index: 0, count: 1 },
  schemaId: 'alianza-xb-v1',
  secretFingerprint: '0123456789abcdef0123456789abcdef',
  threshold: 0.6,
  records: [{ ref: 'AbCdEfGhIjKlMnOpQrSt_-', kind: 'Person', clk: clk(clkBytes) }],
});

describe('the inbox refuses with a code, stores nothing and writes an audit entry', () => {
  it('tampered payload: FED_TAMPERED', async () => {
    const envelope = await fromMx();
    const payload = envelope.payload as EncryptedPayload;
    const bytes = Buffer.from(payload.ciphertext, 'base64url');
    bytes[3] = (bytes[3] ?? 0) ^ 0x80;
    const { signature: _s, ...unsigned } = { ...envelope, payload: { ...payload, ciphertext: bytes.toString('base64url') } };
    const resigned = signEnvelope(unsigned, activeSigningKey(await mx.keys.load()));
    await expectRefused(serializeEnvelope(resigned), 'FED_TAMPERED', envelope.id);
  });

  it('bad signature: FED_BAD_SIGNATURE', async () => {
    const envelope = await fromMx();
    const other = await fromMx();
    await expectRefused(serializeEnvelope({ ...envelope, signature: other.signature }), 'FED_BAD_SIGNATURE', envelope.id);
  });

  it('unknown sender key: FED_UNKNOWN_SENDER_KEY', async () => {
    const envelope = await fromMx();
    const { signature: _s, ...unsigned } = envelope;
    const stranger = { ...generateSigningKey(), notBefore: iso(START), notAfter: null };
    await expectRefused(serializeEnvelope(signEnvelope(unsigned, stranger)), 'FED_UNKNOWN_SENDER_KEY', envelope.id);
  });

  it('replayed envelope: FED_REPLAY, and the first delivery took effect once', async () => {
    const body = serializeEnvelope(await fromMx());
    const first = await ca.federation.inbox.receive(body);
    expect(first.ok).toBe(true);
    const before = ca.audit.length;
    const again = await ca.federation.inbox.receive(body);
    expect(again).toMatchObject({ ok: false, code: 'FED_REPLAY' });
    expect(ca.effects.size).toBe(1);
    expect(ca.audit.slice(before)).toMatchObject([{ action: 'federation.message.refused', detail: { code: 'FED_REPLAY' } }]);
  });

  it('a fresh attempt of an accepted message is answered with a receipt but applied once', async () => {
    const message = makeMessage({ from: { node: 'mx', country: 'MX' }, to: { node: 'ca', country: 'CA' }, created: iso(START - 1000) });
    const first = await ca.federation.inbox.receive(serializeEnvelope(await fromMx(message)));
    cluster.clock.advance(1000);
    const retry = await ca.federation.inbox.receive(serializeEnvelope(await fromMx(message)));
    expect(first.ok && retry.ok).toBe(true);
    expect(ca.effects.get(message.id)).toBe(1);
    expect(ca.audit.filter((e) => e.action === 'federation.message.duplicate')).toHaveLength(1);
  });

  it('timestamp outside the skew tolerance: FED_CLOCK_SKEW, either way', async () => {
    const late = await fromMx({}, cluster.clock.now() - CLOCK_SKEW_MS - 1);
    await expectRefused(serializeEnvelope(late), 'FED_CLOCK_SKEW', late.id);
    const early = await fromMx({}, cluster.clock.now() + CLOCK_SKEW_MS + 1);
    await expectRefused(serializeEnvelope(early), 'FED_CLOCK_SKEW', early.id);
  });

  it('oversized envelope: FED_TOO_LARGE, before parsing', async () => {
    const body = serializeEnvelope(await fromMx());
    await expectRefused(body.slice(0, -1) + ',"pad":"' + 'x'.repeat(MAX_ENVELOPE_BYTES) + '"}', 'FED_TOO_LARGE', null);
  });

  it('malformed envelopes: FED_MALFORMED', async () => {
    await expectRefused('not json', 'FED_MALFORMED', null);
    const envelope = await fromMx();
    const body = serializeEnvelope(envelope);
    await expectRefused(body.replace('"type":"Alert"', '"type":"Gossip"'), 'FED_MALFORMED', null);
    await expectRefused(body.replace('"id":"', '"id":"X'), 'FED_MALFORMED', null);
  });

  it('unsupported version and wrong recipient: FED_UNSUPPORTED_VERSION, FED_NOT_FOR_US', async () => {
    const body = serializeEnvelope(await fromMx());
    await expectRefused(body.replace('"schemaVersion":1', '"schemaVersion":2'), 'FED_UNSUPPORTED_VERSION', null);
    const toUs = await fromMx({}, cluster.clock.now(), cluster.nodes.us!);
    await expectRefused(serializeEnvelope(toUs), 'FED_NOT_FOR_US', toUs.id);
  });

  it('reserved types: refused until a handler is registered (FED_UNSUPPORTED_TYPE), then accepted', async () => {
    const query = await fromMx({ type: 'MatchQuery', handling: MATCH_HANDLING, payload: matchQuery() });
    await expectRefused(serializeEnvelope(query), 'FED_UNSUPPORTED_TYPE', query.id);
    const toUs = await fromMx({ type: 'MatchQuery', handling: MATCH_HANDLING, payload: matchQuery() }, cluster.clock.now(), cluster.nodes.us!);
    expect(await cluster.nodes.us!.federation.inbox.receive(serializeEnvelope(toUs))).toMatchObject({ ok: true });
    expect(matchQueries).toEqual([toUs.id]);
  });

  it('a malformed matching payload is refused at the envelope (FED_MALFORMED with the field), never handed to its handler', async () => {
    const us = cluster.nodes.us!;
    // correctly sealed and signed by MX, but its one encoding is 127 bytes
    const short = await fromMx({ type: 'MatchQuery', handling: MATCH_HANDLING, payload: matchQuery(127) }, cluster.clock.now(), us);
    const before = us.audit.length;
    const answer = await us.federation.inbox.receive(serializeEnvelope(short));
    expect(answer).toEqual({ ok: false, code: 'FED_MALFORMED', params: { field: '$.payload.records[0].clk', reason: 'not 128 bytes' } });
    expect(await us.messages.inbox.get(short.id)).toBeUndefined();
    expect(await us.messages.inbox.sighting(short.id)).toBeUndefined();
    expect(await us.messages.inbox.listUnprocessed(10)).toEqual([]);
    expect(matchQueries).toEqual([]);
    expect(us.audit.slice(before)).toMatchObject([{ action: 'federation.message.refused', targetId: short.id, detail: { code: 'FED_MALFORMED', params: { field: '$.payload.records[0].clk' } } }]);
    // the other three types too, each with its field; a node without the handlers refuses them the same way
    const { part: _p, ...noPart } = matchQuery();
    const withoutPart = await fromMx({ type: 'MatchQuery', handling: MATCH_HANDLING, payload: noPart }, cluster.clock.now(), us);
    await expectRefused(serializeEnvelope(withoutPart), 'FED_MALFORMED', withoutPart.id, us);
    const result = { queryId: matchQuery().queryId, part: matchQuery().part, status: 'secret_mismatch', secretFingerprint: '0'.repeat(32), hits: [{ queryRef: 'AbCdEfGhIjKlMnOpQrSt_-', ownerRef: 'zyxwvutsrqponmlkjihgf0', kind: 'Person', score: 0.9 }] };
    const badResult = await fromMx({ type: 'MatchResult', handling: MATCH_HANDLING, payload: result });
    expect(await ca.federation.inbox.receive(serializeEnvelope(badResult))).toMatchObject({ ok: false, code: 'FED_MALFORMED', params: { field: '$.payload.hits' } });
    const badRequest = await fromMx({ type: 'DisclosureRequest', payload: { requestId: matchQuery().queryId } });
    expect(await ca.federation.inbox.receive(serializeEnvelope(badRequest))).toMatchObject({ ok: false, code: 'FED_MALFORMED', params: { field: '$.payload.queryId' } });
    const badDecision = await fromMx({ type: 'DisclosureDecision', payload: { requestId: matchQuery().queryId, decision: 'maybe' } });
    expect(await ca.federation.inbox.receive(serializeEnvelope(badDecision))).toMatchObject({ ok: false, code: 'FED_MALFORMED' });
    expect(ca.effects.size + us.effects.size).toBe(0);
    expect(matchQueries).toEqual([]);
  });
});

describe('the inbox never throws on input', () => {
  it('answers any bytes, and any corruption of a valid envelope, with a catalogued refusal code', async () => {
    const { federationErrors } = await import('../../src/federation/errors');
    const fc = (await import('fast-check')).default;
    const body = serializeEnvelope(await fromMx());
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          fc.tuple(fc.nat(body.length - 1), fc.nat(body.length), fc.string({ maxLength: 8 })).map(([at, len, s]) => body.slice(0, at) + s + body.slice(at + (len % 8))),
        ),
        async (input) => {
          const answer = await ca.federation.inbox.receive(input);
          if (answer.ok) return; // an edit that changed nothing (e.g. replaced a character by itself)
          expect(Object.keys(federationErrors)).toContain(answer.code);
          expect(answer.code).not.toBe('FED_INTERNAL');
        },
      ),
      { numRuns: 200 },
    );
  });
});
