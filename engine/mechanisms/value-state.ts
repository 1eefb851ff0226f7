// Value's state (MODEL.md §10.4), declared once. Present only in model-2 runs.
import { stateArray, stateNumber } from '../state-handles.ts';

/** Value each situation yielded (0 until resolved). */
export const SIT_VALUE = stateArray.f32('sit.value');
/** Value delivered over the run. */
export const VALUE_TOTAL = stateNumber('value.total');

