// Radner (1993), one-shot regime: a processor reads one item (a raw datum or
// another processor's partial result) into its register per cycle, and an
// associative operation (a sum) of n items is wanted. With P processors the
// efficient network's delay is
//
//   D(n, P) = ⌊n/P⌋ + ⌈log₂(P + n mod P)⌉,
//
// reached by the "preprocessing-then-tree" network: every processor first reads
// ⌊n/P⌋ raw items, then the P partial results and the n mod P raw items left are
// combined pairwise, halving their number each cycle. Pure integer arithmetic.

/** ⌈log₂ x⌉ for an integer x ≥ 1. */
export function ceilLog2(x: number): number {
  let k = 0;
  while (2 ** k < x) k++;
  return k;
}

/** Radner's one-shot delay of an efficient network of P processors for n items (cycles). */
export function radnerDelay(n: number, P: number): number {
  return Math.floor(n / P) + ceilLog2(P + (n % P));
}

/** The least delay over networks of at most P processors (efficient use never needs more than ⌊n/2⌋). */
export function efficientDelay(n: number, P: number): number {
  let best = Infinity;
  for (let p = 1; p <= Math.min(P, n); p++) best = Math.min(best, radnerDelay(n, p));
  return best;
}
