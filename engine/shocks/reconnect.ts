// `reconnect` (MODEL.md §7): restores every tie that partitions cut, except ties
// to people removed since; restored ties keep their trust.
import type { Context } from '../context.ts';
import { hasTie, rebuildGraph } from '../graph/csr.ts';
import { API_VERSION, type ShockModule } from '../modules/types.ts';
import { ShockError } from '../shocks.ts';
import { ALIVE } from '../people-state.ts';
import { TOPOLOGY_DIRTY } from '../run-state.ts';
import { CUT_DST, CUT_LENGTH, CUT_SRC, CUT_TRUST } from './partition.ts';

const reconnect: ShockModule = {
  kind: 'shock',
  name: 'reconnect',
  apiVersion: API_VERSION,
  label: 'reconnect',
  description: 'Restores every informal tie that partitions cut (except ties to people who left since).',
  body: {},
  checkShock(_s, scenario, base) {
    if (scenario.organization.informal.kind !== 'complete') return [];
    return [{
      path: [...base, 'kind'],
      message: 'a reconnect restores ties a partition cut, but the "complete" informal layer is implicit and never cut, got "reconnect"; remove this shock, or use "random" with a high meanDegree to partition and reconnect',
    }];
  },
  apply: (ctx) => reconnectShock(ctx),
};
export default reconnect;

function reconnectShock(ctx: Context): void {
  const g = ctx.informal;
  if (g.complete) throw new ShockError('shock reconnect: the complete informal layer is implicit and was never cut');
  const st = ctx.state;
  const len = st.hasNum(CUT_LENGTH) ? st.num(CUT_LENGTH) : 0;
  if (!len) return;
  const alive = st.get(ALIVE);
  const cs = st.get(CUT_SRC), cd = st.get(CUT_DST), ct = st.get(CUT_TRUST);
  const src: number[] = [], dst: number[] = [], trust: number[] = [];
  for (let e = 0; e < len; e++) {
    const u = cs[e]!, v = cd[e]!;
    // Ties to people removed since the cut are not restored; ties restored otherwise keep their trust.
    if (!alive[u] || !alive[v] || hasTie(g, u, v)) continue;
    src.push(u); dst.push(v); trust.push(ct[e]!);
  }
  st.put(CUT_SRC, new Int32Array(0));
  st.put(CUT_DST, new Int32Array(0));
  st.put(CUT_TRUST, new Float32Array(0));
  st.setNum(CUT_LENGTH, 0);
  ctx.setInformal(rebuildGraph(g, ctx.n, null, { src, dst, trust }));
  st.setNum(TOPOLOGY_DIRTY, 1);
  ctx.protocol.onTopologyChange(ctx);
}
