// The network family (MODEL.md §8): what every run records, whatever the way of
// working — people, messages, load, queues, connectedness, believers.
import type { Context } from '../context.ts';
import { gini, setSeries, type SeriesStore } from '../metrics.ts';
import { API_VERSION, type MetricFamilyModule } from '../modules/types.ts';
import type { MetricDeclaration } from '../modules/metric-declaration.ts';
import { ALIVE, ALIVE_COUNT, LOAD_TOTAL } from '../people-state.ts';
import { TICK_LOST, TICK_MAX_LOAD, TICK_MESSAGES } from '../messages.ts';
import { INITIAL_N } from '../run-state.ts';

const series: MetricDeclaration[] = [
  { name: 'alive', label: 'People', unit: 'people', description: 'People in the organization at the end of the tick.', per: 'tick', agg: 'last', type: 'integer' },
  { name: 'messages', label: 'Messages sent', unit: 'messages per tick', description: 'Messages sent in the tick (every report, order, call, claim, outcome, information contact).', per: 'tick', agg: 'sum', type: 'integer', higherIsBetter: false },
  { name: 'lost', label: 'Messages lost', unit: 'messages per tick', description: 'Messages to someone removed, waiting in a removed person\'s inbox, or dropped.', per: 'tick', agg: 'sum', type: 'integer', higherIsBetter: false },
  { name: 'maxLoad', label: 'Busiest person\'s load', unit: 'messages per tick', description: 'Most messages arriving at one person in the tick, read or not (the congestion of Dodds–Watts–Sabel).', per: 'tick', agg: 'max', type: 'integer', higherIsBetter: false },
  { name: 'maxQueue', label: 'Longest inbox', unit: 'messages', description: 'The longest inbox at the end of the tick.', per: 'tick', agg: 'max', type: 'integer', higherIsBetter: false },
  { name: 'giantComponent', label: 'Still connected', unit: 'share of people', description: 'The largest connected group of the informal layer, as a share of the people at the start.', per: 'tick', agg: 'min', type: 'number', digits: 2, higherIsBetter: true },
  { name: 'misinformed', label: 'Believe the rumour', unit: 'people', description: 'Alive people who believe a false item now.', per: 'tick', agg: 'max', type: 'integer', higherIsBetter: false },
];

const summary: MetricDeclaration[] = [
  { name: 'messagesTotal', label: 'Messages', unit: 'messages', description: 'Messages sent over the run.', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'lostTotal', label: 'Messages lost', unit: 'messages', description: 'Messages lost over the run.', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'maxLoadPeak', label: 'Peak load', unit: 'messages per tick', description: 'The highest maxLoad of the run.', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'maxQueuePeak', label: 'Peak inbox', unit: 'messages', description: 'The longest inbox of the run.', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'loadGini', label: 'Load inequality', unit: 'Gini (0 equal – 1 one has all)', description: 'Gini coefficient over people of the messages each received over the run.', per: 'run', type: 'number', digits: 2 },
  { name: 'giantComponentMin', label: 'Least connected', unit: 'share of people', description: 'The lowest giantComponent of the run.', per: 'run', type: 'number', digits: 2, higherIsBetter: true, nullable: true },
  { name: 'misinformedPeak', label: 'Peak believers', unit: 'people', description: 'The most people believing a false item at once.', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'misinformationClearedTick', label: 'Rumour cleared', unit: 'tick', description: 'The first tick after a false item appeared with no believer left (null if never, or no false item).', per: 'run', type: 'integer', nullable: true, higherIsBetter: false },
];

const network: MetricFamilyModule = {
  kind: 'metrics',
  name: 'network',
  apiVersion: API_VERSION,
  description: 'People, messages, load, queues, connectedness and believers, for every way of working.',
  metrics: [...series, ...summary],
  appliesTo: () => true,
  record(ctx: Context, s: SeriesStore, t: number): void {
    const st = ctx.state;
    setSeries(s, 'alive', t, st.num(ALIVE_COUNT));
    setSeries(s, 'messages', t, st.num(TICK_MESSAGES));
    setSeries(s, 'lost', t, st.num(TICK_LOST));
    setSeries(s, 'maxLoad', t, st.num(TICK_MAX_LOAD));
    setSeries(s, 'maxQueue', t, ctx.messages.maxQueue(ctx.n));
    setSeries(s, 'giantComponent', t, ctx.giantComponent() / st.num(INITIAL_N));
    setSeries(s, 'misinformed', t, ctx.information.misinformed(ctx));
  },
  summarize(ctx: Context, s: SeriesStore, out: Record<string, number | null>): void {
    out['messagesTotal'] = seriesSum(s, 'messages');
    out['lostTotal'] = seriesSum(s, 'lost');
    out['maxLoadPeak'] = seriesMax(s, 'maxLoad');
    out['maxQueuePeak'] = seriesMax(s, 'maxQueue');
    const alive = ctx.state.get(ALIVE);
    const load = ctx.state.get(LOAD_TOTAL);
    out['loadGini'] = gini(load, (i) => i < ctx.n && (alive[i] === 1 || load[i]! > 0));
    out['giantComponentMin'] = seriesMin(s, 'giantComponent');
    out['misinformedPeak'] = seriesMax(s, 'misinformed');
    out['misinformationClearedTick'] = ctx.information.clearedTick(s);
  },
};
export default network;

/** Sum of a series over the ticks recorded. */
export function seriesSum(s: SeriesStore, name: string): number {
  let x = 0;
  const a = s.values[name]!;
  for (let t = 0; t < s.length; t++) x += a[t]!;
  return x;
}

/** Largest value of a series (0 for none). */
export function seriesMax(s: SeriesStore, name: string): number {
  let x = 0;
  const a = s.values[name]!;
  for (let t = 0; t < s.length; t++) if (a[t]! > x) x = a[t]!;
  return x;
}

/** Smallest value of a series (null for none). */
export function seriesMin(s: SeriesStore, name: string): number | null {
  let x = Infinity;
  const a = s.values[name]!;
  for (let t = 0; t < s.length; t++) if (a[t]! < x) x = a[t]!;
  return x === Infinity ? null : x;
}
