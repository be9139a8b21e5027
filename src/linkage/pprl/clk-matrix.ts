/**
 * A set of CLKs of equal length, packed back to back, and the `{"clks": [base64, …]}`
 * exchange format of the reference tools (clkhash, anonlink).
 */
import { AlianzaError } from '../../domain/errors';

export interface ClkMatrix {
  count: number;
  /** bytes per CLK */
  clkBytes: number;
  /** count × clkBytes bytes, CLK i at [i·clkBytes, (i+1)·clkBytes) */
  data: Uint8Array;
}

export function packClks(clks: readonly Uint8Array[], file = '(input)'): ClkMatrix {
  const clkBytes = clks[0]?.length ?? 0;
  const data = new Uint8Array(clks.length * clkBytes);
  clks.forEach((c, i) => {
    if (c.length !== clkBytes) throw new AlianzaError('PPRL_CLK_LENGTH', { file, index: i, found: c.length, expected: clkBytes });
    data.set(c, i * clkBytes);
  });
  return { count: clks.length, clkBytes, data };
}

export function clkAt(m: ClkMatrix, i: number): Uint8Array {
  return m.data.subarray(i * m.clkBytes, (i + 1) * m.clkBytes);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Reads `{"clks": [...]}` (already parsed JSON); every CLK must be base64 of one length. */
export function readClkDocument(doc: unknown, file: string): ClkMatrix {
  const clks = (doc as { clks?: unknown } | null)?.clks;
  if (typeof doc !== 'object' || doc === null || !Array.isArray(clks)) throw new AlianzaError('PPRL_CLK_FILE_INVALID', { file });
  const decoded = clks.map((c, i) => {
    if (typeof c !== 'string' || c.length === 0 || !BASE64.test(c)) throw new AlianzaError('PPRL_CLK_BAD_BASE64', { file, index: i });
    return new Uint8Array(Buffer.from(c, 'base64'));
  });
  return packClks(decoded, file);
}

export function writeClkDocument(clks: readonly Uint8Array[]): string {
  return JSON.stringify({ clks: clks.map((c) => Buffer.from(c).toString('base64')) });
}
