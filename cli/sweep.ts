// `equipotent sweep <sweep.json> [--jobs N] [--out DIR] [--shard i/N] [--resume] [--timeout S] [--no-wasm]`
// (CONTRACT.md): a design (a grid, or a Latin hypercube, Sobol' or Morris design)
// × seeds × variants on a pool of worker processes. Each finished run is
// appended to DIR/journal.ndjson and synced before the next is recorded; the
// result files and manifest.json are written from the journal in run order at
// the end, so they are the same bytes whatever the finishing order, an
// interruption, or a split into shards. With `replicate`, the sweep runs in
// rounds: after each, the points whose intervals are still too wide get more
// seeds (cli/sweep/replicate.ts); each round's decisions go to the journal.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { intOption, parseCommandArgs, secondsOption } from './args.ts';
import { RunFailedError, UserError, writeFailureReason } from './errors.ts';
import { indexRounds, indexSeries, JOURNAL, JournalWriter, LineReader, readJournal, SERIES_JOURNAL, type JournalEntry, type JournalRecord } from './sweep/journal.ts';
import { isAdaptive, loadPlan, sweepModules, parseShard, runPoint, runSeed, shardRuns, shardText, taskOf, type Shard, type SweepPlan } from './sweep/plan.ts';
import { adaptiveSelection, listSelection, Replication, type PointState } from './sweep/replicate.ts';
import { manifestOf, readManifest, writeManifest, type Manifest, type RunSelection } from './sweep/manifest.ts';
import { runPool } from './sweep/pool.ts';
import { prepareWorkerEntry } from './sweep/worker-bundle.ts';
import { lockSweepDir } from './sweep/lock.ts';
import { Progress } from './sweep/progress.ts';
import { MANIFEST, PartialRuns, writeOutputs } from './sweep/outputs.ts';
import { checkOutputPath, makeOutputFolder } from './output-paths.ts';
import { MODULE_OPTIONS, MODULE_USAGE } from './module-options.ts';
import { moduleFileRefs } from '../workers/module-files.ts';
import { BOOTSTRAP } from './sweep/worker-bundle.ts';

