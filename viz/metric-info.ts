// What the page says about a metric: its title in words, its unit, one line on what it
// measures, whether it is recorded every tick (a chart) or once per run (the summary
// table), and how it is drawn. Every label, unit and description the page shows goes
// through this one file (charts, focus charts, cards, the summary table, tooltips), so
// switching to the engine's metric registry (issue 10: name, label, unit, description,
// per tick or per run, aggregation) changes this file only. Until then the words below
// follow docs/ODD.md §7.6, which defines each metric.

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
  /** Which way is better, when one is (cards colour their differences). */
  better?: 'up' | 'down';
}

type Entry = Omit<MetricInfo, 'name' | 'per'>;

const TICK: Record<string, Entry> = {
  backlog: { label: 'Work waiting', unit: 'open situations', description: 'Situations that have arrived and are neither resolved nor missed yet.', digits: 0, better: 'down' },
  resolved: { label: 'Resolved per tick', unit: 'situations / tick', description: 'Situations resolved in the tick (drawn as a 10-tick mean).', smooth: 10, digits: 1, better: 'up' },
  latency: { label: 'Time to resolve', unit: 'ticks', description: 'Mean ticks from arrival to resolution of the situations resolved in the tick (drawn as a 10-tick mean).', smooth: 10, digits: 1, better: 'down' },
  messages: { label: 'Messages sent', unit: 'messages / tick', description: 'Messages sent in the tick, every kind counted (drawn as a 10-tick mean).', smooth: 10, digits: 0, better: 'down' },
  missedCum: { label: 'Missed so far', unit: 'situations', description: 'Situations whose deadline passed before anyone resolved them, since tick 0.', digits: 0, better: 'down' },
  resolvedCum: { label: 'Resolved so far', unit: 'situations', description: 'Situations resolved since tick 0.', digits: 0, better: 'up' },
  missed: { label: 'Missed per tick', unit: 'situations / tick', description: 'Situations whose deadline passed in the tick (drawn as a 10-tick mean).', smooth: 10, digits: 1, better: 'down' },
  maxQueue: { label: 'Longest inbox', unit: 'messages waiting', description: 'The most messages waiting in one person’s inbox at the end of the tick.', digits: 0, better: 'down' },
  maxLoad: { label: 'Busiest person’s load', unit: 'messages / tick', description: 'The most messages delivered to one person in the tick (drawn as a 10-tick mean).', smooth: 10, digits: 0, better: 'down' },
  giantComponent: { label: 'Still connected', unit: '% of people', description: 'The largest group of people who can still reach each other through informal ties, as a share of the people at the start.', scale: 100, yMax: 100, digits: 0, better: 'up' },
  misinformed: { label: 'Believe the rumour', unit: 'people', description: 'People who believe a false item now.', digits: 0, better: 'down' },
  engagementMean: { label: 'Engagement', unit: 'mean, 0 – 1', description: 'Mean engagement of the people still here (it grows with taking part, relaxes otherwise).', yMax: 1, digits: 2, better: 'up' },
  lost: { label: 'Messages lost', unit: 'messages / tick', description: 'Messages sent to someone who had left (drawn as a 10-tick mean).', smooth: 10, digits: 1, better: 'down' },
  arrived: { label: 'Arriving', unit: 'situations / tick', description: 'Situations arriving in the tick (drawn as a 10-tick mean).', smooth: 10, digits: 1 },
  leadersActive: { label: 'People leading', unit: 'people', description: 'People leading at least one situation now.', digits: 0 },
  serverQueue: { label: 'Head’s inbox', unit: 'messages waiting', description: 'Messages waiting in the inbox of the person who decides (the head).', digits: 0, better: 'down' },
  decisions: { label: 'Decisions per tick', unit: 'decisions / tick', description: 'Orders given by the deciders in the tick (drawn as a 10-tick mean).', smooth: 10, digits: 1 },
  vacancies: { label: 'Empty posts', unit: 'posts', description: 'Managers who left and are not replaced yet.', digits: 0, better: 'down' },
  alive: { label: 'People', unit: 'people', description: 'People in the organization now.', digits: 0 },
};

