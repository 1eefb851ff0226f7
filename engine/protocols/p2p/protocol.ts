// `p2p` (MODEL.md §5, peer-to-peer, equipotency): whoever is best placed steps up.
//
// A situation's origin leads it if it is skilled (≥ θ) and free; otherwise it
// *calls* `fanout` neighbours drawn ∝ trust. A receiver who has seen the call
// drops it; a free one whose skill reaches θ_eff volunteers and leads; the others
// forward it (TTL − 1). θ_eff falls linearly from θ at arrival to `thresholdMin`
// at the deadline. Leaders announce their claim to their neighbours; an origin
// that has heard no claim `recall` ticks after its call calls again. Two leaders
// who claim before hearing of each other both work (duplicates). Outcomes are
// shared with the leader's neighbours; trust on the ties involved moves with
// them. After a removal, the removed person's neighbours tie to one another
// with probability `repair`, `repairDelay` ticks later.
//
// The origin owns its situation (a choice where MODEL.md is silent, see
// docs/ODD.md): claims and outcomes travel back to it along the call's path
// (each forwarder relays them once), and it is the origin who calls again after
// a failure — only for a failure of its latest call, and only while it has not
// heard of a success. A failed leader that called again itself would restart
// the search for every duplicate that fails on a situation already resolved
// elsewhere (it cannot know), a near-critical cascade of waves.
//
// People decide from their inbox and their memory only (p2p-memory.ts); the
// situation table is read for a situation's description (domain, arrival,
// deadline — what a call says), never for who leads it or whether it is done.
// Everything is in the state record under `p2p.*`.
import type { Context } from '../../context.ts';
import { arcIndex, hasTie, setTrust, type Graph } from '../../graph/csr.ts';
import { startAttempt, TEAM_MAX, type Outcome } from '../../situations.ts';
import type { Protocol } from '../protocol.ts';
import { ContactDraw } from './contacts.ts';
import { MEM, Memory, initMemory } from './memory.ts';
import { queueFront, queueInit, queuePop, queuePush } from './queue.ts';
import { insertTies } from './ties.ts';

/** Message kinds of the peer protocols (32–63). `a` is always the situation. */
export const P2P_MSG = {
  /** A call for a leader; b packs the call's stamp, TTL and "open again" bit. */
  CALL: 32,
  /** "I lead it": a leader to its neighbours, and relayed back along the call's path. */
  CLAIM: 33,
  /** A leader recruits a free neighbour into its team. */
  RECRUIT: 34,
  /**
   * An outcome shared with the leader's neighbours, and relayed back along the
   * call's path; b = (stamp of the call answered + 1) · 2 + (1 success | 0 failure).
   */
  OUTCOME: 35,
} as const;

/** Re-calls waiting: (situation, caller, call stamp, due tick). */
const RECALLS = 'p2p.recalls';
/** Repair ties waiting: (neighbour, other former neighbour, due tick). */
const REPAIRS = 'p2p.repairs';

// A call's b field: stamp · 2048 + reopen · 1024 + ttl (ttl ≤ 1000 by the schema).
const TTL_MASK = 1023;
const REOPEN_BIT = 1024;
const STAMP_UNIT = 2048;
/** Calls per situation at most (the stamp must fit the 31-bit field); unreachable in practice. */
const MAX_STAMP = (1 << 20) - 1;

export class P2PProtocol implements Protocol {
  readonly kind: string = 'p2p';
  readonly actsPerPerson: boolean = false;
  readonly handlesSituations = true;

  protected mem = new Memory();
  protected contacts = new ContactDraw();
  private team: number[] = [];
  // Pending new ties of this tick (repairs, stewards'); scratch, empty between ticks.
  protected addSrc: number[] = [];
  protected addDst: number[] = [];

  // Parameters (configuration, read once from the scenario; not state).
  protected theta = 0.6;
  protected thetaMin = 0.2;
  protected fanout = 3;
  protected ttl = 4;
  protected recall = 5;
  protected teamOn = false;
  protected repair = 0.5;
  protected repairDelay = 10;
  protected trustInitial = 0.5;
  protected trustGain = 0.1;
  protected trustLoss = 0.2;
  protected D = 4;
  protected concurrent = 1;
  protected workTicks = 5;

