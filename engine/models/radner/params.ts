// Radner (1993)'s parameters: n items to aggregate, P processors (managers).
import { z } from 'zod';

export const radnerParams = z.object({
  items: z.int().min(1).max(1_000_000).default(64)
    .meta({ description: 'n: items of data (raw observations) to aggregate in one shot', unit: 'items' }),
  processors: z.int().min(1).max(100_000).default(8)
    .meta({ description: 'P: processors (managers); each reads one item or one partial result per cycle', unit: 'processors' }),
  network: z.enum(['efficient', 'chart']).default('efficient')
    .meta({ description: "efficient: Radner's network, which forms whatever hierarchy combines fastest; chart (the bridge to the organization model): the processors are the managers of a fixed chart of command of span radner.span, each reading its own share of the items and its direct reports' subtotals", unit: 'kind' }),
  span: z.int().min(1).max(100_000).default(5)
    .meta({ description: 'the chart\'s span of control, as organization.formal.span (used when radner.network is chart)', unit: 'reports per manager' }),
}).refine((p) => p.processors <= p.items, { path: ['processors'], message: 'at most as many processors as items: an efficient network never has an idle processor (set radner.processors ≤ radner.items)' });

export type RadnerParams = z.output<typeof radnerParams>;
