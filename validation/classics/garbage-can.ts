// The garbage can is deterministic for the 1972 program's entry orders: the
// model must reproduce a named reimplementation's statistics exactly on all 324
// cells, and the article's verbal results as orderings.
import { createModelSimulation } from '../../engine/model-simulation.ts';
import garbageCan from '../../engine/models/garbage-can/index.ts';
import reference from './data/garbage-can-workiewicz.json' with { type: 'json' };
import { result, type ValidationCase } from '../case.ts';

const CITATION = 'Cohen, March & Olsen 1972, ASQ 17(1):1-25; reimplementation: Workiewicz 2014, github.com/Mac13kW/Garbage_Can_Model';

interface ReferenceRun { stats: Record<string, number>; [param: string]: unknown }

/** The model's summary for one cell of the 1972 design. */
export function garbageCanRun(params: Record<string, unknown>): Record<string, number | null> {
  const sim = createModelSimulation(garbageCan, { ticks: 20, 'garbage-can': params }, 1);
  sim.step(20);
  return sim.summary().metrics;
}

function allCells(): { params: Record<string, unknown>; model: Record<string, number | null>; ref: Record<string, number> }[] {
  return (reference.runs as ReferenceRun[]).map(({ stats, ...params }) => ({ params, model: garbageCanRun(params), ref: stats }));
}

function total(cells: ReturnType<typeof allCells>, load: string, key: string): number {
  return cells.filter((c) => c.params['load'] === load).reduce((s, c) => s + (c.model[key] ?? 0), 0);
}

export const garbageCanCases: ValidationCase[] = [
  {
    id: 'garbage-can-reimplementation',
    title: 'Garbage can, all 324 cells of the 1972 design: statistics that differ from Workiewicz\'s reimplementation (count)',
    citation: CITATION,
    run() {
      let differ = 0, compared = 0;
      for (const c of allCells()) for (const k of Object.keys(c.ref)) {
        compared++;
        // Counts must be equal; energies agree to rounding (sums in another order).
        if (Math.abs((c.model[k] ?? NaN) - c.ref[k]!) > 1e-9) differ++;
      }
      return result(differ, 0, 0, `${compared} statistics compared (81 structures × 2 choice × 2 problem entry orders × 14)`);
    },
  },
  {
    id: 'garbage-can-load',
    title: 'Garbage can: heavier load leaves more problems unresolved (mean per run, heavy vs light)',
    citation: CITATION,
    run() {
      const cells = allCells();
      const heavy = total(cells, 'heavy', 'problemsUnsolved') / 108, light = total(cells, 'light', 'problemsUnsolved') / 108;
      return result(heavy, light, 0, `108 runs per load; light ${light.toFixed(2)} of 20 problems unresolved`, '>');
    },
  },
  {
    id: 'garbage-can-resolution-rare',
    title: 'Garbage can under heavy load: decisions by resolution are a minority beside flight and oversight (share)',
    citation: CITATION,
    run() {
      const cells = allCells();
      const r = total(cells, 'heavy', 'resolutions'), o = total(cells, 'heavy', 'oversights'), f = total(cells, 'heavy', 'flights');
      return result(r / (r + o + f), 0.5, 0, `heavy load, 108 runs: ${r} by resolution, ${o} by oversight, ${f} by flight`, '<');
    },
  },
];
