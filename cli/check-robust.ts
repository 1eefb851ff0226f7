// `equipotent check --robust [--points N] [--seeds K] [--only CLAIMS] [--jobs N]
// [--out DIR] [--resume]`: each claim over the skeptic's space of MODEL.md §10.6
// (validation/robust/): its one-at-a-time points, a Latin hypercube of N points
// and the claim as shipped, K seeds each, on the sweep's worker pool; a journal
// in DIR makes it resumable (kill -9, then --resume, loses only the runs in
// flight; the outputs are the same bytes). Prints per claim the shares of points
// where it holds, fails or is inconclusive, one-at-a-time and hypercube apart.
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { intOption } from './args.ts';
import { UserError } from './errors.ts';
import { formatNumber, table } from './format.ts';
import { seedsFor, selectIds, type SeedChoice } from './check-options.ts';
import { JournalWriter } from './sweep/journal.ts';
import { lockSweepDir } from './sweep/lock.ts';
import { runPool } from './sweep/pool.ts';
import { cacheDir, prepareWorkerEntry } from './sweep/worker-bundle.ts';
import { Progress } from './sweep/progress.ts';
import { projectVersion } from './sweep/plan.ts';
import { scenariosDir } from './load-scenario.ts';
import { JOURNAL, planHash, readRobustJournal, readRobustManifest, writeOutputs, writeRobustManifest, POINTS_CSV, POINTS_JSON, type RobustSpec } from './check-robust-files.ts';
import { claims as builtinClaims } from '../validation/claims/index.ts';
import { moduleClaims } from '../validation/claims/module-claims.ts';
import { moduleFileRefs, moduleHashes, type LoadedModules } from '../workers/module-files.ts';
import type { Claim } from '../validation/claims/claim.ts';
import { pairOfRun, robustPlan, type RobustPlan } from '../validation/robust/plan.ts';
import { robustResults, type ClaimRobustness, type RunOutcome, type Shares } from '../validation/robust/results.ts';
import { engineFingerprint, staleVariants } from '../validation/robust/state-hash.ts';
import { NULL_ATTENTION } from '../validation/robust/knobs.ts';
import type { RobustReply, RobustTask } from '../validation/robust/evaluate.ts';
import type { RobustWorkerData } from './check-robust-worker.ts';

const ENTRY = new URL('./check-robust-worker.ts', import.meta.url);
const BOOTSTRAP = new URL('./check-robust-worker-bootstrap.mjs', import.meta.url);

/** Hypercube points and seeds per point when not given (CONTRACT.md). */
export const DEFAULT_POINTS = 64;
export const DEFAULT_SEEDS = 10;

export const ROBUST_OPTIONS = {
  points: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  out: { type: 'string', short: 'o' },
  resume: { type: 'boolean' },
} as const;

export const ROBUST_USAGE = `With --robust, each claim over the skeptic's space (MODEL.md §10.6): organization
size, environment rate, attention, the formal span, the difficulty (min and max
moved together) and the deadline — each ×0.5 and ×2 alone (one-at-a-time), within
the schema's bounds — plus the parameters its scenario declares, and a Latin
hypercube over the same ranges; each point over K seeds is "holds", "fails" or
"inconclusive". Attention's null (v1's effective capacity) is moved from ${NULL_ATTENTION}
(capacity 4 at engagement 0.6). Definitions are skipped unless named by --only.
Writes DIR/points.json and points.csv (one row per claim and point).

  --points N   hypercube points per claim (default ${DEFAULT_POINTS}; 0: one-at-a-time only)
  --seeds K    seeds per point (default ${DEFAULT_SEEDS}, from each claim's first seed), or A-B
  --only IDS   only these claims (ids or scenario names, separated by commas)
  --jobs N     worker processes (default: the number of cores)
  --out DIR    output directory (default: robust-out)
  --resume     continue the check in DIR: run only the runs its journal lacks
`;

interface RobustValuesIn {
  points?: string;
  jobs?: string;
  out?: string;
  resume?: boolean;
  only?: string;
}

