// The `stewards` scenario's claims (issue 6), each a paired comparison over 20
// seeds whose 95 % CI must exclude zero on the claimed side; runs are shared
// between claims (engine/claims/library.ts).
import { describe, it, expect } from 'vitest';
import { stewardsClaims } from '../../engine/claims/stewards.ts';
import { runLibrary } from '../../engine/claims/library.ts';
import stewards from '../../scenarios/stewards.json' with { type: 'json' };

describe('Stewards — leaders who tend the network', () => {
  for (const claim of stewardsClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }

  it('the stewards\' effect is the ties they add: with a budget of 0 the steward variant resolves exactly what the peers do', () => {
    for (const seed of [1, 2, 3]) {
      const off = runLibrary('stewards', stewards, { 'protocol.budget': 0 }, seed);
      expect(off['steward']!.sim.state.scalars['steward.ties']).toBe(0);
      for (const m of ['resolved', 'missed', 'messagesTotal', 'giantComponentMin']) {
        expect(off['steward']!.summary.metrics[m], m).toBe(off['p2p']!.summary.metrics[m]);
      }
      expect(runLibrary('stewards', stewards, {}, seed)['steward']!.sim.state.scalars['steward.ties']!).toBeGreaterThan(0);
    }
  });
});
