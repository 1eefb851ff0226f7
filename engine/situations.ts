// Situations (MODEL.md §4): problems and opportunities arriving from the
// environment, and the work of resolving them. Shared by every protocol that
// handles situations (client-server, p2p, steward); the protocols decide who
// leads, this module does the rest: arrivals, attempts and their outcomes,
// deadlines, and the records and metrics of §8.
//
// Storage is structure-of-arrays in the state record: one row per situation
// (`sit.*`, growable) and one per attempt at resolving one (`att.*`, a pool
// with a free list). An attempt is one leader (with an optional team) working
// `workTicks`; it ends in success (resolved) or failure (open again until the
// deadline).
import type { Context } from './context.ts';
import type { State } from './state.ts';

export const SIT = { OPEN: 0, RESOLVED: 1, MISSED: 2 } as const;

const SIT_ARRAYS: [string, 'i32' | 'f32' | 'u8'][] = [
  ['sit.arrival', 'i32'], ['sit.domain', 'u8'], ['sit.difficulty', 'f32'], ['sit.origin', 'i32'], ['sit.deadline', 'i32'],
  ['sit.status', 'u8'], ['sit.leader', 'i32'], ['sit.decision', 'i32'], ['sit.resolution', 'i32'], ['sit.messages', 'i32'],
  ['sit.duplicates', 'i32'], ['sit.attempts', 'i32'], ['sit.failed', 'i32'], ['sit.active', 'i32'], ['sit.quality', 'f32'],
  ['sit.resolver', 'i32'],
];
const ATT_ARRAYS: [string, 'i32' | 'f32'][] = [
  ['att.sit', 'i32'], ['att.leader', 'i32'], ['att.skill', 'f32'], ['att.left', 'i32'], ['att.next', 'i32'],
];
/** Recruits per attempt at most (team: true); their ids live in `att.team`, TEAM_MAX per attempt. */
export const TEAM_MAX = 4;

function make(kind: 'i32' | 'f32' | 'u8', n: number) {
  return kind === 'i32' ? new Int32Array(n) : kind === 'f32' ? new Float32Array(n) : new Uint8Array(n);
}

/** Allocates the situation and attempt tables and the per-person work counters. */
export function initSituations(ctx: Context): void {
  const s = ctx.state;
  for (const [name, kind] of SIT_ARRAYS) s.set(name, make(kind, 256));
  for (const [name, kind] of ATT_ARRAYS) s.set(name, make(kind, 64));
  s.set('att.team', new Int32Array(64 * TEAM_MAX).fill(-1));
  s.set('open', new Int32Array(256)); // ids of open situations, in arrival order
  s.set('attempts.live', new Int32Array(64)); // live attempt slots, in creation order
  s.scalars['sit.count'] = 0;
  s.scalars['open.length'] = 0;
  s.scalars['att.used'] = 0;
  s.scalars['att.free'] = -1;
  s.scalars['attempts.length'] = 0;
  for (const k of ['arrived', 'resolved', 'missed', 'failed', 'latencySum', 'resolvedCum', 'missedCum', 'failedCum', 'duplicatesCum']) s.scalars[`tick.${k}`] = 0;
  s.scalars['situations.resolvedCum'] = 0;
  s.scalars['situations.missedCum'] = 0;
  s.scalars['situations.failedCum'] = 0;
  s.scalars['situations.duplicatesCum'] = 0;
  // Per person: situations being worked on, times led, times taken part in.
  ctx.registerPersonArray('busy', 1, 0);
  ctx.registerPersonArray('led', 1, 0);
  ctx.registerPersonArray('leading', 1, 0);
  s.set('busy', new Int32Array(ctx.n));
  s.set('led', new Int32Array(ctx.n));
  s.set('leading', new Int32Array(ctx.n));
}

function growRows(state: State, names: [string, string][], need: number): void {
  const cur = state.arrays[names[0]![0]]!.length;
  if (need <= cur) return;
  const cap = Math.max(need, cur * 2);
  for (const [name, kind] of names) {
    const next = make(kind as 'i32', cap);
    next.set(state.arrays[name] as Int32Array);
    state.set(name, next);
  }
}

