// The state of item of news k, declared as handles when the item appears and kept
// by item index: `info.<k>.state` (every item), `.informed`, `.seeded`; for false
// items `.belief`, `.corr`, `.believers`; on an official channel `.heard`,
// `.sent`, `.report`, `.upq`, `.downq`, `.waves`. Declaring a handle reserves a
// slot only: an array or number is part of the state (and of the hash) once set.
import { type ArrayHandle, type ScalarHandle, stateArray, stateNumber } from './state-handles.ts';

/** The handles of item k's arrays and numbers. */
export interface ItemHandles {
  /** Per person: INFO code. */
  readonly state: ArrayHandle<Uint8Array>;
  /** Alive people who have heard the item. */
  readonly informed: ScalarHandle;
  /** 1 once the item is seeded (0 before). */
  readonly seeded: ScalarHandle;
  /** False items, per person: BELIEF code. */
  readonly belief: ArrayHandle<Uint8Array>;
  /** False items: alive believers. */
  readonly believers: ScalarHandle;
  /** False items, per person: INFO code of the correction. */
  readonly corr: ArrayHandle<Uint8Array>;
  /** Official channel, per person: waves of the broadcast heard. */
  readonly heard: ArrayHandle<Int32Array>;
  /** Official channel, per person: waves heard + 1 when a report was forwarded since the last wave. */
  readonly sent: ArrayHandle<Int32Array>;
  /** Official channel, per person: 1 while v has its own report to send up. */
  readonly report: ArrayHandle<Uint8Array>;
  /** Official channel, textbook model: a report to pass up next tick (its originator's waves + 1). */
  readonly upq: ArrayHandle<Int32Array>;
  /** Official channel, textbook model: a wave to pass down next tick. */
  readonly downq: ArrayHandle<Int32Array>;
  /** Official channel: waves the server has issued. */
  readonly waves: ScalarHandle;
}

const HANDLES: ItemHandles[] = [];

/** The handles of item k (declared on first use, then reused). */
export function itemHandles(k: number): ItemHandles {
  let h = HANDLES[k];
  if (h === undefined) {
    const p = `info.${k}.`;
    h = Object.freeze({
      state: stateArray.u8(`${p}state`),
      informed: stateNumber(`${p}informed`),
      seeded: stateNumber(`${p}seeded`),
      belief: stateArray.u8(`${p}belief`),
      believers: stateNumber(`${p}believers`),
      corr: stateArray.u8(`${p}corr`),
      heard: stateArray.i32(`${p}heard`),
      sent: stateArray.i32(`${p}sent`),
      report: stateArray.u8(`${p}report`),
      upq: stateArray.i32(`${p}upq`),
      downq: stateArray.i32(`${p}downq`),
      waves: stateNumber(`${p}waves`),
    });
    HANDLES[k] = h;
  }
  return h;
}

export type ItemKeys = { readonly [F in keyof ItemHandles]: string };

const KEYS: ItemKeys[] = [];

/** The state names of item k (built once; for code that still reads the state by name). */
export function itemKey(k: number): ItemKeys {
  return (KEYS[k] ??= Object.freeze(Object.fromEntries(Object.entries(itemHandles(k)).map(([f, h]) => [f, h.name]))) as ItemKeys);
}
