// Draws the map of where each way of working wins (MODEL.md §10, issue 15 item 4)
// from the summary.csv of sweeps/where-each-way-wins.json:
//
//   npx equipotent sweep sweeps/where-each-way-wins.json --jobs 1 --out results/where-each-way-wins
//   npx tsx docs/claims/where-each-way-wins.ts results/where-each-way-wins/summary.csv
//
// writes docs/figures/where-each-way-wins-<size>.svg (one per size) and
// docs/figures/where-each-way-wins.csv (the cells' numbers), and prints each
// size's counts. Options: --out DIR (default docs/figures), --baseline V (p2p),
// --seeds N (for the figures' caption; default: the cells' largest n),
// --note TEXT (a line under the title).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cellsCsv, readCells, relative, type Cell } from './where-each-way-wins-figure.ts';
import { mapSvg, wordFor } from './where-each-way-wins-svg.ts';

export const NAME = 'where-each-way-wins';
export const DEFAULT_NOTE = 'Classroom scenario without its shocks, 300 ticks.';

/** Writes the figures and the data; returns the files written. */
export function drawMaps(summaryCsv: string, outDir: string, o: { baseline?: string; seeds?: number; note?: string } = {}): string[] {
  const baseline = o.baseline ?? 'p2p';
  const cells = readCells(summaryCsv, baseline);
  const variants = [...new Set(cells.map((c) => c.variant))];
  const sizes = [...new Set(cells.map((c) => c.size))].sort((a, b) => a - b);
  const seeds = o.seeds ?? Math.max(...cells.map((c) => c.n));
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const size of sizes) {
    const file = join(outDir, `${NAME}-${size}.svg`);
    writeFileSync(file, mapSvg(cells, { size, baseline, variants, seeds, note: o.note ?? DEFAULT_NOTE }));
    written.push(file);
  }
  const data = join(outDir, `${NAME}.csv`);
  writeFileSync(data, cellsCsv(cells, baseline));
  written.push(data);
  return written;
}

/** Per size and way of working: the cells it wins, loses and ties, and the largest differences. */
export function report(cells: readonly Cell[], baseline: string): string {
  const out: string[] = [];
  for (const size of [...new Set(cells.map((c) => c.size))].sort((a, b) => a - b)) {
    for (const v of [...new Set(cells.map((c) => c.variant))]) {
      const mine = cells.filter((c) => c.size === size && c.variant === v);
      const k = (x: Cell['verdict']) => mine.filter((c) => c.verdict === x).length;
      const best = [...mine].sort((a, b) => relative(b) - relative(a));
      const at = (c: Cell | undefined) => (c ? `${(relative(c) * 100).toFixed(0)} % at ${c.rate}/person, difficulty ${c.dMin}–${c.dMax} (${c.diff.toFixed(3)} [${c.lo.toFixed(3)}, ${c.hi.toFixed(3)}] of ${c.baseMean.toFixed(3)})` : '–');
      out.push(`${size} people, ${wordFor(v)} − ${wordFor(baseline)}: more value in ${k('higher')}, less in ${k('lower')}, unclear in ${k('unclear')} of ${mine.length}; largest ${at(best[0])}; smallest ${at(best[best.length - 1])}`);
    }
  }
  return out.join('\n');
}

function main(argv: string[]): void {
  const args = [...argv];
  const take = (flag: string) => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const v = args[i + 1];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    args.splice(i, 2);
    return v;
  };
  const outDir = take('--out') ?? resolve(import.meta.dirname, '..', 'figures');
  const baseline = take('--baseline') ?? 'p2p';
  const seeds = take('--seeds');
  const note = take('--note');
  if (args.length !== 1) {
    console.error('usage: npx tsx docs/claims/where-each-way-wins.ts <summary.csv> [--out DIR] [--baseline p2p] [--seeds N] [--note TEXT]');
    process.exit(2);
  }
  const csv = readFileSync(args[0]!, 'utf8');
  for (const f of drawMaps(csv, outDir, { baseline, seeds: seeds === undefined ? undefined : Number(seeds), note })) console.log(`wrote ${f}`);
  console.log(report(readCells(csv, baseline), baseline));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`where-each-way-wins: ${(e as Error).message}`);
    process.exit(2);
  }
}
