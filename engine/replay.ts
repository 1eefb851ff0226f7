// Replay bundles (MODEL.md §8, CONTRACT.md `run --replay`): everything needed to
// reproduce a run, and its hash, anywhere — the scenario as the user wrote it,
// the variant and overrides applied to it, the master seed, the live shocks
// with the ticks they were applied in, and the tick the run stopped at.
//
// `replay` takes the scenario validator (input → Scenario, e.g. the CLI's, with
// its messages) as a parameter; the live shocks are checked here, by the same
// schema as a scenario's shocks (scenario/live-shock.ts), all of them before the
// simulation is built, so a bad bundle starts no run.
import { createSimulation, type LiveShock, type Simulation } from './simulation.ts';
import type { Registry } from './modules/registry.ts';
import { LIMITS, MAX_TICKS, type Scenario } from './scenario/schema.ts';
import { liveShockIdProblems, liveShockProblems } from './scenario/live-shock.ts';

/** Live shocks a bundle may hold: as many as a scenario's scheduled shocks. */
export const MAX_LIVE_SHOCKS = 10_000;

/**
 * Overrides as a map of dotted path → value, the shape of a variant's `set` and
 * of `--set` (CONTRACT.md): `{"protocol.kind": "p2p", "shocks.0.target": "top"}`.
 * Applied in key order, after the variant's own `set`.
 */
export type Overrides = Record<string, unknown>;

export interface ReplayBundle {
  format: 'equipotent-replay';
  version: 1;
  /**
   * The model the run was made under (MODEL.md §10, the scenario key `model`):
   * 1 or 2; absent means 1 (CONTRACT.md: bundles made before the key existed
   * ran v1). It applies to the bundle's scenario when that does not say. Only
   * model 1 behaves fully today: model 2's keys are declared but its mechanisms
   * are not built yet, so a model-2 run follows v1's rules with model 2's defaults.
   */
  model?: 1 | 2;
  /** The scenario input JSON as loaded (before the variant and overrides; defaults may be missing). */
  scenario: unknown;
  overrides: Overrides;
  /** Label of the variant whose `set` applies first (absent: the scenario as is). */
  variant?: string;
  /** Master seed. */
  seed: number;
  /** Live shocks in the order queued; each was applied at the start of `tick`. */
  liveShocks: LiveShock[];
  /** Ticks run when the bundle was made: the replay stops there. */
  stopAt: number;
  /** The state hash at `stopAt` when the bundle was made (optional; for checking). */
  hash?: string;
  /** The user modules the run was made with: name → sha256 of its file (beside the hash, never inside it). */
  modules?: Record<string, string>;
}

export interface ReplayOptions {
  overrides?: Overrides;
  variant?: string;
  /** The user modules loaded (name → sha256 of its file), recorded in the bundle. */
  modules?: Record<string, string>;
}

/** A bundle that is not one (wrong format, bad ticks, unknown variant, a refused path). */
export class ReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayError';
  }
}

/** The bundle of a run so far: `scenarioInput` is what the simulation's scenario was validated from. */
export function makeReplayBundle(
  scenarioInput: unknown,
  sim: Pick<Simulation, 'seed' | 'tick' | 'eventLog' | 'hash'> & { scenario?: Pick<Scenario, 'model'> },
  options: ReplayOptions = {},
): ReplayBundle {
  const bundle: ReplayBundle = {
    format: 'equipotent-replay',
    version: 1,
    // The model the run used (a scenario without the key runs the default, 2): a bundle without it would mean 1.
    ...(sim.scenario?.model !== undefined ? { model: sim.scenario.model } : {}),
    scenario: json(scenarioInput),
    overrides: json(options.overrides ?? {}),
    seed: sim.seed,
    liveShocks: json([...sim.eventLog]),
    stopAt: sim.tick,
    hash: sim.hash(),
  };
  if (options.variant !== undefined) bundle.variant = options.variant;
  if (options.modules !== undefined && Object.keys(options.modules).length > 0) bundle.modules = { ...options.modules };
  return bundle;
}

/**
 * The scenario input of a bundle with its variant's `set` and then its overrides
 * applied, `variants` removed (not yet validated). Without a variant (or with
 * "default") the scenario runs as written.
 */
