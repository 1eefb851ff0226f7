// The keys of the organization model's own sections (MODEL.md §4, §6, §8): the
// people, the environment that sends situations, the information layer, the
// metrics' sampling. Modules add their keys to these sections through their
// declarations (registry.ts merges them); these are the keys no single way of
// working owns.
import { z } from 'zod';
import { MAX_DOMAINS, MAX_RATE, MAX_TICKS, count, domainIndex, domainWeights, integer, itemId, param, personId, probability, tickNumber } from './blocks.ts';

const skillSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('uniform') }),
    z.strictObject({
      kind: z.literal('beta'),
      a: z.number().gt(0).max(1000),
      b: z.number().gt(0).max(1000),
    }),
    z.strictObject({ kind: z.literal('specialists') }),
  ])
  .default({ kind: 'uniform' })
  .describe('skill per domain: uniform on [0, 1], beta(a, b), or specialists');

export const populationKeys = {
  domains: param(integer(1, MAX_DOMAINS).default(4), 'domains', 'D, the domains of skill'),
  skill: skillSchema,
  capacity: param(integer(1, 1000).default(4), 'messages per tick', 'messages read per tick (before engagement)'),
  concurrent: param(integer(1, 1000).default(1), 'situations', 'situations a person works on at once'),
  engagement: param(probability().default(0.6), 'share', 'initial engagement in [0, 1]'),
  engagementDynamics: param(z.boolean().default(true), 'on/off', 'false freezes engagement'),
  engagementGain: param(probability().default(0.05), 'per situation', 'engagement gained per situation taken part in'),
  engagementDecay: param(probability().default(0.01), 'per tick', 'relaxation toward the initial engagement per tick'),
  logisticScale: param(z.number().gt(0).max(10).default(0.1), 'skill units', 'the scale s of the success probability 1 / (1 + exp(−(q − h) / s)) (v1 fixes 0.1)', 2),
};

const difficultySchema = z
  .strictObject({
    min: param(probability().default(0), 'skill units', 'the easiest situation'),
    max: param(probability().default(1), 'skill units', 'the hardest situation'),
  })
  .superRefine((d, ctx) => {
    if (d.min > d.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['min'],
        message: `expected min <= max (${d.max}), got ${d.min}; lower "min" or raise "max"`,
        input: d,
      });
    }
  });

export const environmentKeys = {
  rate: param(
    z.number().min(0).max(MAX_RATE).default(1),
    'situations per tick',
    'situations per tick (Poisson); 0 = none. Default 1 (an organization with work to do)',
  ),
  domainWeights: domainWeights().optional().describe('relative frequency of each domain, one per domain; default equal'),
  difficulty: difficultySchema.prefault({}).describe('difficulty h drawn uniformly in [min, max]'),
  origin: param(z.enum(['uniform', 'leaves']).default('uniform'), 'choice', 'where situations arise'),
  ratePerPerson: param(
    z.number().min(0).max(1).nullable().default(null),
    'situations per person per tick',
    'when set, rate = ratePerPerson × organization.size (so a sweep can cross load with size)',
    2,
  ),
  deadline: param(integer(1, MAX_TICKS).default(40), 'ticks', 'ticks from arrival until a situation is missed'),
  workTicks: param(integer(1, MAX_TICKS).default(5), 'ticks', 'ticks of work a resolution takes'),
};

/** How an item spreads (MODEL.md §6); also a misinformation shock's `spread`. */
export const spreadSchema = z
  .strictObject({
    mode: param(z.enum(['push', 'pull', 'push-pull', 'flood']).default('push'), 'choice', 'how informed people pass the item on'),
    fanout: param(integer(1, 1000).default(1), 'people per tick', 'push: neighbours informed per tick'),
    beta: param(probability().default(1), 'probability', 'flood: probability of informing each neighbour'),
    stifle: param(probability().default(0), 'probability', 'γ: probability of stopping after acting'),
  })
  .prefault({});

const itemSchema = z
  .strictObject({
    id: itemId,
    truth: z.boolean().default(true),
    domain: domainIndex().default(0),
    at: tickNumber().default(0).describe('tick the item is seeded'),
    seeds: z.array(personId).min(1).max(100_000).optional().describe('who knows it first (ids)'),
    seedCount: count().optional().describe('or how many, drawn at random (default 1)'),
    spread: spreadSchema,
  })
  .transform((item, ctx) => {
    if (item.seeds !== undefined && item.seedCount !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['seedCount'],
        message: `give "seeds" (ids) or "seedCount", not both, got both; remove one`,
        input: item,
      });
      return z.NEVER;
    }
    const seeds = item.seeds ?? null;
    return { ...item, seeds, seedCount: seeds !== null ? seeds.length : (item.seedCount ?? 1) };
  });

export const informationKeys = {
  verifyThreshold: param(probability().default(0.7), 'skill units', 'skill needed to detect a falsehood'),
  verify: param(probability().default(0.1), 'per tick', 'probability per tick of detecting it'),
  acceptPeer: param(probability().default(0.5), 'probability', "a believer accepts a peer's correction"),
  acceptOfficial: param(probability().default(0.9), 'probability', 'a believer accepts an official correction'),
  grapevine: param(probability().default(0.3), 'probability', 'under an official channel (client-server): probability a peer contact happens'),
  items: z.array(itemSchema).max(256).default([]),
};

/** Protocol keys the information layer reads, whatever the way of working. */
export const informationProtocolKeys = {
  capacityLimited: param(
    z.boolean().default(true),
    'on/off',
    'false = the textbook information model (contacts take effect at once, cost no capacity)',
  ),
};

export const metricsKeys = {
  recoveryWindow: param(integer(1, MAX_TICKS).default(20), 'ticks', 'ticks in the rolling resolved rate'),
};
