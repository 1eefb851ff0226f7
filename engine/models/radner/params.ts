// Radner (1993)'s parameters: n items to aggregate, P processors (managers).
import { z } from 'zod';

export const radnerParams = z.object({
  items: z.int().min(1).max(1_000_000).default(64)
    .meta({ description: 'n: items of data (raw observations) to aggregate in one shot', unit: 'items' }),
  processors: z.int().min(1).max(100_000).default(8)
    .meta({ description: 'P: processors (managers); each reads one item or one partial result per cycle', unit: 'processors' }),
}).refine((p) => p.processors <= p.items, { path: ['processors'], message: 'at most as many processors as items: an efficient network never has an idle processor (set radner.processors ≤ radner.items)' });

export type RadnerParams = z.output<typeof radnerParams>;
