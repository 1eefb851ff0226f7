// The numbers a chart draws for one variant: the recorded series, smoothed by a
// trailing moving average when the metric asks for it and scaled (a share → %).
// Pure (no DOM), so the Node tests check it directly.
import type { SeriesStore } from '../engine/metrics.ts';
import type { MetricInfo } from './metric-info.ts';

/** Values at ticks 0 … length−1 as drawn; null where nothing was recorded (NaN). */
export function chartValues(info: Pick<MetricInfo, 'name' | 'smooth' | 'scale'>, s: SeriesStore): (number | null)[] {
  const raw = s.values[info.name];
  if (!raw) return [];
  const out: (number | null)[] = new Array(s.length);
  const w = info.smooth ?? 1, k = info.scale ?? 1;
  let sum = 0, cnt = 0;
  for (let t = 0; t < s.length; t++) {
    const v = raw[t]!;
    if (Number.isFinite(v)) { sum += v; cnt++; }
    if (t >= w) { const o = raw[t - w]!; if (Number.isFinite(o)) { sum -= o; cnt--; } }
    out[t] = cnt ? (sum / cnt) * k : null;
  }
  return out;
}

/** The top of a chart's y axis: the metric's fixed top, or the largest value drawn (at least 1). */
export function chartTop(info: Pick<MetricInfo, 'yMax'>, lines: readonly (readonly (number | null)[])[]): number {
  let top = 0;
  for (const l of lines) for (const v of l) if (v !== null && v > top) top = v;
  if (info.yMax !== undefined) return Math.max(info.yMax, top);
  return top > 0 ? top : 1;
}
