// Where each person sits in a network view: the formal tree as a radial
// tree, informal layers by a force layout run in a worker.
// Layouts are computed once per organization and kept stable: a removal never
// moves anyone; newcomers are placed beside someone they know.
import * as Comlink from 'comlink';
import LayoutWorker from './layout.worker.ts?worker&inline';
import type { Topology } from '../workers/host.ts';

type LayoutApi = { layout(n: number, offsets: Int32Array, targets: Int32Array): Float32Array };
let worker: Comlink.Remote<LayoutApi> | null = null;
const cache = new Map<string, Promise<Float32Array>>();

/** A cheap signature of a layer (the same organization in two variants shares its layout). */
function signature(t: Topology): string {
  let h = 2166136261;
  for (let i = 0; i < t.targets.length; i += 7) h = Math.imul(h ^ t.targets[i]!, 16777619);
  return `${t.n}:${t.targets.length}:${h >>> 0}`;
}

/** Force layout of the informal layer (cached by signature), coordinates in about [−1, 1]². */
export function informalLayout(t: Topology): Promise<Float32Array> {
  const key = signature(t);
  let p = cache.get(key);
  if (!p) {
    if (t.complete || t.targets.length === 0) p = Promise.resolve(circle(t.n));
    else {
      worker ??= Comlink.wrap<LayoutApi>(new LayoutWorker());
      p = worker.layout(t.n, t.offsets.slice(), t.targets.slice());
    }
    cache.set(key, p);
  }
  return p;
}

/**
 * Radial tree of the formal layer: the head at the centre, each level on its own ring,
 * each team in a wedge of its manager's wedge. Wedges grow with the square root of a
 * team's size, not its size: a breadth-first hierarchy (the last level filled from the
 * first managers on) gave a tidy tree one huge fan and five slivers; this keeps every
 * department visible while a bigger one still gets more room. People outside the tree
 * sit on an outer ring.
 */
export function treeLayout(t: Topology): Float32Array {
  const n = t.n, out = new Float32Array(2 * n);
  const count = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) { const p = t.formalParent[v]!; if (p >= 0 && p < n) count[p + 1]!++; }
  for (let v = 0; v < n; v++) count[v + 1]! += count[v]!;
  const kids = new Int32Array(count[n]!), fill = count.slice(0, n);
  for (let v = 0; v < n; v++) { const p = t.formalParent[v]!; if (p >= 0 && p < n) kids[fill[p]!++] = v; }
  // Breadth-first order from the head: depths, then sizes bottom-up.
  const order: number[] = [], depth = new Int32Array(n).fill(-1);
  if (t.formalRoot >= 0) { order.push(t.formalRoot); depth[t.formalRoot] = 0; }
  for (let i = 0; i < order.length; i++) {
    const u = order[i]!;
    for (let k = count[u]!; k < count[u + 1]!; k++) { const c = kids[k]!; if (depth[c] < 0) { depth[c] = depth[u]! + 1; order.push(c); } }
  }
  const size = new Float64Array(n).fill(1);
  for (let i = order.length - 1; i > 0; i--) { const v = order[i]!; size[t.formalParent[v]!]! += size[v]!; }
  const maxDepth = Math.max(1, ...order.map((v) => depth[v]!));
  const from = new Float64Array(n), span = new Float64Array(n);
  if (order.length) span[order[0]!] = 2 * Math.PI;
  for (const u of order) {
    let total = 0;
    for (let k = count[u]!; k < count[u + 1]!; k++) total += Math.sqrt(size[kids[k]!]!);
    let at = from[u]!;
    for (let k = count[u]!; k < count[u + 1]!; k++) {
      const c = kids[k]!, share = (span[u]! * Math.sqrt(size[c]!)) / total;
      from[c] = at; span[c] = share; at += share;
    }
    const a = from[u]! + span[u]! / 2 - Math.PI / 2, r = depth[u]! / maxDepth;
    out[2 * u] = r * Math.cos(a);
    out[2 * u + 1] = r * Math.sin(a);
  }
  // Outside the tree: an outer ring.
  let rim = 0;
  for (let v = 0; v < n; v++) {
    if (depth[v]! >= 0) continue;
    const a = rim++ * 2.399963;
    out[2 * v] = 1.04 * Math.cos(a);
    out[2 * v + 1] = 1.04 * Math.sin(a);
  }
  return out;
}

/** People on a circle in id order. */
export function circle(n: number): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    out[2 * i] = Math.cos(a);
    out[2 * i + 1] = Math.sin(a);
  }
  return out;
}

/** Extends a layout to n people: each newcomer beside its first known neighbour (or on the rim). */
export function extendLayout(pos: Float32Array, t: Topology): Float32Array {
  const old = pos.length / 2;
  if (t.n <= old) return pos;
  const out = new Float32Array(2 * t.n);
  out.set(pos);
  for (let v = old; v < t.n; v++) {
    let u = t.formalParent[v] ?? -1;
    if (u < 0 && t.offsets.length > v + 1 && t.offsets[v + 1]! > t.offsets[v]!) u = t.targets[t.offsets[v]!]!;
    const a = v * 2.399963; // golden angle: newcomers spread out instead of stacking
    const base = u >= 0 && u < v ? [out[2 * u]!, out[2 * u + 1]!] : [0.98 * Math.cos(a), 0.98 * Math.sin(a)];
    out[2 * v] = base[0]! + 0.04 * Math.cos(a);
    out[2 * v + 1] = base[1]! + 0.04 * Math.sin(a);
  }
  return out;
}
