// `equipotent merge <DIR>… --out DIR` (CONTRACT.md): joins the outputs of a
// sweep's shards (or of any split of its runs) into one result. Refuses, with a
// message naming the directories and runs, outputs of different sweeps or
// versions, runs done in two directories, failed runs and missing runs. The
// merged result files and manifest.json are the bytes an unsharded sweep writes:
// they are computed from the journals in run order. For an adaptive sweep the
// runs that must be there are decided again from the runs themselves (each
// point's rounds), and the shards' round records are copied in point order.
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCommandArgs } from './args.ts';
import { moduleChange } from './sweep.ts';
import { UserError } from './errors.ts';
import { readJsonFile } from './load-scenario.ts';
import { AtomicFile } from './files.ts';
import { checkOutputPath, makeOutputFolder } from './output-paths.ts';
import { indexRounds, indexSeries, JOURNAL, LineReader, readAt, readJournal, SERIES_JOURNAL, type JournalEntry, type LineRef } from './sweep/journal.ts';
import { MANIFEST, writeOutputs, type Manifest } from './sweep/outputs.ts';
import { isAdaptive, parseShard, projectVersion, runPoint, shardRuns, type SweepSpec } from './sweep/plan.ts';
import { CODEBOOK_JSON, type Codebook, type ColumnDoc } from './codebook.ts';
import { readFileSync } from 'node:fs';
import { adaptiveSelection, listSelection, Replication, type PointState } from './sweep/replicate.ts';

const USAGE = `usage: equipotent merge <DIR>… --out DIR

Joins the output directories of a sweep's shards (\`sweep --shard i/N\`) into
one: DIR/runs.csv, summary.csv, series.csv and manifest.json, the same bytes
as the sweep run unsharded. Refuses directories of different sweeps or
versions, runs found twice, and failed or missing runs.
`;

const MAX_LISTED = 8;

const list = (xs: readonly number[]) => `${xs.slice(0, MAX_LISTED).join(', ')}${xs.length > MAX_LISTED ? `, … (${xs.length} in all)` : ''}`;

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    command: 'merge',
    usage: USAGE,
    options: { out: { type: 'string', short: 'o' } },
    positionals: { min: 1, name: 'directory' },
  });
  if (args === null) return 0;
  if (args.values.out === undefined) throw new UserError(`merge: --out DIR is required (where the merged result goes)\n${USAGE.trimEnd()}`);
  const manifest = mergeSweeps(args.positionals, args.values.out);
  process.stderr.write(`merge: ${manifest.runs.done} runs from ${args.positionals.length} director${args.positionals.length === 1 ? 'y' : 'ies'} → ${resolve(args.values.out)}\n`);
  return 0;
}

interface Input {
  dir: string;
  manifest: Manifest;
  records: Map<number, JournalEntry>;
}

