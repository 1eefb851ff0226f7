// Radner (1993), "The organization of decentralized information processing",
// Econometrica 61(5): managers as processors of limited capacity aggregating n
// items in one shot, on Radner's efficient network or (the bridge, chart.ts) on
// the organization's chart of command. Deterministic: no stream is drawn.
import { API_VERSION, type ModelModule } from '../../modules/types.ts';
import { setSeries } from '../../metrics.ts';
import { radnerParams, type RadnerParams } from './params.ts';
import { DONE_AT, HOLDER_COUNT, RAW_LEFT, READS, READS_TOTAL, initSchedule, runCycle } from './schedule.ts';
import { hierarchyShape } from './shape.ts';
import { initChart, runChartCycle } from './chart.ts';
import { radnerMetrics } from './metrics.ts';

const radner: ModelModule = {
  kind: 'model',
  name: 'radner',
  apiVersion: API_VERSION,
  description: 'Radner (1993): P processors aggregate n items, one item or partial result per cycle; the delay of efficient networks and the hierarchies they form.',
  modelParams: radnerParams,
  metrics: radnerMetrics,
  setup(ctx) {
    const p = ctx.params as RadnerParams;
    if (p.network === 'chart') initChart(ctx.state, p.items, p.processors, p.span);
    else initSchedule(ctx.state, p.items, p.processors);
  },
  step(ctx, t) {
    const p = ctx.params as RadnerParams;
    if (p.network === 'chart') runChartCycle(ctx.state, p.span, t);
    else runCycle(ctx.state, p.processors, t);
  },
  record(ctx, series, t) {
    const s = ctx.state;
    setSeries(series, 'quantities', t, s.num(HOLDER_COUNT) + s.num(RAW_LEFT));
    setSeries(series, 'busy', t, s.num(READS));
  },
  summarize(ctx, _series, out) {
    const s = ctx.state;
    const p = ctx.params as RadnerParams;
    const done = s.num(DONE_AT);
    const shape = hierarchyShape(s);
    out['delay'] = done >= 0 ? done : null;
    out['reads'] = s.num(READS_TOTAL);
    out['utilization'] = done > 0 ? s.num(READS_TOTAL) / (p.processors * done) : null;
    out['levels'] = done >= 0 ? shape.levels : null;
    out['rootSpan'] = done >= 0 ? shape.rootSpan : null;
    out['maxSpan'] = done >= 0 ? shape.maxSpan : null;
    out['rawMin'] = shape.rawMin;
    out['rawMax'] = shape.rawMax;
  },
};

export default radner;
