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
 * Radial tree of the formal layer (a radial cluster): everyone without reports sits on
 * the outer circle, evenly spaced in the chart's order; each manager sits on the ring
 * of their level, in the middle of their team's arc, the head at the centre. A
 * breadth-first hierarchy (its last level filled from the first managers on) drawn as
 * a tidy tree was a "C": one fan and a gap; here the circle is whole and each
 * department's arc is as wide as its people. People outside the tree sit just outside.
 */
export function treeLayout(t: Topology): Float32Array {
  const n = t.n, out = new Float32Array(2 * n);
  const count = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) { const p = t.formalParent[v]!; if (p >= 0 && p < n) count[p + 1]!++; }
  for (let v = 0; v < n; v++) count[v + 1]! += count[v]!;
  const kids = new Int32Array(count[n]!), fill = count.slice(0, n);
  for (let v = 0; v < n; v++) { const p = t.formalParent[v]!; if (p >= 0 && p < n) kids[fill[p]!++] = v; }
  // Depth-first order from the head (iterative): leaves in the chart's order, depths.
  const depth = new Int32Array(n).fill(-1), order: number[] = [], stack: number[] = [];
  if (t.formalRoot >= 0) { stack.push(t.formalRoot); depth[t.formalRoot] = 0; }
  while (stack.length) {
    const u = stack.pop()!;
    order.push(u);
    for (let k = count[u + 1]! - 1; k >= count[u]!; k--) { const c = kids[k]!; if (depth[c] < 0) { depth[c] = depth[u]! + 1; stack.push(c); } }
  }
  let maxDepth = 1, leaves = 0;
  for (const v of order) { maxDepth = Math.max(maxDepth, depth[v]!); if (count[v + 1] === count[v]) leaves++; }
  // Each person's arc: [first, last] leaf index of their team; leaves in order.
  const first = new Float64Array(n).fill(Infinity), last = new Float64Array(n).fill(-Infinity);
  let leaf = 0;
  for (const v of order) if (count[v + 1] === count[v]) { first[v] = last[v] = leaf++; }
  for (let i = order.length - 1; i > 0; i--) {
    const v = order[i]!, p = t.formalParent[v]!;
    first[p] = Math.min(first[p]!, first[v]!);
    last[p] = Math.max(last[p]!, last[v]!);
  }
  const step = (2 * Math.PI) / Math.max(1, leaves);
  for (const v of order) {
    const isLeaf = count[v + 1] === count[v];
    const a = ((first[v]! + last[v]!) / 2 + 0.5) * step - Math.PI / 2;
    const r = isLeaf ? 1 : depth[v]! / maxDepth;
    out[2 * v] = r * Math.cos(a);
    out[2 * v + 1] = r * Math.sin(a);
  }
  let rim = 0;
  for (let v = 0; v < n; v++) {
    if (depth[v]! >= 0) continue;
    const a = rim++ * 2.399963;
    out[2 * v] = 1.06 * Math.cos(a);
    out[2 * v + 1] = 1.06 * Math.sin(a);
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
