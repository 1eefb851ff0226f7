// The `overload` scenario's claims (issue 6), each a paired comparison over 20
// seeds whose 95 % CI must exclude zero on the claimed side; runs are shared
// between claims (engine/claims/library.ts).
import { describe, it, expect } from 'vitest';
import { overloadClaims } from '../../engine/claims/overload.ts';
import { runLibrary } from '../../engine/claims/library.ts';
import overload from '../../scenarios/overload.json' with { type: 'json' };

describe('Overload — information from everywhere', () => {
  for (const claim of overloadClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }

  it('in the hierarchy the head (person 0) receives more messages than anyone else, in every seed', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const sim = runLibrary('overload', overload, {}, seed)['hierarchy']!.sim;
      const load = sim.state.f64('load.total');
      let argmax = 0;
      for (let i = 1; i < sim.n; i++) if (load[i]! > load[argmax]!) argmax = i;
      expect(argmax).toBe(0);
    }
  });
});
