// A small, dependency-free SVG line chart for the classics' figures (docs only).
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

export interface Series { label: string; y: readonly number[]; colour: number; dashed?: boolean }

/** An SVG line chart: one line per series over shared x values, with a legend. */
export function lineChart(o: { title: string; xLabel: string; yLabel: string; x: readonly number[]; yMin: number; yMax: number; series: Series[]; marks?: { x: number; label: string }[] }): string {
  const W = 720, H = 440, L = 60, R = 250, T = 40, B = 50;
  const x0 = o.x[0]!, x1 = o.x[o.x.length - 1]!;
  const px = (x: number) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const py = (y: number) => T + (1 - (y - o.yMin) / (o.yMax - o.yMin)) * (H - T - B);
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`, '<rect width="100%" height="100%" fill="white"/>'];
  out.push(`<text x="${L}" y="22" font-size="14">${esc(o.title)}</text>`);
  for (let k = 0; k <= 5; k++) {
    const y = o.yMin + (k / 5) * (o.yMax - o.yMin);
    out.push(`<line x1="${L}" x2="${W - R}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/><text x="${L - 6}" y="${py(y) + 4}" text-anchor="end">${+y.toFixed(2)}</text>`);
  }
  for (let k = 0; k <= 4; k++) {
    const x = x0 + (k / 4) * (x1 - x0);
    out.push(`<text x="${px(x)}" y="${H - B + 16}" text-anchor="middle">${+x.toFixed(2)}</text>`);
  }
  out.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">${esc(o.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`);
  for (const m of o.marks ?? []) out.push(`<line x1="${px(m.x)}" x2="${px(m.x)}" y1="${T}" y2="${H - B}" stroke="#888" stroke-dasharray="2 3"/><text x="${px(m.x) + 4}" y="${T + 12}" fill="#555">${esc(m.label)}</text>`);
  o.series.forEach((s, i) => {
    const d = s.y.map((y, k) => `${k === 0 ? 'M' : 'L'}${px(o.x[k]!).toFixed(1)},${py(y).toFixed(1)}`).join('');
    const c = COLOURS[s.colour % COLOURS.length];
    out.push(`<path d="${d}" fill="none" stroke="${c}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    const ly = T + 10 + i * 18;
    out.push(`<line x1="${W - R + 12}" x2="${W - R + 40}" y1="${ly}" y2="${ly}" stroke="${c}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/><text x="${W - R + 46}" y="${ly + 4}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** An SVG bar chart: one bar per label, with an error bar (± err) and the value written above it. */
export function barChart(o: { title: string; yLabel: string; bars: { label: string; value: number; err?: number; colour: number }[]; yMax: number }): string {
  const W = 720, H = 400, L = 60, R = 20, T = 40, B = 70;
  const slot = (W - L - R) / o.bars.length;
  const py = (y: number) => T + (1 - y / o.yMax) * (H - T - B);
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`, '<rect width="100%" height="100%" fill="white"/>'];
  out.push(`<text x="${L}" y="22" font-size="14">${esc(o.title)}</text>`);
  for (let k = 0; k <= 5; k++) {
    const y = (k / 5) * o.yMax;
    out.push(`<line x1="${L}" x2="${W - R}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/><text x="${L - 6}" y="${py(y) + 4}" text-anchor="end">${+y.toFixed(2)}</text>`);
  }
  out.push(`<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`);
  o.bars.forEach((b, i) => {
    const x = L + i * slot + slot * 0.2, w = slot * 0.6;
    const c = COLOURS[b.colour % COLOURS.length];
    out.push(`<rect x="${x.toFixed(1)}" y="${py(b.value).toFixed(1)}" width="${w.toFixed(1)}" height="${(py(0) - py(b.value)).toFixed(1)}" fill="${c}"/>`);
    if (b.err !== undefined) {
      const cx = (x + w / 2).toFixed(1);
      out.push(`<line x1="${cx}" x2="${cx}" y1="${py(b.value - b.err).toFixed(1)}" y2="${py(b.value + b.err).toFixed(1)}" stroke="#333"/>`);
    }
    out.push(`<text x="${(x + w / 2).toFixed(1)}" y="${(py(b.value + (b.err ?? 0)) - 6).toFixed(1)}" text-anchor="middle">${+b.value.toFixed(2)}</text>`);
    out.push(`<text x="${(x + w / 2).toFixed(1)}" y="${H - B + 16}" text-anchor="middle">${esc(b.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
