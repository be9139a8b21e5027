/**
 * Benchmarks append their figures to BENCHMARKS.md with the machine and the date.
 * Each bench/<name>.ts default-exports `run(args) => Promise<BenchReport>`.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchReport {
  title: string;
  /** figure name -> value; printed one per line as `name: value` and written as a table */
  figures: Record<string, string | number>;
  notes?: string[];
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const mem = Math.round(os.totalmem() / 2 ** 30);
  return `${os.cpus().length} × ${cpu}, ${mem} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function writeReport(name: string, report: BenchReport, file = path.resolve('BENCHMARKS.md')): void {
  if (!existsSync(file)) {
    writeFileSync(file, '# Benchmarks\n\nEach section is appended by `npm run bench <name>`; newest last.\n');
  }
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const rows = Object.entries(report.figures)
    .map(([k, v]) => `| ${k} | ${v} |`)
    .join('\n');
  const notes = (report.notes ?? []).map((n) => `- ${n}`).join('\n');
  appendFileSync(
    file,
    `\n## ${name}: ${report.title}\n\n${date} — ${machineLine()}\n\n| figure | value |\n|---|---|\n${rows}\n${notes ? '\n' + notes + '\n' : ''}`,
  );
  for (const [k, v] of Object.entries(report.figures)) console.log(`${k}: ${v}`);
}