function growList(state: State, name: string, need: number): Int32Array {
  const a = state.i32(name);
  if (need <= a.length) return a;
  const next = new Int32Array(Math.max(need, a.length * 2));
  next.set(a);
  return state.set(name, next);
}

/** The current arrival rate and domain weights (environment-shift ramps them). */
export interface EnvironmentNow {
  rate: number;
  weights: Float64Array;
}

/** The rate and weights at tick t, with shifts ramped linearly over their `over` ticks. */
const SHIFT_KEYS: { at: string; over: string; rate: string; weights: string }[] = [];
/** The state names of environment shift i (built once: no string building per tick). */
function shiftKeys(i: number) {
  return (SHIFT_KEYS[i] ??= { at: `env.shift.${i}.at`, over: `env.shift.${i}.over`, rate: `env.shift.${i}.rate`, weights: `env.shift.${i}.weights` });
}

export function environmentAt(ctx: Context, t: number): EnvironmentNow {
  const env = ctx.scenario.environment;
  const D = ctx.scenario.population.domains;
  let rate = env.rate;
  // One weights buffer per simulation, rewritten each tick (no allocation per tick);
  // the result is read at once by arrivals and never kept.
  let weights = ctx.cache['env.weights'] as Float64Array | undefined;
  if (weights === undefined || weights.length !== D) ctx.cache['env.weights'] = weights = new Float64Array(D);
  for (let d = 0; d < D; d++) weights[d] = env.domainWeights?.[d] ?? 1;
  const shifts = ctx.state.scalars['env.shifts'] ?? 0;
  for (let i = 0; i < shifts; i++) {
    const keys = shiftKeys(i);
    const at = ctx.state.scalars[keys.at]!;
    const over = ctx.state.scalars[keys.over]!;
    const f = over <= 0 ? 1 : Math.min(1, (t - at + 1) / (over + 1));
    if (t < at) continue;
    const r = ctx.state.scalars[keys.rate];
    if (r !== undefined && !Number.isNaN(r)) rate = rate + (r - rate) * f;
    if (ctx.state.has(keys.weights)) {
      const w = ctx.state.f64(keys.weights);
      for (let d = 0; d < D; d++) weights[d] = weights[d]! + (w[d]! - weights[d]!) * f;
    }
  }
  return { rate, weights };
}

/** Phase 2: Poisson(rate) new situations (environment stream), handed to the protocol. */
export function arrivals(ctx: Context, t: number, extra = 0): void {
  const { rate, weights } = environmentAt(ctx, t);
  const rng = ctx.streams.environment;
  const count = rng.poisson(rate) + extra;
  for (let i = 0; i < count; i++) {
    const id = newSituation(ctx, t, weights);
    if (id >= 0) ctx.protocol.onArrival?.(ctx, id);
  }
}

/** One situation: domain, difficulty, origin, deadline; −1 when nobody is left to notice it. */
export function newSituation(ctx: Context, t: number, weights: Float64Array): number {
  const env = ctx.scenario.environment;
  const rng = ctx.streams.environment;
  const state = ctx.state;
  // Draw every number first, in a fixed order, so the stream stays aligned across variants.
  let total = 0;
  for (let d = 0; d < weights.length; d++) total += weights[d]!;
  let x = rng.float() * total;
  let domain = 0;
  while (domain < weights.length - 1 && x >= weights[domain]!) { x -= weights[domain]!; domain++; }
  const h = env.difficulty.min + (env.difficulty.max - env.difficulty.min) * rng.float();
  const origin = drawOrigin(ctx, rng.float());
  if (origin < 0) return -1;
  const id = state.scalars['sit.count']!;
  growRows(state, SIT_ARRAYS, id + 1);
  state.i32('sit.arrival')[id] = t;
  state.u8('sit.domain')[id] = domain;
  state.f32('sit.difficulty')[id] = h;
  state.i32('sit.origin')[id] = origin;
  state.i32('sit.deadline')[id] = t + env.deadline;
  state.u8('sit.status')[id] = SIT.OPEN;
  state.i32('sit.leader')[id] = -1;
  state.i32('sit.decision')[id] = -1;
  state.i32('sit.resolution')[id] = -1;
  state.i32('sit.resolver')[id] = -1;
  state.scalars['sit.count'] = id + 1;
  const len = state.scalars['open.length']!;
  growList(state, 'open', len + 1)[len] = id;
  state.scalars['open.length'] = len + 1;
  state.scalars['tick.arrived']!++;
  return id;
}

