// A resolver's unfinished orders, as the deciders' books record them (MODEL.md §5,
// §10.2): setting and clearing a situation's resolver keeps `cs.orders` (how many
// each person holds) and, under management by exception, each person's list of
// held situations, so that a manager believes busy exactly the people it gave an
// order that is not yet closed — its own orders, not anyone else's.
import type { State } from '../../state.ts';
import { HELD_HEAD, HELD_NEXT, HELD_PREV, ORDERS, S_DECIDER, S_RESOLVER } from './state.ts';

/** Records that `sit`'s order goes to r. */
export function holdOrder(st: State, sit: number, r: number): void {
  st.get(S_RESOLVER)[sit] = r;
  st.get(ORDERS)[r]!++;
  if (!st.hasArray(HELD_HEAD)) return;
  const head = st.get(HELD_HEAD), next = st.get(HELD_NEXT), prev = st.get(HELD_PREV);
  next[sit] = head[r]!;
  prev[sit] = -1;
  if (head[r]! >= 0) prev[head[r]!] = sit;
  head[r] = sit;
}

/** Clears `sit`'s order (closed, lost or past its deadline); nothing when it has none. */
export function clearOrder(st: State, sit: number): void {
  const resolver = st.get(S_RESOLVER);
  const r = resolver[sit]!;
  if (r < 0) return;
  st.get(ORDERS)[r]!--;
  resolver[sit] = -1;
  if (!st.hasArray(HELD_HEAD)) return;
  const head = st.get(HELD_HEAD), next = st.get(HELD_NEXT), prev = st.get(HELD_PREV);
  const p = prev[sit]!, q = next[sit]!;
  if (p >= 0) next[p] = q;
  else head[r] = q;
  if (q >= 0) prev[q] = p;
  next[sit] = -1;
  prev[sit] = -1;
}

/** True when manager m gave v an order that is not yet closed. O(orders v holds). */
export function holdsOrderFrom(st: State, v: number, m: number): boolean {
  const next = st.get(HELD_NEXT), decider = st.get(S_DECIDER);
  for (let sit = st.get(HELD_HEAD)[v]!; sit >= 0; sit = next[sit]!) if (decider[sit] === m) return true;
  return false;
}
