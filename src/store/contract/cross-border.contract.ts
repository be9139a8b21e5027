import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CrossBorderHit, CrossBorderQuery, CrossBorderRepository, DisclosureRecord } from '../ports';
import type { ContractAdapter } from './adapters';
import { freshStore, rejectsWithCode } from './harness';

const T0 = '2026-06-11T12:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const ref = () => randomUUID().replace(/-/g, '').slice(0, 22);

const query = (over: Partial<CrossBorderQuery> = {}): CrossBorderQuery => {
  const queryId = over.queryId ?? randomUUID();
  return {
    queryId,
    checkId: queryId,
    partIndex: 0,
    partCount: 1,
    peerNode: 'ca',
    direction: 'sent',
    secretFingerprint: 'a'.repeat(32),
    records: 3,
    hits: 0,
    status: 'sent',
    createdAt: T0,
    answeredAt: null,
    requestedBy: 'liaison@mx.demo',
    ...over,
  };
};

const hit = (queryId: string, over: Partial<CrossBorderHit> = {}): CrossBorderHit => ({
  id: randomUUID(),
  queryId,
  peerNode: 'ca',
  side: 'asked',
  localEntityId: randomUUID(),
  localRef: ref(),
  remoteRef: ref(),
  kind: 'Person',
  score: 0.9,
  createdAt: T0,
  ...over,
});

const disclosure = (hitId: string, over: Partial<DisclosureRecord> = {}): DisclosureRecord => ({
  id: randomUUID(),
  hitId,
  direction: 'outgoing',
  peerNode: 'ca',
  level: 'fields',
  fields: ['name', 'birthDate'],
  legalBasis: { kind: 'mlat', reference: 'MX–CA MLAT art. 1' },
  purpose: 'Identify the recruiter named by three workers',
  caseReference: 'MX-2026-000042',
  requestedBy: 'analyst@mx.demo',
  requestedAt: T0,
  status: 'pending',
  decision: null,
  ...over,
});

const repo = (store: { crossBorder?: CrossBorderRepository }): CrossBorderRepository => {
  if (!store.crossBorder) throw new Error('the store has no cross-border repository');
  return store.crossBorder;
};

