// `add-nodes` (MODEL.md §7): hiring. Each newcomer joins the formal tree under a
// manager drawn at random among those with the fewest reports, and the informal
// layer by the layer's own rule (preferential attachment for scale-free, its tree
// tie for same-as-formal, everyone for complete, otherwise round(mean degree)
// ties to people drawn uniformly).
import type { Context } from '../context.ts';
import { completeGraph, rebuildGraph, DEFAULT_TRUST, type Graph } from '../graph/csr.ts';
import { API_VERSION, type ShockModule } from '../modules/types.ts';
import { count, param } from '../scenario/blocks.ts';
import type { ShockSpec } from '../shocks.ts';
import { ALIVE } from '../people-state.ts';
import { FORMAL_LEVEL, FORMAL_PARENT, FORMAL_ROOT } from '../organization-state.ts';
import { TOPOLOGY_DIRTY } from '../run-state.ts';

const addNodes: ShockModule = {
  kind: 'shock',
  name: 'add-nodes',
  apiVersion: API_VERSION,
  label: 'hire',
  description: 'People join: a place in the chart under a manager with few reports, ties by the informal layer\'s own rule.',
  body: { count: param(count(), 'people', 'how many join') },
  hires: (s) => s.count as number,
  apply: addNodesShock,
};
export default addNodes;

/** Hires `count` people: formal place under the least-loaded manager, informal ties by the layer's rule. */
function addNodesShock(ctx: Context, shock: ShockSpec): void {
  const count = Math.max(0, Math.floor((shock.count as number) ?? 0));
  if (count === 0) return;
  const from = ctx.n, to = from + count;
  ctx.grow(to);
  const rng = ctx.streams.shocks;
  const alive = ctx.state.get(ALIVE);
  const parent = ctx.state.get(FORMAL_PARENT);
  const level = ctx.state.get(FORMAL_LEVEL);
  const root = ctx.state.num(FORMAL_ROOT);
  if (root >= 0) {
    // Reports per alive person; a newcomer goes under one of the alive people with the fewest reports
    // among those who already manage someone (or the root when nobody does).
    const reports = new Int32Array(to);
    for (let i = 0; i < from; i++) if (alive[i] && parent[i]! >= 0 && alive[parent[i]!]) reports[parent[i]!]!++;
    for (let v = from; v < to; v++) {
      let fewest = Infinity;
      const candidates: number[] = [];
      for (let i = 0; i < v; i++) {
        if (!alive[i] || (reports[i] === 0 && i !== root)) continue;
        if (reports[i]! < fewest) { fewest = reports[i]!; candidates.length = 0; }
        if (reports[i] === fewest) candidates.push(i);
      }
      const boss = candidates.length ? candidates[rng.int(candidates.length)]! : root;
      parent[v] = boss;
      level[v] = level[boss]! + 1;
      reports[boss]!++;
    }
  }
  const g = ctx.informal;
  const kind = ctx.scenario.organization.informal?.kind;
  if (g.complete) {
    ctx.setInformal(completeGraph(to));
  } else {
    const src: number[] = [], dst: number[] = [], trust: number[] = [];
    const tie = (u: number, v: number) => { src.push(u); dst.push(v); trust.push(DEFAULT_TRUST); };
    if (kind === 'same-as-formal') {
      for (let v = from; v < to; v++) if (parent[v]! >= 0) tie(v, parent[v]!);
    } else if (kind === 'scale-free') {
      // Preferential attachment on the current alive degrees (m distinct partners).
      const m = ((ctx.scenario.organization.informal as { m?: number }).m ?? 1);
      const ends: number[] = [];
      for (let u = 0; u < from; u++) {
        if (!alive[u]) continue;
        for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) if (alive[g.targets[a]!]) ends.push(u);
      }
      for (let v = from; v < to; v++) {
        const chosen = new Set<number>();
        const pool = ends.length ? ends : aliveList(alive, v);
        let guard = 0;
        while (chosen.size < Math.min(m, pool.length) && guard++ < 100 * m) chosen.add(pool[rng.int(pool.length)]!);
        for (const u of chosen) { tie(v, u); ends.push(u, v); }
      }
    } else {
      const k = Math.round(meanAliveDegree(g, alive, from));
      const pool = aliveList(alive, from);
      for (let v = from; v < to; v++) {
        const chosen = new Set<number>();
        let guard = 0;
        while (chosen.size < Math.min(k, pool.length) && guard++ < 100 * (k + 1)) chosen.add(pool[rng.int(pool.length)]!);
        for (const u of chosen) tie(v, u);
      }
    }
    ctx.setInformal(rebuildGraph(g, to, null, { src, dst, trust }));
  }
  for (let v = from; v < to; v++) ctx.labels.push(String(nextLabel(ctx, v)));
  ctx.protocol.onHire(ctx, from, to);
  ctx.state.setNum(TOPOLOGY_DIRTY, 1);
}

// New people get ids after the largest numeric id in use, so file ids never collide.
function nextLabel(ctx: Context, v: number): number {
  let max = v - 1;
  for (let i = 0; i < v; i++) {
    const x = Number(ctx.labels[i]);
    if (Number.isFinite(x) && x > max) max = x;
  }
  return max + 1;
}

function aliveList(alive: Uint8Array, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (alive[i]) out.push(i);
  return out;
}

function meanAliveDegree(g: Graph, alive: Uint8Array, n: number): number {
  let ends = 0, people = 0;
  for (let u = 0; u < n; u++) {
    if (!alive[u]) continue;
    people++;
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) if (alive[g.targets[a]!]) ends++;
  }
  return people ? ends / people : 0;
}