export function bundleInput(bundle: ReplayBundle): unknown {
  const input = json(bundle.scenario) as Record<string, unknown>;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new ReplayError('scenario: expected the scenario object');
  // The bundle's model applies when the scenario does not say (absent from both: model 1).
  const model = bundle.model ?? 1;
  if (input.model === undefined) input.model = model;
  else if (input.model !== model && bundle.model !== undefined) {
    throw new ReplayError(`model: the bundle says ${JSON.stringify(bundle.model)} but its scenario says ${JSON.stringify(input.model)}; make them agree, or remove "model" from the bundle`);
  }
  const variants = Array.isArray(input.variants) ? (input.variants as { label?: unknown; set?: Overrides }[]) : [];
  variants.forEach((v, i) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ReplayError(`scenario.variants.${i}: expected {"label": …, "set": {…}}, got ${JSON.stringify(v)}`);
    if (v.set !== undefined && (typeof v.set !== 'object' || v.set === null || Array.isArray(v.set))) {
      throw new ReplayError(`scenario.variants.${i}.set: expected an object of dotted path → value, got ${JSON.stringify(v.set)}`);
    }
  });
  delete input.variants;
  if (bundle.variant !== undefined && !(bundle.variant === 'default' && !variants.some((v) => v.label === 'default'))) {
    const v = variants.find((x) => x.label === bundle.variant);
    if (!v) throw new ReplayError(`variant: the scenario has no variant "${bundle.variant}" (variants: ${variants.map((x) => x.label).join(', ') || 'none'})`);
    applyOverrides(input, v.set ?? {});
  }
  applyOverrides(input, bundle.overrides ?? {});
  return input;
}

/**
 * Checks a bundle without running anything: its fields, its scenario (with the
 * variant and overrides) and its live shocks against that scenario. Returns the
 * validated scenario; throws ReplayError listing every problem (or what
 * `validate` throws).
 */
export function checkReplayBundle(bundle: ReplayBundle, validate: (input: unknown) => Scenario): Scenario {
  checkBundle(bundle);
  const scenario = validate(bundleInput(bundle));
  // The scenario's work limit holds for its ticks; a bundle may stop later (the page runs on).
  const people = scenario.organization?.size; // a whole model (simulation: march, …) has no organization
  if (people !== undefined && people * bundle.stopAt > LIMITS.personTicks) {
    throw new ReplayError(`stopAt: ${people} people × ${bundle.stopAt} ticks is over the limit of ${LIMITS.personTicks} person-ticks; lower "stopAt"`);
  }
  const live = bundle.liveShocks;
  const problems = liveShockProblems(live.map((l) => l.shock), scenario, live.map((_, i) => `liveShocks.${i}.shock`));
  if (problems.length > 0) throw new ReplayError(`the bundle's live shocks are not valid:\n  ${problems.join('\n  ')}`);
  return scenario;
}

/**
 * Rebuilds the run of a bundle: checks it (checkReplayBundle), steps to each
 * live shock's tick, checks the shock's ids against the people there are then,
 * queues it, and stops at `stopAt`. The result's hash is the bundle's (the
 * caller compares them: `verifyReplay`).
 */
export function replay(bundle: ReplayBundle, validate: (input: unknown) => Scenario, data?: Record<string, string>, wasm = true, modules?: Registry): Simulation {
  const scenario = checkReplayBundle(bundle, validate);
  const sim = createSimulation(scenario, bundle.seed, { data, wasm, ...(modules !== undefined ? { modules } : {}) });
  bundle.liveShocks.forEach((live, i) => {
    sim.step(live.tick - sim.tick);
    // Ids can be checked exactly only now (a file's ids, people hired since tick 0).
    const unknown = liveShockIdProblems(live.shock, `liveShocks.${i}.shock`, sim.labels);
    if (unknown.length > 0) throw new ReplayError(`the bundle's live shock at tick ${live.tick} names people who are not there:\n  ${unknown.join('\n  ')}`);
    sim.shock(live.shock);
  });
  sim.step(bundle.stopAt - sim.tick);
  return sim;
}

/** The bundle's hash against the replay's: `expected` null when the bundle has none. */
export function verifyReplay(bundle: ReplayBundle, sim: Pick<Simulation, 'hash'>): { ok: boolean; expected: string | null; got: string } {
  const got = sim.hash();
  const expected = bundle.hash ?? null;
  return { ok: expected === null || expected === got, expected, got };
}

