// Rumour mongering with a blind coin (Demers et al. 1987): push on K_n, and
// after each push the spreader stops with probability 1/k whatever the
// recipient knew (the engine's `stifle` = 1/k). Demers et al.'s Table 2 gives
// the residue (share never informed) from simulations of 1000 sites: 0.20 for
// k = 2, 0.96 for k = 1. We derive both here rather than copy them:
//
// - k = 2: integrate the expected discrete rounds at the model's n. With S
//   unaware and I spreading, an unaware person escapes all I pushes with
//   probability (1 − 1/(n−1))^I, so S' = S·(1 − 1/(n−1))^I and
//   I' = (1 − 1/k)·I + (S − S'). Each informed person pushes k times on
//   average, so the residue s solves s = exp(−k(1 − s)) as n → ∞ (the
//   mean-field ODE s' = −s·i, i' = s·i − i/k gives the same): 0.2032 for k = 2.
// - k = 1: that ODE is critical (s = 1), so its finite-n answer is all there
//   is. One spreader at a time pushes once and hands over; the chain stops at its
//   first repeat. With j informed the next push finds someone new with
//   probability (n − j)/(n − 1), so E[informed] = Σ_{j≥1} Π_{i<j} (n − i)/(n − 1)
//   exactly (the birthday problem, ≈ sqrt(πn/2)): residue 0.9597 at n = 1000.
import { meanSe, threeSe, result, fmt, type ValidationCase } from '../case.ts';
import { runToSettled, seedsOf, variantScenario } from './textbook.ts';

const CITATION =
  'Demers, Greene, Hauser, Irish, Larson, Shenker, Sturgis, Swinehart & Terry 1987, Epidemic algorithms for replicated database maintenance, PODC 1987, Table 2';

/** Expected residue of blind-coin rumour mongering with stop probability 1/k, from one seed on K_n, by the discrete rounds. */
export function blindCoinResidue(k: number, n: number): number {
  const stop = 1 / k;
  const miss = Math.log1p(-1 / (n - 1));
  let S = n - 1, I = 1;
  for (let round = 0; round < 100_000 && I > 1e-9; round++) {
    const next = S * Math.exp(miss * I);
    I = (1 - stop) * I + (S - next);
    S = next;
  }
  return S / n;
}

/** The n → ∞ residue: the root of s = exp(−k(1 − s)) below 1 (1 when k ≤ 1). */
export function blindCoinResidueLimit(k: number): number {
  if (k <= 1) return 1;
  let s = 0;
  for (let i = 0; i < 10_000; i++) s = Math.exp(-k * (1 - s));
  return s;
}

/** The exact expected residue of the k = 1 chain on K_n (the birthday problem). */
export function singleChainResidue(n: number): number {
  let p = 1, informed = 0;
  for (let j = 1; j <= n && p > 0; j++) {
    informed += p; // P(at least j informed)
    p *= (n - j) / (n - 1);
  }
  return 1 - informed / n;
}

function residues(label: string, seeds: number): { n: number; residue: ReturnType<typeof meanSe> } {
  const scenario = variantScenario('rumour-blind-coin', label);
  const xs = seedsOf(scenario, seeds).map((seed) => 1 - runToSettled(scenario, seed).summary().items['rumour']!.informedFinal);
  return { n: scenario.organization.size!, residue: meanSe(xs) };
}

export const rumourBlindCoinCases: ValidationCase[] = [
  {
    id: 'rumour-blind-coin-k2',
    title: 'blind-coin rumour mongering (k = 2) leaves about 20 % unaware',
    citation: CITATION,
    run({ quick }) {
      const { n, residue } = residues('k=2', quick ? 30 : 200);
      const theory = blindCoinResidue(2, n);
      return result(
        residue.mean,
        theory,
        threeSe(residue),
        `n = ${n}, ${residue.count} seeds: residue ${fmt(residue.mean)} (sd ${fmt(residue.sd)}); discrete rounds at this n give ${fmt(theory)}, s = exp(-2(1 - s)) gives ${fmt(blindCoinResidueLimit(2))}; Demers et al. report 0.20 (1000 sites)`,
      );
    },
  },
  {
    id: 'rumour-blind-coin-k1',
    title: 'blind-coin rumour mongering (k = 1) is one chain that stops at its first repeat: about 96 % unaware at n = 1000',
    citation: CITATION,
    run({ quick }) {
      const { n, residue } = residues('k=1 n=1000', quick ? 300 : 2000);
      const theory = singleChainResidue(n);
      return result(
        residue.mean,
        theory,
        threeSe(residue),
        `n = ${n}, ${residue.count} seeds: residue ${fmt(residue.mean)} (sd ${fmt(residue.sd)}); the birthday-problem chain gives exactly ${fmt(theory)} (informed ≈ sqrt(πn/2)); Demers et al. report 0.96`,
      );
    },
  },
];
