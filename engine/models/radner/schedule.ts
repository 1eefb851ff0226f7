// One cycle of Radner's efficient one-shot network, on typed arrays. Phase 1:
// while at least P raw items are left, every processor reads one. Phase 2: the
// m quantities left (loaded registers and the n mod P raw items) are combined
// pairwise, ⌊m/2⌋ reads a cycle: the first holders read the raw items, then
// holder j reads the partial result of holder j + k (which hands it on and stops).
import type { State } from '../../state.ts';
import { stateArray, stateNumber } from '../../state-handles.ts';

export const HELD = stateArray.i32('radner.held');
export const PARENT = stateArray.i32('radner.parent');
export const SPAN = stateArray.i32('radner.span');
export const RAW = stateArray.i32('radner.raw');
/** Processor ids of the active holders, in order (the first `holders` entries). */
export const HOLDERS = stateArray.i32('radner.holders');
export const RAW_LEFT = stateNumber('radner.rawLeft');
export const HOLDER_COUNT = stateNumber('radner.holderCount');
export const DONE_AT = stateNumber('radner.doneAt');
export const READS = stateNumber('radner.reads');
export const READS_TOTAL = stateNumber('radner.readsTotal');

/** Allocates the processors' arrays: empty registers, all n items raw. */
export function initSchedule(state: State, n: number, P: number): void {
  state.put(HELD, new Int32Array(P));
  state.put(PARENT, new Int32Array(P).fill(-1));
  state.put(SPAN, new Int32Array(P));
  state.put(RAW, new Int32Array(P));
  const holders = state.put(HOLDERS, new Int32Array(P));
  for (let i = 0; i < P; i++) holders[i] = i;
  initCounters(state, n);
}

/** The counts both networks keep (efficient and chart.ts's): all n items raw, nothing read, not done. */
export function initCounters(state: State, n: number): void {
  state.setNum(RAW_LEFT, n);
  state.setNum(HOLDER_COUNT, 0);
  state.setNum(DONE_AT, -1);
  state.setNum(READS, 0);
  state.setNum(READS_TOTAL, 0);
}

/** Runs cycle `t + 1` (tick t); nothing happens once the result is in one register. */
export function runCycle(state: State, P: number, t: number): void {
  state.setNum(READS, 0);
  if (state.num(DONE_AT) >= 0) return;
  const held = state.get(HELD), parent = state.get(PARENT), span = state.get(SPAN), raw = state.get(RAW);
  const holders = state.get(HOLDERS);
  let rawLeft = state.num(RAW_LEFT);
  let h = state.num(HOLDER_COUNT);
  let reads = 0;
  if (rawLeft >= P) {
    for (let i = 0; i < P; i++) { held[i]! += 1; raw[i]! += 1; }
    rawLeft -= P;
    reads = P;
    h = P;
  } else {
    const m = h + rawLeft;
    reads = Math.floor(m / 2);
    const rawReads = Math.min(rawLeft, reads);
    for (let j = 0; j < rawReads; j++) { const p = holders[j]!; held[p]! += 1; raw[p]! += 1; }
    rawLeft -= rawReads;
    const k = reads - rawReads;
    // Holders rawReads … rawReads+k−1 read the partials of the next k holders.
    for (let j = rawReads; j < rawReads + k; j++) {
      const receiver = holders[j]!, sender = holders[j + k]!;
      held[receiver]! += held[sender]!;
      span[receiver]! += 1;
      parent[sender] = receiver;
    }
    // The k senders leave the list of holders; order is kept.
    let w = rawReads + k;
    for (let j = rawReads + 2 * k; j < h; j++) holders[w++] = holders[j]!;
    h = w;
  }
  state.setNum(RAW_LEFT, rawLeft);
  state.setNum(HOLDER_COUNT, h);
  state.setNum(READS, reads);
  state.addNum(READS_TOTAL, reads);
  if (h + rawLeft === 1 && h === 1) state.setNum(DONE_AT, t + 1);
}
