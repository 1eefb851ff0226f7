// The information layer (MODEL.md §6): items of news spreading by push, pull,
// push-pull or flood, with stifling, in synchronous rounds. This file dispatches:
// each spread mode is its own file in spread/ (as d3-force keeps one force per
// file), and false items, and every item on an official channel, go to
// misinformation.ts.
//
// Per item, one Uint8Array holds each person's state (INFO codes). The nodes
// informed at the start of a tick act in it; those informed during it are marked
// NEW and act from the next tick. With `capacityLimited: false` (the textbook
// model) a contact takes effect at once and the whole pass is one tight loop per
// item (the code path of bench W1/W2); with `capacityLimited: true` every contact
// is a message that the receiver reads within its capacity.
import type { Context } from './context.ts';
import { INFO, MSG } from './codes.ts';
import type { ItemSpec } from './item-spec.ts';
import { itemHandles } from './item-keys.ts';
import type { SeriesStore } from './metrics.ts';
import { Misinformation, misinformedCount, misinformationClearedTick } from './misinformation.ts';
import { ALIVE } from './people-state.ts';
import type { State } from './state.ts';
import { FreshList } from './spread/fresh.ts';
import type { SpreadModeImpl } from './spread/mode.ts';
import { SPREAD_MODES } from './spread/modes.ts';

export { INFO } from './codes.ts';
export type { ItemSpec, SpreadMode } from './item-spec.ts';
export { countContacts } from './spread/contacts.ts';

export class InformationLayer {
  items: ItemSpec[] = [];
  /** People informed during the current tick (not state: empty between ticks). */
  private fresh = new FreshList();
  /** False items, and on an official channel every item, are run by this half of the layer. */
  private mis = new Misinformation();

  /**
   * Issue 19: the WebAssembly kernel (engine/wasm/spread-kernel.ts), which runs an
   * item's whole textbook tick or declines; null: the passes of engine/spread/ and
   * finishTick below, the reference.
   */
  kernel: { tick(ctx: Context, k: number, item: ItemSpec): boolean } | null = null;

  constructor(private capacityLimited: boolean) {}

  /** Allocates the arrays of every item. */
  init(ctx: Context, items: ItemSpec[]): void {
    this.mis.configure(ctx);
    for (const item of items) this.addItem(ctx, item);
  }

  /** Adds an item (a misinformation shock adds one mid-run). Returns its index. */
  addItem(ctx: Context, item: ItemSpec): number {
    const k = this.items.length;
    this.items.push(item);
    const h = itemHandles(k);
    const st = ctx.state.put(h.state, new Uint8Array(ctx.n));
    // Removed people must never look unaware, or pull would let them ask.
    const alive = ctx.state.get(ALIVE);
    for (let i = 0; i < ctx.n; i++) if (!alive[i]) st[i] = INFO.GONE;
    ctx.state.setNum(h.informed, 0);
    ctx.state.setNum(h.seeded, 0);
    this.mis.addItem(ctx, k, item);
    return k;
  }

  // ---- what the protocols and the metrics ask ------------------------------------

  /** True when item k is false (misinformation). */
  isFalse(k: number): boolean {
    return this.items[k]?.truth === false;
  }

  /** True when v has heard item k (informed now, whatever they made of it). */
  hasHeard(ctx: Context, v: number, k: number): boolean {
    const s = ctx.state.get(itemHandles(k).state)[v];
    return s === INFO.ACTIVE || s === INFO.QUIET || s === INFO.NEW;
  }

  /** v starts spreading the correction of false item k, as a detector does (the steward's fact-checking). */
  startCorrection(ctx: Context, v: number, k: number): void {
    const item = this.items[k];
    if (item && isSeeded(ctx.state, k)) this.mis.startCorrection(ctx, v, k, item);
  }

  /** Alive people who believe a false item now (the `misinformed` series). */
  misinformed(ctx: Context): number {
    return misinformedCount(ctx, this.items);
  }

  /** The `misinformationClearedTick` of a run's series (null if never cleared or no false item). */
  clearedTick(series: SeriesStore): number | null {
    return misinformationClearedTick(this.items, series);
  }

  /** Index of an item by id, or −1. */
  indexOf(id: string): number {
    return this.items.findIndex((it) => it.id === id);
  }

  /** Number of alive people who have heard item k. */
  informed(state: State, k: number): number {
    return state.num(itemHandles(k).informed);
  }