function checkBundle(b: ReplayBundle): void {
  const tick = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
  if (!b || b.format !== 'equipotent-replay') throw new ReplayError('format: expected "equipotent-replay"; this file is not a replay bundle');
  if (b.version !== 1) throw new ReplayError(`version: expected 1, got ${JSON.stringify(b.version)}; this bundle comes from another version`);
  // 1 or 2 (see ReplayBundle.model); anything else is not a model this engine knows.
  if (b.model !== undefined && b.model !== 1 && b.model !== 2) {
    throw new ReplayError(`model: expected 1 or 2 (absent means 1), got ${JSON.stringify(b.model)}; fix or remove "model"`);
  }
  if (b.hash !== undefined && (typeof b.hash !== 'string' || !/^[0-9a-f]{16}$/.test(b.hash))) {
    throw new ReplayError(`hash: expected the 16 hexadecimal digits of a state hash (as \`run --json\` prints), got ${JSON.stringify(b.hash)}; fix it, or remove "hash" to replay without checking`);
  }
  if (!Number.isInteger(b.seed) || b.seed < 0 || b.seed > 2 ** 32 - 1) throw new ReplayError(`seed: expected an integer 0 … 2^32−1, got ${JSON.stringify(b.seed)}`);
  if (!tick(b.stopAt) || b.stopAt > MAX_TICKS) throw new ReplayError(`stopAt: expected an integer 0 … ${MAX_TICKS}, got ${JSON.stringify(b.stopAt)}`);
  if (!Array.isArray(b.liveShocks)) throw new ReplayError('liveShocks: expected a list of {tick, shock}');
  if (b.liveShocks.length > MAX_LIVE_SHOCKS) throw new ReplayError(`liveShocks: expected at most ${MAX_LIVE_SHOCKS} live shocks, got ${b.liveShocks.length}; this bundle is damaged or not one`);
  let previous = 0;
  b.liveShocks.forEach((s, i) => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new ReplayError(`liveShocks.${i}: expected {"tick": …, "shock": {…}}, got ${JSON.stringify(s)}`);
    if (!tick(s.tick) || s.tick > b.stopAt) throw new ReplayError(`liveShocks.${i}.tick: expected an integer 0 … stopAt = ${b.stopAt}, got ${JSON.stringify(s.tick)}`);
    if (s.tick < previous) throw new ReplayError(`liveShocks.${i}.tick: a shock at tick ${s.tick} comes after one at tick ${previous}; list them in the order queued`);
    previous = s.tick;
  });
  if (b.overrides !== undefined && (typeof b.overrides !== 'object' || b.overrides === null || Array.isArray(b.overrides))) {
    throw new ReplayError('overrides: expected an object of dotted path → value');
  }
}

const REFUSED = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Applies dotted-path overrides to a scenario input in place, like
 * `applySet` of engine/scenario/overrides.ts (kept apart so the engine and the
 * workers need no schema library): a path names a whole object, one key, or a
 * list element by index; missing containers on the way are created.
 */
export function applyOverrides(input: Record<string, unknown>, overrides: Overrides): void {
  for (const [path, value] of Object.entries(overrides)) {
    const keys = path.split('.');
    if (keys.some((k) => k === '' || REFUSED.has(k))) throw new ReplayError(`overrides "${path}": a path segment may not be empty, __proto__, prototype or constructor`);
    if (keys[0] === 'variants') throw new ReplayError(`overrides "${path}": overrides cannot change the variants; name one in "variant"`);
    let at = input;
    for (let i = 0; i < keys.length - 1; i++) {
      const next = Object.hasOwn(at, keys[i]!) ? at[keys[i]!] : undefined;
      if (next === undefined || next === null) at[keys[i]!] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
      else if (typeof next !== 'object') throw new ReplayError(`overrides "${path}": ${keys.slice(0, i + 1).join('.')} is not an object`);
      at = at[keys[i]!] as Record<string, unknown>;
    }
    at[keys[keys.length - 1]!] = json(value);
  }
}

/** A deep, JSON-safe copy (bundles are JSON files). */
function json<T>(x: T): T {
  return x === undefined ? x : JSON.parse(JSON.stringify(x));
}
