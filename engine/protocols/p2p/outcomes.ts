// Outcomes and trust (MODEL.md §5): a finished attempt's outcome is shared with
// the leader's neighbours and relayed back along the call's path to the origin;
// trust on the ties that did the work moves with it. After a failure the origin
// — only the origin — calls again (calls.ts `reopen`; see protocol.ts for why).
import type { Context } from '../../context.ts';
import { arcIndex, setTrust, type Graph } from '../../graph/csr.ts';
import { ATT_TEAM, teamCap } from '../../situation-state.ts';
import type { Outcome } from '../../situations.ts';
import { reopen } from './calls.ts';
import { MEM } from './memory.ts';
import { P2P_MSG, relayUp, toNeighbours } from './messages.ts';
import type { Peers } from './peers.ts';

/** An attempt finished (Work phase): trust moves, the leader tells its neighbours, an origin that failed calls again. */
export function finishAttempt(ctx: Context, p: Peers, outcome: Outcome): void {
  const { sit, leader, slot, success } = outcome;
  const mem = p.mem;
  const g = ctx.informal;
  const e = mem.slot(leader, sit);
  // Relational dynamics: the ties that did the work — leader–team, and the call's
  // last hop (who passed the call to the leader) — gain trust on success, lose it on failure.
  const caller = mem.from[e]!;
  if (caller >= 0) adjustTrust(p, g, leader, caller, success);
  const team = ctx.state.get(ATT_TEAM);
  const cap = teamCap(ctx);
  for (let j = 0; j < cap; j++) {
    const u = team[slot * cap + j]!;
    if (u >= 0) adjustTrust(p, g, leader, u, success);
  }
  // Shared with the neighbours at once (one message each), and with the caller, who relays it up.
  const b = (mem.call[e]! + 1) * 2 + (success ? 1 : 0);
  p.sitMessages[sit]! += toNeighbours(ctx, p, leader, caller, P2P_MSG.OUTCOME, sit, b);
  mem.flags[e]! &= ~(MEM.LEADING | MEM.CLAIMED);
  if (success) {
    mem.flags[e] = (mem.flags[e]! | MEM.RESOLVED) & ~MEM.OWN;
    return;
  }
  mem.flags[e]! |= MEM.FAILED;
  // An origin that led its own situation and failed calls again at once (unless it heard it was resolved).
  if ((mem.flags[e]! & (MEM.ORIGIN | MEM.RESOLVED)) === MEM.ORIGIN) reopen(ctx, p, leader, sit, e);
}

/** v reads an outcome: news of a success goes up the path once; a failure reopens it (the origin calls again). */
export function readOutcome(ctx: Context, p: Peers, v: number, sit: number, b: number): void {
  const mem = p.mem;
  const e = mem.find(v, sit);
  if (e < 0) return; // never heard of it: nothing to update, nobody to tell
  const f = mem.flags[e]!;
  if ((b & 1) === 1) {
    mem.flags[e] = (f | MEM.RESOLVED) & ~MEM.OWN;
    // News of a success goes up the path once (the first time v hears it).
    if ((f & (MEM.RESOLVED | MEM.FORWARDED)) === MEM.FORWARDED) relayUp(ctx, p, v, e, sit, P2P_MSG.OUTCOME, b);
    return;
  }
  if ((f & MEM.RESOLVED) !== 0) return;
  mem.flags[e] = f & ~MEM.CLAIMED; // its leader failed: it is open again
  const stamp = (b >> 1) - 1;
  if ((f & MEM.ORIGIN) !== 0) {
    // The origin calls again — for a failure of its latest call only: a failure of an
    // older call (a duplicate's) is stale, the search it would start is under way.
    if (stamp === mem.call[e]) reopen(ctx, p, v, sit, e);
  } else if ((f & (MEM.FORWARDED | MEM.FAIL_RELAYED)) === MEM.FORWARDED) {
    mem.flags[e]! |= MEM.FAIL_RELAYED;
    relayUp(ctx, p, v, e, sit, P2P_MSG.OUTCOME, b);
  }
}

/** Trust of tie {u, w} ± gain / loss, clamped to [0, 1], on both arcs (no-op when untied or implicit). */
function adjustTrust(p: Peers, g: Graph, u: number, w: number, success: boolean): void {
  if (g.complete) return;
  const a = arcIndex(g, u, w);
  if (a < 0) return;
  const x = g.trust[a]! + (success ? p.trustGain : -p.trustLoss);
  setTrust(g, u, w, x < 0 ? 0 : x > 1 ? 1 : x);
}
