// Pull (MODEL.md §6): each unaware person asks one random neighbour and is
// informed if it was active at the tick's start. Spreaders only answer, so
// stifling does not apply.
import type { Context } from '../context.ts';
import type { ItemSpec } from '../item-spec.ts';
import { INFO } from '../codes.ts';
import { countContacts } from './contacts.ts';
import type { FreshList } from './fresh.ts';
import type { SpreadModeImpl } from './mode.ts';

function pullInstant(ctx: Context, st: Uint8Array, _item: ItemSpec, freshList: FreshList): void {
  const n = ctx.n;
  const g = ctx.informal;
  const off = g.offsets, tg = g.targets;
  const complete = g.complete;
  const fresh = freshList.reserve(n);
  let freshLength = freshList.length;
  const rng = ctx.streams.information;
  let contacts = 0, wasted = 0;
  for (let v = 0; v < n; v++) {
    if (st[v] !== INFO.UNAWARE) continue;
    const b = complete ? 0 : off[v]!;
    const d = complete ? n - 1 : off[v + 1]! - b;
    if (d === 0) continue;
    const r = rng.int(d);
    const u = complete ? (r >= v ? r + 1 : r) : tg[b + r]!;
    contacts++; // the request
    const su = st[u]!;
    if (su === INFO.ACTIVE) {
      contacts++; // the reply
      st[v] = INFO.NEW;
      fresh[freshLength++] = v;
    } else if (su === INFO.GONE) wasted++;
  }
  freshList.length = freshLength;
  countContacts(ctx, contacts, wasted);
}

/** Message model: an active person sends nothing of its own (it answers requests). */
function pullFrom(_ctx: Context, _v: number, _k: number, _item: ItemSpec, _d: number, _b: number): void {}

export const pull: SpreadModeImpl = { instant: pullInstant, sendFrom: pullFrom, asks: true, stifles: false };