/** Merges sweep output directories into `out`; throws UserError for anything that does not add up. */
export function mergeSweeps(dirs: readonly string[], outDir: string): Manifest {
  // Where the result goes is checked first: a mistake there costs a second, not a merge.
  const out = checkOutputPath('--out', outDir, 'folder');
  const seen = new Map<string, string>();
  for (const d of dirs) {
    const abs = resolve(d);
    if (seen.has(abs)) throw new UserError(`merge: ${d} is given twice; give each shard's directory once`);
    seen.set(abs, d);
    if (abs === out) throw new UserError(`merge: --out ${outDir} is one of the directories to merge; write the result to a new directory`);
  }
  const inputs: Input[] = dirs.map((dir) => readInput(dir));

  // One sweep, one version.
  const first = inputs[0]!;
  for (const other of inputs.slice(1)) {
    if (other.manifest.version !== first.manifest.version) {
      throw new UserError(`merge: ${first.dir} was run by equipotent ${first.manifest.version} but ${other.dir} by ${other.manifest.version}; runs of different versions may differ, so run every shard with one version`);
    }
    const changed = moduleChange(first.manifest.modules, other.manifest.modules);
    if (changed !== null) {
      throw new UserError(`merge: ${first.dir} and ${other.dir} ran with different modules (in the second, ${changed.replace(/not loaded then/g, 'not loaded in the first').replace(/ is not loaded now: add --module/g, ' is missing').replace(/the file now has/g, 'it has')}); rerun the odd shard with the same module files`);
    }
    if (other.manifest.specHash !== first.manifest.specHash) {
      throw new UserError(`merge: ${first.dir} and ${other.dir} are different sweeps (${specDifference(first.manifest, other.manifest)}); merge only the shards of one sweep`);
    }
    if (JSON.stringify(other.manifest.design ?? null) !== JSON.stringify(first.manifest.design ?? null)) {
      throw new UserError(`merge: ${first.dir} and ${other.dir} ran different design points (their manifests' "design" differ); rerun the odd shard with this version`);
    }
  }
  const spec: SweepSpec = { ...first.manifest, design: first.manifest.design ?? null };
  const existing = join(out, MANIFEST);
  if (existsSync(existing)) {
    const m = readJsonFile(existing) as Partial<Manifest> | null;
    if (m?.specHash !== spec.specHash) throw new UserError(`merge: --out ${outDir} already holds another sweep's results; choose a new directory`);
  }
  const total = spec.grid.runs;
  if (projectVersion() !== spec.version) {
    process.stderr.write(`merge: note: the shards were run by equipotent ${spec.version}; this is ${projectVersion()}\n`);
  }

  // Each run done exactly once.
  const owner = new Map<number, Input>();
  const doubled: { run: number; a: string; b: string }[] = [];
  const failed = new Map<number, { dir: string; error: string }>();
  for (const input of inputs) {
    for (const [run, rec] of input.records) {
      if (run < 0 || run >= total) throw new UserError(`merge: ${input.dir} has run ${run}, but the sweep has runs 0 … ${total - 1}; its journal is damaged`);
      if (rec.error !== undefined) {
        failed.set(run, { dir: input.dir, error: rec.error });
        continue;
      }
      const had = owner.get(run);
      if (had !== undefined) doubled.push({ run, a: had.dir, b: input.dir });
      else owner.set(run, input);
    }
  }
  if (doubled.length > 0) {
    const pairs = [...new Set(doubled.map((d) => `${d.a} and ${d.b}`))];
    throw new UserError(`merge: ${doubled.length} run${doubled.length === 1 ? ' is' : 's are'} in more than one directory (doubled): run${doubled.length === 1 ? '' : 's'} ${list(doubled.map((d) => d.run).sort((x, y) => x - y))} in ${pairs.slice(0, 3).join('; ')}; give each shard once, and shards of one --shard i/N split`);
  }
  // The runs that must be there: all of them, or with replicate those each point's rounds decided.
  let required: number[];
  let states: PointState[] | undefined;
  if (isAdaptive(spec)) {
    const replication = new Replication(spec);
    const reader = new LineReader();
    try {
      for (const [run, input] of owner) replication.remember(run, reader.rows(input.records.get(run)!.at));
    } finally {
      reader.close();
    }
    ({ runs: required, states } = adaptiveSelection(spec, null, replication));
    const wanted = new Set(required);
    const extra = [...owner.keys()].filter((r) => !wanted.has(r)).sort((a, b) => a - b);
    if (extra.length > 0) throw new UserError(`merge: run${extra.length === 1 ? '' : 's'} ${list(extra)} ${extra.length === 1 ? 'is' : 'are'} beyond what the rounds of ${extra.length === 1 ? 'its point' : 'their points'} decided; the journal of ${owner.get(extra[0]!)!.dir} is damaged`);
  } else {
    required = [];
    for (let r = 0; r < total; r++) required.push(r);
  }
  const missing = required.filter((r) => !owner.has(r));
  if (missing.length > 0) throw new UserError(`merge: ${missingMessage(missing, inputs, failed, required.length, spec)}`);

  // Everything adds up: write the merged journals and the result files.
  const records = new Map<number, JournalEntry>();
  for (const r of required) records.set(r, owner.get(r)!.records.get(r)!);
  const every = spec.sweep.every !== undefined || spec.sweep.people === true;
  const seriesIndex = new Map<Input, Map<number, LineRef>>();
  if (every) {
    for (const input of inputs) {
      const mine = new Set<number>();
      for (const [run, o] of owner) if (o === input) mine.add(run);
      seriesIndex.set(input, indexSeries(join(input.dir, SERIES_JOURNAL), mine));
    }
  }
  const seriesOf = (run: number) => {
    const input = owner.get(run)!;
    const line = seriesIndex.get(input)?.get(run);
    return line ? { path: join(input.dir, SERIES_JOURNAL), line } : undefined;
  };
  // The merged journal: each run's line copied as it is in its shard's journal, then the rounds' records by point.
  makeOutputFolder(out);
  const journalPath = join(out, JOURNAL);
  const journal = new AtomicFile(journalPath);
  const reader = new LineReader();
  let offset = 0;
  try {
    for (const r of required) {
      const line = reader.line(records.get(r)!.at);
      journal.write(`${line}\n`);
      // From here on the run's line is the merged journal's (the shards may be removed).
      const length = Buffer.byteLength(line, 'utf8');
      records.set(r, { ...records.get(r)!, at: { path: journalPath, offset, length } });
      offset += length + 1;
    }
    if (states !== undefined) {
      const roundLines = new Map<string, string>();
      for (const input of inputs) {
        const path = join(input.dir, JOURNAL);
        for (const [key, line] of indexRounds(path)) roundLines.set(key, reader.line({ path, offset: line.offset, length: line.length }));
      }
      const byPoint = [...roundLines].sort(([a], [b]) => { const [pa, ra] = a.split('/').map(Number); const [pb, rb] = b.split('/').map(Number); return pa! - pb! || ra! - rb!; });
      for (const [, line] of byPoint) journal.write(`${line}\n`);
    }
    journal.commit();
  } catch (e) {
    journal.abort();
    throw e;
  } finally {
    reader.close();
  }
  if (every) copySeriesJournal(join(out, SERIES_JOURNAL), required, seriesOf);
  return writeOutputs(out, spec, null, states === undefined ? shardRuns(total, null) : listSelection(required), records, seriesOf, states, shardColumns(inputs.map((i) => i.dir)));
}

