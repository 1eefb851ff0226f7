// The scenario file: its zod schema, with every key, range and default of
// CONTRACT.md's table and MODEL.md, the cross-field checks, and the work limits.
//
// `Scenario` (the parsed output) has every default filled in, so the engine never
// guesses: `organization.informal` is always present (`same-as-formal` when a
// formal tree exists), `organization.formal` is `null` for a flat organization,
// `environment.domainWeights` is a list of `population.domains` weights (equal by
// default), `protocol.factCheck` is a number (`information.verify` unless set) and
// `protocol.thresholdMin` is 0.2, or θ when θ is below that, unless set.
// `organization.size` is `undefined` only when a `file` layer gives it; the engine
// then calls `problemsForSize(scenario, n)` once it has read the file.
import { z } from 'zod';

/** Ranges that are not plain defaults: the largest values a scenario may ask for. */
export const MAX_SIZE = 10_000_000;
export const MAX_TICKS = 1_000_000;
export const MAX_SEED = 2 ** 32 - 1;
export const MAX_DOMAINS = 64;
export const MAX_RATE = 10_000;

/**
 * Work limits: beyond these a laptop cannot finish (or the memory runs out), so
 * the scenario is refused with the limit named instead of being left to crash.
 */
export const LIMITS = {
  /** People (including every hire by `add-nodes`). */
  people: MAX_SIZE,
  /** People × ticks: the per-tick loops visit every person. */
  personTicks: 2_000_000_000,
  /** Expected situations over the run (rate × ticks, plus surges). */
  situations: 50_000_000,
  /** Ties a generator materializes (n·k/2, n·m, n·meanDegree/2, …); `complete` is implicit. */
  ties: 50_000_000,
  /** People × domains: the skill table (Float32 → 400 MB at the limit). */
  skillEntries: 100_000_000,
  /** People × (items + misinformation shocks): the per-item state. */
  personItems: 200_000_000,
} as const;

// ---------------------------------------------------------------- building blocks

const integer = (min: number, max: number) => z.int().min(min).max(max);
const probability = () => z.number().min(0).max(1);
const tickNumber = () => integer(0, MAX_TICKS);
const count = (max = MAX_SIZE) => integer(1, max);

/**
 * A person: an index 0 … n−1, or, in an organization read from a file, the
 * file's own id (a string, or a number compared as text).
 */
const personId = z.union([integer(0, MAX_SIZE * 2), z.string().min(1).max(200)]);
export type PersonId = z.output<typeof personId>;

/** Item ids name series (`informed:<id>`) and CSV columns: a short word. */
const itemId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
    error: 'expected a short id (letters, digits, "_", "-", "." — at most 64, starting with a letter or digit)',
  });

/** Labels appear in tables and CSV columns: no commas, quotes or line breaks. */
const label = z.string().regex(/^[^,"\r\n]{1,64}$/, {
  error: 'expected a label of 1 … 64 characters without commas, quotes or line breaks',
});

const dataPath = z.string().min(1).max(4096);

const domainIndex = () => integer(0, MAX_DOMAINS - 1);
const domainWeights = () => z.array(z.number().min(0).max(1e9)).min(1).max(MAX_DOMAINS);

// ---------------------------------------------------------------- organization

const hierarchySchema = z.strictObject({
  kind: z.literal('hierarchy'),
  span: integer(2, 1000).describe('reports per manager: a balanced tree filled breadth-first, node 0 is the root'),
});

const formalFileSchema = z.strictObject({
  kind: z.literal('file'),
  nodes: dataPath.optional().describe('nodes file (CSV or JSON), relative to the scenario; a `parent` column builds the tree'),
  edges: dataPath.optional().describe('edges file: arcs from each person to their manager (source reports to target)'),
});

const formalSchema = z
  .discriminatedUnion('kind', [hierarchySchema, formalFileSchema])
  .describe('the chain of command, always a tree; null or absent = a flat organization');

/** `lambda`/`zeta` of Dodds–Watts–Sabel: a positive length, or null = ∞. */
const lengthOrInfinity = () => z.union([z.number().gt(0).max(1e6), z.null()]).default(null);

const informalSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('same-as-formal') }),
    z.strictObject({
      kind: z.literal('matrix'),
      lateral: probability().describe('probability of a tie between two people on the same level'),
    }),
    z.strictObject({
      kind: z.literal('multiscale'),
      extra: integer(0, LIMITS.ties).describe('extra ties added to the formal tree'),
      lambda: lengthOrInfinity().describe('λ: preference for close ranks (null = ∞, none)'),
      zeta: lengthOrInfinity().describe('ζ: preference for close teams (null = ∞, none)'),
    }),
    z.strictObject({
      kind: z.literal('small-world'),
      k: integer(2, MAX_SIZE - 1).describe('ring neighbours (even, < n)'),
      p: probability().describe('rewiring probability'),
    }),
    z.strictObject({
      kind: z.literal('scale-free'),
      m: integer(1, MAX_SIZE - 1).describe('ties per newcomer (preferential attachment), < n'),
    }),
    z.strictObject({
      kind: z.literal('random'),
      meanDegree: z.number().min(0).max(MAX_SIZE - 1).describe('expected ties per person, ≤ n − 1'),
    }),
    z.strictObject({
      kind: z.literal('lattice'),
      width: integer(1, MAX_SIZE),
      height: integer(1, MAX_SIZE),
      wrap: z.boolean().default(false).describe('torus: the edges wrap around'),
    }),
    z.strictObject({ kind: z.literal('complete') }),
    z.strictObject({
      kind: z.literal('file'),
      nodes: dataPath.optional().describe('nodes file (CSV or JSON), relative to the scenario'),
      edges: dataPath.describe('edges file (CSV `source,target` or JSON), relative to the scenario'),
      directed: z.boolean().default(false).describe('false: the union of arcs as undirected ties'),
    }),
  ])
  .describe('who actually talks to whom; default same-as-formal when a formal tree exists');

