// Messages, inboxes and delivery (MODEL.md §1 phases 3–4, §5 "What is a message").
//
// A message lives in one pool of parallel typed arrays (kind, from, to, a, b,
// next). Sent messages wait in the outbox until the next tick's Delivery phase,
// which appends them to their recipients' inboxes in (sender id, send order):
// every inbox is a FIFO linked list through `next`, so inboxes grow without
// bound (the overloaded root's queue is the phenomenon) and never drop. Freed
// slots go to a free list, so the pool stops allocating once it is big enough.
import type { State } from './state.ts';
import { stateArray, stateNumber } from './state-handles.ts';
import { LOAD_STAMP, LOAD_TICK, LOAD_TOTAL } from './people-state.ts';

export { MSG } from './codes.ts';

// The pool: one slot per message, sent or waiting in an inbox.
export const MSG_KIND = stateArray.u8('msg.kind');
export const MSG_FROM = stateArray.i32('msg.from');
export const MSG_TO = stateArray.i32('msg.to');
export const MSG_A = stateArray.i32('msg.a');
export const MSG_B = stateArray.i32('msg.b');
export const MSG_NEXT = stateArray.i32('msg.next');
/** Slots sent this tick, delivered in the next (`outbox.length` of them). */
export const OUTBOX = stateArray.i32('outbox');
export const INBOX_HEAD = stateArray.i32('inbox.head');
export const INBOX_TAIL = stateArray.i32('inbox.tail');
/** Messages waiting in each person's inbox. */
export const INBOX_COUNT = stateArray.i32('inbox.count');

/** Head of the free list of slots. */
const FREE = stateNumber('msg.free');
/** Slots ever used (high-water mark). */
const USED = stateNumber('msg.used');
export const OUTBOX_LENGTH = stateNumber('outbox.length');
const SENT = stateNumber('count.sent');
const DELIVERED = stateNumber('count.delivered');
/** Messages lost: to people removed before delivery, dropped from their inboxes, or wasted instant contacts. */
export const COUNT_LOST = stateNumber('count.lost');
const READ = stateNumber('count.read');
/** To people removed before delivery. */
const LOST_AT_DELIVERY = stateNumber('count.lostAtDelivery');
/** Waiting in the inbox of someone removed. */
const DROPPED = stateNumber('count.dropped');
/** Messages waiting in all inboxes. */
export const INBOX_TOTAL = stateNumber('inbox.total');
/** Instant contacts of the textbook model (absent until the first). */
export const COUNT_INSTANT = stateNumber('count.instant');
/** This tick's messages (sent and instant), lost, and largest load on one desk. */
export const TICK_MESSAGES = stateNumber('tick.messages');
export const TICK_LOST = stateNumber('tick.lost');
export const TICK_MAX_LOAD = stateNumber('tick.maxLoad');

const NONE = -1;

/** Allocates the pool and the per-node inbox arrays for n people. */
export function initMessages(state: State, n: number): void {
  const cap = 1024;
  state.put(MSG_KIND, new Uint8Array(cap));
  state.put(MSG_FROM, new Int32Array(cap));
  state.put(MSG_TO, new Int32Array(cap));
  state.put(MSG_A, new Int32Array(cap));
  state.put(MSG_B, new Int32Array(cap));
  state.put(MSG_NEXT, new Int32Array(cap));
  state.put(OUTBOX, new Int32Array(cap));
  state.put(INBOX_HEAD, new Int32Array(n).fill(NONE));
  state.put(INBOX_TAIL, new Int32Array(n).fill(NONE));
  state.put(INBOX_COUNT, new Int32Array(n));
  state.put(LOAD_TOTAL, new Float64Array(n));
  state.put(LOAD_TICK, new Int32Array(n));
  state.put(LOAD_STAMP, new Int32Array(n).fill(-1));
  state.setNum(FREE, NONE);
  for (const h of [USED, OUTBOX_LENGTH, SENT, DELIVERED, COUNT_LOST, READ, LOST_AT_DELIVERY, DROPPED, INBOX_TOTAL, TICK_MESSAGES, TICK_LOST, TICK_MAX_LOAD]) state.setNum(h, 0);
}

