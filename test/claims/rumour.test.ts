// The `rumour` scenario's claims (issue 6), each a paired comparison over 20
// seeds whose 95 % CI must exclude zero on the claimed side; runs are shared
// between claims (engine/claims/library.ts).
import { describe, it, expect } from 'vitest';
import { rumourClaims } from '../../engine/claims/rumour.ts';
import { runLibrary } from '../../engine/claims/library.ts';
import rumour from '../../scenarios/rumour.json' with { type: 'json' };

describe('Rumour — the power and the danger of instant sharing', () => {
  for (const claim of rumourClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }

  it('the stewards\' effect is their fact-checking: with factCheck 0 the steward variant believes exactly as the peers do', () => {
    let corrections = 0;
    for (const seed of [1, 2, 3]) {
      const off = runLibrary('rumour', rumour, { 'protocol.factCheck': 0 }, seed);
      expect(off['steward']!.summary.metrics['misinformedPeak']).toBe(off['p2p']!.summary.metrics['misinformedPeak']);
      expect(off['steward']!.summary.metrics['misinformationClearedTick']).toBe(off['p2p']!.summary.metrics['misinformationClearedTick']);
      expect(off['steward']!.sim.state.scalars['steward.corrections']).toBe(0);
      corrections += runLibrary('rumour', rumour, {}, seed)['steward']!.sim.state.scalars['steward.corrections']!;
    }
    // …while the shipped stewards do check facts.
    expect(corrections).toBeGreaterThan(0);
  });
});
