// Shocks that act on the environment (MODEL.md §7): `environment-shift` (new
// rate and/or domain weights, ramped linearly over `over` ticks) and `surge`
// (`count` situations at once). Their parameters go into the state record so a
// snapshot carries them.
import type { Context } from './context.ts';
import { ENV_SHIFTS, SURGE_PENDING, shiftHandles } from './environment-state.ts';
import { registerShock, ShockError, type ShockSpec } from './shocks.ts';

function environmentShift(ctx: Context, shock: ShockSpec): void {
  const s = ctx.state;
  const i = s.hasNum(ENV_SHIFTS) ? s.num(ENV_SHIFTS) : 0;
  const h = shiftHandles(i);
  s.setNum(h.at, ctx.tick);
  s.setNum(h.over, typeof shock.over === 'number' ? shock.over : 0);
  s.setNum(h.rate, typeof shock.rate === 'number' ? shock.rate : NaN);
  if (Array.isArray(shock.domainWeights)) {
    const D = ctx.scenario.population.domains;
    if (shock.domainWeights.length !== D) throw new ShockError(`shock environment-shift domainWeights: expected ${D} weights (one per domain), got ${shock.domainWeights.length}`);
    s.put(h.weights, Float64Array.from(shock.domainWeights as number[]));
  }
  s.setNum(ENV_SHIFTS, i + 1);
}

function surge(ctx: Context, shock: ShockSpec): void {
  const s = ctx.state;
  const pending = s.hasNum(SURGE_PENDING) ? s.num(SURGE_PENDING) : 0;
  s.setNum(SURGE_PENDING, pending + Math.max(0, Math.floor((shock.count as number) ?? 0)));
}

registerShock('environment-shift', environmentShift);
registerShock('surge', surge);
