// The people's arrays and counts that several modules read (MODEL.md §4, §5),
// declared once. Population allocates the first five, situations the work
// counters, messages the load counters; the protocols, the metrics and the
// frames for the page read them.
import { stateArray, stateNumber } from './state-handles.ts';

/** 1 while a person is in the organization (removed people keep their index). */
export const ALIVE = stateArray.u8('alive');
/** Skill in [0, 1] per (person, domain): `skill[v·D + d]`. */
export const SKILL = stateArray.f32('skill');
/** Messages a person reads per tick, before engagement. */
export const CAPACITY = stateArray.i32('capacity');
/** Engagement now, and as drawn (what it relaxes back to). */
export const ENGAGEMENT = stateArray.f32('engagement');
export const ENGAGEMENT0 = stateArray.f32('engagement0');

/** Situations a person works on now (leading or in a team). */
export const BUSY = stateArray.i32('busy');
/** Times a person has led an attempt. */
export const LED = stateArray.i32('led');
/** Attempts a person leads now. */
export const LEADING = stateArray.i32('leading');

/** Messages that ever reached a person's desk. */
export const LOAD_TOTAL = stateArray.f64('load.total');
/** Messages that reached a person's desk in the tick `load.stamp`. */
export const LOAD_TICK = stateArray.i32('load.tick');
export const LOAD_STAMP = stateArray.i32('load.stamp');

/** People alive now. */
export const ALIVE_COUNT = stateNumber('aliveCount');
