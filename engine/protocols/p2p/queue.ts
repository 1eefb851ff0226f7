// First-in first-out queues of fixed-width integer records, kept in the state
// record (one Int32Array ring per queue, head and length as scalars) so that
// snapshots and hashes cover them. The peer protocols schedule things a fixed
// delay ahead (re-calls after `recall` ticks, repairs after `repairDelay`), so
// records enter in due order and a FIFO is a complete timer: popping the front
// while it is due costs O(1) per record, with no per-tick scan.
import type { State } from '../../state.ts';

const KEYS = new Map<string, { head: string; length: string }>();
/** The scalar names of queue `name` (built once: no string building on every push and pop). */
function keys(name: string): { head: string; length: string } {
  let k = KEYS.get(name);
  if (k === undefined) KEYS.set(name, (k = { head: `${name}.head`, length: `${name}.length` }));
  return k;
}

/** Allocates an empty queue `name` of records of `width` integers. */
export function queueInit(state: State, name: string, width: number, cap = 64): void {
  state.set(name, new Int32Array(cap * width));
  state.scalars[keys(name).head] = 0;
  state.scalars[keys(name).length] = 0;
}

/** Number of records waiting. */
export function queueLength(state: State, name: string): number {
  return state.scalars[keys(name).length]!;
}

/** Appends a record (fields beyond `width` are ignored); doubles the ring when full. */
export function queuePush(state: State, name: string, width: number, f0: number, f1 = 0, f2 = 0, f3 = 0): void {
  let ring = state.i32(name);
  let cap = ring.length / width;
  const len = state.scalars[keys(name).length]!;
  let head = state.scalars[keys(name).head]!;
  if (len === cap) {
    // Unroll the ring into a buffer twice as large, oldest record first.
    const next = new Int32Array(Math.max(4, cap * 2) * width);
    for (let i = 0; i < len; i++) {
      const from = ((head + i) % cap) * width;
      for (let j = 0; j < width; j++) next[i * width + j] = ring[from + j]!;
    }
    ring = state.set(name, next);
    cap = ring.length / width;
    head = 0;
    state.scalars[keys(name).head] = 0;
  }
  const at = ((head + len) % cap) * width;
  ring[at] = f0;
  if (width > 1) ring[at + 1] = f1;
  if (width > 2) ring[at + 2] = f2;
  if (width > 3) ring[at + 3] = f3;
  state.scalars[keys(name).length] = len + 1;
}

/** Index in `state.i32(name)` of the oldest record's first field, or −1 when empty. */
export function queueFront(state: State, name: string, width: number): number {
  if (state.scalars[keys(name).length]! === 0) return -1;
  return state.scalars[keys(name).head]! * width;
}

/** Drops the oldest record. */
export function queuePop(state: State, name: string, width: number): void {
  const len = state.scalars[keys(name).length]!;
  if (len === 0) return;
  const cap = state.i32(name).length / width;
  state.scalars[keys(name).head] = (state.scalars[keys(name).head]! + 1) % cap;
  state.scalars[keys(name).length] = len - 1;
}
