// Engagement dynamics (MODEL.md §4): leading or joining an attempt raises a
// person's engagement by `engagementGain` (capped at 1); every tick it relaxes
// toward its initial value by `engagementDecay`. Off unless
// `population.engagementDynamics`.
import type { Context } from './context.ts';
import { ENGAGEMENT, ENGAGEMENT0 } from './people-state.ts';

/** v takes part in an attempt. */
export function engage(ctx: Context, v: number): void {
  const pop = ctx.scenario.population;
  if (!pop.engagementDynamics) return;
  const e = ctx.state.get(ENGAGEMENT);
  e[v] = Math.min(1, e[v]! + pop.engagementGain);
}

/** Engagement relaxes toward its initial value by engagementDecay per tick (linear steps). */
export function relaxEngagement(ctx: Context): void {
  const pop = ctx.scenario.population;
  if (!pop.engagementDynamics || pop.engagementDecay === 0) return;
  const e = ctx.state.get(ENGAGEMENT);
  const e0 = ctx.state.get(ENGAGEMENT0);
  const step = pop.engagementDecay;
  for (let i = 0; i < ctx.n; i++) {
    const x = e[i]!, x0 = e0[i]!;
    if (x > x0) e[i] = Math.max(x0, x - step);
    else if (x < x0) e[i] = Math.min(x0, x + step);
  }
}
