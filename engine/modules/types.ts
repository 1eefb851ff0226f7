// What a module declares (ARCHITECTURE.md "v2: an engine of modules"): a way of
// working, a shock kind, a metric family, a situation kind and a whole model are
// each a module that owns its parameters (zod, with default, range, unit and
// description, declared once), its state (handles), its phases and its metrics.
// The registry (registry.ts) builds the scenario schema, the JSON Schema, the
// page's parameter panel and the codebook from these declarations.
import type { ModuleClaim } from './module-claim.ts';
import type { z } from 'zod';
import type { Context } from '../context.ts';
import type { Protocol } from '../protocols/protocol.ts';
import type { SeriesStore } from '../metrics.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { MetricDeclaration } from './metric-declaration.ts';
import type { Registry } from './registry.ts';

/** The version of this interface; a module states the one it was written for. */
export const API_VERSION = 1;

/** The scenario sections a module may add keys to (each key: default, range, unit, description). */
export type SectionName = 'population' | 'environment' | 'protocol' | 'information' | 'metrics';

/** A module's parameter keys, by scenario section (zod shapes). */
export type SectionParams = Partial<Record<SectionName, z.ZodRawShape>>;

/** A problem found against the whole scenario: where, and what to do. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

interface ModuleBase {
  /** Unique among modules of its kind; the scenario's name for it (`protocol.kind`, a shock's `kind`, …). */
  readonly name: string;
  readonly apiVersion: number;
  /** One sentence for listings, the page and the codebook. */
  readonly description: string;
  /** Keys this module adds to scenario sections. A key two modules share is declared by one and imported by the other. */
  readonly params?: SectionParams;
  /** Checks across the scenario that the schema cannot state (every problem with its path and a fix). */
  check?(scenario: Scenario): Problem[];
  /** Fills defaults that depend on other keys (`null` in the schema), after the variants' overrides; `registry` is the run's modules. */
  resolve?(scenario: Scenario, registry: Registry): void;
  /** The person ids the module's keys name, with their paths (checked against n). */
  personIds?(scenario: Scenario): { path: (string | number)[]; id: number | string }[];
  /** Checks that need the number of people n. */
  sizeProblems?(scenario: Scenario, n: number): Problem[];
  /** Claims the module makes about itself, run by `equipotent check --module F` (module-claim.ts). */
  readonly claims?: readonly ModuleClaim[];
}

/** A way of working (`protocol.kind`). */
export interface ProtocolModule extends ModuleBase {
  readonly kind: 'protocol';
  /** A fresh instance for one simulation. */
  create(): Protocol;
  /** The layer the page draws for this way of working. */
  readonly draws: 'formal' | 'informal';
  /** The way of working in a class's words (the page's captions: "hierarchy", "peers"); default its name. */
  readonly words?: string;
  /**
   * The way of working this one adds rules to (stewards add to peers): with common
   * random numbers its runs equal that one's until its own rules act, and the page
   * says so ("nothing to mend yet") instead of looking broken.
   */
  readonly adds?: string;
  /** True when it handles situations (the engine then runs arrivals, work and deadlines, and the situation metrics apply). */
  readonly handlesSituations: boolean;
  /** The protocol's own metrics (its `record`/`summarize` fill them). */
  readonly metrics?: readonly MetricDeclaration[];
  /** How exchanges travel under this way of working unless `protocol.routing` says (MODEL.md §10.5); default `greedy`. */
  readonly defaultRouting?: 'chart' | 'greedy';
}

