/**
 * Small readers that check the shape of parsed JSON and say where it is wrong. They throw
 * ShapeError; callers at the protocol boundary turn it into FED_MALFORMED { field, reason }.
 */
import { isTimestamp, isUuid } from './bytes';

export class ShapeError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ShapeError';
  }
}

export type Reader<T> = (value: unknown, path: string) => T;

/** An object with exactly the given members (all required; `optional` ones may be absent). */
export function readObject(value: unknown, path: string, members: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(path, 'expected an object');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!members.includes(key) && !optional.includes(key)) throw new ShapeError(`${path}.${key}`, 'unknown member');
  }
  for (const key of members) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) throw new ShapeError(`${path}.${key}`, 'missing');
  }
  return record;
}

export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
}

export function readString(value: unknown, path: string, rule: StringRule = {}): string {
  if (typeof value !== 'string') throw new ShapeError(path, 'expected a string');
  const { min = 1, max = 4000, pattern } = rule;
  if (value.length < min) throw new ShapeError(path, min === 1 ? 'empty' : `shorter than ${min}`);
  if (value.length > max) throw new ShapeError(path, `longer than ${max}`);
  if (pattern && !pattern.test(value)) throw new ShapeError(path, 'wrong form');
  return value;
}

export const stringReader =
  (rule: StringRule = {}): Reader<string> =>
  (value, path) =>
    readString(value, path, rule);

export function readInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ShapeError(path, 'expected an integer');
  if (value < min || value > max) throw new ShapeError(path, `outside ${min}–${max}`);
  return value;
}

export function readNumber(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'expected a number');
  if (value < min || value > max) throw new ShapeError(path, `outside ${min}–${max}`);
  return value;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(path, 'expected true or false');
  return value;
}

export function readArray<T>(value: unknown, path: string, item: Reader<T>, max = 1000, min = 0): T[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'expected an array');
  if (value.length > max) throw new ShapeError(path, `more than ${max} values`);
  if (value.length < min) throw new ShapeError(path, `fewer than ${min} values`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

export function readEnum<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ShapeError(path, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function readUuid(value: unknown, path: string): string {
  if (!isUuid(value)) throw new ShapeError(path, 'expected a lower-case UUID');
  return value;
}

export function readTimestamp(value: unknown, path: string): string {
  if (!isTimestamp(value)) throw new ShapeError(path, 'expected a timestamp YYYY-MM-DDTHH:MM:SS.sssZ');
  return value;
}

export function readNullable<T>(value: unknown, path: string, item: Reader<T>): T | null {
  return value === null ? null : item(value, path);
}

/** A JSON object whose values are left as they are (checked elsewhere). */
export function readJsonObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(path, 'expected an object');
  return value as Record<string, unknown>;
}
