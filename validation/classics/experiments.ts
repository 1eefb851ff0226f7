// The classics' experiments, shared by the validation cases, the offline
// replication script (scripts/classics-replicate.ts) and the tests: each runs a
// model over a list of seeds and returns plain numbers. Pure: no I/O, no clock.
import { createModelSimulation } from '../../engine/model-simulation.ts';
import nkSearch from '../../engine/models/nk-search/index.ts';
import march from '../../engine/models/march/index.ts';

/** Seeds base, base+1, …, base+count−1. */
export function seedRange(base: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => base + i);
}

/** Per-seed average-score and distinct-solution curves of one network over `rounds` rounds. */
export function nkCurves(network: Record<string, unknown>, seeds: readonly number[], rounds: number, extra: Record<string, unknown> = {}): { mean: Float64Array[]; distinct: Float64Array[]; final: number[] } {
  const mean: Float64Array[] = [], distinct: Float64Array[] = [], final: number[] = [];
  for (const seed of seeds) {
    const sim = createModelSimulation(nkSearch, { ticks: rounds, 'nk-search': { ...extra, network } }, seed);
    sim.step(rounds);
    mean.push(sim.series().values['meanScore']!.slice(0, rounds));
    distinct.push(sim.series().values['distinct']!.slice(0, rounds));
    final.push(sim.summary().metrics['meanScoreFinal']!);
  }
  return { mean, distinct, final };
}

/** The average over seeds of per-seed curves. */
export function averageCurve(curves: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(curves[0]?.length ?? 0);
  for (const c of curves) for (let t = 0; t < out.length; t++) out[t] += c[t]! / curves.length;
  return out;
}

/**
 * The round after which curve `a` stays above curve `b` (rounds are 1-based: index
 * t is the state after round t + 1); null if `a` ends at or below `b`.
 */
export function crossingRound(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const last = a.length - 1;
  if (!(a[last]! > b[last]!)) return null;
  let t = last;
  while (t > 0 && a[t - 1]! > b[t - 1]!) t--;
  return t; // a > b from round t + 1 on: "for t > t*" in Lazer & Friedman's words
}

/** March's equilibrium knowledge of the code, per seed (runs until nothing can change, at most maxPeriods). */
export function marchEquilibrium(params: Record<string, unknown>, seeds: readonly number[], maxPeriods = 5000): number[] {
  return seeds.map((seed) => {
    const sim = createModelSimulation(march, { ticks: maxPeriods, march: params }, seed);
    while (sim.tick < maxPeriods) {
      sim.step(25);
      const k = sim.summary().metrics['equilibriumKnowledge'];
      if (k !== null && k !== undefined) return k;
    }
    return NaN; // no equilibrium within the budget: counts against the case
  });
}

/** March's code knowledge after `periods` periods (the turnover and turbulence experiments), per seed. */
export function marchKnowledgeAt(params: Record<string, unknown>, seeds: readonly number[], periods: number): number[] {
  return seeds.map((seed) => {
    const sim = createModelSimulation(march, { ticks: periods, march: params }, seed);
    sim.step(periods);
    return sim.summary().metrics['codeKnowledgeFinal']!;
  });
}
