// The bridge from March's organizational code to the organization model
// (docs/classics.md §2): who each individual learns from. March's own setting
// (`code`) has everyone socialized by the code directly. In `chain` the code is
// the hierarchy's directory at the head (MODEL.md §5): the head is socialized by
// the code and everyone else by their own manager, on the organization model's
// chart (`hierarchy(n, span)`) — the code's beliefs travel down the chain one
// step a period at best. In `peers` there is no teacher: each individual moves
// toward the majority belief of those of its informal ties (the organization
// model's small world) who performed better than it this period — the code's
// own rule, learning from the superior group, applied by each person to its
// neighbours (imitating them regardless of how they do learns nothing about
// reality: `learnFrom: "all"` is that control) — zeros abstaining; the code still
// learns from the superior group, as the organization's record, but teaches no one. Learning is
// synchronous: everyone reads the beliefs the period began with.
import type { Rng } from '../../rng.ts';
import type { State } from '../../state.ts';
import { stateArray } from '../../state-handles.ts';
import { hierarchy } from '../../graph/hierarchy.ts';
import { smallWorld } from '../../graph/small-world.ts';
import type { MarchParams } from './params.ts';
import { BELIEFS, CODE, PERFORMANCE, RATE } from './state.ts';

/** Each individual's manager in `chain` (−1: the head, taught by the code). */
export const TEACHER = stateArray.i32('march.chain.manager');
/** The informal ties of `peers`, as CSR arrays. */
export const TIE_OFFSETS = stateArray.i32('march.peers.offsets');
export const TIE_TARGETS = stateArray.i32('march.peers.targets');
/** The beliefs as the period began (chain and peers learn from these). */
export const BEFORE = stateArray.i8('march.before');

/** Builds the structure's arrays (nothing for March's own `code`). */
export function setupStructure(state: State, p: MarchParams, network: Rng | null): void {
  const s = p.structure;
  if (s.kind === 'code') return;
  state.put(BEFORE, new Int8Array(p.n * p.m));
  if (s.kind === 'chain') { state.put(TEACHER, hierarchy(p.n, s.span).parent.slice()); return; }
  const g = smallWorld(p.n, s.k, s.rewire, network!);
  state.put(TIE_OFFSETS, g.offsets.slice());
  state.put(TIE_TARGETS, g.targets.slice());
}

/** What the pull reads, fetched from the state once a period (the pull runs n·m times). */
interface Sources {
  chain: boolean;
  manager: Int32Array;
  code: Int8Array;
  offsets: Int32Array;
  targets: Int32Array;
  performance: Int32Array;
  /** Peers learn from ties whose performance beats their own; the control ("all") from every tie. */
  better: boolean;
}

const NONE32 = new Int32Array(0);

function sources(state: State, p: MarchParams): Sources {
  const chain = p.structure.kind === 'chain';
  return {
    chain,
    manager: chain ? state.get(TEACHER) : NONE32,
    code: state.get(CODE),
    offsets: chain ? NONE32 : state.get(TIE_OFFSETS),
    targets: chain ? NONE32 : state.get(TIE_TARGETS),
    performance: state.get(PERFORMANCE),
    better: p.structure.learnFrom === 'better',
  };
}

/** The belief individual i is pulled toward on dimension d (0: none), reading `from`. */
function pull(src: Sources, m: number, from: Int8Array, i: number, d: number): number {
  if (src.chain) {
    const boss = src.manager[i]!;
    return boss < 0 ? src.code[d]! : from[boss * m + d]!;
  }
  const { offsets, targets, performance } = src;
  const mine = src.better ? performance[i]! : -Infinity;
  let sum = 0;
  for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
    const j = targets[e]!;
    if (performance[j]! > mine) sum += from[j * m + d]!;
  }
  return sum > 0 ? 1 : sum < 0 ? -1 : 0;
}

/** Socialization in `chain` or `peers`: one step toward the pull, with the individual's rate. */
export function socializeByStructure(state: State, p: MarchParams, r: Rng): void {
  const { m, n } = p;
  const beliefs = state.get(BELIEFS), rate = state.get(RATE);
  const from = state.get(BEFORE), src = sources(state, p);
  from.set(beliefs);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < m; d++) {
      const k = i * m + d;
      const c = pull(src, m, from, i, d);
      if (c === 0 || from[k] === c) continue;
      if (r.chance(rate[i]!)) beliefs[k] = from[k]! + c;
    }
  }
}

/**
 * True when no individual can be pulled away from its belief any more (the
 * socialization half of the equilibrium). Among peers the pull depends on the
 * period's performances, which are random while anyone holds a zero belief: so
 * there an equilibrium also needs every belief non-zero.
 */
export function nobodyPulled(state: State, p: MarchParams): boolean {
  const { m, n } = p;
  const beliefs = state.get(BELIEFS), src = sources(state, p);
  if (p.structure.kind === 'peers') for (let k = 0; k < n * m; k++) if (beliefs[k] === 0) return false;
  for (let i = 0; i < n; i++) for (let d = 0; d < m; d++) {
    const c = pull(src, m, beliefs, i, d);
    if (c !== 0 && beliefs[i * m + d] !== c) return false;
  }
  return true;
}
