/** Byte helpers: base64url, UTF-8, SHA-256, UUIDs, timestamps. */
import { createHash, randomUUID } from 'node:crypto';

export const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

export const toBase64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Strict base64url (no padding); undefined when the text is not base64url or not of `length` bytes. */
export function fromBase64url(text: string, length?: number): Buffer | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) return undefined;
  if (length !== undefined && bytes.length !== length) return undefined;
  return bytes;
}

export const sha256 = (bytes: Uint8Array | string): Buffer => createHash('sha256').update(bytes).digest();
export const sha256Hex = (bytes: Uint8Array | string): string => sha256(bytes).toString('hex');

/** Context string, a zero byte, then the message: keeps signatures of different kinds apart. */
export const withContext = (context: string, message: Uint8Array): Buffer =>
  Buffer.concat([utf8(context), Buffer.from([0]), message]);

export const newId = (): string => randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** A timestamp in the one form the protocol allows (Date.prototype.toISOString). */
export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !TIMESTAMP.test(value)) return false;
  const t = Date.parse(value);
  return Number.isFinite(t) && new Date(t).toISOString() === value;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const ms = (timestamp: string): number => Date.parse(timestamp);
