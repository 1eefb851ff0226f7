// Browser side of the simulation worker (the page): one Web Worker per simulation.
import * as Comlink from 'comlink';
import type { Host } from './host.ts';

/** A worker hosting a simulation, and a way to stop it (compare mode runs two). */
export function spawnBrowserSimulationWorker(): { api: Comlink.Remote<Host>; terminate(): void } {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<Host>(worker);
  return { api, terminate: () => { api[Comlink.releaseProxy](); worker.terminate(); } };
}

/** The simulation host in a new Web Worker (its thread lives as long as the page). */
export function spawnBrowserSimulation(): Comlink.Remote<Host> {
  return spawnBrowserSimulationWorker().api;
}
