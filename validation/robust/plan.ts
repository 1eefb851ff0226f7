// The plan of `check --robust`: each claim over the skeptic's space (knobs.ts),
// at its one-at-a-time points (each knob ×0.5 and ×2 alone), at the points of a
// Latin hypercube over the same knobs (stats/lhs.ts, THE hypercube, drawn from
// the stream `<first seed>/design` as a sweep's `design: lhs` is), and as
// shipped (`base`, for reference), each over K seeds.
//
// Claims of one scenario with the same knobs and seeds form a group and share
// its points, so the runs their arms have in common (the same variant under the
// same variation at the same point and seed) are made once per task. A run is
// one (group, point, seed): run r = pair·K + s, pairs numbered group by group in
// claim order and point by point, so the numbering is fixed by the plan alone.
import type { Scenario } from '../../engine/scenario/schema.ts';
import type { Registry } from '../../engine/modules/registry.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { standaloneRng } from '../../engine/rng.ts';
import { unitLatinHypercube } from '../../stats/lhs.ts';
import type { Variation } from '../runner.ts';
import { armsOf, type Arm, type Claim } from '../claims/claim.ts';
import { knobsOf, type Knob, type KnobAt } from './knobs.ts';

/** A point of the design: as shipped, one knob moved alone, or a hypercube row; u per knob (null: as shipped). */
export interface DesignPoint {
  design: 'base' | 'oat' | 'lhs';
  /** oat: the knob moved, and to which end (u = 0: ×0.5, u = 1: ×2). */
  knob?: string;
  end?: 'low' | 'high';
  u: (number | null)[];
}

/** A claim in the skeptic's space: the knobs it has (read in every arm), and the ones skipped with why. */
export interface ClaimSpace {
  claim: Claim;
  knobs: Knob[];
  skipped: { knob: string; reason: string }[];
  /** Per knob, per arm (armsOf order): the knob in that arm. */
  at: KnobAt[][];
}

/**
 * A claim at a point: the overrides of each arm, the knobs' values (in the first arm;
 * null for a knob left at a null the engine resolves, such as attention as shipped),
 * and whether the point moves it at all.
 */
export interface ClaimAtPoint {
  arms: Variation[];
  values: Record<string, number | boolean | null>;
  moved: boolean;
}

export interface RobustGroup {
  scenario: string;
  seeds: number[];
  knobs: string[];
  claims: ClaimSpace[];
  points: DesignPoint[];
}

/** One (group, point): the claims it runs (those the point moves) with their arms' overrides. */
export interface RobustPair {
  group: number;
  point: number;
  claims: { id: string; arms: Variation[] }[];
}

export interface RobustPlan {
  groups: RobustGroup[];
  pairs: RobustPair[];
  /** Seeds per pair (every group has as many). */
  seedsPerPoint: number;
  lhsPoints: number;
}

/** Resolves an arm's scenario (its variant under its variation), memoized per scenario and variation; `registry`: the user's modules too. */
export function armResolver(registry?: Registry): (claim: Claim, arm: Arm) => Scenario {
  const memo = new Map<string, Map<string, Scenario>>();
  return (claim, arm) => {
    const key = `${claim.scenario.name}|${JSON.stringify(arm.variation)}`;
    let byLabel = memo.get(key);
    if (byLabel === undefined) {
      byLabel = new Map();
      for (const v of expandVariants(claim.scenario.input, Object.entries(arm.variation), registry)) {
        if (v.ok) byLabel.set(v.label, v.scenario);
      }
      memo.set(key, byLabel);
    }
    const s = byLabel.get(arm.variant);
    if (s === undefined) throw new Error(`${claim.id}: variant "${arm.variant}" is missing or invalid under ${JSON.stringify(arm.variation)}`);
    return s;
  };
}

/** The claim's knobs (common, its scenario's, its own) read in every arm; a knob some arm lacks is skipped. */
export function claimSpace(claim: Claim, resolve: (claim: Claim, arm: Arm) => Scenario = armResolver()): ClaimSpace {
  const arms = armsOf(claim).map((arm) => resolve(claim, arm));
  const knobs: Knob[] = [];
  const skipped: ClaimSpace['skipped'] = [];
  const at: KnobAt[][] = [];
  for (const knob of knobsOf(claim.scenario.robust, claim.robust)) {
    const per = arms.map((s) => knob.of(s));
    const skip = per.find((x): x is { skip: string } => 'skip' in x);
    if (skip !== undefined) skipped.push({ knob: knob.name, reason: skip.skip });
    else {
      knobs.push(knob);
      at.push(per as KnobAt[]);
    }
  }
  return { claim, knobs, skipped, at };
}

