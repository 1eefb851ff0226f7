// A parameter of the skeptic's space (MODEL.md §10.6) that a claim or its
// scenario declares on top of the common ones (size, rate, attention, span,
// difficulty, deadline): a dotted path, moved as the common ones are (its
// resolved value ×0.5 and ×2 within the schema's bounds, a boolean toggled, a 0
// moved to its bound), or a path with the range its values are drawn from (the
// two ends are its one-at-a-time points).
import type { Range } from '../../stats/unit-scale.ts';

export type RobustParameter = string | { path: string; range: Range };

/** The dotted path of a declared parameter. */
export const parameterPath = (p: RobustParameter): string => (typeof p === 'string' ? p : p.path);
