// A metric as every reader sees it — the CLI table, `run --json`, sweeps' columns,
// the codebook and the page's cards and charts — declared once, by the module
// that computes it.

/** How a per-tick series turns into one number over ticks (sweeps' `every` windows, reporters, charts). */
export type Aggregation = 'sum' | 'mean' | 'max' | 'min' | 'last';

export interface MetricDeclaration {
  /** The name in outputs (series rows, JSON keys, CSV columns). A template holds `<item>`. */
  readonly name: string;
  /** Words for a chart title or a table row ("Work waiting"). */
  readonly label: string;
  /** The unit, in words ("situations", "ticks", "share of people", "messages per tick"). */
  readonly unit: string;
  /** One or two sentences: what it counts and when. */
  readonly description: string;
  /** Recorded every tick (a series) or once per run (a summary). */
  readonly per: 'tick' | 'run';
  /** How the series aggregates over a window (per-tick metrics). */
  readonly agg?: Aggregation;
  /** The value type in files. */
  readonly type: 'integer' | 'number';
  /** Digits after the point the page shows (default: 0 for integers, 2 otherwise). */
  readonly digits?: number;
  /** True when more is better (the page colours differences); undefined when neither. */
  readonly higherIsBetter?: boolean;
  /** True when the value may be null (e.g. latency with nothing resolved). */
  readonly nullable?: boolean;
}

/** The concrete name of a template metric for one item (`informed:<item>` → `informed:memo`). */
export function metricNameFor(template: string, item: string): string {
  return template.replace('<item>', item);
}

/** The declaration a concrete name comes from (`informed:memo` → `informed:<item>`), or undefined. */
export function findDeclaration(declarations: readonly MetricDeclaration[], name: string): MetricDeclaration | undefined {
  for (const d of declarations) {
    if (d.name === name) return d;
    const at = d.name.indexOf('<item>');
    if (at >= 0 && name.startsWith(d.name.slice(0, at)) && name.endsWith(d.name.slice(at + '<item>'.length))) return d;
  }
  return undefined;
}
