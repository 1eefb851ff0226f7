// `reconnect` (MODEL.md §7): restores every tie that partitions cut, except ties
// to people removed since; restored ties keep their trust.
import type { Context } from '../context.ts';
import { hasTie, rebuildGraph } from '../graph/csr.ts';
import { API_VERSION, type ShockModule } from '../modules/types.ts';
import { ShockError } from '../shocks.ts';

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
  const len = ctx.state.scalars['cut.length'] ?? 0;
  if (!len) return;
  const alive = ctx.state.u8('alive');
  const cs = ctx.state.i32('cut.src'), cd = ctx.state.i32('cut.dst'), ct = ctx.state.f32('cut.trust');
  const src: number[] = [], dst: number[] = [], trust: number[] = [];
  for (let e = 0; e < len; e++) {
    const u = cs[e]!, v = cd[e]!;
    // Ties to people removed since the cut are not restored; ties restored otherwise keep their trust.
    if (!alive[u] || !alive[v] || hasTie(g, u, v)) continue;
    src.push(u); dst.push(v); trust.push(ct[e]!);
  }
  ctx.state.set('cut.src', new Int32Array(0));
  ctx.state.set('cut.dst', new Int32Array(0));
  ctx.state.set('cut.trust', new Float32Array(0));
  ctx.state.scalars['cut.length'] = 0;
  ctx.setInformal(rebuildGraph(g, ctx.n, null, { src, dst, trust }));
  ctx.state.scalars['topology.dirty'] = 1;
  ctx.protocol.onTopologyChange(ctx);
}
