// A worker process of `check --robust` on the sweep's pool (cli/sweep/pool.ts):
// it receives the scenarios' directory and the user's module files once (its first
// message; it loads the same files, each sha256 checked, for their claims), then one run per
// message — the claims of one point of the skeptic's space at one seed — and
// answers with their numbers. A run that throws is answered as a failure; the
// process lives on. It ends when the checking process is gone (its IPC channel
// closes), as the sweep's workers do.
import { claims } from '../validation/claims/index.ts';
import { moduleClaims } from '../validation/claims/module-claims.ts';
import type { Claim } from '../validation/claims/claim.ts';
import { runRobustTask, type RobustReply, type RobustTask } from '../validation/robust/evaluate.ts';
import { readDataFiles } from '../io/read-files.ts';
import { loadSameModules, moduleFacing, type LoadedModules, type ModuleFileRef } from '../workers/module-files.ts';
import type { PoolFailure } from './sweep/pool.ts';

/** What every worker is started with: where the scenarios' data files are, and the user's module files (absolute paths, with the sha256 each must have). */
export interface RobustWorkerData {
  baseDir: string;
  modules?: ModuleFileRef[];
}

type Message = { init: RobustWorkerData } | RobustTask;

if (typeof process.send !== 'function') throw new Error('cli/check-robust-worker.ts runs as a child process of the pool; see cli/check-robust.ts');
let data: RobustWorkerData | null = null;
// The built-in claims and, once the user's modules are loaded, theirs; tasks wait for them.
let ready: Promise<{ byId: Map<string, Claim>; loaded: LoadedModules | null }> = Promise.resolve({ byId: new Map(claims.map((c) => [c.id, c])), loaded: null });

process.on('message', (message: Message) => {
  if ('init' in message) {
    data = message.init;
    ready = loadSameModules(data.modules).then((loaded) => ({ byId: new Map([...claims, ...(loaded ? moduleClaims(loaded.registry) : [])].map((c) => [c.id, c])), loaded }));
    ready.catch(() => {}); // reported with each task below
    return;
  }
  const task = message;
  const send = (reply: RobustReply | PoolFailure) => process.send!(reply);
  void ready.then(
    ({ byId, loaded }) => {
      try {
        if (data === null) throw new Error('a task came before the worker\'s data');
        const baseDir = data.baseDir;
        send({ run: task.run, ok: true, values: moduleFacing(loaded?.files ?? [], () => runRobustTask(byId, task, (s) => readDataFiles(s, baseDir), loaded?.registry)) });
      } catch (e) {
        send({ run: task.run, ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    },
    (e: unknown) => send({ run: task.run, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
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
