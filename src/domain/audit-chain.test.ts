import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GENESIS_HASH,
  ChainVerifier,
  auditHash,
  auditHashMessage,
  canonicalJson,
  chainEntry,
  verifyChain,
  type AuditHashInput,
} from './audit-chain';
import type { AuditEntry } from './model';

const body = (seq: number, action = 'case.read', detail: Record<string, unknown> = {}): AuditHashInput => ({
  seq,
  at: new Date(Date.UTC(2026, 5, 11, 12, 0, seq)).toISOString(),
  actorId: seq % 3 === 0 ? null : `user-${seq % 5}`,
  actorLabel: seq % 3 === 0 ? 'system' : `analyst${seq % 5}@mx.demo`,
  action,
  targetType: 'case',
  targetId: `case-${seq % 7}`,
  caseId: seq % 2 ? `case-${seq % 7}` : null,
  detail,
});

function buildChain(n: number, detailOf: (i: number) => Record<string, unknown> = () => ({})): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = chainEntry(prev, body(seq, 'case.read', detailOf(seq)));
    out.push(e);
    prev = e.hash;
  }
  return out;
}

const chainArb = fc.integer({ min: 2, max: 40 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    details: fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })), {
      minLength: n,
      maxLength: n,
    }),
    at: fc.integer({ min: 1, max: n }),
  }),
);

describe('canonicalJson', () => {
  it('ignores key order and whitespace, sorts nested keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('serialises a value and its JSON round trip identically', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(JSON.parse(JSON.stringify(v)))).toBe(canonicalJson(v));
      }),
    );
  });

  it('drops undefined members like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined], c: new Date(0) })).toBe(
      '{"b":[null],"c":"1970-01-01T00:00:00.000Z"}',
    );
  });
});

describe('auditHash', () => {
  it('is SHA-256 hex of the canonical message', () => {
    const h = auditHash(GENESIS_HASH, body(1));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHashMessage(GENESIS_HASH, body(1))).toContain(`"${GENESIS_HASH}"`);
  });

  it('changes when any covered field changes', () => {
    const base = body(4, 'case.update', { field: 'status' });
    const h = auditHash(GENESIS_HASH, base);
    const variants: AuditHashInput[] = [
      { ...base, seq: 5 },
      { ...base, at: '2026-06-11T12:00:05.000Z' },
      { ...base, actorId: 'someone-else' },
      { ...base, actorLabel: 'x@y' },
      { ...base, action: 'case.delete' },
      { ...base, targetType: 'entity' },
      { ...base, targetId: null },
      { ...base, caseId: 'case-9' },
      { ...base, detail: { field: 'title' } },
    ];
    for (const v of variants) expect(auditHash(GENESIS_HASH, v)).not.toBe(h);
    expect(auditHash('1'.repeat(64), base)).not.toBe(h);
  });

  it('does not depend on the key order of detail', () => {
    const a = auditHash(GENESIS_HASH, body(1, 'x', { a: 1, b: 2 }));
    const b = auditHash(GENESIS_HASH, body(1, 'x', { b: 2, a: 1 }));
    expect(a).toBe(b);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and gives its last hash', () => {
    fc.assert(
      fc.property(chainArb, ({ n, details }) => {
        const chain = buildChain(n, (i) => details[i - 1] ?? {});
        expect(verifyChain(chain)).toEqual({ ok: true, count: n, lastHash: chain[n - 1]!.hash });
      }),
      { numRuns: 50 },
    );
  });

  it('accepts the empty chain', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, lastHash: GENESIS_HASH });
  });

  it('names an altered entry', () => {
    fc.assert(
      fc.property(chainArb, fc.constantFrom('action', 'actorLabel', 'detail', 'at', 'prevHash'), ({ n, at }, field) => {
        const chain = buildChain(n);
        const e = chain[at - 1]!;
        chain[at - 1] =
          field === 'detail'
            ? { ...e, detail: { injected: true } }
            : field === 'prevHash'
              ? { ...e, prevHash: 'f'.repeat(64) }
              : { ...e, [field]: e[field as 'action'] + 'X' };
        expect(verifyChain(chain)).toEqual({ ok: false, count: at - 1, firstBadSeq: at, reason: 'altered' });
      }),
      { numRuns: 60 },
    );
  });

  it('names the first missing seq of a deletion', () => {
    fc.assert(
      fc.property(chainArb, ({ n, at }) => {
        fc.pre(at < n);
        const chain = buildChain(n);
        chain.splice(at - 1, 1);
        expect(verifyChain(chain)).toMatchObject({ ok: false, firstBadSeq: at, reason: 'deleted' });
      }),
      { numRuns: 50 },
    );
  });

  it('names a reordered pair whose seq values were swapped', () => {
    fc.assert(
      fc.property(chainArb, ({ n, at }) => {
        fc.pre(at < n);
        const chain = buildChain(n);
        const a = chain[at - 1]!;
        const b = chain[at]!;
        chain[at - 1] = { ...b, seq: a.seq };
        chain[at] = { ...a, seq: b.seq };
        expect(verifyChain(chain)).toMatchObject({ ok: false, firstBadSeq: at, reason: 'reordered' });
      }),
      { numRuns: 50 },
    );
  });

  it('names entries fed out of seq order as reordered', () => {
    const chain = buildChain(5);
    const shuffled = [chain[0]!, chain[2]!, chain[1]!, chain[3]!, chain[4]!];
    expect(verifyChain(shuffled)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'reordered' });
  });

  it('names a broken link when an entry was rewritten with a fresh hash', () => {
    fc.assert(
      fc.property(chainArb, ({ n, at }) => {
        fc.pre(at < n);
        const chain = buildChain(n);
        const e = chain[at - 1]!;
        chain[at - 1] = chainEntry(e.prevHash, { ...e, action: 'forged' });
        expect(verifyChain(chain)).toEqual({ ok: false, count: at, firstBadSeq: at + 1, reason: 'broken_link' });
      }),
      { numRuns: 50 },
    );
  });

  it('streams: pushing entries one by one gives the same verdict', () => {
    const chain = buildChain(30);
    chain[17] = { ...chain[17]!, action: 'tampered' };
    const v = new ChainVerifier();
    for (const e of chain) v.push(e);
    expect(v.finish()).toEqual(verifyChain(chain));
    expect(v.finish()).toMatchObject({ firstBadSeq: 18, reason: 'altered' });
  });
});
