// Radner (1993) is deterministic: the model's delay must equal his formula
// exactly, and no schedule may beat it (exhaustive search on small cases).
import { createModelSimulation } from '../../engine/model-simulation.ts';
import radner from '../../engine/models/radner/index.ts';
import { radnerDelay } from '../../engine/models/radner/formula.ts';
import { optimalDelay } from '../../engine/models/radner/optimum.ts';
import { chartDelay } from '../../engine/models/radner/chart.ts';
import { result, type ValidationCase } from '../case.ts';

const CITATION = 'Radner 1993, Econometrica 61(5):1109-1146';

/** The model's one-shot delay for n items on P processors. */
export function modelDelay(n: number, P: number): number {
  const sim = createModelSimulation(radner, { ticks: n + 64, radner: { items: n, processors: P } }, 1);
  sim.step(n + 64);
  return sim.summary().metrics['delay'] ?? NaN;
}

/** The delay of the bridge: n items on the P managers of a chart of span `span`. */
export function modelChartDelay(n: number, P: number, span: number): number {
  const sim = createModelSimulation(radner, { ticks: n + P + 2, radner: { items: n, processors: P, network: 'chart', span } }, 1);
  sim.step(n + P + 2);
  return sim.summary().metrics['delay'] ?? NaN;
}

export const radnerCases: ValidationCase[] = [
  {
    id: 'radner-delay-1000-31',
    title: 'Radner one-shot delay, n = 1000 items on P = 31 processors = ⌊n/P⌋ + ⌈log2(P + n mod P)⌉',
    citation: CITATION,
    run: () => result(modelDelay(1000, 31), radnerDelay(1000, 31), 0, 'the efficient network run cycle by cycle; deterministic, so exact'),
  },
  {
    id: 'radner-delay-all',
    title: 'Radner one-shot delay for every n ≤ 120 and P ≤ n/2: model cycles = formula (count of mismatches)',
    citation: CITATION,
    run({ quick }) {
      let mismatches = 0, cases = 0;
      const top = quick ? 60 : 120;
      for (let n = 2; n <= top; n++) for (let P = 1; P <= n / 2; P++) { cases++; if (modelDelay(n, P) !== radnerDelay(n, P)) mismatches++; }
      return result(mismatches, 0, 0, `${cases} (n, P) pairs run; mismatches counted`);
    },
  },
  {
    id: 'radner-optimal',
    title: 'No schedule beats Radner\'s delay: exhaustive search for n ≤ 24, P ≤ n/2 (count of differences)',
    citation: CITATION,
    run({ quick }) {
      let differences = 0, cases = 0;
      const top = quick ? 16 : 24;
      for (let n = 2; n <= top; n++) for (let P = 1; P <= n / 2; P++) { cases++; if (optimalDelay(n, P) !== radnerDelay(n, P)) differences++; }
      return result(differences, 0, 0, `${cases} (n, P) pairs searched breadth-first over (free quantities, loaded registers)`);
    },
  },
  {
    id: 'radner-chart-bridge',
    title: 'Radner\'s processors as a chart\'s managers (the bridge): no chart beats his efficient delay (count of charts faster, n ≤ 60, spans 1, 2, 3, 5, P − 1)',
    citation: CITATION,
    run({ quick }) {
      let faster = 0, mismatches = 0, cases = 0;
      const top = quick ? 40 : 60;
      for (let n = 2; n <= top; n++) for (let P = 1; P <= n / 2; P++) for (const span of new Set([1, 2, 3, 5, Math.max(1, P - 1)])) {
        cases++;
        const d = modelChartDelay(n, P, span);
        if (d !== chartDelay(n, P, span)) mismatches++;
        if (d < radnerDelay(n, P)) faster++;
      }
      return result(faster + mismatches, 0, 0, `${cases} charts run; ${mismatches} differ from the managers' finishing times computed recursively`);
    },
  },
];
