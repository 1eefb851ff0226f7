// Calls for a leader and their forwarding (MODEL.md §5). A situation's origin
// leads it if it may (volunteering.ts); otherwise it *calls* `fanout` neighbours
// drawn ∝ trust. A receiver who has seen the call drops it; one who may lead
// does; the others forward it (TTL − 1). An origin that has heard no claim
// `recall` ticks after its call calls again; after a failure it calls again at
// once, saying "open again" (see protocol.ts: the origin owns its situation).
import type { Context } from '../../context.ts';
import { SIT_ORIGIN } from '../../situation-state.ts';
import { lead } from './claims.ts';
import { MEM } from './memory.ts';
import { P2P_MSG } from './messages.ts';
import type { Peers } from './peers.ts';
import { queueFront, queuePop, queuePush } from './queue.ts';
import { FRESH, FRESH_LENGTH, P2P_COUNT, RECALLS, STAMPS } from './state.ts';
import { canLead, live } from './volunteering.ts';

// A call's b field: stamp · 2048 + reopen · 1024 + ttl (ttl ≤ 1000 by the schema).
const TTL_MASK = 1023;
const REOPEN_BIT = 1024;
const STAMP_UNIT = 2048;
/** Calls per situation at most (the stamp must fit the 31-bit field); unreachable in practice. */
const MAX_STAMP = (1 << 20) - 1;

/**
 * A situation arrived (Environment phase). Messages sent now would be delivered in
 * this tick's Delivery phase, so the origin acts on it in the Work phase (after
 * reading its inbox): it waits in `p2p.fresh` until then.
 */
export function noteArrival(ctx: Context, sit: number): void {
  const s = ctx.state;
  let stamps = s.get(STAMPS);
  if (sit >= stamps.length) {
    const next = new Int32Array(Math.max(sit + 1, stamps.length * 2));
    next.set(stamps);
    stamps = s.put(STAMPS, next);
  }
  let fresh = s.get(FRESH);
  const len = s.vals[FRESH_LENGTH.id]!;
  if (len === fresh.length) {
    const next = new Int32Array(fresh.length * 2);
    next.set(fresh);
    fresh = s.put(FRESH, next);
  }
  fresh[len] = sit;
  s.vals[FRESH_LENGTH.id] = len + 1;
}

/** Work phase: re-calls due now (queued in due order, oldest situations first), then this tick's arrivals. */
export function originsAct(ctx: Context, p: Peers, t: number): void {
  const s = ctx.state;
  const alive = p.alive;
  const mem = p.mem;
  for (;;) {
    const f = queueFront(s, RECALLS);
    if (f < 0) break;
    const q = s.get(RECALLS.ring);
    if (q[f + 3]! > t) break;
    const sit = q[f]!, caller = q[f + 1]!, stamp = q[f + 2]!;
    queuePop(s, RECALLS);
    if (alive[caller] === 0) continue;
    const e = mem.find(caller, sit);
    // Still v's own call, and v has heard of no leader since: call again.
    if (e < 0 || mem.call[e] !== stamp || (mem.flags[e]! & MEM.OWN) === 0) continue;
    if ((mem.flags[e]! & (MEM.CLAIMED | MEM.RESOLVED)) !== 0) {
      mem.flags[e]! &= ~MEM.OWN;
      continue;
    }
    s.vals[P2P_COUNT.recalls.id]!++;
    // The origin may now lead it itself (θ_eff has fallen, or it is free).
    originActs(ctx, p, caller, sit, e, t);
  }
  // Situations that arrived this tick: their origins act.
  const fresh = s.get(FRESH);
  const len = s.vals[FRESH_LENGTH.id]!;
  const origin = s.get(SIT_ORIGIN);
  for (let i = 0; i < len; i++) {
    const sit = fresh[i]!;
    const o = origin[sit]!;
    if (alive[o] === 0) continue;
    const e = mem.slot(o, sit);
    mem.flags[e]! |= MEM.ORIGIN;
    originActs(ctx, p, o, sit, e, t);
  }
  s.vals[FRESH_LENGTH.id] = 0;
}

/** The origin's turn (arrival or re-call): lead it if free and skilled enough, else call. */
function originActs(ctx: Context, p: Peers, o: number, sit: number, e: number, t: number): void {
  if (live(p, sit, t) && (p.mem.flags[e]! & MEM.FAILED) === 0 && canLead(p, o, sit, t)) {
    p.mem.flags[e]! &= ~MEM.OWN;
    ctx.state.vals[P2P_COUNT.selfLeads.id]!++;
    lead(ctx, p, o, sit, e);
    return;
  }
  call(ctx, p, o, sit, e, t);
}

/** The origin calls again after a failure: the call says "open again" (stale claims are void). */
export function reopen(ctx: Context, p: Peers, o: number, sit: number, e: number): void {
  p.mem.flags[e]! |= MEM.REOPEN;
  ctx.state.vals[P2P_COUNT.reopens.id]!++;
  originActs(ctx, p, o, sit, e, ctx.tick);
}

/** Origin v calls for a leader: a new call (fresh stamp) to `fanout` neighbours ∝ trust; re-call scheduled. */
function call(ctx: Context, p: Peers, v: number, sit: number, e: number, t: number): void {
  const mem = p.mem;
  // Delivered at t + 1: pointless when nobody could finish from then on.
  if (!live(p, sit, t + 1) || p.stamps[sit]! >= MAX_STAMP) {
    mem.flags[e]! &= ~MEM.OWN;
    return;
  }
  const stamp = ++p.stamps[sit]!;
  mem.call[e] = stamp;
  mem.from[e] = -1;
  mem.flags[e] = (mem.flags[e]! & (MEM.RESOLVED | MEM.REOPEN | MEM.ORIGIN | MEM.FAILED)) | MEM.OWN;
  const b = stamp * STAMP_UNIT + ((mem.flags[e]! & MEM.REOPEN) !== 0 ? REOPEN_BIT : 0) + p.ttl;
  const k = p.contacts.draw(ctx.informal, p.alive, ctx.streams.protocol, v, -1, p.fanout);
  const out = p.contacts.out;
  for (let i = 0; i < k; i++) ctx.messages.send(v, out[i]!, P2P_MSG.CALL, sit, b);
  p.sitMessages[sit]! += k;
  queuePush(ctx.state, RECALLS, sit, v, stamp, t + p.recall);
  ctx.state.vals[P2P_COUNT.calls.id]!++;
}

/** v reads a call from `from`: drops it if seen, leads if it may, else forwards it (TTL − 1). */
export function readCall(ctx: Context, p: Peers, v: number, from: number, sit: number, b: number): void {
  const mem = p.mem;
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
  if (!live(p, sit, t)) return;
  if ((mem.flags[e]! & MEM.FAILED) === 0 && canLead(p, v, sit, t)) {
    lead(ctx, p, v, sit, e);
    return;
  }
  const ttl = b & TTL_MASK;
  if (ttl > 0 && live(p, sit, t + 1)) {
    const nb = b - 1; // same stamp and reopen bit, TTL − 1
    const k = p.contacts.draw(ctx.informal, p.alive, ctx.streams.protocol, v, from, p.fanout);
    const out = p.contacts.out;
    for (let i = 0; i < k; i++) ctx.messages.send(v, out[i]!, P2P_MSG.CALL, sit, nb);
    p.sitMessages[sit]! += k;
    mem.flags[e]! |= MEM.FORWARDED;
    ctx.state.vals[P2P_COUNT.forwards.id]! += k;
  }
}