/** The design over k knobs: base, then per knob its low and high end, then `lhsPoints` hypercube rows from `<baseSeed>/design`. */
export function designPoints(knobs: readonly string[], lhsPoints: number, baseSeed: number): DesignPoint[] {
  const k = knobs.length;
  const none = () => new Array<number | null>(k).fill(null);
  const points: DesignPoint[] = [{ design: 'base', u: none() }];
  knobs.forEach((knob, j) => {
    for (const [end, u] of [['low', 0], ['high', 1]] as const) {
      const row = none();
      row[j] = u;
      points.push({ design: 'oat', knob, end, u: row });
    }
  });
  // No knob: every hypercube row would be the base point again.
  if (k > 0 && lhsPoints > 0) {
    for (const row of unitLatinHypercube(k, lhsPoints, standaloneRng(baseSeed, 'design'))) points.push({ design: 'lhs', u: row });
  }
  return points;
}

/** A claim at a design point (its knobs in the group's order). */
export function claimAtPoint(space: ClaimSpace, point: DesignPoint): ClaimAtPoint {
  const armCount = space.at[0]?.length ?? armsOf(space.claim).length;
  const arms: Record<string, unknown>[] = Array.from({ length: armCount }, () => ({}));
  const values: Record<string, number | boolean | null> = {};
  let moved = point.design !== 'oat';
  space.knobs.forEach((knob, j) => {
    const u = point.u[j];
    const per = space.at[j]!;
    if (u === null || u === undefined) {
      values[knob.name] = per[0]!.fromNull ? null : per[0]!.value;
      return;
    }
    per.forEach((k, i) => {
      const set = k.at(u);
      Object.assign(arms[i]!, set.sets);
      if (i === 0) values[knob.name] = set.value;
      if (set.value !== k.value || k.fromNull) moved = true;
    });
  });
  return { arms, values, moved };
}

/**
 * The plan for `claims` with `lhsPoints` hypercube rows and the seeds each
 * claim runs (`seedsOf(claim)`); claims of one scenario with the same knobs and
 * seeds share a group. `registry`: with the user's modules (their claims' scenarios use them).
 */
export function robustPlan(claims: readonly Claim[], lhsPoints: number, seedsOf: (c: Claim) => number[], registry?: Registry): RobustPlan {
  const resolve = armResolver(registry);
  const groups: RobustGroup[] = [];
  const byKey = new Map<string, RobustGroup>();
  let seedsPerPoint = -1;
  for (const claim of claims) {
    const space = claimSpace(claim, resolve);
    const seeds = seedsOf(claim);
    if (seedsPerPoint === -1) seedsPerPoint = seeds.length;
    else if (seeds.length !== seedsPerPoint) throw new Error(`${claim.id}: every claim runs as many seeds per point (${seedsPerPoint}), got ${seeds.length}`);
    const knobs = space.knobs.map((k) => k.name);
    const key = `${claim.scenario.name}|${seeds.join(',')}|${knobs.join(',')}`;
    let group = byKey.get(key);
    if (group === undefined) {
      group = { scenario: claim.scenario.name, seeds, knobs, claims: [], points: designPoints(knobs, lhsPoints, seeds[0]!) };
      byKey.set(key, group);
      groups.push(group);
    }
    group.claims.push(space);
  }
  const pairs: RobustPair[] = [];
  groups.forEach((g, gi) => {
    g.points.forEach((p, pi) => {
      const moved = g.claims.map((c) => ({ id: c.claim.id, at: claimAtPoint(c, p) })).filter((c) => c.at.moved);
      if (moved.length > 0) pairs.push({ group: gi, point: pi, claims: moved.map((c) => ({ id: c.id, arms: c.at.arms })) });
    });
  });
  return { groups, pairs, seedsPerPoint: Math.max(0, seedsPerPoint), lhsPoints };
}

/** The run numbers of a pair's seeds, and each run's pair and seed. */
export const runOf = (plan: RobustPlan, pair: number, s: number): number => pair * plan.seedsPerPoint + s;
export function pairOfRun(plan: RobustPlan, run: number): { pair: RobustPair; seed: number } {
  const pair = plan.pairs[Math.floor(run / plan.seedsPerPoint)]!;
  return { pair, seed: plan.groups[pair.group]!.seeds[run % plan.seedsPerPoint]! };
}
