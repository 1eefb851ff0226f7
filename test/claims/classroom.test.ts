// The classroom scenario's claims (issue: the organization): each a paired
// comparison over 20 seeds on the shipped scenario or a documented variation,
// passing only when the 95 % CI of the paired difference excludes zero on the
// claimed side. Runs are shared between claims (engine/claims/paired.ts).
import { describe, it, expect } from 'vitest';
import { classroomClaims } from '../../engine/claims/classroom.ts';
import { runVariants } from '../../engine/claims/paired.ts';
import classroom from '../../scenarios/classroom.json' with { type: 'json' };

describe('classroom: hierarchy against peers and stewards', () => {
  for (const claim of classroomClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }

  it('in rush hour the hierarchy\'s root receives more messages than anyone else, in every seed', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const runs = runVariants('classroom', classroom, { 'environment.rate': 6, shocks: [] }, seed);
      const sim = runs['hierarchy']!.sim;
      const load = sim.state.f64('load.total');
      let argmax = 0;
      for (let i = 1; i < sim.n; i++) if (load[i]! > load[argmax]!) argmax = i;
      expect(argmax).toBe(0);
    }
  });

  it('in rush hour peer-to-peer latency stays well under the deadline while the hierarchy misses situations', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const runs = runVariants('classroom', classroom, { 'environment.rate': 6, shocks: [] }, seed);
      expect(runs['p2p']!.summary.metrics['latencyMean']!).toBeLessThan(classroom.environment.deadline / 2);
      expect(runs['hierarchy']!.summary.metrics['missed']!).toBeGreaterThan(runs['p2p']!.summary.metrics['missed']!);
    }
  });
});
