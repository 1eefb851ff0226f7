// `hierarchy`: a balanced tree filled breadth-first (MODEL.md §3): node 0 is the root
// and parent[i] = floor((i - 1) / span).
import { type Formal, formalFromParents } from './formal.ts';

/** The balanced span-s tree on n nodes. */
export function hierarchy(n: number, span: number): Formal {
  const parent = new Int32Array(n);
  parent[0] = -1;
  for (let i = 1; i < n; i++) parent[i] = Math.floor((i - 1) / span);
  return formalFromParents(parent);
}
