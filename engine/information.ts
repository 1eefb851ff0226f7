// The information layer (MODEL.md §6): items of news spreading by push, pull,
// push-pull or flood, with stifling, in synchronous rounds.
//
// Per item, one Uint8Array holds each person's state. The nodes informed at the
// start of a tick act in it; those informed during it are marked NEW and act
// from the next tick. With `capacityLimited: false` (the textbook model) a
// contact takes effect at once and the whole pass is one tight loop per item
// (the code path of bench W1/W2); with `capacityLimited: true` every contact is
// a message that the receiver reads within its capacity.
//
// False items, and every item under client-server (the official channel and the
// grapevine), run in misinformation.ts: the fast loops here serve true items only.
import type { Context } from './context.ts';
import { MSG } from './messages.ts';
import type { SeriesStore } from './metrics.ts';
import { Misinformation, misinformedCount, misinformationClearedTick } from './misinformation.ts';
import type { State } from './state.ts';
import { itemKey } from './item-keys.ts';

/** Per-person state of one item. */
export const INFO = {
  UNAWARE: 0,
  /** Informed and spreading. */
  ACTIVE: 1,
  /** Informed, no longer spreading (stifled; for false items also doubters and the corrected). */
  QUIET: 2,
  /** Informed during this tick: acts from the next. */
  NEW: 3,
  /** Removed from the organization. */
  GONE: 4,
} as const;

export type SpreadMode = 'push' | 'pull' | 'push-pull' | 'flood';

/** An item of news as the engine runs it (scenario items and misinformation shocks alike). */
export interface ItemSpec {
  id: string;
  truth: boolean;
  domain: number;
  /** Seeding tick. */
  at: number;
  /** Explicit seed people (internal ids), or null to draw `seedCount` alive people. */
  seeds: number[] | null;
  seedCount: number;
  mode: SpreadMode;
  fanout: number;
  beta: number;
  stifle: number;
}

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

export class InformationLayer {
  items: ItemSpec[] = [];
  /** Scratch list of people informed during the current tick (not state: empty between ticks). */
  private fresh = new Int32Array(0);
  private freshLength = 0;
  /** False items, and under client-server every item, are run by this half of the layer. */
  private mis = new Misinformation();

  /**
   * Issue 19: the WebAssembly kernel (engine/wasm/spread-kernel.ts), which runs an
   * item's whole textbook tick or declines; null: the loops below, the reference.
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
    ctx.state.set(itemKey(k).state, new Uint8Array(ctx.n));
    // Removed people must never look unaware, or pull would let them ask.
    const alive = ctx.state.u8('alive');
    const st = ctx.state.u8(itemKey(k).state);
    for (let i = 0; i < ctx.n; i++) if (!alive[i]) st[i] = INFO.GONE;
    ctx.state.scalars[itemKey(k).informed] = 0;
    ctx.state.scalars[itemKey(k).seeded] = 0;
    this.mis.addItem(ctx, k, item);
    return k;
  }

  /** True when item k is false (misinformation). */
  isFalse(k: number): boolean {
    return this.items[k]?.truth === false;
  }

  /** True when v has heard item k (informed now, whatever they made of it). */
  hasHeard(ctx: Context, v: number, k: number): boolean {
    const s = ctx.state.u8(itemKey(k).state)[v];
    return s === INFO.ACTIVE || s === INFO.QUIET || s === INFO.NEW;
  }

  /** v starts spreading the correction of false item k, as a detector does (the steward's fact-checking). */
  startCorrection(ctx: Context, v: number, k: number): void {
    const item = this.items[k];
    if (item && ctx.state.scalars[itemKey(k).seeded]) this.mis.startCorrection(ctx, v, k, item);
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
    return state.scalars[itemKey(k).informed]!;
  }

  /** Seeds the items due at this tick: seeds are informed at its start and act in it. */
  seedDue(ctx: Context, tick: number): void {
    for (let k = 0; k < this.items.length; k++) {
      const item = this.items[k]!;
      if (item.at !== tick || ctx.state.scalars[itemKey(k).seeded]) continue;
      ctx.state.scalars[itemKey(k).seeded] = 1;
      const st = ctx.state.u8(itemKey(k).state);
      const alive = ctx.state.u8('alive');
      let seeds = item.seeds;
      if (!seeds) seeds = drawAlive(ctx, item.seedCount);
      let informed = ctx.state.scalars[itemKey(k).informed]!;
      for (const v of seeds) {
        if (v < 0 || v >= ctx.n || !alive[v] || st[v] !== INFO.UNAWARE) continue;
        st[v] = INFO.ACTIVE;
        informed++;
        if (this.mis.handles(item)) this.mis.onSeed(ctx, k, item, v);
      }
      ctx.state.scalars[itemKey(k).informed] = informed;
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
      if (!ctx.state.scalars[itemKey(k).seeded]) continue;
      const item = this.items[k]!;
      if (this.mis.handles(item)) { this.mis.spreadInstant(ctx, k, item); continue; }
      // ---- issue 19 hook: the kernel runs this item's whole tick (same draws, same bytes) or declines ----
      if (this.kernel !== null && this.kernel.tick(ctx, k, item)) continue;
      // ---- end of hook: below, the TypeScript loops (the reference) ----
      if (item.mode === 'push' || item.mode === 'push-pull') this.pushInstant(ctx, k, item);
      if (item.mode === 'pull' || item.mode === 'push-pull') this.pullInstant(ctx, k);
      if (item.mode === 'flood') this.floodInstant(ctx, k, item);
      this.finishTick(ctx, k, item);
    }
  }