  // Arrays bound for the current phase (replaced on growth and restore: re-bound at every hook).
  protected alive!: Uint8Array;
  protected skill!: Float32Array;
  protected busy!: Int32Array;
  protected sitArrival!: Int32Array;
  protected sitDeadline!: Int32Array;
  protected sitDomain!: Uint8Array;
  protected sitMessages!: Int32Array;
  protected stamps!: Int32Array;

  init(ctx: Context): void {
    const p = ctx.scenario.protocol;
    this.theta = p.threshold;
    this.thetaMin = p.thresholdMin;
    this.fanout = p.fanout;
    this.ttl = p.ttl;
    this.recall = p.recall;
    this.teamOn = p.team;
    this.repair = p.repair;
    this.repairDelay = p.repairDelay;
    this.trustInitial = p.trust.initial;
    this.trustGain = p.trust.gain;
    this.trustLoss = p.trust.loss;
    this.D = ctx.scenario.population.domains;
    this.concurrent = ctx.scenario.population.concurrent;
    this.workTicks = ctx.scenario.environment.workTicks;

    const s = ctx.state;
    initMemory(ctx);
    s.set('p2p.stamps', new Int32Array(256)); // calls made so far per situation (their stamps)
    s.set('p2p.fresh', new Int32Array(64)); // situations arrived this tick, handled in the Work phase
    s.scalars['p2p.fresh.length'] = 0;
    queueInit(s, RECALLS, 4);
    queueInit(s, REPAIRS, 3);
    for (const k of ['calls', 'recalls', 'reopens', 'forwards', 'leads', 'selfLeads', 'repairTies']) s.scalars[`p2p.${k}`] = 0;
    // Every tie starts at trust.initial (MODEL.md §3 default 0.5); the implicit complete graph keeps 0.5.
    if (!ctx.informal.complete) ctx.informal.trust.fill(this.trustInitial);
  }

  protected bind(ctx: Context): void {
    const s = ctx.state;
    this.mem.bind(s);
    this.alive = s.u8('alive');
    this.skill = s.f32('skill');
    this.busy = s.i32('busy');
    this.sitArrival = s.i32('sit.arrival');
    this.sitDeadline = s.i32('sit.deadline');
    this.sitDomain = s.u8('sit.domain');
    this.sitMessages = s.i32('sit.messages');
    this.stamps = s.i32('p2p.stamps');
  }

  // ---------------------------------------------------------------- arrivals and calls

  onArrival(ctx: Context, sit: number): void {
    // Messages sent now would be delivered in this tick's Delivery phase, so the
    // origin acts on the situation in the Work phase (after reading its inbox).
    const s = ctx.state;
    let stamps = s.i32('p2p.stamps');
    if (sit >= stamps.length) {
      const next = new Int32Array(Math.max(sit + 1, stamps.length * 2));
      next.set(stamps);
      stamps = s.set('p2p.stamps', next);
    }
    let fresh = s.i32('p2p.fresh');
    const len = s.scalars['p2p.fresh.length']!;
    if (len === fresh.length) {
      const next = new Int32Array(fresh.length * 2);
      next.set(fresh);
      fresh = s.set('p2p.fresh', next);
    }
    fresh[len] = sit;
    s.scalars['p2p.fresh.length'] = len + 1;
  }

  /** θ_eff: θ at arrival, falling linearly to thresholdMin at the deadline. */
  protected thetaEff(sit: number, t: number): number {
    const a = this.sitArrival[sit]!, d = this.sitDeadline[sit]!;
    const f = d > a ? Math.min(1, Math.max(0, (t - a) / (d - a))) : 1;
    return this.theta - (this.theta - this.thetaMin) * f;
  }

  /**
   * Whether work started at tick t could still finish by the deadline (an attempt
   * started at t ends at t + workTicks − 1). People know the deadline and how long
   * work takes: nobody takes on, calls or forwards a situation that cannot be done
   * in time (a choice where MODEL.md is silent; it keeps hopeless attempts out).
   */
  protected live(sit: number, t: number): boolean {
    return t + this.workTicks - 1 <= this.sitDeadline[sit]!;
  }

