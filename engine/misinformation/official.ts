// The official channel's traffic (MODEL.md §6), for a protocol that provides one
// (Protocol.officialChannel; client-server's is protocols/client-server/channel.ts):
// reports climb the channel to the server, whose numbered waves come back down.
//
// Choices where MODEL.md is silent (docs/ODD.md):
// - A report is a relay, not an exposure (managers forward it without hearing the
//   rumour from it). A person reports once, on coming to believe (a true item: on
//   hearing it informally, or as a seed), and only if still a believer when
//   acting; a manager forwards at most one report per item between two waves
//   reaching it, and drops a report whose originator had not heard a wave it has
//   (stale).
// - A fresh report reaching the server makes it issue a new wave (the server, who
//   issued the denial, is corrected by it): a believer reached by a wave is
//   corrected with probability acceptOfficial (and then passes the correction on
//   informally); for true items the wave informs, and those it informs do not
//   report back. Waves repeat while new believers report, at one message per tie
//   per wave.
// - In the textbook model the channel moves one hop per tick (received at once,
//   forwarded from the next tick); its contacts count as messages, those with
//   removed people as lost. In the message model a report to a removed manager is
//   sent and lost at delivery: the chain is broken there.
import type { Context } from '../context.ts';
import { BELIEF, INFO, MIS_MSG } from '../codes.ts';
import type { ItemSpec } from '../item-spec.ts';
import { itemHandles } from '../item-keys.ts';
import { ALIVE } from '../people-state.ts';
import type { OfficialChannel } from '../protocols/protocol.ts';
import type { Beliefs } from './beliefs.ts';
import type { ItemViews } from './views.ts';

/** Who reports to whom, inverted: the people reporting to v are list[start[v] … start[v+1]). */
interface Children {
  tick: number;
  n: number;
  start: Int32Array;
  list: Int32Array;
}

export class OfficialRelay {
  // Scratch of the textbook pass: the pending work gathered at its start.
  private pendV = new Int32Array(0);
  private pendRep = new Uint8Array(0);
  private pendUp = new Int32Array(0);
  private pendDown = new Int32Array(0);

  constructor(readonly channel: OfficialChannel) {}

