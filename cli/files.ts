// Writing output files so that a failure never leaves half a file: everything
// goes to a temporary file beside the target, renamed into place when complete.
// A write that finds the disk full (or a quota, or a size limit) becomes a
// RunFailedError naming the file (exit 1, a plain message); the caller aborts,
// which removes the temporary file, so nothing half-written is left.
import { closeSync, existsSync, openSync, renameSync, rmSync, writeSync, fsyncSync, mkdirSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { UserError, writeFailure } from './errors.ts';
import { virtualFileSystem } from './output-paths.ts';

/** A file being written: `write` lines, then `commit` (rename into place) or `abort`. */
export class AtomicFile {
  private fd: number;
  private readonly tmp: string;
  private buffer: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    const dir = dirname(path) || '.';
    if (!existsSync(dir)) {
      // Node's recursive mkdir never returns under /proc or /sys: refuse instead of hanging.
      const virtual = virtualFileSystem(resolve(dir));
      if (virtual !== null) throw new UserError(`${path}: is inside ${virtual}, where no file can be created; write to a folder on a disk`);
      mkdirSync(dir, { recursive: true });
    }
    this.tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
    this.fd = this.io(() => openSync(this.tmp, 'w'));
  }

  /** Runs a file operation; a full disk (or quota, or size limit) becomes a RunFailedError naming the file. */
  private io<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      throw writeFailure(e, this.path) ?? e;
    }
  }

  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length) {
      const text = this.buffer.join('');
      this.io(() => writeAll(this.fd, text));
    }
    this.buffer = [];
    this.size = 0;
  }

  /** Writes what is buffered and syncs it to the disk: the last step that can find the disk full. */
  sync(): void {
    this.flush();
    this.io(() => fsyncSync(this.fd));
  }

  /** Syncs, closes and renames into place. */
  commit(): void {
    this.sync();
    this.io(() => closeSync(this.fd));
    this.fd = -1;
    this.io(() => renameSync(this.tmp, this.path));
  }

  abort(): void {
    if (this.fd >= 0) {
      try { closeSync(this.fd); } catch { /* already closed */ }
    }
    this.fd = -1;
    rmSync(this.tmp, { force: true });
  }
}

/** Writes all of `text` (writeSync may write less than asked, e.g. on a nearly full disk). */
function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
}

/**
 * Writes several files as one: each to its temporary name, then all renamed
 * into place; if any write fails, none is left behind (nor half of one).
 */
export function writeFilesTogether(parts: readonly { path: string; write: (f: AtomicFile) => void }[]): void {
  const open: AtomicFile[] = [];
  try {
    for (const part of parts) {
      const f = new AtomicFile(part.path);
      open.push(f);
      part.write(f);
    }
    for (const f of open) f.sync();
  } catch (e) {
    for (const f of open) f.abort();
    throw e;
  }
  for (const f of open) f.commit();
}

/** Formats a CSV field (quotes only when needed). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
