import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { iso, sha256Hex } from './bytes';
import { signGrant } from './consent-grant';
import { CLOCK_SKEW_MS, DAY_MS, MAX_ENVELOPE_BYTES } from './constants';
import { parseEnvelope, serializeEnvelope, type EncryptedPayload, type Envelope } from './envelope';
import { makeMessage, makeTestNode, sampleAlertPayload } from './fixtures';
import { openEnvelope, openRaw, type OpenContext, type Sighting } from './open';
import { activeSigningKey, type PeerRecord } from './peers';
import { contentDigest, sealEnvelope, signEnvelope } from './seal';
import { generateEncryptionKey, generateSigningKey } from './keys';

const NOW = Date.parse('2026-06-14T18:00:00.000Z');
const mx = makeTestNode('mx', 'MX', NOW - DAY_MS);
const ca = makeTestNode('ca', 'CA', NOW - DAY_MS);
const us = makeTestNode('us', 'US', NOW - DAY_MS);
const peersOfCa: Record<string, PeerRecord> = { mx: mx.identity, us: us.identity };

const contextAtCa = (overrides: Partial<OpenContext> = {}): OpenContext => ({
  keys: ca.keys,
  now: NOW,
  peerOf: (node) => peersOfCa[node],
  sighting: undefined,
  ...overrides,
});

const toCa = (sent = NOW, message = makeMessage({ from: mx.ref, to: ca.ref, created: iso(sent - 1000) })): Envelope =>
  sealEnvelope(message, iso(sent), { signing: activeSigningKey(mx.keys), recipient: ca.identity.encryptionKey });

/** Sends the envelope over the wire and opens it at CA. */
const receiveAtCa = (envelope: Envelope | string, overrides: Partial<OpenContext> = {}) => {
  const body = typeof envelope === 'string' ? envelope : serializeEnvelope(envelope);
  const parsed = parseEnvelope(body);
  if (!parsed.ok) return parsed;
  return openEnvelope(parsed.value, contextAtCa(overrides));
};

const codeOf = (result: { ok: boolean; code?: string }): string => (result.ok ? 'OK' : result.code!);

describe('sealing and opening an envelope', () => {
  it('delivers the message unchanged, with the digest both ends agree on', () => {
    const message = makeMessage({ from: mx.ref, to: ca.ref, created: iso(NOW - 1000) });
    const opened = receiveAtCa(toCa(NOW, message));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.message).toEqual(message);
    expect(opened.value.contentDigest).toBe(contentDigest(message));
    expect(opened.value.duplicate).toBe(false);
  });

  it('encrypts: no payload text appears on the wire', () => {
    const body = serializeEnvelope(toCa());
    expect(body).not.toContain('Agencia Laboral');
    expect(body).not.toContain('529511234567');
  });

  it('seals every attempt afresh, so two attempts never share a signature or ciphertext', () => {
    const message = makeMessage({ from: mx.ref, to: ca.ref, created: iso(NOW - 1000) });
    const a = toCa(NOW, message);
    const b = toCa(NOW, message);
    expect(a.signature.value).not.toBe(b.signature.value);
    expect(a.payload).not.toEqual(b.payload);
  });

  it('lets CLEAR items travel in plaintext, and only those', () => {
    const message = makeMessage({
      from: mx.ref,
      to: ca.ref,
      created: iso(NOW - 1000),
      handling: { tlp: 'CLEAR', purpose: 'prevention', retentionDays: 30, originatorConsentRequiredToForward: false },
      audience: { agencies: [], persons: [] },
    });
    const clear = sealEnvelope(message, iso(NOW), { signing: activeSigningKey(mx.keys), recipient: null });
    expect(codeOf(receiveAtCa(clear))).toBe('OK');
    const relabelled = signEnvelope({ ...clear, handling: { ...clear.handling, tlp: 'GREEN' } }, activeSigningKey(mx.keys));
    expect(codeOf(receiveAtCa(relabelled))).toBe('FED_PLAINTEXT_NOT_ALLOWED');
  });
});

