// The run's own numbers (MODEL.md §1), declared once: the tick, the people ever
// created, which tick's shocks have run, the largest connected group (recomputed
// only when the ties changed), and the streams' words (MODEL.md §2).
import { stateArray, stateNumber } from './state-handles.ts';

/** Ticks done (the next tick to run). */
export const TICK = stateNumber('tick');
/** People ever created (alive or removed). */
export const PEOPLE = stateNumber('n');
/** People at the start (giantComponent is a share of them). */
export const INITIAL_N = stateNumber('initialN');
/** The tick whose Shocks phase has run (graph --at runs it ahead of the tick). */
export const SHOCKS_DONE_FOR = stateNumber('shocksDoneFor');
/** 1 when the informal layer or the people changed since the components were counted. */
export const TOPOLOGY_DIRTY = stateNumber('topology.dirty');
/** People in the largest connected group of the informal layer, when last counted. */
export const GIANT = stateNumber('giant');
/** The named streams' xoshiro128** words, 4 per stream (engine/rng.ts). */
export const RNG_WORDS = stateArray.u32('rng');
