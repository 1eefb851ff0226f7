// Attempts and work (MODEL.md §4, §1 phase 5): the protocols decide who leads;
// this module starts attempts (a leader with an optional team working
// `workTicks`), progresses them each tick, and ends them in success (resolved) or
// failure (open again until the deadline), telling the protocol the outcome.
import type { Context } from './context.ts';
import { engage } from './engagement.ts';
import { ALIVE, ALIVE_COUNT, BUSY, LEADING, LED, SKILL } from './people-state.ts';
import type { State } from './state.ts';
import {
  SIT, teamCap, ATT_ROWS, ATT_SIT, ATT_LEADER, ATT_SKILL, ATT_LEFT, ATT_NEXT, ATT_TEAM, ATT_USED, ATT_FREE,
  ATTEMPTS_LIVE, ATTEMPTS_LENGTH, SIT_DOMAIN, SIT_LEADER, SIT_DECISION, SIT_ATTEMPTS, SIT_ACTIVE, SIT_DUPLICATES,
  SIT_STATUS, SIT_DIFFICULTY, SIT_FAILED, SIT_RESOLUTION, SIT_RESOLVER, SIT_QUALITY, SIT_ARRIVAL,
  DUPLICATES_CUM, FAILED_CUM, RESOLVED_CUM, TICK_FAILED, TICK_RESOLVED, TICK_LATENCY_SUM, growRows, growList,
} from './situation-state.ts';

/** Outcome of a finished attempt, for the protocol's feedback. */
export interface Outcome {
  sit: number;
  leader: number;
  /** Slot of the finished attempt: its team is `att.team[slot·teamCap …]` until the next attempt starts. */
  slot: number;
  success: boolean;
  /** The situation was already resolved by someone else (duplicate work). */
  wasted: boolean;
}

/** Skill of person v in domain d. */
export function skillOf(state: State, D: number, v: number, d: number): number {
  return state.get(SKILL)[v * D + d]!;
}

/** True when v can take on one more situation. */
export function isFree(ctx: Context, v: number): boolean {
  return ctx.state.get(BUSY)[v]! < ctx.scenario.population.concurrent;
}

/**
 * Starts an attempt: `leader` (with `team`, up to teamCap people, or null) works
 * on `sit` for workTicks. Records the decision the first time. Returns the attempt slot.
 */
export function startAttempt(ctx: Context, sit: number, leader: number, team: number[] | null): number {
  const state = ctx.state;
  const D = ctx.scenario.population.domains;
  const domain = state.get(SIT_DOMAIN)[sit]!;
  const TEAM_MAX = teamCap(ctx);
  if (team && team.length > TEAM_MAX) team = team.slice(0, TEAM_MAX);
  let q = skillOf(state, D, leader, domain);
  if (team) for (const m of team) q = Math.max(q, skillOf(state, D, m, domain));
  let slot = state.num(ATT_FREE);
  if (slot >= 0) state.setNum(ATT_FREE, state.get(ATT_NEXT)[slot]!);
  else {
    slot = state.num(ATT_USED);
    growRows(state, ATT_ROWS, slot + 1);
    const rows = state.get(ATT_SIT).length;
    const teamArr = state.get(ATT_TEAM);
    if (teamArr.length < rows * TEAM_MAX) {
      const next = new Int32Array(rows * TEAM_MAX).fill(-1);
      next.set(teamArr);
      state.put(ATT_TEAM, next);
    }
    state.setNum(ATT_USED, slot + 1);
  }
  state.get(ATT_SIT)[slot] = sit;
  state.get(ATT_LEADER)[slot] = leader;
  state.get(ATT_SKILL)[slot] = q;
  state.get(ATT_LEFT)[slot] = ctx.scenario.environment.workTicks;
  const teamArr = state.get(ATT_TEAM);
  for (let j = 0; j < TEAM_MAX; j++) teamArr[slot * TEAM_MAX + j] = team && j < team.length ? team[j]! : -1;
  const busy = state.get(BUSY);
  busy[leader]!++;
  state.get(LED)[leader]!++;
  state.get(LEADING)[leader]!++;
  if (team) for (const m of team) busy[m]!++;
  engage(ctx, leader);
  if (team) for (const m of team) engage(ctx, m);
  const sitLeader = state.get(SIT_LEADER);
  if (sitLeader[sit] === -1) {
    sitLeader[sit] = leader;
    state.get(SIT_DECISION)[sit] = ctx.tick;
  }
  state.get(SIT_ATTEMPTS)[sit]!++;
  const active = ++state.get(SIT_ACTIVE)[sit]!;
  // Two leaders working on one situation at once: a duplicate (MODEL.md §5).
  if (active > 1) {
    state.get(SIT_DUPLICATES)[sit]!++;
    state.vals[DUPLICATES_CUM.id]!++;
  }
  const len = state.num(ATTEMPTS_LENGTH);
  growList(state, ATTEMPTS_LIVE, len + 1)[len] = slot;
  state.setNum(ATTEMPTS_LENGTH, len + 1);
  ctx.v2?.attention?.onStart(ctx, slot);
  return slot;
}

