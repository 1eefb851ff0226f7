// Replay bundles (MODEL.md §8, CONTRACT.md `run --replay`): everything needed to
// reproduce a run, and its hash, anywhere — the scenario as the user wrote it,
// the variant and overrides applied to it, the master seed, the live shocks
// with the ticks they were applied in, and the tick the run stopped at.
//
// The engine stays free of the schema library: `replay` takes the validator
// (input → Scenario, e.g. `validateScenario`) as a parameter.
import { createSimulation, type LiveShock, type Simulation } from './simulation.ts';
import type { Scenario } from './scenario/schema.ts';

/**
 * Overrides as a map of dotted path → value, the shape of a variant's `set` and
 * of `--set` (CONTRACT.md): `{"protocol.kind": "p2p", "shocks.0.target": "top"}`.
 * Applied in key order, after the variant's own `set`.
 */
export type Overrides = Record<string, unknown>;

export interface ReplayBundle {
  format: 'equipotent-replay';
  version: 1;
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
}

export interface ReplayOptions {
  overrides?: Overrides;
  variant?: string;
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
  sim: Pick<Simulation, 'seed' | 'tick' | 'eventLog' | 'hash'>,
  options: ReplayOptions = {},
): ReplayBundle {
  const bundle: ReplayBundle = {
    format: 'equipotent-replay',
    version: 1,
    scenario: json(scenarioInput),
    overrides: json(options.overrides ?? {}),
    seed: sim.seed,
    liveShocks: json([...sim.eventLog]),
    stopAt: sim.tick,
    hash: sim.hash(),
  };
  if (options.variant !== undefined) bundle.variant = options.variant;
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
  const variants = Array.isArray(input.variants) ? (input.variants as { label?: unknown; set?: Overrides }[]) : [];
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
 * Rebuilds the run of a bundle: validates its scenario, steps to each live
 * shock's tick, queues the shock, and stops at `stopAt`. The result's hash is
 * the bundle's.
 */
export function replay(bundle: ReplayBundle, validate: (input: unknown) => Scenario, data?: Record<string, string>, wasm = true): Simulation {
  checkBundle(bundle);
  const sim = createSimulation(validate(bundleInput(bundle)), bundle.seed, { data, wasm });
  for (const live of bundle.liveShocks) {
    if (live.tick < sim.tick) throw new ReplayError(`liveShocks: a shock at tick ${live.tick} comes after one at tick ${sim.tick}; list them in the order queued`);
    sim.step(live.tick - sim.tick);
    sim.shock(live.shock);
  }
  sim.step(bundle.stopAt - sim.tick);
  return sim;
}

function checkBundle(b: ReplayBundle): void {
  const tick = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
  if (!b || b.format !== 'equipotent-replay') throw new ReplayError('format: expected "equipotent-replay"; this file is not a replay bundle');
  if (b.version !== 1) throw new ReplayError(`version: expected 1, got ${JSON.stringify(b.version)}; this bundle comes from another version`);
  if (!Number.isInteger(b.seed) || b.seed < 0 || b.seed > 2 ** 32 - 1) throw new ReplayError(`seed: expected an integer 0 … 2^32−1, got ${JSON.stringify(b.seed)}`);
  if (!tick(b.stopAt)) throw new ReplayError(`stopAt: expected an integer >= 0, got ${JSON.stringify(b.stopAt)}`);
  if (!Array.isArray(b.liveShocks)) throw new ReplayError('liveShocks: expected a list of {tick, shock}');
  b.liveShocks.forEach((s, i) => {
    if (!s || !tick(s.tick) || s.tick > b.stopAt) throw new ReplayError(`liveShocks.${i}.tick: expected an integer 0 … stopAt = ${b.stopAt}, got ${JSON.stringify(s?.tick)}`);
    if (!s.shock || typeof s.shock.kind !== 'string') throw new ReplayError(`liveShocks.${i}.shock: expected a shock object with a "kind"`);
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
