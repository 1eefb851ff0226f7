// The shape of the hierarchy an efficient one-shot network forms (who read whose
// partial result): the number of levels, the top manager's span, the widest span,
// and how evenly raw data are spread over processors.
import type { State } from '../../state.ts';
import { HOLDERS, PARENT, RAW, SPAN } from './schedule.ts';

export interface HierarchyShape {
  root: number;
  /** Levels of the tree (1 for a single processor). */
  levels: number;
  rootSpan: number;
  maxSpan: number;
  rawMin: number;
  rawMax: number;
}

/** The tree of the finished run (`holders[0]` is the top). */
export function hierarchyShape(state: State): HierarchyShape {
  const parent = state.get(PARENT), span = state.get(SPAN), raw = state.get(RAW);
  const P = parent.length;
  const root = state.get(HOLDERS)[0]!;
  let levels = 1, maxSpan = 0, rawMin = Infinity, rawMax = 0;
  for (let i = 0; i < P; i++) {
    let d = 1;
    for (let v = i; parent[v]! !== -1; v = parent[v]!) d++;
    if (d > levels) levels = d;
    if (span[i]! > maxSpan) maxSpan = span[i]!;
    if (raw[i]! < rawMin) rawMin = raw[i]!;
    if (raw[i]! > rawMax) rawMax = raw[i]!;
  }
  return { root, levels, rootSpan: span[root]!, maxSpan, rawMin, rawMax };
}