type FormalLayer = z.output<typeof formalSchema>;
type InformalLayer = z.output<typeof informalSchema>;

/** The informal kinds that add ties to (or copy) the formal tree. */
const BUILDS_ON_TREE: ReadonlySet<string> = new Set(['same-as-formal', 'matrix', 'multiscale']);

const organizationSchema = z
  .strictObject({
    size: integer(2, MAX_SIZE)
      .optional()
      .describe('n, the number of people (taken from the file for `file` layers, from width × height for a lattice)'),
    formal: formalSchema.nullable().optional(),
    informal: informalSchema.optional(),
  })
  .transform((o, ctx): { size: number | undefined; formal: FormalLayer | null; informal: InformalLayer } => {
    const formal = o.formal ?? null;
    const hasFile = formal?.kind === 'file' || o.informal?.kind === 'file';
    let size = o.size;
    let ok = true;
    const problem = (path: (string | number)[], message: string) => {
      ctx.addIssue({ code: 'custom', path, message, input: o });
      ok = false;
    };
    if (o.informal?.kind === 'lattice' && size === undefined) {
      size = o.informal.width * o.informal.height;
      if (size < 2 || size > MAX_SIZE) {
        problem(['informal'], `a lattice of width × height = ${size} people is outside 2 … ${MAX_SIZE.toLocaleString('en-US')}; change "width" or "height"`);
      }
    }
    if (size === undefined && !hasFile) {
      problem(['size'], 'expected an integer >= 2, got nothing; add "size" (the number of people), or use a "file" layer that lists them');
    }
    let informal = o.informal;
    if (informal === undefined) {
      if (formal !== null) informal = { kind: 'same-as-formal' };
      else {
        problem(
          ['informal'],
          'a flat organization (no "formal" tree) needs an informal layer, got nothing; add e.g. "informal": {"kind": "small-world", "k": 6, "p": 0.1}, or a "formal": {"kind": "hierarchy", "span": 5}',
        );
      }
    } else if (formal === null && BUILDS_ON_TREE.has(informal.kind)) {
      problem(
        ['informal', 'kind'],
        `"${informal.kind}" builds on the formal tree, but the organization is flat; add "formal": {"kind": "hierarchy", "span": 5}, or choose a kind that stands alone ("small-world", "scale-free", "random", "lattice", "complete", "file")`,
      );
    }
    if (formal?.kind === 'file' && formal.nodes === undefined && formal.edges === undefined) {
      problem(['formal'], 'a formal "file" layer needs "nodes" (with a "parent" column) or "edges" (person → manager), got neither; add one');
    }
    if (informal !== undefined && size !== undefined) {
      for (const p of organizationSizeProblems({ formal, informal }, size)) problem(p.path.slice(1), p.message);
    }
    if (!ok || informal === undefined) return z.NEVER;
    return { size, formal, informal };
  });

// ---------------------------------------------------------------- population, environment

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

const populationSchema = z.strictObject({
  domains: integer(1, MAX_DOMAINS).default(4).describe('D, the domains of skill'),
  skill: skillSchema,
  capacity: integer(1, 1000).default(4).describe('messages read per tick (before engagement)'),
  concurrent: integer(1, 1000).default(1).describe('situations a person works on at once'),
  engagement: probability().default(0.6).describe('initial engagement in [0, 1]'),
  engagementDynamics: z.boolean().default(true).describe('false freezes engagement'),
  engagementGain: probability().default(0.05).describe('engagement gained per situation taken part in'),
  engagementDecay: probability().default(0.01).describe('relaxation toward the initial engagement per tick'),
});

const difficultySchema = z
  .strictObject({ min: probability().default(0), max: probability().default(1) })
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

const environmentSchema = z.strictObject({
  rate: z
    .number()
    .min(0)
    .max(MAX_RATE)
    .default(1)
    .describe('situations per tick (Poisson); 0 = none. Default 1 (an organization with work to do)'),
  domainWeights: domainWeights()
    .optional()
    .describe('relative frequency of each domain, one per domain; default equal'),
  difficulty: difficultySchema.prefault({}).describe('difficulty h drawn uniformly in [min, max]'),
  origin: z.enum(['uniform', 'leaves']).default('uniform').describe('where situations arise'),
  deadline: integer(1, MAX_TICKS).default(40).describe('ticks from arrival until a situation is missed'),
  workTicks: integer(1, MAX_TICKS).default(5).describe('ticks of work a resolution takes'),
});

