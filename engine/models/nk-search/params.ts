// Lazer & Friedman (2007)'s parameters: the NK landscape, the agents, and the
// network they search on — their linear, totally connected, random and
// small-world networks, and an organization's formal or informal layer (the
// bridge to MODEL.md's organization).
import { z } from 'zod';

const network = z.object({
  kind: z.enum(['linear', 'complete', 'random', 'small-world', 'formal', 'informal', 'formal+informal']).default('linear')
    .meta({ description: 'linear: a line, each agent tied to the next (the two ends to one), as in Lazer & Friedman; complete: everyone; random: ties at random (meanDegree); small-world: the ring with a share p of ties rewired; formal / informal / formal+informal: the layers of one organization built by the engine\'s generators', unit: 'kind' }),
  meanDegree: z.number().min(0).max(1000).default(2).meta({ description: 'random: mean ties per agent (2 = the linear network\'s density)', unit: 'ties per agent' }),
  p: z.number().min(0).max(1).default(0.1).meta({ description: 'small-world: share of ring ties rewired', unit: 'probability' }),
  k: z.int().min(2).max(1000).default(2).meta({ description: 'small-world: ring neighbours per agent before rewiring (2 = the linear network)', unit: 'ties per agent' }),
  span: z.int().min(2).max(1000).default(5).meta({ description: 'formal: reports per manager of the hierarchy', unit: 'reports' }),
  informal: z.object({ kind: z.string() }).catchall(z.unknown()).default({ kind: 'small-world', k: 6, p: 0.1 })
    .meta({ description: 'informal: the organization\'s informal layer, as organization.informal (small-world, matrix, multiscale, …)', unit: 'layer' }),
}).default({ kind: 'linear', meanDegree: 2, p: 0.1, k: 2, span: 5, informal: { kind: 'small-world', k: 6, p: 0.1 } });

export const nkSearchParams = z.object({
  N: z.int().min(1).max(24).default(20).meta({ description: 'N: bits of a solution (the landscape has 2^N solutions, all scored at setup)', unit: 'bits' }),
  K: z.int().min(0).max(23).default(5).meta({ description: 'K: other bits each bit\'s contribution depends on (ruggedness)', unit: 'bits' }),
  agents: z.int().min(2).max(100_000).default(100).meta({ description: 'agents searching in parallel', unit: 'agents' }),
  power: z.number().min(1).max(64).default(8).meta({ description: 'scores are (fitness / the landscape\'s maximum) raised to this power, as Lazer & Friedman do', unit: 'exponent' }),
  update: z.enum(['synchronous', 'sequential']).default('synchronous')
    .meta({ description: 'synchronous: every agent acts on the previous round\'s solutions (as the replications do); sequential: agents act in turn on the solutions as updated', unit: 'kind' }),
  network,
}).refine((p) => p.K < p.N, { path: ['K'], message: 'K must be below N (set nk-search.K ≤ nk-search.N − 1)' });

export type NkSearchParams = z.output<typeof nkSearchParams>;
export type NetworkParams = NkSearchParams['network'];
