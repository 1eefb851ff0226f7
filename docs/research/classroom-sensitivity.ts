// The figure of docs/research.md's sensitivity study: from a Morris sweep's
// sensitivity.csv (sweeps/classroom-sensitivity.json), what drives the difference
// in value per tick between the peers and the hierarchy — μ* per parameter with its
// bootstrap 95 % interval — as an SVG bar chart.
//   npx tsx docs/research/classroom-sensitivity.ts results/classroom-sensitivity
// writes docs/figures/classroom-sensitivity.svg (or the path given second).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { barChart } from '../classics/svg.ts';

export interface MuStar {
  parameter: string;
  muStar: number;
  lo: number;
  hi: number;
}

/** The rows of sensitivity.csv for one variant, quantity and metric, in file order. */
export function muStars(csv: string, variant: string, quantity: 'mean' | 'diff', metric: string): MuStar[] {
  const [head, ...rows] = csv.trimEnd().split('\n').map((l) => l.split(','));
  const col = (name: string) => {
    const i = head!.indexOf(name);
    if (i < 0) throw new Error(`sensitivity.csv has no column "${name}" (is it a Morris sweep's?)`);
    return i;
  };
  const [v, q, m, p, s, lo, hi] = ['variant', 'quantity', 'metric', 'parameter', 'muStar', 'muStarLow', 'muStarHigh'].map(col) as number[];
  return rows
    .filter((r) => r[v!] === variant && r[q!] === quantity && r[m!] === metric)
    .map((r) => ({ parameter: r[p!]!, muStar: Number(r[s!]), lo: Number(r[lo!]), hi: Number(r[hi!]) }));
}

/** The bar chart: one bar per parameter, largest first, with its interval. */
export function sensitivityFigure(rows: readonly MuStar[], title: string, yLabel: string): string {
  const sorted = [...rows].sort((a, b) => b.muStar - a.muStar);
  const top = Math.max(...sorted.map((r) => r.hi), 1e-9);
  return barChart({
    title,
    yLabel,
    yMax: top * 1.15,
    bars: sorted.map((r, i) => ({ label: r.parameter.replace(/^[a-z]+\./, ''), value: r.muStar, err: Math.max(r.hi - r.muStar, r.muStar - r.lo), colour: i === 0 ? 0 : 1 })),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) { process.stderr.write('usage: npx tsx docs/research/classroom-sensitivity.ts <sweep output folder> [figure.svg]\n'); process.exit(2); }
  const out = process.argv[3] ?? fileURLToPath(new URL('../figures/classroom-sensitivity.svg', import.meta.url));
  const rows = muStars(readFileSync(join(dir, 'sensitivity.csv'), 'utf8'), 'p2p', 'diff', 'valuePerTick');
  writeFileSync(out, sensitivityFigure(rows, 'What drives peers − hierarchy in value per tick (classroom, Morris μ*, 95 % CI)', 'μ*: value per tick, per whole range'));
  for (const r of [...rows].sort((a, b) => b.muStar - a.muStar)) process.stdout.write(`${r.parameter}\t${r.muStar.toFixed(3)}\t[${r.lo.toFixed(3)}, ${r.hi.toFixed(3)}]\n`);
  process.stdout.write(`${out}\n`);
}
