// Situations arrive (MODEL.md §4, phase 2): Poisson(rate) a tick, each with a
// domain drawn by the domain weights, a difficulty, an origin (who notices it)
// and a deadline, handed to the protocol. Environment shifts ramp the rate and
// the weights linearly over their `over` ticks.
import type { Context } from './context.ts';
import { ENV_SHIFTS, shiftHandles } from './environment-state.ts';
import { FORMAL_PARENT, FORMAL_ROOT, FORMAL_VERSION } from './organization-state.ts';
import { ALIVE, ALIVE_COUNT } from './people-state.ts';
import {
  SIT, SIT_ROWS, SIT_ARRIVAL, SIT_DOMAIN, SIT_DIFFICULTY, SIT_ORIGIN, SIT_DEADLINE, SIT_STATUS, SIT_LEADER, SIT_DECISION,
  SIT_RESOLUTION, SIT_RESOLVER, SIT_COUNT, OPEN, OPEN_LENGTH, TICK_ARRIVED, growRows, growList,
} from './situation-state.ts';

/** The current arrival rate and domain weights (environment-shift ramps them). */
export interface EnvironmentNow {
  rate: number;
  weights: Float64Array;
}

/** The rate and weights at tick t, with shifts ramped linearly over their `over` ticks. */
export function environmentAt(ctx: Context, t: number): EnvironmentNow {
  const env = ctx.scenario.environment;
  const D = ctx.scenario.population.domains;
  const s = ctx.state;
  let rate = env.rate;
  // One weights buffer per simulation, rewritten each tick (no allocation per tick);
  // the result is read at once by arrivals and never kept.
  let weights = ctx.cache['env.weights'] as Float64Array | undefined;
  if (weights === undefined || weights.length !== D) ctx.cache['env.weights'] = weights = new Float64Array(D);
  for (let d = 0; d < D; d++) weights[d] = env.domainWeights?.[d] ?? 1;
  const shifts = s.hasNum(ENV_SHIFTS) ? s.num(ENV_SHIFTS) : 0;
  for (let i = 0; i < shifts; i++) {
    const h = shiftHandles(i);
    const at = s.num(h.at);
    const over = s.num(h.over);
    const f = over <= 0 ? 1 : Math.min(1, (t - at + 1) / (over + 1));
    if (t < at) continue;
    const r = s.num(h.rate);
    if (!Number.isNaN(r)) rate = rate + (r - rate) * f;
    if (s.hasArray(h.weights)) {
      const w = s.get(h.weights);
      for (let d = 0; d < D; d++) weights[d] = weights[d]! + (w[d]! - weights[d]!) * f;
    }
  }
  return { rate, weights };
}

/** Phase 2: Poisson(rate) new situations (environment stream), plus `extra` (a surge), handed to the protocol. */
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
  const id = state.num(SIT_COUNT);
  growRows(state, SIT_ROWS, id + 1);
  state.get(SIT_ARRIVAL)[id] = t;
  state.get(SIT_DOMAIN)[id] = domain;
  state.get(SIT_DIFFICULTY)[id] = h;
  state.get(SIT_ORIGIN)[id] = origin;
  state.get(SIT_DEADLINE)[id] = t + env.deadline;
  state.get(SIT_STATUS)[id] = SIT.OPEN;
  state.get(SIT_LEADER)[id] = -1;
  state.get(SIT_DECISION)[id] = -1;
  state.get(SIT_RESOLUTION)[id] = -1;
  state.get(SIT_RESOLVER)[id] = -1;
  state.setNum(SIT_COUNT, id + 1);
  const len = state.num(OPEN_LENGTH);
  growList(state, OPEN, len + 1)[len] = id;
  state.setNum(OPEN_LENGTH, len + 1);
  state.vals[TICK_ARRIVED.id]!++;
  return id;
}

/**
 * The origin: uniform over the alive (`uniform`), or over alive people with no
 * alive reports (`leaves`). One uniform draw u picks the ⌊u·k⌋-th eligible person
 * in id order, so the stream advances by the same amount whoever is eligible.
 */
function drawOrigin(ctx: Context, u: number): number {
  const alive = ctx.state.get(ALIVE);
  const n = ctx.n;
  const aliveCount = ctx.state.num(ALIVE_COUNT);
  if (aliveCount <= 0) return -1;
  if (ctx.scenario.environment.origin === 'leaves' && ctx.state.num(FORMAL_ROOT) >= 0) {
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
  const s = ctx.state;
  const key = `${ctx.n}/${s.num(ALIVE_COUNT)}/${s.hasNum(FORMAL_VERSION) ? s.num(FORMAL_VERSION) : 0}`;
  const cached = ctx.cache['leaves'] as { key: string; list: Int32Array } | undefined;
  if (cached && cached.key === key) return cached.list;
  const alive = s.get(ALIVE);
  const parent = s.get(FORMAL_PARENT);
  const hasReport = new Uint8Array(ctx.n);
  for (let i = 0; i < ctx.n; i++) if (alive[i] && parent[i]! >= 0) hasReport[parent[i]!] = 1;
  const out: number[] = [];
  for (let i = 0; i < ctx.n; i++) if (alive[i] && !hasReport[i]) out.push(i);
  const list = Int32Array.from(out);
  ctx.cache['leaves'] = { key, list };
  return list;
}
