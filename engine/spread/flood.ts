// Flood (MODEL.md §6): each active person informs each neighbour with
// probability beta, one draw per tie — the independent cascade when stifle = 1
// (bench W2; its final size is the giant component of bond percolation,
// test/theory).
import type { Context } from '../context.ts';
import type { ItemSpec } from '../item-spec.ts';
import { INFO, MSG } from '../codes.ts';
import { countContacts, countTrials } from './contacts.ts';
import type { FreshList } from './fresh.ts';
import type { SpreadModeImpl } from './mode.ts';

/** On the implicit complete graph the hits are found by geometric skipping; on a CSR, one raw 32-bit draw per tie. */
function floodInstant(ctx: Context, st: Uint8Array, item: ItemSpec, freshList: FreshList): void {
  const n = ctx.n;
  const g = ctx.informal;
  const off = g.offsets, tg = g.targets;
  const beta = item.beta;
  const fresh = freshList.reserve(n);
  let freshLength = freshList.length;
  let contacts = 0, wasted = 0, trials = 0;
  if (g.complete) {
    const rng = ctx.streams.information;
    for (let v = 0; v < n; v++) {
      if (st[v] !== INFO.ACTIVE) continue;
      trials += n - 1;
      for (let j = rng.geometric(beta); j < n - 1; j += 1 + rng.geometric(beta)) {
        const u = j >= v ? j + 1 : j;
        contacts++;
        const su = st[u]!;
        if (su === INFO.UNAWARE) { st[u] = INFO.NEW; fresh[freshLength++] = u; }
        else if (su === INFO.GONE) wasted++;
      }
    }
  } else {
    const w = ctx.streams.words;
    const r0 = ctx.streams.information.at;
    // `| 0` keeps the words as int32 in registers (Uint32Array reads above 2^31 would be doubles).
    let s0 = w[r0]! | 0, s1 = w[r0 + 1]! | 0, s2 = w[r0 + 2]! | 0, s3 = w[r0 + 3]! | 0;
    // Compare the raw 32-bit draw with a threshold instead of converting each draw.
    const threshold = beta >= 1 ? 4294967296 : Math.floor(beta * 4294967296);
    for (let v = 0; v < n; v++) {
      if (st[v] !== INFO.ACTIVE) continue;
      const e = off[v + 1]!;
      trials += e - off[v]!;
      for (let a = off[v]!; a < e; a++) {
        const x = Math.imul(((Math.imul(s1, 5) << 7) | (Math.imul(s1, 5) >>> 25)), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
        if (x >= threshold) continue;
        const u = tg[a]!;
        contacts++;
        const su = st[u]!;
        if (su === INFO.UNAWARE) { st[u] = INFO.NEW; fresh[freshLength++] = u; }
        else if (su === INFO.GONE) wasted++;
      }
    }
    w[r0] = s0; w[r0 + 1] = s1; w[r0 + 2] = s2; w[r0 + 3] = s3;
  }
  freshList.length = freshLength;
  countTrials(ctx, trials);
  countContacts(ctx, contacts, wasted);
}

/** Message model: one message per neighbour hit (geometric skipping over v's ties). */
function floodFrom(ctx: Context, v: number, k: number, item: ItemSpec, d: number, b: number): void {
  const rng = ctx.streams.information;
  const complete = ctx.informal.complete;
  const tg = ctx.informal.targets;
  for (let j = rng.geometric(item.beta); j < d; j += 1 + rng.geometric(item.beta)) {
    ctx.messages.send(v, complete ? (j >= v ? j + 1 : j) : tg[b + j]!, MSG.INFO, k, 0);
  }
}

export const flood: SpreadModeImpl = { instant: floodInstant, sendFrom: floodFrom, asks: false, stifles: true };
