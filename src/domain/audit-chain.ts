/**
 * The audit log is a hash chain: each entry's hash covers its own fields and the hash of
 * the entry before it, so that altering, deleting or reordering any entry breaks the chain
 * from that point on. Pure functions; the store persists entries and feeds them back here.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { AuditEntry } from './model';

/** prevHash of the first entry (seq 1). */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers, besides the previous hash. */
export type AuditHashInput = Pick<
  AuditEntry,
  'seq' | 'at' | 'actorId' | 'actorLabel' | 'action' | 'targetType' | 'targetId' | 'caseId' | 'detail'
>;

export type ChainBreak = 'altered' | 'deleted' | 'reordered' | 'broken_link';

export type ChainVerification =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; firstBadSeq: number; reason: ChainBreak };

/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace; values that JSON
 * drops (undefined, functions) are dropped the same way, `toJSON` is honoured, non-finite
 * numbers become null. Two values that survive a JSON round trip equal serialise equally.
 */
export function canonicalJson(value: unknown): string {
  return write(value, true) ?? 'null';
}

function write(input: unknown, inArray: boolean): string | undefined {
  let v = input;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: bigint is not representable in JSON');
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) return '[' + v.map((x) => write(x, true) ?? 'null').join(',') + ']';
      const obj = v as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(obj).sort()) {
        const s = write(obj[key], false);
        if (s !== undefined) parts.push(JSON.stringify(key) + ':' + s);
      }
      return '{' + parts.join(',') + '}';
    }
    default:
      return inArray ? 'null' : undefined;
  }
}

/** The exact bytes an entry's hash is computed over (exposed for documentation and tests). */
export function auditHashMessage(prevHash: string, entry: AuditHashInput): string {
  return canonicalJson([
    entry.seq,
    entry.at,
    entry.actorId,
    entry.actorLabel,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.caseId,
    entry.detail ?? {},
    prevHash,
  ]);
}

const UTF8 = new TextEncoder();

/** SHA-256 (hex) of the UTF-8 bytes of the canonical serialisation of the entry and the previous hash. */
export function auditHash(prevHash: string, entry: AuditHashInput): string {
  return bytesToHex(sha256(UTF8.encode(auditHashMessage(prevHash, entry))));
}

/**
 * Verifies a chain fed in seq order, one entry at a time, so that a store can stream
 * millions of entries through it. One entry of look-ahead tells a reordered pair from an
 * altered entry.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private lastHash = GENESIS_HASH;
  private count = 0;
  private pending: AuditEntry | undefined;
  private failure: ChainVerification | undefined;

  /** Feeds the next entry; returns the failure as soon as one is known (later pushes are ignored). */
  push(entry: AuditEntry): ChainVerification | undefined {
    if (this.failure) return this.failure;
    if (this.pending) this.check(this.pending, entry);
    this.pending = entry;
    return this.failure;
  }

  /** Ends the stream and gives the verdict. */
  finish(): ChainVerification {
    if (!this.failure && this.pending) this.check(this.pending, undefined);
    this.pending = undefined;
    return this.failure ?? { ok: true, count: this.count, lastHash: this.lastHash };
  }

  private fail(seq: number, reason: ChainBreak): void {
    this.failure = { ok: false, count: this.count, firstBadSeq: seq, reason };
  }

  private check(entry: AuditEntry, next: AuditEntry | undefined): void {
    if (entry.seq > this.expectedSeq) {
      return this.fail(this.expectedSeq, next?.seq === this.expectedSeq ? 'reordered' : 'deleted');
    }
    if (entry.seq < this.expectedSeq) return this.fail(entry.seq, 'reordered');
    if (auditHash(entry.prevHash, entry) !== entry.hash) {
      // An entry that was chained after its successor: its content moved, not changed.
      const movedUp = next !== undefined && entry.prevHash === next.hash && next.prevHash === this.lastHash;
      return this.fail(entry.seq, movedUp ? 'reordered' : 'altered');
    }
    if (entry.prevHash !== this.lastHash) return this.fail(entry.seq, 'broken_link');
    this.lastHash = entry.hash;
    this.expectedSeq += 1;
    this.count += 1;
  }
}

/** Verifies a whole chain given in seq order (genesis prevHash: 64 zeros). */
export function verifyChain(entries: Iterable<AuditEntry>): ChainVerification {
  const verifier = new ChainVerifier();
  for (const e of entries) {
    if (verifier.push(e)) break;
  }
  return verifier.finish();
}

/** Builds the next entry of a chain whose last hash is `prevHash` (seq is the caller's). */
export function chainEntry(prevHash: string, entry: AuditHashInput): AuditEntry {
  return { ...entry, prevHash, hash: auditHash(prevHash, entry) };
}