const USAGE = `usage: equipotent sweep <sweep.json> [--jobs N] [--out DIR] [--shard i/N] [--resume] [--timeout S] [--people] [--no-wasm] [--module F]… [--allow-modules]

Runs a sweep file's design (grid, lhs, sobol or morris) × seeds × variants on a
pool of worker processes and writes DIR/runs.csv, summary.csv, manifest.json
(series.csv with "every", people.csv with --people, sensitivity.csv for sobol
and morris; Parquet too with "formats"), and codebook.json and codebook.md.

  --jobs N     worker processes (default: the number of cores)
  --out DIR    output directory (default: <sweep name>-out, or with --shard
               <sweep name>-shard-<i>-of-<N>)
  --shard i/N  run only the runs r with r mod N = i (0 <= i < N), or with
               "replicate" the design points p with p mod N = i; join the
               shards' directories with \`equipotent merge\`
  --resume     continue the sweep in DIR: run only the runs its journal lacks,
               and retry the failed ones
  --timeout S  stop a run that takes longer than S seconds (its worker process
               is replaced) and record it as failed; default: no limit
  --people     write people.csv: each person and domain at the end of each run
               (the same as "people": true in the sweep file; a resume or a
               shard of the sweep takes it too)
  --no-wasm    run the textbook spreading loops in TypeScript instead of the
               WebAssembly kernel (the same results, slower)
${MODULE_USAGE}
               Every worker and every shard loads the same files; a worker
               refuses a file whose sha256 differs from the one the sweep
               started with, and --resume and merge refuse a changed module.

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
      people: { type: 'boolean' },
      ...MODULE_OPTIONS,
    },
    positionals: { min: 1, max: 1, name: 'sweep file' },
  });
  if (args === null) return 0;
  const file = args.positionals[0]!;
  const jobs = intOption('jobs', args.values.jobs, { min: 1, max: 1024 }) ?? availableParallelism();
  const shard = args.values.shard !== undefined ? parseShard(args.values.shard) : null;
  const name = basename(file).replace(/\.json$/i, '');
  const out = checkOutputPath('--out', args.values.out ?? (shard ? `${name}-shard-${shard.index}-of-${shard.count}` : `${name}-out`), 'folder');
  const plan = loadPlan(file, await sweepModules(file, args.values), { people: args.values.people === true });
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
  checkOutputPath('--out', out, 'folder');
  makeOutputFolder(out);
  const release = lockSweepDir(out);
  try {
    return await sweepLocked(options, say, release);
  } catch (e) {
    // A full disk mid-sweep: the journal keeps every run finished (a torn last line is cut on resume).
    const reason = writeFailureReason(e);
    if (reason !== null) throw new RunFailedError(`sweep: could not write in ${out}: ${reason}; the runs finished so far are kept in ${join(out, JOURNAL)} — make room, then run the same command with --resume`);
    throw e;
  } finally {
    release();
  }
}

/** The runs a session covers now, and with replicate the design points' states. */
interface Covered {
  selection: RunSelection;
  states?: PointState[];
}

/** runSweep's work, once it holds the output directory's lock (released on Ctrl-C too). */
async function sweepLocked(options: SweepOptions, say: (line: string) => void, release: () => void): Promise<number> {
  const { out, shard, jobs, resume } = options;
  let plan = options.plan;
  const journalPath = join(out, JOURNAL);
  const seriesPath = join(out, SERIES_JOURNAL);

  const previous = readManifest(out);
  if (previous !== null || existsSync(journalPath)) {
    if (!resume) throw new UserError(alreadyHolds(out, previous, plan));
    if (previous !== null) checkSameSweep(previous, plan, shard, out);
    // The stored design is the record: a resumed sweep runs at the very same points.
    if (previous?.design) plan = { ...plan, design: previous.design };
    if (previous !== null && previous.defaultModel === undefined) {
      plan = asModelOne(plan);
      say(`sweep: ${out} was started before model 2: its runs follow model 1's rules, and so do the rest`);
    }
  } else if (resume) {
    say(`sweep: nothing to resume in ${out}; starting the sweep`);
  }

  const journal = readJournal(journalPath);
  if (journal.bad > 0) say(`sweep: warning: ${journal.bad} unreadable line(s) in ${journalPath} ignored; their runs will run again`);
  const records = journal.records;
  const adaptive = isAdaptive(plan);
  const replication = adaptive ? new Replication(plan) : null;
  if (replication !== null) {
    // The replicate metric of every run already done, read once.
    const reader = new LineReader();
    try {
      for (const [run, rec] of records) if (rec.error === undefined) replication.remember(run, reader.rows(rec.at));
    } finally {
      reader.close();
    }
  }
  const covered = (): Covered => {
    if (replication === null) return { selection: shardRuns(plan.grid.runs, shard) };
    const { runs, states } = adaptiveSelection(plan, shard, replication);
    return { selection: listSelection(runs), states };
  };
  const finalPoints = new Set<number>();
  const rounds = adaptive ? new Set(indexRounds(journalPath).keys()) : new Set<string>();

  let now = covered();
  const attempted = new Set<number>();
  const todoOf = (selection: RunSelection) => {
    const todo: number[] = [];
    let failedBefore = 0;
    for (let i = 0; i < selection.length; i++) {
      const r = selection.at(i);
      if (attempted.has(r)) continue;
      const rec = records.get(r);
      if (rec === undefined) todo.push(r);
      else if (rec.error !== undefined) {
        todo.push(r);
        failedBefore++;
      }
    }
    return { todo, failedBefore };
  };
  const first = todoOf(now.selection);
  const already = now.selection.length - first.todo.length;
  const shardNote = shard ? ` (shard ${shardText(shard)} of ${adaptive ? `${plan.grid.points} design points` : `${plan.grid.runs} runs`})` : '';
  const pointsWord = `${plan.design === null ? 'grid' : `${plan.design.kind} design`} point${plan.grid.points === 1 ? '' : 's'}`;
  const seedsWord = adaptive
    ? `${plan.grid.seeds} to ${plan.grid.maxSeeds} seeds (rounds of ${plan.grid.seeds})`
    : `${plan.grid.seeds} seed${plan.grid.seeds === 1 ? '' : 's'}`;
  const shape = `${plan.grid.points} ${pointsWord} × ${seedsWord}, ${plan.variants.length} variant${plan.variants.length === 1 ? '' : 's'} each`;
  const workersFor = (n: number) => Math.max(1, Math.min(jobs, n));
  const workersText = (n: number) => `${workersFor(n)} worker${workersFor(n) === 1 ? '' : 's'}`;
  if (already > 0 || first.failedBefore > 0) {
    say(`sweep: resuming ${out}: ${already} of ${now.selection.length} runs done; running ${first.todo.length}${first.failedBefore > 0 ? ` (${first.failedBefore} failed before, retried)` : ''} on ${workersText(first.todo.length)}`);
  } else {
    say(`sweep: ${now.selection.length} runs${adaptive ? ' in the first round' : ''}${shardNote} (${shape}) on ${workersText(first.todo.length)} → ${out}`);
  }
  writeManifest(out, manifestOf(plan, shard, now.selection, records, now.states));

  // The series journal carries each run's series rows and, with people, its people rows.
  const every = plan.sweep.every !== undefined || plan.sweep.people === true;
  const journalWriter = new JournalWriter(journalPath);
  const seriesWriter = every ? new JournalWriter(seriesPath) : null;
  const pending = new Set<number>();
  const partial = new PartialRuns(out, plan, now.selection);
  const isFinal = (r: number) => !pending.has(r) && (!adaptive || finalPoints.has(runPoint(plan, r)));
  /** Journals the rounds decided since the last call (adaptive), and notes the points that are final. */
  const recordRounds = (states: readonly PointState[] | undefined) => {
    for (const state of states ?? []) {
      for (const round of state.rounds) {
        const key = `${round.point}/${round.round}`;
        if (rounds.has(key)) continue;
        rounds.add(key);
        journalWriter.append(round);
      }
      if (state.final) finalPoints.add(state.point);
    }
  };
  let progress: Progress | null = null;
  const onSigint = () => {
    progress?.finish();
    release();
    say(`sweep: interrupted; the finished runs are in ${journalPath}; rerun with --resume to finish`);
    process.exit(130);
  };
  process.once('SIGINT', onSigint);
  try {
    recordRounds(now.states);
    partial.advance(records, isFinal);
    for (let wave = 1; ; wave++) {
      const { todo } = wave === 1 ? first : todoOf(now.selection);
      if (todo.length === 0) break;
      if (wave > 1) say(`sweep: next round: ${todo.length} more runs for ${new Set(todo.map((r) => runPoint(plan, r))).size} design point(s) whose intervals are still wider than ±${plan.sweep.replicate!.halfWidth}`);
      for (const r of todo) {
        pending.add(r);
        attempted.add(r);
      }
      progress = new Progress({ total: now.selection.length, already: now.selection.length - todo.length, ...options.progress });
      // A .ts module loads only through tsx's loader: then the workers start through it too.
      const files = plan.loaded?.files ?? [];
      const entry = files.some((f) => /\.m?ts$/i.test(f.path)) ? { url: BOOTSTRAP } : await prepareWorkerEntry();
      await runPool(
        { length: todo.length, get: (i) => taskOf(plan, todo[i]!) },
        {
          jobs: workersFor(todo.length),
          timeoutMs: options.timeoutMs ?? null,
          entry: entry.url,
          workerData: { input: plan.scenario, baseDir: plan.baseDir, wasm: options.wasm !== false, modules: moduleFileRefs(files) },
          onReply: (reply) => {
            const seed = runSeed(plan, reply.run);
            let rec: JournalRecord;
            if (reply.ok) {
              // The series line first: a run in the journal always has its series.
              if (seriesWriter) seriesWriter.append({ run: reply.run, csv: reply.result.series ?? '', ...(reply.result.people != null ? { people: reply.result.people } : {}) });
              rec = { run: reply.run, seed, rows: reply.result.rows };
            } else {
              rec = { run: reply.run, seed, error: reply.error };
            }
            const at = journalWriter.append(rec);
            if (rec.rows !== undefined) {
              partial.remember(rec.run, rec.rows);
              replication?.remember(rec.run, rec.rows);
            } else replication?.forget(rec.run);
            records.set(reply.run, rec.error !== undefined ? { run: rec.run, seed, error: rec.error, at } : ({ run: rec.run, seed, at } as JournalEntry));
            pending.delete(reply.run);
            partial.advance(records, isFinal);
            progress!.tick(!reply.ok);
          },
        },
      );
      progress.finish();
      progress = null;
      if (!adaptive) break;
      now = covered();
      recordRounds(now.states);
      partial.extend(now.selection);
      partial.advance(records, isFinal);
    }
  } finally {
    process.removeListener('SIGINT', onSigint);
    progress?.finish();
    partial.close();
    journalWriter.close();
    seriesWriter?.close();
  }

  const selection = now.selection;
  const series = every ? indexSeries(seriesPath, new Set([...records].filter(([, r]) => r.error === undefined).map(([run]) => run))) : new Map();
  const manifest = writeOutputs(out, plan, shard, selection, records, (run) => {
    const line = series.get(run);
    return line ? { path: seriesPath, line } : undefined;
  }, now.states);
  if (manifest.failed.length > 0) {
    const first = manifest.failed[0]!;
    say(`sweep: ${manifest.failed.length} of ${selection.length} runs failed (listed in ${join(out, MANIFEST)}); the first, run ${first.run}: ${first.error}`);
    say(`sweep: rerun with --resume to retry them`);
    return 1;
  }
  if (manifest.replication !== undefined && manifest.replication.points.length > 0) {
    const pts = manifest.replication.points;
    const capped = pts.filter((p) => !p.met).length;
    say(`sweep: done; ${selection.length} runs over ${pts.length} design points (${Math.min(...pts.map((p) => p.seeds))} to ${Math.max(...pts.map((p) => p.seeds))} seeds each${capped > 0 ? `; ${capped} stopped at maxSeeds without meeting ±${manifest.replication.halfWidth}` : ''}) in ${join(out, 'runs.csv')}`);
    return 0;
  }
  say(`sweep: done; ${selection.length} runs in ${join(out, 'runs.csv')}`);
  return 0;
}

