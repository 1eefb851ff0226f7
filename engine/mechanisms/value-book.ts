// What resolutions are worth (MODEL.md §10.4; keys in value.ts): a resolution at
// tick t of a situation of difficulty h by skill q (a team's: the max) yields
// (1 − max(0, h − q)) · (1 − lateDiscount)^max(0, t − arrival − due). Only the
// first successful finisher of a situation yields value.
import type { Context } from '../context.ts';
import { moduleParams } from '../modules/module-params.ts';
import { SIT_ARRIVAL, SIT_DIFFICULTY } from '../situation-state.ts';
import { SIT_VALUE, VALUE_TOTAL } from './value-state.ts';
import { valueKeys } from './value.ts';

export class ValueBook {
  private readonly due: number;
  private readonly keep: number;

  constructor(ctx: Context) {
    const p = moduleParams(ctx.scenario, 'environment', valueKeys);
    this.due = p.due!; // resolved to deadline / 2 by the module when null
    this.keep = 1 - p.lateDiscount;
    ctx.state.put(SIT_VALUE, new Float32Array(64));
    ctx.state.setNum(VALUE_TOTAL, 0);
  }

  /** The value of resolving `sit` at tick t with skill q (written to the situation and the total). */
  onResolved(ctx: Context, sit: number, q: number, t: number): number {
    const st = ctx.state;
    const h = st.get(SIT_DIFFICULTY)[sit]!;
    const late = t - st.get(SIT_ARRIVAL)[sit]! - this.due;
    const value = (1 - Math.max(0, h - q)) * (late > 0 ? Math.pow(this.keep, late) : 1);
    let values = st.get(SIT_VALUE);
    if (sit >= values.length) {
      const grown = new Float32Array(Math.max(sit + 1, values.length * 2));
      grown.set(values);
      values = st.put(SIT_VALUE, grown);
    }
    values[sit] = value;
    st.vals[VALUE_TOTAL.id]! += value;
    return value;
  }
}
