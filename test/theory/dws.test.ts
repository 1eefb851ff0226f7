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
    const load = outcome('dws-load-multiscale-below-tree');
    expect(load.model).toBeLessThan(-0.2); // ρ_max of the tree exceeds multiscale's by more than a fifth of a message a tick
    const connected = outcome('dws-connected-multiscale-above-tree');
    expect(connected.model).toBeGreaterThan(0.9); // the tree keeps a few per cent, multiscale nearly everyone
  });
});
