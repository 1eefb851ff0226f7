// Shocks that act on the environment (MODEL.md §7): `environment-shift` (new
// rate and/or domain weights, ramped linearly over `over` ticks) and `surge`
// (`count` situations at once). Their parameters go into the state record so a
// snapshot carries them.
import type { Context } from './context.ts';
import { registerShock, ShockError, type ShockSpec } from './shocks.ts';

function environmentShift(ctx: Context, shock: ShockSpec): void {
  const s = ctx.state.scalars;
  const i = s['env.shifts'] ?? 0;
  s[`env.shift.${i}.at`] = ctx.tick;
  s[`env.shift.${i}.over`] = typeof shock.over === 'number' ? shock.over : 0;
  s[`env.shift.${i}.rate`] = typeof shock.rate === 'number' ? shock.rate : NaN;
  if (Array.isArray(shock.domainWeights)) {
    const D = ctx.scenario.population.domains;
    if (shock.domainWeights.length !== D) throw new ShockError(`shock environment-shift domainWeights: expected ${D} weights (one per domain), got ${shock.domainWeights.length}`);
    ctx.state.set(`env.shift.${i}.weights`, Float64Array.from(shock.domainWeights as number[]));
  }
  s['env.shifts'] = i + 1;
}

function surge(ctx: Context, shock: ShockSpec): void {
  const s = ctx.state.scalars;
  s['surge.pending'] = (s['surge.pending'] ?? 0) + Math.max(0, Math.floor((shock.count as number) ?? 0));
}

registerShock('environment-shift', environmentShift);
registerShock('surge', surge);
