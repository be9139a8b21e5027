/**
 * A node running in its own process (`node bin/alianza.mjs start`), as in production: it can
 * be killed (SIGKILL included) and started again on the same folder and port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface NodeProcess {
  dir: string;
  port: number;
  url: string;
  start(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
  running(): boolean;
  log(): string;
}

export function nodeProcess(dir: string, port: number, env: NodeJS.ProcessEnv): NodeProcess {
  let child: ChildProcess | null = null;
  let output = '';
  const url = `http://127.0.0.1:${port}`;
  return {
    dir,
    port,
    url,
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    log: () => output.slice(-4000),
    async start() {
      child = spawn(process.execPath, [path.join(ROOT, 'bin', 'alianza.mjs'), 'start', '--data', dir, '--port', String(port), '--host', '127.0.0.1'], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      const until = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`node ${dir} exited: ${output}`);
        try {
          const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
          if (res.ok) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > until) throw new Error(`node ${dir} did not start: ${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async kill(signal) {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
      c.kill(signal);
      const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