  protected canLead(v: number, sit: number, t: number): boolean {
    return this.busy[v]! < this.concurrent && this.skill[v * this.D + this.sitDomain[sit]!]! >= this.thetaEff(sit, t);
  }

  /** The origin's turn (arrival or re-call): lead it if free and skilled enough, else call. */
  protected originActs(ctx: Context, o: number, sit: number, e: number, t: number): void {
    if (this.live(sit, t) && (this.mem.flags[e]! & MEM.FAILED) === 0 && this.canLead(o, sit, t)) {
      this.mem.flags[e]! &= ~MEM.OWN;
      ctx.state.scalars['p2p.selfLeads']!++;
      this.lead(ctx, o, sit, e, t);
      return;
    }
    this.call(ctx, o, sit, e, t);
  }

  /** Origin v calls for a leader: a new call (fresh stamp) to `fanout` neighbours ∝ trust; re-call scheduled. */
  protected call(ctx: Context, v: number, sit: number, e: number, t: number): void {
    const mem = this.mem;
    // Delivered at t + 1: pointless when nobody could finish from then on.
    if (!this.live(sit, t + 1) || this.stamps[sit]! >= MAX_STAMP) {
      mem.flags[e]! &= ~MEM.OWN;
      return;
    }
    const stamp = ++this.stamps[sit]!;
    mem.call[e] = stamp;
    mem.from[e] = -1;
    mem.flags[e] = (mem.flags[e]! & (MEM.RESOLVED | MEM.REOPEN | MEM.ORIGIN | MEM.FAILED)) | MEM.OWN;
    const b = stamp * STAMP_UNIT + ((mem.flags[e]! & MEM.REOPEN) !== 0 ? REOPEN_BIT : 0) + this.ttl;
    const k = this.contacts.draw(ctx.informal, this.alive, ctx.streams.protocol, v, -1, this.fanout);
    const out = this.contacts.out;
    for (let i = 0; i < k; i++) ctx.messages.send(v, out[i]!, P2P_MSG.CALL, sit, b);
    this.sitMessages[sit]! += k;
    queuePush(ctx.state, RECALLS, 4, sit, v, stamp, t + this.recall);
    ctx.state.scalars['p2p.calls']!++;
  }

  /** v takes the lead: starts work (with a team), announces its claim, recruits. */
  protected lead(ctx: Context, v: number, sit: number, e: number, _t: number): void {
    const mem = this.mem;
    mem.flags[e]! |= MEM.CLAIMED | MEM.LEADING;
    const team = this.teamOn ? this.recruit(ctx, v, sit) : null;
    startAttempt(ctx, sit, v, team);
    ctx.state.scalars['p2p.leads']!++;
    // The claim goes to every alive neighbour, and to whoever passed the call on if
    // the tie to them is gone (they wait for it to relay it back to the caller).
    const caller = mem.from[e]!;
    const sent = this.toNeighbours(ctx, v, caller, P2P_MSG.CLAIM, sit, 0);
    this.sitMessages[sit]! += sent;
    if (team) {
      for (let i = 0; i < team.length; i++) ctx.messages.send(v, team[i]!, P2P_MSG.RECRUIT, sit, 0);
      this.sitMessages[sit]! += team.length;
    }
  }

  /**
   * Sends one message to each alive neighbour of v, and to `also` (≥ 0, alive) when
   * it is not a neighbour. On the implicit complete graph everyone is a neighbour:
   * the message goes to `also` and `fanout` people drawn uniformly (telling n − 1
   * people is neither feasible at scale nor what a person does). Returns the count.
   */
  protected toNeighbours(ctx: Context, v: number, also: number, kind: number, a: number, b: number): number {
    const g = ctx.informal;
    const alive = this.alive;
    const msgs = ctx.messages;
    let sent = 0;
    let alsoDone = also < 0 || also === v || alive[also] === 0;
    if (g.complete) {
      const k = this.contacts.draw(g, alive, ctx.streams.protocol, v, also, this.fanout);
      const out = this.contacts.out;
      for (let i = 0; i < k; i++) msgs.send(v, out[i]!, kind, a, b);
      sent = k;
    } else {
      const tg = g.targets;
      for (let x = g.offsets[v]!, end = g.offsets[v + 1]!; x < end; x++) {
        const u = tg[x]!;
        if (alive[u] === 0) continue;
        msgs.send(v, u, kind, a, b);
        sent++;
        if (u === also) alsoDone = true;
      }
    }
    if (!alsoDone) {
      msgs.send(v, also, kind, a, b);
      sent++;
    }
    return sent;
  }

