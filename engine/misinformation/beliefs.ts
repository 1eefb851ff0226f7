// The belief transitions of a false item (MODEL.md §6) and the scratch every
// misinformation pass shares: who was informed or corrected during the tick,
// and the pass's contact counters. Both models (textbook passes and messages)
// and the official channel change beliefs only through these methods, so the
// `believers` count and the NEW → ACTIVE settling stay in one place.
//
// Per false item k, people are unaware, believers, doubters or corrected
// (`info.<k>.belief`); the item spreads in `info.<k>.state` like any item,
// believers being its only spreaders; its correction spreads in `info.<k>.corr`.
import type { Context } from '../context.ts';
import { BELIEF, INFO } from '../codes.ts';
import type { ItemSpec } from '../item-spec.ts';
import { itemHandles } from '../item-keys.ts';
import type { OfficialChannel } from '../protocols/protocol.ts';
import { ALIVE, SKILL } from '../people-state.ts';
import { FreshList } from '../spread/fresh.ts';

const { UNAWARE, ACTIVE, QUIET, NEW } = INFO;

/** The information section's misinformation parameters, read at the start of each pass. */
export interface BeliefParams {
  verifyThreshold: number;
  verify: number;
  acceptPeer: number;
  acceptOfficial: number;
  /** Probability an informal contact happens: the official channel's `grapevine`, 1 without one. */
  contact: number;
}

export class Beliefs {
  /** Set by `bind` before every pass (the schema declares the defaults). */
  readonly p: BeliefParams = { verifyThreshold: 0, verify: 0, acceptPeer: 0, acceptOfficial: 0, contact: 1 };
  private skill: Float32Array = new Float32Array(0);
  private domains = 1;
  /** People whose item state is NEW this tick (with their item). */
  readonly fresh = new FreshList();
  /** People whose correction state is NEW this tick (with their item). */
  readonly cfresh = new FreshList();
  /** Contacts of the current textbook pass, and those wasted on people who left. */
  contacts = 0;
  wasted = 0;

  /** Reads the parameters and the skills for a pass (arrays are replaced on growth and restore). */
  bind(ctx: Context, channel: OfficialChannel | null): BeliefParams {
    const inf = ctx.scenario.information;
    const p = this.p;
    p.verifyThreshold = inf.verifyThreshold;
    p.verify = inf.verify;
    p.acceptPeer = inf.acceptPeer;
    p.acceptOfficial = inf.acceptOfficial;
    p.contact = channel ? channel.grapevine(ctx) : 1;
    this.skill = ctx.state.get(SKILL);
    this.domains = ctx.scenario.population.domains;
    return p;
  }

  /** v stops believing item k (a believer detected it, or accepted a correction): corrected, spreading the correction. */
  correct(ctx: Context, k: number, v: number, st: Uint8Array, belief: Uint8Array, corr: Uint8Array, now: boolean): void {
    belief[v] = BELIEF.CORRECTED;
    ctx.state.vals[itemHandles(k).believers.id]!--;
    if (st[v] === ACTIVE || st[v] === NEW) st[v] = QUIET;
    if (now) corr[v] = ACTIVE;
    else if (corr[v] === UNAWARE) {
      // v passes the correction on from the next tick.
      corr[v] = NEW;
      this.cfresh.push(k, v);
    }
  }

  /** v is informed of item k during this tick (NEW: acts from the next). */
  inform(k: number, v: number, st: Uint8Array): void {
    st[v] = NEW;
    this.fresh.push(k, v);
  }

  /**
   * v starts spreading the correction of false item k now, as a detector does
   * (a believer among them is corrected by it). Used by detection and by the
   * steward's fact-checking.
   */
  startCorrection(ctx: Context, v: number, k: number, item: ItemSpec): void {
    if (item.truth || !ctx.state.get(ALIVE)[v]) return;
    const h = itemHandles(k);
    const st = ctx.state.get(h.state);
    const belief = ctx.state.get(h.belief);
    const corr = ctx.state.get(h.corr);
    if (belief[v] === BELIEF.BELIEVER) this.correct(ctx, k, v, st, belief, corr, true);
    // A person already passing it on, or about to, keeps that state.
    if (corr[v] !== ACTIVE && corr[v] !== NEW) corr[v] = ACTIVE;
  }

  /** Detection: anyone who heard k before this tick, skilled enough, not yet correcting, with probability verify. */
  detects(ctx: Context, v: number, item: ItemSpec, st: Uint8Array, corr: Uint8Array): boolean {
    const s = st[v];
    if ((s !== ACTIVE && s !== QUIET) || corr[v] !== UNAWARE) return false;
    if (this.skill[v * this.domains + item.domain]! < this.p.verifyThreshold) return false;
    return ctx.streams.information.float() < this.p.verify;
  }

  /**
   * u hears item k for the first time through the informal layer (either model)
   * and, for a false item, believes it with probability 1 − skill in its domain
   * (drawn now, once). Either way u is NEW until the tick ends (then a believer
   * spreads, a doubter is QUIET), so a doubter too starts checking the item only
   * from the next tick. On an official channel, believers (and, for true items,
   * the informed) report it up.
   */
  expose(ctx: Context, k: number, item: ItemSpec, u: number, st: Uint8Array, belief: Uint8Array | null, report: Uint8Array | null): void {
    const h = itemHandles(k);
    ctx.state.vals[h.informed.id]!++;
    this.inform(k, u, st);
    if (belief) {
      if (!(ctx.streams.information.float() < 1 - this.skill[u * this.domains + item.domain]!)) {
        belief[u] = BELIEF.DOUBTER;
        return;
      }
      belief[u] = BELIEF.BELIEVER;
      ctx.state.vals[h.believers.id]!++;
    }
    if (report) report[u] = 1;
  }

  /** A believer accepts a peer's correction with probability acceptPeer (one draw per contact). */
  acceptsPeer(ctx: Context): boolean {
    return ctx.streams.information.float() < this.p.acceptPeer;
  }

  /**
   * End of a tick for everyone informed or corrected in it: a believer (or the
   * informed of a true item) spreads from now, a doubter never; the corrected
   * pass the correction on. Item k's arrays are `st[k]`, `belief[k]`, `corr[k]`.
   */
  settle(st: readonly Uint8Array[], belief: readonly (Uint8Array | null)[], corr: readonly (Uint8Array | null)[]): void {
    const f = this.fresh;
    for (let i = 0; i < f.length; i++) {
      const k = f.items[i]!, v = f.people[i]!;
      const s = st[k]!, b = belief[k];
      if (s[v] === NEW) s[v] = b && b[v] === BELIEF.DOUBTER ? QUIET : ACTIVE;
    }
    const c = this.cfresh;
    for (let i = 0; i < c.length; i++) {
      const a = corr[c.items[i]!]!, v = c.people[i]!;
      if (a[v] === NEW) a[v] = ACTIVE;
    }
    f.length = 0;
    c.length = 0;
  }
}