  // ---- the tick ---------------------------------------------------------------------

  /** Seeds the items due at this tick: seeds are informed at its start and act in it. */
  seedDue(ctx: Context, tick: number): void {
    const state = ctx.state;
    for (let k = 0; k < this.items.length; k++) {
      const item = this.items[k]!;
      if (item.at !== tick || isSeeded(state, k)) continue;
      const h = itemHandles(k);
      state.setNum(h.seeded, 1);
      const st = state.get(h.state);
      const alive = state.get(ALIVE);
      const seeds = item.seeds ?? drawAlive(ctx, item.seedCount);
      let informed = state.num(h.informed);
      for (const v of seeds) {
        if (v < 0 || v >= ctx.n || !alive[v] || st[v] !== INFO.UNAWARE) continue;
        st[v] = INFO.ACTIVE;
        informed++;
        if (this.mis.handles(item)) this.mis.onSeed(ctx, k, item, v);
      }
      state.setNum(h.informed, informed);
    }
  }

  /** True when some item spreads by messages, so the per-person Act loop must run. */
  needsNodeLoop(): boolean {
    return this.capacityLimited && this.items.length > 0;
  }

  /** The textbook model's spreading pass for every seeded item (capacityLimited: false). */
  spreadInstant(ctx: Context): void {
    if (this.capacityLimited) return;
    for (let k = 0; k < this.items.length; k++) {
      if (!isSeeded(ctx.state, k)) continue;
      const item = this.items[k]!;
      if (this.mis.handles(item)) { this.mis.spreadInstant(ctx, k, item); continue; }
      // ---- issue 19 hook: the kernel runs this item's whole tick (same draws, same bytes) or declines ----
      if (this.kernel !== null && this.kernel.tick(ctx, k, item)) continue;
      // ---- end of hook: below, the TypeScript passes of engine/spread/ (the reference) ----
      const st = ctx.state.get(itemHandles(k).state);
      SPREAD_MODES[item.mode].instant(ctx, st, item, this.fresh);
      this.finishTick(ctx, k, st, item);
    }
  }

  /** Stifling of the people who acted, then NEW → ACTIVE, and the informed count. */
  private finishTick(ctx: Context, k: number, st: Uint8Array, item: ItemSpec): void {
    const n = ctx.n;
    if (item.stifle > 0 && SPREAD_MODES[item.mode].stifles) {
      // Only people who were active at the tick's start acted; NEW ones are not yet ACTIVE.
      if (item.stifle >= 1) {
        for (let v = 0; v < n; v++) if (st[v] === INFO.ACTIVE) st[v] = INFO.QUIET;
      } else {
        const rng = ctx.streams.information;
        for (let v = 0; v < n; v++) if (st[v] === INFO.ACTIVE && rng.float() < item.stifle) st[v] = INFO.QUIET;
      }
    }
    const fresh = this.fresh.people;
    const len = this.fresh.length;
    for (let i = 0; i < len; i++) st[fresh[i]!] = INFO.ACTIVE;
    ctx.state.vals[itemHandles(k).informed.id]! += len;
    this.fresh.length = 0;
  }

  // ---- capacity-limited model: contacts are messages ------------------------

  /** Per-item views for this tick: state arrays, seeded, run by misinformation, spread mode. */
  private st: Uint8Array[] = [];
  private live: boolean[] = [];
  private handled: boolean[] = [];
  private modes: SpreadModeImpl[] = [];
  private anyHandled = false;

  /** Fetches the per-item arrays before the Act phase (they are replaced on growth and restore). */
  bindTick(ctx: Context): void {
    this.st.length = this.live.length = this.handled.length = this.modes.length = 0;
    this.anyHandled = false;
    for (let k = 0; k < this.items.length; k++) {
      const item = this.items[k]!;
      this.st.push(ctx.state.get(itemHandles(k).state));
      this.live.push(isSeeded(ctx.state, k));
      this.modes.push(SPREAD_MODES[item.mode]);
      const h = this.mis.handles(item);
      this.handled.push(h);
      if (h) this.anyHandled = true;
    }
    if (this.capacityLimited && this.anyHandled) this.mis.bindTick(ctx, this.items);
  }

