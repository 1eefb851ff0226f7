// The scenario file's schema, assembled from the modules' declarations
// (registry.ts): the sections' own keys (sections.ts, organization-schema.ts),
// the keys every module adds to a section, the ways of working as
// `protocol.kind`, the shock kinds as a union; then the cross-field checks
// (cross-checks.ts) and the defaults that depend on other keys (each module's
// `resolve`, after the variants' overrides since variants are applied to the
// input before parsing).
//
// A little over 300 lines on purpose: it is the one place the whole schema is put
// together, in the order a reader checks it against CONTRACT.md.
//
// `Scenario` (the parsed output) has every default filled in, so the engine never
// guesses: `organization.informal` is always present (`same-as-formal` when a
// formal tree exists), `organization.formal` is `null` for a flat organization,
// `environment.domainWeights` is a list of `population.domains` weights (equal by
// default), and each module's `resolve` has run (p2p's `thresholdMin`, the
// steward's `factCheck`). `organization.size` is `undefined` only when a `file`
// layer gives it; the engine then calls `problemsForSize(scenario, n)` once it
// has read the file.
import { z } from 'zod';
import { ModuleError, builtinRegistry, type Registry } from '../modules/registry.ts';
import type { SectionName } from '../modules/types.ts';
import type { clientServerKeys } from '../protocols/client-server/index.ts';
import type { peerKeys } from '../protocols/p2p/index.ts';
import type { stewardKeys } from '../protocols/steward/index.ts';
import type { attentionKeys } from '../mechanisms/attention.ts';
import type { selfAssessmentKeys } from '../mechanisms/self-assessment.ts';
import type { valueKeys } from '../mechanisms/value.ts';
import type { exchangeEnvironmentKeys, exchangeProtocolKeys } from '../exchanges/index.ts';
import { DEFAULT_MODEL, MAX_SEED, MAX_TICKS, MODEL_VERSIONS, integer, label, tickNumber, type ModelVersion } from './blocks.ts';
import { crossProblems, scenarioSizeProblems } from './cross-checks.ts';
import { organizationSchema, organizationSizeProblems } from './organization-schema.ts';
import { reportersSchema, runControlProblems, stopSchema, type Reporters, type Stop } from './run-control-schema.ts';
import { environmentKeys, informationKeys, informationProtocolKeys, metricsKeys, populationKeys } from './sections.ts';

export { LIMITS, MAX_DOMAINS, MAX_RATE, MAX_SEED, MAX_SIZE, MAX_TICKS, type PersonId, type Problem } from './blocks.ts';
export { materializedTies } from './organization-schema.ts';
export { expectedSituations, occurrences } from './cross-checks.ts';

const timing = {
  at: tickNumber().describe('tick of the (first) shock'),
  every: integer(1, MAX_TICKS).optional().describe('repeat every k ticks'),
  until: tickNumber().optional().describe('last tick of the repetition (default: the end)'),
};

/** Checks of a scheduled shock's timing. */
function refineTiming(s: { at?: number; every?: number; until?: number }, ctx: z.RefinementCtx): void {
  if (s.until !== undefined && s.every === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['until'],
      message: `"until" ends a repetition, but there is no "every", got until ${s.until}; add "every" or remove "until"`,
      input: s,
    });
  }
  if (s.until !== undefined && s.at !== undefined && s.until < s.at) {
    ctx.addIssue({ code: 'custom', path: ['until'], message: `expected until >= at (${s.at}), got ${s.until}; raise "until" or lower "at"`, input: s });
  }
}

/** The scenario's shocks and lesson steps' shocks, one union member per shock module (live shocks too: live-shock.ts). */
export function shockSchemas(registry: Registry) {
  const modules = [...registry.shocks.values()];
  const timed = modules.map((m) =>
    z.strictObject({ ...timing, kind: z.literal(m.name), ...m.body }).superRefine((s, ctx) => {
      refineTiming(s as never, ctx);
      m.refine?.(s as Record<string, unknown>, ctx);
    }),
  );
  const untimed = modules.map((m) =>
    z.strictObject({ kind: z.literal(m.name), ...m.body }).superRefine((s, ctx) => m.refine?.(s as Record<string, unknown>, ctx)),
  );
  return {
    shock: z.discriminatedUnion('kind', timed as never) as unknown as z.ZodType<Shock>,
    lessonShock: z.discriminatedUnion('kind', untimed as never) as unknown as z.ZodType<LessonShock>,
  };
}

