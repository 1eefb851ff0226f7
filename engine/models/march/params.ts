// March (1991)'s parameters, in his notation.
import { z } from 'zod';

const rate = (description: string) => z.number().min(0).max(1).meta({ description, unit: 'probability per period' });

export const marchParams = z.object({
  m: z.int().min(1).max(1000).default(30).meta({ description: 'dimensions of reality (each +1 or −1)', unit: 'dimensions' }),
  n: z.int().min(1).max(10_000).default(50).meta({ description: 'individuals in the organization', unit: 'individuals' }),
  p1: rate('socialization: chance per period and dimension that an individual moves one step toward a non-zero code').default(0.5),
  p2: rate('code learning: the code adopts the superior group\'s majority belief on a dimension with probability 1 − (1 − p2)^k, k the majority\'s margin').default(0.5),
  p3: rate('turnover: chance per period that an individual leaves and is replaced by a newcomer with random beliefs').default(0),
  p4: rate('turbulence: chance per period that a dimension of reality flips').default(0),
  fastLearners: z.int().min(0).max(10_000).default(0)
    .meta({ description: 'individuals who socialize at p1Fast instead of p1 (March\'s mix of fast and slow learners); the first ones', unit: 'individuals' }),
  p1Fast: rate('socialization rate of the fast learners').default(0.9),
}).refine((p) => p.fastLearners <= p.n, { path: ['fastLearners'], message: 'at most n fast learners (set march.fastLearners ≤ march.n)' });

export type MarchParams = z.output<typeof marchParams>;
