// The one cached runner of the validation set: every variant of a scenario,
// with a variation applied (dotted paths, as `run --set`), run to its end from
// one seed — common random numbers: a seed gives every variant the same people
// and the same situations. Claims compare numbers read from these runs, and
// several claims (and the tests that look inside the runs) share them.
//
// The cache is an object its caller owns and passes in (`equipotent check` and
// the test suite each make one): nothing here outlives it, so two callers never
// see each other's runs, and no module keeps state. It also holds the values
// that several textbook cases compute once and share (`memo`).
//
// The engine does no I/O: scenarios with `file` layers need the text of their
// data files, which the owner of the cache reads (`readData`).
import type { Registry } from '../engine/modules/registry.ts';
import { createSimulation, type Simulation, type Summary } from '../engine/simulation.ts';
import { expandVariants, type ExpandedVariant } from '../engine/scenario/overrides.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import type { RobustParameter } from './robust/parameter.ts';

/** A scenario as its claims name it: its name and its JSON as shipped (variants included). */
export interface NamedScenario {
  name: string;
  input: unknown;
  /** Parameters of this scenario that the skeptic's space adds for every claim on it (`check --robust`). */
  robust?: readonly RobustParameter[];
}

/** Overrides of a scenario, dotted path → value (as `run --set`); {} is the scenario as shipped. */
export type Variation = Readonly<Record<string, unknown>>;

/** One finished variant run, and the simulation for measures that look inside it. */
export interface VariantResult {
  summary: Summary;
  sim: Simulation;
}

/** The runs of every variant of a scenario at one seed, by variant label. */
export type VariantRuns = Readonly<Record<string, VariantResult>>;

/** The texts of the data files a scenario's `file` layers name (path as written → text). */
export type DataReader = (scenario: Scenario) => Record<string, string>;

export interface RunCacheOptions {
  /** Reads the data files of scenarios with `file` layers (the check command and the tests read them next to the scenarios). */
  readData?: DataReader;
  /**
   * How many scenarios' runs to keep (default 1). Runs hold their simulations'
   * state; claims and tests walk the scenarios one after the other, so keeping the
   * current one bounds memory without running anything twice.
   */
  keepScenarios?: number;
  /** The modules the runs use (default: the built-ins): `check --module F` passes the user's with the built-ins. */
  modules?: Registry;
}

/** One (variation, seed) of a scenario: its variants as expanded, and the runs made so far (by label, in variant order). */
interface Point {
  expanded: ExpandedVariant[];
  labels: string[];
  runs: Record<string, VariantResult>;
}

export class RunCache {
  private readonly readData: DataReader | undefined;
  private readonly modules: Registry | undefined;
  private readonly keep: number;
  /** Runs by scenario name (most recently used last), then by variation and seed. */
  private readonly runs = new Map<string, { input: unknown; byKey: Map<string, Point> }>();
  private readonly data = new Map<string, Record<string, string>>();
  private readonly memos = new Map<string, unknown>();

  constructor(options: RunCacheOptions = {}) {
    this.readData = options.readData;
    this.modules = options.modules;
    this.keep = Math.max(1, options.keepScenarios ?? 1);
  }

  /** Every variant of `scenario` with `variation` applied, run to its last tick from `seed`; cached. */
  variants(scenario: NamedScenario, variation: Variation, seed: number): VariantRuns {
    const point = this.point(scenario, variation, seed);
    for (const label of point.labels) this.run(scenario, point, label);
    return point.runs;
  }

  /**
   * Variant `label` of `variants(scenario, variation, seed)`, run alone when the others
   * are not needed (a claim reads two variants of three); an unknown label is an error
   * naming the variants there are.
   */
  variant(scenario: NamedScenario, variation: Variation, seed: number, label: string): VariantResult {
    const point = this.point(scenario, variation, seed);
    if (!point.labels.includes(label)) throw new Error(`${scenario.name}: no variant "${label}" (variants: ${point.labels.join(', ')})`);
    return this.run(scenario, point, label);
  }

  /** The (variation, seed) entry of a scenario: its variants validated once, their runs filled as asked for. */
  private point(scenario: NamedScenario, variation: Variation, seed: number): Point {
    const entry = this.entry(scenario);
    const key = `${JSON.stringify(variation)}|${seed}`;
    let point = entry.byKey.get(key);
    if (point === undefined) {
      const expanded = expandVariants(scenario.input, [...Object.entries(variation), ['seed', seed]], this.modules);
      // Every variant is checked at once, so an invalid variation is named whichever variant is asked for.
      for (const v of expanded) if (!v.ok) throw new Error(`${scenario.name}: variant "${v.label}" is invalid: ${v.errors.join('; ')}`);
      point = { expanded, labels: expanded.map((v) => v.label), runs: {} };
      entry.byKey.set(key, point);
    }
    return point;
  }

  private run(scenario: NamedScenario, point: Point, label: string): VariantResult {
    const done = point.runs[label];
    if (done !== undefined) return done;
    const v = point.expanded.find((x) => x.label === label)!;
    if (!v.ok) throw new Error(`${scenario.name}: variant "${v.label}" is invalid: ${v.errors.join('; ')}`);
    const sim = createSimulation(v.scenario, v.scenario.seed, { data: this.dataFor(v.scenario, scenario.name), ...(this.modules !== undefined ? { modules: this.modules } : {}) });
    sim.step(v.scenario.ticks);
    const r = { summary: sim.summary(), sim };
    // Filled in variant order whatever order they are asked for, so `variants` lists them as the file does.
    const runs: Record<string, VariantResult> = { ...point.runs, [label]: r };
    for (const k of Object.keys(point.runs)) delete point.runs[k];
    for (const l of point.labels) if (runs[l] !== undefined) point.runs[l] = runs[l];
    return r;
  }

  /** `compute()` once per cache and key: values several cases share (the runs behind three textbook cases). */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** Forgets every run and value. */
  clear(): void {
    this.runs.clear();
    this.data.clear();
    this.memos.clear();
  }

  private entry(scenario: NamedScenario): { input: unknown; byKey: Map<string, Point> } {
    let entry = this.runs.get(scenario.name);
    if (entry) {
      if (entry.input !== scenario.input) throw new Error(`two different scenarios are named "${scenario.name}" in one run cache`);
      this.runs.delete(scenario.name); // re-inserted below: most recently used last
    } else {
      entry = { input: scenario.input, byKey: new Map() };
      while (this.runs.size >= this.keep) this.runs.delete(this.runs.keys().next().value!);
    }
    this.runs.set(scenario.name, entry);
    return entry;
  }

  private dataFor(scenario: Scenario, name: string): Record<string, string> {
    const o = scenario.organization as { formal?: { kind?: string } | null; informal?: { kind?: string } | null };
    if (o.formal?.kind !== 'file' && o.informal?.kind !== 'file') return {};
    if (!this.readData) throw new Error(`${name}: this scenario reads data files; give the run cache a readData (the check command and the tests do)`);
    // The variants of a scenario mostly name the same files: read them once.
    const key = JSON.stringify([name, o.formal ?? null, o.informal ?? null]);
    let text = this.data.get(key);
    if (!text) {
      text = this.readData(scenario);
      this.data.set(key, text);
    }
    return text;
  }
}
