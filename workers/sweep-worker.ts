// A worker process of the sweep pool (cli/sweep/pool.ts): it receives the
// scenario once (its first message) and then one task per message — one sweep
// run, all its variants from the same seed — and answers with the run's summary
// rows (and its series as CSV text when the sweep records series). A run that
// throws is answered as a failure; the process lives on for the next run. An
// error outside any run is reported before the process exits, and the process
// ends when the sweep's process is gone (its IPC channel closes).
import { loadSameModules, moduleFacing, type LoadedModules } from './module-files.ts';
import { runSweepTask, type DataCache, type SweepWorkerData, type SweepTask, type SweepTaskReply } from './sweep-task.ts';

/** What the pool sends: the scenario first, then tasks. */
export type PoolMessage = { init: SweepWorkerData } | SweepTask;
/** What a worker sends: a reply per task, or the reason it is about to die. */
export type WorkerMessage = SweepTaskReply | { fatal: string };

if (typeof process.send !== 'function') throw new Error('workers/sweep-worker.ts runs as a child process of the sweep pool; see cli/sweep/pool.ts');
const send = (m: WorkerMessage) => process.send!(m);
let data: SweepWorkerData | null = null;
const files: DataCache = new Map();
// The user's modules, loaded once from the same files as the sweep's process (each
// file's sha256 checked against the one the sweep started with); tasks wait for them.
let ready: Promise<LoadedModules | null> = Promise.resolve(null);

process.on('message', (message: PoolMessage) => {
  if ('init' in message) {
    data = message.init;
    ready = loadSameModules(data.modules);
    ready.catch(() => {}); // reported with each task below
    return;
  }
  const task = message;
  void ready.then(
    (loaded) => {
      let reply: SweepTaskReply;
      try {
        if (data === null) throw new Error('a task came before the scenario');
        const d = data;
        reply = { run: task.run, ok: true, result: moduleFacing(loaded?.files ?? [], () => runSweepTask(d, task, files, loaded?.registry)) };
      } catch (e) {
        reply = { run: task.run, ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      send(reply);
    },
    (e: unknown) => send({ run: task.run, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
process.on('uncaughtException', (e) => {
  // Say why, then exit once the message is on its way (or at once if it cannot be sent).
  const exit = () => process.exit(70);
  try {
    process.send!({ fatal: e instanceof Error ? e.message : String(e) } satisfies WorkerMessage, undefined, undefined, exit);
  } catch {
    exit();
  }
});
process.on('disconnect', () => process.exit());
// Ctrl-C reaches the whole process group: the sweep's process decides what it means
// (it stops, its journal intact), and this worker ends with it, not on its own with
// its run recorded as failed.
process.on('SIGINT', () => {});