  private ensureFresh(n: number): Int32Array {
    if (this.fresh.length < n) this.fresh = new Int32Array(n);
    return this.fresh;
  }

  /**
   * Push: each active person contacts `fanout` neighbours drawn uniformly with
   * replacement; an unaware one becomes NEW. One pass over ids in ascending order
   * (sequential reads of the CSR, one random probe per contact), PRNG in locals.
   */
  private pushInstant(ctx: Context, k: number, item: ItemSpec): void {
    const n = ctx.n;
    const st = ctx.state.u8(itemKey(k).state);
    const g = ctx.informal;
    const off = g.offsets, tg = g.targets;
    const fanout = item.fanout;
    const fresh = this.ensureFresh(n);
    let freshLength = this.freshLength;
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
    this.freshLength = freshLength;
    countContacts(ctx, contacts, wasted);
  }

  /** Pull: each unaware person asks one random neighbour and is informed if it was active at the tick's start. */
  private pullInstant(ctx: Context, k: number): void {
    const n = ctx.n;
    const st = ctx.state.u8(itemKey(k).state);
    const g = ctx.informal;
    const off = g.offsets, tg = g.targets;
    const complete = g.complete;
    const fresh = this.ensureFresh(n);
    let freshLength = this.freshLength;
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
    this.freshLength = freshLength;
    countContacts(ctx, contacts, wasted);
  }

  /**
   * Flood: each active person informs each neighbour with probability beta (one
   * draw per tie: the independent cascade when stifle = 1). On the implicit
   * complete graph the hits are found by geometric skipping.
   */
  private floodInstant(ctx: Context, k: number, item: ItemSpec): void {
    const n = ctx.n;
    const st = ctx.state.u8(itemKey(k).state);
    const g = ctx.informal;
    const off = g.offsets, tg = g.targets;
    const beta = item.beta;
    const fresh = this.ensureFresh(n);
    let freshLength = this.freshLength;
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
    this.freshLength = freshLength;
    ctx.state.scalars['info.trials'] = (ctx.state.scalars['info.trials'] ?? 0) + trials;
    countContacts(ctx, contacts, wasted);
  }

  /** Stifling of the people who acted, then NEW → ACTIVE, and the informed count. */
  private finishTick(ctx: Context, k: number, item: ItemSpec): void {
    const st = ctx.state.u8(itemKey(k).state);
    const n = ctx.n;
    if (item.stifle > 0 && (item.mode !== 'pull')) {
      // Only people who were active at the tick's start acted; NEW ones are not yet ACTIVE.
      if (item.stifle >= 1) {
        for (let v = 0; v < n; v++) if (st[v] === INFO.ACTIVE) st[v] = INFO.QUIET;
      } else {
        const rng = ctx.streams.information;
        for (let v = 0; v < n; v++) if (st[v] === INFO.ACTIVE && rng.float() < item.stifle) st[v] = INFO.QUIET;
      }
    }
    const fresh = this.fresh;
    for (let i = 0; i < this.freshLength; i++) st[fresh[i]!] = INFO.ACTIVE;
    ctx.state.scalars[itemKey(k).informed]! += this.freshLength;
    this.freshLength = 0;
  }

  // ---- capacity-limited model: contacts are messages ------------------------

  /** Per-item state arrays and seeded flags for this tick (names are built once, not per person). */
  private st: Uint8Array[] = [];
  private live: boolean[] = [];
  private handled: boolean[] = [];
  private anyHandled = false;
  private freshItems = new Int32Array(0);

