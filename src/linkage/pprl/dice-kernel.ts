/**
 * The WebAssembly Dice kernel (dice-kernel.wat, precompiled into dice-kernel.generated.ts)
 * and its typed entry points. The module imports one shared memory, so that every worker
 * thread runs its own instance over the same filters without copying them.
 */
import { DICE_KERNEL_WASM_BASE64 } from './dice-kernel.generated';

export interface DiceKernel {
  resume_at(): number;
  compared(): number;
  reset_compared(): void;
  popcounts(ptr: number, count: number, stride: number, out: number): void;
  scan_all(
    aPtr: number, aPop: number, aFrom: number, aTo: number,
    bPtr: number, bPop: number, bOrig: number, bStart: number, bitLen: number,
    stride: number, head: number, threshold: number, out: number, outCap: number,
    bFrom: number, nB: number, tile: number,
  ): number;
  band_keys(ptr: number, count: number, stride: number, pos: number, r: number, out: number): void;
  bucket_build(keys: number, pops: number, n: number, bits: number, start: number, order: number, okeys: number, opops: number): void;
  band_join(
    pFrom: number, pTo: number, bits: number,
    aOrder: number, aKeys: number, aPops: number, aPtr: number,
    bStart: number, bOrder: number, bKeys: number, bPops: number, bPtr: number, bOrig: number,
    stride: number, head: number, threshold: number, out: number, outCap: number, cand: number, candCap: number, seen: number,
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
