// The series as tidy long CSV rows (`<prefix>tick,metric,value`), thinned to
// every k-th tick: `sample` (the value at ticks 0, k, 2k, … and the last) or
// `mean` (the mean over each window of k ticks, 0 … k−1, k … 2k−1, …, the last
// window possibly shorter, written at the window's last tick; a window's mean
// is over its finite values, empty when it has none). Shared by `run --series`
// and sweeps' series.csv.
import type { SeriesStore } from './metrics.ts';

export type EveryMode = 'sample' | 'mean';

const field = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const number = (x: number): string => (Number.isFinite(x) ? String(x) : '');

/** Appends the series rows to `out`. */
export function seriesRows(s: SeriesStore, every: number, mode: EveryMode, prefix: string, out: string[]): void {
  if (mode === 'sample') {
    for (let t = 0; t < s.length; t++) {
      if (t % every !== 0 && t !== s.length - 1) continue;
      for (const name of s.names) out.push(`${prefix}${t},${field(name)},${number(s.values[name]![t]!)}\n`);
    }
    return;
  }
  for (let start = 0; start < s.length; start += every) {
    const end = Math.min(s.length, start + every);
    for (const name of s.names) {
      const xs = s.values[name]!;
      let sum = 0;
      let n = 0;
      for (let t = start; t < end; t++) {
        const x = xs[t]!;
        if (Number.isFinite(x)) {
          sum += x;
          n++;
        }
      }
      out.push(`${prefix}${end - 1},${field(name)},${n > 0 ? number(sum / n) : ''}\n`);
    }
  }
}
