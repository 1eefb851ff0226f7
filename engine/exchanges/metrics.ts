// The exchanges' metric family (MODEL.md §10.5): exchanges arriving, resolved,
// missed and lost, their latency — counted apart from situations — and Dodds,
// Watts & Sabel's congestion: the busiest person's load over the run. Recorded
// only in runs with exchanges, so no other run gains a column.
import { setSeries, type SeriesStore } from '../metrics.ts';
import type { MetricDeclaration } from '../modules/metric-declaration.ts';
import { API_VERSION, type MetricFamilyModule } from '../modules/types.ts';
import { LOAD_TOTAL } from '../people-state.ts';
import type { Context } from '../context.ts';
import { exchangesOn } from './index.ts';
import {
  EX_COUNT, EX_LATENCY_SUM, EX_LOST, EX_MISSED, EX_RESOLVED, EX_TICK_ARRIVED, EX_TICK_LATENCY, EX_TICK_RESOLVED,
} from './state.ts';

const series: MetricDeclaration[] = [
  { name: 'exchanges', label: 'Exchanges starting', unit: 'exchanges per tick', description: 'Exchanges (one person asking another for information, MODEL.md §10.5) that started in the tick.', per: 'tick', agg: 'sum', type: 'integer' },
  { name: 'exchangesResolved', label: 'Exchanges answered', unit: 'exchanges per tick', description: 'Exchanges whose last message (the answer, or the question when there is none) arrived in the tick, by the deadline.', per: 'tick', agg: 'sum', type: 'integer', higherIsBetter: true },
  { name: 'exchangeLatency', label: 'Time to an answer', unit: 'ticks', description: 'Mean ticks from start to resolution of the exchanges resolved in the tick (null if none).', per: 'tick', agg: 'mean', type: 'number', digits: 1, higherIsBetter: false, nullable: true },
];

const summary: MetricDeclaration[] = [
  { name: 'exchanges', label: 'Exchanges', unit: 'exchanges', description: 'Exchanges started over the run (never counted as situations).', per: 'run', type: 'integer' },
  { name: 'exchangesResolved', label: 'Exchanges answered', unit: 'exchanges', description: 'Exchanges whose last message arrived by the deadline.', per: 'run', type: 'integer', higherIsBetter: true },
  { name: 'exchangesMissed', label: 'Exchanges too late', unit: 'exchanges', description: 'Exchanges still on their way at the deadline (including those whose message was lost with someone who left).', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'exchangesLost', label: 'Exchanges lost', unit: 'exchanges', description: 'Exchanges whose message was dropped on its way: its destination had left, it reached the hop limit, or it met a dead end.', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'exchangeResolvedRate', label: 'Share of exchanges answered', unit: 'share of exchanges', description: 'exchangesResolved / exchanges.', per: 'run', type: 'number', digits: 2, higherIsBetter: true, nullable: true },
  { name: 'exchangeLatencyMean', label: 'Time to an answer', unit: 'ticks', description: 'Mean ticks from an exchange\'s start to its resolution.', per: 'run', type: 'number', digits: 1, higherIsBetter: false, nullable: true },
  { name: 'maxLoadMean', label: 'Busiest person\'s load', unit: 'messages per tick', description: 'The most messages one person received over the run (of every kind, read or not), per tick: Dodds, Watts & Sabel\'s ρ_max.', per: 'run', type: 'number', digits: 3, higherIsBetter: false, nullable: true },
  { name: 'busiestShare', label: 'Busiest person\'s share', unit: 'share of messages', description: 'The share of all messages received over the run that went to the busiest person.', per: 'run', type: 'number', digits: 3, higherIsBetter: false, nullable: true },
];

const exchangeMetrics: MetricFamilyModule = {
  kind: 'metrics',
  name: 'exchanges',
  apiVersion: API_VERSION,
  description: 'Exchanges started, answered, too late and lost, their latency, and the busiest person\'s load (Dodds, Watts & Sabel\'s congestion).',
  metrics: [...series, ...summary],
  appliesTo: (scenario) => exchangesOn(scenario),
  // After the way of working's own metrics and recovery: runs without exchanges keep their columns and order.
  afterProtocol: true,
  record(ctx: Context, s: SeriesStore, t: number): void {
    const st = ctx.state;
    const resolved = st.num(EX_TICK_RESOLVED);
    setSeries(s, 'exchanges', t, st.num(EX_TICK_ARRIVED));
    setSeries(s, 'exchangesResolved', t, resolved);
    setSeries(s, 'exchangeLatency', t, resolved > 0 ? st.num(EX_TICK_LATENCY) / resolved : null);
  },
  summarize(ctx: Context, s: SeriesStore, out: Record<string, number | null>): void {
    const st = ctx.state;
    const count = st.num(EX_COUNT), resolved = st.num(EX_RESOLVED);
    out['exchanges'] = count;
    out['exchangesResolved'] = resolved;
    out['exchangesMissed'] = st.num(EX_MISSED);
    out['exchangesLost'] = st.num(EX_LOST);
    out['exchangeResolvedRate'] = count > 0 ? resolved / count : null;
    out['exchangeLatencyMean'] = resolved > 0 ? st.num(EX_LATENCY_SUM) / resolved : null;
    const load = st.get(LOAD_TOTAL);
    let max = 0, total = 0;
    for (let i = 0; i < ctx.n; i++) {
      const l = load[i]!;
      total += l;
      if (l > max) max = l;
    }
    out['maxLoadMean'] = s.length > 0 ? max / s.length : null;
    out['busiestShare'] = total > 0 ? max / total : null;
  },
};
export default exchangeMetrics;
