// `environment-shift` (MODEL.md §7): the market changes — new domain weights
// and/or a new rate of situations, ramped linearly over `over` ticks. The shift's
// parameters go into the state record so a snapshot carries them (situations.ts
// reads them when drawing arrivals).
import { z } from 'zod';
import type { Context } from '../context.ts';
import { API_VERSION, type Problem, type ShockModule } from '../modules/types.ts';
import { MAX_RATE, MAX_TICKS, domainWeights, integer, param } from '../scenario/blocks.ts';
import { ShockError, type ShockSpec } from '../shocks.ts';
import { ENV_SHIFTS, shiftHandles } from '../environment-state.ts';

const environmentShift: ShockModule = {
  kind: 'shock',
  name: 'environment-shift',
  apiVersion: API_VERSION,
  label: 'market shift',
  description: 'The market changes: situations arrive at a new rate and/or in other domains, ramped over some ticks.',
  body: {
    rate: param(z.number().min(0).max(MAX_RATE).optional(), 'situations per tick', 'the new rate of situations'),
    domainWeights: param(domainWeights().optional(), 'weights', 'the new relative frequency of each domain'),
    over: param(integer(0, MAX_TICKS).default(0), 'ticks', 'ticks to ramp linearly to the new values'),
  },
  refine(s, ctx) {
    if (s.rate === undefined && s.domainWeights === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: 'an environment-shift needs "rate" and/or "domainWeights", got neither; add one', input: s });
    }
  },
  checkShock(s, scenario, base) {
    const out: Problem[] = [];
    const w = s.domainWeights as number[] | undefined;
    const D = scenario.population.domains;
    if (w === undefined) return out;
    if (w.length !== D) {
      out.push({ path: [...base, 'domainWeights'], message: `expected ${D} weights (one per domain; population.domains is ${D}), got ${w.length}; give one weight per domain` });
    } else if (!w.some((x) => x > 0)) {
      out.push({ path: [...base, 'domainWeights'], message: 'expected at least one positive weight, got all zeros; situations need some domain' });
    }
    return out;
  },
  rate: (s) => s.rate as number | undefined,
  apply: shift,
};
export default environmentShift;

function shift(ctx: Context, shock: ShockSpec): void {
  const st = ctx.state;
  const D = ctx.scenario.population.domains;
  // Checked before anything is written: a refused shock leaves no half-made shift.
  if (Array.isArray(shock.domainWeights) && shock.domainWeights.length !== D) {
    throw new ShockError(`shock environment-shift domainWeights: expected ${D} weights (one per domain), got ${shock.domainWeights.length}`);
  }
  const i = st.hasNum(ENV_SHIFTS) ? st.num(ENV_SHIFTS) : 0;
  const h = shiftHandles(i);
  st.setNum(h.at, ctx.tick);
  st.setNum(h.over, typeof shock.over === 'number' ? shock.over : 0);
  st.setNum(h.rate, typeof shock.rate === 'number' ? shock.rate : NaN);
  if (Array.isArray(shock.domainWeights)) st.put(h.weights, Float64Array.from(shock.domainWeights as number[]));
  st.setNum(ENV_SHIFTS, i + 1);
}
