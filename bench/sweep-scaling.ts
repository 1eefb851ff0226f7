// `npm run bench:sweep`: how the sweep's worker pool scales and what a run costs
// beyond its simulation (issue 4). Prints:
//  - a 200-run sweep of the classroom scenario as shipped (3 variants a run) on
//    1 and on 2 worker threads, wall time including worker start, journal and
//    result files, and the speedup (goal: 2 workers ≥ 1.8× faster on 2 cores);
//    then the same with short runs, where the fixed costs weigh more;
//  - the per-run overhead — worker start (once per worker and sweep), scenario
//    build (validation, variants, organization), and the pool and journal per
//    run — against one 1,000-person, 500-tick run.
// Timings are the machine's; the tests never assert them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSweep } from '../cli/sweep.ts';
import { loadPlan } from '../cli/sweep/plan.ts';
import { runPool } from '../cli/sweep/pool.ts';
import { BOOTSTRAP, prepareWorkerEntry } from '../cli/sweep/worker-bundle.ts';
import { scenariosDir } from '../cli/load-scenario.ts';
import { expandVariants } from '../engine/scenario/overrides.ts';
import { createSimulation } from '../engine/simulation.ts';
import { runSweepTask } from '../workers/sweep-task.ts';
import { Worker } from 'node:worker_threads';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 40 : 200;
const dir = mkdtempSync(join(tmpdir(), 'eq-bench-sweep-'));
const classroom = join(scenariosDir, 'classroom.json');
const input = JSON.parse(readFileSync(classroom, 'utf8')) as unknown;
const silent = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

async function sweepSeconds(name: string, sweep: object, jobs: number): Promise<number> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(sweep));
  const t0 = performance.now();
  const code = await runSweep({ plan: loadPlan(file), out: join(dir, `${name}-out`), shard: null, jobs, resume: false, progress: { stream: silent } });
  if (code !== 0) throw new Error(`bench sweep ${name} failed`);
  return (performance.now() - t0) / 1000;
}

/** One sweep run (every variant) in this thread: ms. */
function runHere(sets: [string, unknown][]): number {
  const t0 = performance.now();
  runSweepTask({ input, baseDir: scenariosDir }, { run: 0, seed: 1, sets, every: null, fields: [], everyMode: 'sample' });
  return performance.now() - t0;
}

/**
 * The machine's own ceiling now: the same CPU-bound loop on 1 and on 2 threads
 * (≈ 2× on two idle cores; less when other processes share them). The pool's
 * speedup is read against it.
 */
async function ceiling(): Promise<number> {
  const code = `const { parentPort } = require('node:worker_threads'); let x = 0; for (let i = 0; i < 4e8; i++) x = (x * 31 + i) | 0; parentPort.postMessage(x);`;
  const wall = async (n: number) => {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: n }, () => new Promise<void>((res) => {
      const w = new Worker(code, { eval: true });
      w.once('message', () => void w.terminate().then(() => res()));
    })));
    return performance.now() - t0;
  };
  const one = await wall(1);
  const two = await wall(2);
  return (2 * one) / two;
}

/** A 200-run sweep on 1 and on 2 workers, alternated and repeated (the machine may be shared): the best of each. */
async function scaling(label: string, sets: [string, unknown][], reps: number) {
  // A sweep sets ticks at its top level, not in the grid.
  const ticks = sets.find(([k]) => k === 'ticks')?.[1];
  const grid = Object.fromEntries(sets.filter(([k]) => k !== 'ticks').map(([k, v]) => [k, [v]]));
  const sweep = { scenario: classroom, grid, seeds: RUNS, ...(ticks !== undefined ? { ticks } : {}) };
  runHere(sets); // warm this thread's transform cache (the workers start cold either way)
  const ones: number[] = [];
  const twos: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    ones.push(await sweepSeconds(`${label}-one-${rep}`, sweep, 1));
    twos.push(await sweepSeconds(`${label}-two-${rep}`, sweep, 2));
  }
  const one = Math.min(...ones);
  const two = Math.min(...twos);
  const perRun = median([0, 1, 2].map(() => runHere([...sets, ['seed', 1]])));
  return { one, two, ones, twos, perRun };
}

function report(what: string, r: Awaited<ReturnType<typeof scaling>>) {
  console.log(`  ${what} (${ms(r.perRun)} a run in one warm thread):`);
  console.log(`    1 worker : ${r.one.toFixed(2)} s (${(RUNS / r.one).toFixed(1)} runs/s; best of ${r.ones.map((x) => x.toFixed(2)).join(', ')})`);
  console.log(`    2 workers: ${r.two.toFixed(2)} s (${(RUNS / r.two).toFixed(1)} runs/s; best of ${r.twos.map((x) => x.toFixed(2)).join(', ')})`);
  console.log(`    speedup  : ${(r.one / r.two).toFixed(2)}×`);
}

