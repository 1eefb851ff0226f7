// One run of `check --robust`: the claims of a (group, point) at one seed, each
// with its arms' overrides for the point, through one run cache that lives for
// this run only (runs shared by the claims of the point, then dropped, so a
// worker that makes thousands of runs holds one point's simulations at a time).
// A pure function of the claims, the overrides and the seed: a worker process
// (cli/check-robust-worker.ts) and a test give the same numbers.
import { RunCache, type DataReader, type Variation } from '../runner.ts';
import type { Registry } from '../../engine/modules/registry.ts';
import { termValue, withOverrides, type Claim } from '../claims/claim.ts';

/** What a run evaluates: per claim, the overrides of each arm (armsOf order). */
export interface RobustTask {
  run: number;
  seed: number;
  claims: { id: string; arms: Variation[] }[];
}

/** Per claim id, its two numbers [a, b] at the seed (null: the run gave none). */
export type RobustValues = Record<string, [number | null, number | null]>;

export type RobustReply = { run: number; ok: true; values: RobustValues };

/** The claims' numbers at the task's point and seed (`modules`: the user's modules, for their claims). Throws (naming the claim) when a run cannot be made. */
export function runRobustTask(byId: ReadonlyMap<string, Claim>, task: RobustTask, readData?: DataReader, modules?: Registry): RobustValues {
  const cache = new RunCache({ ...(readData ? { readData } : {}), ...(modules ? { modules } : {}) });
  const values: RobustValues = {};
  for (const { id, arms } of task.claims) {
    const claim = byId.get(id);
    if (claim === undefined) throw new Error(`no claim "${id}" in this version`);
    const at = withOverrides(claim, (i) => arms[i] ?? {});
    try {
      values[id] = [termValue(at, at.a, task.seed, cache), termValue(at, at.b, task.seed, cache)];
    } catch (e) {
      throw new Error(`${id}: ${(e as Error).message}`);
    }
  }
  return values;
}
