/**
 * Refusals at the node-to-node endpoint over real HTTP: each one answers the protocol's
 * status and `{ code, params }`, writes an audit entry with the code, and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { iso } from '../../src/federation/bytes';
import { serializeEnvelope, type Envelope } from '../../src/federation/envelope';
import { makeMessage, sampleAlertPayload } from '../../src/federation/fixtures';
import { generateSigningKey } from '../../src/federation/keys';
import { activeSigningKey, type NodeKeys, type PeerRecord } from '../../src/federation/peers';
import { sealEnvelope, signEnvelope } from '../../src/federation/seal';
import type { SqlStore } from '../../src/store/sql-store';
import { closeNodes, httpNodes, type HttpNode } from './http-nodes';

let nodes: Record<string, HttpNode>;
let ca: HttpNode;
let mx: HttpNode;
let caKeys: NodeKeys;
let mxAtCa: PeerRecord;

beforeAll(async () => {
  nodes = await httpNodes(['CA', 'MX']);
  ca = nodes.ca!;
  mx = nodes.mx!;
  await ca.worker.stop(); // this test writes CA's envelopes itself
  caKeys = await ca.rt.keys.load();
  mxAtCa = (await ca.rt.peers.get('mx'))!;
}, 120_000);
afterAll(async () => closeNodes(nodes));

const post = async (body: string | Buffer): Promise<{ status: number; json: { code?: string; params?: Record<string, unknown> } }> => {
  const res = await fetch(`${mx.url}/federation/v1/envelopes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]) });
  const text = await res.text();
  return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : {} };
};

const seal = (opts: { sentOffsetMs?: number } = {}): Envelope => {
  const message = makeMessage({ from: caKeys.self, to: { node: 'mx', country: 'MX' }, created: iso(Date.now() + (opts.sentOffsetMs ?? 0) - 1000), payload: sampleAlertPayload('Refusal test') });
  return sealEnvelope(message, iso(Date.now() + (opts.sentOffsetMs ?? 0)), { signing: activeSigningKey(caKeys), recipient: mxAtCa.encryptionKey });
};

async function stored(): Promise<number> {
  const db = (mx.store as SqlStore).kysely;
  const r = await sql<{ n: number }>`select (select count(*) from federation_inbox) + (select count(*) from federation_sightings) as n`.execute(db);
  return Number(r.rows[0]!.n);
}

async function refusedCodes(): Promise<string[]> {
  const page = await mx.store.audit.list({ action: 'federation.message.refused', limit: 200 });
  return page.items.map((e) => String(e.detail.code));
}

const flip = (text: string): string => (text[5] === 'A' ? text.slice(0, 5) + 'B' + text.slice(6) : text.slice(0, 5) + 'A' + text.slice(6));

describe('refusals over HTTP', () => {
  const cases: { what: string; body: () => string | Buffer; status: number; code: string }[] = [
    {
      what: 'a tampered payload, signed again by the peer',
      body: () => {
        const e = seal();
        const p = e.payload as { ciphertext: string };
        const { signature: _s, ...unsigned } = { ...e, payload: { ...e.payload, ciphertext: flip(p.ciphertext) } };
        return serializeEnvelope(signEnvelope(unsigned as Omit<Envelope, 'signature'>, activeSigningKey(caKeys)));
      },
      status: 400,
      code: 'FED_TAMPERED',
    },
    {
      what: 'a payload changed on the way (signature no longer verifies)',
      body: () => {
        const e = seal();
        return serializeEnvelope({ ...e, payload: { ...e.payload, ciphertext: flip((e.payload as { ciphertext: string }).ciphertext) } } as Envelope);
      },
      status: 401,
      code: 'FED_BAD_SIGNATURE',
    },
    {
      what: 'a bad signature',
      body: () => {
        const e = seal();
        return serializeEnvelope({ ...e, signature: { ...e.signature, value: flip(e.signature.value) } });
      },
      status: 401,
      code: 'FED_BAD_SIGNATURE',
    },
    {
      what: 'an unknown sender key',
      body: () => {
        const { signature: _s, ...unsigned } = seal();
        return serializeEnvelope(signEnvelope(unsigned, generateSigningKey()));
      },
      status: 401,
      code: 'FED_UNKNOWN_SENDER_KEY',
    },
    { what: 'a timestamp outside the skew window', body: () => serializeEnvelope(seal({ sentOffsetMs: -10 * 60_000 })), status: 400, code: 'FED_CLOCK_SKEW' },
    { what: 'a timestamp from the future', body: () => serializeEnvelope(seal({ sentOffsetMs: 6 * 60_000 })), status: 400, code: 'FED_CLOCK_SKEW' },
    { what: 'an oversized envelope', body: () => Buffer.alloc(1_048_577, 0x20), status: 413, code: 'FED_TOO_LARGE' },
    { what: 'a body that is not JSON', body: () => '{"id": ', status: 400, code: 'FED_MALFORMED' },
    { what: 'duplicate member names', body: () => serializeEnvelope(seal()).replace('{', '{"id":"x",'), status: 400, code: 'FED_MALFORMED' },
    { what: 'an empty body', body: () => '', status: 400, code: 'FED_MALFORMED' },
    { what: 'a sender that is not a peer', body: () => serializeEnvelope(seal()).replaceAll('"node":"ca"', '"node":"zz"'), status: 401, code: 'FED_UNKNOWN_PEER' },
  ];

  for (const c of cases) {
    it(`refuses ${c.what}: ${c.code}, audited, nothing stored`, async () => {
      const before = await stored();
      const audited = (await refusedCodes()).length;
      const res = await post(c.body());
      expect(res.status).toBe(c.status);
      expect(res.json.code).toBe(c.code);
      expect(Object.keys(res.json).sort()).toEqual(['code', 'params']);
      expect(await stored()).toBe(before);
      const codes = await refusedCodes();
      expect(codes.length).toBe(audited + 1);
      expect(codes[0]).toBe(c.code);
    });
  }

  it('accepts an envelope once and refuses its replay, storing it once', async () => {
    const body = serializeEnvelope(seal());
    const before = await stored();
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(await stored()).toBe(before + 2); // the message and its sighting
    const again = await post(body);
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('FED_REPLAY');
    expect(await stored()).toBe(before + 2);
    expect((await refusedCodes())[0]).toBe('FED_REPLAY');
    expect((await mx.store.audit.verify()).ok).toBe(true);
  });
});

describe('an address refused too often', () => {
  it('is answered 429 for the rest of the minute, with one audit entry instead of one per request', async () => {
    const before = (await mx.store.audit.list({ action: 'federation.message.refused', limit: 1 })).total;
    let refused = 0;
    for (let i = 0; i < 700 && refused < 600; i++) {
      const res = await post('{"not an envelope":');
      if (res.status === 400) refused++;
      else break;
    }
    const blocked = await post(serializeEnvelope(seal()));
    expect(blocked.status).toBe(429);
    const after = (await mx.store.audit.list({ action: 'federation.message.refused', limit: 1 })).total;
    expect(after - before).toBeLessThanOrEqual(600);
    expect((await mx.store.audit.list({ action: 'federation.peer.throttled' })).items).toHaveLength(1);
    // a node whose envelopes are accepted is never slowed down: accepted ones do not count
    expect((await mx.store.audit.verify()).ok).toBe(true);
  }, 60_000);
});
