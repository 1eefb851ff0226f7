// The skeptic's space of `check --robust` (validation/robust/, MODEL.md §10.6),
// in-process on small scenarios: each common knob ×0.5 and ×2 within the schema's
// bounds (integers rounded, attention's null moved from 4, a lattice's size by
// its sides, the rate through ratePerPerson when set, the difficulty's centre),
// booleans toggled, a 0 moved to its bound, declared ranges drawn from, knobs a
// scenario lacks skipped with the reason; the hypercube is the sweep's own (same
// rows from `<first seed>/design`); claims of a scenario share a group's points;
// a run's numbers are the claim's numbers with the overrides applied by hand;
// each point's verdict and the shares, one-at-a-time and hypercube apart.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { validateSweep } from '../../engine/scenario/sweep-schema.ts';
import { realizeDesign } from '../../cli/sweep/design.ts';
import { RunCache, type NamedScenario } from '../../validation/runner.ts';
import { claimsOf, variants, variations } from '../../validation/claims/claim.ts';
import { metric } from '../../validation/claims/measures.ts';
import { COMMON_KNOBS, declaredKnob, type KnobAt } from '../../validation/robust/knobs.ts';
import { claimAtPoint, claimSpace, designPoints, pairOfRun, robustPlan, runOf } from '../../validation/robust/plan.ts';
import { runRobustTask } from '../../validation/robust/evaluate.ts';
import { robustResults, type RunOutcome } from '../../validation/robust/results.ts';

/** A scenario as the engine sees it, with only what the knobs read. */
function scenario(o: { size?: number; formal?: unknown; informal?: unknown; rate?: number; ratePerPerson?: number | null; attention?: number | null; min?: number; max?: number; deadline?: number; extra?: Record<string, unknown> }): Scenario {
  return {
    organization: { size: o.size ?? 400, formal: o.formal === undefined ? { kind: 'hierarchy', span: 6 } : o.formal, informal: o.informal ?? { kind: 'small-world', k: 6, p: 0.1 } },
    environment: { rate: o.rate ?? 1, ratePerPerson: o.ratePerPerson ?? null, deadline: o.deadline ?? 40, difficulty: { min: o.min ?? 0, max: o.max ?? 1 } },
    population: { attention: o.attention === undefined ? null : o.attention },
    information: { verify: 0 },
    ...(o.extra ?? {}),
  } as unknown as Scenario;
}

const knob = (name: string) => COMMON_KNOBS.find((k) => k.name === name)!;
/** A knob's [low, high] values (u = 0, u = 1) in a scenario, or its skip reason. */
function ends(name: string, s: Scenario): [unknown, unknown] | string {
  const k = knob(name).of(s);
  if ('skip' in k) return k.skip;
  return [k.at(0).value, k.at(1).value];
}