function readInput(dir: string): Input {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`merge: ${dir}: no such directory`);
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) throw new UserError(`merge: ${dir} has no ${MANIFEST}; give the --out directories of \`equipotent sweep\``);
  const manifest = readJsonFile(path) as Manifest;
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== 'equipotent-sweep/1' || typeof manifest.specHash !== 'string') {
    throw new UserError(`merge: ${path} is not a sweep manifest`);
  }
  const journal = readJournal(join(dir, JOURNAL));
  if (journal.bad > 0) throw new UserError(`merge: ${join(dir, JOURNAL)} has ${journal.bad} unreadable line(s); run \`equipotent sweep … --resume\` on it first`);
  return { dir, manifest, records: journal.records };
}

/** What differs between two manifests' specs, in words. */
function specDifference(a: Manifest, b: Manifest): string {
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  const parts: string[] = [];
  if (!same(a.sweep, b.sweep)) parts.push('their sweep files differ');
  if (!same(a.scenario, b.scenario)) parts.push('their scenarios differ');
  if (!same(a.data, b.data)) parts.push('their data files differ');
  return parts.length > 0 ? parts.join(', ') : 'their specs differ';
}

function missingMessage(missing: number[], inputs: Input[], failed: Map<number, { dir: string; error: string }>, total: number, spec: SweepSpec): string {
  const failedHere = missing.filter((r) => failed.has(r));
  if (failedHere.length > 0) {
    const f = failed.get(failedHere[0]!)!;
    return `${failedHere.length} run${failedHere.length === 1 ? '' : 's'} failed (run${failedHere.length === 1 ? '' : 's'} ${list(failedHere)}; run ${failedHere[0]} in ${f.dir}: ${f.error}); retry them with \`equipotent sweep … --resume\` in their directories, then merge`;
  }
  // Which shard would hold the missing runs: an unfinished directory, or one not given.
  const shards = inputs.map((i) => ({ input: i, shard: i.manifest.shard === null ? null : parseShard(i.manifest.shard) }));
  // A shard holds runs r with r mod N = i, or with replicate whole points p with p mod N = i.
  const key = (r: number) => (isAdaptive(spec) ? runPoint(spec, r) : r);
  const unfinished = new Map<string, number[]>();
  const uncovered: number[] = [];
  for (const r of missing) {
    const holder = shards.find((s) => s.shard === null || key(r) % s.shard.count === s.shard.index);
    if (holder) {
      const key = holder.input.dir;
      unfinished.set(key, [...(unfinished.get(key) ?? []), r]);
    } else uncovered.push(r);
  }
  const parts: string[] = [];
  for (const [dir, runs] of unfinished) parts.push(`${dir} has not finished (runs ${list(runs)} missing; finish it with \`equipotent sweep … --resume\`)`);
  if (uncovered.length > 0) {
    const counts = [...new Set(shards.filter((s) => s.shard !== null).map((s) => s.shard!.count))];
    const which = counts.length === 1 ? ` — shard${new Set(uncovered.map((r) => key(r) % counts[0]!)).size === 1 ? '' : 's'} ${[...new Set(uncovered.map((r) => `${key(r) % counts[0]!}/${counts[0]}`))].join(', ')} not given` : '';
    parts.push(`no directory given holds runs ${list(uncovered)}${which}`);
  }
  return `${missing.length} of ${total} runs are missing: ${parts.join('; ')}`;
}

function copySeriesJournal(path: string, runs: readonly number[], seriesOf: (run: number) => { path: string; line: LineRef } | undefined): void {
  const f = new AtomicFile(path);
  const fds = new Map<string, number>();
  try {
    for (const r of runs) {
      const where = seriesOf(r);
      if (where === undefined) throw new UserError(`merge: the series of run ${r} is missing from its directory's ${SERIES_JOURNAL}`);
      let fd = fds.get(where.path);
      if (fd === undefined) fds.set(where.path, (fd = openSync(where.path, 'r')));
      f.write(`${readAt(fd, where.line.offset, where.line.length)}\n`);
    }
    f.commit();
  } catch (e) {
    f.abort();
    throw e;
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
}

/**
 * The columns the shards' codebooks describe: a merge loads no modules, so a
 * user module's metric is described as the shard that ran it wrote it.
 */
function shardColumns(dirs: readonly string[]): Map<string, ColumnDoc> {
  const known = new Map<string, ColumnDoc>();
  for (const dir of dirs) {
    let book: Codebook;
    try {
      book = JSON.parse(readFileSync(join(dir, CODEBOOK_JSON), 'utf8')) as Codebook;
    } catch {
      continue; // a shard written before codebooks: the built-in declarations still describe its columns
    }
    for (const f of book.files ?? []) for (const c of f.columns ?? []) if (c.description !== '' && !known.has(c.name)) known.set(c.name, c);
  }
  return known;
}