/**
 * The message system bound to a state for one phase. Re-`bind` after a restore
 * or whenever another module may have grown the arrays. Counters are read and
 * written through `state.vals` at each call (never kept: it is replaced when the
 * state meets a new number).
 */
export class Messages {
  kind!: Uint8Array;
  from!: Int32Array;
  to!: Int32Array;
  a!: Int32Array;
  b!: Int32Array;
  next!: Int32Array;
  outbox!: Int32Array;
  head!: Int32Array;
  tail!: Int32Array;
  count!: Int32Array;
  private state!: State;
  /** Model 2's attention budget: every message sent costs its sender (MODEL.md §10.1); null under model 1. */
  attention: { send(state: State, v: number): void } | null = null;

  bind(state: State): this {
    this.state = state;
    this.kind = state.get(MSG_KIND);
    this.from = state.get(MSG_FROM);
    this.to = state.get(MSG_TO);
    this.a = state.get(MSG_A);
    this.b = state.get(MSG_B);
    this.next = state.get(MSG_NEXT);
    this.outbox = state.get(OUTBOX);
    this.head = state.get(INBOX_HEAD);
    this.tail = state.get(INBOX_TAIL);
    this.count = state.get(INBOX_COUNT);
    return this;
  }

  /** Sends a message now; it is delivered in the next tick's Delivery phase. */
  send(from: number, to: number, kind: number, a: number, b: number): void {
    const vals = this.state.vals;
    let slot = vals[FREE.id]!;
    if (slot !== NONE) {
      vals[FREE.id] = this.next[slot]!;
    } else {
      slot = vals[USED.id]!;
      if (slot === this.kind.length) this.growPool();
      vals[USED.id] = slot + 1;
    }
    this.kind[slot] = kind;
    this.from[slot] = from;
    this.to[slot] = to;
    this.a[slot] = a;
    this.b[slot] = b;
    this.next[slot] = NONE;
    let len = vals[OUTBOX_LENGTH.id]!;
    if (len === this.outbox.length) {
      const o = new Int32Array(this.outbox.length * 2);
      o.set(this.outbox);
      this.outbox = this.state.put(OUTBOX, o);
    }
    this.outbox[len++] = slot;
    vals[OUTBOX_LENGTH.id] = len;
    vals[SENT.id]!++;
    vals[TICK_MESSAGES.id]!++;
    if (this.attention !== null) this.attention.send(this.state, from);
  }

  private growPool(): void {
    const cap = this.kind.length * 2;
    const state = this.state;
    const kind = new Uint8Array(cap);
    kind.set(this.kind);
    this.kind = state.put(MSG_KIND, kind);
    const grow = (h: typeof MSG_FROM, old: Int32Array): Int32Array => {
      const next = new Int32Array(cap);
      next.set(old);
      return state.put(h, next);
    };
    this.from = grow(MSG_FROM, this.from);
    this.to = grow(MSG_TO, this.to);
    this.a = grow(MSG_A, this.a);
    this.b = grow(MSG_B, this.b);
    this.next = grow(MSG_NEXT, this.next);
  }

  /** Returns a slot to the free list. */
  free(slot: number): void {
    const vals = this.state.vals;
    this.next[slot] = vals[FREE.id]!;
    vals[FREE.id] = slot;
  }

