// Misinformation and the official channel (MODEL.md §6).
//
// The information layer hands this module every item that is false, and, under
// client-server, every item: those need more than the textbook's one state per
// person. Per false item k, people are unaware, believers, doubters or corrected
// (`info.<k>.belief`); the item itself spreads in `info.<k>.state` like any item,
// believers being its only spreaders (doubters, the corrected and stifled
// believers are QUIET). Its correction is a second process over the same ties and
// spread mode (`info.<k>.corr`). Under client-server, news is also reported up
// the chain of command and the server broadcasts down it in numbered waves
// (`info.<k>.heard`, `.sent`, `.report`, and in the textbook model the
// one-hop-a-tick queues `.upq`, `.downq`); every informal contact happens only
// with probability `grapevine`.
//
// Choices where MODEL.md is silent (docs/ODD.md):
// - The seeds of a false item believe it (someone has to start it; no draw).
// - Who passes a correction on: detectors, fact-checkers (`startCorrection`) and
//   every believer it corrects, peer or official — the corrected tell their
//   neighbours, as believers told theirs. It acts on believers only: the unaware
//   and doubters reached by it are unchanged and do not pass it on. Each contact
//   with a believer is its own acceptPeer draw (one who refused may be convinced
//   by the next); in pull mode believers are the ones who ask.
// - A believer who detects the falsehood is corrected by it (self-correction).
//   Detection is open to those who heard the item before this tick and do not
//   already pass its correction on. Stifling (γ) stops correction spreaders too.
// - The official channel: a report is a relay, not an exposure (managers forward
//   it without hearing the rumour from it). A person reports once, on coming to
//   believe (a true item: on hearing it informally, or as a seed), and only if
//   still a believer when acting; a manager forwards at most one report per item
//   between two waves reaching it, and drops a report whose originator had not
//   heard a wave it has (stale). A fresh report reaching the server makes it
//   issue a new wave (the server, who issued the denial, is corrected by it): a
//   believer reached by a wave is corrected with probability acceptOfficial (and
//   then passes the correction on informally); for true items the wave informs,
//   and those it informs do not report back. Waves repeat while new believers
//   report, so the channel keeps answering a rumour that keeps spreading, at one
//   message per tie per wave.
// - In the textbook model the official channel moves one hop per tick (received
//   at once, forwarded from the next tick: "acts from t+1"); its contacts count
//   as messages, those with removed people as lost.
// - In a flat organization the reports climb the client-server protocol's
//   routing tree (`cs.tree`) to `cs.server`, or without one go straight to the
//   server.
// - `grapevine` filters each informal contact: a push contact, a pull request
//   (the reply comes with it), a flood tie (β·grapevine), item and correction alike.
//
// Everything is in the state record; draws come from the information stream in
// ascending id order (per pass), so runs are reproducible and snapshots continue
// exactly. These are generic loops, not the textbook's tuned ones: the true items
// of the other ways of working never come here.
import type { Context } from './context.ts';
import { countContacts, type ItemSpec } from './information.ts';
import { MSG } from './messages.ts';
import type { SeriesStore } from './metrics.ts';
import { itemKey } from './item-keys.ts';

/** Per-person belief in a false item. */
export const BELIEF = {
  UNAWARE: 0,
  /** Believes it, spreads it (unless stifled), reports it up under client-server. */
  BELIEVER: 1,
  /** Heard it and did not believe it; never spreads it. */
  DOUBTER: 2,
  /** Believed it and was corrected; the item cannot take them again. */
  CORRECTED: 3,
} as const;

/** The information layer's message kinds beyond messages.ts's MSG (all below 16). */
export const MIS_MSG = {
  /** a = item: a believer asks a neighbour for the correction (pull). */
  CORR_PULL_REQUEST: 5,
  /** a = item: the correction, in reply to a pull. */
  CORR_PULL_REPLY: 6,
  /** a = item, b = waves its originator had heard: news going up the formal tree. */
  REPORT: 7,
  /** a = item, b = wave: the server's broadcast going down the tree. */
  OFFICIAL: 8,
} as const;

// INFO's codes (information.ts): that module imports this one, so its constants
// cannot be read while this one loads.
const UNAWARE = 0, ACTIVE = 1, QUIET = 2, NEW = 3, GONE = 4;

interface Params {
  verifyThreshold: number;
  verify: number;
  acceptPeer: number;
  acceptOfficial: number;
  /** Probability an informal contact happens: `grapevine` under client-server, 1 otherwise. */
  contact: number;
}

interface Children {
  tick: number;
  n: number;
  start: Int32Array;
  list: Int32Array;
}

/** Neighbour count of v on the informal layer (implicit K_n or CSR). */
function degreeOf(ctx: Context, v: number): number {
  const g = ctx.informal;
  return g.complete ? ctx.n - 1 : g.offsets[v + 1]! - g.offsets[v]!;
}

