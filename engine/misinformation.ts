// Misinformation and the official channel (MODEL.md §6): the half of the
// information layer that runs every false item, and, when the way of working
// provides an official channel (Protocol.officialChannel: client-server's), every
// item. Those need more than the textbook's one state per person: beliefs and a
// correction (misinformation/beliefs.ts), reports and waves on the channel
// (misinformation/official.ts). This file holds their state's lifecycle (items
// appear, are seeded, people leave and are hired) and dispatches each tick to the
// textbook pass (misinformation/textbook.ts) or the message model
// (misinformation/messages.ts).
//
// Choices where MODEL.md is silent are stated where they are made, and in
// docs/ODD.md; one belongs here: the seeds of a false item believe it (someone
// has to start it; no draw), and on an official channel report it.
//
// Everything is in the state record (per item: item-keys.ts); this module holds
// no state between ticks, only scratch lists (empty between ticks) and per-pass
// views of the state's arrays.
import type { Context } from './context.ts';
import { BELIEF, INFO } from './codes.ts';
import type { ItemSpec } from './item-spec.ts';
import { itemHandles } from './item-keys.ts';
import { Beliefs } from './misinformation/beliefs.ts';
import { readMessage, actNode } from './misinformation/messages.ts';
import { OfficialRelay } from './misinformation/official.ts';
import { spreadInstant } from './misinformation/textbook.ts';
import { ItemViews } from './misinformation/views.ts';
import { ALIVE } from './people-state.ts';
import type { TypedArray } from './state.ts';
import type { ArrayHandle } from './state-handles.ts';

export { BELIEF, MIS_MSG } from './codes.ts';
export { misinformedCount, misinformationClearedTick } from './misinformation/counts.ts';

export class Misinformation {
  /** The official channel's traffic, when the way of working provides a channel (fixed for a run). */
  private relay: OfficialRelay | null = null;
  private beliefs = new Beliefs();
  /** Per-tick views of the items' arrays (message model). */
  private views = new ItemViews();

  /** True when an official channel runs (then every item comes here). */
  get official(): boolean {
    return this.relay !== null;
  }

  /** True when item `item` runs here (false items; every item on an official channel). */
  handles(item: ItemSpec): boolean {
    return !item.truth || this.relay !== null;
  }

  /** Asks the way of working for its official channel (before any item exists, so a restore into a new simulation agrees). */
  configure(ctx: Context): void {
    const channel = ctx.protocol.officialChannel?.() ?? null;
    if (channel !== (this.relay?.channel ?? null)) this.relay = channel ? new OfficialRelay(channel) : null;
  }

  /** Allocates the arrays of item k (called by `InformationLayer.addItem`). */
  addItem(ctx: Context, k: number, item: ItemSpec): void {
    this.configure(ctx);
    if (!this.handles(item)) return;
    const n = ctx.n;
    const s = ctx.state;
    const h = itemHandles(k);
    if (!item.truth) {
      s.put(h.belief, new Uint8Array(n));
      const corr = s.put(h.corr, new Uint8Array(n));
      const alive = s.get(ALIVE);
      for (let i = 0; i < n; i++) if (!alive[i]) corr[i] = INFO.GONE;
      s.setNum(h.believers, 0);
    }
    if (this.relay) {
      s.put(h.heard, new Int32Array(n));
      s.put(h.sent, new Int32Array(n));
      s.put(h.report, new Uint8Array(n));
      s.put(h.upq, new Int32Array(n));
      s.put(h.downq, new Int32Array(n));
      s.setNum(h.waves, 0);
    }
  }

  /** A seed of item k: seeds of a false item believe it (they start it), and report it on an official channel. */
  onSeed(ctx: Context, k: number, item: ItemSpec, v: number): void {
    const h = itemHandles(k);
    if (!item.truth) {
      ctx.state.get(h.belief)[v] = BELIEF.BELIEVER;
      ctx.state.vals[h.believers.id]!++;
    }
    if (this.relay) ctx.state.get(h.report)[v] = 1;
  }

  /** v starts spreading the correction of false item k now, as a detector does (the steward's fact-checking). */
  startCorrection(ctx: Context, v: number, k: number, item: ItemSpec): void {
    this.beliefs.startCorrection(ctx, v, k, item);
  }

  // ---- the textbook model (capacityLimited: false) ------------------------------

  /** One tick of item k in the textbook model. */
  spreadInstant(ctx: Context, k: number, item: ItemSpec): void {
    spreadInstant(ctx, this.beliefs, this.views, this.relay, k, item);
  }

  // ---- the message model (capacityLimited: true) -------------------------------

  /** Fetches the parameters and the per-item arrays before the Act phase (arrays are replaced on growth and restore). */
  bindTick(ctx: Context, items: readonly ItemSpec[]): void {
    this.beliefs.bind(ctx, this.relay ? this.relay.channel : null);
    this.views.bindAll(ctx, items, this.relay !== null);
    this.beliefs.fresh.length = 0;
    this.beliefs.cfresh.length = 0;
  }

  /** v reads an information message about item k (one this half runs). */
  readMessage(ctx: Context, v: number, kind: number, from: number, k: number, b: number, item: ItemSpec): void {
    readMessage(ctx, this.beliefs, this.views, this.relay, v, kind, from, k, b, item);
  }

  /** v's per-tick work on item k in the message model. */
  actNode(ctx: Context, v: number, k: number, item: ItemSpec): void {
    actNode(ctx, this.beliefs, this.views, this.relay, v, k, item);
  }

  /** End of the Act phase (message model): the people informed or corrected in it act from the next tick. */
  endAct(): void {
    this.beliefs.settle(this.views.st, this.views.belief, this.views.corr);
  }

  // ---- people come and go --------------------------------------------------------

  /** v leaves (before the layer marks them GONE): a believer no longer counts; their pending reports and broadcasts are lost. */
  onRemove(ctx: Context, v: number, k: number, item: ItemSpec): void {
    const s = ctx.state;
    const h = itemHandles(k);
    if (!item.truth) {
      if (s.get(h.belief)[v] === BELIEF.BELIEVER && s.get(h.state)[v] !== INFO.GONE) s.vals[h.believers.id]!--;
      s.get(h.corr)[v] = INFO.GONE;
    }
    if (this.relay) {
      s.get(h.report)[v] = 0;
      s.get(h.upq)[v] = 0;
      s.get(h.downq)[v] = 0;
    }
  }

  /** People were hired: item k's arrays grow, newcomers unaware. */
  onGrow(ctx: Context, k: number, item: ItemSpec, n: number): void {
    const h = itemHandles(k);
    const handles: ArrayHandle[] = [
      ...(item.truth ? [] : [h.belief, h.corr]),
      ...(this.relay ? [h.heard, h.sent, h.report, h.upq, h.downq] : []),
    ];
    for (const handle of handles) {
      if (!ctx.state.hasArray(handle)) continue;
      const old = ctx.state.get(handle);
      const next = new (old.constructor as { new (n: number): TypedArray })(n);
      next.set(old as never);
      ctx.state.put(handle, next);
    }
  }
}
