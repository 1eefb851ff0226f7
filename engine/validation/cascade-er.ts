// The independent cascade (flood with stifle 1) on an Erdős–Rényi graph: every
// newly informed person tries each tie once, with probability beta, then
// stops. The ties that ever carry the news are a bond percolation of the graph
// with occupation beta, i.e. a random graph of mean degree c·beta, so a large
// outbreak reaches the share S with S = 1 − exp(−c·beta·S) (Erdős & Rényi 1960;
// Newman 2002), and one seed starts a large outbreak with probability S too.
// Small outbreaks (≤ 1 % of n) are the other branch and are set aside.
import { meanSe, threeSe, result, runToSettled, seedsOf, variantScenario, fmt, type ValidationCase } from './case.ts';

/** The root S > 0 of S = 1 − exp(−x·S) (0 when x ≤ 1): the giant share of a random graph of mean degree x. */
export function giantShare(meanDegree: number): number {
  if (meanDegree <= 1) return 0;
  let s = 1;
  for (let i = 0; i < 100_000; i++) {
    const next = 1 - Math.exp(-meanDegree * s);
    if (Math.abs(next - s) < 1e-15) return next;
    s = next;
  }
  return s;
}

/** Outbreaks above this share of n are "large". */
export const LARGE_OUTBREAK = 0.01;

function cascadeCase(beta: number): ValidationCase {
  return {
    id: `cascade-er-beta${beta}`,
    title: `independent cascade on ER (n = 100000, c = 10, beta = ${beta}) reaches the bond-percolation final size`,
    citation: 'Erdős & Rényi 1960; Newman 2002, Spread of epidemic disease on networks, Phys. Rev. E 66:016128',
    run({ quick }) {
      const scenario = variantScenario('cascade-er', `beta=${beta}`);
      const info = scenario.organization.informal as { meanDegree: number };
      const wanted = quick ? 6 : 20;
      // Seeds in order until enough large outbreaks (or a cap far beyond the expected 1/S per outbreak).
      const large: number[] = [];
      let tried = 0;
      for (const seed of seedsOf(scenario, 20 * wanted)) {
        if (large.length >= wanted) break;
        tried++;
        const share = runToSettled(scenario, seed).summary().items['cascade']!.informedFinal;
        if (share > LARGE_OUTBREAK) large.push(share);
      }
      const stats = meanSe(large);
      const { mean, sd, count } = stats;
      const theory = giantShare(info.meanDegree * beta);
      return result(
        mean,
        theory,
        threeSe(stats),
        `c·beta = ${fmt(info.meanDegree * beta)}: ${count} large outbreaks (> ${LARGE_OUTBREAK * 100} % of n) in ${tried} seeds (share ${fmt(count / tried)}, theory ${fmt(theory)}); their mean final size ${fmt(mean)} (sd ${fmt(sd)}) vs S = 1 - exp(-c beta S) = ${fmt(theory)}`,
      );
    },
  };
}

/** beta = 0.3 (c·beta = 3, well above the threshold) and beta = 0.15 (c·beta = 1.5, nearer to it). */
export const cascadeErCases: ValidationCase[] = [cascadeCase(0.3), cascadeCase(0.15)];