// ---------------------------------------------------------------- protocol

const trustSchema = z.strictObject({
  initial: probability().default(0.5).describe('trust of every tie at the start'),
  gain: probability().default(0.1).describe('trust gained on a success'),
  loss: probability().default(0.2).describe('trust lost on a failure'),
});

const protocolSchema = z
  .strictObject({
    kind: z
      .enum(['client-server', 'p2p', 'steward', 'gossip'])
      .default('p2p')
      .describe('the way of working; the object may hold every kind\'s keys, each kind reads its own'),
    // client-server
    reviewPeriod: integer(1, MAX_TICKS).default(50).describe('client-server: ticks between directory refreshes'),
    successionDelay: integer(0, MAX_TICKS).default(20).describe('client-server: ticks until a removed manager is replaced'),
    decideAt: z.enum(['root', 'manager']).default('root').describe('client-server: who decides (manager = delegation)'),
    server: personId
      .nullable()
      .default(null)
      .describe('client-server in a flat organization: the deciding person; null = highest informal degree'),
    // p2p and steward
    threshold: probability().default(0.6).describe('θ: skill needed to lead'),
    thresholdMin: probability()
      .optional()
      .describe('θ falls to this as the deadline nears; default 0.2 (or θ, when θ < 0.2)'),
    fanout: integer(1, 1000).default(3).describe('neighbours a call goes to'),
    ttl: integer(0, 1000).default(4).describe('hops a call is forwarded'),
    recall: integer(1, MAX_TICKS).default(5).describe('ticks without a leader before the origin calls again'),
    team: z.boolean().default(false).describe('leaders recruit free neighbours (team skill = max)'),
    repair: probability().default(0.5).describe('probability a removed person\'s neighbour ties to another of them'),
    repairDelay: integer(0, MAX_TICKS).default(10).describe('ticks before repair ties form'),
    trust: trustSchema.prefault({}),
    // steward
    stewards: z
      .union([integer(0, MAX_SIZE), z.array(personId).max(100_000)])
      .default(3)
      .describe('steward: how many (top of the formal tree, or highest betweenness when flat), or a list of ids'),
    period: integer(1, MAX_TICKS).default(10).describe('steward: ticks between rounds of network care'),
    budget: integer(0, 1_000_000).default(2).describe('steward: new ties per steward per period'),
    factCheck: probability()
      .nullable()
      .optional()
      .describe('steward: probability per tick of verifying a rumour heard; default information.verify'),
    capacityLimited: z
      .boolean()
      .default(true)
      .describe('false = the textbook information model (contacts take effect at once, cost no capacity)'),
  })
  .transform((p, ctx) => {
    // A θ below the usual floor brings the floor down with it, unless the floor is written.
    const thresholdMin = p.thresholdMin ?? Math.min(0.2, p.threshold);
    if (thresholdMin > p.threshold) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholdMin'],
        message: `expected thresholdMin <= threshold (${p.threshold}), got ${thresholdMin}; θ only falls as the deadline nears, so lower thresholdMin or raise threshold`,
        input: p,
      });
      return z.NEVER;
    }
    return { ...p, thresholdMin };
  });

// ---------------------------------------------------------------- information