export function crossBorderContract(adapter: ContractAdapter): void {
  describe('cross-border matching', () => {
    const s = freshStore(adapter);

    it('keeps versions of the linkage secret: a new one retires the active one', async () => {
      const x = repo(s.store);
      expect(await x.activeSecret()).toBeUndefined();
      const v1 = await x.addSecret({ fingerprint: '1'.repeat(32), sealed: 'v1.sealed-one', createdAt: at(0), createdBy: 'admin@mx.demo' });
      expect(v1).toMatchObject({ version: 1, retiredAt: null });
      expect(await x.activeSecret()).toEqual(v1);
      const v2 = await x.addSecret({ fingerprint: '2'.repeat(32), sealed: 'v1.sealed-two', createdAt: at(1000), createdBy: 'cli' });
      expect(v2.version).toBe(2);
      expect(await x.activeSecret()).toEqual(v2);
      const all = await x.listSecrets();
      expect(all.map((v) => [v.version, v.retiredAt])).toEqual([
        [2, null],
        [1, at(1000)],
      ]);
      expect(all[1]!.sealed).toBe('v1.sealed-one');
    });

    it('records checks, lists them newest first and updates their status', async () => {
      const x = repo(s.store);
      const a = query({ createdAt: at(0) });
      const b = query({ createdAt: at(1000), direction: 'received', peerNode: 'us', requestedBy: null });
      await x.createQuery(a);
      await x.createQuery(b);
      await rejectsWithCode(x.createQuery(a), 'STORE_DUPLICATE');
      expect((await x.listQueries({})).items.map((q) => q.queryId)).toEqual([b.queryId, a.queryId]);
      expect(await x.listQueries({ direction: 'received' })).toEqual({ items: [b], total: 1 });
      expect((await x.listQueries({ peerNode: 'ca' })).total).toBe(1);
      await x.updateQuery(a.queryId, { status: 'answered', hits: 2, answeredAt: at(5000) });
      expect(await x.getQuery(a.queryId)).toEqual({ ...a, status: 'answered', hits: 2, answeredAt: at(5000) });
      await rejectsWithCode(x.updateQuery(randomUUID(), { status: 'failed' }), 'STORE_NOT_FOUND');
    });

    it('lists a check of several parts as one, parts summed, answered only when every part is', async () => {
      const x = repo(s.store);
      const checkId = randomUUID();
      const part = (partIndex: number, over: Partial<CrossBorderQuery> = {}) => query({ checkId, partIndex, partCount: 3, records: 10 + partIndex, createdAt: at(partIndex), ...over });
      const parts = [part(0), part(1), part(2)];
      for (const p of parts) await x.createQuery(p);
      // the same part under another query id is refused
      await rejectsWithCode(x.createQuery(part(1, { queryId: randomUUID() })), 'STORE_DUPLICATE');
      // the same check id from another peer, or in the other direction, is another check
      const elsewhere = query({ checkId, peerNode: 'us', createdAt: at(-1000) });
      const received = query({ checkId, direction: 'received', requestedBy: null, status: 'answered', hits: 4, createdAt: at(-2000), answeredAt: at(-1500) });
      await x.createQuery(elsewhere);
      await x.createQuery(received);
      expect((await x.checkParts(checkId, 'ca', 'sent')).map((q) => q.queryId)).toEqual(parts.map((p) => p.queryId));
      expect(await x.checkParts(checkId, 'ca', 'received')).toEqual([received]);

      const listed = async () => (await x.listChecks({ peerNode: 'ca', direction: 'sent' })).items;
      expect(await x.listChecks({})).toMatchObject({ total: 3 });
      expect((await x.listChecks({})).items.map((c) => [c.peerNode, c.direction])).toEqual([
        ['ca', 'sent'],
        ['us', 'sent'],
        ['ca', 'received'],
      ]);
      expect(await listed()).toEqual([
        { checkId, peerNode: 'ca', direction: 'sent', secretFingerprint: 'a'.repeat(32), records: 33, hits: 0, status: 'sent', parts: 3, partCount: 3, answeredParts: 0, createdAt: at(0), answeredAt: null, requestedBy: 'liaison@mx.demo' },
      ]);
      await x.updateQuery(parts[0]!.queryId, { status: 'answered', hits: 2, answeredAt: at(5000) });
      await x.updateQuery(parts[2]!.queryId, { status: 'answered', hits: 1, answeredAt: at(7000) });
      expect(await listed()).toMatchObject([{ status: 'sent', hits: 3, answeredParts: 2, answeredAt: null }]);
      await x.updateQuery(parts[1]!.queryId, { status: 'answered', hits: 0, answeredAt: at(6000) });
      expect(await listed()).toMatchObject([{ status: 'answered', hits: 3, answeredParts: 3, answeredAt: at(7000) }]);
      await x.updateQuery(parts[1]!.queryId, { status: 'secret_mismatch' });
      expect(await listed()).toMatchObject([{ status: 'secret_mismatch', answeredAt: at(7000) }]);
      await x.updateQuery(parts[1]!.queryId, { status: 'failed' });
      expect(await listed()).toMatchObject([{ status: 'failed' }]);

      // received: answered only once every part has come
      const theirs = randomUUID();
      await x.createQuery(query({ checkId: theirs, peerNode: 'us', direction: 'received', partIndex: 1, partCount: 2, status: 'answered', requestedBy: null, createdAt: at(9000), answeredAt: at(9000) }));
      const first = (await x.listChecks({ peerNode: 'us', direction: 'received' })).items;
      expect(first).toMatchObject([{ checkId: theirs, status: 'sent', parts: 1, partCount: 2, answeredAt: null }]);
      await x.createQuery(query({ checkId: theirs, peerNode: 'us', direction: 'received', partIndex: 0, partCount: 2, status: 'answered', requestedBy: null, createdAt: at(8000), answeredAt: at(9500) }));
      expect((await x.listChecks({ peerNode: 'us', direction: 'received' })).items).toMatchObject([{ checkId: theirs, status: 'answered', parts: 2, records: 6, createdAt: at(8000), answeredAt: at(9500) }]);
      // paging counts checks, not parts
      expect(await x.listChecks({ limit: 1, offset: 1 })).toMatchObject({ total: 4, items: [{ checkId, peerNode: 'ca', direction: 'sent' }] });

      // the hits of every part of a check
      await x.addHits([hit(parts[0]!.queryId), hit(parts[2]!.queryId), hit(elsewhere.queryId, { peerNode: 'us' }), hit(randomUUID())]);
      expect((await x.listHits({ checkId, peerNode: 'ca' })).total).toBe(2);
      expect((await x.listHits({ checkId })).total).toBe(3);
    });

    it('keeps references per check', async () => {
      const x = repo(s.store);
      const q = query();
      const refs = [0, 1, 2].map((i) => ({ ref: ref(), queryId: q.queryId, entityId: `e-${i}`, kind: i === 2 ? ('Phone' as const) : ('Person' as const) }));
      await x.addRefs(refs);
      await x.addRefs([]);
      expect((await x.getRefs(q.queryId)).map((r) => r.entityId).sort()).toEqual(['e-0', 'e-1', 'e-2']);
      expect(await x.getRefs(q.queryId, [refs[2]!.ref, 'unknown-reference-xxxx'])).toEqual([refs[2]]);
      expect(await x.getRefs(randomUUID(), [refs[0]!.ref])).toEqual([]);
      await rejectsWithCode(x.addRefs([refs[0]!]), 'STORE_DUPLICATE');
    });

    it('records each hit once, and lists hits best first with filters', async () => {
      const x = repo(s.store);
      const q = query();
      const strong = hit(q.queryId, { score: 0.97, createdAt: at(1) });
      const weak = hit(q.queryId, { score: 0.81, kind: 'Phone', createdAt: at(2) });
      const other = hit(randomUUID(), { score: 0.9, peerNode: 'us', side: 'answered', createdAt: at(3) });
      expect((await x.addHits([weak, strong, other])).inserted).toBe(3);
      // the same triple again (a message delivered twice): nothing new, the stored hit comes back
      const again = await x.addHits([{ ...strong, id: randomUUID(), score: 0.5 }]);
      expect(again).toEqual({ inserted: 0, hits: [strong] });
      expect((await x.listHits({})).items.map((h) => h.id)).toEqual([strong.id, other.id, weak.id]);
      expect((await x.listHits({ kind: 'Phone' })).items).toEqual([weak]);
      expect((await x.listHits({ peerNode: 'us' })).items).toEqual([other]);
      expect((await x.listHits({ minScore: 0.85 })).total).toBe(2);
      expect((await x.listHits({ queryId: q.queryId, limit: 1, offset: 1 })).items).toEqual([weak]);
      expect((await x.listHits({ localEntityId: strong.localEntityId })).items).toEqual([strong]);
      expect(await x.getHit(strong.id)).toEqual(strong);
      expect(await x.findHit(q.queryId, strong.localRef, strong.remoteRef)).toEqual(strong);
      expect(await x.findHit(q.queryId, strong.remoteRef, strong.localRef)).toBeUndefined();
    });

    it('records disclosure requests and decides each once', async () => {
      const x = repo(s.store);
      const h = hit(randomUUID());
      await x.addHits([h]);
      const out = disclosure(h.id, { requestedAt: at(0) });
      const inc = disclosure(h.id, { direction: 'incoming', requestedBy: 'peer:ca', requestedAt: at(1000), caseReference: null });
      await x.createDisclosure(out);
      await x.createDisclosure(inc);
      await rejectsWithCode(x.createDisclosure(out), 'STORE_DUPLICATE');
      expect(await x.getDisclosure(out.id)).toEqual(out);
      expect((await x.listDisclosures({})).items.map((d) => d.id)).toEqual([inc.id, out.id]);
      expect(await x.listDisclosures({ direction: 'incoming', status: 'pending' })).toEqual({ items: [inc], total: 1 });

      const decision = {
        level: 'fields' as const,
        legalBasis: { kind: 'treaty' as const, reference: 'Palermo Protocol art. 10' },
        reason: 'Joint investigation',
        contact: { agency: 'Fiscalía Especializada', country: 'MX', name: 'Lucía Hernández', email: 'liaison@mx.demo' },
        disclosed: { schema: 'Person', properties: { name: ['José Luis Hernández Ruiz'] } },
        decidedBy: 'liaison@mx.demo',
        decidedAt: at(2000),
      };
      await x.decideDisclosure(inc.id, 'approved', decision);
      expect(await x.getDisclosure(inc.id)).toEqual({ ...inc, status: 'approved', decision });
      await rejectsWithCode(x.decideDisclosure(inc.id, 'refused', { ...decision, level: 'existence', contact: null, disclosed: null }), 'STORE_VERSION_CONFLICT');
      await rejectsWithCode(x.decideDisclosure(randomUUID(), 'refused', decision), 'STORE_NOT_FOUND');

      const refusal = { level: 'existence' as const, legalBasis: { kind: 'domestic_law' as const, reference: 'Ley General art. 5' }, reason: 'Not proportionate', contact: null, disclosed: null, decidedBy: 'peer:ca', decidedAt: at(3000) };
      await x.decideDisclosure(out.id, 'refused', refusal);
      expect((await x.getDisclosure(out.id))?.decision).toEqual(refusal);
      expect((await x.listDisclosures({ hitIds: [h.id, randomUUID()] })).items.map((d) => d.status)).toEqual(['approved', 'refused']);
      expect((await x.listDisclosures({ hitIds: [] })).total).toBe(0);
    });

    it('rolls back a check with its references and hits when the transaction fails', async () => {
      const q = query();
      await expect(
        s.store.transaction(async (tx) => {
          await repo(tx).createQuery(q);
          await repo(tx).addRefs([{ ref: ref(), queryId: q.queryId, entityId: 'e-1', kind: 'Person' }]);
          await repo(tx).addHits([hit(q.queryId)]);
          throw new Error('the outbox refused the message');
        }),
      ).rejects.toThrow('outbox refused');
      expect(await repo(s.store).getQuery(q.queryId)).toBeUndefined();
      expect(await repo(s.store).getRefs(q.queryId)).toEqual([]);
      expect((await repo(s.store).listHits({ queryId: q.queryId })).total).toBe(0);
    });
  });
}
