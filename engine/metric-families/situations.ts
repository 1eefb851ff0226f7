// The situation family (MODEL.md §8): arrivals, resolutions, misses, backlog,
// latency, quality, duplicates, leadership — for ways of working that handle
// situations. The numbers come from situation-metrics.ts over the situation table.
import { recordSituationSeries, summarizeSituations } from '../situation-metrics.ts';
import { API_VERSION, type MetricFamilyModule } from '../modules/types.ts';
import type { MetricDeclaration } from '../modules/metric-declaration.ts';

const series: MetricDeclaration[] = [
  { name: 'arrived', label: 'Situations arriving', unit: 'situations per tick', description: 'Situations that arrived in the tick.', per: 'tick', agg: 'sum', type: 'integer' },
  { name: 'resolved', label: 'Resolved per tick', unit: 'situations per tick', description: 'Situations resolved in the tick (a resolver finished the work and succeeded).', per: 'tick', agg: 'sum', type: 'integer', higherIsBetter: true },
  { name: 'missed', label: 'Missed per tick', unit: 'situations per tick', description: 'Situations that passed their deadline unresolved in the tick.', per: 'tick', agg: 'sum', type: 'integer', higherIsBetter: false },
  { name: 'backlog', label: 'Work waiting', unit: 'open situations', description: 'Situations open (arrived, neither resolved nor missed) at the end of the tick.', per: 'tick', agg: 'mean', type: 'integer', higherIsBetter: false },
  { name: 'resolvedCum', label: 'Resolved so far', unit: 'situations', description: 'Situations resolved from the start to the end of the tick.', per: 'tick', agg: 'last', type: 'integer', higherIsBetter: true },
  { name: 'missedCum', label: 'Late so far', unit: 'situations', description: 'Situations missed from the start to the end of the tick.', per: 'tick', agg: 'last', type: 'integer', higherIsBetter: false },
  { name: 'latency', label: 'Time to resolve', unit: 'ticks', description: 'Mean ticks from arrival to resolution of the situations resolved in the tick (null if none).', per: 'tick', agg: 'mean', type: 'number', digits: 1, higherIsBetter: false, nullable: true },
  { name: 'engagementMean', label: 'Engagement', unit: 'mean, 0 – 1', description: 'Mean engagement of the people alive.', per: 'tick', agg: 'mean', type: 'number', digits: 2, higherIsBetter: true, nullable: true },
  { name: 'leadersActive', label: 'People leading', unit: 'people', description: 'People leading at least one attempt at the end of the tick.', per: 'tick', agg: 'mean', type: 'integer' },
];

const summary: MetricDeclaration[] = [
  { name: 'situations', label: 'Situations', unit: 'situations', description: 'Situations that arrived over the run.', per: 'run', type: 'integer' },
  { name: 'resolved', label: 'Resolved', unit: 'situations', description: 'Situations resolved over the run.', per: 'run', type: 'integer', higherIsBetter: true },
  { name: 'failed', label: 'Failed attempts', unit: 'attempts', description: 'Attempts that finished the work and failed (the situation was open again).', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'missed', label: 'Missed', unit: 'situations', description: 'Situations that passed their deadline unresolved.', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'resolvedRate', label: 'Share resolved', unit: 'share of situations', description: 'resolved / situations.', per: 'run', type: 'number', digits: 2, higherIsBetter: true, nullable: true },
  { name: 'latencyMean', label: 'Time to resolve', unit: 'ticks', description: 'Mean ticks from arrival to resolution.', per: 'run', type: 'number', digits: 1, higherIsBetter: false, nullable: true },
  { name: 'latencyP50', label: 'Time to resolve (median)', unit: 'ticks', description: 'Median ticks from arrival to resolution.', per: 'run', type: 'number', digits: 1, higherIsBetter: false, nullable: true },
  { name: 'latencyP90', label: 'Time to resolve (90th percentile)', unit: 'ticks', description: '90th percentile of ticks from arrival to resolution.', per: 'run', type: 'number', digits: 1, higherIsBetter: false, nullable: true },
  { name: 'decisionLatencyMean', label: 'Time to a leader', unit: 'ticks', description: 'Mean ticks from arrival to a leader being chosen.', per: 'run', type: 'number', digits: 1, higherIsBetter: false, nullable: true },
  { name: 'qualityMean', label: 'Resolver quality', unit: 'share of the best skill', description: 'Mean of the resolver\'s skill over the best skill alive in that domain, over resolutions.', per: 'run', type: 'number', digits: 2, higherIsBetter: true, nullable: true },
  { name: 'messagesPerSituation', label: 'Messages per situation', unit: 'messages', description: 'messagesTotal / situations.', per: 'run', type: 'number', digits: 1, higherIsBetter: false, nullable: true },
  { name: 'duplicates', label: 'Duplicate leaders', unit: 'attempts', description: 'Leaders who claimed a situation someone else already led.', per: 'run', type: 'integer', higherIsBetter: false },
  { name: 'leadershipGini', label: 'Leadership inequality', unit: 'Gini (0 equal – 1 one has all)', description: 'Gini coefficient over alive people of the times each led.', per: 'run', type: 'number', digits: 2 },
  { name: 'leadersShare', label: 'Share who led', unit: 'share of people', description: 'Alive people who led at least once.', per: 'run', type: 'number', digits: 2, nullable: true },
  { name: 'engagementFinal', label: 'Final engagement', unit: 'mean, 0 – 1', description: 'engagementMean at the last tick.', per: 'run', type: 'number', digits: 2, higherIsBetter: true, nullable: true },
];

const situations: MetricFamilyModule = {
  kind: 'metrics',
  name: 'situations',
  apiVersion: API_VERSION,
  description: 'Situations arriving, resolved, missed and waiting; latency, quality, duplicates and leadership.',
  metrics: [...series, ...summary],
  appliesTo: (_scenario, protocol) => protocol.handlesSituations === true,
  record: recordSituationSeries,
  summarize: summarizeSituations,
};
export default situations;
