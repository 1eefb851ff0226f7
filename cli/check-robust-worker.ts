// A worker process of `check --robust` on the sweep's pool (cli/sweep/pool.ts):
// it receives the scenarios' directory once (its first message), then one run per
// message — the claims of one point of the skeptic's space at one seed — and
// answers with their numbers. A run that throws is answered as a failure; the
// process lives on. It ends when the checking process is gone (its IPC channel
// closes), as the sweep's workers do.
import { claims } from '../validation/claims/index.ts';
import { runRobustTask, type RobustReply, type RobustTask } from '../validation/robust/evaluate.ts';
import { readDataFiles } from '../io/read-files.ts';
import type { PoolFailure } from './sweep/pool.ts';

/** What every worker is started with: where the scenarios' data files are. */
export interface RobustWorkerData {
  baseDir: string;
}

type Message = { init: RobustWorkerData } | RobustTask;

if (typeof process.send !== 'function') throw new Error('cli/check-robust-worker.ts runs as a child process of the pool; see cli/check-robust.ts');
const byId = new Map(claims.map((c) => [c.id, c]));
let data: RobustWorkerData | null = null;

process.on('message', (message: Message) => {
  if ('init' in message) {
    data = message.init;
    return;
  }
  let reply: RobustReply | PoolFailure;
  try {
    if (data === null) throw new Error('a task came before the worker\'s data');
    const baseDir = data.baseDir;
    reply = { run: message.run, ok: true, values: runRobustTask(byId, message, (s) => readDataFiles(s, baseDir)) };
  } catch (e) {
    reply = { run: message.run, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  process.send!(reply);
});
process.on('uncaughtException', (e) => {
  const exit = () => process.exit(70);
  try {
    process.send!({ fatal: e instanceof Error ? e.message : String(e) }, undefined, undefined, exit);
  } catch {
    exit();
  }
});
process.on('disconnect', () => process.exit());
process.on('SIGINT', () => {});