/** A section's own keys plus every module's, each key declared once. */
function sectionShape(name: SectionName, own: z.ZodRawShape, registry: Registry): z.ZodRawShape {
  const shape: Record<string, z.core.$ZodType> = { ...own };
  const owner: Record<string, string> = Object.fromEntries(Object.keys(own).map((k) => [k, 'the engine']));
  for (const m of registry.all) {
    for (const [key, schema] of Object.entries(m.params?.[name] ?? {})) {
      if (key in shape) throw new ModuleError(`module "${m.name}": ${name}.${key} is already declared by ${owner[key]}; a key is declared once (import it from there instead)`);
      shape[key] = schema;
      owner[key] = `module "${m.name}"`;
    }
  }
  return shape;
}

function lessonStepSchema(lessonShock: z.ZodType) {
  return z.strictObject({
    text: z.string().max(10_000),
    at: tickNumber().optional().describe('run until this tick, then show the step'),
    shock: lessonShock.optional().describe('a shock to apply at this step (a shock without at/every/until)'),
    pause: z.boolean().default(false),
    watch: z
      .union([z.string().min(1), z.array(z.string().min(1)).max(50)])
      .optional()
      .transform((w): string[] => (w === undefined ? [] : typeof w === 'string' ? [w] : w))
      .describe('metric(s) to point at'),
    highlight: z
      .enum(['leader', 'hubs', 'managers', 'stewards', 'believers'])
      .optional()
      .describe("people the page rings in the network views: the leader (head of the formal tree, else the best-connected person), the hubs (the 5 % with the most ties), managers, stewards, or the rumour's believers"),
  });
}

const variantSchema = z.strictObject({
  label,
  set: z
    .record(z.string(), z.unknown())
    .default({})
    .describe('dotted path → value, e.g. {"protocol.kind": "client-server"}; applied before command-line --set'),
});

