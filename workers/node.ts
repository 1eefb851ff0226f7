// Node side of the simulation worker: a worker thread hosting one simulation,
// driven through comlink exactly like the browser's worker.
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { Host } from './host.ts';

export interface SimulationWorker {
  api: Comlink.Remote<Host>;
  worker: Worker;
  /** Releases the proxy and stops the thread. */
  terminate(): Promise<void>;
}

/** Starts a worker thread hosting a simulation (call `api.create(…)` first). */
export function spawnSimulationWorker(): SimulationWorker {
  const worker = new Worker(new URL('./node-worker-bootstrap.mjs', import.meta.url));
  const api = Comlink.wrap<Host>(nodeEndpoint(worker));
  return {
    api,
    worker,
    async terminate() {
      api[Comlink.releaseProxy]();
      await worker.terminate();
    },
  };
}
