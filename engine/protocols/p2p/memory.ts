// What a peer remembers (MODEL.md §5: "people act only on their inbox and their
// own memory — the calls and claims they have seen"). Each person keeps a small
// ring of the last MEMORY situations they heard of: for each, the newest call
// seen (its stamp), who passed it on, and what they know (claimed, resolved, …).
// Only a situation's origin calls for it, so every call's path leads back to it.
// Per-person typed arrays of stride MEMORY in the state record, so the memory is
// snapshotted, hashed and grown on hiring like any other per-person value; a
// lookup is a scan of MEMORY slots, O(1).
//
// Bounded memory is a modelling choice (documented in docs/ODD.md): a person
// who hears of more than MEMORY situations forgets the oldest, and may then
// treat an old call as new. Slots of situations the person is calling about
// itself (OWN) are kept while a re-call is pending.
import type { Context } from '../../context.ts';
import type { State } from '../../state.ts';

/** Situations a person remembers at once. */
export const MEMORY = 8;

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

/** Allocates and registers the memory arrays for n people. */
export function initMemory(ctx: Context): void {
  const n = ctx.n;
  const s = ctx.state;
  ctx.registerPersonArray('p2p.mem.sit', MEMORY, -1);
  ctx.registerPersonArray('p2p.mem.call', MEMORY, -1);
  ctx.registerPersonArray('p2p.mem.from', MEMORY, -1);
  ctx.registerPersonArray('p2p.mem.flags', MEMORY, 0);
  ctx.registerPersonArray('p2p.mem.cursor', 1, 0);
  s.set('p2p.mem.sit', new Int32Array(n * MEMORY).fill(-1));
  s.set('p2p.mem.call', new Int32Array(n * MEMORY).fill(-1));
  s.set('p2p.mem.from', new Int32Array(n * MEMORY).fill(-1));
  s.set('p2p.mem.flags', new Uint16Array(n * MEMORY));
  s.set('p2p.mem.cursor', new Uint8Array(n));
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

  bind(state: State): this {
    this.sit = state.i32('p2p.mem.sit');
    this.call = state.i32('p2p.mem.call');
    this.from = state.i32('p2p.mem.from');
    this.flags = state.arrays['p2p.mem.flags'] as Uint16Array;
    this.cursor = state.u8('p2p.mem.cursor');
    return this;
  }

  /** v's slot for situation s, or −1 when v does not remember it. */
  find(v: number, s: number): number {
    const sit = this.sit;
    const b = v * MEMORY;
    for (let i = 0; i < MEMORY; i++) if (sit[b + i] === s) return b + i;
    return -1;
  }

  /** v's slot for s, made (forgetting the oldest other situation) when v does not remember it. */
  slot(v: number, s: number): number {
    const e = this.find(v, s);
    return e >= 0 ? e : this.insert(v, s);
  }

  private insert(v: number, s: number): number {
    const b = v * MEMORY;
    const c0 = this.cursor[v]!;
    // Skip slots with a pending re-call, unless every slot has one (then the oldest goes).
    let pick = c0;
    for (let i = 0; i < MEMORY; i++) {
      const c = (c0 + i) % MEMORY;
      if ((this.flags[b + c]! & MEM.OWN) === 0) { pick = c; break; }
    }
    this.cursor[v] = (pick + 1) % MEMORY;
    const e = b + pick;
    this.sit[e] = s;
    this.call[e] = -1;
    this.from[e] = -1;
    this.flags[e] = 0;
    return e;
  }
}