  /** Fetches the per-item arrays before the Act phase (they are replaced on growth and restore). */
  bindTick(ctx: Context): void {
    this.st.length = 0;
    this.live.length = 0;
    this.handled.length = 0;
    this.anyHandled = false;
    for (let k = 0; k < this.items.length; k++) {
      this.st.push(ctx.state.u8(itemKey(k).state));
      this.live.push(ctx.state.scalars[itemKey(k).seeded] === 1);
      const h = this.mis.handles(this.items[k]!);
      this.handled.push(h);
      if (h) this.anyHandled = true;
    }
    if (this.capacityLimited && this.anyHandled) this.mis.bindTick(ctx, this.items);
    if (this.freshItems.length < ctx.n) this.freshItems = new Int32Array(ctx.n);
    this.ensureFresh(ctx.n);
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
        // Several items can inform one person in a tick, so the list may outgrow n.
        if (this.freshLength === this.fresh.length) this.growFresh();
        this.freshItems[this.freshLength] = k;
        this.fresh[this.freshLength++] = v;
      }
      return true;
    }
    if (kind === MSG.PULL_REQUEST) {
      if (this.st[k]![v] === INFO.ACTIVE) ctx.messages.send(v, from, MSG.PULL_REPLY, k, 0);
      return true;
    }
    return false;
  }

  private growFresh(): void {
    const f = new Int32Array(this.fresh.length * 2 + 16);
    f.set(this.fresh);
    this.fresh = f;
    const i = new Int32Array(f.length);
    i.set(this.freshItems);
    this.freshItems = i;
  }

  /** v's spreading in the capacity-limited model: one message per contact. */
  actNode(ctx: Context, v: number): void {
    const g = ctx.informal;
    const rng = ctx.streams.information;
    const complete = g.complete;
    const d = complete ? ctx.n - 1 : g.offsets[v + 1]! - g.offsets[v]!;
    if (d === 0 && !this.anyHandled) return;
    const b = complete ? 0 : g.offsets[v]!;
    const tg = g.targets;
    for (let k = 0; k < this.items.length; k++) {
      if (!this.live[k]) continue;
      const item = this.items[k]!;
      if (this.handled[k]) { this.mis.actNode(ctx, v, k, item); continue; }
      if (d === 0) continue;
      const st = this.st[k]!;
      const s = st[v]!;
      if (s === INFO.ACTIVE) {
        if (item.mode === 'push' || item.mode === 'push-pull') {
          for (let f = 0; f < item.fanout; f++) {
            const r = rng.int(d);
            ctx.messages.send(v, complete ? (r >= v ? r + 1 : r) : tg[b + r]!, MSG.INFO, k, 0);
          }
        } else if (item.mode === 'flood') {
          for (let j = rng.geometric(item.beta); j < d; j += 1 + rng.geometric(item.beta)) {
            ctx.messages.send(v, complete ? (j >= v ? j + 1 : j) : tg[b + j]!, MSG.INFO, k, 0);
          }
        }
        if (item.stifle > 0 && item.mode !== 'pull' && rng.float() < item.stifle) st[v] = INFO.QUIET;
      } else if (s === INFO.UNAWARE && (item.mode === 'pull' || item.mode === 'push-pull')) {
        const r = rng.int(d);
        ctx.messages.send(v, complete ? (r >= v ? r + 1 : r) : tg[b + r]!, MSG.PULL_REQUEST, k, 0);
      }
    }
  }

  /** End of the Act phase in the capacity-limited model: NEW people become ACTIVE. */
  endAct(ctx: Context): void {
    if (!this.capacityLimited) return;
    if (this.anyHandled) this.mis.endAct();
    const fresh = this.fresh;
    const items = this.freshItems;
    for (let i = 0; i < this.freshLength; i++) {
      const k = items[i]!;
      this.st[k]![fresh[i]!] = INFO.ACTIVE;
      ctx.state.scalars[itemKey(k).informed]!++;
    }
    this.freshLength = 0;
  }

  /** A person leaves: they stop counting as informed and can no longer be reached. */
  onRemove(ctx: Context, v: number): void {
    for (let k = 0; k < this.items.length; k++) {
      const item = this.items[k]!;
      if (this.mis.handles(item)) this.mis.onRemove(ctx, v, k, item);
      const st = ctx.state.u8(itemKey(k).state);
      if (st[v] !== INFO.UNAWARE && st[v] !== INFO.GONE) ctx.state.scalars[itemKey(k).informed]!--;
      st[v] = INFO.GONE;
    }
  }

  /** People were hired: every item's array grows, newcomers unaware. */
  onGrow(ctx: Context, n: number): void {
    for (let k = 0; k < this.items.length; k++) {
      const old = ctx.state.u8(itemKey(k).state);
      const next = new Uint8Array(n);
      next.set(old);
      ctx.state.set(itemKey(k).state, next);
      const item = this.items[k]!;
      if (this.mis.handles(item)) this.mis.onGrow(ctx, k, item, n);
    }
  }
}

/** Adds a pass's instant contacts, and those wasted on people who left, to the tick's counts. */
export function countContacts(ctx: Context, contacts: number, wasted: number): void {
  const s = ctx.state.scalars;
  s['tick.messages']! += contacts;
  s['count.instant'] = (s['count.instant'] ?? 0) + contacts;
  // A contact with someone who has left is wasted: the textbook model's `lost`.
  s['tick.lost']! += wasted;
  s['count.lost']! += wasted;
}

/** Draws `count` distinct alive people uniformly (information stream), in draw order. */
function drawAlive(ctx: Context, count: number): number[] {
  const alive = ctx.state.u8('alive');
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
