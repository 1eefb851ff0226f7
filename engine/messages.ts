// Messages, inboxes and delivery (MODEL.md §1 phases 3–4, §5 "What is a message").
//
// A message lives in one pool of parallel typed arrays (kind, from, to, a, b,
// next). Sent messages wait in the outbox until the next tick's Delivery phase,
// which appends them to their recipients' inboxes in (sender id, send order):
// every inbox is a FIFO linked list through `next`, so inboxes grow without
// bound (the overloaded root's queue is the phenomenon) and never drop. Freed
// slots go to a free list, so the pool stops allocating once it is big enough.
import type { State } from './state.ts';

/** Message kinds of the information layer; protocols use kinds from 16 up. */
export const MSG = {
  INFO: 1, // a = item: a push or flood transmission
  PULL_REQUEST: 2, // a = item
  PULL_REPLY: 3, // a = item
  CORRECTION: 4, // a = item
} as const;

const NONE = -1;

/** Allocates the pool and the per-node inbox arrays for n people. */
export function initMessages(state: State, n: number): void {
  const cap = 1024;
  state.set('msg.kind', new Uint8Array(cap));
  state.set('msg.from', new Int32Array(cap));
  state.set('msg.to', new Int32Array(cap));
  state.set('msg.a', new Int32Array(cap));
  state.set('msg.b', new Int32Array(cap));
  state.set('msg.next', new Int32Array(cap));
  state.set('outbox', new Int32Array(cap));
  state.set('inbox.head', new Int32Array(n).fill(NONE));
  state.set('inbox.tail', new Int32Array(n).fill(NONE));
  state.set('inbox.count', new Int32Array(n));
  state.set('load.total', new Float64Array(n));
  state.set('load.tick', new Int32Array(n));
  state.set('load.stamp', new Int32Array(n).fill(-1));
  const s = state.scalars;
  s['msg.free'] = NONE; // head of the free list
  s['msg.used'] = 0; // slots ever used (high-water mark)
  s['outbox.length'] = 0;
  s['count.sent'] = 0;
  s['count.delivered'] = 0;
  s['count.lost'] = 0;
  s['count.read'] = 0;
  s['count.lostAtDelivery'] = 0; // to people removed before delivery
  s['count.dropped'] = 0; // waiting in the inbox of someone removed
  s['inbox.total'] = 0; // messages waiting in all inboxes
  s['tick.messages'] = 0;
  s['tick.lost'] = 0;
  s['tick.maxLoad'] = 0;
}

/** Grows the per-node arrays when people are hired. */
export function growInboxes(state: State, n: number): void {
  const grow = <T extends Int32Array | Float64Array>(name: string, fill: number) => {
    const old = state.arrays[name] as T;
    const next = new (old.constructor as { new (n: number): T })(n);
    next.fill(fill);
    next.set(old);
    state.set(name, next);
  };
  grow<Int32Array>('inbox.head', NONE);
  grow<Int32Array>('inbox.tail', NONE);
  grow<Int32Array>('inbox.count', 0);
  grow<Float64Array>('load.total', 0);
  grow<Int32Array>('load.tick', 0);
  grow<Int32Array>('load.stamp', -1);
}