/** The scenario schema for the modules of `registry`. */
export function scenarioSchemaFor(registry: Registry) {
  const kinds = [...registry.protocols.keys()];
  const protocolShape = {
    kind: z
      .enum(kinds as [string, ...string[]])
      .default('p2p')
      .describe("the way of working; the object may hold every kind's keys, each kind reads its own"),
    ...sectionShape('protocol', informationProtocolKeys, registry),
  };
  const shocks = shockSchemas(registry);
  const object = z.strictObject({
    $schema: z.string().optional().describe('the JSON Schema for editors, e.g. "./scenario.schema.json"'),
    name: z.string().max(200).optional(),
    description: z.string().max(10_000).optional().describe('what the scenario shows; its first sentence is listed by `equipotent list`'),
    notice: z.string().max(10_000).optional().describe('what to notice, shown in the page'),
    model: z
      .union(MODEL_VERSIONS.map((v) => z.literal(v)) as [z.ZodLiteral<1>, z.ZodLiteral<2>])
      .default(DEFAULT_MODEL)
      .describe('the rules: 1 = v1 exactly, 2 = the fair contest of MODEL.md §10 (default)'),
    simulation: z
      .enum(['organization', ...registry.models.keys()] as [string, ...string[]])
      .default('organization')
      .describe('what runs: the organization model, or a whole model (a classic) whose parameters sit under its own key'),
    seed: integer(0, MAX_SEED).default(1).describe('the master seed of every random stream'),
    ticks: integer(1, MAX_TICKS).default(500).describe('ticks to run'),
    stop: stopSchema.nullable().optional(),
    reporters: reportersSchema.optional(),
    organization: organizationSchema
      .optional()
      .describe('n people and two layers of ties: the formal tree and the informal network (required unless `simulation` names a whole model)'),
    population: z.strictObject(sectionShape('population', populationKeys, registry)).prefault({}).describe('the people: skills, capacity, engagement'),
    environment: z.strictObject(sectionShape('environment', environmentKeys, registry)).prefault({}).describe('the situations that arrive'),
    protocol: z.strictObject(protocolShape).prefault({}).describe('the way of working; holds the keys of every kind'),
    information: z.strictObject(sectionShape('information', informationKeys, registry)).prefault({}).describe('items of news and how (mis)information is believed and corrected'),
    shocks: z.array(shocks.shock).max(10_000).default([]).describe('what happens to the organization, at a tick or every k ticks'),
    metrics: z.strictObject(sectionShape('metrics', metricsKeys, registry)).prefault({}),
    variants: z
      .array(variantSchema)
      .max(1000)
      .default([])
      .describe('paired runs of this scenario (same seed, people and situations), each with its overrides'),
    lesson: z.array(lessonStepSchema(shocks.lessonShock)).max(1000).default([]).describe("steps of the page's lesson mode"),
    modules: z
      .array(z.string().min(1).max(4096))
      .max(100)
      .optional()
      .describe('module files this scenario uses (paths relative to it); the command line loads them only with --allow-modules, the page never'),
    ...Object.fromEntries([...registry.models.values()].map((m) => [m.name, m.modelParams.optional().describe(m.description)])),
  });
  return object
    .check((ctx) => {
      // zod runs checks after continuable issues too (a number out of range, an unknown
      // key), when parts of the value are still raw input: cross-checks wait for a clean parse.
      if (ctx.issues.length > 0) return;
      const value = ctx.value as unknown as Scenario & { organization?: unknown };
      for (const p of runControlProblems(value, registry)) ctx.issues.push({ code: 'custom', path: p.path, message: p.message, input: ctx.value });
      if (value.simulation !== 'organization') return; // a whole model: its own key was parsed by its schema
      if (value.organization === undefined) {
        ctx.issues.push({
          code: 'custom',
          path: ['organization'],
          message: 'expected the organization (its size and layers), got nothing; add "organization": {"size": 400, "formal": {"kind": "hierarchy", "span": 6}}, or name a whole model in "simulation"',
          input: ctx.value,
        });
        return;
      }
      for (const p of crossProblems(ctx.value as unknown as Scenario, registry)) {
        ctx.issues.push({ code: 'custom', path: p.path, message: p.message, input: ctx.value });
      }
    })
    .transform((parsed, ctx) => {
      const s = parsed as unknown as Scenario;
      // As in the check above: zod transforms after continuable issues (an unknown key) too;
      // the defaults that read other keys wait for a clean parse (the issues are reported).
      if (ctx.issues.length > 0) return s;
      if (s.simulation !== 'organization') return s; // a whole model reads only its own key
      s.environment.domainWeights ??= new Array<number>(s.population.domains).fill(1);
      // Load per person (a sweep crosses it with size): the rate follows the size.
      const perPerson = (s.environment as { ratePerPerson?: number | null }).ratePerPerson;
      if (perPerson !== null && perPerson !== undefined && s.organization.size !== undefined) s.environment.rate = perPerson * s.organization.size;
      for (const m of registry.all) m.resolve?.(s, registry);
      return s;
    });
}

// ---------------------------------------------------------------- the types

type Output<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;
type Input<S extends z.ZodRawShape> = z.input<z.ZodObject<S>>;

/** One shock as parsed: its timing, its kind and its kind's keys. */
export interface Shock {
  at: number;
  every?: number;
  until?: number;
  kind: string;
  [key: string]: unknown;
}
/** A lesson step's shock: a shock without timing. */
export interface LessonShock {
  kind: string;
  [key: string]: unknown;
}

type ProtocolKeys = typeof clientServerKeys & typeof peerKeys & typeof stewardKeys & typeof informationProtocolKeys & typeof exchangeProtocolKeys;
type PopulationKeys = typeof populationKeys & typeof attentionKeys & typeof selfAssessmentKeys;
type EnvironmentKeys = typeof environmentKeys & typeof valueKeys & typeof exchangeEnvironmentKeys;

