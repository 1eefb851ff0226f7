// The `karate` scenario (issue 6): the counts published with Zachary's data,
// through the engine, and the scenario's claim (paired over 20 seeds).
import { describe, it, expect } from 'vitest';
import { karateClaims } from '../../engine/claims/karate.ts';
import { tieCount } from '../../engine/graph/csr.ts';
import karate from '../../scenarios/karate.json' with { type: 'json' };
import { componentSizes, simOf } from './real-orgs.ts';

describe('Karate — a club that split in two', () => {
  it('has the published counts: 34 members, 78 ties; the split along club_after_split leaves two connected halves of 17', () => {
    const sim = simOf(karate, 'p2p');
    expect(sim.n).toBe(34);
    expect(tieCount(sim.informal())).toBe(78);
    expect(componentSizes(sim)).toEqual([34]);
    sim.step(151);
    expect(componentSizes(sim)).toEqual([17, 17]);
    // 11 of the 78 ties crossed the fault line.
    expect(tieCount(sim.informal())).toBe(67);
  });

  for (const claim of karateClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }
});
