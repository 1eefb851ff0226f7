// The chain of command of the client-server protocol: who reports to whom, and
// succession (MODEL.md §5).
//
// The formal tree lives in the engine's `formal.parent` / `formal.level` /
// `formal.root`; this module keeps, beside it, each person's direct reports as
// a doubly linked list (`cs.kid.first/next/prev`) so that a succession moves a
// manager's reports in O(reports), whatever the size of the organization, and
// a mass removal costs O(removed), not O(removed · n).
//
// Succession: the removed manager's alive direct report with the highest mean
// skill (lowest id on ties) takes its place under its parent and over its other
// reports (dead ones included, so their own pending successions land in the
// right place), and keeps its own reports, who thus move one level up.
import type { State } from '../../state.ts';
import type { Graph } from '../../graph/csr.ts';
import { FORMAL_LEVEL, FORMAL_PARENT, FORMAL_ROOT, FORMAL_VERSION } from '../../organization-state.ts';
import { ALIVE, SKILL } from '../../people-state.ts';
import { CS_SERVER, CS_TREE } from './channel.ts';
import { listPush } from './queues.ts';
import { CS_COUNT, KID_FIRST, KID_NEXT, KID_PREV, TREE_DIRTY, VAC_DUE, VAC_WHO, VACANT } from './state.ts';

/** Builds the report lists from `formal.parent` (reports in ascending id). */
export function buildReportLists(state: State, n: number): void {
  const parent = state.get(FORMAL_PARENT);
  const first = state.get(KID_FIRST), next = state.get(KID_NEXT), prev = state.get(KID_PREV);
  first.fill(-1);
  next.fill(-1);
  prev.fill(-1);
  // Prepending in descending id leaves each list in ascending id.
  for (let v = n - 1; v >= 0; v--) {
    const p = parent[v]!;
    if (p >= 0) link(first, next, prev, p, v);
  }
}

/** Puts c at the head of p's reports. */
export function link(first: Int32Array, next: Int32Array, prev: Int32Array, p: number, c: number): void {
  const h = first[p]!;
  next[c] = h;
  prev[c] = -1;
  if (h !== -1) prev[h] = c;
  first[p] = c;
}

/** Takes c out of p's reports. */
export function unlink(first: Int32Array, next: Int32Array, prev: Int32Array, p: number, c: number): void {
  const a = prev[c]!, b = next[c]!;
  if (a !== -1) next[a] = b;
  else if (first[p] === c) first[p] = b;
  if (b !== -1) prev[b] = a;
  next[c] = -1;
  prev[c] = -1;
}

/** What a succession did. */
export const PROMOTED = 0, POSTPONED = 1, GONE = 2;

/**
 * Fills removed manager m's place (hierarchy). Returns PROMOTED (the successor is
 * in `out[0]`), POSTPONED (no alive report yet, but a report's own succession is
 * pending: retry later) or GONE (nobody is left below m).
 */
export function succeed(state: State, D: number, m: number, out: Int32Array): number {
  const alive = state.get(ALIVE);
  const skill = state.get(SKILL);
  const vacant = state.get(VACANT);
  const first = state.get(KID_FIRST), next = state.get(KID_NEXT), prev = state.get(KID_PREV);
  const parent = state.get(FORMAL_PARENT), level = state.get(FORMAL_LEVEL);
  let best = -1, bestMean = -Infinity, pendingBelow = false;
  for (let c = first[m]!; c !== -1; c = next[c]!) {
    if (!alive[c]) {
      if (vacant[c]) pendingBelow = true;
      continue;
    }
    let sum = 0;
    for (let d = 0; d < D; d++) sum += skill[c * D + d]!;
    const mean = sum / D;
    if (mean > bestMean || (mean === bestMean && c < best)) { best = c; bestMean = mean; }
  }
  if (best < 0) return pendingBelow ? POSTPONED : GONE;
  const s = best, p = parent[m]!;
  // The successor's own reports move up one level with it (before m's other reports join them).
  shiftSubtreeLevels(first, next, level, s, -1);
  level[s] = level[m]!;
  unlink(first, next, prev, m, s);
  for (let c = first[m]!; c !== -1;) {
    const nx = next[c]!;
    unlink(first, next, prev, m, c);
    link(first, next, prev, s, c);
    parent[c] = s;
    c = nx;
  }
  if (p >= 0) {
    unlink(first, next, prev, p, m);
    link(first, next, prev, p, s);
  }
  parent[s] = p;
  if (state.num(FORMAL_ROOT) === m) state.setNum(FORMAL_ROOT, s);
  // `formal.version` is absent until the first rewiring.
  state.setNum(FORMAL_VERSION, (state.hasNum(FORMAL_VERSION) ? state.num(FORMAL_VERSION) : 0) + 1);
  out[0] = s;
  return PROMOTED;
}

