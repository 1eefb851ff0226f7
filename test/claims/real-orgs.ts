// Helpers for the claim tests: the data files read next to the scenarios (as
// `equipotent run` reads them), a simulation of one variant of a shipped
// scenario built with them, and counts to hold against published ones.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenariosDir } from '../../cli/load-scenario.ts';
import { readDataFiles } from '../../io/read-files.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { createSimulation, type Simulation } from '../../engine/simulation.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

/** The data files of a shipped scenario's `file` layers (a run cache's `readData`). */
export const readShippedData = (s: Scenario): Record<string, string> => readDataFiles(s, scenariosDir);

/** A simulation of variant `label` of `input` (a shipped scenario), seed 1, at tick 0. */
export function simOf(input: unknown, label: string): Simulation {
  const v = expandVariants(input).find((x) => x.label === label);
  if (!v) throw new Error(`no variant ${label}`);
  if (!v.ok) throw new Error(v.errors.join('; '));
  return createSimulation(v.scenario, 1, { data: readShippedData(v.scenario) });
}

/** The data rows (header dropped) of a CSV under scenarios/. */
export function rows(path: string): string[][] {
  return readFileSync(resolve(scenariosDir, path), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
}

/** Sizes of the connected components of the informal layer among alive people, largest first. */
export function componentSizes(sim: Simulation): number[] {
  const g = sim.informal();
  const alive = sim.state.u8('alive');
  const seen = new Uint8Array(sim.n);
  const sizes: number[] = [];
  const stack: number[] = [];
  for (let s = 0; s < sim.n; s++) {
    if (seen[s] || !alive[s]) continue;
    let size = 0;
    seen[s] = 1;
    stack.push(s);
    while (stack.length) {
      const u = stack.pop()!;
      size++;
      for (let e = g.offsets[u]!; e < g.offsets[u + 1]!; e++) {
        const w = g.targets[e]!;
        if (!seen[w] && alive[w]) { seen[w] = 1; stack.push(w); }
      }
    }
    sizes.push(size);
  }
  return sizes.sort((a, b) => b - a);
}

/** Undirected simple ties (self-loops dropped) of a file's arcs. */
export function undirectedTies(arcs: string[][]): number {
  const set = new Set<string>();
  for (const [s, t] of arcs) if (s !== t) set.add(Number(s) < Number(t) ? `${s},${t}` : `${t},${s}`);
  return set.size;
}
