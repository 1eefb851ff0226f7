// The `lazega` scenario (issue 6): the counts published with Lazega's data,
// through the engine, and the scenario's claims (paired over 20 seeds).
import { describe, it, expect } from 'vitest';
import { lazegaClaims } from '../../engine/claims/lazega.ts';
import { tieCount } from '../../engine/graph/csr.ts';
import lazega from '../../scenarios/lazega.json' with { type: 'json' };
import { componentSizes, rows, simOf, undirectedTies } from './real-orgs.ts';

describe('Lazega — a law firm\'s three offices as silos', () => {
  it('has the published counts: 71 lawyers (36 partners), 378 cowork ties, 892 advice nominations; offices of 48, 19 and 4', () => {
    const sim = simOf(lazega, 'cowork');
    expect(sim.n).toBe(71);
    expect(tieCount(sim.informal())).toBe(378);
    const nodes = rows('data/lazega-lawfirm/nodes.csv');
    expect(nodes.filter((r) => r[3] === 'partner').length).toBe(36);
    const advice = rows('data/lazega-lawfirm/edges-advice.csv');
    expect(advice.length).toBe(892);
    expect(tieCount(simOf(lazega, 'advice').informal())).toBe(undirectedTies(advice));
    // Lawyer 8 works with nobody.
    const g = sim.informal(), eight = sim.labels.indexOf('8');
    expect(g.offsets[eight + 1]! - g.offsets[eight]!).toBe(0);
    // The partition by office (tick 150) leaves each office on its own: Boston's 48 but lawyer 8, Hartford's 19,
    // Providence's 4, and lawyer 8 alone.
    sim.step(151);
    expect(componentSizes(sim)).toEqual([47, 19, 4, 1]);
  });

  for (const claim of lazegaClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }
});