const spreadSchema = z
  .strictObject({
    mode: z.enum(['push', 'pull', 'push-pull', 'flood']).default('push'),
    fanout: integer(1, 1000).default(1).describe('push: neighbours informed per tick'),
    beta: probability().default(1).describe('flood: probability of informing each neighbour'),
    stifle: probability().default(0).describe('γ: probability of stopping after acting'),
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

const informationSchema = z.strictObject({
  verifyThreshold: probability().default(0.7).describe('skill needed to detect a falsehood'),
  verify: probability().default(0.1).describe('probability per tick of detecting it'),
  acceptPeer: probability().default(0.5).describe('a believer accepts a peer\'s correction'),
  acceptOfficial: probability().default(0.9).describe('a believer accepts an official correction'),
  grapevine: probability().default(0.3).describe('client-server: probability a peer contact happens'),
  items: z.array(itemSchema).max(256).default([]),
});

// ---------------------------------------------------------------- shocks

const removeNodesBody = {
  kind: z.literal('remove-nodes'),
  target: z.enum(['random', 'degree', 'betweenness', 'top', 'ids']),
  count: count().optional(),
  fraction: z.number().gt(0).max(1).optional(),
  ids: z.array(personId).min(1).max(1_000_000).optional(),
  recalculate: z.boolean().default(false).describe('re-rank after each removal'),
};
const addNodesBody = { kind: z.literal('add-nodes'), count: count() };
const misinformationBody = {
  kind: z.literal('misinformation'),
  id: itemId,
  seedCount: count().default(1),
  domain: domainIndex().default(0),
  spread: spreadSchema,
};
const environmentShiftBody = {
  kind: z.literal('environment-shift'),
  rate: z.number().min(0).max(MAX_RATE).optional(),
  domainWeights: domainWeights().optional(),
  over: integer(0, MAX_TICKS).default(0).describe('ticks to ramp linearly to the new values'),
};
const surgeBody = { kind: z.literal('surge'), count: count(1_000_000).describe('situations arriving at once') };
const partitionBody = {
  kind: z.literal('partition'),
  groups: z
    .union([
      z.array(z.array(personId).min(1)).min(2),
      z.strictObject({ attribute: z.string().min(1).max(200) }),
      z.strictObject({ level: integer(1, 1000) }),
    ])
    .default({ level: 1 })
    .describe('id lists, a node column of a file ({attribute}), or the subtrees at a formal level ({level})'),
};
const reconnectBody = { kind: z.literal('reconnect') };

const timing = {
  at: tickNumber().describe('tick of the (first) shock'),
  every: integer(1, MAX_TICKS).optional().describe('repeat every k ticks'),
  until: tickNumber().optional().describe('last tick of the repetition (default: the end)'),
};

/** The keys the shock checks read, common to every kind (all optional). */
interface ShockLike {
  kind: string;
  at?: number;
  every?: number | undefined;
  until?: number | undefined;
  target?: string;
  count?: number | undefined;
  fraction?: number | undefined;
  ids?: unknown[] | undefined;
  rate?: number | undefined;
  domainWeights?: number[] | undefined;
}

/** Checks within one shock's body (the same for scheduled and lesson shocks). */
function refineShockBody(s: ShockLike, ctx: z.RefinementCtx): void {
  if (s.kind === 'remove-nodes') {
    const given = (['count', 'fraction', 'ids'] as const).filter((k) => s[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: given.length === 0 ? ['count'] : [given[1]!],
        message:
          given.length === 0
            ? 'remove-nodes needs one of "count", "fraction" or "ids", got none; add e.g. "count": 1'
            : `remove-nodes takes one of "count", "fraction" or "ids", got ${given.map((k) => `"${k}"`).join(' and ')}; keep one`,
        input: s,
      });
    }
    if ((s.target === 'ids') !== (s.ids !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message:
          s.target === 'ids'
            ? 'target "ids" needs an "ids" list, got none; add "ids": [ … ]'
            : `"ids" goes with target "ids", got target "${String(s.target)}"; set "target": "ids", or use "count" or "fraction"`,
        input: s,
      });
    }
  }
  if (s.kind === 'environment-shift' && s.rate === undefined && s.domainWeights === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['rate'],
      message: 'an environment-shift needs "rate" and/or "domainWeights", got neither; add one',
      input: s,
    });
  }
}

/** Checks of a scheduled shock: its timing, then its body. */
function refineTimedShock(s: ShockLike, ctx: z.RefinementCtx): void {
  if (s.until !== undefined && s.every === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['until'],
      message: `"until" ends a repetition, but there is no "every", got until ${s.until}; add "every" or remove "until"`,
      input: s,
    });
  }
  if (s.until !== undefined && s.at !== undefined && s.until < s.at) {
    ctx.addIssue({
      code: 'custom',
      path: ['until'],
      message: `expected until >= at (${s.at}), got ${s.until}; raise "until" or lower "at"`,
      input: s,
    });
  }
  refineShockBody(s, ctx);
}

const shockSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...timing, ...removeNodesBody }).superRefine(refineTimedShock),
  z.strictObject({ ...timing, ...addNodesBody }).superRefine(refineTimedShock),
  z.strictObject({ ...timing, ...misinformationBody }).superRefine(refineTimedShock),
  z.strictObject({ ...timing, ...environmentShiftBody }).superRefine(refineTimedShock),
  z.strictObject({ ...timing, ...surgeBody }).superRefine(refineTimedShock),
  z.strictObject({ ...timing, ...partitionBody }).superRefine(refineTimedShock),
  z.strictObject({ ...timing, ...reconnectBody }).superRefine(refineTimedShock),
]);

/** A lesson step's shock: a shock body without `at`/`every`/`until` (the step says when). */
const lessonShockSchema = z.discriminatedUnion('kind', [
  z.strictObject(removeNodesBody).superRefine(refineShockBody),
  z.strictObject(addNodesBody).superRefine(refineShockBody),
  z.strictObject(misinformationBody).superRefine(refineShockBody),
  z.strictObject(environmentShiftBody).superRefine(refineShockBody),
  z.strictObject(surgeBody).superRefine(refineShockBody),
  z.strictObject(partitionBody).superRefine(refineShockBody),
  z.strictObject(reconnectBody).superRefine(refineShockBody),
]);

// ---------------------------------------------------------------- metrics, variants, lesson

const metricsSchema = z.strictObject({
  recoveryWindow: integer(1, MAX_TICKS).default(20).describe('ticks in the rolling resolved rate'),
});

const variantSchema = z.strictObject({
  label,
  set: z
    .record(z.string(), z.unknown())
    .default({})
    .describe('dotted path → value, e.g. {"protocol.kind": "client-server"}; applied before command-line --set'),
});

const lessonStepSchema = z.strictObject({
  text: z.string().max(10_000),
  at: tickNumber().optional().describe('run until this tick, then show the step'),
  shock: lessonShockSchema.optional().describe('a shock to apply at this step (a shock without at/every/until)'),
  pause: z.boolean().default(false),
  watch: z
    .union([z.string().min(1), z.array(z.string().min(1)).max(50)])
    .optional()
    .transform((w): string[] => (w === undefined ? [] : typeof w === 'string' ? [w] : w))
    .describe('metric(s) to point at'),
  highlight: z
    .enum(['leader', 'hubs', 'managers', 'stewards', 'believers'])
    .optional()
    .describe('people the page rings in the network views: the leader (head of the formal tree, else the best-connected person), the hubs (the 5 % with the most ties), managers, stewards, or the rumour\'s believers'),
});

