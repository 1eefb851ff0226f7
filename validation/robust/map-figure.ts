// A claim's figure in the robustness map (docs/claims.md): where it holds and
// where it fails. Left, one row per knob: the effect (b − a, with its 95 % CI)
// with that knob at ×0.5 and at ×2 and everything else as shipped, beside the
// claim as shipped. Right, the hypercube's points over the two most influential
// knobs (the largest |Spearman ρ| between a knob and the effect), each point
// coloured by its verdict. A small dependency-free SVG, as docs/classics' figures.
import type { ClaimRobustness, PointResult } from './results.ts';

export const VERDICT_COLOURS = { holds: '#1b9e77', fails: '#d95f02', inconclusive: '#9a9a9a', error: '#000000' } as const;

/** Spearman's rank correlation of two lists (average ranks for ties); NaN when either is constant or shorter than 3. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 3) return NaN;
  const rank = (v: readonly number[]) => {
    const order = v.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
    const r = new Array<number>(v.length);
    for (let k = 0; k < order.length; ) {
      let m = k;
      while (m + 1 < order.length && order[m + 1]!.value === order[k]!.value) m++;
      for (let t = k; t <= m; t++) r[order[t]!.i] = (k + m) / 2 + 1;
      k = m + 1;
    }
    return r;
  };
  const rx = rank(x), ry = rank(y);
  const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const mx = mean(rx), my = mean(ry);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** Each knob's Spearman ρ with the effect's mean over the hypercube points that have one, strongest first. */
export function influence(r: ClaimRobustness): { knob: string; rho: number }[] {
  const pts = r.points.filter((p) => p.design === 'lhs' && p.effect.mean !== null);
  return r.knobs
    .map((knob) => ({ knob, rho: spearman(pts.map((p) => numeric(p.values[knob])), pts.map((p) => p.effect.mean!)) }))
    .sort((a, b) => {
      // Knobs without a correlation (constant, or under 3 points) last, in their order.
      const na = Number.isNaN(a.rho), nb = Number.isNaN(b.rho);
      if (na || nb) return na === nb ? 0 : na ? 1 : -1;
      return Math.abs(b.rho) - Math.abs(a.rho);
    });
}