  /** Handles an information message read by v. Returns false when the kind is not the layer's. */
  readMessage(ctx: Context, v: number, kind: number, from: number, k: number, b = 0): boolean {
    if (this.handled[k]) {
      this.mis.readMessage(ctx, v, kind, from, k, b, this.items[k]!);
      return true;
    }
    if (kind === MSG.INFO || kind === MSG.PULL_REPLY) {
      const st = this.st[k]!;
      if (st[v] === INFO.UNAWARE) {
        st[v] = INFO.NEW;
        this.fresh.push(k, v);
      }
      return true;
    }
    if (kind === MSG.PULL_REQUEST) {
      if (this.st[k]![v] === INFO.ACTIVE) ctx.messages.send(v, from, MSG.PULL_REPLY, k, 0);
      return true;
    }
    return false;
  }

  /** v's spreading in the capacity-limited model: one message per contact. */
  actNode(ctx: Context, v: number): void {
    const g = ctx.informal;
    const complete = g.complete;
    const d = complete ? ctx.n - 1 : g.offsets[v + 1]! - g.offsets[v]!;
    if (d === 0 && !this.anyHandled) return;
    const b = complete ? 0 : g.offsets[v]!;
    const rng = ctx.streams.information;
    for (let k = 0; k < this.items.length; k++) {
      if (!this.live[k]) continue;
      const item = this.items[k]!;
      if (this.handled[k]) { this.mis.actNode(ctx, v, k, item); continue; }
      if (d === 0) continue;
      const st = this.st[k]!;
      const s = st[v]!;
      const mode = this.modes[k]!;
      if (s === INFO.ACTIVE) {
        mode.sendFrom(ctx, v, k, item, d, b);
        if (item.stifle > 0 && mode.stifles && rng.float() < item.stifle) st[v] = INFO.QUIET;
      } else if (s === INFO.UNAWARE && mode.asks) {
        const r = rng.int(d);
        ctx.messages.send(v, complete ? (r >= v ? r + 1 : r) : g.targets[b + r]!, MSG.PULL_REQUEST, k, 0);
      }
    }
  }

  /** End of the Act phase in the capacity-limited model: NEW people become ACTIVE. */
  endAct(ctx: Context): void {
    if (!this.capacityLimited) return;
    if (this.anyHandled) this.mis.endAct();
    const fresh = this.fresh;
    const vals = ctx.state.vals;
    for (let i = 0; i < fresh.length; i++) {
      const k = fresh.items[i]!;
      this.st[k]![fresh.people[i]!] = INFO.ACTIVE;
      vals[itemHandles(k).informed.id]!++;
    }
    fresh.length = 0;
  }

  // ---- people come and go ------------------------------------------------------------

  /** A person leaves: they stop counting as informed and can no longer be reached. */
  onRemove(ctx: Context, v: number): void {
    for (let k = 0; k < this.items.length; k++) {
      const item = this.items[k]!;
      if (this.mis.handles(item)) this.mis.onRemove(ctx, v, k, item);
      const h = itemHandles(k);
      const st = ctx.state.get(h.state);
      if (st[v] !== INFO.UNAWARE && st[v] !== INFO.GONE) ctx.state.vals[h.informed.id]!--;
      st[v] = INFO.GONE;
    }
  }

  /** People were hired: every item's array grows, newcomers unaware. */
  onGrow(ctx: Context, n: number): void {
    for (let k = 0; k < this.items.length; k++) {
      const h = itemHandles(k);
      const next = new Uint8Array(n);
      next.set(ctx.state.get(h.state));
      ctx.state.put(h.state, next);
      const item = this.items[k]!;
      if (this.mis.handles(item)) this.mis.onGrow(ctx, k, item, n);
    }
  }
}

/** True once item k has been seeded. */
function isSeeded(state: State, k: number): boolean {
  return state.num(itemHandles(k).seeded) === 1;
}

/** Draws `count` distinct alive people uniformly (information stream), in draw order. */
function drawAlive(ctx: Context, count: number): number[] {
  const alive = ctx.state.get(ALIVE);
  const rng = ctx.streams.information;
  const pool: number[] = [];
  for (let i = 0; i < ctx.n; i++) if (alive[i]) pool.push(i);
  const out: number[] = [];
  const c = Math.min(count, pool.length);
  for (let i = 0; i < c; i++) {
    const j = i + rng.int(pool.length - i);
    const t = pool[i]!; pool[i] = pool[j]!; pool[j] = t;
    out.push(pool[i]!);
  }
  return out;
}
