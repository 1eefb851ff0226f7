// The `email-eu` scenario (issue 6): the counts published with SNAP's
// email-Eu-core, through the engine, and the scenario's claims (paired over 20 seeds).
import { describe, it, expect } from 'vitest';
import { emailEuClaims } from '../../engine/claims/email-eu.ts';
import { tieCount } from '../../engine/graph/csr.ts';
import emailEu from '../../scenarios/email-eu.json' with { type: 'json' };
import { componentSizes, rows, simOf, undirectedTies } from './real-orgs.ts';

describe('email-eu — 1,005 people in 42 departments', () => {
  it('has the published counts: 1,005 people, 25,571 e-mail arcs (642 self-loops), 42 departments, a largest component of 986', () => {
    const sim = simOf(emailEu, 'p2p');
    expect(sim.n).toBe(1005);
    const arcs = rows('data/email-eu-core/edges-email.csv');
    expect(arcs.length).toBe(25571);
    expect(arcs.filter(([s, t]) => s === t).length).toBe(642);
    expect(tieCount(sim.informal())).toBe(undirectedTies(arcs));
    expect(tieCount(sim.informal())).toBe(16064);
    expect(componentSizes(sim)[0]).toBe(986);
    expect(new Set(rows('data/email-eu-core/nodes.csv').map((r) => r[1])).size).toBe(42);
    // The partition by department (tick 100): no piece is larger than the largest department (109 people).
    sim.step(101);
    expect(componentSizes(sim)[0]!).toBeLessThanOrEqual(109);
  });

  for (const claim of emailEuClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }
});