  /**
   * The channel's tree inverted, rebuilt at most once per tick when a broadcast
   * needs it. Not state: it is derived, and `ctx.cache` is cleared on restore.
   */
  private children(ctx: Context): Children {
    const c = ctx.cache['info.children'] as Children | undefined;
    if (c && c.tick === ctx.tick && c.n === ctx.n) return c;
    const n = ctx.n;
    const up = new Int32Array(n);
    this.channel.fillReportsTo(ctx, up, this.channel.server(ctx));
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

  // ---- the textbook model: one hop per tick -------------------------------------

  /** Moves item k's reports and waves one hop (those gathered at the pass's start). */
  instant(ctx: Context, b: Beliefs, k: number, item: ItemSpec, st: Uint8Array, belief: Uint8Array | null, corr: Uint8Array | null): void {
    const n = ctx.n;
    const s = ctx.state;
    const h = itemHandles(k);
    const report = s.get(h.report);
    const upq = s.get(h.upq);
    const downq = s.get(h.downq);
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
    const heard = s.get(h.heard);
    const sent = s.get(h.sent);
    const alive = s.get(ALIVE);
    const server = this.channel.server(ctx);
    for (let i = 0; i < m; i++) {
      const v = this.pendV[i]!;
      if (this.pendRep[i] && (!belief || belief[v] === BELIEF.BELIEVER)) this.upInstant(ctx, b, k, item, v, heard[v]!, server, heard, sent, upq, downq, alive, st, belief, corr);
      if (this.pendUp[i]) this.upInstant(ctx, b, k, item, v, this.pendUp[i]! - 1, server, heard, sent, upq, downq, alive, st, belief, corr);
      const wave = this.pendDown[i]!;
      if (wave) {
        const ch = this.children(ctx);
        for (let a = ch.start[v]!; a < ch.start[v + 1]!; a++) {
          const c = ch.list[a]!;
          b.contacts++;
          if (!alive[c]) { b.wasted++; continue; }
          if (this.receiveOfficial(ctx, b, k, item, c, wave, heard, st, belief, corr)) downq[c] = wave;
        }
      }
    }
  }

  /** v passes a report (its originator had heard `w` waves) to whom it reports, who has it at once. */
  private upInstant(
    ctx: Context, b: Beliefs, k: number, item: ItemSpec, v: number, w: number, server: number,
    heard: Int32Array, sent: Int32Array, upq: Int32Array, downq: Int32Array, alive: Uint8Array,
    st: Uint8Array, belief: Uint8Array | null, corr: Uint8Array | null,
  ): void {
    if (v === server) {
      const wave = this.serverReceives(ctx, b, k, item, v, w, heard, st, belief, corr);
      if (wave) downq[v] = wave;
      return;
    }
    if (!passesUp(v, w, heard, sent)) return;
    const p = this.channel.reportsTo(ctx, v, server);
    if (p < 0) return;
    b.contacts++;
    if (!alive[p]) { b.wasted++; return; }
    if (p === server) {
      const wave = this.serverReceives(ctx, b, k, item, p, w, heard, st, belief, corr);
      if (wave) downq[p] = wave;
    } else if (w + 1 > upq[p]!) upq[p] = w + 1;
  }

  // ---- the message model: one message per hop ------------------------------------

  /** v passes a report (its originator had heard `w` waves) up as a message, or, being the server, broadcasts. */
  upMessage(ctx: Context, b: Beliefs, views: ItemViews, k: number, item: ItemSpec, v: number, w: number): void {
    const heard = views.heard[k]!;
    const server = this.channel.server(ctx);
    if (v === server) {
      const wave = this.serverReceives(ctx, b, k, item, v, w, heard, views.st[k]!, views.belief[k]!, views.corr[k]!);
      if (wave) this.sendDown(ctx, k, v, wave);
      return;
    }
    if (!passesUp(v, w, heard, views.sent[k]!)) return;
    const p = this.channel.reportsTo(ctx, v, server);
    if (p >= 0) ctx.messages.send(v, p, MIS_MSG.REPORT, k, w);
  }

  /** v reads wave `wave` of item k's broadcast: applies it, and passes it down when new to v. */
  officialMessage(ctx: Context, b: Beliefs, views: ItemViews, k: number, item: ItemSpec, v: number, wave: number): void {
    if (this.receiveOfficial(ctx, b, k, item, v, wave, views.heard[k]!, views.st[k]!, views.belief[k]!, views.corr[k]!)) this.sendDown(ctx, k, v, wave);
  }

  /** One message per tie down every branch below v. */
  private sendDown(ctx: Context, k: number, v: number, wave: number): void {
    const ch = this.children(ctx);
    for (let a = ch.start[v]!; a < ch.start[v + 1]!; a++) ctx.messages.send(v, ch.list[a]!, MIS_MSG.OFFICIAL, k, wave);
  }

  // ---- both models -------------------------------------------------------------------

  /**
   * A report reaches the server: unless stale, it issues a new wave (numbered per
   * item across servers) and applies it to itself. Returns the wave, or 0.
   */
  private serverReceives(
    ctx: Context, b: Beliefs, k: number, item: ItemSpec, v: number, w: number,
    heard: Int32Array, st: Uint8Array, belief: Uint8Array | null, corr: Uint8Array | null,
  ): number {
    if (w < heard[v]!) return 0;
    const h = itemHandles(k);
    const wave = ++ctx.state.vals[h.waves.id]!;
    heard[v] = wave;
    if (item.truth) {
      if (st[v] === INFO.UNAWARE) { ctx.state.vals[h.informed.id]!++; b.inform(k, v, st); }
    } else if (belief![v] === BELIEF.BELIEVER) {
      // The server issued the correction: it does not go on believing.
      b.correct(ctx, k, v, st, belief!, corr!, false);
    }
    return wave;
  }

  /** The broadcast's wave reaches v: applies it (once per wave). Returns true when v passes it down. */
  private receiveOfficial(
    ctx: Context, b: Beliefs, k: number, item: ItemSpec, v: number, wave: number,
    heard: Int32Array, st: Uint8Array, belief: Uint8Array | null, corr: Uint8Array | null,
  ): boolean {
    if (wave <= heard[v]!) return false;
    heard[v] = wave;
    if (item.truth) {
      // Official news informs; those it informs do not report it back up.
      if (st[v] === INFO.UNAWARE) { ctx.state.vals[itemHandles(k).informed.id]!++; b.inform(k, v, st); }
    } else if (belief![v] === BELIEF.BELIEVER && ctx.streams.information.float() < b.p.acceptOfficial) {
      b.correct(ctx, k, v, st, belief!, corr!, false);
    }
    return true;
  }
}

/**
 * Whether v forwards a report now. A report is stale (dropped) when its
 * originator had not heard a wave v has heard; and v forwards at most one report
 * per item between two waves reaching it (`sent` = waves heard + 1).
 */
function passesUp(v: number, w: number, heard: Int32Array, sent: Int32Array): boolean {
  if (w < heard[v]!) return false;
  if (sent[v] === heard[v]! + 1) return false;
  sent[v] = heard[v]! + 1;
  return true;
}
