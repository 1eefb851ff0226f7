// People (MODEL.md §4) as structure-of-arrays: alive, skills per domain,
// capacity, engagement (people-state.ts declares them). Every per-person array is
// registered with its stride and fill value so hiring can grow them all in one
// place.
import type { Rng } from './rng.ts';
import type { State, TypedArray } from './state.ts';
import { type ArrayHandle, findArrayHandle } from './state-handles.ts';
import { ALIVE, CAPACITY, ENGAGEMENT, ENGAGEMENT0, SKILL } from './people-state.ts';

export type SkillSpec = { kind: 'uniform' } | { kind: 'beta'; a: number; b: number } | { kind: 'specialists' };

export interface PopulationSpec {
  domains: number;
  skill: SkillSpec;
  capacity: number;
  engagement: number;
}

/** A per-person array: its name (or handle), values per person, fill for newcomers before they are drawn. */
export interface PersonArray {
  name: string;
  stride: number;
  fill: number;
  /** The array's handle, once known (arrays registered by name are declared when first set). */
  handle: ArrayHandle | undefined;
}

/** A registry of per-person arrays, kept outside the state (it is structure, not state). */
export class PersonArrays {
  readonly list: PersonArray[] = [];

  /** Registers an array by handle, or by name (the protocols' `ctx.registerPersonArray`). */
  register(array: string | ArrayHandle, stride = 1, fill = 0): void {
    const name = typeof array === 'string' ? array : array.name;
    const known = this.list.find((p) => p.name === name);
    if (known) {
      if (known.handle === undefined && typeof array !== 'string') known.handle = array;
      return;
    }
    this.list.push({ name, stride, fill, handle: typeof array === 'string' ? undefined : array });
  }

  /** Grows every registered array from `from` to `to` people. */
  grow(state: State, from: number, to: number): void {
    for (const p of this.list) {
      // A name registered before its array was first set is resolved once, here.
      p.handle ??= findArrayHandle(p.name);
      if (p.handle === undefined || !state.hasArray(p.handle)) continue;
      const old = state.get(p.handle);
      const next = new (old.constructor as { new (n: number): TypedArray })(to * p.stride);
      next.fill(p.fill);
      next.set(old.subarray(0, from * p.stride) as never);
      state.put(p.handle, next);
    }
  }
}

/** Allocates and draws the population of n people (population stream). */
export function initPopulation(state: State, registry: PersonArrays, n: number, spec: PopulationSpec, rng: Rng): void {
  registry.register(ALIVE, 1, 0);
  registry.register(SKILL, spec.domains, 0);
  registry.register(CAPACITY, 1, spec.capacity);
  registry.register(ENGAGEMENT, 1, spec.engagement);
  registry.register(ENGAGEMENT0, 1, spec.engagement);
  state.put(ALIVE, new Uint8Array(n).fill(1));
  state.put(SKILL, new Float32Array(n * spec.domains));
  state.put(CAPACITY, new Int32Array(n).fill(spec.capacity));
  state.put(ENGAGEMENT, new Float32Array(n).fill(spec.engagement));
  state.put(ENGAGEMENT0, new Float32Array(n).fill(spec.engagement));
  drawSkills(state.get(SKILL), 0, n, spec, rng);
}

/** Newcomers [from, to): alive, with skills drawn like everyone's. */
export function hirePeople(state: State, from: number, to: number, spec: PopulationSpec, rng: Rng): void {
  state.get(ALIVE).fill(1, from, to);
  drawSkills(state.get(SKILL), from, to, spec, rng);
}

/**
 * Skills in [0, 1] per (person, domain). `specialists`: each person is strong
 * (beta(5, 2), mean 0.71) in one domain drawn uniformly and weak (beta(2, 5),
 * mean 0.29) in the others — a modelling choice documented in docs/ODD.md.
 */
function drawSkills(skill: Float32Array, from: number, to: number, spec: PopulationSpec, rng: Rng): void {
  const D = spec.domains;
  const s = spec.skill;
  for (let i = from; i < to; i++) {
    if (s.kind === 'specialists') {
      const strong = rng.int(D);
      for (let d = 0; d < D; d++) skill[i * D + d] = d === strong ? rng.beta(5, 2) : rng.beta(2, 5);
    } else {
      for (let d = 0; d < D; d++) skill[i * D + d] = s.kind === 'beta' ? rng.beta(s.a, s.b) : rng.float();
    }
  }
}

/** Effective reading capacity: max(1, round(capacity · (0.5 + engagement))) (MODEL.md §5). */
export function effectiveCapacity(capacity: number, engagement: number): number {
  return Math.max(1, Math.round(capacity * (0.5 + engagement)));
}