/**
 * The origin: uniform over the alive (`uniform`), or over alive people with no
 * alive reports (`leaves`). One uniform draw u picks the ⌊u·k⌋-th eligible person
 * in id order, so the stream advances by the same amount whoever is eligible.
 */
function drawOrigin(ctx: Context, u: number): number {
  const alive = ctx.state.u8('alive');
  const n = ctx.n;
  const aliveCount = ctx.state.scalars['aliveCount']!;
  if (aliveCount <= 0) return -1;
  if (ctx.scenario.environment.origin === 'leaves' && ctx.state.scalars['formal.root']! >= 0) {
    const leaves = leafList(ctx);
    if (leaves.length > 0) return leaves[Math.floor(u * leaves.length)]!;
  }
  let k = Math.floor(u * aliveCount);
  if (aliveCount === n) return k;
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    if (k === 0) return i;
    k--;
  }
  return -1;
}

// Leaves change only with removals, hires and succession: cached until one of those happens.
function leafList(ctx: Context): Int32Array {
  const key = `${ctx.n}/${ctx.state.scalars['aliveCount']}/${ctx.state.scalars['formal.version'] ?? 0}`;
  const cached = ctx.cache['leaves'] as { key: string; list: Int32Array } | undefined;
  if (cached && cached.key === key) return cached.list;
  const alive = ctx.state.u8('alive');
  const parent = ctx.state.i32('formal.parent');
  const hasReport = new Uint8Array(ctx.n);
  for (let i = 0; i < ctx.n; i++) if (alive[i] && parent[i]! >= 0) hasReport[parent[i]!] = 1;
  const out: number[] = [];
  for (let i = 0; i < ctx.n; i++) if (alive[i] && !hasReport[i]) out.push(i);
  const list = Int32Array.from(out);
  ctx.cache['leaves'] = { key, list };
  return list;
}

/** Skill of person v in domain d. */
export function skillOf(state: State, D: number, v: number, d: number): number {
  return state.f32('skill')[v * D + d]!;
}

/** True when v can take on one more situation. */
export function isFree(ctx: Context, v: number): boolean {
  return ctx.state.i32('busy')[v]! < ctx.scenario.population.concurrent;
}

/**
 * Starts an attempt: `leader` (with `team`, a person or −1) works on `sit`
 * for workTicks. Records the decision the first time. Returns the attempt slot.
 */
export function startAttempt(ctx: Context, sit: number, leader: number, team: number[] | null): number {
  const state = ctx.state;
  const D = ctx.scenario.population.domains;
  const domain = state.u8('sit.domain')[sit]!;
  if (team && team.length > TEAM_MAX) team = team.slice(0, TEAM_MAX);
  let q = skillOf(state, D, leader, domain);
  if (team) for (const m of team) q = Math.max(q, skillOf(state, D, m, domain));
  let slot = state.scalars['att.free']!;
  if (slot >= 0) state.scalars['att.free'] = state.i32('att.next')[slot]!;
  else {
    slot = state.scalars['att.used']!;
    growRows(state, ATT_ARRAYS, slot + 1);
    const teamArr = state.i32('att.team');
    if (teamArr.length < state.i32('att.sit').length * TEAM_MAX) {
      const next = new Int32Array(state.i32('att.sit').length * TEAM_MAX).fill(-1);
      next.set(teamArr);
      state.set('att.team', next);
    }
    state.scalars['att.used'] = slot + 1;
  }
  state.i32('att.sit')[slot] = sit;
  state.i32('att.leader')[slot] = leader;
  state.f32('att.skill')[slot] = q;
  state.i32('att.left')[slot] = ctx.scenario.environment.workTicks;
  const teamArr = state.i32('att.team');
  for (let j = 0; j < TEAM_MAX; j++) teamArr[slot * TEAM_MAX + j] = team && j < team.length ? team[j]! : -1;
  const busy = state.i32('busy');
  busy[leader]!++;
  state.i32('led')[leader]!++;
  state.i32('leading')[leader]!++;
  if (team) for (const m of team) busy[m]!++;
  engage(ctx, leader);
  if (team) for (const m of team) engage(ctx, m);
  if (state.i32('sit.leader')[sit] === -1) {
    state.i32('sit.leader')[sit] = leader;
    state.i32('sit.decision')[sit] = ctx.tick;
  }
  state.i32('sit.attempts')[sit]!++;
  const active = ++state.i32('sit.active')[sit]!;
  // Two leaders working on one situation at once: a duplicate (MODEL.md §5).
  if (active > 1) {
    state.i32('sit.duplicates')[sit]!++;
    state.scalars['situations.duplicatesCum']!++;
  }
  const len = state.scalars['attempts.length']!;
  growList(state, 'attempts.live', len + 1)[len] = slot;
  state.scalars['attempts.length'] = len + 1;
  return slot;
}

