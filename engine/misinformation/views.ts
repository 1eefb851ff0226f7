// Item arrays by item index, fetched at the start of a pass (arrays are replaced
// on growth and restore, so they are never kept across phases); null where an
// item has no such array (true items have no beliefs; only an official channel
// has waves and reports).
import type { Context } from '../context.ts';
import type { ItemSpec } from '../item-spec.ts';
import { itemHandles } from '../item-keys.ts';

export class ItemViews {
  readonly st: Uint8Array[] = [];
  readonly belief: (Uint8Array | null)[] = [];
  readonly corr: (Uint8Array | null)[] = [];
  readonly heard: (Int32Array | null)[] = [];
  readonly sent: (Int32Array | null)[] = [];
  readonly report: (Uint8Array | null)[] = [];

  /** Fetches every item's arrays (`official`: an official channel runs). */
  bindAll(ctx: Context, items: readonly ItemSpec[], official: boolean): void {
    this.st.length = this.belief.length = this.corr.length = 0;
    this.heard.length = this.sent.length = this.report.length = 0;
    for (let k = 0; k < items.length; k++) this.bind(ctx, k, items[k]!, official);
  }

  /** Fetches item k's arrays. */
  bind(ctx: Context, k: number, item: ItemSpec, official: boolean): void {
    const s = ctx.state;
    const h = itemHandles(k);
    // Misinformation runs false items, and every item on an official channel.
    const isFalse = !item.truth;
    const off = official;
    this.st[k] = s.get(h.state);
    this.belief[k] = isFalse ? s.get(h.belief) : null;
    this.corr[k] = isFalse ? s.get(h.corr) : null;
    this.heard[k] = off ? s.get(h.heard) : null;
    this.sent[k] = off ? s.get(h.sent) : null;
    this.report[k] = off ? s.get(h.report) : null;
  }
}