/** The j-th neighbour of v (0 ≤ j < degree). */
function neighbour(ctx: Context, v: number, j: number): number {
  const g = ctx.informal;
  return g.complete ? (j >= v ? j + 1 : j) : g.targets[g.offsets[v]! + j]!;
}

/**
 * The misinformation and official-channel half of the information layer. It
 * holds no state between ticks: only scratch lists (empty between ticks) and
 * per-tick views of the state's arrays.
 */
export class Misinformation {
  /** Client-server: official channel and grapevine (fixed by the scenario). */
  official = false;

  // Per-tick views (message model), indexed by item; null where an item has no such array.
  private st: Uint8Array[] = [];
  private belief: (Uint8Array | null)[] = [];
  private corr: (Uint8Array | null)[] = [];
  private heard: (Int32Array | null)[] = [];
  private sent: (Int32Array | null)[] = [];
  private report: (Uint8Array | null)[] = [];
  private skill: Float32Array = new Float32Array(0);
  private domains = 1;
  private p: Params = { verifyThreshold: 0.7, verify: 0.1, acceptPeer: 0.5, acceptOfficial: 0.9, contact: 1 };

  // Scratch: people whose item (fresh) or correction (cfresh) state is NEW this tick.
  private fresh: Int32Array = new Int32Array(16);
  private freshItems: Int32Array = new Int32Array(16);
  private freshLength = 0;
  private cfresh: Int32Array = new Int32Array(16);
  private cfreshItems: Int32Array = new Int32Array(16);
  private cfreshLength = 0;
  // Scratch of the textbook official pass: the pending work gathered at its start.
  private pendV = new Int32Array(0);
  private pendRep = new Uint8Array(0);
  private pendUp = new Int32Array(0);
  private pendDown = new Int32Array(0);
  // Contacts counted by the textbook passes of one item.
  private contacts = 0;
  private wasted = 0;

  /** True when item `item` runs here (false items; every item under client-server). */
  handles(item: ItemSpec): boolean {
    return !item.truth || this.official;
  }

  /** Reads the way of working (before any item exists, so a restore into a new simulation agrees). */
  configure(ctx: Context): void {
    this.official = ctx.scenario.protocol.kind === 'client-server';
  }

  /** Allocates the arrays of item k (called by `InformationLayer.addItem`). */
  addItem(ctx: Context, k: number, item: ItemSpec): void {
    this.configure(ctx);
    if (!this.handles(item)) return;
    const n = ctx.n;
    const s = ctx.state;
    if (!item.truth) {
      s.set(itemKey(k).belief, new Uint8Array(n));
      const corr = s.set(itemKey(k).corr, new Uint8Array(n));
      const alive = s.u8('alive');
      for (let i = 0; i < n; i++) if (!alive[i]) corr[i] = GONE;
      s.scalars[itemKey(k).believers] = 0;
    }
    if (this.official) {
      s.set(itemKey(k).heard, new Int32Array(n));
      s.set(itemKey(k).sent, new Int32Array(n));
      s.set(itemKey(k).report, new Uint8Array(n));
      s.set(itemKey(k).upq, new Int32Array(n));
      s.set(itemKey(k).downq, new Int32Array(n));
      s.scalars[itemKey(k).waves] = 0;
    }
  }

  /** A seed of item k: seeds of a false item believe it (they start it), and report it under client-server. */
  onSeed(ctx: Context, k: number, item: ItemSpec, v: number): void {
    if (!item.truth) {
      ctx.state.u8(itemKey(k).belief)[v] = BELIEF.BELIEVER;
      ctx.state.scalars[itemKey(k).believers]!++;
    }
    if (this.official) ctx.state.u8(itemKey(k).report)[v] = 1;
  }

  private params(ctx: Context): Params {
    const inf = ctx.scenario.information;
    const p = this.p;
    p.verifyThreshold = inf?.verifyThreshold ?? 0.7;
    p.verify = inf?.verify ?? 0.1;
    p.acceptPeer = inf?.acceptPeer ?? 0.5;
    p.acceptOfficial = inf?.acceptOfficial ?? 0.9;
    p.contact = this.official ? (inf?.grapevine ?? 0.3) : 1;
    return p;
  }

  // ---- the server and the tree ------------------------------------------------

  /**
   * The server: the client-server protocol's own (`cs.server`, −1 while its place
   * is vacant), else the root of the formal tree; a flat organization without
   * either falls back on `protocol.server`, else the person of highest informal
   * degree (lowest id on ties), fixed the first time it is needed (a scalar, so
   * snapshots carry it).
   */
  server(ctx: Context): number {
    const s = ctx.state.scalars;
    const cs = s['cs.server'];
    if (cs !== undefined) return cs;
    const root = s['formal.root'] ?? -1;
    if (root >= 0) return root;
    let srv = s['info.server'];
    if (srv === undefined) {
      srv = -1;
      const id = ctx.scenario.protocol.server;
      if (id !== null && id !== undefined) srv = ctx.labels.indexOf(String(id));
      if (srv < 0) {
        let best = -1;
        const alive = ctx.state.u8('alive');
        for (let v = 0; v < ctx.n; v++) {
          if (!alive[v]) continue;
          const d = degreeOf(ctx, v);
          if (d > best) { best = d; srv = v; }
        }
      }
      s['info.server'] = srv;
    }
    return srv;
  }

