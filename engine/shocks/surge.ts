// `surge` (MODEL.md §7): a flood of work — `count` situations arrive at once, in
// this tick's Environment phase.
import { API_VERSION, type ShockModule } from '../modules/types.ts';
import { count, param } from '../scenario/blocks.ts';
import { SURGE_PENDING } from '../environment-state.ts';

const surge: ShockModule = {
  kind: 'shock',
  name: 'surge',
  apiVersion: API_VERSION,
  label: 'surge',
  description: 'A flood of work: many situations arrive at once.',
  body: { count: param(count(1_000_000), 'situations', 'situations arriving at once') },
  situations: (s) => s.count as number,
  apply(ctx, shock) {
    const st = ctx.state;
    st.setNum(SURGE_PENDING, (st.hasNum(SURGE_PENDING) ? st.num(SURGE_PENDING) : 0) + Math.max(0, Math.floor(shock.count as number)));
  },
};
export default surge;
