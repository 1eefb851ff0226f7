// Stopping conditions and reporters (engine/scenario/run-control-schema.ts),
// evaluated on the run's per-tick series: pure functions of the series, so a
// run that stops does so at the same tick however it is stepped (in chunks,
// after a snapshot is restored) — the stop is read back from the series, never
// kept as separate state.
import type { SeriesStore } from './metrics.ts';
import { ScenarioError } from './simulation/assemble.ts';
import type { Comparison, Reporter, Reporters, Stop } from './scenario/run-control-schema.ts';

/** x op value; a missing value (NaN) never holds. */
export function holds(x: number, op: Comparison, value: number): boolean {
  if (Number.isNaN(x)) return false;
  switch (op) {
    case '>=':
      return x >= value;
    case '>':
      return x > value;
    case '<=':
      return x <= value;
    case '<':
      return x < value;
    case '==':
      return x === value;
    case '!=':
      return x !== value;
  }
}

/** True when the run has stopped: the last tick recorded meets the stop condition. */
export function stopped(stop: Stop | null | undefined, series: SeriesStore): boolean {
  if (stop == null || series.length === 0) return false;
  const xs = series.values[stop.metric];
  return xs !== undefined && holds(xs[series.length - 1]!, stop.op, stop.value);
}

/** The error when a run does not record a metric its stop or reporters name (it is declared, but not by a module this run uses). */
export function unrecordedProblems(scenario: { stop?: Stop | null; reporters?: Reporters }, names: readonly string[]): string[] {
  const has = new Set(names);
  const problems: string[] = [];
  const hint = `this run records ${names.join(', ')}`;
  if (scenario.stop != null && !has.has(scenario.stop.metric)) problems.push(`stop.metric: "${scenario.stop.metric}" is not recorded in this run (its way of working or model does not measure it); ${hint}`);
  for (const [name, r] of Object.entries(scenario.reporters ?? {})) {
    if (!has.has(r.metric)) problems.push(`reporters.${name}.metric: "${r.metric}" is not recorded in this run (its way of working or model does not measure it); ${hint}`);
  }
  return problems;
}

/**
 * A reporter's value over the ticks recorded: the window [from, to] cut to the
 * ticks run; the aggregates skip missing values (NaN); null when nothing is left
 * (or, for firstTick, when the condition never holds there).
 */
export function reporterValue(r: Reporter, series: SeriesStore): number | null {
  const xs = series.values[r.metric];
  if (xs === undefined) return null;
  const from = r.from ?? 0;
  const to = Math.min(r.to ?? Number.POSITIVE_INFINITY, series.length - 1);
  if (r.agg === 'firstTick') {
    for (let t = from; t <= to; t++) if (holds(xs[t]!, r.op!, r.value!)) return t;
    return null;
  }
  let n = 0;
  let acc = 0;
  let first = NaN;
  let last = NaN;
  for (let t = from; t <= to; t++) {
    const x = xs[t]!;
    if (Number.isNaN(x)) continue;
    if (n === 0) {
      first = x;
      acc = r.agg === 'min' || r.agg === 'max' ? x : 0;
    }
    last = x;
    if (r.agg === 'sum' || r.agg === 'mean') acc += x;
    else if (r.agg === 'min') acc = Math.min(acc, x);
    else if (r.agg === 'max') acc = Math.max(acc, x);
    n++;
  }
  if (n === 0) return null;
  switch (r.agg) {
    case 'mean':
      return acc / n;
    case 'first':
      return first;
    case 'last':
      return last;
    default:
      return acc;
  }
}

/** Every reporter's value, in declaration order. */
export function reporterValues(reporters: Reporters | undefined, series: SeriesStore): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [name, r] of Object.entries(reporters ?? {})) out[name] = reporterValue(r, series);
  return out;
}

/** A stop or reporter naming a metric this run does not record is the user's mistake, said before the run (ScenarioError). */
export function checkRecorded(scenario: { stop?: Stop | null; reporters?: Reporters; information?: { items?: { id: string }[] } }, names: readonly string[]): void {
  // Items' series are added as their items are seeded; their names are known from the scenario.
  const all = [...names, ...(scenario.information?.items ?? []).map((it) => `informed:${it.id}`)];
  const problems = unrecordedProblems(scenario, all);
  if (problems.length > 0) throw new ScenarioError(problems.join('\n'));
}