/** Runs `check --robust` (with the claims of the user's `modules`, if any); resolves to the exit code (0 every run done, 1 some failed). */
export async function robustMain(values: RobustValuesIn, seeds: SeedChoice | undefined, modules?: LoadedModules): Promise<number> {
  const allClaims = [...builtinClaims, ...(modules ? moduleClaims(modules.registry) : [])];
  const lhsPoints = intOption('points', values.points, { min: 0, max: 100_000 }) ?? DEFAULT_POINTS;
  const jobs = intOption('jobs', values.jobs, { min: 1, max: 1024 }) ?? availableParallelism();
  const out = resolve(values.out ?? 'robust-out');
  const choice = seeds ?? { kind: 'count' as const, count: DEFAULT_SEEDS };
  const ids = selectIds(allClaims.map((c) => c.id), values.only);
  // Definitions hold by a rule: not run over the space unless asked for by name.
  const named = values.only !== undefined;
  const chosen = allClaims.filter((c) => ids.includes(c.id) && (named || c.kind !== 'definition'));
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const skippedDefinitions = allClaims.filter((c) => ids.includes(c.id) && !chosen.includes(c));
  if (chosen.length === 0) throw new UserError(`check --robust: nothing to run: ${values.only === undefined ? 'no claims' : `--only ${values.only} selects only definitions`}`);
  if (skippedDefinitions.length > 0) say(`check --robust: ${skippedDefinitions.length} definitions skipped (a rule fixes them): ${skippedDefinitions.map((c) => c.id).join(', ')}`);
  return runRobust({ claims: chosen, lhsPoints, seedsOf: (c) => seedsFor(choice, c.seeds.from), jobs, out, resume: values.resume === true, say, ...(modules && modules.files.length > 0 ? { modules } : {}) });
}

export interface RobustOptions {
  claims: readonly Claim[];
  lhsPoints: number;
  seedsOf: (c: Claim) => number[];
  jobs: number;
  out: string;
  resume: boolean;
  say: (line: string) => void;
  /** The user's modules (their claims are among `claims`): the workers load the same files. */
  modules?: LoadedModules;
}

/** Plans, runs (or resumes) and writes a robustness check into `out`; resolves to the exit code. */
export async function runRobust(o: RobustOptions): Promise<number> {
  if (existsSync(o.out) && !statSync(o.out).isDirectory()) throw new UserError(`--out ${o.out}: is a file, not a directory`);
  const plan = robustPlan(o.claims, o.lhsPoints, o.seedsOf, o.modules?.registry);
  const total = plan.pairs.length * plan.seedsPerPoint;
  mkdirSync(o.out, { recursive: true });
  const release = lockSweepDir(o.out);
  try {
    const spec: RobustSpec = {
      version: projectVersion(),
      claims: o.claims.map((c) => c.id),
      seedsPerPoint: plan.seedsPerPoint,
      lhsPoints: o.lhsPoints,
      planHash: planHash(plan),
      fingerprint: engineFingerprint(),
      ...(o.modules ? { modules: moduleHashes(o.modules.files) } : {}),
    };
    const journalPath = join(o.out, JOURNAL);
    const previous = readRobustManifest(o.out);
    if (previous !== null || existsSync(journalPath)) {
      if (!o.resume) throw new UserError(`--out ${o.out} already holds a robustness check${previous ? ` (${previous.runs.done} of ${previous.runs.total} runs done)` : ''}; add --resume to finish it, or choose another --out`);
      if (previous !== null) sameCheck(previous, spec, o.out);
    }
    const { runs, bad } = readRobustJournal(journalPath);
    if (bad > 0) o.say(`check --robust: warning: ${bad} unreadable line(s) in ${journalPath} ignored; their runs will run again`);
    const todo: number[] = [];
    for (let r = 0; r < total; r++) {
      const done = runs.get(r);
      if (done === undefined || 'error' in done) todo.push(r);
    }
    const tally = () => ({ total, done: [...runs.values()].filter((x) => !('error' in x)).length, failed: [...runs.values()].filter((x) => 'error' in x).length });
    writeRobustManifest(o.out, spec, tally());
    const workers = Math.max(1, Math.min(o.jobs, todo.length));
    o.say(
      total - todo.length > 0
        ? `check --robust: resuming ${o.out}: ${total - todo.length} of ${total} runs done; running ${todo.length} on ${workers} worker${workers === 1 ? '' : 's'}`
        : `check --robust: ${o.claims.length} claim${o.claims.length === 1 ? '' : 's'}, ${plan.pairs.length} (claim group, point) pairs × ${plan.seedsPerPoint} seeds = ${total} runs on ${workers} worker${workers === 1 ? '' : 's'} → ${o.out}`,
    );
    await runTodo(plan, todo, runs, { ...o, jobs: workers, journalPath, release });
    writeRobustManifest(o.out, spec, tally());
    const results = robustResults(plan, o.claims, (r) => runs.get(r));
    writeOutputs(o.out, spec, results);
    process.stdout.write(report(results, plan));
    const failed = tally().failed;
    if (failed > 0) {
      o.say(`check --robust: ${failed} of ${total} runs failed (their points are "error" in ${join(o.out, POINTS_CSV)}); rerun with --resume to retry them`);
      return 1;
    }
    o.say(`check --robust: done; ${join(o.out, POINTS_JSON)} and ${POINTS_CSV}`);
    return 0;
  } finally {
    release();
  }
}