/**
 * The message system bound to a state for one phase. Re-`bind` after a restore
 * or whenever another module may have grown the arrays.
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

  bind(state: State): this {
    this.state = state;
    this.kind = state.u8('msg.kind');
    this.from = state.i32('msg.from');
    this.to = state.i32('msg.to');
    this.a = state.i32('msg.a');
    this.b = state.i32('msg.b');
    this.next = state.i32('msg.next');
    this.outbox = state.i32('outbox');
    this.head = state.i32('inbox.head');
    this.tail = state.i32('inbox.tail');
    this.count = state.i32('inbox.count');
    return this;
  }

  /** Sends a message now; it is delivered in the next tick's Delivery phase. */
  send(from: number, to: number, kind: number, a: number, b: number): void {
    const s = this.state.scalars;
    let slot = s['msg.free']!;
    if (slot !== NONE) {
      s['msg.free'] = this.next[slot]!;
    } else {
      slot = s['msg.used']!;
      if (slot === this.kind.length) this.growPool();
      s['msg.used'] = slot + 1;
    }
    this.kind[slot] = kind;
    this.from[slot] = from;
    this.to[slot] = to;
    this.a[slot] = a;
    this.b[slot] = b;
    this.next[slot] = NONE;
    let len = s['outbox.length']!;
    if (len === this.outbox.length) {
      const o = new Int32Array(this.outbox.length * 2);
      o.set(this.outbox);
      this.outbox = this.state.set('outbox', o);
    }
    this.outbox[len++] = slot;
    s['outbox.length'] = len;
    s['count.sent']!++;
    s['tick.messages']!++;
  }

  /** Counts a message that never became a pooled message (the textbook model's instant contacts). */
  countInstant(count: number): void {
    this.state.scalars['tick.messages']! += count;
  }

  private growPool(): void {
    const cap = this.kind.length * 2;
    const grow = <T extends Uint8Array | Int32Array>(name: string, old: T): T => {
      const next = new (old.constructor as { new (n: number): T })(cap);
      next.set(old);
      return this.state.set(name, next);
    };
    this.kind = grow('msg.kind', this.kind);
    this.from = grow('msg.from', this.from);
    this.to = grow('msg.to', this.to);
    this.a = grow('msg.a', this.a);
    this.b = grow('msg.b', this.b);
    this.next = grow('msg.next', this.next);
  }

  /** Returns a slot to the free list. */
  free(slot: number): void {
    const s = this.state.scalars;
    this.next[slot] = s['msg.free']!;
    s['msg.free'] = slot;
  }

  /**
   * Delivery phase: moves last tick's outbox into inboxes, in (sender id, send
   * order); messages to people removed meanwhile are lost. Updates load counters.
   */
  deliver(alive: Uint8Array, tick: number): void {
    const s = this.state.scalars;
    const len = s['outbox.length']!;
    const outbox = this.outbox;
    // Senders act in ascending id order, so the outbox is usually sorted already;
    // messages sent in the Work phase (outcomes) can break that: sort stably by sender.
    let sorted = true;
    for (let i = 1; i < len; i++) {
      if (this.from[outbox[i]!]! < this.from[outbox[i - 1]!]!) { sorted = false; break; }
    }
    if (!sorted) stableSortBySender(outbox, len, this.from);
    const loadTotal = this.state.f64('load.total');
    const loadTick = this.state.i32('load.tick');
    const loadStamp = this.state.i32('load.stamp');
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
    s['outbox.length'] = 0;
    s['count.delivered']! += len - lost;
    s['count.lostAtDelivery']! += lost;
    s['inbox.total']! += len - lost;
    s['count.lost']! += lost;
    s['tick.lost']! += lost;
    s['tick.maxLoad'] = Math.max(s['tick.maxLoad']!, maxLoad);
  }

  /** Pops the oldest message of v's inbox (−1 when empty). The caller frees it after reading. */
  pop(v: number): number {
    const slot = this.head[v]!;
    if (slot === NONE) return NONE;
    const nx = this.next[slot]!;
    this.head[v] = nx;
    if (nx === NONE) this.tail[v] = NONE;
    this.count[v]!--;
    this.state.scalars['count.read']!++;
    this.state.scalars['inbox.total']!--;
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
    const s = this.state.scalars;
    s['count.lost']! += dropped;
    s['count.dropped']! += dropped;
    s['tick.lost']! += dropped;
    s['inbox.total']! -= dropped;
    return dropped;
  }

  /** Longest inbox among the people (0 when no message is waiting anywhere). */
  maxQueue(n: number): number {
    const s = this.state.scalars;
    if (s['inbox.total']! === 0) return 0;
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
