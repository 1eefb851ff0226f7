// The two layers of the organization as state (MODEL.md §3), declared once:
// the formal tree (manager per person, level, root) and the informal layer as
// CSR arrays (or the implicit complete graph). Built by the organization and the
// simulation; succession and shocks rewrite them; situations, the official
// channel and the frames for the page read them.
import { stateArray, stateNumber } from './state-handles.ts';

/** Formal manager of each person (−1: none). */
export const FORMAL_PARENT = stateArray.i32('formal.parent');
/** Depth in the formal tree (−1 outside it). */
export const FORMAL_LEVEL = stateArray.i32('formal.level');
/** The formal tree's root (−1 in a flat organization). */
export const FORMAL_ROOT = stateNumber('formal.root');
/** Counts rewirings of the formal tree (succession); absent until the first. */
export const FORMAL_VERSION = stateNumber('formal.version');

export const INFORMAL_OFFSETS = stateArray.i32('informal.offsets');
export const INFORMAL_TARGETS = stateArray.i32('informal.targets');
export const INFORMAL_TRUST = stateArray.f32('informal.trust');
/** 1 when the informal layer is the implicit complete graph. */
export const INFORMAL_COMPLETE = stateNumber('informal.complete');