describe('the common knobs', () => {
  it('move each resolved value ×0.5 and ×2 (integers rounded), attention\'s null from 4', () => {
    const s = scenario({ size: 400, rate: 1, deadline: 40 });
    expect(ends('size', s)).toEqual([200, 800]);
    expect(ends('rate', s)).toEqual([0.5, 2]);
    expect(ends('attention', s)).toEqual([2, 8]);
    expect((knob('attention').of(s) as KnobAt).fromNull).toBe(true);
    expect(ends('attention', scenario({ attention: 3 }))).toEqual([1.5, 6]);
    expect(ends('span', s)).toEqual([3, 12]);
    expect(ends('deadline', s)).toEqual([20, 80]);
    expect(ends('deadline', scenario({ deadline: 5 }))).toEqual([3, 10]); // 2.5 rounds to 3
    expect((knob('size').of(s) as KnobAt).at(0).sets).toEqual({ 'organization.size': 200 });
  });

  it('clamp to the schema\'s bounds: size ≤ 10⁷, span ≥ 2, deadline ≥ 1', () => {
    expect(ends('size', scenario({ size: 6_000_000 }))).toEqual([3_000_000, 10_000_000]);
    expect(ends('span', scenario({ formal: { kind: 'hierarchy', span: 2 } }))).toEqual([2, 4]);
    expect(ends('deadline', scenario({ deadline: 1 }))).toEqual([1, 2]);
  });

  it('move the difficulty\'s centre, keeping its width where it fits in [0, 1]', () => {
    const [low, high] = [0, 1].map((u) => (knob('difficulty').of(scenario({})) as KnobAt).at(u));
    expect(low!.sets).toEqual({ 'environment.difficulty.min': 0, 'environment.difficulty.max': 0.5 });
    expect(high!.sets).toEqual({ 'environment.difficulty.min': 1, 'environment.difficulty.max': 1 });
    const narrow = (knob('difficulty').of(scenario({ min: 0.3, max: 0.5 })) as KnobAt).at(0);
    expect(narrow.value).toBeCloseTo(0.2, 12);
    expect(narrow.sets['environment.difficulty.min']).toBeCloseTo(0.1, 12);
    expect(narrow.sets['environment.difficulty.max']).toBeCloseTo(0.3, 12);
  });

  it('move a lattice\'s size by its sides (×√2 each), and the rate through ratePerPerson when it is set', () => {
    const lattice = scenario({ size: 400, formal: null, informal: { kind: 'lattice', width: 20, height: 20, wrap: false } });
    expect((knob('size').of(lattice) as KnobAt).at(0).sets).toEqual({ 'organization.informal.width': 14, 'organization.informal.height': 14, 'organization.size': 196 });
    expect((knob('size').of(lattice) as KnobAt).at(1).sets).toEqual({ 'organization.informal.width': 28, 'organization.informal.height': 28, 'organization.size': 784 });
    const perPerson = knob('rate').of(scenario({ ratePerPerson: 0.01, rate: 4 })) as KnobAt;
    expect([perPerson.at(0).sets, perPerson.at(1).sets]).toEqual([{ 'environment.ratePerPerson': 0.005 }, { 'environment.ratePerPerson': 0.02 }]);
  });

  it('skip what a scenario lacks, saying why: a size and a span read from files, a span in a flat organization', () => {
    const file = scenario({ size: undefined, formal: { kind: 'file', nodes: 'n.csv', edges: 'e.csv' }, informal: { kind: 'file', nodes: 'n.csv', edges: 'a.csv' } });
    (file.organization as { size?: number }).size = undefined;
    expect(ends('size', file)).toMatch(/read from a data file/);
    expect(ends('span', file)).toMatch(/no formal span/);
    expect(ends('span', scenario({ formal: null }))).toMatch(/no formal span \(a flat organization/);
  });
});

describe('declared parameters', () => {
  it('toggle a boolean, move a 0 to its upper bound, draw a declared range from its low to its high end', () => {
    const s = scenario({ formal: null, informal: { kind: 'lattice', width: 4, height: 4, wrap: false } });
    const wrap = declaredKnob('organization.informal.wrap').of(s) as KnobAt;
    expect([wrap.at(0).value, wrap.at(0.49).value, wrap.at(0.5).value, wrap.at(1).value]).toEqual([false, false, true, true]);
    const verify = declaredKnob('information.verify').of(s) as KnobAt;
    expect([verify.value, verify.at(0).value, verify.at(0.25).value, verify.at(1).value]).toEqual([0, 0, 0.25, 1]);
    const fanout = declaredKnob({ path: 'protocol.fanout', range: [1, 5, 'int'] }).of(s) as KnobAt;
    expect([fanout.at(0).sets, fanout.at(1).sets]).toEqual([{ 'protocol.fanout': 1 }, { 'protocol.fanout': 5 }]);
    expect(declaredKnob('no.such.key').of(s)).toEqual({ skip: 'no.such.key is not a number or a boolean of the scenario schema' });
  });
});

/** The hierarchy and the peers on 60 people for 60 ticks, with a declared parameter. */
const small: NamedScenario = {
  name: 'small',
  input: {
    ticks: 60,
    organization: { size: 60, formal: { kind: 'hierarchy', span: 2 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
    environment: { rate: 1, deadline: 20 },
    variants: [
      { label: 'hierarchy', set: { 'protocol.kind': 'client-server' } },
      { label: 'p2p', set: { 'protocol.kind': 'p2p' } },
    ],
  },
  robust: [{ path: 'protocol.fanout', range: [1, 5, 'int'] }],
};
const [missed, busier, ownKnob] = claimsOf(small, [
  { id: 'missed', title: 'peers miss fewer', compared: 'p2p − hierarchy, missed', ...variants('hierarchy', 'p2p'), measure: metric('missed'), side: '<' },
  { id: 'busier', title: 'twice the rate, more situations', compared: '…', ...variations('p2p', { 'environment.rate': 0.5 }, { 'environment.rate': 1 }), measure: metric('situations'), side: '>' },
  { id: 'own', title: 'with a knob of its own', compared: '…', ...variants('hierarchy', 'p2p'), measure: metric('missed'), side: '<', robust: ['environment.workTicks'] },
]);

describe('the design', () => {
  it('draws its hypercube as a sweep\'s `design: lhs` does: the same rows from the stream `<first seed>/design`', () => {
    const names = ['size', 'rate', 'attention', 'span'];
    const parsed = validateSweep({ scenario: 'hydra', seeds: 1, design: { kind: 'lhs', points: 16, ranges: Object.fromEntries(names.map((n) => [`x.${n}`, [0, 1]])) } });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const sweep = realizeDesign(parsed.sweep, 7)!;
    const points = designPoints(names, 16, 7);
    expect(points.filter((p) => p.design === 'lhs').map((p) => p.u)).toEqual(sweep.unit);
    expect(points.slice(0, 9).map((p) => [p.design, p.knob, p.end])).toEqual([
      ['base', undefined, undefined],
      ['oat', 'size', 'low'], ['oat', 'size', 'high'], ['oat', 'rate', 'low'], ['oat', 'rate', 'high'],
      ['oat', 'attention', 'low'], ['oat', 'attention', 'high'], ['oat', 'span', 'low'], ['oat', 'span', 'high'],
    ]);
    expect(designPoints([], 16, 7).map((p) => p.design)).toEqual(['base']); // no knob: no hypercube of copies of the base
  });

  it('has the common knobs, then the scenario\'s, then the claim\'s own', () => {
    expect(claimSpace(missed!).knobs.map((k) => k.name)).toEqual(['size', 'rate', 'attention', 'span', 'difficulty', 'deadline', 'protocol.fanout']);
    expect(claimSpace(ownKnob!).knobs.map((k) => k.name)).toEqual(['size', 'rate', 'attention', 'span', 'difficulty', 'deadline', 'protocol.fanout', 'environment.workTicks']);
  });

  it('groups the claims of a scenario with the same knobs and seeds; moves each arm from its own value; leaves out a point that moves nothing', () => {
    const plan = robustPlan([missed!, busier!, ownKnob!], 3, () => [1, 2]);
    expect(plan.groups.map((g) => g.claims.map((c) => c.claim.id))).toEqual([['small/missed', 'small/busier'], ['small/own']]);
    const g = plan.groups[0]!;
    const rateHigh = g.points.findIndex((p) => p.knob === 'rate' && p.end === 'high');
    expect(claimAtPoint(g.claims[1]!, g.points[rateHigh]!).arms).toEqual([{ 'environment.rate': 1 }, { 'environment.rate': 2 }]);
    // span 2 cannot go below 2: its low point moves no claim and is not run.
    const spanLow = g.points.findIndex((p) => p.knob === 'span' && p.end === 'low');
    expect(plan.pairs.some((p) => p.group === 0 && p.point === spanLow)).toBe(false);
    expect(plan.pairs.filter((p) => p.group === 0).length).toBe(g.points.length - 1);
    // Runs: pair by pair, seed by seed.
    expect(pairOfRun(plan, runOf(plan, 5, 1))).toEqual({ pair: plan.pairs[5], seed: 2 });
  });

  it('a run gives the claims\' numbers with the point\'s overrides applied to each arm, as the run cache gives them by hand', () => {
    const plan = robustPlan([missed!, busier!], 2, () => [3, 4]);
    const g = plan.groups[0]!;
    const at = g.points.findIndex((p) => p.design === 'lhs');
    const pair = plan.pairs.find((p) => p.point === at)!;
    const values = runRobustTask(new Map([missed!, busier!].map((c) => [c.id, c])), { run: 0, seed: 4, claims: pair.claims });
    const cache = new RunCache();
    const arms = pair.claims.find((c) => c.id === 'small/busier')!.arms;
    const by = (variation: Record<string, unknown>) => cache.variant(small, variation, 4, 'p2p').summary.metrics['situations'];
    expect(values['small/busier']).toEqual([by({ 'environment.rate': 0.5, ...arms[0] }), by({ 'environment.rate': 1, ...arms[1] })]);
    expect(arms[0]!['organization.size']).toBe(arms[1]!['organization.size']);
    expect(arms[1]!['environment.rate']).toBeCloseTo(2 * (arms[0]!['environment.rate'] as number), 12);
  });
});

describe('the results', () => {
  it('judge each point by its effect over the seeds and count shares one-at-a-time and in the hypercube apart; a failed run makes its point an error', () => {
    const plan = robustPlan([missed!], 2, () => [1, 2, 3]);
    const g = plan.groups[0]!;
    // missed (p2p − hierarchy) < 0 claimed: a point holds when b < a on every seed.
    const outcome = (run: number): RunOutcome | undefined => {
      const { pair } = pairOfRun(plan, run);
      const p = g.points[pair.point]!;
      const s = run % 3;
      if (p.design === 'lhs' && pair === plan.pairs[plan.pairs.length - 1]) return { error: 'boom' };
      if (p.knob === 'rate') return { values: { 'small/missed': [10, p.end === 'low' ? 20 + s : 5 + s] } }; // fails low, holds high
      if (p.knob === 'deadline') return { values: { 'small/missed': [10, 9 + s] } }; // inconclusive
      return { values: { 'small/missed': [10, 5 + s] } };
    };
    const [r] = robustResults(plan, [missed!], outcome);
    const oat = r!.points.filter((p) => p.design === 'oat');
    expect(oat.find((p) => p.knob === 'rate' && p.end === 'low')!.verdict).toBe('fails');
    expect(oat.find((p) => p.knob === 'rate' && p.end === 'high')!.verdict).toBe('holds');
    expect(oat.find((p) => p.knob === 'deadline' && p.end === 'low')!.verdict).toBe('inconclusive');
    expect(r!.unmoved).toEqual(['span low']);
    expect(r!.shares.oat).toEqual({ holds: oat.length - 3, fails: 1, inconclusive: 2, errors: 0, total: oat.length });
    expect(r!.shares.lhs).toEqual({ holds: 1, fails: 0, inconclusive: 0, errors: 1, total: 1 });
    const broken = r!.points.find((p) => p.verdict === 'error')!;
    expect([broken.error, broken.effect.mean]).toEqual(['boom', null]);
    const base = r!.points[0]!;
    expect(base.design).toBe('base');
    expect(base.values).toEqual({ size: 60, rate: 1, attention: null, span: 2, difficulty: 0.5, deadline: 20, 'protocol.fanout': 3 });
    expect([base.effect.mean, base.effect.n]).toEqual([-4, 3]);
  });
});
