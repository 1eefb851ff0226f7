// Management by exception (MODEL.md §10.2–10.3): a manager knows the members of
// its subtree as of the last review. People who left before a review stay in the
// chain until their successions are done, but are no longer members: like the
// directory, a manager's estimates forget them, so nobody names them again once
// the review has passed. (Before this was so, a leaf who left kept its estimate
// for ever and its managers kept ordering it: in the turnover scenario about 100
// stale orders a run, 300 with a review every tick.)
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/simulation.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';

const churn = (reviewPeriod: number, seed: number) => {
  const r = validateScenario({
    seed,
    ticks: 200,
    organization: { size: 156, formal: { kind: 'hierarchy', span: 5 }, informal: { kind: 'small-world', k: 6, p: 0.1 } },
    environment: { rate: 1 },
    protocol: { kind: 'client-server', reviewPeriod, successionDelay: 20 },
    shocks: [
      { at: 20, every: 10, until: 190, kind: 'remove-nodes', target: 'random', count: 4 },
      { at: 20, every: 10, until: 190, kind: 'add-nodes', count: 4 },
    ],
  });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return createSimulation(r.scenario, seed);
};

describe('managers\' estimates forget the people who left (management by exception)', () => {
  it('after each review no one who has left has an estimate, though they are still in the chain', () => {
    const sim = churn(10, 1);
    const levels = () => sim.state.scalars['cs.est.levels']!;
    let checked = 0;
    for (let t = 0; t < 200; t += 10) {
      sim.step(10); // ends right after a review (every 10 ticks)
      const alive = sim.state.u8('alive'), est = sim.state.f32('cs.est'), D = 4, L = levels();
      for (let v = 0; v < sim.n; v++) {
        if (alive[v]) continue;
        checked++;
        for (let j = 0; j < L * D; j++) expect(est[v * L * D + j], `person ${v} left but keeps an estimate`).toBe(-1);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('reviewed every tick, the managers never order someone who left before the review (staleOrders 0)', () => {
    for (const seed of [1, 2, 3]) {
      const sim = churn(1, seed);
      sim.step(200);
      const m = sim.summary().metrics;
      expect(m['decisionsTotal']!, `seed ${seed}`).toBeGreaterThan(100);
      expect(m['staleOrders'], `seed ${seed}`).toBe(0);
    }
  });
});
