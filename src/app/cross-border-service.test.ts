/**
 * A check larger than one message, between two nodes whose stores are real (SQLite) and whose
 * federation is a queue in memory: the default part size with more marked entities than one
 * message can carry, parts answered one at a time and out of order, the listing of both sides, a part
 * delivered again, a part that clashes, a result for the wrong part, and a secret mismatch
 * in one part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../domain/model';
import { MAX_PLAINTEXT_BYTES } from '../federation/constants';
import type { Federation } from '../federation/federation-node';
import type { InboxHandlers, ReceivedMessage } from '../federation/inbox';
import { readMatchPayload, type MatchQueryPayload, type MatchResultPayload } from '../federation/match-messages';
import type { PeerRepository } from '../federation/ports';
import { openStore } from '../store/open-store';
import type { SqlStore } from '../store/sql-store';
import { systemClock, type AppContext } from './context';
import { crossBorderHandlers } from './cross-border-handlers';
import {
  listChecks,
  MATCH_PART_RECORDS,
  payloadBytes,
  runCheck,
  setLinkageSecret,
  type CrossBorderAccess,
  type CrossBorderActor,
  type CrossBorderCheckView,
} from './cross-border-service';

interface Sent {
  to: string;
  type: string;
  payload: Record<string, unknown>;
}

interface Side {
  node: 'mx' | 'ca';
  country: 'MX' | 'CA';
  store: SqlStore;
  ctx: AppContext;
  outbox: Sent[];
  access: CrossBorderAccess;
  handlers: InboxHandlers;
  actor: CrossBorderActor;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'alianza-xb-parts-'));
const SHARED = randomBytes(32);
const sealer = { seal: (b: Uint8Array) => Buffer.from(b).toString('base64'), open: (s: string) => Uint8Array.from(Buffer.from(s, 'base64')) };
const GIVEN = ['María', 'José', 'Ana', 'Luis', 'Rosa', 'Pedro', 'Carmen', 'Jorge', 'Lucía', 'Miguel', 'Elena', 'Raúl', 'Sofía', 'Diego', 'Julia', 'Andrés', 'Paula', 'Tomás', 'Inés', 'Hugo'];
const SURNAMES = ['García', 'Hernández', 'López', 'Martínez', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Cruz', 'Morales', 'Reyes', 'Ortiz', 'Castillo', 'Chávez', 'Vargas', 'Romero'];
/** more than one message can carry: some 230 bytes an encoding, 524,288 bytes a message */
const MARKED_AT_MX = 2400;
/** entities of MX that CA holds too, in the first and in the last part */
const PLANTED = [7, 1499, 1500, 2388];

const person = (i: number): Record<string, string[]> => {
  const given = GIVEN[i % GIVEN.length]!;
  const surname = SURNAMES[Math.floor(i / GIVEN.length) % SURNAMES.length]!;
  const second = SURNAMES[(i * 7 + 3) % SURNAMES.length]!;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
  return { name: [`${given} ${surname} ${second}`], givenName: [given], surname: [surname], secondSurname: [second], birthDate: [`${1950 + (i % 50)}-${month}-${day}`] };
};

async function side(node: 'mx' | 'ca', marked: Record<string, string[]>[]): Promise<Side> {
  const country = node === 'mx' ? 'MX' : 'CA';
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, `${node}.db`) });
  const ctx: AppContext = {
    store,
    node: { nodeId: node, country, name: `${country} node`, pseudonymKey: randomBytes(32) },
    clock: systemClock,
    demo: true,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
  };
  const agencyId = randomUUID();
  const at = new Date().toISOString();
  await store.agencies.create({ id: agencyId, code: `${country}LIA`, name: `${country} liaison`, country, createdAt: at });
  await store.transaction(async (tx) => {
    for (const properties of marked) {
      const e: Entity = { id: randomUUID(), schema: 'Person', properties, caption: properties.name![0]!, owningAgencyId: agencyId, crossBorderCheck: true, createdAt: at, updatedAt: at, version: 1 };
      await tx.entities.create(e);
    }
  });
  await setLinkageSecret(ctx, sealer, null, SHARED, 'test');
  const outbox: Sent[] = [];
  const other = node === 'mx' ? { node: 'ca', country: 'CA' } : { node: 'mx', country: 'MX' };
  const federation = {
    sharing: {
      share: async (input: { to: string; type: string; payload: Record<string, unknown> }) => {
        outbox.push({ to: input.to, type: input.type, payload: input.payload });
        return { id: randomUUID() };
      },
    },
  } as unknown as Pick<Federation, 'sharing'>;
  const peers = { list: async () => [other], get: async (n: string) => (n === other.node ? other : undefined) } as unknown as Pick<PeerRepository, 'list' | 'get'>;
  const handlers = crossBorderHandlers(ctx, { federation: () => federation, sealer });
  const actor: CrossBorderActor = { userId: randomUUID(), agencyId, role: 'analyst', locale: 'en', displayName: 'Analyst', email: `analyst@${node}.demo` };
  return { node, country, store, ctx, outbox, access: { federation, peers, sealer }, handlers, actor };
}

