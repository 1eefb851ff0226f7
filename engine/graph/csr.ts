// Undirected graphs in compressed sparse row form (ARCHITECTURE.md: CSR typed arrays).
//
// Every tie {u, v} is stored as two arcs, u→v and v→u; each node's neighbours are
// sorted ascending so a tie's arc is found by binary search and so the layout,
// and every walk over it, is a pure function of the tie set. Trust lives per arc
// and the two arcs of a tie always hold the same value. A `complete` graph is
// implicit: no arrays, neighbours are "everyone else".

/** An undirected graph: CSR arrays plus a trust weight per arc. */
export interface Graph {
  /** Number of nodes, removed ones included (ids 0 … n-1). */
  n: number;
  /** `offsets[i] … offsets[i+1]-1` index node i's arcs; length n + 1 (empty when complete). */
  offsets: Int32Array;
  /** Arc heads, sorted ascending within each node. */
  targets: Int32Array;
  /** Trust in [0, 1] per arc; the arcs u→v and v→u agree. */
  trust: Float32Array;
  /** Implicit complete graph K_n: offsets/targets/trust are empty. */
  complete: boolean;
}

/** Default trust of a new tie (MODEL.md §3). */
export const DEFAULT_TRUST = 0.5;

/** A growable list of undirected ties (u, v) with an optional trust, for generators. */
export class EdgeBuffer {
  src: Int32Array;
  dst: Int32Array;
  length = 0;
  constructor(capacity = 16) {
    this.src = new Int32Array(Math.max(4, capacity));
    this.dst = new Int32Array(Math.max(4, capacity));
  }
  /** Appends the tie (u, v). Self-loops and duplicates are dropped when the graph is built. */
  push(u: number, v: number): void {
    if (this.length === this.src.length) {
      const cap = this.src.length * 2;
      const s = new Int32Array(cap);
      s.set(this.src);
      const d = new Int32Array(cap);
      d.set(this.dst);
      this.src = s;
      this.dst = d;
    }
    this.src[this.length] = u;
    this.dst[this.length] = v;
    this.length++;
  }
}

/** The implicit complete graph on n nodes. */
export function completeGraph(n: number): Graph {
  return { n, offsets: new Int32Array(0), targets: new Int32Array(0), trust: new Float32Array(0), complete: true };
}

/**
 * CSR from ties without loops or repeats, each node's arcs in tie order (sorted
 * only when the ties come so: G(n, p) lists them in ascending (max, min) order).
 * The generators that know their order use this instead of buildGraph's sort.
 */