function engage(ctx: Context, v: number): void {
  const pop = ctx.scenario.population;
  if (!pop.engagementDynamics) return;
  const e = ctx.state.f32('engagement');
  e[v] = Math.min(1, e[v]! + pop.engagementGain);
}

/** Outcome of a finished attempt, for the protocol's feedback. */
export interface Outcome {
  sit: number;
  leader: number;
  /** Slot of the finished attempt: its team is `att.team[slot·TEAM_MAX …]` until the next attempt starts. */
  slot: number;
  success: boolean;
  /** The situation was already resolved by someone else (duplicate work). */
  wasted: boolean;
}

/**
 * Phase 5 (Work): each live attempt progresses one tick; finished ones succeed
 * with probability 1 / (1 + exp(−(q − h) / 0.1)) (protocol stream). Then
 * phase 6 (Deadlines): open situations past their deadline are missed.
 */
const OUTCOME: Outcome = { sit: 0, leader: 0, slot: 0, success: false, wasted: false };

export function workAndDeadlines(ctx: Context, t: number): void {
  const state = ctx.state;
  const rng = ctx.streams.protocol;
  const live = state.i32('attempts.live');
  let len = state.scalars['attempts.length']!;
  let w = 0;
  const alive = state.u8('alive');
  for (let i = 0; i < len; i++) {
    const slot = live[i]!;
    const sit = state.i32('att.sit')[slot]!;
    const leader = state.i32('att.leader')[slot]!;
    const status = state.u8('sit.status')[sit]!;
    // A leader who left, or a situation already missed, ends the attempt without an outcome.
    if (!alive[leader] || status === SIT.MISSED) {
      endAttempt(ctx, slot);
      continue;
    }
    const left = --state.i32('att.left')[slot]!;
    if (left > 0) { live[w++] = slot; continue; }
    const q = state.f32('att.skill')[slot]!;
    const h = state.f32('sit.difficulty')[sit]!;
    const success = rng.float() < 1 / (1 + Math.exp(-(q - h) / 0.1));
    const wasted = status === SIT.RESOLVED;
    if (!wasted) {
      if (success) resolve(ctx, sit, leader, q, t);
      else {
        state.i32('sit.failed')[sit]!++;
        state.scalars['tick.failed']!++;
        state.scalars['situations.failedCum']!++;
      }
    }
    endAttempt(ctx, slot);
    if (ctx.protocol.onOutcome) {
      // One outcome record reused for every attempt (protocols read it during the call only).
      const o = OUTCOME;
      o.sit = sit;
      o.leader = leader;
      o.slot = slot;
      o.success = success;
      o.wasted = wasted;
      ctx.protocol.onOutcome(ctx, o);
    }
  }
  // Keep the live list compact, in creation order (new attempts may have been appended by onOutcome).
  const newLen = state.scalars['attempts.length']!;
  const live2 = state.i32('attempts.live');
  for (let i = len; i < newLen; i++) live2[w++] = live2[i]!;
  state.scalars['attempts.length'] = w;
  len = w;

  // Deadlines.
  const open = state.i32('open');
  const openLen = state.scalars['open.length']!;
  const status = state.u8('sit.status');
  const deadline = state.i32('sit.deadline');
  let o = 0;
  for (let i = 0; i < openLen; i++) {
    const sit = open[i]!;
    if (status[sit] !== SIT.OPEN) continue;
    if (deadline[sit]! <= t) {
      status[sit] = SIT.MISSED;
      state.scalars['tick.missed']!++;
      state.scalars['situations.missedCum']!++;
      ctx.protocol.onMissed?.(ctx, sit);
      continue;
    }
    open[o++] = sit;
  }
  state.scalars['open.length'] = o;
}