/** Runs the runs not yet done on the pool, journaling each as it finishes. */
async function runTodo(plan: RobustPlan, todo: number[], runs: Map<number, RunOutcome>, o: RobustOptions & { journalPath: string; release: () => void }): Promise<void> {
  if (todo.length === 0) return;
  const journal = new JournalWriter(o.journalPath);
  const progress = new Progress({ total: plan.pairs.length * plan.seedsPerPoint, already: plan.pairs.length * plan.seedsPerPoint - todo.length, label: 'check --robust' });
  const onSigint = () => {
    progress.finish();
    o.release();
    o.say(`check --robust: interrupted; the finished runs are in ${o.journalPath}; rerun with --resume to finish`);
    process.exit(130);
  };
  process.once('SIGINT', onSigint);
  try {
    const entry = await prepareWorkerEntry(ENTRY, cacheDir(), BOOTSTRAP);
    await runPool<RobustTask, RobustWorkerData, RobustReply>(
      {
        length: todo.length,
        get: (i) => {
          const run = todo[i]!;
          const { pair, seed } = pairOfRun(plan, run);
          return { run, seed, claims: pair.claims };
        },
      },
      {
        jobs: o.jobs,
        entry: entry.url,
        workerData: { baseDir: scenariosDir, ...(o.modules ? { modules: moduleFileRefs(o.modules.files) } : {}) },
        onReply: (reply) => {
          const { seed } = pairOfRun(plan, reply.run);
          if (reply.ok) {
            journal.append({ run: reply.run, seed, values: reply.values });
            runs.set(reply.run, { values: reply.values });
          } else {
            journal.append({ run: reply.run, seed, error: reply.error });
            runs.set(reply.run, { error: reply.error });
          }
          progress.tick(!reply.ok);
        },
      },
    );
  } finally {
    process.removeListener('SIGINT', onSigint);
    progress.finish();
    journal.close();
  }
}

/** Refuses to resume a check of other claims, seeds or points, or one made by another version or engine. */
function sameCheck(previous: RobustSpec, spec: RobustSpec, dir: string): void {
  if (previous.version !== spec.version) throw new UserError(`--resume: ${dir} was made by equipotent ${previous.version}, this is ${spec.version}; start again in another --out`);
  const stale = staleVariants(previous.fingerprint ?? {}, spec.fingerprint);
  if (stale.length > 0) throw new UserError(`--resume: ${dir} was made by another engine (the state hash of classroom seed 1 differs for ${stale.join(', ')}); its runs cannot be mixed with this engine's: start again in another --out`);
  if (JSON.stringify(previous.modules ?? {}) !== JSON.stringify(spec.modules ?? {})) throw new UserError(`--resume: ${dir} was made with other module files (${Object.keys(previous.modules ?? {}).join(', ') || 'none'}) than these (${Object.keys(spec.modules ?? {}).join(', ') || 'none'}), or another version of them: their runs cannot be mixed; give the same --module files, or start again in another --out`);
  if (previous.planHash !== spec.planHash) throw new UserError(`--resume: ${dir} holds a check of other claims, seeds or points (${previous.claims.length} claims, ${previous.seedsPerPoint} seeds, ${previous.lhsPoints} hypercube points); resume it with the same options, or choose another --out`);
}

const shareText = (s: Shares) => (s.total === 0 ? '–' : `${s.holds}/${s.fails}/${s.inconclusive} of ${s.total}${s.errors > 0 ? ` (+${s.errors} error)` : ''}`);
const pct = (k: number, s: Shares) => (s.total === 0 ? '–' : `${formatNumber(Math.round((100 * k) / s.total))} %`);

/** The table printed at the end: per claim, holds/fails/inconclusive one-at-a-time and in the hypercube. */
function report(results: readonly ClaimRobustness[], plan: RobustPlan): string {
  const rows = results.map((r) => {
    const base = r.points.find((p) => p.design === 'base');
    return [r.id + (r.kind === 'definition' ? ' (definition)' : ''), base?.verdict ?? '–', shareText(r.shares.oat), pct(r.shares.oat.holds, r.shares.oat), shareText(r.shares.lhs), pct(r.shares.lhs.holds, r.shares.lhs)];
  });
  const lines = [
    `Skeptic's space: ${plan.seedsPerPoint} seeds per point, ${plan.lhsPoints} hypercube points; holds/fails/inconclusive (a point holds when its 95 % CI excludes 0 on the claimed side)`,
    '',
    table(['claim', 'as shipped', 'one-at-a-time', 'holds', 'hypercube', 'holds'], rows),
  ];
  const skipped = results.filter((r) => r.skipped.length > 0);
  if (skipped.length > 0) {
    lines.push('', 'skipped knobs:');
    for (const r of skipped) lines.push(`  ${r.id}: ${r.skipped.map((s) => `${s.knob} (${s.reason})`).join('; ')}`);
  }
  lines.push('', `attention's null (v1's effective capacity per person and tick) is moved from ${NULL_ATTENTION}: capacity 4 at engagement 0.6.`);
  return `${lines.join('\n')}\n`;
}