/** One outcome record reused for every attempt (protocols read it during the call only). */
const OUTCOME: Outcome = { sit: 0, leader: 0, slot: 0, success: false, wasted: false };

/**
 * Phase 5 (Work) at tick t: each live attempt progresses one tick; finished ones
 * succeed with probability 1 / (1 + exp(−(q − h) / s)) (protocol stream), s =
 * `population.logisticScale` (0.1, fixed in model 1). Model 2: an attempt
 * progresses only when its leader's work share was reserved this tick.
 */
export function work(ctx: Context, t: number): void {
  const state = ctx.state;
  const rng = ctx.streams.protocol;
  let live = state.get(ATTEMPTS_LIVE);
  const len = state.num(ATTEMPTS_LENGTH);
  let w = 0;
  const alive = state.get(ALIVE);
  const attention = ctx.v2 === null ? null : ctx.v2.attention;
  const scale = ctx.scenario.population.logisticScale;
  for (let i = 0; i < len; i++) {
    const slot = live[i]!;
    // The protocol's outcome handler may start attempts (growing the tables): fetch per attempt.
    const sit = state.get(ATT_SIT)[slot]!;
    const leader = state.get(ATT_LEADER)[slot]!;
    const status = state.get(SIT_STATUS)[sit]!;
    // A leader who left, or a situation already missed, ends the attempt without an outcome.
    if (!alive[leader] || status === SIT.MISSED) {
      endAttempt(ctx, slot);
      continue;
    }
    // Model 2: an attempt whose leader could not reserve its work share this tick does not progress.
    if (attention !== null && !attention.covered(ctx, slot)) { live[w++] = slot; continue; }
    const left = --state.get(ATT_LEFT)[slot]!;
    if (left > 0) { live[w++] = slot; continue; }
    const q = state.get(ATT_SKILL)[slot]!;
    const h = state.get(SIT_DIFFICULTY)[sit]!;
    const success = rng.float() < 1 / (1 + Math.exp(-(q - h) / scale));
    const wasted = status === SIT.RESOLVED;
    if (!wasted) {
      if (success) {
        resolve(ctx, sit, leader, q, t);
        if (ctx.v2 !== null) {
          ctx.v2.value.onResolved(ctx, sit, q, t);
          ctx.v2.attention?.onResolved(ctx, sit, slot);
        }
      }
      else {
        state.get(SIT_FAILED)[sit]!++;
        state.vals[TICK_FAILED.id]!++;
        state.vals[FAILED_CUM.id]!++;
      }
    }
    endAttempt(ctx, slot);
    if (ctx.protocol.onOutcome) {
      const o = OUTCOME;
      o.sit = sit;
      o.leader = leader;
      o.slot = slot;
      o.success = success;
      o.wasted = wasted;
      ctx.protocol.onOutcome(ctx, o);
      // The handler may have started attempts, replacing the live list with a longer
      // copy (its prefix holds what was compacted so far): keep compacting into that.
      live = state.get(ATTEMPTS_LIVE);
    }
  }
  // Keep the live list compact, in creation order (new attempts may have been appended by onOutcome).
  const newLen = state.num(ATTEMPTS_LENGTH);
  const live2 = state.get(ATTEMPTS_LIVE);
  for (let i = len; i < newLen; i++) live2[w++] = live2[i]!;
  state.setNum(ATTEMPTS_LENGTH, w);
}