let mx: Side;
let ca: Side;

/** Hands one message a side sent to the other side's handler, as the inbox would. */
async function deliver(from: Side, to: Side, sent: Sent): Promise<void> {
  const at = new Date().toISOString();
  const message = {
    envelopeId: randomUUID(),
    type: sent.type,
    from: { node: from.node, country: from.country },
    originator: { node: from.node, itemId: randomUUID() },
    handling: { tlp: 'AMBER', purpose: 'cross-border-matching', retentionDays: 365, originatorConsentRequiredToForward: true },
    audience: { agencies: ['LIAISON'], persons: [] },
    consentGrant: null,
    created: at,
    receivedAt: at,
    payload: sent.payload,
  } as unknown as ReceivedMessage;
  await to.handlers[sent.type as 'MatchQuery']!(message);
}

const checksOf = async (s: Side): Promise<CrossBorderCheckView[]> => (await listChecks(s.ctx, s.access, s.actor, { limit: 100, offset: 0 })).items;
const queries = (s: Side): MatchQueryPayload[] => s.outbox.filter((m) => m.type === 'MatchQuery').map((m) => m.payload as unknown as MatchQueryPayload);
const results = (s: Side): MatchResultPayload[] => s.outbox.filter((m) => m.type === 'MatchResult').map((m) => m.payload as unknown as MatchResultPayload);
const hitsOfCheck = async (s: Side, checkId: string): Promise<number> => (await s.store.crossBorder!.listHits({ checkId, limit: 1 })).total;

beforeAll(async () => {
  const all = Array.from({ length: MARKED_AT_MX }, (_, i) => person(i));
  mx = await side('mx', all);
  // CA: the planted people written without accents, and strangers
  const strip = (p: Record<string, string[]>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.map((x) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))]));
  ca = await side('ca', [...PLANTED.map((i) => strip(person(i))), { name: ['Wilhelmina Oyelaran-Stokes'], birthDate: ['1931-12-31'] }]);
}, 120_000);

