// `partition` (MODEL.md §7): silos. The informal ties between groups are cut (the
// formal chart stays); the cut ties are kept so a `reconnect` can restore them.
// Groups: id lists, a node column of a file ({attribute}), or the subtrees under
// each person at a level of the formal tree ({level}, the default).
import { z } from 'zod';
import type { Context } from '../context.ts';
import { rebuildGraph, tiesOf } from '../graph/csr.ts';
import { API_VERSION, type Problem, type ShockModule } from '../modules/types.ts';
import { integer, param, personId } from '../scenario/blocks.ts';
import { ShockError, type ShockSpec } from '../shocks.ts';
import { resolveId } from './people.ts';
import { FORMAL_LEVEL, FORMAL_PARENT, FORMAL_ROOT } from '../organization-state.ts';
import { TOPOLOGY_DIRTY } from '../run-state.ts';
import { stateArray, stateNumber, type ArrayHandle } from '../state-handles.ts';

/** The ties partitions cut (kept for reconnect): ends and trust, and how many. */
export const CUT_SRC = stateArray.i32('cut.src');
export const CUT_DST = stateArray.i32('cut.dst');
export const CUT_TRUST = stateArray.f32('cut.trust');
export const CUT_LENGTH = stateNumber('cut.length');

const partition: ShockModule = {
  kind: 'shock',
  name: 'partition',
  apiVersion: API_VERSION,
  label: 'silos',
  description: 'Silos: the informal ties between groups are cut; the formal chart stays.',
  body: {
    groups: param(
      z
        .union([
          z.array(z.array(personId).min(1)).min(2),
          z.strictObject({ attribute: z.string().min(1).max(200) }),
          z.strictObject({ level: integer(1, 1000) }),
        ])
        .default({ level: 1 }),
      'groups',
      'id lists, a node column of a file ({attribute}), or the subtrees at a formal level ({level})',
    ),
  },
  checkShock(s, scenario, base) {
    const out: Problem[] = [];
    const org = scenario.organization;
    if (org.informal.kind === 'complete') {
      out.push({
        path: [...base, 'kind'],
        message: 'a partition cuts materialized ties, but the "complete" informal layer is implicit (never materialized); use "random" with a high meanDegree instead',
      });
    }
    const hasNodesFile = (org.formal?.kind === 'file' && org.formal.nodes !== undefined) || (org.informal.kind === 'file' && org.informal.nodes !== undefined);
    const g = s.groups as unknown[] | { level?: number; attribute?: string };
    if (!Array.isArray(g) && 'level' in g && org.formal === null) {
      out.push({
        path: [...base, 'groups'],
        message: 'groups {level} splits the formal tree, but the organization is flat; give "groups" as id lists, or add a formal tree',
      });
    }
    if (!Array.isArray(g) && 'attribute' in g && !hasNodesFile) {
      out.push({
        path: [...base, 'groups', 'attribute'],
        message: `groups {attribute} needs a node column from a file layer's "nodes", got attribute "${g.attribute}" with no nodes file; use {level} or id lists`,
      });
    }
    if (Array.isArray(g)) {
      const seen = new Map<string, number>();
      (g as unknown[][]).forEach((group, j) =>
        group.forEach((id, k) => {
          const key = String(id);
          const prior = seen.get(key);
          if (prior !== undefined && prior !== j) {
            out.push({ path: [...base, 'groups', j, k], message: `expected each person in one group, got ${JSON.stringify(id)} in groups ${prior} and ${j}; remove one` });
          }
          seen.set(key, j);
        }),
      );
    }
    return out;
  },
  personIds(s) {
    const g = s.groups;
    if (!Array.isArray(g)) return [];
    return (g as (number | string)[][]).flatMap((group, j) => group.map((id, k) => ({ path: ['groups', j, k], id })));
  },
  apply: partitionShock,
};
export default partition;

/** Group of each person for a partition (−1: in no group, keeps every tie). */
export function partitionGroups(ctx: Context, groups: unknown): Int32Array {
  const n = ctx.n;
  const out = new Int32Array(n).fill(-1);
  if (Array.isArray(groups)) {
    groups.forEach((list: (number | string)[], gi) => {
      list.forEach((id, j) => { out[resolveId(ctx, id, `shock partition groups[${gi}][${j}]`)] = gi; });
    });
    return out;
  }
  const spec = (groups ?? { level: 1 }) as { attribute?: string; level?: number };
  if (spec.attribute !== undefined) {
    const column = ctx.attributes[spec.attribute];
    if (!column) {
      const known = Object.keys(ctx.attributes);
      throw new ShockError(`shock partition groups.attribute: no node column "${spec.attribute}"${known.length ? ` (columns: ${known.join(', ')})` : ' (this organization has no node file)'}`);
    }
    const values = new Map<string, number>();
    for (let i = 0; i < n && i < column.length; i++) {
      const val = column[i]!;
      if (!values.has(val)) values.set(val, values.size);
      out[i] = values.get(val)!;
    }
    return out;
  }
  const L = spec.level ?? 1;
  const parent = ctx.state.get(FORMAL_PARENT);
  const level = ctx.state.get(FORMAL_LEVEL);
  if (ctx.state.num(FORMAL_ROOT) < 0) throw new ShockError('shock partition groups.level: a flat organization has no levels; give groups as id lists or {"attribute": …}');
  for (let i = 0; i < n; i++) {
    if (level[i]! < L) continue;
    let a = i;
    while (level[a]! > L) a = parent[a]!;
    out[i] = a;
  }
  return out;
}

function partitionShock(ctx: Context, shock: ShockSpec): void {
  const g = ctx.informal;
  if (g.complete) throw new ShockError('shock partition: the complete informal layer is implicit and cannot be cut; use another informal kind');
  const group = partitionGroups(ctx, shock.groups);
  const cutSrc: number[] = [], cutDst: number[] = [], cutTrust: number[] = [];
  const ties = tiesOf(g);
  for (let e = 0; e < ties.src.length; e++) {
    const u = ties.src[e]!, v = ties.dst[e]!;
    if (group[u]! >= 0 && group[v]! >= 0 && group[u] !== group[v]) {
      cutSrc.push(u); cutDst.push(v); cutTrust.push(ties.trust[e]!);
    }
  }
  if (cutSrc.length === 0) return;
  appendCut(ctx, cutSrc, cutDst, cutTrust);
  ctx.setInformal(rebuildGraph(g, ctx.n, (u, v) => !(group[u]! >= 0 && group[v]! >= 0 && group[u] !== group[v]), null));
  ctx.state.setNum(TOPOLOGY_DIRTY, 1);
  ctx.protocol.onTopologyChange(ctx);
}

function appendCut(ctx: Context, src: number[], dst: number[], trust: number[]): void {
  const st = ctx.state;
  const old = st.hasArray(CUT_SRC) ? st.num(CUT_LENGTH) : 0;
  const grow = <T extends Int32Array | Float32Array>(h: ArrayHandle<T>, make: (n: number) => T, add: number[]) => {
    const next = make(old + add.length);
    if (old) next.set(st.get(h).subarray(0, old));
    next.set(add, old);
    st.put(h, next);
  };
  grow(CUT_SRC, (n) => new Int32Array(n), src);
  grow(CUT_DST, (n) => new Int32Array(n), dst);
  grow(CUT_TRUST, (n) => new Float32Array(n), trust);
  st.setNum(CUT_LENGTH, old + src.length);
}