// ---------------------------------------------------------------- the scenario

const scenarioObject = z.strictObject({
  $schema: z.string().optional().describe('the JSON Schema for editors, e.g. "./scenario.schema.json"'),
  name: z.string().max(200).optional(),
  description: z.string().max(10_000).optional().describe('what the scenario shows; its first sentence is listed by `equipotent list`'),
  notice: z.string().max(10_000).optional().describe('what to notice, shown in the page'),
  seed: integer(0, MAX_SEED).default(1).describe('the master seed of every random stream'),
  ticks: integer(1, MAX_TICKS).default(500).describe('ticks to run'),
  organization: organizationSchema.describe('n people and two layers of ties: the formal tree and the informal network'),
  population: populationSchema.prefault({}).describe('the people: skills, capacity, engagement'),
  environment: environmentSchema.prefault({}).describe('the situations that arrive'),
  protocol: protocolSchema.prefault({}).describe('the way of working; holds the keys of every kind'),
  information: informationSchema.prefault({}).describe('items of news and how (mis)information is believed and corrected'),
  shocks: z.array(shockSchema).max(10_000).default([]).describe('what happens to the organization, at a tick or every k ticks'),
  metrics: metricsSchema.prefault({}),
  variants: z
    .array(variantSchema)
    .max(1000)
    .default([])
    .describe('paired runs of this scenario (same seed, people and situations), each with its overrides'),
  lesson: z.array(lessonStepSchema).max(1000).default([]).describe('steps of the page\'s lesson mode'),
});

type Parsed = z.output<typeof scenarioObject>;

/** The scenario schema: parse JSON input into a `Scenario` with every default filled in. */
export const scenarioSchema = scenarioObject
  .check((ctx) => {
    // zod runs checks after continuable issues too (a number out of range, an unknown
    // key), when parts of the value are still raw input: cross-checks wait for a clean parse.
    if (ctx.issues.length > 0) return;
    for (const p of crossProblems(ctx.value)) ctx.issues.push({ code: 'custom', path: p.path, message: p.message, input: ctx.value });
  })
  .transform((s) => ({
    ...s,
    environment: {
      ...s.environment,
      domainWeights: s.environment.domainWeights ?? new Array<number>(s.population.domains).fill(1),
    },
    protocol: { ...s.protocol, factCheck: s.protocol.factCheck ?? s.information.verify },
  }));

/** A scenario as written in a file (defaults may be omitted). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in: what the engine consumes. */
export type Scenario = z.output<typeof scenarioSchema>;

export type Organization = Scenario['organization'];
export type Formal = NonNullable<Organization['formal']>;
export type Informal = Organization['informal'];
export type Population = Scenario['population'];
export type Environment = Scenario['environment'];
export type ProtocolConfig = Scenario['protocol'];
export type Information = Scenario['information'];
export type InformationItem = Information['items'][number];
export type Spread = InformationItem['spread'];
export type Shock = Scenario['shocks'][number];
export type ShockKind = Shock['kind'];
export type LessonStep = Scenario['lesson'][number];
export type Variant = Scenario['variants'][number];

// ---------------------------------------------------------------- cross-field checks and limits

/** A problem found by a cross-field check: where, and what to do. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

const fmt = (x: number): string =>
  Number.isInteger(x) && Math.abs(x) >= 10_000 ? x.toLocaleString('en-US') : String(Number(x.toPrecision(6)));

/** Ticks at which a (possibly repeating) event happens within a run of `ticks`. */
export function occurrences(at: number, every: number | undefined, until: number | undefined, ticks: number): number {
  if (at >= ticks) return 0;
  if (every === undefined) return 1;
  const last = Math.min(until ?? ticks - 1, ticks - 1);
  return last < at ? 0 : Math.floor((last - at) / every) + 1;
}

function hierarchyLevelSizes(n: number, span: number): number[] {
  const sizes: number[] = [];
  let placed = 0;
  let width = 1;
  while (placed < n) {
    const w = Math.min(width, n - placed);
    sizes.push(w);
    placed += w;
    width *= span;
  }
  return sizes;
}

/** Ties an informal generator materializes for n people (expected value for random ones). */
export function materializedTies(
  org: { formal: FormalLayer | null; informal: InformalLayer },
  n: number,
): number {
  const tree = Math.max(0, n - 1);
  const inf = org.informal;
  switch (inf.kind) {
    case 'same-as-formal':
      return tree;
    case 'matrix': {
      if (org.formal?.kind !== 'hierarchy') return tree; // a file tree's levels are not known here
      let pairs = 0;
      for (const w of hierarchyLevelSizes(n, org.formal.span)) pairs += (w * (w - 1)) / 2;
      return tree + inf.lateral * pairs;
    }
    case 'multiscale':
      return tree + inf.extra;
    case 'small-world':
      return (n * inf.k) / 2;
    case 'scale-free':
      return n * inf.m;
    case 'random':
      return (n * inf.meanDegree) / 2;
    case 'lattice':
      return 2 * n;
    case 'complete':
      return 0;
    case 'file':
      return 0; // the file's own ties; the engine counts them
  }
}

