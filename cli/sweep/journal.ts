// The sweep's journals: append-only files of one JSON line per finished run,
// each line written with one write() and fsync'ed before the next run is
// recorded, so `kill -9` (or a power cut) loses at most the runs in flight.
//
// - `journal.ndjson`: `{"run":r,"seed":s,"rows":[…]}` for a run done, or
//   `{"run":r,"seed":s,"error":"…"}` for a run that failed. A run may appear
//   more than once (a failed run retried by --resume): the last line wins.
// - `series.ndjson`: `{"run":r,"csv":"…"}`, the run's series rows, written
//   (and synced) just before the run's journal line; a series line whose run
//   is not done in the journal is an orphan of a crash and is ignored.
//
// - with `replicate`, also `{"point":p,"round":k,"seeds":n,"halfWidths":{…},"met":…}`:
//   the decision taken after round k of design point p (the record of an
//   adaptive sweep; the decisions are recomputed from the runs, so these lines
//   say what happened and never steer it).
//
// A kill in the middle of a write leaves a torn last line: readers skip it and
// a writer cuts it off before appending, so the next line starts clean.
//
// Reading a journal keeps, per run, where its line is and not its rows (a
// classroom run's rows are ~10 KB as objects): the result files are written by
// reading the rows back run by run, so a sweep or a merge of a million runs
// needs memory for its index, not for its results.
import { closeSync, existsSync, fsyncSync, openSync, readSync, statSync, ftruncateSync, writeSync } from 'node:fs';
import type { RunRow } from '../../workers/sweep-task.ts';

export const JOURNAL = 'journal.ndjson';
export const SERIES_JOURNAL = 'series.ndjson';

export type JournalRecord =
  | { run: number; seed: number; rows: RunRow[]; error?: undefined }
  | { run: number; seed: number; error: string; rows?: undefined };

/** The head of a round line: its design point. */
export const ROUND_PREFIX = /^\{"point":(\d+)[,}]/;

/** Where a run's journal line is: the file, its first byte and its length (without the newline). */
export interface LineAt {
  path: string;
  offset: number;
  length: number;
}

/** What a reader keeps of a journal line: the run, its seed, its error if it failed, and where the line is. */
export type JournalEntry = { run: number; seed: number; error?: string; at: LineAt };

/** A complete line of a journal file: where it starts, its length (without the newline), its run. */
export interface LineRef {
  offset: number;
  length: number;
  run: number;
}

const CHUNK = 1 << 20;
const RUN_PREFIX = /^\{"run":(\d+)[,}]/;

/**
 * Scans a journal file line by line without holding it in memory; calls `each`
 * for every complete line (ended by a newline) whose head names a run. Returns
 * the byte length of the complete lines (where a torn last line starts).
 */
export function scanLines(path: string, each: (line: LineRef, head: string) => void, prefix: RegExp = RUN_PREFIX): number {
  if (!existsSync(path)) return 0;
  const fd = openSync(path, 'r');
  try {
    const size = statSync(path).size;
    const buf = Buffer.allocUnsafe(CHUNK);
    let pos = 0; // file offset of buf[0]
    let lineStart = 0; // file offset of the current line
    let head = ''; // the current line's first bytes (enough for its run number)
    while (pos < size) {
      const got = readSync(fd, buf, 0, Math.min(CHUNK, size - pos), pos);
      if (got <= 0) break;
      let from = 0;
      for (;;) {
        const nl = buf.indexOf(10, from);
        const end = nl < 0 || nl >= got ? got : nl;
        if (head.length < 32) head += buf.toString('latin1', from, Math.min(end, from + 32 - head.length));
        if (nl < 0 || nl >= got) break;
        const m = prefix.exec(head);
        if (m) each({ offset: lineStart, length: pos + nl - lineStart, run: Number(m[1]) }, head);
        lineStart = pos + nl + 1;
        head = '';
        from = nl + 1;
      }
      pos += got;
    }
    return lineStart;
  } finally {
    closeSync(fd);
  }
}

/** Reads `length` bytes at `offset` of an open file as UTF-8. */
export function readAt(fd: number, offset: number, length: number): string {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const got = readSync(fd, buf, done, length - done, offset + done);
    if (got <= 0) throw new Error(`unexpected end of file at byte ${offset + done}`);
    done += got;
  }
  return buf.toString('utf8');
}

