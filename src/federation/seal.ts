/**
 * Sealing and the cryptographic half of opening (docs/protocol/README.md §4, §5, §9):
 * canonical signing input, AES-256-GCM under a key from X25519 ECDH + HKDF-SHA256 with the
 * header as AAD, Ed25519 signatures, and the content digest that receipts carry.
 */
import { createCipheriv, createDecipheriv, diffieHellman, hkdfSync, randomBytes, sign, verify } from 'node:crypto';
import { canonicalBytes, parseStrictJson, type Json } from './canonical-json';
import { ENC_ALG, ENVELOPE_CONTEXT, MAX_PLAINTEXT_BYTES, PAYLOAD_CONTEXT, SIG_ALG } from './constants';
import { fromBase64url, sha256Hex, toBase64url, utf8, withContext } from './bytes';
import type { EncryptedPayload, Envelope, Message, PlainPayload } from './envelope';
import { fedError } from './errors';
import { generateEphemeralKey, privateKeyObject, publicKeyObject, type KeyPair } from './keys';

/** SHA-256 of the canonical message with its plaintext payload: what both ends agree was sent. */
export const contentDigest = (message: Message): string => sha256Hex(canonicalBytes(message));

type Unsigned = Omit<Envelope, 'signature'>;

/** The bytes the envelope signature covers: everything but signature.value. */
export function signingInput(envelope: Unsigned & { signature: { alg: string; keyId: string } }): Buffer {
  const { signature, ...rest } = envelope;
  return withContext(ENVELOPE_CONTEXT, canonicalBytes({ ...rest, signature: { alg: signature.alg, keyId: signature.keyId } }));
}

/** The AAD of the payload: the envelope without signature, ciphertext and tag. */
function payloadAad(header: Omit<Unsigned, 'payload'>, head: Omit<EncryptedPayload, 'ciphertext' | 'tag'>): Buffer {
  return withContext(PAYLOAD_CONTEXT, canonicalBytes({ ...header, payload: head }));
}

function deriveKey(shared: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralPublic, recipientPublic]), utf8(PAYLOAD_CONTEXT), 32));
}

export interface SealKeys {
  /** The sender's signing key pair (Ed25519). */
  signing: KeyPair;
  /** The recipient's current encryption key (X25519); null sends plaintext, allowed for CLEAR only. */
  recipient: { keyId: string; publicKey: string } | null;
}

/** Seals a message for one delivery attempt: fresh `sent`, fresh encryption, fresh signature. */
export function sealEnvelope(message: Message, sent: string, keys: SealKeys): Envelope {
  const { payload: data, ...fields } = message;
  const header: Omit<Unsigned, 'payload'> = { ...fields, sent };
  const plaintext = canonicalBytes(data);
  if (plaintext.length > MAX_PLAINTEXT_BYTES) throw fedError('FED_TOO_LARGE', { size: plaintext.length, limit: MAX_PLAINTEXT_BYTES });

  let payload: EncryptedPayload | PlainPayload;
  if (keys.recipient === null) {
    if (message.handling.tlp !== 'CLEAR') throw fedError('FED_PLAINTEXT_NOT_ALLOWED', { tlp: message.handling.tlp });
    payload = { enc: 'none', data };
  } else {
    const recipientPublic = fromBase64url(keys.recipient.publicKey, 32);
    const recipientKey = publicKeyObject('X25519', keys.recipient.publicKey);
    if (!recipientPublic || !recipientKey) throw fedError('FED_KEY_INVALID', { alg: 'X25519' });
    const ephemeral = generateEphemeralKey();
    const ephemeralPublic = fromBase64url(ephemeral.publicKey, 32)!;
    const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipientKey });
    const key = deriveKey(shared, ephemeralPublic, recipientPublic);
    const nonce = randomBytes(12);
    const head = { enc: ENC_ALG, recipientKeyId: keys.recipient.keyId, ephemeralKey: ephemeral.publicKey, nonce: toBase64url(nonce) } as const;
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(payloadAad(header, head));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    payload = { ...head, ciphertext: toBase64url(ciphertext), tag: toBase64url(cipher.getAuthTag()) };
  }

  return signEnvelope({ ...header, payload }, keys.signing);
}

/** Signs an envelope's header and payload with the given Ed25519 key pair. */
export function signEnvelope(unsigned: Unsigned, signing: KeyPair): Envelope {
  const withKey = { ...unsigned, signature: { alg: SIG_ALG, keyId: signing.keyId } } as const;
  const value = sign(null, signingInput(withKey), privateKeyObject(signing));
  return { ...withKey, signature: { alg: SIG_ALG, keyId: signing.keyId, value: toBase64url(value) } };
}

/** Verifies the Ed25519 signature of an envelope with the given raw base64url public key. */
export function verifySignature(envelope: Envelope, publicKey: string): boolean {
  const key = publicKeyObject('Ed25519', publicKey);
  const value = fromBase64url(envelope.signature.value, 64);
  if (!key || !value) return false;
  try {
    return verify(null, signingInput(envelope), key, value);
  } catch {
    return false;
  }
}

/**
 * Decrypts an encrypted payload with the recipient's key pair. Returns the payload object,
 * 'tampered' when authentication fails, or 'malformed' when the plaintext is not a JSON object.
 */
export function decryptPayload(envelope: Envelope, recipient: KeyPair): Record<string, Json> | 'tampered' | 'malformed' {
  const payload = envelope.payload;
  if (payload.enc === 'none') return payload.data;
  const { signature: _signature, payload: _payload, ...header } = envelope;
  const ephemeralPublic = fromBase64url(payload.ephemeralKey, 32);
  const ephemeralKey = publicKeyObject('X25519', payload.ephemeralKey);
  const nonce = fromBase64url(payload.nonce, 12);
  const tag = fromBase64url(payload.tag, 16);
  const ciphertext = fromBase64url(payload.ciphertext);
  const recipientPublic = fromBase64url(recipient.publicKey, 32);
  if (!ephemeralPublic || !ephemeralKey || !nonce || !tag || !ciphertext || !recipientPublic) return 'tampered';
  let plaintext: Buffer;
  try {
    const shared = diffieHellman({ privateKey: privateKeyObject(recipient), publicKey: ephemeralKey });
    const key = deriveKey(shared, ephemeralPublic, recipientPublic);
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
    const head = { enc: payload.enc, recipientKeyId: payload.recipientKeyId, ephemeralKey: payload.ephemeralKey, nonce: payload.nonce };
    decipher.setAAD(payloadAad(header, head));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return 'tampered';
  }
  try {
    const value = parseStrictJson(plaintext);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'malformed';
    return value;
  } catch {
    return 'malformed';
  }
}