  /**
   * Whom v reports to: its formal parent; in a flat organization, its parent in
   * the client-server protocol's routing tree (`cs.tree`, a BFS tree from the
   * server over the informal layer), or without one the server directly.
   */
  private parentOf(ctx: Context, v: number, server: number): number {
    const st = ctx.state;
    if ((st.scalars['formal.root'] ?? -1) >= 0) return st.i32('formal.parent')[v]!;
    if (v === server) return -1;
    if (st.has('cs.tree')) return st.i32('cs.tree')[v]!;
    return server >= 0 && st.u8('alive')[v] ? server : -1;
  }

  /**
   * Children in the tree the reports climb (see parentOf), rebuilt at most once
   * per tick when a broadcast needs them. Not state: it is derived, and
   * `ctx.cache` is cleared on restore.
   */
  private children(ctx: Context): Children {
    const c = ctx.cache['info.children'] as Children | undefined;
    if (c && c.tick === ctx.tick && c.n === ctx.n) return c;
    const n = ctx.n;
    const server = this.server(ctx);
    const st = ctx.state;
    const up = new Int32Array(n);
    if ((st.scalars['formal.root'] ?? -1) >= 0) up.set(st.i32('formal.parent').subarray(0, n));
    else if (st.has('cs.tree')) {
      up.set(st.i32('cs.tree').subarray(0, n));
      if (server >= 0) up[server] = -1;
    } else {
      const alive = st.u8('alive');
      for (let v = 0; v < n; v++) up[v] = server >= 0 && v !== server && alive[v] ? server : -1;
    }
    const start = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) if (up[v]! >= 0) start[up[v]! + 1]!++;
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    const fill = start.slice(0, n);
    const list = new Int32Array(start[n]!);
    for (let v = 0; v < n; v++) if (up[v]! >= 0) list[fill[up[v]!]!++] = v;
    const out = { tick: ctx.tick, n, start, list };
    ctx.cache['info.children'] = out;
    return out;
  }

  // ---- shared transitions -----------------------------------------------------

  /** v stops believing item k (a believer detected it, or accepted a correction): corrected, spreading the correction. */
  private correct(ctx: Context, k: number, v: number, st: Uint8Array, belief: Uint8Array, corr: Uint8Array, now: boolean): void {
    belief[v] = BELIEF.CORRECTED;
    ctx.state.scalars[itemKey(k).believers]!--;
    if (st[v] === ACTIVE || st[v] === NEW) st[v] = QUIET;
    if (now) corr[v] = ACTIVE;
    else if (corr[v] === UNAWARE) this.pushCorrection(k, v, corr);
  }

  /** v will pass the correction on from the next tick. */
  private pushCorrection(k: number, v: number, corr: Uint8Array): void {
    corr[v] = NEW;
    if (this.cfreshLength === this.cfresh.length) {
      this.cfresh = grow(this.cfresh);
      this.cfreshItems = grow(this.cfreshItems);
    }
    this.cfreshItems[this.cfreshLength] = k;
    this.cfresh[this.cfreshLength++] = v;
  }

  /** v is informed of item k during this tick (NEW: acts from the next). */
  private pushFresh(k: number, v: number, st: Uint8Array): void {
    st[v] = NEW;
    if (this.freshLength === this.fresh.length) {
      this.fresh = grow(this.fresh);
      this.freshItems = grow(this.freshItems);
    }
    this.freshItems[this.freshLength] = k;
    this.fresh[this.freshLength++] = v;
  }

  /**
   * v starts spreading the correction of false item k now, as a detector does
   * (a believer among them is corrected by it). Used by detection and by the
   * steward's fact-checking.
   */
  startCorrection(ctx: Context, v: number, k: number, item: ItemSpec): void {
    if (item.truth || !ctx.state.u8('alive')[v]) return;
    const st = ctx.state.u8(itemKey(k).state);
    const belief = ctx.state.u8(itemKey(k).belief);
    const corr = ctx.state.u8(itemKey(k).corr);
    if (belief[v] === BELIEF.BELIEVER) this.correct(ctx, k, v, st, belief, corr, true);
    // A person already passing it on, or about to, keeps that state.
    if (corr[v] !== ACTIVE && corr[v] !== NEW) corr[v] = ACTIVE;
  }

  /** Detection (MODEL.md §6): anyone who heard k before this tick, skilled enough, not yet correcting, with probability verify. */
  private detects(ctx: Context, v: number, item: ItemSpec, st: Uint8Array, corr: Uint8Array): boolean {
    const s = st[v];
    if ((s !== ACTIVE && s !== QUIET) || corr[v] !== UNAWARE) return false;
    if (this.skill[v * this.domains + item.domain]! < this.p.verifyThreshold) return false;
    return ctx.streams.information.float() < this.p.verify;
  }

  /** First exposure to false item k: believes with probability 1 − skill in its domain, drawn once. */
  private believes(ctx: Context, v: number, item: ItemSpec): boolean {
    return ctx.streams.information.float() < 1 - this.skill[v * this.domains + item.domain]!;
  }

  // ---- the textbook model (capacityLimited: false) ------------------------------

  /**
   * One tick of item k in the textbook model: detection, the item's spreading,
   * the correction's, the official channel, then stifling and the newly informed.
   * Contacts take effect at once; whoever is reached acts from the next tick.
   */
  spreadInstant(ctx: Context, k: number, item: ItemSpec): void {
    const n = ctx.n;
    const s = ctx.state;
    const p = this.params(ctx);
    this.skill = s.f32('skill');
    this.domains = ctx.scenario.population.domains;
    const st = s.u8(itemKey(k).state);
    const isFalse = !item.truth;
    const belief = isFalse ? s.u8(itemKey(k).belief) : null;
    const corr = isFalse ? s.u8(itemKey(k).corr) : null;
    const report = this.official ? s.u8(itemKey(k).report) : null;
    const rng = ctx.streams.information;
    this.contacts = 0;
    this.wasted = 0;
    this.freshLength = 0;
    this.cfreshLength = 0;

    // Detection: detectors act in this tick.
    if (corr && p.verify > 0) {
      for (let v = 0; v < n; v++) if (this.detects(ctx, v, item, st, corr)) this.startCorrection(ctx, v, k, item);
    }

    const mode = item.mode;
    const push = mode === 'push' || mode === 'push-pull';
    const pull = mode === 'pull' || mode === 'push-pull';
    const flood = mode === 'flood';
    const c = p.contact;
    const filtered = c < 1;
    let trials = 0;

    if (c > 0) {
      // The item: believers (true items: the informed) spread it.
      if (push) {
        for (let v = 0; v < n; v++) {
          if (st[v] !== ACTIVE) continue;
          const d = degreeOf(ctx, v);
          if (d === 0) continue;
          for (let f = 0; f < item.fanout; f++) {
            if (filtered && !(rng.float() < c)) continue;
            this.reachItem(ctx, k, item, neighbour(ctx, v, rng.int(d)), st, belief, report);
          }
        }
      }
      if (pull) {
        for (let v = 0; v < n; v++) {
          if (st[v] !== UNAWARE) continue;
          const d = degreeOf(ctx, v);
          if (d === 0) continue;
          if (filtered && !(rng.float() < c)) continue;
          const u = neighbour(ctx, v, rng.int(d));
          this.contacts++;
          const su = st[u];
          if (su === ACTIVE) { this.contacts++; this.expose(ctx, k, item, v, st, belief, report); }
          else if (su === GONE) this.wasted++;
        }
      }
      if (flood) {
        const beta = item.beta * c;
        for (let v = 0; v < n; v++) {
          if (st[v] !== ACTIVE) continue;
          const d = degreeOf(ctx, v);
          trials += d;
          for (let j = rng.geometric(beta); j < d; j += 1 + rng.geometric(beta)) this.reachItem(ctx, k, item, neighbour(ctx, v, j), st, belief, report);
        }
      }

      // The correction: the same ties, the same spread mode.
      if (belief && corr) {
        if (push) {
          for (let v = 0; v < n; v++) {
            if (corr[v] !== ACTIVE) continue;
            const d = degreeOf(ctx, v);
            if (d === 0) continue;
            for (let f = 0; f < item.fanout; f++) {
              if (filtered && !(rng.float() < c)) continue;
              this.reachCorrection(ctx, k, neighbour(ctx, v, rng.int(d)), st, belief, corr, p.acceptPeer);
            }
          }
        }
        if (pull) {
          // Believers ask for news of the item: a neighbour passing on its correction answers.
          for (let v = 0; v < n; v++) {
            // Only those who believed before this tick act on it (NEW ones act from the next).
            if (belief[v] !== BELIEF.BELIEVER || (st[v] !== ACTIVE && st[v] !== QUIET)) continue;
            const d = degreeOf(ctx, v);
            if (d === 0) continue;
            if (filtered && !(rng.float() < c)) continue;
            const u = neighbour(ctx, v, rng.int(d));
            this.contacts++;
            if (corr[u] === ACTIVE) {
              this.contacts++;
              if (rng.float() < p.acceptPeer) this.correct(ctx, k, v, st, belief, corr, false);
            } else if (st[u] === GONE) this.wasted++;
          }
        }
        if (flood) {
          const beta = item.beta * c;
          for (let v = 0; v < n; v++) {
            if (corr[v] !== ACTIVE) continue;
            const d = degreeOf(ctx, v);
            for (let j = rng.geometric(beta); j < d; j += 1 + rng.geometric(beta)) {
              this.reachCorrection(ctx, k, neighbour(ctx, v, j), st, belief, corr, p.acceptPeer);
            }
          }
        }
      }
    }

    if (this.official) this.officialInstant(ctx, k, item, st, belief, corr);

    // Stifling of those who acted (the correction's spreaders alike), then the newly informed.
    if (item.stifle > 0 && mode !== 'pull') {
      for (let v = 0; v < n; v++) if (st[v] === ACTIVE && (item.stifle >= 1 || rng.float() < item.stifle)) st[v] = QUIET;
      if (corr) for (let v = 0; v < n; v++) if (corr[v] === ACTIVE && (item.stifle >= 1 || rng.float() < item.stifle)) corr[v] = QUIET;
    }
    for (let i = 0; i < this.freshLength; i++) this.settle(this.fresh[i]!, st, belief);
    for (let i = 0; i < this.cfreshLength; i++) {
      const v = this.cfresh[i]!;
      if (corr![v] === NEW) corr![v] = ACTIVE;
    }
    this.freshLength = 0;
    this.cfreshLength = 0;
    if (trials) s.scalars['info.trials'] = (s.scalars['info.trials'] ?? 0) + trials;
    countContacts(ctx, this.contacts, this.wasted);
  }

  /** A push or flood contact with u (textbook). */
  private reachItem(ctx: Context, k: number, item: ItemSpec, u: number, st: Uint8Array, belief: Uint8Array | null, report: Uint8Array | null): void {
    this.contacts++;
    const su = st[u];
    if (su === UNAWARE) this.expose(ctx, k, item, u, st, belief, report);
    else if (su === GONE) this.wasted++;
  }

  /** A correction's contact with u (textbook): a believer accepts it with probability acceptPeer. */
  private reachCorrection(ctx: Context, k: number, u: number, st: Uint8Array, belief: Uint8Array, corr: Uint8Array, accept: number): void {
    this.contacts++;
    if (st[u] === GONE) { this.wasted++; return; }
    if (belief[u] === BELIEF.BELIEVER && ctx.streams.information.float() < accept) this.correct(ctx, k, u, st, belief, corr, false);
  }

  /**
   * u hears item k for the first time through the informal layer (either model)
   * and, for a false item, believes it or not (drawn now, once). Either way u is
   * NEW until the tick ends (then a believer spreads, a doubter is QUIET), so a
   * doubter too starts checking the item only from the next tick. Under
   * client-server, believers (and, for true items, the informed) report it up.
   */
  private expose(ctx: Context, k: number, item: ItemSpec, u: number, st: Uint8Array, belief: Uint8Array | null, report: Uint8Array | null): void {
    ctx.state.scalars[itemKey(k).informed]!++;
    this.pushFresh(k, u, st);
    if (belief) {
      if (!this.believes(ctx, u, item)) {
        belief[u] = BELIEF.DOUBTER;
        return;
      }
      belief[u] = BELIEF.BELIEVER;
      ctx.state.scalars[itemKey(k).believers]!++;
    }
    if (report) report[u] = 1;
  }

  /** End of the tick for someone informed in it: a believer (or the informed of a true item) spreads from now, a doubter never. */
  private settle(v: number, st: Uint8Array, belief: Uint8Array | null): void {
    if (st[v] === NEW) st[v] = belief && belief[v] === BELIEF.DOUBTER ? QUIET : ACTIVE;
  }

  /** The official channel in the textbook model: each report or broadcast moves one hop per tick. */
  private officialInstant(ctx: Context, k: number, item: ItemSpec, st: Uint8Array, belief: Uint8Array | null, corr: Uint8Array | null): void {
    const n = ctx.n;
    const s = ctx.state;
    const report = s.u8(itemKey(k).report);
    const upq = s.i32(itemKey(k).upq);
    const downq = s.i32(itemKey(k).downq);
    if (this.pendV.length < n) {
      this.pendV = new Int32Array(n);
      this.pendRep = new Uint8Array(n);
      this.pendUp = new Int32Array(n);
      this.pendDown = new Int32Array(n);
    }
    // Gather first: what arrives during this pass is forwarded next tick.
    let m = 0;
    for (let v = 0; v < n; v++) {
      if (report[v] === 0 && upq[v] === 0 && downq[v] === 0) continue;
      this.pendV[m] = v; this.pendRep[m] = report[v]!; this.pendUp[m] = upq[v]!; this.pendDown[m] = downq[v]!;
      report[v] = 0; upq[v] = 0; downq[v] = 0;
      m++;
    }
    if (m === 0) return;
    const heard = s.i32(itemKey(k).heard);
    const sent = s.i32(itemKey(k).sent);
    const alive = s.u8('alive');
    const server = this.server(ctx);
    for (let i = 0; i < m; i++) {
      const v = this.pendV[i]!;
      if (this.pendRep[i] && (!belief || belief[v] === BELIEF.BELIEVER)) this.upInstant(ctx, k, item, v, heard[v]!, server, heard, sent, upq, downq, alive, st, belief, corr);
      if (this.pendUp[i]) this.upInstant(ctx, k, item, v, this.pendUp[i]! - 1, server, heard, sent, upq, downq, alive, st, belief, corr);
      const wave = this.pendDown[i]!;
      if (wave) {
        const ch = this.children(ctx);
        for (let a = ch.start[v]!; a < ch.start[v + 1]!; a++) {
          const c = ch.list[a]!;
          this.contacts++;
          if (!alive[c]) { this.wasted++; continue; }
          if (this.receiveOfficial(ctx, k, item, c, wave, heard, st, belief, corr)) downq[c] = wave;
        }
      }
    }
  }

  /** v passes a report (its originator had heard `w` waves) to its parent, who has it at once (textbook). */
  private upInstant(
    ctx: Context, k: number, item: ItemSpec, v: number, w: number, server: number,
    heard: Int32Array, sent: Int32Array, upq: Int32Array, downq: Int32Array, alive: Uint8Array,
    st: Uint8Array, belief: Uint8Array | null, corr: Uint8Array | null,
  ): void {
    if (v === server) {
      const wave = this.serverReceives(ctx, k, item, v, w, heard, st, belief, corr);
      if (wave) downq[v] = wave;
      return;
    }
    if (!this.passesUp(v, w, heard, sent)) return;
    const p = this.parentOf(ctx, v, server);
    if (p < 0) return;
    this.contacts++;
    if (!alive[p]) { this.wasted++; return; }
    if (p === server) {
      const wave = this.serverReceives(ctx, k, item, p, w, heard, st, belief, corr);
      if (wave) downq[p] = wave;
    } else if (w + 1 > upq[p]!) upq[p] = w + 1;
  }

  /**
   * Whether v forwards a report now. A report is stale (dropped) when its
   * originator had not heard a wave v has heard; and v forwards at most one
   * report per item between two waves reaching it (`sent` = waves heard + 1).
   */
  private passesUp(v: number, w: number, heard: Int32Array, sent: Int32Array): boolean {
    if (w < heard[v]!) return false;
    if (sent[v] === heard[v]! + 1) return false;
    sent[v] = heard[v]! + 1;
    return true;
  }

  /**
   * A report reaches the server: unless stale, it issues a new wave (numbered
   * per item across servers) and applies it to itself. Returns the wave, or 0.
   */
  private serverReceives(
    ctx: Context, k: number, item: ItemSpec, v: number, w: number,
    heard: Int32Array, st: Uint8Array, belief: Uint8Array | null, corr: Uint8Array | null,
  ): number {
    if (w < heard[v]!) return 0;
    const wave = ++ctx.state.scalars[itemKey(k).waves]!;
    heard[v] = wave;
    if (item.truth) {
      if (st[v] === UNAWARE) { ctx.state.scalars[itemKey(k).informed]!++; this.pushFresh(k, v, st); }
    } else if (belief![v] === BELIEF.BELIEVER) {
      // The server issued the correction: it does not go on believing.
      this.correct(ctx, k, v, st, belief!, corr!, false);
    }
    return wave;
  }

  /** The broadcast's wave reaches v: applies it (once per wave). Returns true when v passes it down. */
  private receiveOfficial(
    ctx: Context, k: number, item: ItemSpec, v: number, wave: number,
    heard: Int32Array, st: Uint8Array, belief: Uint8Array | null, corr: Uint8Array | null,
  ): boolean {
    if (wave <= heard[v]!) return false;
    heard[v] = wave;
    if (item.truth) {
      // Official news informs; those it informs do not report it back up.
      if (st[v] === UNAWARE) { ctx.state.scalars[itemKey(k).informed]!++; this.pushFresh(k, v, st); }
    } else if (belief![v] === BELIEF.BELIEVER && ctx.streams.information.float() < this.p.acceptOfficial) {
      this.correct(ctx, k, v, st, belief!, corr!, false);
    }
    return true;
  }

  // ---- the message model (capacityLimited: true) -------------------------------

  /** Fetches the per-item arrays before the Act phase (they are replaced on growth and restore). */
  bindTick(ctx: Context, items: ItemSpec[]): void {
    const s = ctx.state;
    this.params(ctx);
    this.skill = s.f32('skill');
    this.domains = ctx.scenario.population.domains;
    this.st.length = this.belief.length = this.corr.length = 0;
    this.heard.length = this.sent.length = this.report.length = 0;
    for (let k = 0; k < items.length; k++) {
      const handled = this.handles(items[k]!);
      const isFalse = handled && !items[k]!.truth;
      this.st.push(s.u8(itemKey(k).state));
      this.belief.push(isFalse ? s.u8(itemKey(k).belief) : null);
      this.corr.push(isFalse ? s.u8(itemKey(k).corr) : null);
      const off = handled && this.official;
      this.heard.push(off ? s.i32(itemKey(k).heard) : null);
      this.sent.push(off ? s.i32(itemKey(k).sent) : null);
      this.report.push(off ? s.u8(itemKey(k).report) : null);
    }
    this.freshLength = 0;
    this.cfreshLength = 0;
  }

  /** v reads an information message about handled item k. */
  readMessage(ctx: Context, v: number, kind: number, from: number, k: number, b: number, item: ItemSpec): void {
    const st = this.st[k]!;
    switch (kind) {
      case MSG.INFO:
      case MSG.PULL_REPLY:
        if (st[v] === UNAWARE) this.expose(ctx, k, item, v, st, this.belief[k]!, this.report[k]!);
        return;
      case MSG.PULL_REQUEST:
        if (st[v] === ACTIVE) ctx.messages.send(v, from, MSG.PULL_REPLY, k, 0);
        return;
      case MSG.CORRECTION:
      case MIS_MSG.CORR_PULL_REPLY: {
        const belief = this.belief[k];
        if (belief && belief[v] === BELIEF.BELIEVER && ctx.streams.information.float() < this.p.acceptPeer) {
          this.correct(ctx, k, v, st, belief, this.corr[k]!, false);
        }
        return;
      }
      case MIS_MSG.CORR_PULL_REQUEST:
        if (this.corr[k]?.[v] === ACTIVE) ctx.messages.send(v, from, MIS_MSG.CORR_PULL_REPLY, k, 0);
        return;
      case MIS_MSG.REPORT:
        if (this.heard[k]) this.upMessage(ctx, k, item, v, b);
        return;
      case MIS_MSG.OFFICIAL:
        if (this.heard[k] && this.receiveOfficial(ctx, k, item, v, b, this.heard[k]!, st, this.belief[k]!, this.corr[k]!)) this.sendDown(ctx, k, v, b);
        return;
    }
  }

  /** v passes a report up as a message (or, being the server, broadcasts). */
  private upMessage(ctx: Context, k: number, item: ItemSpec, v: number, w: number): void {
    const heard = this.heard[k]!;
    const server = this.server(ctx);
    if (v === server) {
      const wave = this.serverReceives(ctx, k, item, v, w, heard, this.st[k]!, this.belief[k]!, this.corr[k]!);
      if (wave) this.sendDown(ctx, k, v, wave);
      return;
    }
    if (!this.passesUp(v, w, heard, this.sent[k]!)) return;
    const p = this.parentOf(ctx, v, server);
    // A report to a removed manager is sent and lost at delivery: the chain is broken there.
    if (p >= 0) ctx.messages.send(v, p, MIS_MSG.REPORT, k, w);
  }

  /** One message per tie down every branch below v. */
  private sendDown(ctx: Context, k: number, v: number, wave: number): void {
    const ch = this.children(ctx);
    for (let a = ch.start[v]!; a < ch.start[v + 1]!; a++) ctx.messages.send(v, ch.list[a]!, MIS_MSG.OFFICIAL, k, wave);
  }

  /** v's per-tick work on handled item k in the message model: detect, report, spread the item and its correction. */
  actNode(ctx: Context, v: number, k: number, item: ItemSpec): void {
    const st = this.st[k]!;
    const corr = this.corr[k];
    const belief = this.belief[k];
    const rng = ctx.streams.information;
    const p = this.p;
    if (corr && p.verify > 0 && this.detects(ctx, v, item, st, corr)) this.startCorrection(ctx, v, k, item);
    const report = this.report[k];
    if (report && report[v] && st[v] !== NEW) {
      report[v] = 0;
      // A believer corrected before reporting no longer reports the rumour.
      if (!belief || belief[v] === BELIEF.BELIEVER) this.upMessage(ctx, k, item, v, this.heard[k]![v]!);
    }
    const c = p.contact;
    if (!(c > 0)) return;
    const d = degreeOf(ctx, v);
    if (d === 0) return;
    const mode = item.mode;
    const pull = mode === 'pull' || mode === 'push-pull';
    const filtered = c < 1;
    const s = st[v];
    if (s === ACTIVE) {
      this.sendSpread(ctx, v, k, item, d, MSG.INFO, c);
      if (item.stifle > 0 && mode !== 'pull' && rng.float() < item.stifle) st[v] = QUIET;
    } else if (s === UNAWARE && pull && !(filtered && !(rng.float() < c))) {
      ctx.messages.send(v, neighbour(ctx, v, rng.int(d)), MSG.PULL_REQUEST, k, 0);
    }
    if (corr) {
      if (corr[v] === ACTIVE) {
        this.sendSpread(ctx, v, k, item, d, MSG.CORRECTION, c);
        if (item.stifle > 0 && mode !== 'pull' && rng.float() < item.stifle) corr[v] = QUIET;
      } else if (belief![v] === BELIEF.BELIEVER && s !== NEW && pull && !(filtered && !(rng.float() < c))) {
        ctx.messages.send(v, neighbour(ctx, v, rng.int(d)), MIS_MSG.CORR_PULL_REQUEST, k, 0);
      }
    }
  }

  /** Push or flood messages of `kind` from v (each contact happens with probability c). */
  private sendSpread(ctx: Context, v: number, k: number, item: ItemSpec, d: number, kind: number, c: number): void {
    const rng = ctx.streams.information;
    const mode = item.mode;
    if (mode === 'push' || mode === 'push-pull') {
      for (let f = 0; f < item.fanout; f++) {
        if (c < 1 && !(rng.float() < c)) continue;
        ctx.messages.send(v, neighbour(ctx, v, rng.int(d)), kind, k, 0);
      }
    } else if (mode === 'flood') {
      const beta = item.beta * c;
      for (let j = rng.geometric(beta); j < d; j += 1 + rng.geometric(beta)) ctx.messages.send(v, neighbour(ctx, v, j), kind, k, 0);
    }
  }

  /** End of the Act phase (message model): the people informed or corrected in it act from the next tick. */
  endAct(): void {
    for (let i = 0; i < this.freshLength; i++) {
      const k = this.freshItems[i]!;
      this.settle(this.fresh[i]!, this.st[k]!, this.belief[k]!);
    }
    for (let i = 0; i < this.cfreshLength; i++) {
      const corr = this.corr[this.cfreshItems[i]!]!;
      const v = this.cfresh[i]!;
      if (corr[v] === NEW) corr[v] = ACTIVE;
    }
    this.freshLength = 0;
    this.cfreshLength = 0;
  }

  // ---- people come and go --------------------------------------------------------

  /** v leaves (before the layer marks them GONE): a believer no longer counts; their pending reports and broadcasts are lost. */
  onRemove(ctx: Context, v: number, k: number, item: ItemSpec): void {
    const s = ctx.state;
    if (!item.truth) {
      const belief = s.u8(itemKey(k).belief);
      if (belief[v] === BELIEF.BELIEVER && s.u8(itemKey(k).state)[v] !== GONE) s.scalars[itemKey(k).believers]!--;
      s.u8(itemKey(k).corr)[v] = GONE;
    }
    if (this.official) {
      s.u8(itemKey(k).report)[v] = 0;
      s.i32(itemKey(k).upq)[v] = 0;
      s.i32(itemKey(k).downq)[v] = 0;
    }
  }

  /** People were hired: item k's arrays grow, newcomers unaware. */
  onGrow(ctx: Context, k: number, item: ItemSpec, n: number): void {
    const names = [
      ...(item.truth ? [] : [itemKey(k).belief, itemKey(k).corr]),
      ...(this.official ? [itemKey(k).heard, itemKey(k).sent, itemKey(k).report, itemKey(k).upq, itemKey(k).downq] : []),
    ];
    for (const name of names) {
      const old = ctx.state.arrays[name];
      if (!old) continue;
      const next = new (old.constructor as { new (n: number): typeof old })(n);
      next.set(old as never);
      ctx.state.set(name, next);
    }
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2 + 16);
  b.set(a);
  return b;
}

