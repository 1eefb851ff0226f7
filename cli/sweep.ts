// `equipotent sweep <sweep.json> [--jobs N] [--out DIR] [--shard i/N] [--resume] [--timeout S] [--no-wasm]`
// (CONTRACT.md): a parameter grid × seeds × variants on a pool of worker
// threads. Each finished run is appended to DIR/journal.ndjson and synced before
// the next is recorded; runs.csv, summary.csv, series.csv and manifest.json are
// written from the journal in run order at the end, so they are the same bytes
// whatever the finishing order, an interruption, or a split into shards.
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { intOption, parseCommandArgs, secondsOption } from './args.ts';
import { UserError } from './errors.ts';
import { readJsonFile } from './load-scenario.ts';
import { indexSeries, JOURNAL, JournalWriter, readJournal, SERIES_JOURNAL, type JournalRecord } from './sweep/journal.ts';
import { loadPlan, parseShard, shardRuns, shardText, taskOf, type Shard, type SweepPlan } from './sweep/plan.ts';
import { runPool } from './sweep/pool.ts';
import { prepareWorkerEntry } from './sweep/worker-bundle.ts';
import { lockSweepDir } from './sweep/lock.ts';
import { Progress } from './sweep/progress.ts';
import { MANIFEST, manifestOf, PartialRuns, writeManifest, writeOutputs, type Manifest } from './sweep/outputs.ts';

const USAGE = `usage: equipotent sweep <sweep.json> [--jobs N] [--out DIR] [--shard i/N] [--resume] [--timeout S] [--no-wasm]

Runs a sweep file's grid × seeds × variants on a pool of worker processes and
writes DIR/runs.csv, summary.csv, manifest.json (and series.csv with "every").

  --jobs N     worker processes (default: the number of cores)
  --out DIR    output directory (default: <sweep name>-out, or with --shard
               <sweep name>-shard-<i>-of-<N>)
  --shard i/N  run only the runs r with r mod N = i (0 <= i < N); join the
               shards' directories with \`equipotent merge\`
  --resume     continue the sweep in DIR: run only the runs its journal lacks,
               and retry the failed ones
  --timeout S  stop a run that takes longer than S seconds (its worker process
               is replaced) and record it as failed; default: no limit
  --no-wasm    run the textbook spreading loops in TypeScript instead of the
               WebAssembly kernel (the same results, slower)

Exit 0 when every run is done, 1 when some failed (see manifest.json; --resume
retries them), 2 for a mistake in the sweep file or the options.
`;

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    command: 'sweep',
    usage: USAGE,
    options: {
      jobs: { type: 'string', short: 'j' },
      out: { type: 'string', short: 'o' },
      shard: { type: 'string' },
      resume: { type: 'boolean' },
      timeout: { type: 'string' },
      'no-wasm': { type: 'boolean' },
    },
    positionals: { min: 1, max: 1, name: 'sweep file' },
  });
  if (args === null) return 0;
  const file = args.positionals[0]!;
  const jobs = intOption('jobs', args.values.jobs, { min: 1, max: 1024 }) ?? availableParallelism();
  const shard = args.values.shard !== undefined ? parseShard(args.values.shard) : null;
  const name = basename(file).replace(/\.json$/i, '');
  const out = resolve(args.values.out ?? (shard ? `${name}-shard-${shard.index}-of-${shard.count}` : `${name}-out`));
  const plan = loadPlan(file);
  const timeout = secondsOption('timeout', args.values.timeout);
  return runSweep({ plan, out, shard, jobs, resume: args.values.resume === true, timeoutMs: timeout === undefined ? null : timeout * 1000, wasm: args.values['no-wasm'] !== true });
}

export interface SweepOptions {
  plan: SweepPlan;
  out: string;
  shard: Shard | null;
  jobs: number;
  resume: boolean;
  /** Stop and fail a run after this many milliseconds (null: no limit). */
  timeoutMs?: number | null;
  /** False: the TypeScript spreading loops instead of the WebAssembly kernel (same results). */
  wasm?: boolean;
  /** Progress output (default: stderr, styled by whether it is a terminal). */
  progress?: { tty?: boolean; stream?: NodeJS.WriteStream };
}

/** Runs (or resumes) a sweep into `out`; resolves to the exit code. */
export async function runSweep(options: SweepOptions): Promise<number> {
  const { out } = options;
  const say = (line: string) => (options.progress?.stream ?? process.stderr).write(`${line}\n`);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UserError(`--out ${out}: is a file, not a directory`);
  mkdirSync(out, { recursive: true });
  const release = lockSweepDir(out);
  try {
    return await sweepLocked(options, say, release);
  } finally {
    release();
  }
}

