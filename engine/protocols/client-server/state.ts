// The client-server protocol's state (MODEL.md §5), declared once under v1's
// names (`cs.*`), and its allocation: all of it is in the state record, so
// snapshots and hashes cover it. The server (`cs.server`) and the flat routing
// tree (`cs.tree`) are declared by channel.ts, which the information layer reads.
import type { Context } from '../../context.ts';
import type { State } from '../../state.ts';
import { type ArrayHandle, type ScalarHandle, stateArray, stateNumber } from '../../state-handles.ts';
import { CS_TREE } from './channel.ts';

// Per person.
/** Unfinished orders per person, by the deciders' books. */
export const ORDERS = stateArray.i32('cs.orders');
/** The directory: each person's skills as of the last review (n × D; −1: unknown). */
export const DIRECTORY = stateArray.f32('cs.directory');
/** Each person's direct reports as a doubly linked list (tree.ts). */
export const KID_FIRST = stateArray.i32('cs.kid.first');
export const KID_NEXT = stateArray.i32('cs.kid.next');
export const KID_PREV = stateArray.i32('cs.kid.prev');
/** 1 while a person is in `cs.holders`, `cs.waiting`; 1 while a removed manager's place is vacant. */
export const IS_HOLDER = stateArray.u8('cs.isHolder');
export const IS_WAITING = stateArray.u8('cs.isWaiting');
export const VACANT = stateArray.u8('cs.vacant');
/** Each resolver's successes and failures since the last review (feedback, review.ts). */
export const FB_OK = stateArray.i32('cs.fb.ok');
export const FB_FAIL = stateArray.i32('cs.fb.fail');
// Delegation tables (decideAt "manager" only; directory.ts): preorder positions and subtree bests.
export const TIN = stateArray.i32('cs.tin');
export const TOUT = stateArray.i32('cs.tout');
export const SUB_BEST = stateArray.f32('cs.sub.best');
export const SUB_ARG = stateArray.i32('cs.sub.arg');

// Management by exception (decideAt "exception", model 2; estimates.ts).
/** Estimates: (member · levels + manager's depth) · D + domain. */
export const EST = stateArray.f32('cs.est');
/** Per (manager, domain): its best estimate of anyone in its subtree (−1: none). */
export const EST_BEST = stateArray.f32('cs.est.best');
/** Depth in the routing tree and preorder as of the last review (tin indexes `cs.preorder`). */
export const DEPTH = stateArray.i32('cs.depth');
export const PREORDER = stateArray.i32('cs.preorder');
/** Levels of the routing tree as of the last review (the stride of `cs.est`). */
export const LEVELS = stateNumber('cs.est.levels');
/**
 * Each resolver's unfinished orders as a linked list of situations (head per person,
 * next/previous per situation), so a manager can ask "did I give this person an
 * order that is not finished?" (decideAt "exception" only; held-orders.ts).
 */
export const HELD_HEAD = stateArray.i32('cs.held.head');
export const HELD_NEXT = stateArray.i32('cs.held.next');
export const HELD_PREV = stateArray.i32('cs.held.prev');

// The directory's per-domain rankings (directory.ts).
export const DIR_SORTED = stateArray.i32('cs.dir.sorted');
export const DIR_QUALIFIED = stateArray.i32('cs.dir.qualified');
/** People in the directory (the length of each domain's block of `cs.dir.sorted`). */
export const DIR_M = stateNumber('cs.dir.m');
export const QUAL = stateArray.i32('cs.qual');
export const QUAL_OFF = stateArray.i32('cs.qual.off');

// Per situation: who decided it, the resolver of its unfinished order (−1: none),
// who holds the latest message about it (for the audit), the tick of its first
// decision; and whether it is in the order book.
export const S_DECIDER = stateArray.i32('cs.s.decider');
export const S_RESOLVER = stateArray.i32('cs.s.resolver');
export const S_CARRIER = stateArray.i32('cs.s.carrier');
export const S_DECIDED = stateArray.i32('cs.s.decided');
export const S_IN_BOOK = stateArray.u8('cs.s.inBook');
const SIT_I32 = [S_DECIDER, S_RESOLVER, S_CARRIER, S_DECIDED];

/** A per-person FIFO of pool items: its head and tail arrays (queues.ts). */
export interface PersonQueue {
  readonly head: ArrayHandle<Int32Array>;
  readonly tail: ArrayHandle<Int32Array>;
}
/** Items an orphan holds until it has a manager again (reports and outcome reports going up). */
export const HOLD: PersonQueue = { head: stateArray.i32('cs.hold.head'), tail: stateArray.i32('cs.hold.tail') };
/** Orders a resolver has read but cannot start yet (busy at `population.concurrent`). */
export const PEND: PersonQueue = { head: stateArray.i32('cs.pend.head'), tail: stateArray.i32('cs.pend.tail') };

// The item pool the per-person queues draw from, with a free list.
export const POOL_KIND = stateArray.u8('cs.pool.kind');
export const POOL_SIT = stateArray.i32('cs.pool.sit');
export const POOL_B = stateArray.i32('cs.pool.b');
export const POOL_NEXT = stateArray.i32('cs.pool.next');
export const POOL_USED = stateNumber('cs.pool.used');
export const POOL_FREE = stateNumber('cs.pool.free');

