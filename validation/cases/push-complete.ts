// Push gossip on the complete graph K_n needs log2 n + ln n + O(1) rounds to
// inform everyone: log2 n while the informed double, ln n to find the last ones
// (a coupon collector). Frieze & Grimmett (1985) proved it in probability;
// Pittel (1987) showed the O(1) stays bounded. Its mean is about 1 at these n,
// which is where we centre the theory; ±1.5 rounds cover the O(1) honestly.
import { meanSe, threeSe, result, fmt, type ValidationCase } from '../case.ts';
import { runToSettled, seedsOf, variantScenario } from './textbook.ts';

/** log2 n + ln n + 1: the leading terms of Frieze–Grimmett/Pittel plus the constant they leave open, taken as 1. */
export function pushRoundsTheory(n: number): number {
  return Math.log2(n) + Math.log(n) + 1;
}

/** Half-width allowed for the O(1) term, in rounds (added to 3 standard errors). */
export const PUSH_CONSTANT_SLACK = 1.5;

function pushCase(n: number): ValidationCase {
  return {
    id: `push-complete-${n}`,
    title: `push gossip on K_n (n = ${n}): rounds to inform everyone ≈ log2 n + ln n + 1`,
    citation: 'Frieze & Grimmett 1985, Discrete Appl. Math. 10:57-77; Pittel 1987, SIAM J. Appl. Math. 47:213-223',
    run({ quick }) {
      const scenario = variantScenario('push-complete', `n=${n}`);
      const rounds = seedsOf(scenario, quick ? 30 : 200).map((seed) => {
        const r = runToSettled(scenario, seed).summary().items['news']!.roundsToAll;
        return r ?? Infinity; // never reached within the ticks: a failure, not a missing value
      });
      const stats = meanSe(rounds);
      const { mean, sd, count } = stats;
      const theory = pushRoundsTheory(n);
      return result(
        mean,
        theory,
        PUSH_CONSTANT_SLACK + threeSe(stats),
        `mean roundsToAll over ${count} seeds = ${fmt(mean)} (sd ${fmt(sd)}); log2 n + ln n = ${fmt(theory - 1)}, +1 for the O(1) term, which ±${PUSH_CONSTANT_SLACK} rounds cover`,
      );
    },
  };
}

/** One case per size: n = 2^12, 2^13, 2^14. */
export const pushCompleteCases: ValidationCase[] = [4096, 8192, 16384].map(pushCase);
