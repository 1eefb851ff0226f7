// Shocks that act on the network (MODEL.md §7): remove-nodes, add-nodes,
// partition, reconnect — at scheduled ticks (`at`, or `every` k until `until`)
// and live (queued by the page or a replay, and written to the event log).
// Other kinds are registered by the organization model (`registerShock`).
import type { Context } from './context.ts';
import { rankNodes, degreeScores, betweennessForTargeting } from './graph/centrality.ts';
import { completeGraph, rebuildGraph, tiesOf, hasTie, DEFAULT_TRUST, type Graph } from './graph/csr.ts';
import { countAlive } from './graph/components.ts';
import { topOfTree as formalTop } from './graph/formal.ts';

/** One shock as the engine runs it (the scenario's shape; extra keys are read by their handlers). */
export interface ShockSpec {
  kind: string;
  at?: number;
  every?: number | null;
  until?: number | null;
  [key: string]: unknown;
}

/** A user's mistake in a shock that can only be seen against the organization (e.g. an unknown id). */
export class ShockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShockError';
  }
}

export type ShockHandler = (ctx: Context, shock: ShockSpec) => void;

const handlers: Record<string, ShockHandler> = {
  'remove-nodes': removeNodesShock,
  'add-nodes': addNodesShock,
  partition: partitionShock,
  reconnect: reconnectShock,
};

/** Registers a shock kind (the organization model adds misinformation, environment-shift, surge). */
export function registerShock(kind: string, handler: ShockHandler): void {
  handlers[kind] = handler;
}

/** The shock kinds this engine can run. */
export function shockKinds(): string[] {
  return Object.keys(handlers);
}

/** True when a scheduled shock fires at tick t. */
export function firesAt(shock: ShockSpec, t: number): boolean {
  const at = shock.at ?? 0;
  if (t < at) return false;
  if (t === at) return true;
  const every = shock.every;
  if (!every) return false;
  if (shock.until != null && t > shock.until) return false;
  return (t - at) % every === 0;
}

/** Applies one shock now. */
export function applyShock(ctx: Context, shock: ShockSpec): void {
  const handler = handlers[shock.kind];
  if (!handler) throw new ShockError(`shock kind "${shock.kind}" is not available in this version (known: ${shockKinds().join(', ')})`);
  handler(ctx, shock);
}

// ---- people leave --------------------------------------------------------------

/** Removes person v: their inbox is lost, every layer and the protocol forget them. */
export function removePerson(ctx: Context, v: number): void {
  const alive = ctx.state.u8('alive');
  if (!alive[v]) return;
  alive[v] = 0;
  ctx.state.scalars['aliveCount']!--;
  ctx.messages.bind(ctx.state).dropInbox(v);
  ctx.information.onRemove(ctx, v);
  ctx.protocol.onRemove(ctx, v);
  ctx.state.scalars['topology.dirty'] = 1;
}

/** Internal id of a scenario id (a file's own id, or the index for generated organizations). */
export function resolveId(ctx: Context, id: number | string, path: string): number {
  const key = String(id);
  const i = ctx.labels.indexOf(key);
  if (i < 0) throw new ShockError(`${path}: no person has id ${JSON.stringify(id)} (ids run ${ctx.labels[0]} … ${ctx.labels[ctx.labels.length - 1]})`);
  return i;
}

function removalCount(ctx: Context, shock: ShockSpec): number {
  const alive = countAlive(ctx.state.u8('alive'), ctx.n);
  if (typeof shock.count === 'number') return Math.min(alive, shock.count);
  if (typeof shock.fraction === 'number') return Math.min(alive, Math.round(shock.fraction * alive));
  return 0;
}