  /**
   * Team members (team: true): v's free alive neighbours more skilled than v in the
   * domain, best first (lowest id on ties), up to TEAM_MAX. Only people who raise
   * the team's skill are asked: with team skill = max, anyone else would be busy
   * for nothing. On the complete graph the candidates are `fanout` people drawn at random.
   */
  private recruit(ctx: Context, v: number, sit: number): number[] | null {
    this.team.length = 0;
    const d = this.sitDomain[sit]!;
    const own = this.skill[v * this.D + d]!;
    const g = ctx.informal;
    if (g.complete) {
      const k = this.contacts.draw(g, this.alive, ctx.streams.protocol, v, -1, this.fanout);
      for (let i = 0; i < k; i++) this.considerRecruit(this.contacts.out[i]!, v, d, own);
    } else {
      for (let x = g.offsets[v]!, end = g.offsets[v + 1]!; x < end; x++) this.considerRecruit(g.targets[x]!, v, d, own);
    }
    return this.team.length > 0 ? this.team : null;
  }

  /** Puts u in the short list of recruits (best first) if it qualifies and ranks. */
  private considerRecruit(u: number, v: number, d: number, own: number): void {
    if (u === v || this.alive[u] === 0 || this.busy[u]! >= this.concurrent) return;
    const skill = this.skill, D = this.D, team = this.team;
    const q = skill[u * D + d]!;
    if (q <= own) return;
    let i = team.length;
    if (i === TEAM_MAX) {
      const last = team[i - 1]!;
      if (!better(q, u, skill[last * D + d]!, last)) return;
      i = TEAM_MAX - 1;
    } else team.push(u);
    while (i > 0 && better(q, u, skill[team[i - 1]! * D + d]!, team[i - 1]!)) {
      team[i] = team[i - 1]!;
      i--;
    }
    team[i] = u;
  }

  // ---------------------------------------------------------------- the Act phase

  beginAct(ctx: Context): void {
    this.bind(ctx);
    this.collectRepairs(ctx, ctx.tick);
    this.collectTies(ctx, ctx.tick);
    this.addTies(ctx);
  }

  onMessage(ctx: Context, v: number, slot: number): void {
    const m = ctx.messages;
    const kind = m.kind[slot]!;
    const from = m.from[slot]!;
    const sit = m.a[slot]!;
    const b = m.b[slot]!;
    if (kind === P2P_MSG.CALL) this.readCall(ctx, v, from, sit, b);
    else if (kind === P2P_MSG.CLAIM) this.readClaim(ctx, v, sit);
    else if (kind === P2P_MSG.OUTCOME) this.readOutcome(ctx, v, sit, b);
    else if (kind === P2P_MSG.RECRUIT) {
      const e = this.mem.slot(v, sit);
      this.mem.flags[e]! |= MEM.CLAIMED;
    }
  }

