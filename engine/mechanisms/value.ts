// Value, not only counts (MODEL.md §10.4, model 2): a resolution at tick t of a
// situation of difficulty h by skill q yields (1 − max(0, h − q)) ·
// (1 − lateDiscount)^max(0, t − arrival − due); with several leaders the first
// successful finisher yields it.
import { API_VERSION, type MechanismModule } from '../modules/types.ts';
import { MAX_TICKS, integer, param, probability } from '../scenario/blocks.ts';
import { VALUE_TOTAL } from './value-state.ts';

/** The keys of `environment` value reads. */
export const valueKeys = {
  due: param(integer(0, MAX_TICKS).nullable().default(null), 'ticks', 'ticks after arrival before value starts to fall; null = deadline / 2', 2),
  lateDiscount: param(probability().default(0.035), 'share per tick', 'share of a resolution\'s value lost per tick past `due`', 2),
};

const value: MechanismModule = {
  kind: 'mechanism',
  name: 'value',
  apiVersion: API_VERSION,
  description: 'What a resolution is worth: less when the resolver falls short of the difficulty, less when it is late (model 2).',
  params: { environment: valueKeys },
  active: (s) => s.model === 2,
  resolve(s) {
    const env = s.environment as typeof s.environment & { due: number | null };
    if (s.model === 2) env.due ??= Math.floor(s.environment.deadline / 2);
  },
  metrics: [
    { name: 'valueTotal', label: 'Value delivered', unit: 'value units', description: 'Sum over resolutions of (1 − shortfall of skill below difficulty) · (1 − lateDiscount)^(ticks past due).', per: 'run', type: 'number', digits: 1, higherIsBetter: true },
    { name: 'valuePerTick', label: 'Value per tick', unit: 'value units per tick', description: 'valueTotal / ticks run.', per: 'run', type: 'number', digits: 3, higherIsBetter: true, nullable: true },
  ],
  summarize(ctx, series, out) {
    const total = ctx.state.num(VALUE_TOTAL);
    out['valueTotal'] = total;
    out['valuePerTick'] = series.length > 0 ? total / series.length : null;
  },
};
export default value;
