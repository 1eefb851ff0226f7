// What a peer remembers (MODEL.md §5: "people act only on their inbox and their
// own memory — the calls and claims they have seen"). Each person keeps a small
// ring of the last `protocol.memory` situations (8 in v1) they heard of: for each, the newest call
// seen (its stamp), who passed it on, and what they know (claimed, resolved, …).
// Only a situation's origin calls for it, so every call's path leads back to it.
// Per-person typed arrays of stride `memory` in the state record, so the memory is
// snapshotted, hashed and grown on hiring like any other per-person value; a
// lookup is a scan of `memory` slots, O(1).
//
// Bounded memory is a modelling choice (documented in docs/ODD.md): a person
// who hears of more than `memory` situations forgets the oldest, and may then
// treat an old call as new. Slots of situations the person is calling about
// itself (OWN) are kept while a re-call is pending.
import type { Context } from '../../context.ts';
import type { State } from '../../state.ts';
import { stateArray } from '../../state-handles.ts';

/** Situations a person remembers at once. */

/** What a person knows about a situation (bits of `p2p.mem.flags`). */
export const MEM = {
  /** I passed the current call on: I am on its path back to the caller. */
  FORWARDED: 1,
  /** I already relayed a claim back along the current call's path. */
  RELAYED: 2,
  /** I heard that someone leads it (or I lead it). */
  CLAIMED: 4,
  /** I heard that it was resolved. */
  RESOLVED: 8,
  /** I called about it and my re-call is pending. */
  OWN: 16,
  /** My calls about it say "open again": the previous leader failed. */
  REOPEN: 32,
  /** It arose at me (I am its origin). */
  ORIGIN: 64,
  /** I already relayed a failure back along the current call's path. */
  FAIL_RELAYED: 128,
  /** I led it and failed: I do not volunteer for it again. */
  FAILED: 256,
  /** I am leading it now. */
  LEADING: 512,
} as const;

// Per person, `memory` slots each: the situation, the newest call's stamp, who passed it on, what I know.
const MEM_SIT = stateArray.i32('p2p.mem.sit');
const MEM_CALL = stateArray.i32('p2p.mem.call');
const MEM_FROM = stateArray.i32('p2p.mem.from');
const MEM_FLAGS = stateArray.u16('p2p.mem.flags');
/** Per person: the slot to overwrite next (the oldest). */
const MEM_CURSOR = stateArray.u8('p2p.mem.cursor');

/** Allocates and registers the memory arrays for n people. */
export function initMemory(ctx: Context): void {
  const n = ctx.n;
  const s = ctx.state;
  const MEMORY = ctx.scenario.protocol.memory;
  ctx.registerPersonArray(MEM_SIT, MEMORY, -1);
  ctx.registerPersonArray(MEM_CALL, MEMORY, -1);
  ctx.registerPersonArray(MEM_FROM, MEMORY, -1);
  ctx.registerPersonArray(MEM_FLAGS, MEMORY, 0);
  ctx.registerPersonArray(MEM_CURSOR, 1, 0);
  s.put(MEM_SIT, new Int32Array(n * MEMORY).fill(-1));
  s.put(MEM_CALL, new Int32Array(n * MEMORY).fill(-1));
  s.put(MEM_FROM, new Int32Array(n * MEMORY).fill(-1));
  s.put(MEM_FLAGS, new Uint16Array(n * MEMORY));
  s.put(MEM_CURSOR, new Uint8Array(n));
}

/** The memory arrays bound for one phase (re-`bind` after growth or restore). */
export class Memory {
  sit!: Int32Array;
  /** Stamp of the newest call seen (−1: none). */
  call!: Int32Array;
  /** Who passed that call on (−1: I made it). */
  from!: Int32Array;
  flags!: Uint16Array;
  private cursor!: Uint8Array;
  /** Situations remembered per person: `protocol.memory` (MODEL.md §10.7; v1 fixes 8). */
  size = 8;

  bind(state: State): this {
    this.sit = state.get(MEM_SIT);
    this.call = state.get(MEM_CALL);
    this.from = state.get(MEM_FROM);
    this.flags = state.get(MEM_FLAGS);
    this.cursor = state.get(MEM_CURSOR);
    return this;
  }

  /** v's slot for situation s, or −1 when v does not remember it. */
  find(v: number, s: number): number {
    const sit = this.sit, size = this.size;
    const b = v * size;
    for (let i = 0; i < size; i++) if (sit[b + i] === s) return b + i;
    return -1;
  }

  /** v's slot for s, made (forgetting the oldest other situation) when v does not remember it. */
  slot(v: number, s: number): number {
    const e = this.find(v, s);
    return e >= 0 ? e : this.insert(v, s);
  }

  private insert(v: number, s: number): number {
    const size = this.size;
    const b = v * size;
    const c0 = this.cursor[v]!;
    // Skip slots with a pending re-call, unless every slot has one (then the oldest goes).
    let pick = c0;
    for (let i = 0; i < size; i++) {
      const c = (c0 + i) % size;
      if ((this.flags[b + c]! & MEM.OWN) === 0) { pick = c; break; }
    }
    this.cursor[v] = (pick + 1) % size;
    const e = b + pick;
    this.sit[e] = s;
    this.call[e] = -1;
    this.from[e] = -1;
    this.flags[e] = 0;
    return e;
  }
}
