// First-in first-out queues of fixed-width integer records, kept in the state
// record (one Int32Array ring per queue, head and length as numbers) so that
// snapshots and hashes cover them. The peer protocols schedule things a fixed
// delay ahead (re-calls after `recall` ticks, repairs after `repairDelay`), so
// records enter in due order and a FIFO is a complete timer: popping the front
// while it is due costs O(1) per record, with no per-tick scan.
import type { State } from '../../state.ts';
import { type ArrayHandle, type ScalarHandle, stateArray, stateNumber } from '../../state-handles.ts';

/** A queue's declaration: its ring (`name`), head and length (`name.head`, `name.length`), record width. */
export interface Queue {
  readonly ring: ArrayHandle<Int32Array>;
  readonly head: ScalarHandle;
  readonly length: ScalarHandle;
  readonly width: number;
}

/** Declares queue `name` of records of `width` integers (once, at the top of the file that owns it). */
export function declareQueue(name: string, width: number): Queue {
  return Object.freeze({ ring: stateArray.i32(name), head: stateNumber(`${name}.head`), length: stateNumber(`${name}.length`), width });
}

/** Allocates an empty queue with room for `cap` records. */
export function queueInit(state: State, q: Queue, cap = 64): void {
  state.put(q.ring, new Int32Array(cap * q.width));
  state.setNum(q.head, 0);
  state.setNum(q.length, 0);
}

/** Number of records waiting. */
export function queueLength(state: State, q: Queue): number {
  return state.vals[q.length.id]!;
}

/** Appends a record (fields beyond the width are ignored); doubles the ring when full. */
export function queuePush(state: State, q: Queue, f0: number, f1 = 0, f2 = 0, f3 = 0): void {
  const width = q.width;
  let ring = state.get(q.ring);
  let cap = ring.length / width;
  const len = state.vals[q.length.id]!;
  let head = state.vals[q.head.id]!;
  if (len === cap) {
    // Unroll the ring into a buffer twice as large, oldest record first.
    const next = new Int32Array(Math.max(4, cap * 2) * width);
    for (let i = 0; i < len; i++) {
      const from = ((head + i) % cap) * width;
      for (let j = 0; j < width; j++) next[i * width + j] = ring[from + j]!;
    }
    ring = state.put(q.ring, next);
    cap = ring.length / width;
    head = 0;
    state.vals[q.head.id] = 0;
  }
  const at = ((head + len) % cap) * width;
  ring[at] = f0;
  if (width > 1) ring[at + 1] = f1;
  if (width > 2) ring[at + 2] = f2;
  if (width > 3) ring[at + 3] = f3;
  state.vals[q.length.id] = len + 1;
}

/** Index in `state.get(q.ring)` of the oldest record's first field, or −1 when empty. */
export function queueFront(state: State, q: Queue): number {
  if (state.vals[q.length.id]! === 0) return -1;
  return state.vals[q.head.id]! * q.width;
}

/** Drops the oldest record. */
export function queuePop(state: State, q: Queue): void {
  const vals = state.vals;
  const len = vals[q.length.id]!;
  if (len === 0) return;
  const cap = state.get(q.ring).length / q.width;
  vals[q.head.id] = (vals[q.head.id]! + 1) % cap;
  vals[q.length.id] = len - 1;
}