  private readCall(ctx: Context, v: number, from: number, sit: number, b: number): void {
    const mem = this.mem;
    const t = ctx.tick;
    const stamp = Math.floor(b / STAMP_UNIT);
    let e = mem.find(v, sit);
    if (e >= 0 && mem.call[e]! >= stamp) return; // seen this call (or a newer one): dropped
    if (e < 0) e = mem.slot(v, sit);
    if ((b & REOPEN_BIT) !== 0) mem.flags[e]! &= ~MEM.CLAIMED; // its leader failed: open again
    // v leads it, heard that someone does, or that it is done: no need to step up or pass it on.
    // (The stamp is not taken, so a leader's memory keeps the call it answered.)
    if ((mem.flags[e]! & (MEM.CLAIMED | MEM.RESOLVED | MEM.LEADING)) !== 0) return;
    mem.call[e] = stamp;
    mem.from[e] = from;
    mem.flags[e]! &= ~(MEM.FORWARDED | MEM.RELAYED | MEM.FAIL_RELAYED | MEM.OWN);
    if (!this.live(sit, t)) return;
    if ((mem.flags[e]! & MEM.FAILED) === 0 && this.canLead(v, sit, t)) {
      this.lead(ctx, v, sit, e, t);
      return;
    }
    const ttl = b & TTL_MASK;
    if (ttl > 0 && this.live(sit, t + 1)) {
      const nb = b - 1; // same stamp and reopen bit, TTL − 1
      const k = this.contacts.draw(ctx.informal, this.alive, ctx.streams.protocol, v, from, this.fanout);
      const out = this.contacts.out;
      for (let i = 0; i < k; i++) ctx.messages.send(v, out[i]!, P2P_MSG.CALL, sit, nb);
      this.sitMessages[sit]! += k;
      mem.flags[e]! |= MEM.FORWARDED;
      ctx.state.scalars['p2p.forwards']! += k;
    }
  }

  private readClaim(ctx: Context, v: number, sit: number): void {
    const mem = this.mem;
    const e = mem.slot(v, sit);
    // An origin who hears of a leader stops re-calling.
    mem.flags[e] = (mem.flags[e]! | MEM.CLAIMED) & ~MEM.OWN;
    // Relay it back along the call's path (once per call), so the origin hears of it.
    if ((mem.flags[e]! & (MEM.FORWARDED | MEM.RELAYED)) === MEM.FORWARDED) {
      mem.flags[e]! |= MEM.RELAYED;
      this.relayUp(ctx, v, e, sit, P2P_MSG.CLAIM, 0);
    }
  }

  private readOutcome(ctx: Context, v: number, sit: number, b: number): void {
    const mem = this.mem;
    const e = mem.find(v, sit);
    if (e < 0) return; // never heard of it: nothing to update, nobody to tell
    const f = mem.flags[e]!;
    if ((b & 1) === 1) {
      mem.flags[e] = (f | MEM.RESOLVED) & ~MEM.OWN;
      // News of a success goes up the path once (the first time v hears it).
      if ((f & (MEM.RESOLVED | MEM.FORWARDED)) === MEM.FORWARDED) this.relayUp(ctx, v, e, sit, P2P_MSG.OUTCOME, b);
      return;
    }
    if ((f & MEM.RESOLVED) !== 0) return;
    mem.flags[e] = f & ~MEM.CLAIMED; // its leader failed: it is open again
    const stamp = (b >> 1) - 1;
    if ((f & MEM.ORIGIN) !== 0) {
      // The origin calls again — for a failure of its latest call only: a failure of an
      // older call (a duplicate's) is stale, the search it would start is under way.
      if (stamp === mem.call[e]) this.reopen(ctx, v, sit, e);
    } else if ((f & (MEM.FORWARDED | MEM.FAIL_RELAYED)) === MEM.FORWARDED) {
      mem.flags[e]! |= MEM.FAIL_RELAYED;
      this.relayUp(ctx, v, e, sit, P2P_MSG.OUTCOME, b);
    }
  }

  /** Sends news back to whoever passed v the call (if still there). */
  private relayUp(ctx: Context, v: number, e: number, sit: number, kind: number, b: number): void {
    const up = this.mem.from[e]!;
    if (up < 0 || this.alive[up] === 0) return;
    ctx.messages.send(v, up, kind, sit, b);
    this.sitMessages[sit]!++;
  }

  /** The origin calls again after a failure: the call says "open again" (stale claims are void). */
  private reopen(ctx: Context, o: number, sit: number, e: number): void {
    this.mem.flags[e]! |= MEM.REOPEN;
    ctx.state.scalars['p2p.reopens']!++;
    this.originActs(ctx, o, sit, e, ctx.tick);
  }

  act(_ctx: Context, _v: number): void {}

  // ---------------------------------------------------------------- the Work phase

