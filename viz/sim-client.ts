// One simulation per Web Worker, spoken to through comlink (ARCHITECTURE.md:
// the viz never simulates). The worker is inlined into the bundle so the
// one-file build also works from a file:// URL (a classic worker there).
import * as Comlink from 'comlink';
import SimWorker from '../workers/sim.worker.ts?worker&inline';
import type { PageHost } from '../workers/page-host.ts';

export interface SimClient {
  api: Comlink.Remote<PageHost>;
  terminate(): void;
}

/** Starts a worker hosting one simulation; `onCrash` hears an uncaught error in it. */
export function spawnSim(onCrash: (message: string) => void): SimClient {
  const worker: Worker = new SimWorker();
  worker.addEventListener('error', (e) => onCrash(e.message || 'the simulation worker stopped'));
  worker.addEventListener('messageerror', () => onCrash('a message from the simulation worker could not be read'));
  const api = Comlink.wrap<PageHost>(worker);
  return {
    api,
    terminate: () => {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
