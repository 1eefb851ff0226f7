// The sweep's progress on stderr: on a terminal, one line redrawn in place (a
// bar, runs done/total, runs per second, ETA); otherwise (a log file, CI, a
// Slurm job's output) one line each time another 10 % of the runs is done.
import type { WriteStream } from 'node:tty';

export interface ProgressOptions {
  /** Runs this output covers. */
  total: number;
  /** Runs already done before this session (a resume). */
  already: number;
  /** Where to write (default process.stderr). */
  stream?: NodeJS.WriteStream | WriteStream;
  /** Force the terminal or the line-per-10 % style (default: stream.isTTY). */
  tty?: boolean;
  /** The line's prefix off a terminal (default `sweep`). */
  label?: string;
  /** Clock in ms (tests). */
  now?: () => number;
}

/** Formats seconds as 1h02m, 3m07s or 12s. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

export class Progress {
  private done: number;
  private failed = 0;
  private ranNow = 0;
  private readonly start: number;
  private lastDraw = -Infinity;
  private nextTenth: number;
  private readonly stream: NodeJS.WriteStream | WriteStream;
  private readonly tty: boolean;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.tty = options.tty ?? this.stream.isTTY === true;
    this.now = options.now ?? (() => performance.now());
    this.start = this.now();
    this.done = options.already;
    this.nextTenth = Math.floor((10 * this.done) / Math.max(1, options.total)) + 1;
  }

  /** One run finished (ok or failed). */
  tick(failed: boolean): void {
    this.done++;
    this.ranNow++;
    if (failed) this.failed++;
    const { total } = this.options;
    if (this.tty) {
      const t = this.now();
      if (t - this.lastDraw >= 100 || this.done === total) {
        this.lastDraw = t;
        this.stream.write(`\r\x1b[K${this.line(true)}`);
      }
      return;
    }
    if (this.done * 10 >= this.nextTenth * total) {
      this.nextTenth = Math.floor((10 * this.done) / total) + 1;
      this.stream.write(`${this.options.label ?? 'sweep'}: ${this.line(false)}\n`);
    }
  }

  /** Ends the terminal line. */
  finish(): void {
    if (this.tty && this.ranNow > 0) this.stream.write('\n');
  }

  private line(bar: boolean): string {
    const { total } = this.options;
    const seconds = (this.now() - this.start) / 1000;
    const rate = seconds > 0 ? this.ranNow / seconds : NaN;
    const eta = rate > 0 ? (total - this.done) / rate : NaN;
    const pct = total > 0 ? Math.floor((100 * this.done) / total) : 100;
    const width = 24;
    const filled = total > 0 ? Math.round((width * this.done) / total) : width;
    const head = bar ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
    const failed = this.failed > 0 ? `, ${this.failed} failed` : '';
    return `${head}${this.done}/${total} runs (${pct}%), ${Number.isFinite(rate) ? rate.toFixed(rate < 10 ? 2 : 1) : '?'} runs/s, ETA ${this.done >= total ? '0s' : duration(eta)}${failed}`;
  }
}