/** A shock kind (`shocks[].kind`, live shocks, lesson steps). */
export interface ShockModule extends ModuleBase {
  readonly kind: 'shock';
  /** The shock's keys besides `kind`, `at`, `every`, `until`. */
  readonly body: z.ZodRawShape;
  /** Checks within one shock (zod refinement: add issues with paths inside the shock). */
  refine?(shock: Record<string, unknown>, ctx: z.RefinementCtx): void;
  /** Checks of one shock against the scenario (`base` is its path). */
  checkShock?(shock: Record<string, unknown>, scenario: Scenario, base: (string | number)[]): Problem[];
  /** Applies the shock now (Shocks phase of MODEL.md §1). */
  apply(ctx: Context, shock: Record<string, unknown>): void;
  /** The person ids the shock names, with their paths inside it (checked against n, hires included). */
  personIds?(shock: Record<string, unknown>): { path: (string | number)[]; id: number | string }[];
  /** People the shock adds each time it fires (hiring). */
  hires?(shock: Record<string, unknown>): number;
  /** Situations the shock adds each time it fires (a surge). */
  situations?(shock: Record<string, unknown>): number;
  /** The rate of situations from this shock on, if it sets one (for the work limit). */
  rate?(shock: Record<string, unknown>): number | undefined;
  /** The id of the item of news the shock adds, if it adds one (ids must be unique; items count against limits). */
  itemId?(shock: Record<string, unknown>): string | undefined;
  /** Checks that need the number of people (`people` = size plus every hire). */
  shockSizeProblems?(shock: Record<string, unknown>, people: number, base: (string | number)[]): Problem[];
  /** Shocks to information only (a rumour): left out of a run's `recoveryTicks`. */
  readonly informationOnly?: boolean;
  /** The words on the page's button for it. */
  readonly label: string;
}

/** A family of metrics recorded every tick and summarized per run. */
export interface MetricFamilyModule extends ModuleBase {
  readonly kind: 'metrics';
  readonly metrics: readonly MetricDeclaration[];
  /** True when the family applies to this scenario (e.g. situation metrics need a way of working that handles situations). */
  appliesTo(scenario: Scenario, protocol: Protocol): boolean;
  /** Records the family's series for tick t (Metrics phase). */
  record(ctx: Context, series: SeriesStore, t: number): void;
  /** Adds the family's summary metrics to `out`. */
  summarize(ctx: Context, series: SeriesStore, out: Record<string, number | null>): void;
  /** Summarized after the way of working's own metrics (v1's column order puts recovery last). */
  readonly afterProtocol?: boolean;
}

/** The state and streams a whole model steps (no organization unless it declares people). */
export interface ModelContext {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly state: import('../state.ts').State;
  /** The model's own parameters (the scenario key of its name), parsed. */
  readonly params: Record<string, unknown>;
  /** The model's stream `/module/<model>/<name>`, created on first use (its words are state). */
  stream(name: string): import('../rng.ts').Rng;
  tick: number;
}

/** A whole model (a classic of organization science) on the engine's core. */
export interface ModelModule extends ModuleBase {
  readonly kind: 'model';
  /** The model's parameters: the scenario key of the model's name. */
  readonly modelParams: z.ZodObject;
  readonly metrics: readonly MetricDeclaration[];
  /** Allocates the model's state (handles) and draws its initial conditions. */
  setup(ctx: ModelContext): void;
  /** Runs tick t. */
  step(ctx: ModelContext, t: number): void;
  /** Records the model's series for tick t. */
  record(ctx: ModelContext, series: SeriesStore, t: number): void;
  /** Adds the run's summary metrics. */
  summarize(ctx: ModelContext, series: SeriesStore, out: Record<string, number | null>): void;
}

/**
 * A rule of the organization model with its own switch, stream and state (model 2's
 * attention budget, noisy knowledge, value): its keys, whether it runs, and its
 * metrics. The engine's phases call it where the rule applies.
 */
export interface MechanismModule extends ModuleBase {
  readonly kind: 'mechanism';
  /** True when the rule runs in this scenario (its switch). */
  active(scenario: Scenario): boolean;
  readonly metrics?: readonly MetricDeclaration[];
  /** Adds its summary metrics (after every family's and the way of working's). */
  summarize?(ctx: Context, series: SeriesStore, out: Record<string, number | null>): void;
}

export type Module = ProtocolModule | ShockModule | MetricFamilyModule | ModelModule | MechanismModule;
export type ModuleKind = Module['kind'];
