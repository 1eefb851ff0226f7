// The `krackhardt` scenario (issue 6): the counts published with Krackhardt's
// data, through the engine, and the scenario's claims (paired over 20 seeds).
import { describe, it, expect } from 'vitest';
import { krackhardtClaims } from '../../engine/claims/krackhardt.ts';
import { tieCount } from '../../engine/graph/csr.ts';
import krackhardt from '../../scenarios/krackhardt.json' with { type: 'json' };
import { rows, simOf, undirectedTies } from './real-orgs.ts';

describe('Krackhardt — the chart against the advice network', () => {
  it('has the published counts: 21 managers, a reports-to tree of 20 lines rooted at the CEO (7), 190 advice nominations', () => {
    const sim = simOf(krackhardt, 'advice');
    expect(sim.n).toBe(21);
    const parent = sim.state.i32('formal.parent');
    const label = (i: number) => sim.labels[i]!;
    const roots = [...parent.keys()].filter((i) => parent[i]! < 0);
    expect(roots.map(label)).toEqual(['7']);
    expect([...parent].filter((p) => p >= 0).length).toBe(20);
    for (const vp of ['2', '14', '18', '21']) expect(label(parent[sim.labels.indexOf(vp)]!)).toBe('7');
    const advice = rows('data/krackhardt-hightech/edges-advice.csv');
    expect(advice.length).toBe(190);
    // The informal layer is the undirected union of the nominations: 145 ties once mutual ones merge.
    expect(tieCount(sim.informal())).toBe(undirectedTies(advice));
    expect(tieCount(sim.informal())).toBe(145);
    // The chart-only peers talk along the 20 reporting lines.
    expect(tieCount(simOf(krackhardt, 'p2p-chart').informal())).toBe(20);
  });

  for (const claim of krackhardtClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }
});