/** Adds `delta` to the level of everyone strictly below v (iterative walk of the report lists). */
function shiftSubtreeLevels(first: Int32Array, next: Int32Array, level: Int32Array, v: number, delta: number): void {
  // Successions are rare: a plain array as the stack is fine here.
  const stack: number[] = [];
  for (let c = first[v]!; c !== -1; c = next[c]!) stack.push(c);
  while (stack.length > 0) {
    const u = stack.pop()!;
    level[u]! += delta;
    for (let c = first[u]!; c !== -1; c = next[c]!) stack.push(c);
  }
}

/**
 * The successor of a removed server in a flat organization: its alive children
 * in the routing tree `tree` with the highest mean skill (lowest id on ties), or,
 * when it had none, the alive person with the highest informal degree. −1 when
 * nobody is alive. O(n).
 */
export function flatSuccessor(state: State, n: number, D: number, tree: Int32Array, m: number, degreeOf: (v: number) => number): number {
  const alive = state.get(ALIVE);
  const skill = state.get(SKILL);
  let best = -1, bestMean = -Infinity;
  for (let c = 0; c < n; c++) {
    if (!alive[c] || tree[c] !== m) continue;
    let sum = 0;
    for (let d = 0; d < D; d++) sum += skill[c * D + d]!;
    const mean = sum / D;
    if (mean > bestMean) { best = c; bestMean = mean; }
  }
  return best >= 0 ? best : highestDegree(alive, n, degreeOf);
}

/** The alive person with the highest informal degree, lowest id on ties (−1 when nobody is alive). */
export function highestDegree(alive: Uint8Array, n: number, degreeOf: (v: number) => number): number {
  let best = -1, bestDegree = -1;
  for (let v = 0; v < n; v++) {
    if (!alive[v]) continue;
    const k = degreeOf(v);
    if (k > bestDegree) { best = v; bestDegree = k; }
  }
  return best;
}

/** Alive informal degree of v (everyone alike in the implicit complete graph). */
export function degreeOf(g: Graph, alive: Uint8Array): (v: number) => number {
  if (g.complete) return () => 1;
  return (v) => {
    let k = 0;
    for (let a = g.offsets[v]!; a < g.offsets[v + 1]!; a++) if (alive[g.targets[a]!]) k++;
    return k;
  };
}

/**
 * Fills the vacancies due at tick t (`cs.vac.*`), deepest first, so a chain of
 * removed managers is filled bottom-up in one pass; a vacancy with no alive report
 * yet but a report's succession pending is retried next tick. Keeps `cs.server`
 * in step (−1 while the server's place is vacant).
 */
export function fillVacancies(st: State, n: number, D: number, flat: boolean, t: number, informal: Graph): void {
  const who = st.get(VAC_WHO.array), due = st.get(VAC_DUE.array);
  const len = st.vals[VAC_WHO.length.id]!;
  const ready: number[] = [];
  let w = 0;
  for (let i = 0; i < len; i++) {
    if (due[i]! <= t) ready.push(who[i]!);
    else { who[w] = who[i]!; due[w] = due[i]!; w++; }
  }
  if (ready.length === 0) return;
  st.vals[VAC_WHO.length.id] = w;
  st.vals[VAC_DUE.length.id] = w;
  const level = st.get(FORMAL_LEVEL);
  const alive = st.get(ALIVE);
  ready.sort((a, b) => level[b]! - level[a]! || a - b);
  const vacant = st.get(VACANT);
  const out = new Int32Array(1);
  for (const m of ready) {
    if (flat) {
      // A flat organization's only position is the server's; routing is rebuilt from the successor.
      const next = flatSuccessor(st, n, D, st.get(CS_TREE), m, degreeOf(informal, alive));
      vacant[m] = 0;
      st.setNum(CS_SERVER, next);
      st.setNum(TREE_DIRTY, 1);
      if (next >= 0) st.vals[CS_COUNT.successions.id]!++;
      continue;
    }
    const result = succeed(st, D, m, out);
    if (result === PROMOTED) {
      vacant[m] = 0;
      st.vals[CS_COUNT.successions.id]!++;
    } else if (result === POSTPONED) {
      listPush(st, VAC_WHO, m);
      listPush(st, VAC_DUE, t + 1);
    } else vacant[m] = 0;
  }
  if (!flat) {
    const root = st.num(FORMAL_ROOT);
    st.setNum(CS_SERVER, root >= 0 && alive[root] ? root : -1);
  }
}
