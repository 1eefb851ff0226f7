// The formal tree as the exchanges read it (MODEL.md §10.5): depths, preorder
// intervals (u is an ancestor of j when pre[u] ≤ pre[j] < pre[u] + size[u]), the
// reports of each person, and the alive people of the tree listed by (depth,
// preorder) — so the alive people at depth L inside a subtree are one contiguous
// run of that list, found by binary search. From it: DWS's pseudo-distance
// x = sqrt(max(0, a² + b² − 2)), where a and b are the levels from u and from j up
// to their lowest common ancestor; the chart's next hop; the target draw
// (targets.ts). Not state: a function of the formal tree and who is alive, rebuilt
// when either changes (the key below) and after a restore.
import type { Context } from '../context.ts';
import { FORMAL_PARENT, FORMAL_ROOT, FORMAL_VERSION } from '../organization-state.ts';
import { ALIVE, ALIVE_COUNT } from '../people-state.ts';

export class TreeIndex {
  readonly n: number;
  readonly root: number;
  /** The tree's height (the deepest level; the root is level 0). */
  readonly height: number;
  /** Manager of each person (a copy of the tree this index was built from). */
  readonly parent: Int32Array;
  /** Level below the root (−1: not in the tree). */
  readonly depth: Int32Array;
  /** Reports of each person as CSR, ascending id (removed people included: the chart still runs through their posts). */
  readonly kidOffsets: Int32Array;
  readonly kids: Int32Array;
  /** Preorder index and subtree size (every person of the tree, alive or not). */
  readonly pre: Int32Array;
  readonly size: Int32Array;
  /** The deepest level inside each subtree. */
  readonly reach: Int32Array;
  /** Alive people of the tree by (depth, preorder): level L holds entries [levelStart[L], levelStart[L + 1]). */
  readonly levelStart: Int32Array;
  readonly orderNode: Int32Array;
  readonly orderPre: Int32Array;
  /** Alive people in the tree (the origins exchanges are drawn from). */
  readonly members: number;

  constructor(parentOf: Int32Array, alive: Uint8Array, root: number, n: number) {
    this.n = n;
    this.root = root;
    const parent = (this.parent = parentOf.slice(0, n));
    const kidOffsets = (this.kidOffsets = new Int32Array(n + 1));
    for (let i = 0; i < n; i++) if (parent[i]! >= 0) kidOffsets[parent[i]! + 1]!++;
    for (let i = 0; i < n; i++) kidOffsets[i + 1]! += kidOffsets[i]!;
    const fill = kidOffsets.slice(0, n);
    const kids = (this.kids = new Int32Array(kidOffsets[n]!));
    for (let i = 0; i < n; i++) if (parent[i]! >= 0) kids[fill[parent[i]!]!++] = i;
    // Preorder from the root, reports in ascending id.
    const depth = (this.depth = new Int32Array(n).fill(-1));
    const pre = (this.pre = new Int32Array(n).fill(-1));
    const size = (this.size = new Int32Array(n).fill(1));
    const reach = (this.reach = new Int32Array(n));
    const order = new Int32Array(n);
    const stack = new Int32Array(n);
    let top = 0, q = 0, height = 0;
    if (root >= 0) { stack[top++] = root; depth[root] = 0; }
    while (top > 0) {
      const v = stack[--top]!;
      pre[v] = q;
      order[q++] = v;
      if (depth[v]! > height) height = depth[v]!;
      for (let k = kidOffsets[v + 1]! - 1; k >= kidOffsets[v]!; k--) {
        const c = kids[k]!;
        depth[c] = depth[v]! + 1;
        stack[top++] = c;
      }
    }
    this.height = height;
    for (let k = q - 1; k >= 0; k--) {
      const v = order[k]!;
      if (reach[v]! < depth[v]!) reach[v] = depth[v]!;
      const p = parent[v]!;
      if (p >= 0) {
        size[p]! += size[v]!;
        if (reach[p]! < reach[v]!) reach[p] = reach[v]!;
      }
    }
    // Alive people by (depth, preorder): a counting sort by depth of the preorder sequence.
    const levelStart = (this.levelStart = new Int32Array(height + 2));
    let members = 0;
    for (let k = 0; k < q; k++) {
      const v = order[k]!;
      if (alive[v]) { levelStart[depth[v]! + 1]!++; members++; }
    }
    for (let l = 0; l <= height; l++) levelStart[l + 1]! += levelStart[l]!;
    const at = levelStart.slice(0, height + 1);
    this.orderNode = new Int32Array(members);
    this.orderPre = new Int32Array(members);
    for (let k = 0; k < q; k++) {
      const v = order[k]!;
      if (!alive[v]) continue;
      const slot = at[depth[v]!]!++;
      this.orderNode[slot] = v;
      this.orderPre[slot] = k;
    }
    this.members = members;
  }

  /** True when u is j or one of j's managers, up the chain. */
  isAncestor(u: number, j: number): boolean {
    const pu = this.pre[u]!;
    return pu >= 0 && pu <= this.pre[j]! && this.pre[j]! < pu + this.size[u]!;
  }

  /** a² + b² − 2 floored at 0 (x² of DWS's pseudo-distance between u and j, both in the tree); −1 when either is outside it. */
  xSquared(u: number, j: number): number {
    if (this.depth[u]! < 0 || this.depth[j]! < 0) return -1;
    let A = u;
    while (!this.isAncestor(A, j)) A = this.parent[A]!;
    const a = this.depth[u]! - this.depth[A]!, b = this.depth[j]! - this.depth[A]!;
    const x2 = a * a + b * b - 2;
    return x2 > 0 ? x2 : 0;
  }

  /** The chart's next hop from v toward j: down to the report whose subtree holds j, else up to v's manager (−1: none). */
  chartHop(v: number, j: number): number {
    if (this.depth[v]! < 0 || this.depth[j]! < 0) return -1;
    if (this.isAncestor(v, j)) {
      let u = j;
      while (this.parent[u] !== v) u = this.parent[u]!;
      return u;
    }
    return this.parent[v]!;
  }

  /** First index at level L whose preorder is ≥ x. */
  lowerBound(L: number, x: number): number {
    let lo = this.levelStart[L]!, hi = this.levelStart[L + 1]!;
    const orderPre = this.orderPre;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (orderPre[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The index of the current tree: rebuilt when people leave or join or the chart is rewired (succession), and after a restore (which clears `ctx.cache`). */
export function treeIndex(ctx: Context): TreeIndex {
  const s = ctx.state;
  const alive = s.num(ALIVE_COUNT), version = s.hasNum(FORMAL_VERSION) ? s.num(FORMAL_VERSION) : 0;
  // Numbers, not a string key: this is asked for at every hop.
  const cached = ctx.cache['exchanges.tree'] as { n: number; alive: number; version: number; index: TreeIndex } | undefined;
  if (cached !== undefined && cached.n === ctx.n && cached.alive === alive && cached.version === version) return cached.index;
  const index = new TreeIndex(s.get(FORMAL_PARENT), s.get(ALIVE), s.num(FORMAL_ROOT), ctx.n);
  ctx.cache['exchanges.tree'] = { n: ctx.n, alive, version, index };
  return index;
}
