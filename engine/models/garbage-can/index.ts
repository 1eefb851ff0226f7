// Cohen, March & Olsen (1972), "A garbage can model of organizational choice",
// Administrative Science Quarterly 17(1): choices, problems and decision makers
// with energy, flowing through access and decision structures for 20 periods.
// Deterministic for fixed entry orders (no stream is drawn); `random` orders
// come from the stream /module/garbage-can/entry.
import { API_VERSION, type ModelModule } from '../../modules/types.ts';
import { setSeries } from '../../metrics.ts';
import type { Rng } from '../../rng.ts';
import { garbageCanParams, type GarbageCanParams } from './params.ts';
import { CHOICES, CHOICE_ENTRY, MAKERS, PROBLEMS, PROBLEM_ENERGY, PROBLEM_ENTRY, accessMatrix, decisionMatrix, makerEnergies } from './structures.ts';
import { ACCESS, CHOICE, CHOICE_ORDER, CHOICE_PREV, CHOICE_PREV2, DECISION, ENERGY, MEMBER, MEMBER_PREV, PROBLEM, PROBLEM_ENERGY_NOW, PROBLEM_ORDER, PROBLEM_PREV, REQUIRED, REQUIRED_PREV, SPENT, SPENT_PREV, STAT } from './state.ts';
import { runPeriod } from './period.ts';
import { countPeriod, finalCounts } from './stats.ts';
import { garbageCanMetrics } from './metrics.ts';

function entryOrder(which: GarbageCanParams['choiceEntry'], printed: Record<1 | 2, readonly number[]>, size: number, rng: () => Rng): Int8Array {
  if (which !== 'random') return Int8Array.from(printed[which]);
  const order = new Int8Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  const r = rng();
  for (let i = size - 1; i > 0; i--) { // Fisher–Yates
    const j = r.int(i + 1);
    const x = order[i]!; order[i] = order[j]!; order[j] = x;
  }
  return order;
}

const garbageCan: ModelModule = {
  kind: 'model',
  name: 'garbage-can',
  apiVersion: API_VERSION,
  description: 'Cohen, March & Olsen (1972): choices, problems and decision makers meet through access and decision structures; decisions by resolution, oversight and flight.',
  modelParams: garbageCanParams,
  metrics: garbageCanMetrics,
  setup(ctx) {
    const p = ctx.params as GarbageCanParams;
    const s = ctx.state;
    s.put(CHOICE, new Int8Array(CHOICES).fill(-2));
    s.put(CHOICE_PREV, new Int8Array(CHOICES).fill(-2));
    s.put(CHOICE_PREV2, new Int8Array(CHOICES).fill(-2));
    s.put(PROBLEM, new Int16Array(PROBLEMS).fill(-2));
    s.put(PROBLEM_PREV, new Int16Array(PROBLEMS).fill(-2));
    s.put(MEMBER, new Int8Array(MAKERS).fill(-1));
    s.put(MEMBER_PREV, new Int8Array(MAKERS).fill(-1));
    for (const h of [REQUIRED, REQUIRED_PREV, SPENT, SPENT_PREV]) s.put(h, new Float64Array(CHOICES));
    s.put(ACCESS, accessMatrix(p.access, p.chartSpan));
    s.put(DECISION, decisionMatrix(p.decision, p.chartSpan));
    s.put(ENERGY, makerEnergies(p.energyDistribution, p.solutionCoefficient));
    s.put(CHOICE_ORDER, entryOrder(p.choiceEntry, CHOICE_ENTRY, CHOICES, () => ctx.stream('entry')));
    s.put(PROBLEM_ORDER, entryOrder(p.problemEntry, PROBLEM_ENTRY, PROBLEMS, () => ctx.stream('entry')));
    s.setNum(PROBLEM_ENERGY_NOW, PROBLEM_ENERGY[p.load]);
    for (const h of Object.values(STAT)) s.setNum(h, 0);
  },
  step(ctx, t) {
    runPeriod(ctx.state, t);
    countPeriod(ctx.state, t);
  },
  record(ctx, series, t) {
    const s = ctx.state;
    const f = finalCounts(s);
    const problem = s.get(PROBLEM), member = s.get(MEMBER);
    let attached = 0, makers = 0;
    for (let i = 0; i < PROBLEMS; i++) if (problem[i]! >= 0 && problem[i]! < 90) attached++;
    for (let j = 0; j < MAKERS; j++) if (member[j]! >= 0) makers++;
    setSeries(series, 'choicesMade', t, f.choicesMade);
    setSeries(series, 'problemsResolved', t, f.problemsResolved);
    setSeries(series, 'problemsAttached', t, attached);
    setSeries(series, 'makersAttached', t, makers);
  },
  summarize(ctx, _series, out) {
    const s = ctx.state;
    const f = finalCounts(s);
    out['resolutions'] = s.num(STAT.resolutions);
    out['oversights'] = f.oversights;
    out['flights'] = s.num(STAT.flights);
    out['quickies'] = s.num(STAT.quickies);
    out['problemsUnsolved'] = f.problemsUnsolved;
    out['problemShifts'] = s.num(STAT.problemShifts);
    out['problemActive'] = s.num(STAT.problemActive);
    out['problemLatency'] = s.num(STAT.problemLatency);
    out['makerActive'] = s.num(STAT.makerActive);
    out['makerShifts'] = s.num(STAT.makerShifts);
    out['energySpent'] = s.num(STAT.energySpent);
    out['energyExcess'] = s.num(STAT.energyExcess);
    out['choicesUnmade'] = f.choicesUnmade;
    out['choicesActive'] = s.num(STAT.choicesActive);
  },
};

export default garbageCan;
