// Downloads (a file from text, a data: URL or a blob: URL), the series as tidy CSV,
// and safe file names.
import type { SeriesStore } from '../engine/metrics.ts';

/** Saves text, a data: URL or a blob: URL as a file. */
export function download(name: string, content: string, type = 'application/json'): void {
  const a = document.createElement('a');
  a.download = name;
  const isUrl = /^(data|blob):/.test(content);
  a.href = isUrl ? content : URL.createObjectURL(new Blob([content], { type }));
  document.body.append(a);
  a.click();
  a.remove();
  if (!content.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Long-format CSV: tick, variant, then one column per metric. */
export function seriesCsv(sides: { label: string; series: SeriesStore }[]): string {
  const names = [...new Set(sides.flatMap((s) => s.series.names))];
  const rows = [['tick', 'variant', ...names].join(',')];
  const cell = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '' : String(x));
  for (const s of sides) {
    for (let t = 0; t < s.series.length; t++) {
      rows.push([String(t), JSON.stringify(s.label), ...names.map((n) => cell(s.series.values[n]?.[t]))].join(','));
    }
  }
  return rows.join('\n') + '\n';
}

/** A file name made safe. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'run';
}