/** Checks of the organization that need n (generator parameters, ties). */
function organizationSizeProblems(
  org: { formal: FormalLayer | null; informal: InformalLayer },
  n: number,
): Problem[] {
  const out: Problem[] = [];
  const at = (key: string) => ['organization', 'informal', key];
  const inf = org.informal;
  if (inf.kind === 'small-world') {
    if (inf.k % 2 !== 0 || inf.k >= n) {
      out.push({
        path: at('k'),
        message: `expected an even integer < n = ${fmt(n)}, got ${inf.k}; each person ties to k/2 neighbours on each side of the ring, so use ${Math.max(2, Math.min(n - 1, inf.k) & ~1)}`,
      });
    }
  } else if (inf.kind === 'scale-free' && inf.m >= n) {
    out.push({ path: at('m'), message: `expected an integer < n = ${fmt(n)}, got ${fmt(inf.m)}; lower "m" or raise organization.size` });
  } else if (inf.kind === 'random' && inf.meanDegree > n - 1) {
    out.push({
      path: at('meanDegree'),
      message: `expected a number <= n − 1 = ${fmt(n - 1)}, got ${fmt(inf.meanDegree)}; lower "meanDegree" or use "complete"`,
    });
  } else if (inf.kind === 'lattice' && inf.width * inf.height !== n) {
    out.push({
      path: ['organization', 'size'],
      message: `a lattice of width ${inf.width} × height ${inf.height} holds ${fmt(inf.width * inf.height)} people, got size ${fmt(n)}; make width × height = size, or omit "size"`,
    });
  } else if (inf.kind === 'multiscale' && org.formal?.kind === 'hierarchy' && inf.extra > (n * (n - 1)) / 2 - (n - 1)) {
    out.push({
      path: at('extra'),
      message: `expected at most ${fmt((n * (n - 1)) / 2 - (n - 1))} extra ties (every pair not in the tree), got ${fmt(inf.extra)}; lower "extra"`,
    });
  }
  const ties = materializedTies(org, n);
  if (ties > LIMITS.ties) {
    const key = { 'small-world': 'k', 'scale-free': 'm', random: 'meanDegree', matrix: 'lateral', multiscale: 'extra' }[
      inf.kind as string
    ];
    out.push({
      path: key ? at(key) : ['organization', 'size'],
      message: `this layer materializes about ${fmt(Math.round(ties))} ties, over the limit of ${fmt(LIMITS.ties)} materialized ties; lower ${key ? `"${key}" or ` : ''}organization.size, or use "complete" (never materialized)`,
    });
  }
  return out;
}

/** Every id-valued key of the scenario, with its path, for range checks. */
function idRefs(s: Parsed): { path: (string | number)[]; id: PersonId; hires: boolean }[] {
  const refs: { path: (string | number)[]; id: PersonId; hires: boolean }[] = [];
  if (s.protocol.server !== null) refs.push({ path: ['protocol', 'server'], id: s.protocol.server, hires: false });
  if (Array.isArray(s.protocol.stewards)) {
    s.protocol.stewards.forEach((id, i) => refs.push({ path: ['protocol', 'stewards', i], id, hires: false }));
  }
  s.information.items.forEach((item, i) =>
    item.seeds?.forEach((id, j) => refs.push({ path: ['information', 'items', i, 'seeds', j], id, hires: false })),
  );
  s.shocks.forEach((sh, i) => {
    if (sh.kind === 'remove-nodes') sh.ids?.forEach((id, j) => refs.push({ path: ['shocks', i, 'ids', j], id, hires: true }));
    if (sh.kind === 'partition' && Array.isArray(sh.groups)) {
      sh.groups.forEach((g, j) => g.forEach((id, k) => refs.push({ path: ['shocks', i, 'groups', j, k], id, hires: true })));
    }
  });
  s.lesson.forEach((step, i) => {
    const sh = step.shock;
    if (sh?.kind === 'remove-nodes') sh.ids?.forEach((id, j) => refs.push({ path: ['lesson', i, 'shock', 'ids', j], id, hires: true }));
    if (sh?.kind === 'partition' && Array.isArray(sh.groups)) {
      sh.groups.forEach((g, j) => g.forEach((id, k) => refs.push({ path: ['lesson', i, 'shock', 'groups', j, k], id, hires: true })));
    }
  });
  return refs;
}

/** Expected situations over the run: the rate as a step function of shifts, plus surges. */
export function expectedSituations(s: Pick<Parsed, 'ticks' | 'environment' | 'shocks'>): number {
  const shifts = s.shocks
    .filter((sh): sh is Extract<Shock, { kind: 'environment-shift' }> => sh.kind === 'environment-shift' && sh.rate !== undefined)
    .filter((sh) => sh.at < s.ticks)
    .map((sh) => ({ at: sh.at, rate: sh.rate! }))
    .sort((a, b) => a.at - b.at);
  let total = 0;
  let rate = s.environment.rate;
  let from = 0;
  for (const sh of shifts) {
    total += rate * (sh.at - from);
    from = sh.at;
    rate = sh.rate;
  }
  total += rate * (s.ticks - from);
  for (const sh of s.shocks) {
    if (sh.kind === 'surge') total += sh.count * occurrences(sh.at, sh.every, sh.until, s.ticks);
  }
  return total;
}

