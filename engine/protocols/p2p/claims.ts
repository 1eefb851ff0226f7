// Taking the lead (MODEL.md §5): a volunteer (volunteering.ts says who may) starts
// work, with a team when `team` is on, and announces its claim to its neighbours;
// claims travel back along the call's path so the origin stops calling. Two
// leaders who claim before hearing of each other both work (duplicates).
import type { Context } from '../../context.ts';
import { startAttempt } from '../../situations.ts';
import { MEM } from './memory.ts';
import { P2P_MSG, relayUp, toNeighbours } from './messages.ts';
import type { Peers } from './peers.ts';
import { P2P_COUNT } from './state.ts';

/** v takes the lead of `sit` (its memory slot e): starts work (with a team), announces its claim, recruits. */
export function lead(ctx: Context, p: Peers, v: number, sit: number, e: number): void {
  const mem = p.mem;
  mem.flags[e]! |= MEM.CLAIMED | MEM.LEADING;
  const team = p.teamOn ? recruit(ctx, p, v, sit) : null;
  startAttempt(ctx, sit, v, team);
  ctx.state.vals[P2P_COUNT.leads.id]!++;
  // The claim goes to every alive neighbour, and to whoever passed the call on if
  // the tie to them is gone (they wait for it to relay it back to the caller).
  const caller = mem.from[e]!;
  const sent = toNeighbours(ctx, p, v, caller, P2P_MSG.CLAIM, sit, 0);
  p.sitMessages[sit]! += sent;
  if (team) {
    for (let i = 0; i < team.length; i++) ctx.messages.send(v, team[i]!, P2P_MSG.RECRUIT, sit, 0);
    p.sitMessages[sit]! += team.length;
  }
}

/** v reads a claim: it stops re-calling if it is the origin, and relays the claim up the call's path once. */
export function readClaim(ctx: Context, p: Peers, v: number, sit: number): void {
  const mem = p.mem;
  const e = mem.slot(v, sit);
  // An origin who hears of a leader stops re-calling.
  mem.flags[e] = (mem.flags[e]! | MEM.CLAIMED) & ~MEM.OWN;
  // Relay it back along the call's path (once per call), so the origin hears of it.
  if ((mem.flags[e]! & (MEM.FORWARDED | MEM.RELAYED)) === MEM.FORWARDED) {
    mem.flags[e]! |= MEM.RELAYED;
    relayUp(ctx, p, v, e, sit, P2P_MSG.CLAIM, 0);
  }
}

/** v was recruited into a team on `sit`: it knows the situation is led. */
export function readRecruit(p: Peers, v: number, sit: number): void {
  const e = p.mem.slot(v, sit);
  p.mem.flags[e]! |= MEM.CLAIMED;
}

/**
 * Team members (team: true): v's free alive neighbours more skilled than v in the
 * domain, best first (lowest id on ties), up to `teamCap`. Only people who raise
 * the team's skill are asked: with team skill = max, anyone else would be busy
 * for nothing. On the complete graph the candidates are `fanout` people drawn at random.
 */
function recruit(ctx: Context, p: Peers, v: number, sit: number): number[] | null {
  p.team.length = 0;
  const d = p.sitDomain[sit]!;
  const own = p.skill[v * p.D + d]!;
  const g = ctx.informal;
  if (g.complete) {
    const k = p.contacts.draw(g, p.alive, ctx.streams.protocol, v, -1, p.fanout);
    for (let i = 0; i < k; i++) considerRecruit(p, p.contacts.out[i]!, v, d, own);
  } else {
    for (let x = g.offsets[v]!, end = g.offsets[v + 1]!; x < end; x++) considerRecruit(p, g.targets[x]!, v, d, own);
  }
  return p.team.length > 0 ? p.team : null;
}

/** Puts u in the short list of recruits (best first) if it qualifies and ranks. */
function considerRecruit(p: Peers, u: number, v: number, d: number, own: number): void {
  if (u === v || p.alive[u] === 0 || p.busy[u]! >= p.concurrent) return;
  const skill = p.skill, D = p.D, team = p.team;
  const q = skill[u * D + d]!;
  if (q <= own) return;
  let i = team.length;
  if (i === p.teamCap) {
    const last = team[i - 1]!;
    if (!better(q, u, skill[last * D + d]!, last)) return;
    i = p.teamCap - 1;
  } else team.push(u);
  while (i > 0 && better(q, u, skill[team[i - 1]! * D + d]!, team[i - 1]!)) {
    team[i] = team[i - 1]!;
    i--;
  }
  team[i] = u;
}

function better(q: number, u: number, q2: number, u2: number): boolean {
  return q > q2 || (q === q2 && u < u2);
}