function resolve(ctx: Context, sit: number, resolver: number, q: number, t: number): void {
  const state = ctx.state;
  state.get(SIT_STATUS)[sit] = SIT.RESOLVED;
  state.get(SIT_RESOLUTION)[sit] = t;
  state.get(SIT_RESOLVER)[sit] = resolver;
  // Quality: the resolver's skill against the best skill alive in the domain now.
  const best = bestSkill(ctx, state.get(SIT_DOMAIN)[sit]!);
  state.get(SIT_QUALITY)[sit] = best > 0 ? q / best : 0;
  const vals = state.vals;
  vals[TICK_RESOLVED.id]!++;
  vals[TICK_LATENCY_SUM.id]! += t - state.get(SIT_ARRIVAL)[sit]!;
  vals[RESOLVED_CUM.id]!++;
}

/** bestSkill's memo: each domain's best skill, valid for one tick and head count. */
interface BestSkillCache {
  tick: number;
  aliveCount: number;
  best: Float64Array;
  known: Uint8Array;
}

/** The highest skill among alive people in domain d (cached within a tick; the cache is not state). */
function bestSkill(ctx: Context, d: number): number {
  const D = ctx.scenario.population.domains;
  const aliveCount = ctx.state.num(ALIVE_COUNT);
  let c = ctx.cache['bestSkill'] as BestSkillCache | undefined;
  if (c === undefined || c.best.length !== D) ctx.cache['bestSkill'] = c = { tick: -1, aliveCount: -1, best: new Float64Array(D), known: new Uint8Array(D) };
  if (c.tick !== ctx.tick || c.aliveCount !== aliveCount) {
    c.tick = ctx.tick;
    c.aliveCount = aliveCount;
    c.known.fill(0);
  }
  if (c.known[d] === 1) return c.best[d]!;
  const skill = ctx.state.get(SKILL);
  const alive = ctx.state.get(ALIVE);
  let best = 0;
  for (let i = 0; i < ctx.n; i++) if (alive[i] && skill[i * D + d]! > best) best = skill[i * D + d]!;
  c.best[d] = best;
  c.known[d] = 1;
  return best;
}

/** Frees an attempt's slot: its leader and team are less busy, its situation has one attempt fewer under way. */
function endAttempt(ctx: Context, slot: number): void {
  const state = ctx.state;
  const sit = state.get(ATT_SIT)[slot]!;
  const leader = state.get(ATT_LEADER)[slot]!;
  const team = state.get(ATT_TEAM);
  const busy = state.get(BUSY);
  const leading = state.get(LEADING);
  const TEAM_MAX = teamCap(ctx);
  if (busy[leader]! > 0) busy[leader]!--;
  if (leading[leader]! > 0) leading[leader]!--;
  for (let j = 0; j < TEAM_MAX; j++) {
    const m = team[slot * TEAM_MAX + j]!;
    if (m >= 0 && busy[m]! > 0) busy[m]!--;
  }
  const active = state.get(SIT_ACTIVE);
  if (active[sit]! > 0) active[sit]!--;
  state.get(ATT_NEXT)[slot] = state.num(ATT_FREE);
  state.setNum(ATT_FREE, slot);
}