const numeric = (v: number | boolean | null | undefined): number => (typeof v === 'boolean' ? Number(v) : v ?? NaN);

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number short enough for a label. */
export function short(x: number | boolean | null | undefined): string {
  if (typeof x === 'boolean') return String(x);
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 1 ? x.toFixed(2) : x.toPrecision(2);
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** The claim's figure as SVG text. */
export function claimFigure(r: ClaimRobustness): string {
  const base = r.points.find((p) => p.design === 'base');
  const oat = r.points.filter((p) => p.design === 'oat');
  const lhs = r.points.filter((p) => p.design === 'lhs');
  const rows = r.knobs.length;
  const W = 830, T = 52, ROW = 36, L = 110, PW = 260, SX = L + PW + 170, SW = 240;
  const H = Math.max(T + rows * ROW + 60, T + SW + 100);
  // The effect axis: every interval shown, and 0.
  const bounds = [...oat, ...(base ? [base] : [])].flatMap((p) => [p.effect.lo, p.effect.hi, p.effect.mean]).filter((x): x is number => x !== null && Number.isFinite(x));
  let lo = Math.min(0, ...bounds), hi = Math.max(0, ...bounds);
  if (!(hi > lo)) (lo -= 1), (hi += 1);
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  const px = (x: number) => r1(L + ((x - lo) / (hi - lo)) * PW);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11" role="img" aria-labelledby="t">`,
    `<title id="t">${esc(`${r.id}: where the claim holds (green), fails (orange) or is inconclusive (grey)`)}</title>`,
    '<rect width="100%" height="100%" fill="white"/>',
    `<text x="10" y="18" font-size="13">${esc(`${r.id} — b − a ${r.side} 0 claimed`)}</text>`,
    `<text x="${L}" y="${T - 14}" fill="#333">one at a time (×0.5 above, ×2 below; band: as shipped)</text>`,
  ];
  const top = T, bottom = T + rows * ROW;
  if (base && base.effect.lo !== null && base.effect.hi !== null) {
    out.push(`<rect x="${px(base.effect.lo)}" y="${top}" width="${r1(px(base.effect.hi) - px(base.effect.lo))}" height="${bottom - top}" fill="${VERDICT_COLOURS[base.verdict]}" opacity="0.15"/>`);
  }
  out.push(`<line x1="${px(0)}" x2="${px(0)}" y1="${top}" y2="${bottom}" stroke="#444"/>`);
  r.knobs.forEach((knob, j) => {
    const y = T + j * ROW;
    out.push(`<text x="${L - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">${esc(knob)}</text>`);
    (['low', 'high'] as const).forEach((end, k) => {
      const p = oat.find((q) => q.knob === knob && q.end === end);
      const yy = r1(y + 11 + k * 14);
      if (!p) {
        out.push(`<text x="${L + 4}" y="${yy + 4}" fill="#999">${end === 'low' ? '×0.5' : '×2'}: at its bound, not moved</text>`);
        return;
      }
      out.push(...interval(p, yy, px, `${end === 'low' ? '×0.5' : '×2'} = ${short(p.values[knob])}`, L + PW + 6));
    });
  });
  // Axis ticks of the effect.
  for (const x of [lo + pad, 0, hi - pad]) out.push(`<text x="${px(x)}" y="${bottom + 14}" text-anchor="middle" fill="#333">${short(x)}</text>`);
  out.push(`<text x="${L + PW / 2}" y="${bottom + 30}" text-anchor="middle">effect b − a (95 % CI)</text>`);
  out.push(...scatter(r, lhs, base, SX, T, SW));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function interval(p: PointResult, y: number, px: (x: number) => number, label: string, labelX: number): string[] {
  const c = VERDICT_COLOURS[p.verdict];
  const out: string[] = [];
  if (p.effect.lo !== null && p.effect.hi !== null) out.push(`<line x1="${px(p.effect.lo)}" x2="${px(p.effect.hi)}" y1="${y}" y2="${y}" stroke="${c}" stroke-width="2"/>`);
  if (p.effect.mean !== null) out.push(`<circle cx="${px(p.effect.mean)}" cy="${y}" r="3.5" fill="${c}"><title>${esc(`${label}: ${short(p.effect.mean)} [${short(p.effect.lo)}, ${short(p.effect.hi)}], ${p.verdict}`)}</title></circle>`);
  out.push(`<text x="${labelX}" y="${y + 4}" fill="${c}">${esc(`${label} ${p.verdict}`)}</text>`);
  return out;
}

/** The hypercube over the two most influential knobs (or the first two), base marked with a cross. */
function scatter(r: ClaimRobustness, lhs: PointResult[], base: PointResult | undefined, X: number, Y: number, S: number): string[] {
  const out: string[] = [];
  const ranked = influence(r).map((i) => i.knob);
  const [kx, ky] = ranked.length >= 2 ? ranked : [ranked[0], undefined];
  if (kx === undefined || lhs.length === 0) {
    out.push(`<text x="${X}" y="${Y + 12}" fill="#999">no hypercube points</text>`);
    return out;
  }
  const xs = lhs.map((p) => numeric(p.values[kx]));
  const ys = ky ? lhs.map((p) => numeric(p.values[ky])) : lhs.map(() => 0.5);
  const span = (v: number[]) => {
    const f = v.filter(Number.isFinite);
    const a = Math.min(...f), b = Math.max(...f);
    const m = (b - a) * 0.05;
    return b > a ? [a - m, b + m] : [a - 1, a + 1];
  };
  const [x0, x1] = span(xs), [y0, y1] = span(ys);
  const sx = (x: number) => r1(X + ((x - x0!) / (x1! - x0!)) * S);
  const sy = (y: number) => r1(Y + S - ((y - y0!) / (y1! - y0!)) * S);
  out.push(`<text x="${X}" y="${Y - 14}" fill="#333">hypercube (${lhs.length} points) over the two most influential knobs</text>`);
  out.push(`<rect x="${X}" y="${Y}" width="${S}" height="${S}" fill="none" stroke="#bbb"/>`);
  lhs.forEach((p, i) => {
    out.push(`<circle cx="${sx(xs[i]!)}" cy="${sy(ys[i]!)}" r="4" fill="${VERDICT_COLOURS[p.verdict]}" opacity="0.85"><title>${esc(`${kx} ${short(xs[i])}${ky ? `, ${ky} ${short(ys[i])}` : ''}: ${short(p.effect.mean)} [${short(p.effect.lo)}, ${short(p.effect.hi)}], ${p.verdict}`)}</title></circle>`);
  });
  if (base) {
    const bx = numeric(base.values[kx]), by = ky ? numeric(base.values[ky]) : 0.5;
    if (Number.isFinite(bx) && Number.isFinite(by)) out.push(`<path d="M${sx(bx) - 5},${sy(by)}h10M${sx(bx)},${sy(by) - 5}v10" stroke="#000" stroke-width="1.5"><title>as shipped</title></path>`);
  }
  out.push(`<text x="${X}" y="${Y + S + 14}" fill="#333">${short(x0)}</text><text x="${X + S}" y="${Y + S + 14}" text-anchor="end" fill="#333">${short(x1)}</text>`);
  out.push(`<text x="${X + S / 2}" y="${Y + S + 30}" text-anchor="middle">${esc(kx)}</text>`);
  if (ky) {
    out.push(`<text x="${X - 4}" y="${Y + S}" text-anchor="end" fill="#333">${short(y0)}</text><text x="${X - 4}" y="${Y + 8}" text-anchor="end" fill="#333">${short(y1)}</text>`);
    out.push(`<text transform="translate(${X - 46} ${Y + S / 2}) rotate(-90)" text-anchor="middle">${esc(ky)}</text>`);
  }
  let ly = Y + S + 48;
  for (const v of ['holds', 'fails', 'inconclusive'] as const) {
    out.push(`<circle cx="${X + 4}" cy="${ly - 4}" r="4" fill="${VERDICT_COLOURS[v]}"/><text x="${X + 12}" y="${ly}">${v}</text>`);
    ly += 14;
  }
  return out;
}
