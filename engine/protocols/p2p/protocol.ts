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
// People decide from their inbox and their memory only (memory.ts); the
// situation table is read for a situation's description (domain, arrival,
// deadline — what a call says), never for who leads it or whether it is done.
// Everything is in the state record under `p2p.*` (state.ts, memory.ts).
//
// This class dispatches the engine's hooks to the parts, each a file: who may
// lead (volunteering.ts), calls and their forwarding (calls.ts), taking the lead
// and claims (claims.ts), outcomes and trust (outcomes.ts), repairs and new ties
// (repairs.ts, ties.ts); they share the parameters and arrays of peers.ts.
import type { Context } from '../../context.ts';
import type { Outcome } from '../../situations.ts';
import type { Protocol } from '../protocol.ts';
import { noteArrival, originsAct, readCall } from './calls.ts';
import { readClaim, readRecruit } from './claims.ts';
import { initMemory } from './memory.ts';
import { P2P_MSG } from './messages.ts';
import { finishAttempt, readOutcome } from './outcomes.ts';
import { Peers } from './peers.ts';
import { queueInit } from './queue.ts';
import { addTies, collectRepairs, scheduleRepairs } from './repairs.ts';
import { FRESH, FRESH_LENGTH, P2P_COUNT, RECALLS, REPAIRS, STAMPS } from './state.ts';

export class P2PProtocol implements Protocol {
  readonly kind: string = 'p2p';
  readonly actsPerPerson: boolean = false;
  readonly handlesSituations = true;

  /** Parameters, arrays bound for the phase, and scratch, shared by the parts. */
  protected readonly peers = new Peers();

  init(ctx: Context): void {
    const p = this.peers;
    p.configure(ctx);
    const s = ctx.state;
    initMemory(ctx);
    s.put(STAMPS, new Int32Array(256));
    s.put(FRESH, new Int32Array(64));
    s.setNum(FRESH_LENGTH, 0);
    queueInit(s, RECALLS);
    queueInit(s, REPAIRS);
    for (const h of Object.values(P2P_COUNT)) s.setNum(h, 0);
    // Every tie starts at trust.initial (MODEL.md §3 default 0.5); the implicit complete graph keeps 0.5.
    if (!ctx.informal.complete) ctx.informal.trust.fill(p.trustInitial);
  }

  onArrival(ctx: Context, sit: number): void {
    noteArrival(ctx, sit);
  }

  beginAct(ctx: Context): void {
    const p = this.peers;
    p.bind(ctx);
    collectRepairs(ctx, p, ctx.tick);
    this.collectTies(ctx, ctx.tick);
    addTies(ctx, p);
  }

  /** Hook for subclasses: more new ties for this tick's batch (stewards). */
  protected collectTies(_ctx: Context, _t: number): void {}

  onMessage(ctx: Context, v: number, slot: number): void {
    const m = ctx.messages;
    const kind = m.kind[slot]!;
    const sit = m.a[slot]!;
    const p = this.peers;
    if (kind === P2P_MSG.CALL) readCall(ctx, p, v, m.from[slot]!, sit, m.b[slot]!);
    else if (kind === P2P_MSG.CLAIM) readClaim(ctx, p, v, sit);
    else if (kind === P2P_MSG.OUTCOME) readOutcome(ctx, p, v, sit, m.b[slot]!);
    else if (kind === P2P_MSG.RECRUIT) readRecruit(p, v, sit);
  }

  act(_ctx: Context, _v: number): void {}

  work(ctx: Context): void {
    this.peers.bind(ctx);
    originsAct(ctx, this.peers, ctx.tick);
  }

  onOutcome(ctx: Context, outcome: Outcome): void {
    this.peers.bind(ctx);
    finishAttempt(ctx, this.peers, outcome);
  }

  onRemove(ctx: Context, v: number): void {
    scheduleRepairs(ctx, this.peers, v);
  }

  onHire(_ctx: Context, _from: number, _to: number): void {}

  /** Peers notice a missed situation only by its deadline passing (they know it): nothing to do. */
  onMissed(_ctx: Context, _sit: number): void {}

  onTopologyChange(_ctx: Context): void {}
}
