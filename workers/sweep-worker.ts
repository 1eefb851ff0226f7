// A worker thread of the sweep pool (cli/sweep/pool.ts): it receives the
// scenario once (workerData) and then one task per message — one sweep run,
// all its variants from the same seed — and answers with the run's summary
// rows (and its series as CSV text when the sweep records series). A run that
// throws is answered as a failure; the thread lives on for the next run.
import { parentPort, workerData } from 'node:worker_threads';
import { runSweepTask, type DataCache, type SweepWorkerData, type SweepTask, type SweepTaskReply } from './sweep-task.ts';

if (!parentPort) throw new Error('workers/sweep-worker.ts runs as a worker thread; see cli/sweep/pool.ts');
const port = parentPort;
const data = workerData as SweepWorkerData;
const files: DataCache = new Map();

port.on('message', (task: SweepTask) => {
  let reply: SweepTaskReply;
  try {
    reply = { run: task.run, ok: true, result: runSweepTask(data, task, files) };
  } catch (e) {
    reply = { run: task.run, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
