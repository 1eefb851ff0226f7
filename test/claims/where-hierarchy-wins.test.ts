// The `where-hierarchy-wins` scenario's claims (issue 6), each a paired comparison over 20
// seeds whose 95 % CI must exclude zero on the claimed side; runs are shared
// between claims (engine/claims/library.ts).
import { describe, it, expect } from 'vitest';
import { whereHierarchyWinsClaims } from '../../engine/claims/where-hierarchy-wins.ts';

describe('Where hierarchy wins — rare, hard problems', () => {
  for (const claim of whereHierarchyWinsClaims) {
    it(claim.title, () => {
      const r = claim.run({ quick: false });
      expect(r.pass, r.detail).toBe(true);
    });
  }
});