/** Checks that need n, the number of people: id ranges, counts, and the work limits. */
function scenarioSizeProblems(s: Parsed, n: number, fromFile: boolean): Problem[] {
  const out: Problem[] = [];
  let hires = 0;
  for (const sh of s.shocks) if (sh.kind === 'add-nodes') hires += sh.count * occurrences(sh.at, sh.every, sh.until, s.ticks);
  const people = n + hires;
  if (!fromFile) {
    for (const ref of idRefs(s)) {
      const bound = ref.hires ? people : n;
      if (typeof ref.id === 'number' && ref.id >= bound) {
        out.push({
          path: ref.path,
          message: `expected a person id 0 … ${fmt(bound - 1)}, got ${fmt(ref.id)}; ids index the ${fmt(bound)} people${ref.hires && hires > 0 ? ' (including hires)' : ''}`,
        });
      }
    }
  }
  if (s.protocol.kind === 'steward' && typeof s.protocol.stewards === 'number' && s.protocol.stewards > n) {
    out.push({ path: ['protocol', 'stewards'], message: `expected at most n = ${fmt(n)} stewards, got ${fmt(s.protocol.stewards)}; lower "stewards"` });
  }
  s.information.items.forEach((item, i) => {
    if (item.seeds === null && item.seedCount > n) {
      out.push({ path: ['information', 'items', i, 'seedCount'], message: `expected at most n = ${fmt(n)} seeds, got ${fmt(item.seedCount)}; lower "seedCount"` });
    }
  });
  s.shocks.forEach((sh, i) => {
    if (sh.kind === 'misinformation' && sh.seedCount > people) {
      out.push({ path: ['shocks', i, 'seedCount'], message: `expected at most ${fmt(people)} seeds (everyone), got ${fmt(sh.seedCount)}; lower "seedCount"` });
    }
    if (sh.kind === 'remove-nodes' && sh.count !== undefined && sh.count > people) {
      out.push({ path: ['shocks', i, 'count'], message: `expected at most ${fmt(people)} people to remove (everyone), got ${fmt(sh.count)}; lower "count" or use "fraction"` });
    }
  });
  if (people > LIMITS.people) {
    out.push({
      path: ['shocks'],
      message: `size ${fmt(n)} plus ${fmt(hires)} hires by add-nodes is ${fmt(people)} people, over the limit of ${fmt(LIMITS.people)} people; hire fewer (lower "count" or raise "every")`,
    });
  }
  const personTicks = people * s.ticks;
  if (personTicks > LIMITS.personTicks) {
    out.push({
      path: fromFile ? ['ticks'] : ['organization', 'size'],
      message: `${fmt(people)} people × ${fmt(s.ticks)} ticks = ${fmt(personTicks)} person-ticks, over the limit of ${fmt(LIMITS.personTicks)} person-ticks; lower organization.size or ticks`,
    });
  }
  const skills = people * s.population.domains;
  if (skills > LIMITS.skillEntries) {
    out.push({
      path: ['population', 'domains'],
      message: `${fmt(people)} people × ${s.population.domains} domains = ${fmt(skills)} skill entries, over the limit of ${fmt(LIMITS.skillEntries)} skill entries; lower population.domains or organization.size`,
    });
  }
  const itemCount = s.information.items.length + s.shocks.filter((sh) => sh.kind === 'misinformation').length;
  if (people * itemCount > LIMITS.personItems) {
    out.push({
      path: ['information', 'items'],
      message: `${fmt(people)} people × ${itemCount} items (including misinformation shocks) = ${fmt(people * itemCount)} person-items, over the limit of ${fmt(LIMITS.personItems)} person-items; use fewer items or fewer people`,
    });
  }
  if (fromFile) {
    // A file's organization: its generator checks could not run at parse time.
    out.push(...organizationSizeProblems(s.organization, n));
  }
  return out;
}

