// Where each person sits in a network view: the formal tree as a radial tidy
// tree (d3-hierarchy), informal layers by a force layout run in a worker.
// Layouts are computed once per organization and kept stable: a removal never
// moves anyone; newcomers are placed beside someone they know.
import * as Comlink from 'comlink';
import { stratify, tree } from 'd3';
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

/** Radial tidy tree of the formal layer; people outside the tree sit on an outer ring. */
export function treeLayout(t: Topology): Float32Array {
  const n = t.n, out = new Float32Array(2 * n);
  const rows: { id: string; parentId: string | null }[] = [{ id: 'root', parentId: null }];
  for (let v = 0; v < n; v++) rows.push({ id: String(v), parentId: t.formalParent[v]! >= 0 ? String(t.formalParent[v]) : 'root' });
  const root = stratify<{ id: string; parentId: string | null }>()(rows);
  const laid = tree<{ id: string; parentId: string | null }>()
    .size([2 * Math.PI, 1])
    .separation((a, b) => (a.parent === b.parent ? 1 : 2) / Math.max(1, a.depth));
  laid(root);
  let maxDepth = 1;
  root.each((d) => { maxDepth = Math.max(maxDepth, d.depth); });
  root.each((d) => {
    if (d.data.id === 'root') return;
    const v = Number(d.data.id);
    // The virtual root is depth 0 and the formal root depth 1: put the formal root at the centre.
    const r = (d.depth - 1) / Math.max(1, maxDepth - 1);
    const a = (d as unknown as { x: number }).x;
    out[2 * v] = r * Math.cos(a - Math.PI / 2);
    out[2 * v + 1] = r * Math.sin(a - Math.PI / 2);
  });
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