afterAll(async () => {
  await mx?.store.close();
  await ca?.store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a check of more than one message', () => {
  let check: CrossBorderCheckView;
  let parts: MatchQueryPayload[];

  it('is sent in parts of at most 1,500 encodings, each fitting one message, all of one check', async () => {
    const views = await runCheck(mx.ctx, mx.access, mx.actor);
    expect(views).toHaveLength(1);
    check = views[0]!;
    expect(check).toMatchObject({ peerNode: 'ca', direction: 'sent', status: 'sent', records: MARKED_AT_MX, hits: 0 });
    parts = queries(mx);
    expect(MATCH_PART_RECORDS).toBe(1500);
    expect(parts.map((p) => p.records.length)).toEqual([1500, MARKED_AT_MX - 1500]);
    expect(parts.map((p) => p.part)).toEqual([
      { checkId: check.queryId, index: 0, count: 2 },
      { checkId: check.queryId, index: 1, count: 2 },
    ]);
    expect(new Set(parts.map((p) => p.queryId)).size).toBe(2);
    expect(parts.map((p) => p.queryId)).not.toContain(check.queryId);
    for (const p of parts) {
      expect(readMatchPayload('MatchQuery', p).ok).toBe(true);
      expect(payloadBytes(p)).toBeLessThan(MAX_PLAINTEXT_BYTES);
    }
    // every marked entity once, each under its own reference; all of them would not fit one message
    expect(new Set(parts.flatMap((p) => p.records.map((r) => r.ref))).size).toBe(MARKED_AT_MX);
    expect(payloadBytes({ ...parts[0]!, records: parts.flatMap((p) => p.records) })).toBeGreaterThan(MAX_PLAINTEXT_BYTES);
    expect(await checksOf(mx)).toEqual([check]);
  });

  it('is answered part by part; each side lists one check, answered only once every part is', async () => {
    await deliver(mx, ca, { to: 'ca', type: 'MatchQuery', payload: parts[1] as unknown as Record<string, unknown> });
    const halfway = await checksOf(ca);
    expect(halfway).toMatchObject([{ queryId: check.queryId, direction: 'received', status: 'sent', records: MARKED_AT_MX - 1500, answeredAt: null }]);
    expect(results(ca)).toHaveLength(1);
    expect(results(ca)[0]!.part).toEqual(parts[1]!.part);
    await deliver(ca, mx, { to: 'mx', type: 'MatchResult', payload: results(ca)[0] as unknown as Record<string, unknown> });
    const mine = await checksOf(mx);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ queryId: check.queryId, status: 'sent', answeredAt: null });
    expect(mine[0]!.hits).toBe(results(ca)[0]!.hits.length);

    await deliver(mx, ca, { to: 'ca', type: 'MatchQuery', payload: parts[0] as unknown as Record<string, unknown> });
    await deliver(ca, mx, { to: 'mx', type: 'MatchResult', payload: results(ca)[1] as unknown as Record<string, unknown> });
    const [sent] = await checksOf(mx);
    const [received] = await checksOf(ca);
    const hits = results(ca).reduce((n, r) => n + r.hits.length, 0);
    expect(sent).toMatchObject({ queryId: check.queryId, direction: 'sent', status: 'answered', records: MARKED_AT_MX, hits });
    expect(received).toMatchObject({ queryId: check.queryId, direction: 'received', status: 'answered', records: MARKED_AT_MX, hits });
    expect(sent!.answeredAt).not.toBeNull();
    // the planted people, found in both parts
    expect(results(ca).map((r) => r.hits.length).every((n) => n >= 2)).toBe(true);
    expect(hits).toBeGreaterThanOrEqual(PLANTED.length);
    expect(await hitsOfCheck(mx, check.queryId)).toBe(hits);
    expect(await hitsOfCheck(ca, check.queryId)).toBe(hits);
  });

  it('records nothing twice when a part and its result are delivered again', async () => {
    const before = { mx: await checksOf(mx), ca: await checksOf(ca), results: results(ca).length };
    await deliver(mx, ca, { to: 'ca', type: 'MatchQuery', payload: parts[0] as unknown as Record<string, unknown> });
    await deliver(ca, mx, { to: 'mx', type: 'MatchResult', payload: results(ca)[1] as unknown as Record<string, unknown> });
    expect(results(ca)).toHaveLength(before.results);
    expect(await checksOf(mx)).toEqual(before.mx);
    expect(await checksOf(ca)).toEqual(before.ca);
  });

  it('refuses a part already received under another query id, and a result naming another part', async () => {
    const before = { ca: await checksOf(ca), mx: await checksOf(mx), results: results(ca).length };
    await deliver(mx, ca, { to: 'ca', type: 'MatchQuery', payload: { ...parts[0], queryId: randomUUID() } as unknown as Record<string, unknown> });
    expect(results(ca)).toHaveLength(before.results);
    expect(await checksOf(ca)).toEqual(before.ca);
    const refused = (await ca.store.audit.list({ action: 'crossborder.check.refused' })).items;
    expect(refused.map((e) => e.detail.reason)).toEqual(['part already received']);

    const moved = { ...results(ca)[0]!, part: { ...results(ca)[0]!.part, index: 0 }, hits: [] };
    await deliver(ca, mx, { to: 'mx', type: 'MatchResult', payload: moved as unknown as Record<string, unknown> });
    expect(await checksOf(mx)).toEqual(before.mx);
    const wrong = (await mx.store.audit.list({ action: 'crossborder.result.refused' })).items;
    expect(wrong.map((e) => e.detail.reason)).toEqual(['not the part of the check this query was']);
  });

  it('shows secret_mismatch as soon as one part says so', async () => {
    await setLinkageSecret(ca.ctx, sealer, null, randomBytes(32), 'test');
    mx.outbox.length = 0;
    ca.outbox.length = 0;
    const [next] = await runCheck(mx.ctx, mx.access, mx.actor);
    const [first] = queries(mx);
    await deliver(mx, ca, { to: 'ca', type: 'MatchQuery', payload: first as unknown as Record<string, unknown> });
    expect(results(ca)[0]).toMatchObject({ status: 'secret_mismatch', hits: [] });
    await deliver(ca, mx, { to: 'mx', type: 'MatchResult', payload: results(ca)[0] as unknown as Record<string, unknown> });
    const listed = (await checksOf(mx)).find((c) => c.queryId === next!.queryId);
    expect(listed).toMatchObject({ status: 'secret_mismatch', hits: 0, records: MARKED_AT_MX });
    expect((await checksOf(ca)).find((c) => c.queryId === next!.queryId)).toMatchObject({ direction: 'received', status: 'secret_mismatch' });
  });
});