/** Checks across sections that do not need n (domains, layers, item ids, the situation limit). */
function crossProblems(s: Parsed): Problem[] {
  const out: Problem[] = [];
  const D = s.population.domains;
  const org = s.organization;
  const hasFile = org.formal?.kind === 'file' || org.informal.kind === 'file';
  const hasNodesFile = (org.formal?.kind === 'file' && org.formal.nodes !== undefined) || (org.informal.kind === 'file' && org.informal.nodes !== undefined);
  const domainCheck = (path: (string | number)[], d: number) => {
    if (d >= D) {
      out.push({ path, message: `expected a domain index 0 … ${D - 1} (population.domains is ${D}), got ${d}; lower it or raise population.domains` });
    }
  };
  const weightsCheck = (path: (string | number)[], w: number[]) => {
    if (w.length !== D) {
      out.push({ path, message: `expected ${D} weights (one per domain; population.domains is ${D}), got ${w.length}; give one weight per domain` });
    } else if (!w.some((x) => x > 0)) {
      out.push({ path, message: 'expected at least one positive weight, got all zeros; situations need some domain' });
    }
  };
  if (s.environment.domainWeights !== undefined) weightsCheck(['environment', 'domainWeights'], s.environment.domainWeights);
  const itemIds = new Map<string, string>();
  const claimId = (id: string, where: (string | number)[]) => {
    const prior = itemIds.get(id);
    if (prior !== undefined) {
      out.push({
        path: where,
        message: `expected a unique id, got "${id}" again (first at ${prior}); ids name the informed:<id> series — rename one (use "every" to repeat a rumour)`,
      });
    } else itemIds.set(id, where.join('.'));
  };
  s.information.items.forEach((item, i) => {
    domainCheck(['information', 'items', i, 'domain'], item.domain);
    claimId(item.id, ['information', 'items', i, 'id']);
  });
  const shockChecks = (sh: LessonOrShock, base: (string | number)[]) => {
    if (sh.kind === 'misinformation') domainCheck([...base, 'domain'], sh.domain);
    if (sh.kind === 'environment-shift' && sh.domainWeights !== undefined) weightsCheck([...base, 'domainWeights'], sh.domainWeights);
    if (sh.kind === 'remove-nodes' && sh.target === 'top' && org.formal === null) {
      out.push({
        path: [...base, 'target'],
        message: 'target "top" removes the top of the formal tree, but the organization is flat, got "top"; use "degree" or "betweenness", or add a formal tree',
      });
    }
    if (sh.kind === 'reconnect' && org.informal.kind === 'complete') {
      out.push({
        path: [...base, 'kind'],
        message: 'a reconnect restores ties a partition cut, but the "complete" informal layer is implicit and never cut, got "reconnect"; remove this shock, or use "random" with a high meanDegree to partition and reconnect',
      });
    }
    if (sh.kind === 'partition') {
      if (org.informal.kind === 'complete') {
        out.push({
          path: [...base, 'kind'],
          message: 'a partition cuts materialized ties, but the "complete" informal layer is implicit (never materialized); use "random" with a high meanDegree instead',
        });
      }
      const g = sh.groups;
      if (!Array.isArray(g) && 'level' in g && org.formal === null) {
        out.push({
          path: [...base, 'groups'],
          message: 'groups {level} splits the formal tree, but the organization is flat; give "groups" as id lists, or add a formal tree',
        });
      }
      if (!Array.isArray(g) && 'attribute' in g && !hasNodesFile) {
        out.push({
          path: [...base, 'groups', 'attribute'],
          message: `groups {attribute} needs a node column from a file layer's "nodes", got attribute "${g.attribute}" with no nodes file; use {level} or id lists`,
        });
      }
      if (Array.isArray(g)) {
        const seen = new Map<string, number>();
        g.forEach((group, j) =>
          group.forEach((id, k) => {
            const key = String(id);
            const prior = seen.get(key);
            if (prior !== undefined && prior !== j) {
              out.push({ path: [...base, 'groups', j, k], message: `expected each person in one group, got ${JSON.stringify(id)} in groups ${prior} and ${j}; remove one` });
            }
            seen.set(key, j);
          }),
        );
      }
    }
  };
  s.shocks.forEach((sh, i) => {
    shockChecks(sh, ['shocks', i]);
    if (sh.kind === 'misinformation') claimId(sh.id, ['shocks', i, 'id']);
  });
  s.lesson.forEach((step, i) => {
    if (step.shock !== undefined) shockChecks(step.shock, ['lesson', i, 'shock']);
  });
  if (!hasFile) {
    for (const ref of idRefs(s)) {
      if (typeof ref.id === 'string') {
        out.push({
          path: ref.path,
          message: `expected a person id (an integer 0 … n − 1), got ${JSON.stringify(ref.id)}; text ids are a file's own ids, and this organization has no file layer`,
        });
      }
    }
  }
  const labels = new Set<string>();
  s.variants.forEach((v, i) => {
    if (labels.has(v.label)) out.push({ path: ['variants', i, 'label'], message: `expected a unique label, got "${v.label}" again; rename one` });
    labels.add(v.label);
  });
  const situations = expectedSituations(s);
  if (situations > LIMITS.situations) {
    out.push({
      path: ['environment', 'rate'],
      message: `about ${fmt(Math.round(situations))} situations expected (rate × ticks, with shifts and surges), over the limit of ${fmt(LIMITS.situations)} situations; lower environment.rate or ticks`,
    });
  }
  if (org.size !== undefined) out.push(...scenarioSizeProblems(s, org.size, false));
  return out;
}

type LessonOrShock = Shock | NonNullable<LessonStep['shock']>;

/**
 * The checks that need the number of people, for an organization whose size comes
 * from a file: returns `path: message` lines (empty when fine). Call it once the
 * file is read; `scenarioSchema` runs the same checks itself when `size` is given.
 */
export function problemsForSize(scenario: Scenario, n: number): string[] {
  const fromFile = scenario.organization.size === undefined;
  const problems = fromFile
    ? scenarioSizeProblems(scenario, n, true)
    : [...organizationSizeProblems(scenario.organization, n), ...scenarioSizeProblems(scenario, n, false)];
  return problems.map((p) => `${p.path.join('.')}: ${p.message}`);
}
