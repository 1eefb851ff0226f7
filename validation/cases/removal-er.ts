// Random removal from an Erdős–Rényi graph is site percolation: each person
// stays with probability phi = 1 − f, and the survivors form a random graph
// of phi·n people with mean degree c·phi. Its giant component holds the share
// S of them with S = 1 − exp(−c·phi·S), so phi·S of the original n (the
// engine's giantComponent divides by the initial n). Below c·phi = 1 there is
// no giant component: the largest one has O(log n) people (Erdős & Rényi 1960;
// Callaway, Newman, Strogatz & Watts 2000).
import { createSimulation } from '../../engine/simulation.ts';
import { giantShare } from './cascade-er.ts';
import { meanSe, threeSe, result, fmt, type ValidationCase } from '../case.ts';
import { seedsOf, variantScenario } from './textbook.ts';

/** Giant component after removing a fraction f at random from ER of mean degree c, as a share of the original n. */
export function sitePercolationGiant(meanDegree: number, f: number): number {
  const phi = 1 - f;
  return phi * giantShare(meanDegree * phi);
}

/** Below the threshold the largest component must stay under this share of n ("a few %", generous for O(log n)). */
export const SUBCRITICAL_CEILING = 0.02;

function removalCase(f: number): ValidationCase {
  return {
    id: `removal-er-f${f}`,
    title: `random removal of ${f * 100} % from ER (n = 100000, c = 4) follows the percolation curve`,
    citation: 'Erdős & Rényi 1960; Callaway, Newman, Strogatz & Watts 2000, Phys. Rev. Lett. 85:5468',
    run({ quick }) {
      const scenario = variantScenario('removal-er', `f=${f}`);
      const c = (scenario.organization.informal as { meanDegree: number }).meanDegree;
      const giants = seedsOf(scenario, quick ? 10 : 40).map((seed) => {
        const sim = createSimulation(scenario, seed);
        sim.step(1); // the shock happens at tick 0, the giant is recorded at its end
        return sim.series().values['giantComponent']![0]!;
      });
      const stats = meanSe(giants);
      const { mean, sd, count } = stats;
      const phi = 1 - f;
      const theory = sitePercolationGiant(c, f);
      if (c * phi <= 1) {
        return result(
          mean,
          theory,
          SUBCRITICAL_CEILING,
          `c·phi = ${fmt(c * phi)} < 1, no giant component: the largest has O(log n) people; over ${count} seeds its mean share is ${fmt(mean)} (must stay under ${SUBCRITICAL_CEILING})`,
        );
      }
      return result(
        mean,
        theory,
        threeSe(stats),
        `${count} seeds: giantComponent ${fmt(mean)} (sd ${fmt(sd)}) vs phi·S with S = 1 - exp(-c phi S), phi = ${fmt(phi)}: ${fmt(theory)}`,
      );
    },
  };
}

export const removalErCases: ValidationCase[] = [0.2, 0.5, 0.7, 0.8].map(removalCase);
