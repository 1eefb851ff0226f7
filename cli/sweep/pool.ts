// The sweep's worker pool: `jobs` worker threads, one simulation at a time in
// each. Tasks are handed out in run order as workers come free; each reply is
// passed on as it arrives (the caller journals it). A run that throws inside
// its worker comes back as a failed reply; a worker that dies (out of memory, a
// crash of the thread) fails the run it held and is replaced, so one bad run
// never stops the sweep.
//
// Written on worker_threads directly rather than with a pool library: the pool
// is ~100 lines, its workers need a special entry (a .ts file cannot be a worker
// entry on Node 20), and its one policy — a dead worker fails its run and is
// replaced — is easier to see here than through a library's options.
//
// The entry is the worker bundled into one file (cli/sweep/worker-bundle.ts).
import { Worker } from 'node:worker_threads';
import { BOOTSTRAP } from './worker-bundle.ts';
import type { SweepTask, SweepTaskReply, SweepWorkerData } from '../../workers/sweep-task.ts';

export interface PoolOptions {
  /** Worker threads (at most one per task). */
  jobs: number;
  /** The worker's entry (prepareWorkerEntry); default the tsx bootstrap. */
  entry?: URL;
  workerData: SweepWorkerData;
  /**
   * A run still going after this many milliseconds is stopped: its worker is
   * terminated (which ends even a loop that never returns) and replaced, and the
   * run fails with the reason. Null or absent: no limit.
   */
  timeoutMs?: number | null;
  /** Called once per task, in finishing order. May throw to stop the pool (e.g. a full disk). */
  onReply: (reply: SweepTaskReply) => void;
}

/** The tasks, by index (built on demand: a sweep may have millions). */
export interface TaskList {
  length: number;
  get(i: number): SweepTask;
}

/** Runs every task on the pool; resolves when all have replied (or rejects when onReply throws). */
export function runPool(tasks: TaskList, options: PoolOptions): Promise<void> {
  const size = Math.max(1, Math.min(options.jobs, tasks.length));
  if (tasks.length === 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let replied = 0;
    let stopped = false;
    const workers = new Set<Worker>();

    const stop = (error?: unknown) => {
      if (stopped) return;
      stopped = true;
      const all = [...workers];
      workers.clear();
      void Promise.allSettled(all.map((w) => w.terminate())).then(() => (error === undefined ? resolve() : reject(error)));
    };

    const deliver = (reply: SweepTaskReply): boolean => {
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
      const worker = new Worker(options.entry ?? BOOTSTRAP, { workerData: options.workerData });
      workers.add(worker);
      let current: SweepTask | null = null;
      let dead = false;
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
          void worker.terminate();
          return;
        }
        current = tasks.get(next++);
        worker.postMessage(current);
        const limit = options.timeoutMs;
        if (limit != null) {
          // unref: a pending limit never keeps the process alive after the pool is done.
          timer = setTimeout(() => die(`the run took longer than ${limit / 1000} s (--timeout), so its worker thread was stopped`), limit).unref();
        }
      };
      const die = (error: string) => {
        disarm();
        if (dead || stopped) return;
        dead = true;
        workers.delete(worker);
        void worker.terminate();
        const lost = current;
        current = null;
        if (lost !== null && !deliver({ run: lost.run, ok: false, error })) return;
        if (next < tasks.length) start();
      };
      worker.on('message', (reply: SweepTaskReply) => {
        if (dead || stopped) return;
        disarm();
        current = null;
        // Hand the worker its next run before journaling this one: the fsync'ed
        // journal line and the result files then overlap with the next simulation
        // instead of leaving the worker idle (the main thread shares the cores).
        feed();
        deliver(reply);
      });
      worker.on('error', (e) => die(`the worker thread died: ${e instanceof Error ? e.message : String(e)}`));
      worker.on('exit', (code) => die(`the worker thread died: it exited with code ${code}`));
      feed();
    };

    for (let i = 0; i < size; i++) start();
  });
}