/** runSweep's work, once it holds the output directory's lock (released on Ctrl-C too). */
async function sweepLocked(options: SweepOptions, say: (line: string) => void, release: () => void): Promise<number> {
  const { plan, out, shard, jobs, resume } = options;
  const journalPath = join(out, JOURNAL);
  const seriesPath = join(out, SERIES_JOURNAL);
  const selection = shardRuns(plan.grid.runs, shard);

  const previous = readPrevious(out);
  if (previous !== null || existsSync(journalPath)) {
    if (!resume) {
      const done = previous ? `${previous.runs.done} of ${previous.runs.selected} runs done` : 'a journal';
      throw new UserError(`--out ${out} already holds a sweep (${done}); add --resume to finish it, or choose another --out`);
    }
    if (previous !== null) checkSameSweep(previous, plan, shard, out);
  } else if (resume) {
    say(`sweep: nothing to resume in ${out}; starting the sweep`);
  }

  const journal = readJournal(journalPath);
  if (journal.bad > 0) say(`sweep: warning: ${journal.bad} unreadable line(s) in ${journalPath} ignored; their runs will run again`);
  const records = journal.records;
  // The runs to run: those the journal lacks, and those that failed (retried).
  const todo: number[] = [];
  let failedBefore = 0;
  for (let i = 0; i < selection.length; i++) {
    const r = selection.at(i);
    const rec = records.get(r);
    if (rec === undefined) todo.push(r);
    else if (rec.error !== undefined) {
      todo.push(r);
      failedBefore++;
    }
  }
  const already = selection.length - todo.length;
  const shardNote = shard ? ` (shard ${shardText(shard)} of ${plan.grid.runs} runs)` : '';
  const shape = `${plan.grid.points} grid point${plan.grid.points === 1 ? '' : 's'} × ${plan.grid.seeds} seed${plan.grid.seeds === 1 ? '' : 's'}, ${plan.variants.length} variant${plan.variants.length === 1 ? '' : 's'} each`;
  const workers = Math.max(1, Math.min(jobs, todo.length));
  if (already > 0 || failedBefore > 0) {
    say(`sweep: resuming ${out}: ${already} of ${selection.length} runs done; running ${todo.length}${failedBefore > 0 ? ` (${failedBefore} failed before, retried)` : ''} on ${workers} worker${workers === 1 ? '' : 's'}`);
  } else {
    say(`sweep: ${selection.length} runs${shardNote} (${shape}) on ${workers} worker${workers === 1 ? '' : 's'} → ${out}`);
  }
  writeManifest(out, manifestOf(plan, shard, selection, records));

  const every = plan.sweep.every !== undefined;
  const journalWriter = new JournalWriter(journalPath);
  const seriesWriter = every ? new JournalWriter(seriesPath) : null;
  const pending = new Set(todo);
  const partial = new PartialRuns(out, plan, selection);
  const isFinal = (r: number) => !pending.has(r);
  partial.advance(records, isFinal);
  const progress = new Progress({ total: selection.length, already, ...options.progress });
  const onSigint = () => {
    progress.finish();
    release();
    say(`sweep: interrupted; the finished runs are in ${journalPath}; rerun with --resume to finish`);
    process.exit(130);
  };
  process.once('SIGINT', onSigint);
  try {
    const entry = todo.length > 0 ? await prepareWorkerEntry() : null;
    await runPool(
      { length: todo.length, get: (i) => taskOf(plan, todo[i]!) },
      {
        jobs: workers,
        timeoutMs: options.timeoutMs ?? null,
        entry: entry?.url,
        workerData: { input: plan.scenario, baseDir: plan.baseDir, wasm: options.wasm !== false },
        onReply: (reply) => {
          const seed = plan.grid.baseSeed + (reply.run % plan.grid.seeds);
          let rec: JournalRecord;
          if (reply.ok) {
            // The series line first: a run in the journal always has its series.
            if (seriesWriter && reply.result.series !== null) seriesWriter.append({ run: reply.run, csv: reply.result.series });
            rec = { run: reply.run, seed, rows: reply.result.rows };
          } else {
            rec = { run: reply.run, seed, error: reply.error };
          }
          const at = journalWriter.append(rec);
          if (rec.rows !== undefined) partial.remember(rec.run, rec.rows);
          records.set(reply.run, rec.error !== undefined ? { run: rec.run, seed, error: rec.error, at } : { run: rec.run, seed, at });
          pending.delete(reply.run);
          partial.advance(records, isFinal);
          progress.tick(!reply.ok);
        },
      },
    );
  } finally {
    process.removeListener('SIGINT', onSigint);
    progress.finish();
    partial.close();
    journalWriter.close();
    seriesWriter?.close();
  }

  const series = every ? indexSeries(seriesPath, new Set([...records].filter(([, r]) => r.error === undefined).map(([run]) => run))) : new Map();
  const manifest = writeOutputs(out, plan, shard, selection, records, (run) => {
    const line = series.get(run);
    return line ? { path: seriesPath, line } : undefined;
  });
  if (manifest.failed.length > 0) {
    const first = manifest.failed[0]!;
    say(`sweep: ${manifest.failed.length} of ${selection.length} runs failed (listed in ${join(out, MANIFEST)}); the first, run ${first.run}: ${first.error}`);
    say(`sweep: rerun with --resume to retry them`);
    return 1;
  }
  say(`sweep: done; ${selection.length} runs in ${join(out, 'runs.csv')}`);
  return 0;
}

/** The manifest of an earlier sweep in `dir`, or null. */
function readPrevious(dir: string): Manifest | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  const m = readJsonFile(path) as Manifest;
  if (typeof m !== 'object' || m === null || m.format !== 'equipotent-sweep/1') {
    throw new UserError(`${path} is not a sweep manifest; choose another --out`);
  }
  return m;
}

/** Refuses to resume a sweep of another spec, version or shard. */
function checkSameSweep(previous: Manifest, plan: SweepPlan, shard: Shard | null, dir: string): void {
  if (previous.version !== plan.version) {
    throw new UserError(`--resume: ${dir} was run by equipotent ${previous.version}, this is ${plan.version}; its runs may differ, so finish it with that version or start again in another --out`);
  }
  if (previous.specHash !== plan.specHash) {
    throw new UserError(`--resume: ${dir} holds another sweep (the sweep file, its scenario or a data file changed since it started); start again in another --out`);
  }
  if (previous.shard !== shardText(shard)) {
    const was = previous.shard === null ? 'all runs (no --shard)' : `--shard ${previous.shard}`;
    throw new UserError(`--resume: ${dir} holds ${was}; resume it with the same ${previous.shard === null ? 'options' : `--shard ${previous.shard}`}`);
  }
}
