// The `turnover` scenario's claims (issue 6), each a paired comparison over 20
// seeds whose 95 % CI must exclude zero on the claimed side, against the
// documented `stable` variation; runs are shared (engine/claims/library.ts).
import { describe, it, expect } from 'vitest';
import { turnoverClaims } from '../../engine/claims/turnover.ts';
import { runLibrary } from '../../engine/claims/library.ts';
import turnover from '../../scenarios/turnover.json' with { type: 'json' };

describe('Turnover — a stale directory against relationships that repair themselves', () => {
  for (const claim of turnoverClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }

  it('the stale orders come from the directory\'s review period: reviewed every tick, the head never orders someone who has left', () => {
    for (const seed of [1, 2, 3]) {
      const fresh = runLibrary('turnover', turnover, { 'protocol.reviewPeriod': 1 }, seed)['hierarchy']!;
      expect(fresh.summary.metrics['staleOrders']).toBe(0);
      expect(runLibrary('turnover', turnover, {}, seed)['hierarchy']!.summary.metrics['staleOrders']).toBeGreaterThan(0);
    }
  });
});
