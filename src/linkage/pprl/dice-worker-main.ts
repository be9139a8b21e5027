/**
 * A matching worker: instantiates the Dice kernel over the shared memory it is given and
 * runs the tasks it receives, reporting progress and returning its pairs.
 */
import { parentPort } from 'node:worker_threads';
import { instantiateDiceKernel, type DiceKernel } from './dice-kernel';
import type { DiceTask } from './dice-tasks';
import { runDiceTask } from './dice-tasks';
import type { MatchLayout } from './match-layout';

export interface WorkerRequest {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  layout: MatchLayout;
  worker: number;
  task: DiceTask;
}

export type WorkerReply =
  | { type: 'progress'; units: number }
  | { type: 'done'; left: Uint32Array; right: Uint32Array; score: Float64Array; compared: number }
  | { type: 'failed'; message: string };

let kernel: { memory: WebAssembly.Memory; instance: DiceKernel } | null = null;
const port = parentPort!;

port.on('message', (req: WorkerRequest) => {
  try {
    if (kernel?.memory !== req.memory) kernel = { memory: req.memory, instance: instantiateDiceKernel(req.memory, req.module) };
    const result = runDiceTask(kernel.instance, req.memory, req.layout, req.worker, req.task, (units) =>
      port.postMessage({ type: 'progress', units } satisfies WorkerReply),
    );
    const { left, right, score } = result.pairs;
    port.postMessage({ type: 'done', left, right, score, compared: result.compared } satisfies WorkerReply, [left.buffer as ArrayBuffer, right.buffer as ArrayBuffer, score.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
  }
});