function resolve(ctx: Context, sit: number, resolver: number, q: number, t: number): void {
  const state = ctx.state;
  state.u8('sit.status')[sit] = SIT.RESOLVED;
  state.i32('sit.resolution')[sit] = t;
  state.i32('sit.resolver')[sit] = resolver;
  // Quality: the resolver's skill against the best skill alive in the domain now.
  const best = bestSkill(ctx, state.u8('sit.domain')[sit]!);
  state.f32('sit.quality')[sit] = best > 0 ? q / best : 0;
  state.scalars['tick.resolved']!++;
  state.scalars['tick.latencySum']! += t - state.i32('sit.arrival')[sit]!;
  state.scalars['situations.resolvedCum']!++;
}

/** The highest skill among alive people in domain d (cached within a tick; the cache is not state). */
function bestSkill(ctx: Context, d: number): number {
  const D = ctx.scenario.population.domains;
  const aliveCount = ctx.state.scalars['aliveCount']!;
  let c = ctx.cache['bestSkill'] as BestSkillCache | undefined;
  if (c === undefined || c.best.length !== D) ctx.cache['bestSkill'] = c = { tick: -1, aliveCount: -1, best: new Float64Array(D), known: new Uint8Array(D) };
  if (c.tick !== ctx.tick || c.aliveCount !== aliveCount) {
    c.tick = ctx.tick;
    c.aliveCount = aliveCount;
    c.known.fill(0);
  }
  if (c.known[d] === 1) return c.best[d]!;
  const skill = ctx.state.f32('skill');
  const alive = ctx.state.u8('alive');
  let best = 0;
  for (let i = 0; i < ctx.n; i++) if (alive[i] && skill[i * D + d]! > best) best = skill[i * D + d]!;
  c.best[d] = best;
  c.known[d] = 1;
  return best;
}

/** bestSkill's memo: each domain's best skill, valid for one tick and head count. */
interface BestSkillCache {
  tick: number;
  aliveCount: number;
  best: Float64Array;
  known: Uint8Array;
}

function endAttempt(ctx: Context, slot: number): void {
  const state = ctx.state;
  const sit = state.i32('att.sit')[slot]!;
  const leader = state.i32('att.leader')[slot]!;
  const team = state.i32('att.team');
  const busy = state.i32('busy');
  if (busy[leader]! > 0) busy[leader]!--;
  if (state.i32('leading')[leader]! > 0) state.i32('leading')[leader]!--;
  for (let j = 0; j < TEAM_MAX; j++) {
    const m = team[slot * TEAM_MAX + j]!;
    if (m >= 0 && busy[m]! > 0) busy[m]!--;
  }
  if (state.i32('sit.active')[sit]! > 0) state.i32('sit.active')[sit]!--;
  state.i32('att.next')[slot] = state.scalars['att.free']!;
  state.scalars['att.free'] = slot;
}

/** Engagement relaxes toward its initial value by engagementDecay per tick (linear steps). */
export function relaxEngagement(ctx: Context): void {
  const pop = ctx.scenario.population;
  if (!pop.engagementDynamics || pop.engagementDecay === 0) return;
  const e = ctx.state.f32('engagement');
  const e0 = ctx.state.f32('engagement0');
  const step = pop.engagementDecay;
  for (let i = 0; i < ctx.n; i++) {
    const x = e[i]!, x0 = e0[i]!;
    if (x > x0) e[i] = Math.max(x0, x - step);
    else if (x < x0) e[i] = Math.min(x0, x + step);
  }
}
