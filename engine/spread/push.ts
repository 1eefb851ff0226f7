// Push (MODEL.md §6): each active person contacts `fanout` neighbours drawn
// uniformly with replacement; an unaware one is informed. On K_n, about
// log2 n + ln n rounds (Frieze–Grimmett; test/theory).
import type { Context } from '../context.ts';
import type { ItemSpec } from '../item-spec.ts';
import { MSG } from '../codes.ts';
import { countContacts, TWO_POW_MINUS_32 } from './contacts.ts';
import type { FreshList } from './fresh.ts';
import type { SpreadModeImpl } from './mode.ts';

/**
 * One pass over ids in ascending order (sequential reads of the CSR, one random
 * probe per contact), the PRNG (xoshiro128**, see rng.ts) inlined in locals.
 * The codes are literals here (INFO: 0 unaware, 1 active, 3 new, 4 gone): this is
 * bench W1's loop.
 */
function pushInstant(ctx: Context, st: Uint8Array, item: ItemSpec, freshList: FreshList): void {
  const n = ctx.n;
  const g = ctx.informal;
  const off = g.offsets, tg = g.targets;
  const fanout = item.fanout;
  const fresh = freshList.reserve(n);
  let freshLength = freshList.length;
  const w = ctx.streams.words;
  const r0 = ctx.streams.information.at;
  // `| 0` keeps the words as int32 in registers (Uint32Array reads above 2^31 would be doubles).
  let s0 = w[r0]! | 0, s1 = w[r0 + 1]! | 0, s2 = w[r0 + 2]! | 0, s3 = w[r0 + 3]! | 0;
  let contacts = 0, wasted = 0;
  // Two copies of the loop (implicit K_n, CSR) keep the hot path free of branches on the graph kind.
  if (g.complete) {
    const d = n - 1;
    for (let v = 0; v < n; v++) {
      if (st[v] !== 1 /* ACTIVE */) continue;
      for (let f = 0; f < fanout; f++) {
        const m5 = Math.imul(s1, 5);
        const x = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
        const r = Math.floor(x * TWO_POW_MINUS_32 * d);
        const u = r >= v ? r + 1 : r;
        contacts++;
        const su = st[u]!;
        if (su === 0 /* UNAWARE */) { st[u] = 3 /* NEW */; fresh[freshLength++] = u; }
        else if (su === 4 /* GONE */) wasted++;
      }
    }
  } else if (fanout === 1) {
    // The common case (and bench W1) without the inner fanout loop: a nested loop that
    // carries the PRNG state costs V8 about a third of the throughput here.
    for (let v = 0; v < n; v++) {
      if (st[v] !== 1 /* ACTIVE */) continue;
      const b = off[v]!;
      const d = off[v + 1]! - b;
      if (d === 0) continue;
      const m5 = Math.imul(s1, 5);
      const x = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
      const u = tg[b + Math.floor(x * TWO_POW_MINUS_32 * d)]!;
      contacts++;
      const su = st[u]!;
      if (su === 0 /* UNAWARE */) { st[u] = 3 /* NEW */; fresh[freshLength++] = u; }
      else if (su === 4 /* GONE */) wasted++;
    }
  } else {
    for (let v = 0; v < n; v++) {
      if (st[v] !== 1 /* ACTIVE */) continue;
      const b = off[v]!;
      const d = off[v + 1]! - b;
      if (d === 0) continue;
      for (let f = 0; f < fanout; f++) {
        // xoshiro128** inlined (see rng.ts): one neighbour draw per contact.
        const m5 = Math.imul(s1, 5);
        const x = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
        const u = tg[b + Math.floor(x * TWO_POW_MINUS_32 * d)]!;
        contacts++;
        const su = st[u]!;
        if (su === 0 /* UNAWARE */) { st[u] = 3 /* NEW */; fresh[freshLength++] = u; }
        else if (su === 4 /* GONE */) wasted++;
      }
    }
  }
  w[r0] = s0; w[r0 + 1] = s1; w[r0 + 2] = s2; w[r0 + 3] = s3;
  freshList.length = freshLength;
  countContacts(ctx, contacts, wasted);
}

/** Message model: `fanout` messages to neighbours drawn with replacement. */
function pushFrom(ctx: Context, v: number, k: number, item: ItemSpec, d: number, b: number): void {
  const rng = ctx.streams.information;
  const complete = ctx.informal.complete;
  const tg = ctx.informal.targets;
  for (let f = 0; f < item.fanout; f++) {
    const r = rng.int(d);
    ctx.messages.send(v, complete ? (r >= v ? r + 1 : r) : tg[b + r]!, MSG.INFO, k, 0);
  }
}

export const push: SpreadModeImpl = { instant: pushInstant, sendFrom: pushFrom, asks: false, stifles: true };
