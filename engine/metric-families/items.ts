// Items of news (MODEL.md §8): `informed:<item>` every tick, and per item the
// share informed at the end and the ticks to 50 %, 90 % and everyone.
import type { Context } from '../context.ts';
import { countAlive } from '../graph/components.ts';
import { itemHandles } from '../item-keys.ts';
import { ALIVE } from '../people-state.ts';
import { roundsTo, setSeries, type SeriesStore } from '../metrics.ts';
import { API_VERSION, type MetricFamilyModule } from '../modules/types.ts';

/** Per-item results (MODEL.md §8). */
export interface ItemSummary {
  informedFinal: number;
  roundsTo50: number | null;
  roundsTo90: number | null;
  roundsToAll: number | null;
}

const items: MetricFamilyModule = {
  kind: 'metrics',
  name: 'items',
  apiVersion: API_VERSION,
  description: 'How far and how fast each item of news spread.',
  metrics: [
    { name: 'informed:<item>', label: 'Heard <item>', unit: 'people', description: 'Alive people who have heard the item (whatever they made of it); 0 before it is seeded.', per: 'tick', agg: 'last', type: 'integer' },
    { name: '<item>.informedFinal', label: 'Share informed at the end', unit: 'share of people', description: 'Share of the alive people who have heard the item at the last tick.', per: 'run', type: 'number', digits: 2 },
    { name: '<item>.roundsTo50', label: 'Ticks to 50 %', unit: 'ticks', description: 'Ticks from the item\'s seeding tick to the tick the share informed first reaches 50 %, both counted (null if never).', per: 'run', type: 'integer', nullable: true, higherIsBetter: false },
    { name: '<item>.roundsTo90', label: 'Ticks to 90 %', unit: 'ticks', description: 'As roundsTo50, for 90 %.', per: 'run', type: 'integer', nullable: true, higherIsBetter: false },
    { name: '<item>.roundsToAll', label: 'Ticks to everyone', unit: 'ticks', description: 'As roundsTo50, for 100 %.', per: 'run', type: 'integer', nullable: true, higherIsBetter: false },
  ],
  appliesTo: () => true,
  // Items' series come after the way of working's (v1's order); their results are the summary's `items`.
  afterProtocol: true,
  record(ctx: Context, series: SeriesStore, t: number): void {
    const list = ctx.information.items;
    for (let k = 0; k < list.length; k++) {
      setSeries(series, `informed:${list[k]!.id}`, t, ctx.state.num(itemHandles(k).seeded) ? ctx.information.informed(ctx.state, k) : 0);
    }
  },
  // Per-item results go in the summary's `items` (see itemSummaries), not in its metrics.
  summarize: () => {},
};
export default items;

/** Per item: the share informed at the end and the ticks to 50 %, 90 %, everyone. */
export function itemSummaries(ctx: Context, series: SeriesStore): Record<string, ItemSummary> {
  const len = series.length;
  const out: Record<string, ItemSummary> = {};
  const aliveNow = countAlive(ctx.state.get(ALIVE), ctx.n);
  ctx.information.items.forEach((item, k) => {
    const informedSeries = series.values[`informed:${item.id}`]!;
    // Shares of the people alive at each tick: the informed count is of alive people.
    const share = new Float64Array(len);
    const aliveSeries = series.values['alive'];
    for (let t = 0; t < len; t++) share[t] = informedSeries[t]! / (aliveSeries ? aliveSeries[t]! : aliveNow);
    out[item.id] = {
      informedFinal: aliveNow ? ctx.information.informed(ctx.state, k) / aliveNow : 0,
      roundsTo50: roundsTo(share, item.at, len, 0.5),
      roundsTo90: roundsTo(share, item.at, len, 0.9),
      roundsToAll: roundsTo(share, item.at, len, 1),
    };
  });
  return out;
}