/** The people a remove-nodes shock targets, best first, ranked once on the informal layer. */
function rankTargets(ctx: Context, target: string, count: number): Int32Array {
  const alive = ctx.state.u8('alive');
  const g = ctx.informal;
  switch (target) {
    case 'degree':
      return rankNodes(degreeScores(g, alive), alive, count);
    case 'betweenness':
      if (g.complete) return firstAlive(alive, ctx.n, count); // every node is alike in K_n
      return rankNodes(betweennessForTargeting(g, alive, ctx.streams.shocks), alive, count);
    case 'top':
      return topOfTree(ctx, count);
    default: {
      // random: a partial Fisher–Yates shuffle of the alive people (shocks stream).
      const pool: number[] = [];
      for (let i = 0; i < ctx.n; i++) if (alive[i]) pool.push(i);
      const out = new Int32Array(Math.min(count, pool.length));
      const rng = ctx.streams.shocks;
      for (let i = 0; i < out.length; i++) {
        const j = i + rng.int(pool.length - i);
        const t = pool[i]!; pool[i] = pool[j]!; pool[j] = t;
        out[i] = pool[i]!;
      }
      return out;
    }
  }
}

function firstAlive(alive: Uint8Array, n: number, count: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n && out.length < count; i++) if (alive[i]) out.push(i);
  return Int32Array.from(out);
}

/**
 * The top of the formal tree: alive people in breadth-first order from the root
 * (children in ascending id). A flat organization has no top: the best-connected
 * people stand in for it.
 */
function topOfTree(ctx: Context, count: number): Int32Array {
  const alive = ctx.state.u8('alive');
  const parent = ctx.state.i32('formal.parent');
  const root = ctx.state.scalars['formal.root']!;
  if (root < 0) return rankNodes(degreeScores(ctx.informal, alive), alive, count);
  return formalTop(parent, alive, root, ctx.n, count);
}

function removeNodesShock(ctx: Context, shock: ShockSpec): void {
  const target = (shock.target as string) ?? 'random';
  if (target === 'ids') {
    const ids = (shock.ids as (number | string)[]) ?? [];
    const internal = ids.map((id, i) => resolveId(ctx, id, `shock remove-nodes ids[${i}]`));
    for (const v of internal) removePerson(ctx, v);
    return;
  }
  const count = removalCount(ctx, shock);
  if (shock.recalculate && target !== 'random') {
    // Re-rank after each removal (the adaptive attack of Holme et al. 2002).
    for (let i = 0; i < count; i++) {
      const next = rankTargets(ctx, target, 1);
      if (next.length === 0) break;
      removePerson(ctx, next[0]!);
    }
    return;
  }
  const victims = rankTargets(ctx, target, count);
  for (let i = 0; i < victims.length; i++) removePerson(ctx, victims[i]!);
}

// ---- people join ---------------------------------------------------------------

/** Hires `count` people: formal place under the least-loaded manager, informal ties by the layer's rule. */
export function addNodesShock(ctx: Context, shock: ShockSpec): void {
  const count = Math.max(0, Math.floor((shock.count as number) ?? 0));
  if (count === 0) return;
  const from = ctx.n, to = from + count;
  ctx.grow(to);
  const rng = ctx.streams.shocks;
  const alive = ctx.state.u8('alive');
  const parent = ctx.state.i32('formal.parent');
  const level = ctx.state.i32('formal.level');
  const root = ctx.state.scalars['formal.root']!;
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
  ctx.state.scalars['topology.dirty'] = 1;
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

// ---- silos -----------------------------------------------------------------------

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
  const parent = ctx.state.i32('formal.parent');
  const level = ctx.state.i32('formal.level');
  if (ctx.state.scalars['formal.root']! < 0) throw new ShockError('shock partition groups.level: a flat organization has no levels; give groups as id lists or {"attribute": …}');
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
  ctx.state.scalars['topology.dirty'] = 1;
  ctx.protocol.onTopologyChange(ctx);
}

function appendCut(ctx: Context, src: number[], dst: number[], trust: number[]): void {
  const old = ctx.state.has('cut.src') ? ctx.state.scalars['cut.length']! : 0;
  const grow = <T extends Int32Array | Float32Array>(name: string, make: (n: number) => T, add: number[]) => {
    const next = make(old + add.length);
    if (old) next.set((ctx.state.arrays[name] as T).subarray(0, old));
    next.set(add, old);
    ctx.state.set(name, next);
  };
  grow('cut.src', (n) => new Int32Array(n), src);
  grow('cut.dst', (n) => new Int32Array(n), dst);
  grow('cut.trust', (n) => new Float32Array(n), trust);
  ctx.state.scalars['cut.length'] = old + src.length;
}

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