  work(ctx: Context): void {
    this.bind(ctx);
    const t = ctx.tick;
    const s = ctx.state;
    const alive = this.alive;
    const mem = this.mem;
    // Re-calls due now (they were queued in due order), oldest situations first.
    for (;;) {
      const f = queueFront(s, RECALLS, 4);
      if (f < 0) break;
      const q = s.i32(RECALLS);
      if (q[f + 3]! > t) break;
      const sit = q[f]!, caller = q[f + 1]!, stamp = q[f + 2]!;
      queuePop(s, RECALLS, 4);
      if (alive[caller] === 0) continue;
      const e = mem.find(caller, sit);
      // Still v's own call, and v has heard of no leader since: call again.
      if (e < 0 || mem.call[e] !== stamp || (mem.flags[e]! & MEM.OWN) === 0) continue;
      if ((mem.flags[e]! & (MEM.CLAIMED | MEM.RESOLVED)) !== 0) {
        mem.flags[e]! &= ~MEM.OWN;
        continue;
      }
      s.scalars['p2p.recalls']!++;
      // The origin may now lead it itself (θ_eff has fallen, or it is free).
      this.originActs(ctx, caller, sit, e, t);
    }
    // Situations that arrived this tick: their origins act.
    const fresh = s.i32('p2p.fresh');
    const len = s.scalars['p2p.fresh.length']!;
    const origin = s.i32('sit.origin');
    for (let i = 0; i < len; i++) {
      const sit = fresh[i]!;
      const o = origin[sit]!;
      if (alive[o] === 0) continue;
      const e = mem.slot(o, sit);
      mem.flags[e]! |= MEM.ORIGIN;
      this.originActs(ctx, o, sit, e, t);
    }
    s.scalars['p2p.fresh.length'] = 0;
  }

  onOutcome(ctx: Context, outcome: Outcome): void {
    this.bind(ctx);
    const { sit, leader, slot, success } = outcome;
    const mem = this.mem;
    const g = ctx.informal;
    const e = mem.slot(leader, sit);
    // Relational dynamics: the ties that did the work — leader–team, and the call's
    // last hop (who passed the call to the leader) — gain trust on success, lose it on failure.
    const caller = mem.from[e]!;
    if (caller >= 0) this.adjustTrust(g, leader, caller, success);
    const team = ctx.state.i32('att.team');
    for (let j = 0; j < TEAM_MAX; j++) {
      const u = team[slot * TEAM_MAX + j]!;
      if (u >= 0) this.adjustTrust(g, leader, u, success);
    }
    // Shared with the neighbours at once (one message each), and with the caller, who relays it up.
    const b = (mem.call[e]! + 1) * 2 + (success ? 1 : 0);
    this.sitMessages[sit]! += this.toNeighbours(ctx, leader, caller, P2P_MSG.OUTCOME, sit, b);
    mem.flags[e]! &= ~(MEM.LEADING | MEM.CLAIMED);
    if (success) {
      mem.flags[e] = (mem.flags[e]! | MEM.RESOLVED) & ~MEM.OWN;
      return;
    }
    mem.flags[e]! |= MEM.FAILED;
    // An origin that led its own situation and failed calls again at once (unless it heard it was resolved).
    if ((mem.flags[e]! & (MEM.ORIGIN | MEM.RESOLVED)) === MEM.ORIGIN) this.reopen(ctx, leader, sit, e);
  }

  /** Trust of tie {u, w} ± gain / loss, clamped to [0, 1], on both arcs (no-op when untied or implicit). */
  protected adjustTrust(g: Graph, u: number, w: number, success: boolean): void {
    if (g.complete) return;
    const a = arcIndex(g, u, w);
    if (a < 0) return;
    const x = g.trust[a]! + (success ? this.trustGain : -this.trustLoss);
    setTrust(g, u, w, x < 0 ? 0 : x > 1 ? 1 : x);
  }

  // ---------------------------------------------------------------- removals and repair

