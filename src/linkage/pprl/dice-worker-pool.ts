/**
 * Runs Dice tasks on worker threads (one thread per task) over one shared memory and
 * gathers their pairs. A worker that fails or exits early fails the whole run: a partial
 * result is never returned.
 */
import { Worker } from 'node:worker_threads';
import { AlianzaError } from '../../domain/errors';
import type { DiceTask, TaskResult } from './dice-tasks';
import type { WorkerReply, WorkerRequest } from './dice-worker-main';
import type { MatchLayout } from './match-layout';

const WORKER_ENTRY = new URL('./dice-worker.mjs', import.meta.url);

function runOne(request: WorkerRequest, onProgress: (units: number) => void): Promise<TaskResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') onProgress(reply.units);
      else if (reply.type === 'done') finish(() => resolve({ pairs: { left: reply.left, right: reply.right, score: reply.score }, compared: reply.compared }));
      else finish(() => reject(new AlianzaError('PPRL_WORKER_FAILED', { reason: reply.message })));
    });
    worker.on('error', (e) => finish(() => reject(new AlianzaError('PPRL_WORKER_FAILED', { reason: e.message }))));
    worker.on('exit', (code) => finish(() => reject(new AlianzaError('PPRL_WORKER_FAILED', { reason: `exit ${code}` }))));
    worker.postMessage(request);
  });
}

export function runOnWorkers(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  layout: MatchLayout,
  tasks: readonly DiceTask[],
  onProgress: (units: number) => void,
): Promise<TaskResult[]> {
  return Promise.all(tasks.map((task, worker) => runOne({ module, memory, layout, worker, task }, onProgress)));
}
