// The run controls a scenario (and a sweep, which sets them on its scenario)
// may declare (CONTRACT.md "v2 additions"): `stop`, a condition on a per-tick
// metric that ends the run at the first tick it holds, and `reporters`, named
// measures computed from a per-tick series over a window of ticks (mean, sum,
// min, max, first, last, or the first tick a condition holds). Their metric
// names are checked against the metric registry (per-tick metrics only).
import { z } from 'zod';
import type { Registry } from '../modules/registry.ts';
import { findDeclaration } from '../modules/metric-declaration.ts';
import { MAX_TICKS } from './blocks.ts';

export const COMPARISONS = ['>=', '>', '<=', '<', '==', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const REPORTER_AGGS = ['mean', 'sum', 'min', 'max', 'first', 'last', 'firstTick'] as const;
export type ReporterAgg = (typeof REPORTER_AGGS)[number];

/** A reporter's name is a column name: letters, digits and _, starting with a letter (no dots: they are paths). */
export const REPORTER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const metricName = z.string().min(1).max(200).describe('a per-tick metric (a series name, e.g. "resolvedCum" or "informed:memo")');
const comparison = z.enum(COMPARISONS).describe('how the metric is compared with value: >=, >, <=, <, ==, !=');

export const stopSchema = z
  .strictObject({ metric: metricName, op: comparison, value: z.number().describe('the threshold, in the metric\'s unit') })
  .describe('end the run at the first tick where metric op value holds (or at `ticks`); the ticks run are `ticksRun`');

export const reporterSchema = z
  .strictObject({
    metric: metricName,
    agg: z.enum(REPORTER_AGGS).describe('mean, sum, min, max, first, last of the metric over ticks from … to, or firstTick: the first tick there where metric op value holds'),
    from: z.int().min(0).max(MAX_TICKS).optional().describe('first tick of the window (default 0)'),
    to: z.int().min(0).max(MAX_TICKS).optional().describe('last tick of the window, inclusive (default the last tick run)'),
    op: comparison.optional().describe('firstTick only: the comparison'),
    value: z.number().optional().describe('firstTick only: the threshold'),
  })
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: r });
    if (r.from !== undefined && r.to !== undefined && r.from > r.to) issue('to', `expected to >= from (${r.from}), got ${r.to}; the window is ticks from … to, inclusive`);
    if (r.agg === 'firstTick') {
      if (r.op === undefined) issue('op', 'required for agg "firstTick": one of >=, >, <=, <, ==, !=');
      if (r.value === undefined) issue('value', 'required for agg "firstTick": the threshold the metric is compared with');
    } else {
      if (r.op !== undefined) issue('op', `only agg "firstTick" takes a condition; remove "op" (or use "agg": "firstTick")`);
      if (r.value !== undefined) issue('value', `only agg "firstTick" takes a condition; remove "value" (or use "agg": "firstTick")`);
    }
  })
  .describe('a named measure of a per-tick series over a window of ticks');

export const reportersSchema = z
  .record(z.string(), reporterSchema)
  .superRefine((rs, ctx) => {
    for (const name of Object.keys(rs)) {
      if (!REPORTER_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: `a reporter's name is a column name: a letter, then letters, digits or _ (at most 64), got ${JSON.stringify(name)}; e.g. "afterCut"`, input: rs });
    }
  })
  .describe('name → {metric, agg, from?, to?, op?, value?}: columns of run --json, the table and runs.csv');

export type Stop = z.output<typeof stopSchema>;
export type Reporter = z.output<typeof reporterSchema>;
export type Reporters = Record<string, Reporter>;

/** Names a reporter cannot take: the columns every run already has. */
export const RESERVED_COLUMNS = ['run', 'variant', 'seed', 'ticks', 'ticksRun', 'hash', 'items', 'shocks', 'modules'];

/**
 * The problems of a parsed scenario's stop and reporters against the registry:
 * each metric must be a declared per-tick metric, and a reporter's name must not
 * be a summary metric's or a fixed column's. Each `{path, message}`.
 */
export function runControlProblems(value: { stop?: Stop | null; reporters?: Reporters }, registry: Registry): { path: PropertyKey[]; message: string }[] {
  const perTick = registry.metricDeclarations().filter((d) => d.per === 'tick');
  const perRun = new Set(registry.metricDeclarations().filter((d) => d.per === 'run').map((d) => d.name));
  const known = (name: string) => findDeclaration(perTick, name) !== undefined;
  // Every per-tick name: the fix is to pick one of them (codebook.md describes each).
  const someNames = () => [...new Set(perTick.map((d) => d.name))].join(', ');
  const out: { path: PropertyKey[]; message: string }[] = [];
  if (value.stop != null && !known(value.stop.metric)) {
    out.push({ path: ['stop', 'metric'], message: `"${value.stop.metric}" is not a per-tick metric; use one of ${someNames()}` });
  }
  for (const [name, r] of Object.entries(value.reporters ?? {})) {
    if (!known(r.metric)) out.push({ path: ['reporters', name, 'metric'], message: `"${r.metric}" is not a per-tick metric; use one of ${someNames()}` });
    if (perRun.has(name) || RESERVED_COLUMNS.includes(name)) out.push({ path: ['reporters', name], message: `"${name}" is already a column (a summary metric or a fixed column); give the reporter another name` });
  }
  return out;
}