  onRemove(ctx: Context, v: number): void {
    const g = ctx.informal;
    // The implicit complete graph stays complete among the alive: nothing to repair.
    if (this.repair <= 0 || g.complete) return;
    const alive = ctx.state.u8('alive');
    const off = g.offsets, tg = g.targets;
    // The removed person's alive neighbours, ascending (scratch reused).
    let m = 0;
    const list = this.scratch(off[v + 1]! - off[v]!);
    for (let x = off[v]!, end = off[v + 1]!; x < end; x++) if (alive[tg[x]!] !== 0) list[m++] = tg[x]!;
    if (m < 2) return;
    const rng = ctx.streams.protocol;
    const due = ctx.tick + this.repairDelay;
    // Each neighbour, with probability `repair`, ties to one other former neighbour: O(degree).
    for (let i = 0; i < m; i++) {
      if (!(rng.float() < this.repair)) continue;
      let j = rng.int(m - 1);
      if (j >= i) j++;
      queuePush(ctx.state, REPAIRS, 3, list[i]!, list[j]!, due);
    }
  }

  private listScratch = new Int32Array(64);
  private scratch(size: number): Int32Array {
    if (this.listScratch.length < size) this.listScratch = new Int32Array(size * 2);
    return this.listScratch;
  }

  /** Repairs due now join this tick's batch of new ties (people who left since are skipped). */
  private collectRepairs(ctx: Context, t: number): void {
    const s = ctx.state;
    const alive = this.alive;
    this.addSrc.length = 0;
    this.addDst.length = 0;
    for (;;) {
      const f = queueFront(s, REPAIRS, 3);
      if (f < 0) break;
      const q = s.i32(REPAIRS);
      if (q[f + 2]! > t) break;
      const u = q[f]!, w = q[f + 1]!;
      queuePop(s, REPAIRS, 3);
      if (alive[u] === 0 || alive[w] === 0) continue;
      this.addSrc.push(u);
      this.addDst.push(w);
    }
    if (this.addSrc.length > 0) s.scalars['p2p.repairTies']! += this.dedupe(ctx, 0);
  }

  /** Hook for subclasses: more new ties for this tick's batch (stewards). */
  protected collectTies(_ctx: Context, _t: number): void {}

  /**
   * Drops ties from `start` on that exist already or repeat one another;
   * returns how many are left from `start`. Sorting keys keeps a mass removal's
   * thousands of repairs O(B log B).
   */
  protected dedupe(ctx: Context, start: number): number {
    const src = this.addSrc, dst = this.addDst;
    const B = src.length - start;
    if (B <= 0) return 0;
    const n = ctx.n;
    const keys = new Float64Array(B);
    for (let i = 0; i < B; i++) {
      const u = src[start + i]!, w = dst[start + i]!;
      keys[i] = u < w ? u * n + w : w * n + u;
    }
    keys.sort();
    const g = ctx.informal;
    let w = start;
    for (let i = 0; i < B; i++) {
      const k = keys[i]!;
      if (i > 0 && keys[i - 1] === k) continue;
      const a = Math.floor(k / n), c = k - a * n;
      if (a === c || hasTie(g, a, c)) continue;
      src[w] = a;
      dst[w] = c;
      w++;
    }
    src.length = w;
    dst.length = w;
    return w - start;
  }

  /** True when {u, w} is among the batch's first `end` ties. */
  protected batched(u: number, w: number, end: number): boolean {
    const src = this.addSrc, dst = this.addDst;
    for (let i = 0; i < end; i++) if ((src[i] === u && dst[i] === w) || (src[i] === w && dst[i] === u)) return true;
    return false;
  }

  /**
   * One rebuild for the whole batch (at most one per tick); new ties get trust.initial.
   * The batch is new, distinct ties (dedupe, stewards' checks), so the graph is
   * rebuilt by merging them in (p2p-ties.ts), equal to rebuildGraph's result.
   */
  private addTies(ctx: Context): void {
    const count = this.addSrc.length;
    if (count === 0) return;
    ctx.setInformal(insertTies(ctx.informal, ctx.n, this.addSrc, this.addDst, this.trustInitial));
    this.addSrc.length = 0;
    this.addDst.length = 0;
  }

  onHire(_ctx: Context, _from: number, _to: number): void {}

  /** Peers notice a missed situation only by its deadline passing (they know it): nothing to do. */
  onMissed(_ctx: Context, _sit: number): void {}

  onTopologyChange(_ctx: Context): void {}

}

function better(q: number, u: number, q2: number, u2: number): boolean {
  return q > q2 || (q === q2 && u < u2);
}
