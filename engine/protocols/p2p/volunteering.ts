// Who steps up (MODEL.md §5): the one test a peer applies to a situation it hears
// of — as its origin, or on reading a call — before it takes the lead. Whose skill
// is compared (the person's own, in the situation's domain) against which
// threshold (θ_eff, falling from θ at arrival to `thresholdMin` at the deadline),
// and whether there is still time to do the work, all live here.
import type { Peers } from './peers.ts';

/** θ_eff: θ at arrival, falling linearly to thresholdMin at the deadline. */
export function thetaEff(p: Peers, sit: number, t: number): number {
  const a = p.sitArrival[sit]!, d = p.sitDeadline[sit]!;
  const f = d > a ? Math.min(1, Math.max(0, (t - a) / (d - a))) : 1;
  return p.theta - (p.theta - p.thetaMin) * f;
}

/**
 * Whether work started at tick t could still finish by the deadline (an attempt
 * started at t ends at t + workTicks − 1). People know the deadline and how long
 * work takes: nobody takes on, calls or forwards a situation that cannot be done
 * in time (a choice where MODEL.md is silent; it keeps hopeless attempts out).
 */
export function live(p: Peers, sit: number, t: number): boolean {
  return t + p.workTicks - 1 <= p.sitDeadline[sit]!;
}

/**
 * The volunteering test: v is free (below `concurrent`) and the skill it believes it
 * has in the situation's domain reaches θ_eff — its true skill under model 1, its
 * self-assessment under model 2 (regression toward the mean, overconfidence, noise).
 */
export function canLead(p: Peers, v: number, sit: number, t: number): boolean {
  return p.busy[v]! < p.concurrent && p.ownView[v * p.D + p.sitDomain[sit]!]! >= thetaEff(p, sit, t);
}
