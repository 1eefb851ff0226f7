// The map of where each way of working wins (MODEL.md §10, issue 15 item 4):
// from a sweep's summary.csv (sweeps/where-each-way-wins.json), the paired
// difference in value per tick of each way of working from the peers (the
// sweep's baseline), per organization size, over load × difficulty. A cell is
// coloured only where the difference's 95 % CI excludes 0; grey otherwise. Pure
// functions (text in, text out) so that a test can run them on a small fixture;
// docs/claims/where-each-way-wins.ts reads and writes the files.
import { parseCsvLine } from '../../cli/sweep/table-writer.ts';

export const METRIC = 'valuePerTick';
const SIZE = 'organization.size', RATE = 'environment.ratePerPerson', DIFFICULTY = 'environment.difficulty';

/** One cell of the map: a way of working against the baseline at one (size, load, difficulty). */
export interface Cell {
  size: number;
  rate: number;
  dMin: number;
  dMax: number;
  variant: string;
  n: number;
  baseMean: number;
  mean: number;
  diff: number;
  lo: number;
  hi: number;
  /** higher: the CI lies above 0 (this way makes more value than the baseline); lower: below 0; unclear: it contains 0. */
  verdict: 'higher' | 'lower' | 'unclear';
}

const num = (s: string | undefined, what: string): number => {
  const x = s === undefined || s === '' ? NaN : Number(s);
  if (!Number.isFinite(x)) throw new Error(`summary.csv: ${what} is "${s ?? ''}", expected a number`);
  return x;
};

/** The cells of a summary.csv whose grid has organization.size, environment.ratePerPerson and environment.difficulty. */
export function readCells(csv: string, baseline = 'p2p'): Cell[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length < 2) throw new Error('summary.csv: no rows');
  const head = parseCsvLine(lines[0]!);
  const col = (name: string) => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`summary.csv: no column "${name}" (columns: ${head.join(', ')}); make it with sweeps/where-each-way-wins.json`);
    return i;
  };
  const c = {
    size: col(SIZE), rate: col(RATE), difficulty: col(DIFFICULTY), variant: col('variant'), metric: col('metric'),
    mean: col('mean'), diffN: col('diffN'), diffMean: col('diffMean'), lo: col('diffCi95Low'), hi: col('diffCi95High'),
  };
  const rows = lines.slice(1).map(parseCsvLine).filter((r) => r[c.metric] === METRIC);
  const key = (r: string[]) => `${r[c.size]}|${r[c.rate]}|${r[c.difficulty]}`;
  const base = new Map<string, number>();
  for (const r of rows) {
    if (r[c.variant] !== baseline) continue;
    if (r[c.diffMean] !== '') throw new Error(`summary.csv: "${baseline}" has paired differences, so it is not the sweep's baseline; set "baseline": "${baseline}" in the sweep file`);
    base.set(key(r), num(r[c.mean], `${baseline}'s mean at ${key(r)}`));
  }
  if (base.size === 0) throw new Error(`summary.csv: no rows of the baseline variant "${baseline}" for ${METRIC}`);
  const cells: Cell[] = [];
  for (const r of rows) {
    if (r[c.variant] === baseline) continue;
    const at = key(r);
    const d = JSON.parse(r[c.difficulty]!) as { min?: unknown; max?: unknown };
    if (typeof d.min !== 'number' || typeof d.max !== 'number') throw new Error(`summary.csv: ${DIFFICULTY} "${r[c.difficulty]}" is not {"min": …, "max": …}`);
    const n = r[c.diffN] === '' ? 0 : num(r[c.diffN], `diffN at ${at}`);
    const diff = num(r[c.diffMean], `diffMean at ${at}`);
    // With fewer than two seeds there is no interval: the cell is unclear.
    const lo = n >= 2 ? num(r[c.lo], `diffCi95Low at ${at}`) : -Infinity;
    const hi = n >= 2 ? num(r[c.hi], `diffCi95High at ${at}`) : Infinity;
    const baseMean = base.get(at);
    if (baseMean === undefined) throw new Error(`summary.csv: no "${baseline}" row at ${at}`);
    cells.push({
      size: num(r[c.size], SIZE), rate: num(r[c.rate], RATE), dMin: d.min, dMax: d.max, variant: r[c.variant]!, n, baseMean,
      mean: num(r[c.mean], `mean at ${at}`), diff, lo, hi, verdict: lo > 0 ? 'higher' : hi < 0 ? 'lower' : 'unclear',
    });
  }
  return cells;
}

/** The difference as a share of the baseline's value per tick (NaN when the baseline makes none). */
export const relative = (cell: Cell): number => (cell.baseMean > 0 ? cell.diff / cell.baseMean : NaN);

/** The data beside the figures: one row per cell. */
export function cellsCsv(cells: readonly Cell[], baseline: string): string {
  const head = ['organization.size', 'ratePerPerson', 'situationsPerTick', 'difficultyMin', 'difficultyMax', 'difficultyCentre', 'variant', 'baseline', 'n', 'baselineValuePerTick', 'variantValuePerTick', 'diff', 'diffCi95Low', 'diffCi95High', 'relativeDiff', 'verdict'];
  const out = [head.join(',')];
  for (const c of cells) {
    out.push([c.size, c.rate, round(c.rate * c.size), c.dMin, c.dMax, round((c.dMin + c.dMax) / 2), c.variant, baseline, c.n, round(c.baseMean), round(c.mean), round(c.diff), round(c.lo), round(c.hi), round(relative(c)), c.verdict].join(','));
  }
  return `${out.join('\n')}\n`;
}

const round = (x: number) => (Number.isFinite(x) ? +x.toPrecision(6) : '');

// ------------------------------------------------------------------ colour

/** Bins of |relative difference|, weakest first, and their colours: blue where the way named in the panel makes more value than peers, orange where peers make more (ColorBrewer RdBu's blues and PuOr's oranges: colour-blind safe, and blue/orange echo the page's hierarchy/peers colours). */
export const BINS = [0.05, 0.15, 0.4, 1, Infinity] as const;
const BLUES = ['#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'] as const;
const ORANGES = ['#fee0b6', '#fdb863', '#e08214', '#b35806', '#7f3b08'] as const;
export const GREY = '#c4c4c4';
const binOf = (r: number) => BINS.findIndex((b) => Math.abs(r) < b);

/** The fill of a cell and the colour of its text. */
export function fill(cell: Cell): { fill: string; text: string } {
  if (cell.verdict === 'unclear') return { fill: GREY, text: '#333' };
  const r = relative(cell);
  const k = Number.isFinite(r) ? binOf(r) : BINS.length - 1;
  const dark = k >= 2;
  return { fill: (cell.verdict === 'higher' ? BLUES : ORANGES)[k]!, text: dark ? '#fff' : '#000' };
}

/** A bin's label in %, without the unit (the legend's title has it). */
const binLabel = (k: number) => (k === 0 ? `< ${pct(BINS[0])}` : BINS[k] === Infinity ? `≥ ${pct(BINS[k - 1]!)}` : `${pct(BINS[k - 1]!)}–${pct(BINS[k]!)}`);
const pct = (x: number) => String(Math.round(x * 100));

export { BLUES, ORANGES, binLabel };