describe('refusals, each with its code', () => {
  it('FED_BAD_SIGNATURE: a payload changed by someone without the key', () => {
    const envelope = toCa();
    const payload = envelope.payload as { ciphertext: string };
    const flipped = payload.ciphertext[5] === 'A' ? 'B' : 'A';
    const altered = { ...envelope, payload: { ...payload, ciphertext: payload.ciphertext.slice(0, 5) + flipped + payload.ciphertext.slice(6) } };
    expect(codeOf(receiveAtCa(altered as Envelope))).toBe('FED_BAD_SIGNATURE');
  });

  it('FED_BAD_SIGNATURE: a header changed after signing (the handling widened)', () => {
    const envelope = toCa();
    expect(codeOf(receiveAtCa({ ...envelope, handling: { ...envelope.handling, tlp: 'CLEAR' } }))).toBe('FED_BAD_SIGNATURE');
  });

  it('FED_TAMPERED: a ciphertext that fails GCM authentication, though signed', () => {
    const envelope = toCa();
    const payload = envelope.payload as EncryptedPayload;
    const bytes = Buffer.from(payload.ciphertext, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    const { signature: _s, ...unsigned } = { ...envelope, payload: { ...payload, ciphertext: bytes.toString('base64url') } };
    expect(codeOf(receiveAtCa(signEnvelope(unsigned, activeSigningKey(mx.keys))))).toBe('FED_TAMPERED');
  });

  it('FED_TAMPERED: a ciphertext moved under another header (the AAD binds the header)', () => {
    const first = toCa();
    const second = toCa();
    const { signature: _s, ...unsigned } = { ...second, payload: first.payload };
    expect(codeOf(receiveAtCa(signEnvelope(unsigned, activeSigningKey(mx.keys))))).toBe('FED_TAMPERED');
  });

  it('FED_UNKNOWN_PEER and FED_UNKNOWN_SENDER_KEY', () => {
    const stranger = makeTestNode('zz', 'ZZ', NOW);
    const fromStranger = sealEnvelope(makeMessage({ from: stranger.ref, to: ca.ref, created: iso(NOW) }), iso(NOW), {
      signing: activeSigningKey(stranger.keys),
      recipient: ca.identity.encryptionKey,
    });
    expect(codeOf(receiveAtCa(fromStranger))).toBe('FED_UNKNOWN_PEER');

    const impostorKey = { ...generateSigningKey(), notBefore: iso(NOW), notAfter: null };
    const signedByImpostor = sealEnvelope(makeMessage({ from: mx.ref, to: ca.ref, created: iso(NOW) }), iso(NOW), {
      signing: impostorKey,
      recipient: ca.identity.encryptionKey,
    });
    expect(codeOf(receiveAtCa(signedByImpostor))).toBe('FED_UNKNOWN_SENDER_KEY');

    const wrongCountry = { ...toCa(), from: { node: 'mx', country: 'US' } };
    expect(codeOf(receiveAtCa(wrongCountry))).toBe('FED_UNKNOWN_PEER');
  });

  it('FED_UNKNOWN_SENDER_KEY: a pinned key used outside its validity or after revocation', () => {
    const keyId = activeSigningKey(mx.keys).keyId;
    const expired: PeerRecord = { ...mx.identity, signingKeys: mx.identity.signingKeys.map((k) => ({ ...k, notAfter: iso(NOW - 1000) })) };
    expect(codeOf(receiveAtCa(toCa(), { peerOf: (n) => (n === 'mx' ? expired : peersOfCa[n]) }))).toBe('FED_UNKNOWN_SENDER_KEY');
    const revoked: PeerRecord = { ...mx.identity, signingKeys: mx.identity.signingKeys.map((k) => ({ ...k, revokedAt: iso(NOW - 1) })) };
    const result = receiveAtCa(toCa(), { peerOf: (n) => (n === 'mx' ? revoked : peersOfCa[n]) });
    expect(result).toMatchObject({ ok: false, code: 'FED_UNKNOWN_SENDER_KEY', params: { keyId } });
  });

  it('FED_CLOCK_SKEW beyond ±5 minutes, either way; accepted within', () => {
    expect(codeOf(receiveAtCa(toCa(NOW + CLOCK_SKEW_MS + 1000)))).toBe('FED_CLOCK_SKEW');
    expect(codeOf(receiveAtCa(toCa(NOW - CLOCK_SKEW_MS - 1000)))).toBe('FED_CLOCK_SKEW');
    expect(codeOf(receiveAtCa(toCa(NOW + CLOCK_SKEW_MS - 1000)))).toBe('OK');
    expect(codeOf(receiveAtCa(toCa(NOW - CLOCK_SKEW_MS + 1000)))).toBe('OK');
  });

  it('FED_REPLAY for the same id and signature; a fresh attempt of the same message is a duplicate', () => {
    const message = makeMessage({ from: mx.ref, to: ca.ref, created: iso(NOW - 1000) });
    const first = toCa(NOW, message);
    const sighting: Sighting = {
      envelopeId: message.id,
      from: 'mx',
      contentDigest: contentDigest(message),
      signatureDigests: [sha256Hex(first.signature.value)],
      acceptedAt: iso(NOW),
    };
    expect(codeOf(receiveAtCa(first, { sighting }))).toBe('FED_REPLAY');
    const retry = receiveAtCa(toCa(NOW + 1000, message), { sighting });
    expect(retry).toMatchObject({ ok: true, value: { duplicate: true } });
    const changed = { ...message, payload: sampleAlertPayload('Another title') };
    expect(codeOf(receiveAtCa(toCa(NOW, changed), { sighting }))).toBe('FED_DUPLICATE_CONFLICT');
  });

  it('FED_NOT_FOR_US and FED_UNKNOWN_RECIPIENT_KEY', () => {
    const toUs = sealEnvelope(makeMessage({ from: mx.ref, to: us.ref, created: iso(NOW) }), iso(NOW), {
      signing: activeSigningKey(mx.keys),
      recipient: us.identity.encryptionKey,
    });
    expect(codeOf(receiveAtCa(toUs))).toBe('FED_NOT_FOR_US');
    const other = generateEncryptionKey();
    const toOldKey = sealEnvelope(makeMessage({ from: mx.ref, to: ca.ref, created: iso(NOW) }), iso(NOW), {
      signing: activeSigningKey(mx.keys),
      recipient: { keyId: other.keyId, publicKey: other.publicKey },
    });
    expect(codeOf(receiveAtCa(toOldKey))).toBe('FED_UNKNOWN_RECIPIENT_KEY');
  });

  it('FED_TOO_LARGE, FED_MALFORMED and FED_UNSUPPORTED_VERSION before anything else is read', () => {
    expect(codeOf(receiveAtCa('x'.repeat(MAX_ENVELOPE_BYTES + 1)))).toBe('FED_TOO_LARGE');
    expect(codeOf(receiveAtCa('{"id":'))).toBe('FED_MALFORMED');
    expect(codeOf(receiveAtCa('[1,2]'))).toBe('FED_MALFORMED');
    const body = serializeEnvelope(toCa());
    expect(codeOf(receiveAtCa(body.replace('"schemaVersion":1', '"schemaVersion":2')))).toBe('FED_UNSUPPORTED_VERSION');
    expect(codeOf(receiveAtCa(body.replace('"schemaVersion":1', '"schemaVersion":"1"')))).toBe('FED_MALFORMED');
    expect(receiveAtCa(body.slice(0, -1) + ',"extra":true}')).toMatchObject({ code: 'FED_MALFORMED', params: { field: '$.extra' } });
    expect(codeOf(receiveAtCa(body.replace('"schemaVersion":1', '"schemaVersion":1,"schemaVersion":1')))).toBe('FED_MALFORMED');
  });

  it('FED_MALFORMED when the decrypted payload does not fit its type', () => {
    const message = makeMessage({ from: mx.ref, to: ca.ref, created: iso(NOW), payload: { title: 'no summary' } });
    expect(receiveAtCa(toCa(NOW, message))).toMatchObject({ ok: false, code: 'FED_MALFORMED', params: { field: '$.payload.summary', reason: 'missing' } });
  });

  it('refuses any single character changed anywhere in the envelope', () => {
    const body = serializeEnvelope(toCa());
    fc.assert(
      fc.property(fc.nat(body.length - 1), fc.constantFrom(...'0123456789abcdefABCDEF_-"{}:,'.split('')), (at, char) => {
        fc.pre(body[at] !== char);
        const altered = body.slice(0, at) + char + body.slice(at + 1);
        expect(receiveAtCa(altered).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('forwards on receipt (consent)', () => {
  // CA received an AMBER item from MX that needs MX's consent to forward, and forwards it to US.
  const original = makeMessage({ from: mx.ref, to: ca.ref, created: iso(NOW - 5000) });
  const forwardToUs = (grant: ReturnType<typeof signGrant> | null) =>
    sealEnvelope(
      { ...original, id: crypto.randomUUID(), from: ca.ref, to: us.ref, created: iso(NOW), consentGrant: grant },
      iso(NOW),
      { signing: activeSigningKey(ca.keys), recipient: us.identity.encryptionKey },
    );
  const grantTerms = {
    itemId: original.id,
    originator: 'mx',
    forwarder: 'ca',
    grantedTo: 'us',
    maxHandling: original.handling,
    issued: iso(NOW - 1000),
    expires: iso(NOW + DAY_MS),
  };
  const atUs = (envelope: Envelope) =>
    openRaw(serializeEnvelope(envelope), {
      keys: us.keys,
      now: NOW,
      peerOf: (n) => ({ mx: mx.identity, ca: ca.identity })[n],
      sightingOf: () => undefined,
    });

  it('FED_CONSENT_MISSING without a grant', () => {
    expect(codeOf(atUs(forwardToUs(null)))).toBe('FED_CONSENT_MISSING');
  });

  it('accepts a genuine grant that covers this forward', () => {
    expect(codeOf(atUs(forwardToUs(signGrant(grantTerms, activeSigningKey(mx.keys)))))).toBe('OK');
  });

  it('FED_CONSENT_INVALID for a grant to someone else, an expired grant, or one the forwarder made up', () => {
    expect(atUs(forwardToUs(signGrant({ ...grantTerms, grantedTo: 'ca' }, activeSigningKey(mx.keys))))).toMatchObject({
      code: 'FED_CONSENT_INVALID',
      params: { reason: 'recipient' },
    });
    expect(atUs(forwardToUs(signGrant({ ...grantTerms, expires: iso(NOW - 1) }, activeSigningKey(mx.keys))))).toMatchObject({
      params: { reason: 'expired' },
    });
    const forged = signGrant(grantTerms, { ...activeSigningKey(ca.keys), keyId: activeSigningKey(mx.keys).keyId });
    expect(atUs(forwardToUs(forged))).toMatchObject({ code: 'FED_CONSENT_INVALID', params: { reason: 'signature' } });
    const narrower = signGrant({ ...grantTerms, maxHandling: { ...original.handling, tlp: 'RED' } }, activeSigningKey(mx.keys));
    expect(atUs(forwardToUs(narrower))).toMatchObject({ params: { reason: 'handling' } });
  });

});
