// Dodds, Watts & Sabel's congestion result (validation/cases/dws.ts) in quick
// mode: b = 5, L = 5 (N = 781, m = N), 10 seeds never used while writing the
// cases, the four tie types the orderings need. The runs are shared by the
// cases through one run cache (outcomes.ts); `equipotent check` runs DWS's full
// size (N = 3906) over 20 other seeds.
import { describe, expect, it } from 'vitest';
import { textbookCases } from '../../validation/index.ts';
import { outcome } from './outcomes.ts';

const DWS_CASES = textbookCases.map((c) => c.id).filter((id) => id.startsWith('dws-'));

describe('the validation set: exchanges routed as Dodds, Watts & Sabel (quick)', () => {
  it('has the congestion and connectivity cases', () => {
    expect(DWS_CASES).toEqual([
      'dws-load-multiscale-below-local-team',
      'dws-load-multiscale-below-random-interdivisional',
      'dws-load-multiscale-below-tree',
      'dws-connected-multiscale-above-local-team',
      'dws-connected-multiscale-above-tree',
      'dws-connected-multiscale-stays',
    ]);
  });

  it.each(DWS_CASES)('%s passes', (id) => {
    const r = outcome(id);
    expect(r.pass, `${id}: model ${r.model}, theory ${r.relation} ${r.theory} ±${r.tolerance} — ${r.detail}`).toBe(true);
  });

  it('the pure tree is the most congested and falls apart when its root goes: every exchange between divisions passes the root', () => {
    // ρ_max of the tree exceeds multiscale's by more than a fifth of a message a tick…
    expect(outcome('dws-load-multiscale-below-tree').model).toBeLessThan(-0.2);
    // …and after the removals the tree keeps a few per cent connected, multiscale nearly everyone.
    expect(outcome('dws-connected-multiscale-above-tree').model).toBeGreaterThan(0.9);
  });
});
