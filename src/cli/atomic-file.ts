/**
 * An output file that appears whole or not at all: written to a temporary file beside the
 * target (mode 0600: exports hold personal data), flushed to disk, then renamed over it.
 * A failure or an interruption leaves the target as it was and removes the temporary file.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

const FLUSH_AT = 1 << 20;

export class AtomicFile {
  private chunks: string[] = [];
  private pending = 0;
  private done = false;

  private constructor(
    readonly target: string,
    private readonly tmp: string,
    private readonly handle: FileHandle,
  ) {}

  static async open(file: string): Promise<AtomicFile> {
    const target = path.resolve(file);
    mkdirSync(path.dirname(target), { recursive: true });
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
    const handle = await open(tmp, 'wx', 0o600);
    const f = new AtomicFile(target, tmp, handle);
    const onSignal = () => {
      rmSync(tmp, { force: true });
      process.exit(130);
    };
    process.once('SIGINT', onSignal);
    f.cleanup = () => process.removeListener('SIGINT', onSignal);
    return f;
  }

  private cleanup: () => void = () => undefined;

  async write(text: string): Promise<void> {
    this.chunks.push(text);
    this.pending += text.length;
    if (this.pending >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.chunks.length) return;
    const data = this.chunks.join('');
    this.chunks = [];
    this.pending = 0;
    await this.handle.write(data);
  }

  /** Flushes, syncs and renames the temporary file over the target. */
  async commit(): Promise<void> {
    if (this.done) return;
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
    renameSync(this.tmp, this.target);
    this.done = true;
    this.cleanup();
  }

  /** Throws the temporary file away; the target is untouched. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.handle.close().catch(() => undefined);
    rmSync(this.tmp, { force: true });
    this.cleanup();
  }
}
