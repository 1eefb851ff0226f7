// The client-server protocol's small queues: per-person FIFO lists of items (what
// an orphan holds until its manager's successor is named; the orders a busy
// resolver keeps pending) drawn from one pool with a free list, and growable id
// lists (holders, waiters, the order book, vacancies). These lists hold at most a
// few items per situation; the hot path (the root's inbox) is the engine's
// message queue, not these. Their arrays are declared in state.ts.
import type { State } from '../../state.ts';
import type { ArrayHandle } from '../../state-handles.ts';
import { type IdList, type PersonQueue, POOL_B, POOL_FREE, POOL_KIND, POOL_NEXT, POOL_SIT, POOL_USED } from './state.ts';

function growPool(state: State): void {
  for (const h of [POOL_KIND, POOL_SIT, POOL_B, POOL_NEXT] as ArrayHandle<Int32Array | Uint8Array>[]) {
    const old = state.get(h);
    const next = new (old.constructor as { new (n: number): Int32Array | Uint8Array })(old.length * 2);
    next.set(old);
    state.put(h, next);
  }
}

/** Appends the item (kind, sit, b) to v's queue `q`. */
export function enqueue(state: State, q: PersonQueue, v: number, kind: number, sit: number, b: number): void {
  let slot = state.vals[POOL_FREE.id]!;
  if (slot >= 0) state.vals[POOL_FREE.id] = state.get(POOL_NEXT)[slot]!;
  else {
    slot = state.vals[POOL_USED.id]!;
    if (slot === state.get(POOL_KIND).length) growPool(state);
    state.vals[POOL_USED.id] = slot + 1;
  }
  const next = state.get(POOL_NEXT);
  state.get(POOL_KIND)[slot] = kind;
  state.get(POOL_SIT)[slot] = sit;
  state.get(POOL_B)[slot] = b;
  next[slot] = -1;
  const head = state.get(q.head), tail = state.get(q.tail);
  const t = tail[v]!;
  if (t === -1) head[v] = slot;
  else next[t] = slot;
  tail[v] = slot;
}

/** Removes and returns the oldest item slot of v's queue (−1 when empty); `release` it after reading. */
export function dequeue(state: State, q: PersonQueue, v: number): number {
  const head = state.get(q.head);
  const slot = head[v]!;
  if (slot === -1) return -1;
  const nx = state.get(POOL_NEXT)[slot]!;
  head[v] = nx;
  if (nx === -1) state.get(q.tail)[v] = -1;
  return slot;
}

/**
 * Takes v's whole queue off its desk at once and returns its first slot (−1 when
 * empty); walk it with `nextItem` (read before you `release`). Anything queued for v
 * meanwhile starts a fresh queue, so walking can never chase its own tail.
 */
export function detach(state: State, q: PersonQueue, v: number): number {
  const head = state.get(q.head);
  const slot = head[v]!;
  head[v] = -1;
  state.get(q.tail)[v] = -1;
  return slot;
}

/** The item after `slot` in a detached queue (−1 at the end). */
export function nextItem(state: State, slot: number): number {
  return state.get(POOL_NEXT)[slot]!;
}

/** Returns an item slot to the pool. */
export function release(state: State, slot: number): void {
  state.get(POOL_NEXT)[slot] = state.vals[POOL_FREE.id]!;
  state.vals[POOL_FREE.id] = slot;
}

/** Empties v's queue (a removed person's desk); returns how many items it held. */
export function clearQueue(state: State, q: PersonQueue, v: number): number {
  let count = 0;
  for (let slot = dequeue(state, q, v); slot !== -1; slot = dequeue(state, q, v)) {
    release(state, slot);
    count++;
  }
  return count;
}

/** Appends x to list `l`. */
export function listPush(state: State, l: IdList, x: number): void {
  const len = state.vals[l.length.id]!;
  let a = state.get(l.array);
  if (len === a.length) {
    const next = new Int32Array(a.length * 2);
    next.set(a);
    a = state.put(l.array, next);
  }
  a[len] = x;
  state.vals[l.length.id] = len + 1;
}

/** Appends v to list `l` unless its flag (per-person `flag`) says it is there already. */
export function listAddOnce(state: State, l: IdList, flag: ArrayHandle<Uint8Array>, v: number): void {
  const f = state.get(flag);
  if (f[v]) return;
  f[v] = 1;
  listPush(state, l, v);
}