/** What a journal holds: the last entry of each run, and lines that could not be read. */
export interface JournalContents {
  records: Map<number, JournalEntry>;
  /** Runs with more than one record (retries). */
  retried: number;
  /** Complete lines that are not valid records (should not happen; reported, then ignored). */
  bad: number;
  /** Byte length of the complete lines. */
  validBytes: number;
}

/** Reads `journal.ndjson` (each line checked whole, then only its entry kept); a missing file is an empty journal. */
export function readJournal(path: string): JournalContents {
  const records = new Map<number, JournalEntry>();
  let bad = 0;
  let retried = 0;
  if (!existsSync(path)) return { records, retried, bad, validBytes: 0 };
  const fd = openSync(path, 'r');
  try {
    const validBytes = scanLines(path, (line) => {
      let rec: JournalRecord;
      try {
        rec = JSON.parse(readAt(fd, line.offset, line.length)) as JournalRecord;
      } catch {
        bad++;
        return;
      }
      if (!Number.isSafeInteger(rec.run) || !Number.isSafeInteger(rec.seed) || (rec.error === undefined && !Array.isArray(rec.rows))) {
        bad++;
        return;
      }
      if (records.has(rec.run)) retried++;
      const at = { path, offset: line.offset, length: line.length };
      records.set(rec.run, rec.error !== undefined ? { run: rec.run, seed: rec.seed, error: rec.error, at } : { run: rec.run, seed: rec.seed, at });
    });
    return { records, retried, bad, validBytes };
  } finally {
    closeSync(fd);
  }
}

/** Reads journal lines back by where they are (one open file per journal, until close). */
export class LineReader {
  private fds = new Map<string, number>();

  /** The line's text. */
  line(at: LineAt): string {
    let fd = this.fds.get(at.path);
    if (fd === undefined) this.fds.set(at.path, (fd = openSync(at.path, 'r')));
    return readAt(fd, at.offset, at.length);
  }

  /** The rows of a done run's journal line. */
  rows(at: LineAt): RunRow[] {
    const rec = JSON.parse(this.line(at)) as JournalRecord;
    if (rec.rows === undefined) throw new Error(`${at.path}: the line at byte ${at.offset} is not a done run`);
    return rec.rows;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/** The series lines of the runs in `done` (the last line of each run wins). */
export function indexSeries(path: string, done: ReadonlySet<number>): Map<number, LineRef> {
  const index = new Map<number, LineRef>();
  scanLines(path, (line) => {
    if (done.has(line.run)) index.set(line.run, line);
  });
  return index;
}

/** An append-only journal file: each `append` is one write() followed by fsync. */
export class JournalWriter {
  private fd: number;
  /** The file's length: where the next line starts. */
  private size: number;

  /** Opens `path` for appending, first cutting off a torn last line. */
  constructor(readonly path: string) {
    this.fd = openSync(path, 'a+');
    const complete = scanLines(path, () => {});
    if (statSync(path).size > complete) ftruncateSync(this.fd, complete);
    this.size = complete;
  }

  /** Appends one record as a line and makes it durable before returning; returns where the line is. */
  append(record: object): LineAt {
    const line = `${JSON.stringify(record)}\n`;
    const buf = Buffer.from(line, 'utf8');
    const offset = this.size;
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done);
    fsyncSync(this.fd);
    this.size += buf.length;
    return { path: this.path, offset, length: buf.length - 1 };
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The round lines of a journal (an adaptive sweep's record), by "point/round", last line winning. */
export function indexRounds(path: string): Map<string, LineRef> {
  const index = new Map<string, LineRef>();
  if (!existsSync(path)) return index;
  const fd = openSync(path, 'r');
  try {
    scanLines(
      path,
      (line) => {
        try {
          const rec = JSON.parse(readAt(fd, line.offset, line.length)) as { point?: unknown; round?: unknown };
          if (Number.isSafeInteger(rec.point) && Number.isSafeInteger(rec.round)) index.set(`${rec.point}/${rec.round}`, line);
        } catch {
          /* a torn or foreign line: the runs decide, this is only the record */
        }
      },
      ROUND_PREFIX,
    );
  } finally {
    closeSync(fd);
  }
  return index;
}
