// The sweep's worker pool: `jobs` worker processes, one simulation at a time in
// each. Tasks are handed out in run order as workers come free; each reply is
// passed on as it arrives (the caller journals it). A run that throws inside
// its worker comes back as a failed reply; a worker that dies (out of memory, a
// crash) fails the run it held and is replaced, so one bad run never stops the
// sweep; a run over the time limit has its worker killed and replaced.
//
// Processes, not worker threads, because V8's flags are per process. When the
// sweep puts a simulation on every core, V8's background threads (concurrent
// compilation, concurrent and parallel garbage collection) have no idle core to
// run on and only compete with the simulations: measured on two cores, they add
// ~13 % to a run's CPU time, which a lone worker hides on the idle core. So when
// jobs >= cores the workers run with `--single-threaded` (compilation and GC on
// the simulation's own thread, less work in all); with a core to spare they keep
// V8's defaults. A worker process also ends by itself when the sweep's process
// is gone (its IPC channel closes), so `kill -9` on a sweep leaves no orphans.
//
// Written on child_process directly rather than with a pool library: the pool
// is ~150 lines, and its policies — a dead worker fails its run and is replaced,
// V8 flags by core count — are easier to see here than through a library's options.
//
// The entry is the worker bundled into one file (cli/sweep/worker-bundle.ts).
// The pool knows tasks only by their `run` number: a sweep's workers run sweep
// tasks (the defaults of the type parameters), `check --robust`'s run claims at
// the points of the skeptic's space (cli/check-robust-worker.ts) on the same pool.
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BOOTSTRAP } from './worker-bundle.ts';
import type { SweepTask, SweepTaskReply, SweepWorkerData } from '../../workers/sweep-task.ts';

/** What the pool needs of a task: its number. */
export interface PoolTask {
  run: number;
}

/** A task that failed: it threw in its worker, its worker died or it ran over the time limit. */
export interface PoolFailure {
  run: number;
  ok: false;
  error: string;
}

/** A worker's answer to a task (its own success type, or a failure); the pool adds failures of its own. */
export type PoolReply<Ok extends { run: number; ok: true }> = Ok | PoolFailure;

/** What a worker process sends: a reply per task, or the reason it is about to die. */
type PoolWorkerMessage<R> = R | { fatal: string };

export interface PoolOptions<Init = SweepWorkerData, Reply extends { run: number; ok: boolean } = SweepTaskReply> {
  /** Worker processes (at most one per task). */
  jobs: number;
  /** The worker's entry (prepareWorkerEntry); default the tsx bootstrap. */
  entry?: URL;
  /** Sent to each worker once, before its first task. */
  workerData: Init;
  /**
   * A run still going after this many milliseconds is stopped: its worker is
   * killed (which ends even a loop that never returns) and replaced, and the
   * run fails with the reason. Null or absent: no limit.
   */
  timeoutMs?: number | null;
  /** V8 flags of the workers (default: workerFlags(jobs)). */
  flags?: string[];
  /** Called once per task, in finishing order. May throw to stop the pool (e.g. a full disk). */
  onReply: (reply: Reply | PoolFailure) => void;
}

/** The tasks, by index (built on demand: a sweep may have millions). */
export interface TaskList<T extends PoolTask = SweepTask> {
  length: number;
  get(i: number): T;
}

/**
 * The workers' V8 flags: single-threaded V8 when the workers take every core (see
 * above). EQUIPOTENT_SINGLE_THREADED=1 or 0 decides instead — for a machine whose
 * core count Node misreads (a container or batch job that is not given its own
 * CPU set), or to compare. The results are the same bytes either way.
 */
export function workerFlags(jobs: number, cores = availableParallelism(), choice = process.env.EQUIPOTENT_SINGLE_THREADED): string[] {
  const single = choice === '1' ? true : choice === '0' ? false : jobs >= cores;
  return single ? ['--single-threaded'] : [];
}

/** Runs every task on the pool; resolves when all have replied (or rejects when onReply throws). */
export function runPool<T extends PoolTask = SweepTask, Init = SweepWorkerData, Reply extends { run: number; ok: boolean } = SweepTaskReply>(
  tasks: TaskList<T>,
  options: PoolOptions<Init, Reply>,
): Promise<void> {
  const size = Math.max(1, Math.min(options.jobs, tasks.length));
  if (tasks.length === 0) return Promise.resolve();
  const entry = fileURLToPath(options.entry ?? BOOTSTRAP);
  const execArgv = options.flags ?? workerFlags(size);
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let replied = 0;
    let stopped = false;
    const workers = new Set<ChildProcess>();

    const stop = (error?: unknown) => {
      if (stopped) return;
      stopped = true;
      const all = [...workers];
      workers.clear();
      const gone = all.map((w) => new Promise<void>((r) => {
        if (w.exitCode !== null || w.signalCode !== null) return r();
        w.once('exit', () => r());
        w.kill('SIGKILL');
      }));
      void Promise.all(gone).then(() => (error === undefined ? resolve() : reject(error)));
    };

    const deliver = (reply: Reply | PoolFailure): boolean => {
      try {
        options.onReply(reply);
      } catch (e) {
        stop(e);
        return false;
      }
      replied++;
      if (replied === tasks.length) {
        stop();
        return false;
      }
      return true;
    };

    const start = () => {
      // Its own V8 flags only: not the sweep's (a test runner's or a loader's).
      const worker = fork(entry, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      workers.add(worker);
      let current: T | null = null;
      let dead = false;
      let fatal: string | null = null;
      let timer: NodeJS.Timeout | null = null;
      const disarm = () => {
        if (timer !== null) clearTimeout(timer);
        timer = null;
      };
      const feed = () => {
        if (stopped) return;
        if (next >= tasks.length) {
          // Nothing left for this worker: let it go (the others finish their runs).
          workers.delete(worker);
          dead = true;
          worker.kill('SIGKILL');
          return;
        }
        current = tasks.get(next++);
        worker.send(current);
        const limit = options.timeoutMs;
        if (limit != null) {
          // unref: a pending limit never keeps the process alive after the pool is done.
          timer = setTimeout(() => die(`the run took longer than ${limit / 1000} s (--timeout), so its worker was stopped`), limit).unref();
        }
      };
      const die = (error: string) => {
        disarm();
        if (dead || stopped) return;
        dead = true;
        workers.delete(worker);
        worker.kill('SIGKILL');
        const lost = current;
        current = null;
        if (lost !== null && !deliver({ run: lost.run, ok: false, error })) return;
        if (next < tasks.length) start();
      };
      worker.on('message', (message: PoolWorkerMessage<Reply>) => {
        if (dead || stopped) return;
        if ('fatal' in (message as object)) {
          fatal = (message as { fatal: string }).fatal; // an uncaught error: the worker exits next
          return;
        }
        disarm();
        current = null;
        // Hand the worker its next run before journaling this one: the fsync'ed
        // journal line and the result files then overlap with the next simulation
        // instead of leaving the worker idle (the main process shares the cores).
        feed();
        deliver(message as Reply);
      });
      worker.on('error', (e) => die(`the worker process failed: ${e.message}`));
      // 'close', not 'exit': by then every message the worker sent (its last words) has arrived.
      worker.on('close', (code, signal) => die(`the worker process died: ${fatal ?? (signal !== null ? `killed by ${signal}` : `it exited with code ${code}`)}`));
      worker.send({ init: options.workerData });
      feed();
    };

    for (let i = 0; i < size; i++) start();
  });
}
