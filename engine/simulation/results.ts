// A run's metrics from the registry's families (MODEL.md §8): which families
// apply, the series they record every tick, and the summary — in v1's order:
// the families, then the way of working's own metrics, then those after it
// (items' series, recovery).
import type { Context } from '../context.ts';
import { itemSummaries, type ItemSummary } from '../metric-families/items.ts';
import { createSeries, type SeriesStore } from '../metrics.ts';
import type { MetricFamilyModule } from '../modules/types.ts';
import { shockResults } from '../metric-families/recovery.ts';

/** The metric families of one run, split around the way of working's own metrics. */
export interface ActiveFamilies {
  before: MetricFamilyModule[];
  after: MetricFamilyModule[];
}

/** A run's summary: metric name → value, plus hash, items and shocks (CONTRACT.md `run --json`). */
export interface Summary {
  metrics: Record<string, number | null>;
  hash: string;
  items: Record<string, ItemSummary>;
  shocks: { at: number; kind: string; dip: number | null; recoveryTicks: number | null }[];
}

/** The families that apply to this run. */
export function activeFamilies(ctx: Context): ActiveFamilies {
  const on = ctx.modules.metricFamilies.filter((f) => f.appliesTo(ctx.scenario, ctx.protocol));
  return { before: on.filter((f) => !f.afterProtocol), after: on.filter((f) => f.afterProtocol) };
}

/** Per-tick series of the run, named as declared (templates per item). */
export function createRunSeries(ctx: Context, families: ActiveFamilies, ticks: number): SeriesStore {
  const names: string[] = [];
  const add = (decls: readonly { name: string; per: string }[]) => {
    for (const d of decls) if (d.per === 'tick' && !d.name.includes('<item>')) names.push(d.name);
  };
  for (const f of families.before) add(f.metrics);
  add(ctx.modules.protocols.get(ctx.protocol.kind)?.metrics ?? []);
  for (const f of families.after) add(f.metrics);
  for (const item of ctx.information.items) names.push(`informed:${item.id}`);
  return createSeries(names, ticks);
}

/** Records tick t (Metrics phase). */
export function recordMetrics(ctx: Context, families: ActiveFamilies, series: SeriesStore, t: number): void {
  for (let i = 0; i < families.before.length; i++) families.before[i]!.record(ctx, series, t);
  ctx.protocol.record?.(ctx, series, t);
  for (let i = 0; i < families.after.length; i++) families.after[i]!.record(ctx, series, t);
  series.length = t + 1;
}

/** The run's summary at the current tick. */
export function summarize(ctx: Context, families: ActiveFamilies, series: SeriesStore): Summary {
  const metrics: Record<string, number | null> = {};
  for (const f of families.before) f.summarize(ctx, series, metrics);
  ctx.protocol.summarize?.(ctx, series, metrics);
  for (const f of families.after) f.summarize(ctx, series, metrics);
  for (const m of ctx.modules.mechanisms.values()) if (m.active(ctx.scenario)) m.summarize?.(ctx, series, metrics);
  return { metrics, hash: ctx.state.hash(), items: itemSummaries(ctx, series), shocks: shockResults(ctx, series) };
}
