// Who is cut off, and the pieces an organization split into, as a network view
// shows them after a shock. A tree view (the hierarchy) asks whether each person's
// chain of managers still reaches the head: when a manager leaves, their team is a
// piece of its own until a successor comes (when the head leaves, every team is).
// An informal view asks whether people can still reach the largest group through
// informal ties (the engine's `giantComponent`): every other group is a piece.
// Pure and allocation-light (O(n + ties)), run once per change of the ties.
import type { Topology } from '../workers/host.ts';

export interface CutOff {
  /** Per person: −1 in the main body (or gone), else the index of its piece (0 = largest piece). */
  piece: Int32Array;
  /** How many pieces there are besides the main body. */
  pieces: number;
  /** Alive people cut off (in any piece). */
  count: number;
}

/** Pieces of a tree view: teams whose chain of managers is broken (or all, without a head). */
export function treeCutOff(topo: Topology, alive: Uint8Array): CutOff {
  const n = topo.n, parent = topo.formalParent, root = topo.formalRoot;
  const top = new Int32Array(n).fill(-2); // −2 unknown; else the top of the person's chain (−1: reaches the head)
  const headAlive = root >= 0 && alive[root] === 1;
  const stack: number[] = [];
  for (let v = 0; v < n; v++) {
    if (!alive[v] || top[v] !== -2) continue;
    // Climb until a known person, the head, or a break; then label the path.
    let u = v, reached = -1, guard = 0;
    while (true) {
      stack.push(u);
      if (u === root && headAlive) { reached = -1; break; }
      const p = parent[u]!;
      if (p < 0 || !alive[p] || guard++ > n) { reached = u; break; }
      if (top[p] !== -2) { reached = top[p]!; break; }
      u = p;
    }
    while (stack.length) top[stack.pop()!] = reached;
  }
  return label(top, alive, n);
}

/** Pieces of an informal view: groups outside the largest connected group of alive people. */
export function informalCutOff(topo: Topology, alive: Uint8Array): CutOff {
  const n = topo.n;
  const comp = new Int32Array(n).fill(-1);
  if (topo.complete) {
    return { piece: comp, pieces: 0, count: 0 };
  }
  const queue = new Int32Array(n), sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (!alive[s] || comp[s] !== -1) continue;
    const c = sizes.length;
    let head = 0, tail = 0, size = 0;
    queue[tail++] = s;
    comp[s] = c;
    while (head < tail) {
      const u = queue[head++]!;
      size++;
      for (let k = topo.offsets[u]!; k < topo.offsets[u + 1]!; k++) {
        const w = topo.targets[k]!;
        if (alive[w] && comp[w] === -1) { comp[w] = c; queue[tail++] = w; }
      }
    }
    sizes.push(size);
  }
  let main = -1;
  sizes.forEach((s, c) => { if (main < 0 || s > sizes[main]!) main = c; });
  const top = new Int32Array(n).fill(-2);
  for (let v = 0; v < n; v++) if (alive[v]) top[v] = comp[v] === main ? -1 : comp[v]!;
  return label(top, alive, n);
}

/** Renumbers pieces by size (largest first); −1 stays the main body. */
function label(top: Int32Array, alive: Uint8Array, n: number): CutOff {
  const size = new Map<number, number>();
  for (let v = 0; v < n; v++) if (alive[v] && top[v]! >= 0) size.set(top[v]!, (size.get(top[v]!) ?? 0) + 1);
  const order = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || a - b);
  const index = new Map(order.map((k, i) => [k, i]));
  const piece = new Int32Array(n).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    if (!alive[v] || top[v]! < 0) continue;
    piece[v] = index.get(top[v]!)!;
    count++;
  }
  return { piece, pieces: order.length, count };
}
