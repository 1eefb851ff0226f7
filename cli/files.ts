// Writing output files so that a failure never leaves half a file: everything
// goes to a temporary file beside the target, renamed into place when complete.
import { closeSync, openSync, renameSync, rmSync, writeSync, fsyncSync, mkdirSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** A file being written: `write` lines, then `commit` (rename into place) or `abort`. */
export class AtomicFile {
  private fd: number;
  private readonly tmp: string;
  private buffer: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path) || '.', { recursive: true });
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }

  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  commit(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    try { closeSync(this.fd); } catch { /* already closed */ }
    rmSync(this.tmp, { force: true });
  }
}

/** Formats a CSV field (quotes only when needed). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
