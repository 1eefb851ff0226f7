// The client-server protocol's state layout (all of it in the state record, under
// `cs.`, so snapshots and hashes cover it) and its small queues: per-person FIFO
// lists of items (what an
// orphan holds until its manager's successor is named; the orders a busy
// resolver keeps pending) drawn from one pool with a free list, and growable
// id lists (holders, waiters, the order book, vacancies). These lists hold at
// most a few items per situation; the hot path (the root's inbox) is the
// engine's message queue, not these.
import type { Context } from '../../context.ts';
import type { State } from '../../state.ts';

// Per situation: who decided it, the resolver of its unfinished order (−1: none),
// who holds the latest message about it (for the audit), the tick of its first
// decision; and (`cs.s.inBook`) whether it is in the order book.
const SIT_I32 = ['cs.s.decider', 'cs.s.resolver', 'cs.s.carrier', 'cs.s.decided'];
const COUNTERS = ['decisions', 'delegated', 'redecisions', 'retries', 'lostOrders', 'staleOrders', 'undeliverable', 'successions', 'serverReads', 'dropped'];

/** Allocates every array and number of the protocol (per-person arrays are registered so hiring grows them). */
export function allocateState(ctx: Context, delegation: boolean): void {
  const st = ctx.state, n = ctx.n, D = ctx.scenario.population.domains;
  const person = (name: string, stride: number, fill: number, make: (k: number) => Int32Array | Float32Array | Uint8Array) => {
    ctx.registerPersonArray(name, stride, fill);
    st.set(name, make(n * stride).fill(fill));
  };
  const i32 = (k: number) => new Int32Array(k), f32 = (k: number) => new Float32Array(k), u8 = (k: number) => new Uint8Array(k);
  person('cs.orders', 1, 0, i32); // unfinished orders per person, by the deciders' books
  person('cs.directory', D, -1, f32);
  person('cs.tree', 1, -1, i32); // flat: the BFS routing tree from the server
  for (const name of ['cs.kid.first', 'cs.kid.next', 'cs.kid.prev', 'cs.hold.head', 'cs.hold.tail', 'cs.pend.head', 'cs.pend.tail']) person(name, 1, -1, i32);
  for (const name of ['cs.isHolder', 'cs.isWaiting', 'cs.vacant']) person(name, 1, 0, u8);
  person('cs.fb.ok', 1, 0, i32);
  person('cs.fb.fail', 1, 0, i32);
  if (delegation) {
    person('cs.tin', 1, -1, i32);
    person('cs.tout', 1, -1, i32);
    person('cs.sub.best', D, -1, f32);
    person('cs.sub.arg', D, -1, i32);
  }
  for (const name of SIT_I32) st.set(name, new Int32Array(256).fill(-1));
  st.set('cs.s.inBook', new Uint8Array(256));
  initPool(st);
  for (const name of ['cs.holders', 'cs.waiting', 'cs.book', 'cs.vac.who', 'cs.vac.due']) initList(st, name);
  for (const c of COUNTERS) st.scalars[`cs.count.${c}`] = 0;
  st.scalars['cs.tick.decisions'] = 0;
  st.scalars['cs.treeDirty'] = 0;
}

/** Grows the per-situation arrays to hold situation `sit`; true when they were replaced. */
export function growSituationArrays(st: State, sit: number): boolean {
  const cur = st.i32('cs.s.decider').length;
  if (sit < cur) return false;
  const cap = Math.max(sit + 1, cur * 2);
  for (const name of SIT_I32) {
    const next = new Int32Array(cap).fill(-1);
    next.set(st.i32(name));
    st.set(name, next);
  }
  const flag = new Uint8Array(cap);
  flag.set(st.u8('cs.s.inBook'));
  st.set('cs.s.inBook', flag);
  return true;
}

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

/**
 * Takes v's whole queue off its desk at once and returns its first slot (−1 when
 * empty); walk it with `nextItem` (read before you `release`). Anything queued for v
 * meanwhile starts a fresh queue, so walking can never chase its own tail.
 */
export function detach(state: State, q: QueueNames, v: number): number {
  const head = state.i32(q.head);
  const slot = head[v]!;
  head[v] = -1;
  state.i32(q.tail)[v] = -1;
  return slot;
}

/** The item after `slot` in a detached queue (−1 at the end). */
export function nextItem(state: State, slot: number): number {
  return state.i32('cs.pool.next')[slot]!;
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