  /**
   * Delivery phase: moves last tick's outbox into inboxes, in (sender id, send
   * order); messages to people removed meanwhile are lost. Updates load counters.
   */
  deliver(alive: Uint8Array, tick: number): void {
    const vals = this.state.vals;
    const len = vals[OUTBOX_LENGTH.id]!;
    const outbox = this.outbox;
    // Senders act in ascending id order, so the outbox is usually sorted already;
    // messages sent in the Work phase (outcomes) can break that: sort stably by sender.
    let sorted = true;
    for (let i = 1; i < len; i++) {
      if (this.from[outbox[i]!]! < this.from[outbox[i - 1]!]!) { sorted = false; break; }
    }
    if (!sorted) stableSortBySender(outbox, len, this.from);
    const loadTotal = this.state.get(LOAD_TOTAL);
    const loadTick = this.state.get(LOAD_TICK);
    const loadStamp = this.state.get(LOAD_STAMP);
    let maxLoad = 0, lost = 0;
    for (let i = 0; i < len; i++) {
      const slot = outbox[i]!;
      const to = this.to[slot]!;
      // The message reached the person's desk (or would have): it counts in their load.
      if (loadStamp[to] !== tick) { loadStamp[to] = tick; loadTick[to] = 0; }
      const l = ++loadTick[to]!;
      if (l > maxLoad) maxLoad = l;
      loadTotal[to]!++;
      if (!alive[to]) {
        lost++;
        this.free(slot);
        continue;
      }
      this.next[slot] = NONE;
      const t = this.tail[to]!;
      if (t === NONE) this.head[to] = slot;
      else this.next[t] = slot;
      this.tail[to] = slot;
      this.count[to]!++;
    }
    vals[OUTBOX_LENGTH.id] = 0;
    vals[DELIVERED.id]! += len - lost;
    vals[LOST_AT_DELIVERY.id]! += lost;
    vals[INBOX_TOTAL.id]! += len - lost;
    vals[COUNT_LOST.id]! += lost;
    vals[TICK_LOST.id]! += lost;
    vals[TICK_MAX_LOAD.id] = Math.max(vals[TICK_MAX_LOAD.id]!, maxLoad);
  }

  /** Pops the oldest message of v's inbox (−1 when empty). The caller frees it after reading. */
  pop(v: number): number {
    const slot = this.head[v]!;
    if (slot === NONE) return NONE;
    const nx = this.next[slot]!;
    this.head[v] = nx;
    if (nx === NONE) this.tail[v] = NONE;
    this.count[v]!--;
    const vals = this.state.vals;
    vals[READ.id]!++;
    vals[INBOX_TOTAL.id]!--;
    return slot;
  }

  /** Empties a removed person's inbox: every waiting message is lost. */
  dropInbox(v: number): number {
    let slot = this.head[v]!;
    let dropped = 0;
    while (slot !== NONE) {
      const nx = this.next[slot]!;
      this.free(slot);
      slot = nx;
      dropped++;
    }
    this.head[v] = NONE;
    this.tail[v] = NONE;
    this.count[v] = 0;
    const vals = this.state.vals;
    vals[COUNT_LOST.id]! += dropped;
    vals[DROPPED.id]! += dropped;
    vals[TICK_LOST.id]! += dropped;
    vals[INBOX_TOTAL.id]! -= dropped;
    return dropped;
  }

  /** Longest inbox among the people (0 when no message is waiting anywhere). */
  maxQueue(n: number): number {
    if (this.state.vals[INBOX_TOTAL.id]! === 0) return 0;
    let m = 0;
    const c = this.count;
    for (let i = 0; i < n; i++) if (c[i]! > m) m = c[i]!;
    return m;
  }
}

// The scratch buffer of stableSortBySender, grown as needed and shared by every
// simulation of the thread (the sort is synchronous, so it is never in use twice).
let sortScratch = new Int32Array(256);

/**
 * Sorts outbox[0, len) by sender, stably (equal senders keep their order): a
 * bottom-up merge sort into one reused scratch buffer — no allocation per tick
 * (TypedArray.prototype.sort copies its input to the heap) and O(len log len)
 * even when many messages are out of order.
 */
function stableSortBySender(outbox: Int32Array, len: number, from: Int32Array): void {
  if (sortScratch.length < len) sortScratch = new Int32Array(Math.max(len, 2 * sortScratch.length));
  let src: Int32Array = outbox, dst: Int32Array = sortScratch;
  for (let width = 1; width < len; width *= 2) {
    for (let lo = 0; lo < len; lo += 2 * width) {
      const mid = Math.min(lo + width, len), hi = Math.min(lo + 2 * width, len);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) dst[k++] = from[src[j]!]! < from[src[i]!]! ? src[j++]! : src[i++]!;
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    const t = src; src = dst; dst = t;
  }
  if (src !== outbox) for (let i = 0; i < len; i++) outbox[i] = src[i]!;
}
