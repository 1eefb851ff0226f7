// The `silos` scenario's claims (issue 6), each a paired comparison over 20
// seeds whose 95 % CI must exclude zero on the claimed side, against the
// documented `connected` variation; runs are shared (engine/claims/library.ts).
import { describe, it, expect } from 'vitest';
import { silosClaims, silosVariations } from '../../engine/claims/silos.ts';
import { runLibrary } from '../../engine/claims/library.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { createSimulation } from '../../engine/simulation.ts';
import silos from '../../scenarios/silos.json' with { type: 'json' };

describe('Silos — departments cut off, then reconnected', () => {
  for (const claim of silosClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }

  it('the hierarchy does not notice the silos: its reports and orders follow the chart, so every situation ends as it would connected', () => {
    for (const seed of [1, 2, 3]) {
      const cut = runLibrary('silos', silos, silosVariations.shipped, seed)['hierarchy']!.sim.situationRecords();
      const whole = runLibrary('silos', silos, silosVariations.connected, seed)['hierarchy']!.sim.situationRecords();
      expect(cut.map((r) => [r['leader'], r['resolutionTick'], r['outcome']])).toEqual(whole.map((r) => [r['leader'], r['resolutionTick'], r['outcome']]));
    }
  });

  it('from tick 120 to 240 no informal tie joins two departments except the head\'s own; after 240 they are back', () => {
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
  });
});