/**
 * The refusal to run into a folder that holds a sweep: what is there, counted
 * from the journal (the manifest is written at the start and the end only, so
 * a killed sweep's manifest says 0 done), and how to finish it.
 */
function alreadyHolds(out: string, previous: Manifest | null, plan: SweepPlan): string {
  // The journal holds that folder's runs only (a shard's, or all): count them all.
  let done = 0;
  let failed = 0;
  for (const rec of readJournal(join(out, JOURNAL)).records.values()) rec.error === undefined ? done++ : failed++;
  const total = previous?.runs.selected;
  const counted = `${done}${total !== undefined ? ` of ${total}` : ''} runs done${failed > 0 ? `, ${failed} failed` : ''}`;
  if (previous !== null && previous.specHash !== plan.specHash) {
    return `--out ${out} already holds another sweep (${counted}; its sweep file, scenario or data differ from this one); choose another --out, or remove that folder if its runs are not wanted`;
  }
  const rest = total !== undefined ? total - done : 0;
  return `--out ${out} already holds a sweep (${counted}); add --resume to finish it (the ${done} runs in ${join(out, JOURNAL)} are kept${rest > 0 ? `, the other ${rest} run` : ''}), or choose another --out`;
}

/** Refuses to resume a sweep of another spec, version or shard. */
function checkSameSweep(previous: Manifest, plan: SweepPlan, shard: Shard | null, dir: string): void {
  if (previous.version !== plan.version) {
    throw new UserError(`--resume: ${dir} was run by equipotent ${previous.version}, this is ${plan.version}; its runs may differ, so finish it with that version or start again in another --out`);
  }
  const changed = moduleChange(previous.modules, plan.modules);
  if (changed !== null) throw new UserError(`--resume: ${dir} was started with other modules (${changed}); its runs would not match, so restore the module files it ran with, or start again in another --out`);
  if (previous.specHash !== plan.specHash) {
    throw new UserError(`--resume: ${dir} holds another sweep (the sweep file, its scenario or a data file changed since it started); start again in another --out`);
  }
  if (previous.shard !== shardText(shard)) {
    const was = previous.shard === null ? 'all runs (no --shard)' : `--shard ${previous.shard}`;
    throw new UserError(`--resume: ${dir} holds ${was}; resume it with the same ${previous.shard === null ? 'options' : `--shard ${previous.shard}`}`);
  }
}

/** How two records of user modules (name → sha256) differ, in words; null when they are the same. */
export function moduleChange(before: Record<string, string> | undefined, now: Record<string, string> | undefined): string | null {
  const a = before ?? {};
  const b = now ?? {};
  const words: string[] = [];
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[name] === b[name]) continue;
    if (a[name] === undefined) words.push(`"${name}" was not loaded then`);
    else if (b[name] === undefined) words.push(`"${name}" (sha256 ${a[name]}) is not loaded now: add --module`);
    else words.push(`"${name}" had sha256 ${a[name]}, the file now has ${b[name]}`);
  }
  return words.length > 0 ? words.join('; ') : null;
}

/**
 * A sweep started before model 2 (its manifest records no default model): its
 * scenario runs as model 1 unless it says otherwise, and the manifest keeps
 * recording no default, so a later resume does the same.
 */
function asModelOne(plan: SweepPlan): SweepPlan {
  const { defaultModel: _, ...rest } = plan;
  const input = plan.scenario;
  const own = input !== null && typeof input === 'object' && !Array.isArray(input) && 'model' in input;
  return own ? rest : { ...rest, scenario: { ...(input as object), model: 1 } };
}
