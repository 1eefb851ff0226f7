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
  structure: z.object({
    kind: z.enum(['code', 'chain', 'peers']).default('code')
      .meta({ description: "who socializes whom: code (March: everyone learns from the code), chain (the bridge: the code is the head's directory; the head learns from it, everyone else from their manager), peers (everyone moves toward the majority of their informal ties; the code teaches no one)", unit: 'kind' }),
    span: z.int().min(1).max(10_000).default(5).meta({ description: 'span of the chain of command, as organization.formal.span (chain)', unit: 'reports per manager' }),
    k: z.int().min(2).max(100).default(6).meta({ description: 'informal ties per person, as organization.informal.k (peers)', unit: 'ties' }),
    learnFrom: z.enum(['better', 'all']).default('better').meta({ description: "peers: whose beliefs pull a person — the ties who performed better than it this period (better), or all its ties (all: the control that removes learning from performance)", unit: 'kind' }),
    rewire: z.number().min(0).max(1).default(0.1).meta({ description: 'share of informal ties rewired at random, as organization.informal.p (peers)', unit: 'probability' }),
  }).default({ kind: 'code', span: 5, k: 6, learnFrom: 'better', rewire: 0.1 }),
  leavers: z.object({
    at: z.int().min(0).default(50).meta({ description: 'first period at which people leave', unit: 'periods' }),
    every: z.int().min(1).default(10).meta({ description: 'periods between departures', unit: 'periods' }),
    until: z.int().min(0).default(1_000_000).meta({ description: 'last period at which people may leave', unit: 'periods' }),
    count: z.int().min(0).default(0).meta({ description: 'people who leave each time (drawn at random), each replaced in place by a newcomer with random beliefs: the turnover scenario\'s remove-nodes and add-nodes shocks', unit: 'people' }),
  }).default({ at: 50, every: 10, until: 1_000_000, count: 0 }),
}).refine((p) => p.leavers.count <= p.n, { path: ['leavers', 'count'], message: 'at most n people can leave at once (set march.leavers.count ≤ march.n)' })
  .refine((p) => p.fastLearners <= p.n, { path: ['fastLearners'], message: 'at most n fast learners (set march.fastLearners ≤ march.n)' });

export type MarchParams = z.output<typeof marchParams>;
