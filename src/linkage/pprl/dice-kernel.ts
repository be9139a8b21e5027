/**
 * The WebAssembly Dice kernel (dice-kernel.wat, precompiled into dice-kernel.generated.ts)
 * and its typed entry points. The module imports one shared memory, so that every worker
 * thread runs its own instance over the same filters without copying them.
 */
import { DICE_KERNEL_WASM_BASE64 } from './dice-kernel.generated';

export interface DiceKernel {
  resume_at(): number;
  resume_part(): number;
  compared(): number;
  reset_compared(): void;
  popcounts(ptr: number, count: number, stride: number, out: number): void;
  scan_all(
    aPtr: number, aPop: number, aFrom: number, aTo: number,
    bPtr: number, bPop: number, bOrig: number, bStart: number, bitLen: number,
    stride: number, threshold: number, out: number, outCap: number,
    bFrom: number, nB: number, tile: number,
  ): number;
  transpose_rows(rowPtr: number, nBlocks: number, stride: number, words: number, colPtr: number, colBytes: number, scratch: number): void;
  band_keys(colPtr: number, nBlocks: number, offsets: number, r: number, keys: number): void;
  partition_rows(keys: number, pops: number, seen: number, n: number, bits: number, start: number, records: number): void;
  band_join(
    pFrom: number, pTo: number, aFrom: number, bits: number, tableBits: number,
    aStart: number, aRecords: number, aPtr: number, bStart: number, bRecords: number, bPtr: number, bOrig: number,
    stride: number, threshold: number, out: number, outCap: number, cand: number,
    head: number, next: number, seenA: number, seenB: number, ranges: number, bitLen: number,
  ): number;
}

let compiled: WebAssembly.Module | null = null;

/** The compiled module (compiled once per thread; a Module can also be posted to workers). */
export function diceKernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Buffer.from(DICE_KERNEL_WASM_BASE64, 'base64'));
  return compiled;
}

export function instantiateDiceKernel(memory: WebAssembly.Memory, module: WebAssembly.Module = diceKernelModule()): DiceKernel {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports as unknown as DiceKernel;
}

export const WASM_PAGE = 65536;
/** the largest memory a 32-bit WebAssembly module can address */
export const MAX_PAGES = 65536;

export function sharedMemory(bytes: number): WebAssembly.Memory {
  const pages = Math.ceil(bytes / WASM_PAGE);
  if (pages > MAX_PAGES) throw new RangeError(`matching needs ${bytes} bytes, more than 4 GiB`);
  return new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
}