/** Alive people who believe at least one false item (the `misinformed` series). */
export function misinformedCount(ctx: Context, items: readonly ItemSpec[]): number {
  const s = ctx.state.scalars;
  let only = -1, count = 0;
  for (let k = 0; k < items.length; k++) {
    if (items[k]!.truth || !s[itemKey(k).seeded]) continue;
    only = k;
    count++;
  }
  if (count === 0) return 0;
  if (count === 1) return s[itemKey(only).believers]!;
  // Several false items: count people, not person-items (one person may believe two rumours).
  const alive = ctx.state.u8('alive');
  const beliefs: Uint8Array[] = [];
  for (let k = 0; k < items.length; k++) if (!items[k]!.truth && s[itemKey(k).seeded]) beliefs.push(ctx.state.u8(itemKey(k).belief));
  let people = 0;
  for (let v = 0; v < ctx.n; v++) {
    if (!alive[v]) continue;
    for (const b of beliefs) if (b[v] === BELIEF.BELIEVER) { people++; break; }
  }
  return people;
}

/**
 * `misinformationClearedTick`: the first tick, from the seeding of the first
 * false item on, at whose end no alive person believes a false item; null if
 * none (or no false item was seeded).
 */
export function misinformationClearedTick(items: readonly ItemSpec[], series: SeriesStore): number | null {
  let first = Infinity;
  for (const it of items) if (!it.truth && it.at < first) first = it.at;
  const m = series.values['misinformed'];
  if (!m || first === Infinity) return null;
  for (let t = first; t < series.length; t++) if (m[t] === 0) return t;
  return null;
}
