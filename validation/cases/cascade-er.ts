// The independent cascade (flood with stifle 1) on an Erdős–Rényi graph: every
// newly informed person tries each tie once, with probability beta, then
// stops. The ties that ever carry the news are a bond percolation of the graph
// with occupation beta, i.e. a random graph of mean degree c·beta, so a large
// outbreak reaches the share S with S = 1 − exp(−c·beta·S) (Erdős & Rényi 1960;
// Newman 2002), and one seed starts a large outbreak with probability S too.
// Small outbreaks (≤ 1 % of n) are the other branch and are set aside. On
// the complete layer (flood by geometric skipping) the cascade is the seed's
// component in G(n, beta) itself.
import { meanSe, threeSe, result, fmt, type ValidationCase } from '../case.ts';
import { runToSettled, seedsOf, variantScenario } from './textbook.ts';

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

function cascadeCase(label: string, id: string, title: string): ValidationCase {
  return {
    id,
    title,
    citation: 'Erdős & Rényi 1960; Newman 2002, Spread of epidemic disease on networks, Phys. Rev. E 66:016128',
    run({ quick }) {
      const scenario = variantScenario('cascade-er', label);
      const informal = scenario.organization.informal;
      const beta = scenario.information.items[0]!.spread.beta;
      // On K_n every pair is a tie: the cascade is the seed's component in G(n, beta), of mean degree (n − 1)·beta.
      const meanDegree = informal.kind === 'complete' ? scenario.organization.size! - 1 : (informal as { meanDegree: number }).meanDegree;
      const wanted = quick ? 6 : 40;
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
      const theory = giantShare(meanDegree * beta);
      return result(
        mean,
        theory,
        threeSe(stats),
        `c·beta = ${fmt(meanDegree * beta)}: ${count} large outbreaks (> ${LARGE_OUTBREAK * 100} % of n) in ${tried} seeds (share ${fmt(count / tried)}, theory ${fmt(theory)}); their mean final size ${fmt(mean)} (sd ${fmt(sd)}) vs S = 1 - exp(-c beta S) = ${fmt(theory)}`,
      );
    },
  };
}

/**
 * beta = 0.3 (c·beta = 3, well above the threshold) and beta = 0.15 (c·beta = 1.5,
 * nearer to it) on ER; and K_n with beta = 10^-4 (the complete layer's geometric
 * skipping: Erdős–Rényi's own giant component of G(n, p), (n − 1)·p = 2).
 */
export const cascadeErCases: ValidationCase[] = [
  cascadeCase('beta=0.3', 'cascade-er-beta0.3', 'independent cascade on ER (n = 100000, c = 10, beta = 0.3) reaches the bond-percolation final size'),
  cascadeCase('beta=0.15', 'cascade-er-beta0.15', 'independent cascade on ER (n = 100000, c = 10, beta = 0.15) reaches the bond-percolation final size'),
  cascadeCase('complete', 'cascade-complete', 'independent cascade on K_n (n = 20001, beta = 1e-4) reaches the giant component of G(n, beta)'),
];
