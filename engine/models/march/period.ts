// One period of March's model, in the order of the original program as
// Christensen (2015) and Rodan (2005) describe it and Workiewicz (2019)
// reimplements it: turnover, turbulence, individuals act (a zero belief acts by a
// coin flip), individuals socialize (one step toward a non-zero code), and the
// code learns from the superior group — those whose *performance* beats the
// code's knowledge — by adopting the majority of their actions on a dimension
// with probability 1 − (1 − p2)^k, k the majority's margin.
import type { Rng } from '../../rng.ts';
import type { State } from '../../state.ts';
import type { MarchParams } from './params.ts';
import { ACTIONS, BELIEFS, CODE, CODE_SCORE, LEAVE_ORDER, PERFORMANCE, RATE, REALITY, SUPERIOR } from './state.ts';
import { nobodyPulled, socializeByStructure } from './structure.ts';

export interface MarchStreams {
  beliefs: Rng;
  act: Rng;
  socialize: Rng;
  code: Rng;
  turnover: Rng;
  turbulence: Rng;
}

/** A belief −1, 0 or 1 with equal chances. */
export function randomBelief(r: Rng): number {
  return r.int(3) - 1;
}

/** The code's (or a belief vector's) net knowledge: dimensions right minus dimensions wrong. */
export function score(v: Int8Array, at: number, reality: Int8Array): number {
  let s = 0;
  for (let d = 0; d < reality.length; d++) s += v[at + d]! * reality[d]!;
  return s;
}

/** True when the leavers' shock strikes at period t. */
export function leaversAt(p: MarchParams, t: number): boolean {
  const l = p.leavers;
  return l.count > 0 && t >= l.at && t <= l.until && (t - l.at) % l.every === 0;
}

/** `count` people drawn at random (a partial shuffle) leave; newcomers with random beliefs take their places. */
function replaceLeavers(state: State, p: MarchParams, r: MarchStreams): void {
  const { m, n } = p;
  const order = state.get(LEAVE_ORDER), beliefs = state.get(BELIEFS);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let j = 0; j < p.leavers.count; j++) {
    const k = j + r.turnover.int(n - j);
    const who = order[k]!; order[k] = order[j]!; order[j] = who;
    for (let d = 0; d < m; d++) beliefs[who * m + d] = randomBelief(r.beliefs);
  }
}

export function runPeriod(state: State, p: MarchParams, r: MarchStreams, t: number): void {
  const { m, n } = p;
  const reality = state.get(REALITY), beliefs = state.get(BELIEFS), code = state.get(CODE);
  const rate = state.get(RATE), actions = state.get(ACTIONS), performance = state.get(PERFORMANCE);

  if (leaversAt(p, t)) replaceLeavers(state, p, r);
  if (p.p3 > 0) for (let i = 0; i < n; i++) if (r.turnover.chance(p.p3)) for (let d = 0; d < m; d++) beliefs[i * m + d] = randomBelief(r.beliefs);
  if (p.p4 > 0) for (let d = 0; d < m; d++) if (r.turbulence.chance(p.p4)) reality[d] = -reality[d]!;

  for (let i = 0; i < n; i++) {
    let perf = 0;
    for (let d = 0; d < m; d++) {
      const b = beliefs[i * m + d]!;
      const a = b !== 0 ? b : r.act.chance(0.5) ? 1 : -1;
      actions[i * m + d] = a;
      perf += a * reality[d]!;
    }
    performance[i] = perf;
  }

  if (p.structure.kind !== 'code') socializeByStructure(state, p, r.socialize);
  else for (let i = 0; i < n; i++) {
    const p1 = rate[i]!;
    for (let d = 0; d < m; d++) {
      const c = code[d]!;
      const k = i * m + d;
      if (c === 0 || beliefs[k] === c) continue;
      if (r.socialize.chance(p1)) beliefs[k] = beliefs[k]! + c; // one step: −c → 0, 0 → c
    }
  }

  const codeScore = score(code, 0, reality);
  state.setNum(CODE_SCORE, codeScore);
  let superior = 0;
  for (let i = 0; i < n; i++) if (performance[i]! > codeScore) superior++;
  state.setNum(SUPERIOR, superior);
  if (superior === 0) return;
  for (let d = 0; d < m; d++) {
    let plus = 0, minus = 0;
    for (let i = 0; i < n; i++) {
      if (performance[i]! <= codeScore) continue;
      if (actions[i * m + d] === 1) plus++; else minus++;
    }
    if (plus === minus) continue;
    const majority = plus > minus ? 1 : -1;
    if (code[d] === majority) continue;
    const k = Math.abs(plus - minus);
    if (r.code.chance(1 - Math.pow(1 - p.p2, k))) code[d] = majority;
  }
}

/**
 * True when nothing can change any more (without turnover or turbulence): no
 * individual's best possible performance beats the code, and no individual
 * differs from a non-zero code (in chain and peers: from what pulls it). As in the reimplementation, the code's knowledge
 * is the one the period's superior group was judged against (before it learned).
 */
export function atEquilibrium(state: State, p: MarchParams): boolean {
  const { m, n } = p;
  const reality = state.get(REALITY), beliefs = state.get(BELIEFS), code = state.get(CODE);
  const codeScore = state.num(CODE_SCORE);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let d = 0; d < m; d++) { const b = beliefs[i * m + d]!; best += b === 0 ? 1 : b * reality[d]!; }
    if (best > codeScore) return false;
    if (p.structure.kind === 'code') for (let d = 0; d < m; d++) if (code[d] !== 0 && beliefs[i * m + d] !== code[d]) return false;
  }
  return p.structure.kind === 'code' || nobodyPulled(state, p);
}
