// What makes a scenario's claims hold, checked on the runs the claims use (and
// a few more): switch the mechanism off and the effect goes; look inside the
// runs and the cause is there. claims.test.ts runs these right after the
// claims of their scenario, through the same run cache, so the runs are shared.
import { expect } from 'vitest';
import type { VariantRuns, Variation } from '../../validation/runner.ts';
import { silosVariations } from '../../validation/claims/silos.ts';
import { exchangesClaims, exchangesControl } from '../../validation/claims/exchanges.ts';
import { pairedDifference } from '../../engine/stats.ts';
import { vanishes } from '../../stats/equivalence.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { createSimulation, type Simulation } from '../../engine/simulation.ts';
import silos from '../../scenarios/silos.json' with { type: 'json' };

/** The runs of every variant of the check's scenario under `variation` at `seed` (from the shared cache). */
export type Runs = (variation: Variation, seed: number) => VariantRuns;

export interface Mechanism {
  /** The scenario whose claims it explains (its runs are the ones `runs` gives). */
  scenario: string;
  title: string;
  check(runs: Runs): void;
  /** A check of model 1's mechanism that model 2 breaks (it must fail; issue 15 rewrites it with its claim). */
  brokenByModel2?: string;
}

/** The person who received the most messages (lowest id on ties). */
function busiest(sim: Simulation): number {
  return busiestOf(sim.state.f64('load.total'));
}

/** The index of the largest load (lowest id on ties). */
function busiestOf(load: Float64Array): number {
  let argmax = 0;
  for (let i = 1; i < load.length; i++) if (load[i]! > load[argmax]!) argmax = i;
  return argmax;
}

export const mechanisms: readonly Mechanism[] = [
  {
    scenario: 'overload',
    title: 'under strict command the head (person 0) receives more messages than anyone else, in every seed; managed by exception it never does',
    check(runs) {
      for (let seed = 1; seed <= 20; seed++) {
        const r = runs({}, seed);
        expect(busiest(r['strict command']!.sim)).toBe(0);
        expect(busiest(r['by exception']!.sim)).not.toBe(0);
      }
    },
  },
  {
    scenario: 'rumour',
    title: 'the stewards\' effect is their fact-checking: with factCheck 0 the steward variant believes exactly as the peers do',
    brokenByModel2: 'under model 2 the stewards\' ties and messages cost attention, so their variant differs from the peers\' even without fact-checking',
    check(runs) {
      let corrections = 0;
      for (const seed of [1, 2, 3]) {
        const off = runs({ 'protocol.factCheck': 0 }, seed);
        expect(off['steward']!.summary.metrics['misinformedPeak']).toBe(off['p2p']!.summary.metrics['misinformedPeak']);
        expect(off['steward']!.summary.metrics['misinformationClearedTick']).toBe(off['p2p']!.summary.metrics['misinformationClearedTick']);
        expect(off['steward']!.sim.state.scalars['steward.corrections']).toBe(0);
        corrections += runs({}, seed)['steward']!.sim.state.scalars['steward.corrections']!;
      }
      // …while the shipped stewards do check facts.
      expect(corrections).toBeGreaterThan(0);
    },
  },
  {
    scenario: 'silos',
    title: 'the hierarchy does not notice the silos: its reports and orders follow the chart, so every situation ends as it would connected',
    check(runs) {
      const ends = (v: Variation, seed: number) => runs(v, seed)['hierarchy']!.sim.situationRecords().map((r) => [r['leader'], r['resolutionTick'], r['outcome']]);
      for (const seed of [1, 2, 3]) expect(ends(silosVariations.shipped, seed)).toEqual(ends(silosVariations.connected, seed));
    },
  },
  {
    scenario: 'silos',
    title: 'from tick 120 to 240 no informal tie joins two departments except the head\'s own; after 240 they are back',
    check() {
      const v = expandVariants(silos).find((x) => x.label === 'p2p')!;
      if (!v.ok) throw new Error(v.errors.join('; '));
      const sim = createSimulation(v.scenario, 1);
      const parent = sim.state.i32('formal.parent'), level = sim.state.i32('formal.level');
      const dept = (i: number) => { let a = i; while (level[a]! > 1) a = parent[a]!; return a; };
      const crossing = () => {
        const g = sim.informal();
        let k = 0;
        for (let u = 0; u < sim.n; u++) {
          for (let e = g.offsets[u]!; e < g.offsets[u + 1]!; e++) {
            const w = g.targets[e]!;
            if (u !== 0 && w !== 0 && dept(u) !== dept(w)) k++;
          }
        }
        return k;
      };
      expect(crossing()).toBeGreaterThan(0);
      sim.step(130);
      expect(crossing()).toBe(0);
      sim.step(120);
      expect(crossing()).toBeGreaterThan(0);
    },
  },
  {
    scenario: 'exchanges',
    title: 'in the chart the head receives more messages than anyone, in every seed; with multiscale ties it receives less than half as many',
    check(runs) {
      const load = (label: string, seed: number) => runs({}, seed)[label]!.sim.state.f64('load.total');
      for (let seed = 1; seed <= 20; seed++) {
        const chart = load('chart', seed);
        expect(busiestOf(chart), `seed ${seed}`).toBe(0);
        expect(load('multiscale ties', seed)[0]!, `seed ${seed}`).toBeLessThan(chart[0]! / 2);
      }
    },
  },
  {
    scenario: 'exchanges',
    title: 'each claim\'s effect is the routing over the ties: routed by the chart (its control), the ties stay and the effect vanishes (MODEL.md §10.6: its 95 % CI within ±20 % of the effect)',
    check(runs) {
      for (const claim of exchangesClaims) {
        expect(claim.control).toEqual(exchangesControl);
        const arms = (variation: Variation) => {
          const a: number[] = [], b: number[] = [];
          for (let seed = claim.seeds.from; seed < claim.seeds.from + claim.seeds.count; seed++) {
            const r = runs(variation, seed);
            a.push(claim.measure(r['chart']!)!);
            b.push(claim.measure(r['multiscale ties']!)!);
          }
          return pairedDifference(a, b);
        };
        const effect = arms({}), controlled = arms(exchangesControl);
        expect(vanishes(controlled, effect.mean), `${claim.id}: effect ${effect.mean}, with the control [${controlled.lo}, ${controlled.hi}]`).toBe(true);
      }
    },
  },
  {
    scenario: 'stewards',
    title: 'the stewards\' effect is the ties they add: with a budget of 0 the steward variant resolves exactly what the peers do',
    check(runs) {
      for (const seed of [1, 2, 3]) {
        const off = runs({ 'protocol.budget': 0 }, seed);
        expect(off['steward']!.sim.state.scalars['steward.ties']).toBe(0);
        for (const m of ['resolved', 'missed', 'messagesTotal', 'giantComponentMin']) {
          expect(off['steward']!.summary.metrics[m], m).toBe(off['p2p']!.summary.metrics[m]);
        }
        expect(runs({}, seed)['steward']!.sim.state.scalars['steward.ties']!).toBeGreaterThan(0);
      }
    },
  },
];
