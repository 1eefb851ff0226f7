// The `hydra` scenario's claims (issue 6), each a paired comparison over 20
// seeds whose 95 % CI must exclude zero on the claimed side; runs are shared
// between claims (engine/claims/library.ts).
import { describe, it, expect } from 'vitest';
import { hydraClaims } from '../../engine/claims/hydra.ts';
import { runLibrary, seriesMean } from '../../engine/claims/library.ts';
import hydra from '../../scenarios/hydra.json' with { type: 'json' };

describe('Hydra — cut off the head', () => {
  for (const claim of hydraClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }

  it('the hierarchy\'s stall is the wait for a successor: with successionDelay 0 it resolves more in ticks 101–120', () => {
    const window = seriesMean('resolved', 101, 121);
    let instant = 0, shipped = 0;
    for (const seed of [1, 2, 3]) {
      instant += window(runLibrary('hydra', hydra, { 'protocol.successionDelay': 0 }, seed)['hierarchy']!)!;
      shipped += window(runLibrary('hydra', hydra, {}, seed)['hierarchy']!)!;
    }
    expect(instant).toBeGreaterThan(shipped + 1);
  });
});