export function csrInTieOrder(n: number, src: Int32Array, dst: Int32Array, count: number): Graph {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) {
    offsets[src[e]! + 1]!++;
    offsets[dst[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(2 * count);
  for (let e = 0; e < count; e++) {
    const u = src[e]!, v = dst[e]!;
    targets[fill[u]!++] = v;
    targets[fill[v]!++] = u;
  }
  const trust = new Float32Array(2 * count).fill(DEFAULT_TRUST);
  return { n, offsets, targets, trust, complete: false };
}

/**
 * Sorts keys[0, len) ascending (the keys are distinct). Most people have a few
 * ties: an insertion sort in place, where TypedArray sort would copy its input
 * to the heap for every person; hubs take the native sort.
 */
function sortPrefix(keys: Float64Array, len: number): void {
  if (len > 32) {
    keys.subarray(0, len).sort();
    return;
  }
  for (let x = 1; x < len; x++) {
    const key = keys[x]!;
    let y = x - 1;
    while (y >= 0 && keys[y]! > key) {
      keys[y + 1] = keys[y]!;
      y--;
    }
    keys[y + 1] = key;
  }
}

/**
 * Builds a CSR graph from ties (u, v); drops self-loops and repeated ties, sorts
 * neighbours. `trustOf(e)` gives tie e's trust (the first occurrence wins), default 0.5.
 * O(n + m) plus the per-node sorts.
 */
export function buildGraph(n: number, src: Int32Array, dst: Int32Array, count = src.length, trustOf?: (e: number) => number): Graph {
  const deg = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) {
    const u = src[e]!, v = dst[e]!;
    if (u === v) continue;
    deg[u]!++;
    deg[v]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + deg[i]!;
  const fill = offsets.slice(0, n);
  const rawTargets = new Int32Array(offsets[n]!);
  const rawEdge = new Int32Array(offsets[n]!);
  for (let e = 0; e < count; e++) {
    const u = src[e]!, v = dst[e]!;
    if (u === v) continue;
    rawTargets[fill[u]!] = v; rawEdge[fill[u]!++] = e;
    rawTargets[fill[v]!] = u; rawEdge[fill[v]!++] = e;
  }
  // Sort each node's arcs by target (then by edge index so "first occurrence wins"), drop repeats.
  const outOffsets = new Int32Array(n + 1);
  const targets = new Int32Array(offsets[n]!);
  const trust = new Float32Array(offsets[n]!);
  let w = 0;
  let keys = new Float64Array(16);
  for (let i = 0; i < n; i++) {
    const a = offsets[i]!, b = offsets[i + 1]!;
    const len = b - a;
    if (keys.length < len) keys = new Float64Array(len * 2);
    for (let k = 0; k < len; k++) keys[k] = rawTargets[a + k]! * 4294967296 + rawEdge[a + k]!;
    sortPrefix(keys, len);
    outOffsets[i] = w;
    let last = -1;
    for (let k = 0; k < len; k++) {
      const t = Math.floor(keys[k]! / 4294967296);
      if (t === last) continue;
      last = t;
      const e = keys[k]! - t * 4294967296;
      targets[w] = t;
      trust[w] = trustOf ? trustOf(e) : DEFAULT_TRUST;
      w++;
    }
  }
  outOffsets[n] = w;
  // Copy only when repeated ties were dropped (at 10^6 people each copy is tens of MB).
  return {
    n,
    offsets: outOffsets,
    targets: w === targets.length ? targets : targets.slice(0, w),
    trust: w === trust.length ? trust : trust.slice(0, w),
    complete: false,
  };
}

/** Builds a graph from an EdgeBuffer. */
export function graphFromBuffer(n: number, edges: EdgeBuffer, trustOf?: (e: number) => number): Graph {
  return buildGraph(n, edges.src, edges.dst, edges.length, trustOf);
}

/** Degree of node i (n − 1 in a complete graph; removed neighbours included). */
export function degree(g: Graph, i: number): number {
  return g.complete ? g.n - 1 : g.offsets[i + 1]! - g.offsets[i]!;
}

/** Number of undirected ties. */
export function tieCount(g: Graph): number {
  return g.complete ? (g.n * (g.n - 1)) / 2 : g.targets.length / 2;
}

/** Index of the arc u→v, or -1 (binary search in u's sorted neighbours). */
export function arcIndex(g: Graph, u: number, v: number): number {
  let lo = g.offsets[u]!, hi = g.offsets[u + 1]! - 1;
  const t = g.targets;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = t[mid]!;
    if (x === v) return mid;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** True when u and v are tied. */
export function hasTie(g: Graph, u: number, v: number): boolean {
  if (g.complete) return u !== v && u < g.n && v < g.n;
  return arcIndex(g, u, v) >= 0;
}

/** Sets the trust of tie {u, v} on both arcs (no-op when absent or implicit). */
export function setTrust(g: Graph, u: number, v: number, value: number): void {
  if (g.complete) return;
  const a = arcIndex(g, u, v);
  const b = arcIndex(g, v, u);
  if (a >= 0) g.trust[a] = value;
  if (b >= 0) g.trust[b] = value;
}

/** The ties as (u, v, trust) with u < v, in CSR order. */
export function tiesOf(g: Graph): { src: Int32Array; dst: Int32Array; trust: Float32Array } {
  if (g.complete) throw new Error('the complete graph is implicit: its ties cannot be listed');
  const m = g.targets.length / 2;
  const src = new Int32Array(m), dst = new Int32Array(m), trust = new Float32Array(m);
  let e = 0;
  for (let u = 0; u < g.n; u++) {
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
      const v = g.targets[a]!;
      if (u < v) {
        src[e] = u; dst[e] = v; trust[e] = g.trust[a]!; e++;
      }
    }
  }
  return { src, dst, trust };
}

/**
 * Rebuilds a graph with ties added and/or removed, keeping every surviving tie's
 * trust. `keep(u, v)` (u < v) decides which old ties survive; `add` are new ties
 * with their trust. Used by shocks and repairs, which are rare: O(n + m).
 */
export function rebuildGraph(
  g: Graph,
  n: number,
  keep: ((u: number, v: number) => boolean) | null,
  add: { src: ArrayLike<number>; dst: ArrayLike<number>; trust: ArrayLike<number> } | null,
): Graph {
  const old = tiesOf(g);
  const addCount = add ? add.src.length : 0;
  const src = new Int32Array(old.src.length + addCount);
  const dst = new Int32Array(old.src.length + addCount);
  const trust = new Float32Array(old.src.length + addCount);
  let e = 0;
  for (let i = 0; i < old.src.length; i++) {
    if (keep && !keep(old.src[i]!, old.dst[i]!)) continue;
    src[e] = old.src[i]!; dst[e] = old.dst[i]!; trust[e] = old.trust[i]!; e++;
  }
  for (let i = 0; i < addCount; i++) {
    src[e] = add!.src[i]!; dst[e] = add!.dst[i]!; trust[e] = add!.trust[i]!; e++;
  }
  return buildGraph(n, src, dst, e, (k) => trust[k]!);
}
