// What the page says about a metric — its title in words, unit, description, whether
// it is recorded every tick (a chart) or once per run (the summary table), and which
// way is better — read from the engine's metric registry (each module declares its
// metrics once: engine/modules/metric-declaration.ts). Every label, unit and
// description the page shows goes through this file. What is the page's own is how
// a metric is drawn: flows per tick smoothed over 10 ticks, shares as %, a fixed top
// for shares and 0 – 1 means, and the order charts and table rows come in.
import { pageRegistry } from '../workers/page-modules.ts';
import { findDeclaration, type MetricDeclaration } from '../engine/modules/metric-declaration.ts';

export interface MetricInfo {
  /** The engine's name (shown to researchers in tooltips). */
  name: string;
  /** A title in words ("Work waiting", not `backlog`). */
  label: string;
  /** The unit of the numbers as drawn (after `scale`). */
  unit: string;
  description: string;
  /** A series recorded every tick, or a number computed once for the run. */
  per: 'tick' | 'run';
  /** Moving-average window in ticks for charts (noisy per-tick counts read better smoothed). */
  smooth?: number;
  /** Drawn values are the recorded ones times this (a share → %). */
  scale?: number;
  /** A fixed top of the y axis (shares: 100 %). */
  yMax?: number;
  /** Decimals worth showing (latency 12.4 ticks, not 12.3912). */
  digits: number;
  /** Which way is better, when one is (cards and the table colour differences). */
  better?: 'up' | 'down';
}

/** Series names the charts show first, in this order; others follow alphabetically. */
export const CHART_ORDER = [
  'backlog', 'resolved', 'latency', 'messages', 'missedCum', 'maxQueue', 'giantComponent', 'misinformed',
  'maxLoad', 'missed', 'resolvedCum', 'lost', 'engagementMean', 'serverQueue', 'vacancies', 'decisions', 'leadersActive', 'arrived', 'alive',
];

/** Per-run metrics the summary table shows first, in this order. */
export const SUMMARY_ORDER = [
  'resolvedRate', 'missed', 'latencyMean', 'qualityMean', 'messagesPerSituation', 'maxQueuePeak', 'loadGini', 'giantComponentMin',
  'misinformedPeak', 'misinformationClearedTick', 'recoveryTicks', 'duplicates', 'failed', 'staleOrders', 'lostOrders',
];

let declarations: readonly MetricDeclaration[] | null = null;
const declared = () => (declarations ??= pageRegistry().metricDeclarations());

function declaration(name: string, per: 'tick' | 'run'): MetricDeclaration | undefined {
  const all = declared();
  return findDeclaration(all.filter((d) => d.per === per), name) ?? findDeclaration(all, name);
}

/** How the page draws a declared metric. */
function drawn(d: MetricDeclaration, name: string): MetricInfo {
  // A template's item (`informed:<item>` for `informed:memo` → memo) goes into its words.
  const at = d.name.indexOf('<item>');
  const item = at < 0 ? '' : name.slice(at, name.length - (d.name.length - at - '<item>'.length));
  const words = (t: string) => t.replace('<item>', `“${item}”`);
  const info: MetricInfo = {
    name, per: d.per, label: words(d.label), unit: d.unit, description: words(d.description),
    digits: d.digits ?? (d.type === 'integer' ? 0 : 2),
  };
  if (d.higherIsBetter !== undefined) info.better = d.higherIsBetter ? 'up' : 'down';
  // A share is drawn as a percentage, up to 100 %.
  const share = /^share\b/.exec(d.unit);
  if (share) {
    info.scale = 100;
    info.unit = d.unit.replace(/^share/, '%');
    info.digits = Math.max(0, info.digits - 2);
    if (d.per === 'tick') info.yMax = 100;
  }
  if (/0 – 1/.test(d.unit) && d.per === 'tick') info.yMax = 1;
  // Flows per tick and per-tick means of a few events are noisy: drawn as a 10-tick mean.
  if (d.per === 'tick' && (/per tick/.test(d.unit) || (d.agg === 'mean' && d.nullable && d.unit === 'ticks'))) {
    info.smooth = 10;
    info.digits = Math.max(1, info.digits); // a mean of counts has a decimal worth showing
  }
  return info;
}

/** What the page says about metric `name` (a per-tick series unless `per` says otherwise). */
export function metricInfo(name: string, per: 'tick' | 'run' = 'tick'): MetricInfo {
  const d = declaration(name, per);
  if (d) return drawn(d, name);
  // A metric no module declares (a user's module without declarations): its name, so it still shows.
  return { name, per, label: name, unit: '', description: `The metric ${name} (no declaration).`, digits: 2 };
}

/** True when a module declares `name` (a per-tick series or a per-run number). */
export function isKnownMetric(name: string): boolean {
  return findDeclaration(declared(), name) !== undefined;
}

/** A number as the page prints it: the metric's precision, its scale, thousands separated. */
export function formatValue(info: MetricInfo, x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const v = x * (info.scale ?? 1);
  return v.toLocaleString('en', { maximumFractionDigits: info.digits, minimumFractionDigits: info.digits });
}

/** The order charts come in: CHART_ORDER first, then the rest (items' series after). */
export function chartOrder(names: Iterable<string>): string[] {
  const set = new Set(names);
  const first = CHART_ORDER.filter((n) => set.has(n));
  const rest = [...set].filter((n) => !CHART_ORDER.includes(n)).sort((a, b) => a.localeCompare(b));
  return [...first, ...rest];
}