try {
  const machine = await ceiling();
  const entry = await prepareWorkerEntry(); // the cached bundle, as every sweep after the first uses it
  console.log(`sweep scaling: ${RUNS} runs on 1 and 2 workers, ${availableParallelism()} cores; goal: 2 workers ≥ 1.8× faster (worker bundle: ${entry.source})`);
  // The headline: the classroom scenario as shipped (400 people, 500 ticks, 3 variants).
  const shipped = await scaling('shipped', [['organization.size', 400]], quick ? 1 : 2);
  report('classroom as shipped (400 people, 500 ticks, 3 variants)', shipped);
  // Short runs put the fixed costs in view: worker start and each worker's JIT warm-up.
  const short = await scaling('short', [['organization.size', 300], ['ticks', 200]], 2);
  report('short runs (300 people, 200 ticks, 3 variants)', short);
  console.log(`  the machine's ceiling now: ${machine.toFixed(2)}× (a CPU loop on 2 threads against 1)`);

  // ---- per-run overhead
  // Worker start: a fresh worker's first reply to a trivial run, less that run's time here.
  const tiny: [string, unknown][] = [['organization.size', 20], ['ticks', 1]];
  const tinyHere = median([0, 1, 2, 3, 4].map(() => runHere(tiny)));
  const startTime = async (url: URL) => {
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await runPool({ length: 1, get: () => ({ run: 0, seed: 1, sets: tiny, every: null, fields: [], everyMode: 'sample' }) }, { jobs: 1, entry: url, workerData: { input, baseDir: scenariosDir }, onReply: () => {} });
      starts.push(performance.now() - t0 - tinyHere);
    }
    return median(starts);
  };
  // The bundle: built afresh in an empty cache, then found in it.
  const fresh = mkdtempSync(join(tmpdir(), 'eq-bench-cache-'));
  let t0 = performance.now();
  const built = await prepareWorkerEntry(undefined, fresh);
  const bundle = performance.now() - t0;
  t0 = performance.now();
  const again = await prepareWorkerEntry(undefined, fresh);
  const cacheHit = performance.now() - t0;
  rmSync(fresh, { recursive: true, force: true });
  const workerStart = await startTime(entry.url);
  const tsxStart = await startTime(BOOTSTRAP);
  // Scenario build: variants validated and organizations built, for 1,000 people.
  const build = median([0, 1, 2, 3, 4].map(() => {
    const t0 = performance.now();
    for (const v of expandVariants(input, [['organization.size', 1000], ['ticks', 500]])) {
      if (!v.ok) throw new Error(v.errors.join('; '));
      createSimulation(v.scenario, 1);
    }
    return performance.now() - t0;
  }));
  // Pool and journal: a sweep of trivial runs on one worker, less worker start and the runs themselves.
  const N = quick ? 50 : 200;
  const trivial = await sweepSeconds('trivial', { scenario: classroom, grid: { 'organization.size': [20] }, seeds: N, ticks: 1 }, 1);
  const poolPerRun = Math.max(0, (trivial * 1000 - workerStart) / N - tinyHere);
  // The yardstick: a 1,000-person, 500-tick run (all 3 variants, as a sweep run).
  const big = median([0, 1, 2].map(() => runHere([['organization.size', 1000], ['ticks', 500]])));
  console.log(`per-run overhead against a 1,000-person, 500-tick run (${ms(big)}, 3 variants):`);
  console.log(`  worker bundle     : ${ms(bundle)} when sources changed (${built.source}), ${ms(cacheHit)} from the cache (${again.source}); once per sweep`);
  const amortized = (2 * workerStart) / RUNS;
  console.log(`  worker start      : ${ms(workerStart)} once per worker and sweep (through tsx's loader instead: ${ms(tsxStart)}); on 2 workers over ${RUNS} runs ${ms(amortized)} a run (${((100 * amortized) / big).toFixed(2)} %)`);
  console.log(`  scenario build    : ${ms(build)} a run (${((100 * build) / big).toFixed(1)} %)`);
  console.log(`  pool and journal  : ${ms(poolPerRun)} a run (${((100 * poolPerRun) / big).toFixed(2)} %; message passing, fsync'ed journal line, result files)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
