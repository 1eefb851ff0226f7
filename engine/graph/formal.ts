// The formal layer: the chain of command as a rooted tree (MODEL.md §3).

/** A rooted tree over nodes 0 … n-1: `parent[root] = -1`, `level[root] = 0`. */
export interface Formal {
  parent: Int32Array;
  level: Int32Array;
  root: number;
}

/** Computes levels from parents; throws when the parents do not form one rooted tree. */
export function formalFromParents(parent: Int32Array): Formal {
  const n = parent.length;
  let root = -1;
  for (let i = 0; i < n; i++) {
    if (parent[i] === -1) {
      if (root !== -1) throw new Error(`the formal layer has two roots (${root} and ${i}): it must be one tree`);
      root = i;
    }
  }
  if (root === -1) throw new Error('the formal layer has no root (everyone reports to someone): it must be a tree');
  // Children CSR, then BFS from the root: every node must be reached exactly once.
  const childCount = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) childCount[parent[i]! + 1]!++;
  for (let i = 0; i < n; i++) childCount[i + 1]! += childCount[i]!;
  const fill = childCount.slice(0, n);
  const children = new Int32Array(n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) children[fill[parent[i]!]!++] = i;
  const level = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0, tail = 0;
  queue[tail++] = root;
  level[root] = 0;
  while (head < tail) {
    const u = queue[head++]!;
    for (let k = childCount[u]!; k < childCount[u + 1]!; k++) {
      const c = children[k]!;
      level[c] = level[u]! + 1;
      queue[tail++] = c;
    }
  }
  if (tail !== n) throw new Error(`the formal layer is not one tree: ${n - tail} people are not below the root (a cycle in reports-to)`);
  return { parent, level, root };
}

/** Children of every node as CSR (ascending ids), built on demand. */
export function childrenOf(parent: Int32Array): { offsets: Int32Array; children: Int32Array } {
  const n = parent.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) offsets[parent[i]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const children = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) children[fill[parent[i]!]!++] = i;
  return { offsets, children };
}

/**
 * The first `count` alive people of the tree in breadth-first order from `root`
 * (children in ascending id): "the top of the formal tree" of MODEL.md (targeted
 * removals, stewards). Removed people are passed through, not counted.
 */
export function topOfTree(parent: Int32Array, alive: Uint8Array, root: number, n: number, count: number): Int32Array {
  const { offsets, children } = childrenOf(parent.subarray(0, n));
  const out: number[] = [];
  const queue = new Int32Array(n);
  let head = 0, tail = 0;
  queue[tail++] = root;
  while (head < tail && out.length < count) {
    const u = queue[head++]!;
    if (alive[u]) out.push(u);
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) queue[tail++] = children[k]!;
  }
  return Int32Array.from(out);
}
