// `surge` (MODEL.md §7): a flood of work — `count` situations arrive at once, in
// this tick's Environment phase.
import { API_VERSION, type ShockModule } from '../modules/types.ts';
import { count, param } from '../scenario/blocks.ts';

const surge: ShockModule = {
  kind: 'shock',
  name: 'surge',
  apiVersion: API_VERSION,
  label: 'surge',
  description: 'A flood of work: many situations arrive at once.',
  body: { count: param(count(1_000_000), 'situations', 'situations arriving at once') },
  situations: (s) => s.count as number,
  apply(ctx, shock) {
    const s = ctx.state.scalars;
    s['surge.pending'] = (s['surge.pending'] ?? 0) + Math.max(0, Math.floor((shock.count as number) ?? 0));
  },
};
export default surge;
