// The SVG of the map of where each way of working wins, for one organization
// size: one panel per way of working compared with the peers, load across (the
// sweep's log-spaced points, one column each), difficulty up. Sized to be read
// projected (text ≥ 14 px at its natural 1080 px width; the page scales it).
import { BINS, BLUES, GREY, ORANGES, binLabel, fill, relative, type Cell } from './where-each-way-wins-figure.ts';

const CW = 60, CH = 44, L = 150, GAP = 70, T = 128;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const short = (x: number) => String(+x.toPrecision(2));
const signed = (r: number) => {
  if (!Number.isFinite(r)) return '–';
  // Under 1 %, one decimal: a small difference the CI still resolves is not shown as 0.
  const p = Math.abs(r) < 0.01 ? Math.round(r * 1000) / 10 : Math.round(r * 100);
  return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p)}%`;
};

/** A label for a variant in the figure ("p2p" is the page's "peers"). */
export const wordFor = (variant: string) => (variant === 'p2p' ? 'peers' : variant);

export interface MapOptions {
  size: number;
  baseline: string;
  /** The ways compared with the baseline, one panel each, in this order. */
  variants: readonly string[];
  seeds: number;
  /** A line under the title: what was run. */
  note: string;
}

/** The heat map of one size. `cells` may hold other sizes too: only `size`'s are drawn. */
export function mapSvg(all: readonly Cell[], o: MapOptions): string {
  const cells = all.filter((c) => c.size === o.size);
  const rates = [...new Set(cells.map((c) => c.rate))].sort((a, b) => a - b);
  const diffs = [...new Map(cells.map((c) => [`${c.dMin}|${c.dMax}`, c])).values()].map((c) => ({ min: c.dMin, max: c.dMax })).sort((a, b) => b.min + b.max - a.min - a.max);
  const pw = rates.length * CW, ph = diffs.length * CH;
  const W = Math.max(L + o.variants.length * (pw + GAP) + 20, 1080);
  const legendY = T + ph + 110;
  const H = legendY + 120;
  const base = wordFor(o.baseline);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="16" role="img" aria-labelledby="t d">`,
    `<title id="t">Where each way of working wins, ${o.size} people: value per tick, difference from ${base}</title>`,
    `<desc id="d">${esc(describe(cells, o))}</desc>`,
    '<rect width="100%" height="100%" fill="white"/>',
    `<text x="20" y="34" font-size="24" font-weight="bold">Where each way of working wins — ${o.size.toLocaleString('en-US')} people</text>`,
    `<text x="20" y="62">Value per tick, difference from ${base} in % of ${base}’ value per tick (${o.seeds} seeds a cell, paired).</text>`,
    `<text x="20" y="84" fill="#444">Coloured only where the paired 95 % CI excludes 0; grey where it does not. ${esc(o.note)}</text>`,
  ];
  o.variants.forEach((v, p) => {
    const x0 = L + p * (pw + GAP);
    out.push(`<text x="${x0 + pw / 2}" y="${T - 14}" font-size="20" font-weight="bold" text-anchor="middle">${esc(wordFor(v))} − ${esc(base)}</text>`);
    diffs.forEach((d, j) => {
      rates.forEach((rate, i) => {
        const x = x0 + i * CW, y = T + j * CH;
        const c = cells.find((k) => k.variant === v && k.rate === rate && k.dMin === d.min && k.dMax === d.max);
        if (!c) {
          out.push(`<rect x="${x}" y="${y}" width="${CW}" height="${CH}" fill="white" stroke="#999"/><text x="${x + CW / 2}" y="${y + CH / 2 + 5}" text-anchor="middle" fill="#777">not run</text>`);
          return;
        }
        const f = fill(c);
        const tip = `${wordFor(v)} − ${base} at ${short(rate)} per person per tick, difficulty ${d.min}–${d.max}: ${c.diff.toFixed(3)} (95 % CI ${c.lo.toFixed(3)} … ${c.hi.toFixed(3)}) of ${c.baseMean.toFixed(3)} per tick`;
        out.push(`<g><title>${esc(tip)}</title><rect x="${x}" y="${y}" width="${CW}" height="${CH}" fill="${f.fill}" stroke="white" stroke-width="2"/>`
          + `<text x="${x + CW / 2}" y="${y + CH / 2 + 5}" font-size="15" text-anchor="middle" fill="${f.text}">${signed(relative(c))}</text></g>`);
      });
    });
    // Load across: per person (the sweep's axis) and for the whole organization.
    rates.forEach((rate, i) => {
      const x = x0 + i * CW + CW / 2;
      out.push(`<text x="${x}" y="${T + ph + 22}" font-size="14" text-anchor="middle">${short(rate)}</text>`);
      out.push(`<text x="${x}" y="${T + ph + 42}" font-size="14" text-anchor="middle" fill="#555">${short(rate * o.size)}</text>`);
    });
    if (p === 0) {
      diffs.forEach((d, j) => {
        const y = T + j * CH + CH / 2;
        out.push(`<text x="${L - 10}" y="${y}" text-anchor="end">${short((d.min + d.max) / 2)}</text><text x="${L - 10}" y="${y + 16}" font-size="14" text-anchor="end" fill="#555">${short(d.min)}–${short(d.max)}</text>`);
      });
    }
  });
  const gridRight = L + o.variants.length * (pw + GAP) - GAP;
  out.push(`<text x="${(L + gridRight) / 2}" y="${T + ph + 70}" text-anchor="middle">load: situations per person per tick (log-spaced); in grey, per tick for all ${o.size.toLocaleString('en-US')}</text>`);
  out.push(`<text transform="translate(24 ${T + ph / 2}) rotate(-90)" text-anchor="middle">difficulty: centre, and range in grey</text>`);
  out.push(...legend(legendY, W, base));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function legend(y: number, W: number, base: string): string[] {
  const sw = 84, n = BINS.length * 2 + 1;
  const x0 = (W - n * sw) / 2;
  const swatches = [...ORANGES.map((c, k) => ({ c, label: binLabel(k) })).reverse(), { c: GREY, label: 'CI has 0' }, ...BLUES.map((c, k) => ({ c, label: binLabel(k) }))];
  const out = [`<text x="${W / 2}" y="${y - 12}" text-anchor="middle" font-weight="bold">Difference in value per tick, in % of ${esc(base)}’ value per tick</text>`];
  swatches.forEach((s, i) => {
    const x = x0 + i * sw;
    out.push(`<rect x="${x}" y="${y}" width="${sw}" height="26" fill="${s.c}" stroke="white" stroke-width="2"/><text x="${x + sw / 2}" y="${y + 46}" font-size="14" text-anchor="middle">${esc(s.label)}</text>`);
  });
  const mid = x0 + BINS.length * sw;
  out.push(`<text x="${mid - 8}" y="${y + 76}" text-anchor="end">← ${esc(base)} make more value</text>`);
  out.push(`<text x="${mid + sw + 8}" y="${y + 76}">the panel’s way makes more value →</text>`);
  return out;
}

/** The figure in words, for screen readers: how many cells each way wins. */
function describe(cells: readonly Cell[], o: MapOptions): string {
  return o.variants.map((v) => {
    const mine = cells.filter((c) => c.variant === v);
    const count = (k: Cell['verdict']) => mine.filter((c) => c.verdict === k).length;
    return `${wordFor(v)} makes more value than ${wordFor(o.baseline)} in ${count('higher')} of ${mine.length} cells, less in ${count('lower')}, no clear difference in ${count('unclear')}.`;
  }).join(' ');
}