const RUN: Record<string, Entry> = {
  situations: { label: 'Situations', unit: 'situations', description: 'Situations that arrived during the run.', digits: 0 },
  resolved: { label: 'Resolved', unit: 'situations', description: 'Situations resolved during the run.', digits: 0, better: 'up' },
  failed: { label: 'Failed attempts', unit: 'attempts', description: 'Attempts that failed (the resolver’s skill fell short).', digits: 0, better: 'down' },
  missed: { label: 'Missed', unit: 'situations', description: 'Situations whose deadline passed.', digits: 0, better: 'down' },
  resolvedRate: { label: 'Share resolved', unit: '%', description: 'Resolved situations over those that arrived.', scale: 100, digits: 1, better: 'up' },
  latencyMean: { label: 'Time to resolve', unit: 'ticks', description: 'Mean ticks from arrival to resolution.', digits: 1, better: 'down' },
  latencyP50: { label: 'Time to resolve, median', unit: 'ticks', description: 'Median ticks from arrival to resolution.', digits: 1, better: 'down' },
  latencyP90: { label: 'Time to resolve, 90th percentile', unit: 'ticks', description: 'Nine resolutions in ten took at most this long.', digits: 1, better: 'down' },
  decisionLatencyMean: { label: 'Time to decide', unit: 'ticks', description: 'Mean ticks from arrival until someone was given or took the situation.', digits: 1, better: 'down' },
  qualityMean: { label: 'Quality of resolvers', unit: '0 – 1', description: 'The resolver’s skill against the best skill in the organization, on average.', digits: 2, better: 'up' },
  messagesPerSituation: { label: 'Messages per situation', unit: 'messages', description: 'Messages sent over situations that arrived.', digits: 1, better: 'down' },
  duplicates: { label: 'Duplicated work', unit: 'attempts', description: 'Attempts on a situation someone else was already leading.', digits: 0, better: 'down' },
  leadershipGini: { label: 'Inequality of leading', unit: 'Gini, 0 – 1', description: 'How unequally leading was shared (0: everyone led equally often).', digits: 2 },
  leadersShare: { label: 'Share who led', unit: '%', description: 'People who led at least once.', scale: 100, digits: 0 },
  engagementFinal: { label: 'Engagement at the end', unit: '0 – 1', description: 'Mean engagement at the last tick.', digits: 2, better: 'up' },
  misinformedPeak: { label: 'Most believers', unit: 'people', description: 'The most people believing a false item at once.', digits: 0, better: 'down' },
  misinformationClearedTick: { label: 'Rumour cleared at', unit: 'tick', description: 'The first tick after which nobody believed a false item (– if never).', digits: 0, better: 'down' },
  recoveryTicks: { label: 'Recovery after the first shock', unit: 'ticks', description: 'Ticks until the rolling resolved rate came back to 90 % of its level before the first network shock.', digits: 0, better: 'down' },
  messagesTotal: { label: 'Messages in all', unit: 'messages', description: 'Messages sent during the run.', digits: 0, better: 'down' },
  lostTotal: { label: 'Messages lost in all', unit: 'messages', description: 'Messages sent to someone who had left.', digits: 0, better: 'down' },
  maxLoadPeak: { label: 'Busiest person’s peak load', unit: 'messages / tick', description: 'The most messages delivered to one person in one tick.', digits: 0, better: 'down' },
  maxQueuePeak: { label: 'Longest inbox ever', unit: 'messages waiting', description: 'The most messages ever waiting in one inbox.', digits: 0, better: 'down' },
  loadGini: { label: 'Inequality of load', unit: 'Gini, 0 – 1', description: 'How unequally messages received were spread over people (0: equally; near 1: one person got them all).', digits: 2, better: 'down' },
  giantComponentMin: { label: 'Least connected', unit: '% of people', description: 'The smallest share of people in the largest connected group at any tick.', scale: 100, digits: 0, better: 'up' },
  serverQueuePeak: { label: 'Head’s longest inbox', unit: 'messages waiting', description: 'The most messages ever waiting for the head.', digits: 0, better: 'down' },
  decisionsTotal: { label: 'Decisions', unit: 'orders', description: 'Orders given during the run.', digits: 0 },
  delegatedDecisions: { label: 'Delegated decisions', unit: 'orders', description: 'Orders given by managers rather than the head.', digits: 0 },
  redecisions: { label: 'Decisions taken again', unit: 'orders', description: 'Situations decided again after an order was lost or failed.', digits: 0, better: 'down' },
  retries: { label: 'Retries', unit: 'attempts', description: 'Situations sent back for another resolver.', digits: 0 },
  lostOrders: { label: 'Orders lost', unit: 'orders', description: 'Orders that reached nobody (the resolver or a manager on the way had left).', digits: 0, better: 'down' },
  staleOrders: { label: 'Orders to people who left', unit: 'orders', description: 'Orders the head gave to people its directory still listed but who had left.', digits: 0, better: 'down' },
  successions: { label: 'Successions', unit: 'posts filled', description: 'Managers replaced after leaving.', digits: 0 },
  serverReads: { label: 'Head’s reading', unit: 'messages', description: 'Messages the head read during the run.', digits: 0 },
};

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

/** What the page says about metric `name` (a per-tick series unless `per` says otherwise). */
export function metricInfo(name: string, per: 'tick' | 'run' = 'tick'): MetricInfo {
  const known = (per === 'tick' ? TICK : RUN)[name] ?? (per === 'run' ? TICK : RUN)[name];
  if (known) return { name, per, ...known };
  const item = /^informed:(.+)$/.exec(name);
  if (item) return { name, per, label: `Heard “${item[1]}”`, unit: 'people', description: `People still here who have heard the item “${item[1]}”.`, digits: 0 };
  // A metric the page has no words for yet (a new module's): its name, so it still shows.
  return { name, per, label: name, unit: '', description: `The metric ${name}.`, digits: 2 };
}

/** True when the page has words for `name` as a per-tick series or a per-run number. */
export function isKnownMetric(name: string): boolean {
  return name in TICK || name in RUN || /^informed:./.test(name);
}

/** Known per-run metric names (the summary table's rows, when the run has them). */
export function runMetricNames(): string[] {
  return Object.keys(RUN);
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
