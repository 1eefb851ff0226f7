// People (MODEL.md §4) as structure-of-arrays: alive, skills per domain,
// capacity, engagement. Every per-person array is registered with its stride and
// fill value so hiring can grow them all in one place.
import type { Rng } from './rng.ts';
import type { State, TypedArray } from './state.ts';

export type SkillSpec = { kind: 'uniform' } | { kind: 'beta'; a: number; b: number } | { kind: 'specialists' };

export interface PopulationSpec {
  domains: number;
  skill: SkillSpec;
  capacity: number;
  engagement: number;
}

/** Per-person arrays: name → (values per person, fill for newcomers before they are drawn). */
export interface PersonArray {
  name: string;
  stride: number;
  fill: number;
}

/** A registry of per-person arrays, kept outside the state (it is structure, not state). */
export class PersonArrays {
  readonly list: PersonArray[] = [];
  register(name: string, stride = 1, fill = 0): void {
    if (!this.list.some((p) => p.name === name)) this.list.push({ name, stride, fill });
  }
  /** Grows every registered array from `from` to `to` people. */
  grow(state: State, from: number, to: number): void {
    for (const p of this.list) {
      const old = state.arrays[p.name];
      if (!old) continue;
      const next = new (old.constructor as { new (n: number): TypedArray })(to * p.stride);
      next.fill(p.fill);
      next.set(old.subarray(0, from * p.stride));
      state.set(p.name, next);
    }
  }
}

/** Allocates and draws the population of n people (population stream). */
export function initPopulation(state: State, registry: PersonArrays, n: number, spec: PopulationSpec, rng: Rng): void {
  registry.register('alive', 1, 0);
  registry.register('skill', spec.domains, 0);
  registry.register('capacity', 1, spec.capacity);
  registry.register('engagement', 1, spec.engagement);
  registry.register('engagement0', 1, spec.engagement);
  state.set('alive', new Uint8Array(n).fill(1));
  state.set('skill', new Float32Array(n * spec.domains));
  state.set('capacity', new Int32Array(n).fill(spec.capacity));
  state.set('engagement', new Float32Array(n).fill(spec.engagement));
  state.set('engagement0', new Float32Array(n).fill(spec.engagement));
  drawSkills(state.f32('skill'), 0, n, spec, rng);
}

/** Newcomers [from, to): alive, with skills drawn like everyone's. */
export function hirePeople(state: State, from: number, to: number, spec: PopulationSpec, rng: Rng): void {
  state.u8('alive').fill(1, from, to);
  drawSkills(state.f32('skill'), from, to, spec, rng);
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
