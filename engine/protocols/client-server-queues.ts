// Small queues of the client-server protocol, kept in the state record so that
// snapshots and hashes cover them: per-person FIFO lists of items (what an
// orphan holds until its manager's successor is named; the orders a busy
// resolver keeps pending) drawn from one pool with a free list, and growable
// id lists (holders, waiters, the order book, vacancies). These lists hold at
// most a few items per situation; the hot path (the root's inbox) is the
// engine's message queue, not these.
import type { State } from '../state.ts';

/** A per-person FIFO: the names of its head and tail arrays. */
export interface QueueNames {
  head: string;
  tail: string;
}

/** Items an orphan holds until it has a manager again (reports and outcome reports going up). */
export const HOLD: QueueNames = { head: 'cs.hold.head', tail: 'cs.hold.tail' };
/** Orders a resolver has read but cannot start yet (busy at `population.concurrent`). */
export const PEND: QueueNames = { head: 'cs.pend.head', tail: 'cs.pend.tail' };

/** Allocates the item pool. */
export function initPool(state: State): void {
  state.set('cs.pool.kind', new Uint8Array(64));
  state.set('cs.pool.sit', new Int32Array(64));
  state.set('cs.pool.b', new Int32Array(64));
  state.set('cs.pool.next', new Int32Array(64));
  state.scalars['cs.pool.used'] = 0;
  state.scalars['cs.pool.free'] = -1;
}

function growPool(state: State): void {
  for (const name of ['cs.pool.kind', 'cs.pool.sit', 'cs.pool.b', 'cs.pool.next']) {
    const old = state.arrays[name] as Int32Array;
    const next = new (old.constructor as { new (n: number): Int32Array })(old.length * 2);
    next.set(old);
    state.set(name, next);
  }
}

/** Appends the item (kind, sit, b) to v's queue `q`. */
export function enqueue(state: State, q: QueueNames, v: number, kind: number, sit: number, b: number): void {
  const s = state.scalars;
  let slot = s['cs.pool.free']!;
  if (slot >= 0) s['cs.pool.free'] = state.i32('cs.pool.next')[slot]!;
  else {
    slot = s['cs.pool.used']!;
    if (slot === state.u8('cs.pool.kind').length) growPool(state);
    s['cs.pool.used'] = slot + 1;
  }
  const next = state.i32('cs.pool.next');
  state.u8('cs.pool.kind')[slot] = kind;
  state.i32('cs.pool.sit')[slot] = sit;
  state.i32('cs.pool.b')[slot] = b;
  next[slot] = -1;
  const head = state.i32(q.head), tail = state.i32(q.tail);
  const t = tail[v]!;
  if (t === -1) head[v] = slot;
  else next[t] = slot;
  tail[v] = slot;
}

/** Removes and returns the oldest item slot of v's queue (−1 when empty); `release` it after reading. */
export function dequeue(state: State, q: QueueNames, v: number): number {
  const head = state.i32(q.head);
  const slot = head[v]!;
  if (slot === -1) return -1;
  const nx = state.i32('cs.pool.next')[slot]!;
  head[v] = nx;
  if (nx === -1) state.i32(q.tail)[v] = -1;
  return slot;
}

/** Returns an item slot to the pool. */
export function release(state: State, slot: number): void {
  state.i32('cs.pool.next')[slot] = state.scalars['cs.pool.free']!;
  state.scalars['cs.pool.free'] = slot;
}

/** Empties v's queue (a removed person's desk); returns how many items it held. */
export function clearQueue(state: State, q: QueueNames, v: number): number {
  let count = 0;
  for (let slot = dequeue(state, q, v); slot !== -1; slot = dequeue(state, q, v)) {
    release(state, slot);
    count++;
  }
  return count;
}

/** Allocates a growable id list `name` (its length in scalar `name.length`). */
export function initList(state: State, name: string, capacity = 16): void {
  state.set(name, new Int32Array(capacity));
  state.scalars[`${name}.length`] = 0;
}

/** Appends x to list `name`. */
export function listPush(state: State, name: string, x: number): void {
  const key = `${name}.length`;
  const len = state.scalars[key]!;
  let a = state.i32(name);
  if (len === a.length) {
    const next = new Int32Array(a.length * 2);
    next.set(a);
    a = state.set(name, next);
  }
  a[len] = x;
  state.scalars[key] = len + 1;
}

/** Appends v to list `name` unless its flag (per-person Uint8Array `flag`) says it is there already. */
export function listAddOnce(state: State, name: string, flag: string, v: number): void {
  const f = state.u8(flag);
  if (f[v]) return;
  f[v] = 1;
  listPush(state, name, v);
}