/** A validated scenario with every default filled in: what the engine consumes. */
export interface Scenario {
  $schema?: string;
  name?: string;
  description?: string;
  notice?: string;
  /** The rules (MODEL.md §10): 1 = v1, 2 = the fair contest. */
  model: ModelVersion;
  /** `organization`, or the name of a whole model. */
  simulation: string;
  seed: number;
  ticks: number;
  /** Ends the run at the first tick where the condition holds (absent or null: runs `ticks`). */
  stop?: Stop | null;
  /** Named measures of per-tick series (run --json, the table, runs.csv). */
  reporters?: Reporters;
  organization: z.output<typeof organizationSchema>;
  population: Output<PopulationKeys>;
  /** `domainWeights` filled (equal by default). */
  environment: Omit<Output<EnvironmentKeys>, 'domainWeights'> & { domainWeights: number[] };
  /** `thresholdMin` and `factCheck` resolved (p2p's and the steward's `resolve`). */
  protocol: Omit<Output<ProtocolKeys>, 'thresholdMin' | 'factCheck' | 'decideAt'> & {
    kind: string;
    thresholdMin: number;
    factCheck: number;
    /** Resolved: `root` under model 1, `exception` under model 2, unless written. */
    decideAt: 'exception' | 'root' | 'manager';
  };
  information: Output<typeof informationKeys>;
  shocks: Shock[];
  metrics: Output<typeof metricsKeys>;
  variants: { label: string; set: Record<string, unknown> }[];
  lesson: { text: string; at?: number; shock?: LessonShock; pause: boolean; watch: string[]; highlight?: 'leader' | 'hubs' | 'managers' | 'stewards' | 'believers' }[];
  /** Keys added by user modules, by section. */
  [section: string]: unknown;
}

/** A scenario as written in a file (defaults may be omitted). */
export interface ScenarioInput {
  $schema?: string;
  name?: string;
  description?: string;
  notice?: string;
  model?: ModelVersion;
  simulation?: string;
  seed?: number;
  ticks?: number;
  stop?: Stop | null;
  reporters?: Reporters;
  organization: z.input<typeof organizationSchema>;
  population?: Partial<Input<PopulationKeys>>;
  environment?: Partial<Input<EnvironmentKeys>>;
  protocol?: Partial<Input<ProtocolKeys>> & { kind?: string };
  information?: Partial<Input<typeof informationKeys>>;
  shocks?: Record<string, unknown>[];
  metrics?: Partial<Input<typeof metricsKeys>>;
  variants?: { label: string; set?: Record<string, unknown> }[];
  lesson?: Record<string, unknown>[];
  [section: string]: unknown;
}

export type Organization = Scenario['organization'];
export type Formal = NonNullable<Organization['formal']>;
export type Informal = Organization['informal'];
export type Population = Scenario['population'];
export type Environment = Scenario['environment'];
export type ProtocolConfig = Scenario['protocol'];
export type Information = Scenario['information'];
export type InformationItem = Information['items'][number];
export type Spread = InformationItem['spread'];
export type ShockKind = string;
export type LessonStep = Scenario['lesson'][number];
export type Variant = Scenario['variants'][number];

const schemas = new WeakMap<Registry, z.ZodType<Scenario>>();

/** The scenario schema of a registry's modules (built once per registry). */
export function schemaOf(registry: Registry): z.ZodType<Scenario> {
  let s = schemas.get(registry);
  if (s === undefined) {
    s = scenarioSchemaFor(registry) as unknown as z.ZodType<Scenario>;
    schemas.set(registry, s);
  }
  return s;
}

let builtinSchema: z.ZodType<Scenario> | undefined;

/** The scenario schema of the built-in modules: parse JSON input into a `Scenario` with every default filled in. */
export function builtinScenarioSchema(): z.ZodType<Scenario> {
  builtinSchema ??= schemaOf(builtinRegistry());
  return builtinSchema;
}

/**
 * The checks that need the number of people, for an organization whose size comes
 * from a file: returns `path: message` lines (empty when fine). Call it once the
 * file is read; the schema runs the same checks itself when `size` is given.
 */
export function problemsForSize(scenario: Scenario, n: number, registry: Registry = builtinRegistry()): string[] {
  const fromFile = scenario.organization.size === undefined;
  const problems = fromFile
    ? scenarioSizeProblems(scenario, n, true, registry)
    : [...organizationSizeProblems(scenario.organization, n), ...scenarioSizeProblems(scenario, n, false, registry)];
  return problems.map((p) => `${p.path.join('.')}: ${p.message}`);
}
