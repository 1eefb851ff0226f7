// The bridge from Radner's processors to the organization's managers: the P
// processors are the people of a chart of command built by the organization
// model's own generator (`hierarchy(P, span)`, MODEL.md §3), the n raw items are
// spread evenly over them (⌊n/P⌋ each; the n mod P left over go to the highest
// ids, the front line), and each manager reads only its own items and its direct
// reports' finished subtotals — the report climbing the chain. One read a
// cycle, as in Radner; a subtotal finished in a cycle is read from the next one.
// A manager reads its raw items first, then its reports' subtotals as they are
// finished, lowest id first: with unit reads and these release times no order
// finishes sooner (docs/classics.md §4). Deterministic: no stream is drawn.
import type { State } from '../../state.ts';
import { stateArray } from '../../state-handles.ts';
import { hierarchy } from '../../graph/hierarchy.ts';
import { DONE_AT, HELD, HOLDER_COUNT, HOLDERS, PARENT, RAW, RAW_LEFT, READS, READS_TOTAL, SPAN, initCounters } from './schedule.ts';

/** Raw items each manager has still to read. */
export const RAW_TODO = stateArray.i32('radner.chart.rawTodo');
/** Direct reports whose subtotal the manager has not read yet. */
export const UNREAD = stateArray.i32('radner.chart.unread');
/** The cycle at whose end the manager's subtotal was complete (−1: not yet). */
export const FINISHED = stateArray.i32('radner.chart.finished');
/** 1 once the manager's subtotal has been read by its own manager. */
export const HANDED_UP = stateArray.u8('radner.chart.handedUp');

/** The raw items manager j reads: ⌊n/P⌋, plus one for the last n mod P ids. */
export function chartRawItems(n: number, P: number, j: number): number {
  return Math.floor(n / P) + (j >= P - (n % P) ? 1 : 0);
}

/** Sets up the chart: the organization's hierarchy of span `span` over P managers. */
export function initChart(state: State, n: number, P: number, span: number): void {
  const parent = state.put(PARENT, hierarchy(P, span).parent.slice());
  state.put(HELD, new Int32Array(P));
  state.put(SPAN, new Int32Array(P));
  state.put(RAW, new Int32Array(P));
  state.put(HOLDERS, new Int32Array(1)); // the top of the chart, for the shape
  const todo = state.put(RAW_TODO, new Int32Array(P));
  const unread = state.put(UNREAD, new Int32Array(P));
  state.put(FINISHED, new Int32Array(P).fill(-1));
  state.put(HANDED_UP, new Uint8Array(P));
  for (let j = 0; j < P; j++) {
    todo[j] = chartRawItems(n, P, j);
    if (parent[j]! >= 0) unread[parent[j]!]! += 1;
  }
  initCounters(state, n);
}

/** Runs cycle t + 1 (tick t) of the chart; nothing happens once the head is done. */
export function runChartCycle(state: State, span: number, t: number): void {
  state.setNum(READS, 0);
  if (state.num(DONE_AT) >= 0) return;
  const parent = state.get(PARENT), held = state.get(HELD), spanRead = state.get(SPAN), raw = state.get(RAW);
  const todo = state.get(RAW_TODO), unread = state.get(UNREAD), finished = state.get(FINISHED), handed = state.get(HANDED_UP);
  const P = parent.length;
  let reads = 0, rawLeft = state.num(RAW_LEFT);
  for (let j = 0; j < P; j++) {
    if (finished[j]! >= 0) continue;
    if (todo[j]! > 0) {
      todo[j]! -= 1; raw[j]! += 1; held[j]! += 1; rawLeft--; reads++;
    } else if (unread[j]! > 0) {
      // Reports of j in a breadth-first hierarchy are the ids j·span+1 … j·span+span.
      const last = Math.min(P - 1, j * span + span);
      for (let c = j * span + 1; c <= last; c++) {
        if (handed[c] === 0 && finished[c]! >= 0 && finished[c]! <= t) {
          handed[c] = 1; held[j]! += held[c]!; spanRead[j]! += 1; unread[j]! -= 1; reads++;
          break;
        }
      }
    }
    if (todo[j] === 0 && unread[j] === 0) finished[j] = t + 1;
  }
  // Quantities still to combine: loaded registers not yet handed up.
  let holders = 0;
  for (let j = 0; j < P; j++) if (held[j]! > 0 && handed[j] === 0) holders++;
  state.setNum(RAW_LEFT, rawLeft);
  state.setNum(HOLDER_COUNT, holders);
  state.setNum(READS, reads);
  state.addNum(READS_TOTAL, reads);
  if (finished[0]! >= 0) state.setNum(DONE_AT, finished[0]!);
}

/**
 * The chart's delay computed independently of the cycle loop (for tests and the
 * docs): each manager's finishing cycle is its jobs — raw items released at 0,
 * each report's subtotal released at the report's finishing cycle — taken in
 * order of release, one a cycle.
 */
export function chartDelay(n: number, P: number, span: number): number {
  const parent = hierarchy(P, span).parent;
  const finish = new Array<number>(P).fill(0);
  for (let j = P - 1; j >= 0; j--) {
    const releases: number[] = [];
    for (let i = 0; i < chartRawItems(n, P, j); i++) releases.push(0);
    for (let c = j + 1; c < P; c++) if (parent[c] === j) releases.push(finish[c]!);
    releases.sort((a, b) => a - b);
    let time = 0;
    for (const r of releases) time = Math.max(time, r) + 1;
    finish[j] = time;
  }
  return finish[0]!;
}