/** A growable id list: its array and its length (`name.length`). */
export interface IdList {
  readonly array: ArrayHandle<Int32Array>;
  readonly length: ScalarHandle;
}
function idList(name: string): IdList {
  return { array: stateArray.i32(name), length: stateNumber(`${name}.length`) };
}
/** Orphans holding items. */
export const HOLDERS = idList('cs.holders');
/** Resolvers with pending orders. */
export const WAITING = idList('cs.waiting');
/** The order book: situations with an unfinished order. */
export const BOOK = idList('cs.book');
/** Vacancies: who left, and the tick their successor is due (parallel lists). */
export const VAC_WHO = idList('cs.vac.who');
export const VAC_DUE = idList('cs.vac.due');

/** The run's counters. */
export const CS_COUNT = {
  decisions: stateNumber('cs.count.decisions'),
  delegated: stateNumber('cs.count.delegated'),
  redecisions: stateNumber('cs.count.redecisions'),
  retries: stateNumber('cs.count.retries'),
  lostOrders: stateNumber('cs.count.lostOrders'),
  staleOrders: stateNumber('cs.count.staleOrders'),
  /** Orders whose resolver was no longer below the sender (the routing tree changed). */
  undeliverable: stateNumber('cs.count.undeliverable'),
  successions: stateNumber('cs.count.successions'),
  serverReads: stateNumber('cs.count.serverReads'),
  /** Items lost from the desks of people removed. */
  dropped: stateNumber('cs.count.dropped'),
} as const;
/** Decisions this tick (the `decisions` series; reset when recorded). */
export const TICK_DECISIONS = stateNumber('cs.tick.decisions');
/** Flat: 1 when the routing tree must be recomputed. */
export const TREE_DIRTY = stateNumber('cs.treeDirty');

/** Allocates every array and number of the protocol (per-person arrays are registered so hiring grows them). */
export function allocateState(ctx: Context, delegation: boolean, exception = false): void {
  const st = ctx.state, n = ctx.n, D = ctx.scenario.population.domains;
  const person = <T extends Int32Array | Float32Array | Uint8Array>(h: ArrayHandle<T>, stride: number, fill: number, make: (k: number) => T) => {
    ctx.registerPersonArray(h, stride, fill);
    st.put(h, make(n * stride).fill(fill) as T);
  };
  const i32 = (k: number) => new Int32Array(k), f32 = (k: number) => new Float32Array(k), u8 = (k: number) => new Uint8Array(k);
  person(ORDERS, 1, 0, i32);
  person(DIRECTORY, D, -1, f32);
  person(CS_TREE, 1, -1, i32); // flat: the BFS routing tree from the server
  for (const h of [KID_FIRST, KID_NEXT, KID_PREV, HOLD.head, HOLD.tail, PEND.head, PEND.tail]) person(h, 1, -1, i32);
  for (const h of [IS_HOLDER, IS_WAITING, VACANT]) person(h, 1, 0, u8);
  person(FB_OK, 1, 0, i32);
  person(FB_FAIL, 1, 0, i32);
  if (exception) {
    person(HELD_HEAD, 1, -1, i32);
    st.put(HELD_NEXT, new Int32Array(256).fill(-1));
    st.put(HELD_PREV, new Int32Array(256).fill(-1));
  }
  if (delegation || exception) {
    person(TIN, 1, -1, i32);
    person(TOUT, 1, -1, i32);
    person(SUB_BEST, D, -1, f32);
    person(SUB_ARG, D, -1, i32);
  }
  for (const h of SIT_I32) st.put(h, new Int32Array(256).fill(-1));
  st.put(S_IN_BOOK, new Uint8Array(256));
  st.put(POOL_KIND, new Uint8Array(64));
  for (const h of [POOL_SIT, POOL_B, POOL_NEXT]) st.put(h, new Int32Array(64));
  st.setNum(POOL_USED, 0);
  st.setNum(POOL_FREE, -1);
  for (const l of [HOLDERS, WAITING, BOOK, VAC_WHO, VAC_DUE]) {
    st.put(l.array, new Int32Array(16));
    st.setNum(l.length, 0);
  }
  for (const h of Object.values(CS_COUNT)) st.setNum(h, 0);
  st.setNum(TICK_DECISIONS, 0);
  st.setNum(TREE_DIRTY, 0);
}

/** Grows the per-situation arrays to hold situation `sit`; true when they were replaced. */
export function growSituationArrays(st: State, sit: number): boolean {
  const cur = st.get(S_DECIDER).length;
  if (sit < cur) return false;
  const cap = Math.max(sit + 1, cur * 2);
  for (const h of SIT_I32) {
    const next = new Int32Array(cap).fill(-1);
    next.set(st.get(h));
    st.put(h, next);
  }
  const flag = new Uint8Array(cap);
  flag.set(st.get(S_IN_BOOK));
  st.put(S_IN_BOOK, flag);
  for (const h of [HELD_NEXT, HELD_PREV]) {
    if (!st.hasArray(h)) continue;
    const next = new Int32Array(cap).fill(-1);
    next.set(st.get(h));
    st.put(h, next);
  }
  return true;
}
