// Where the shock labels of a chart go: each beside its dashed line, in the first
// of a few rows where it does not run into the label before it in that row; near
// the right edge it goes to the left of its line. Shocks a few ticks apart (a
// leader leaves, then a rumour) would otherwise print their labels over each
// other. Widths are estimated from the text (the charts' 9.5 px font is about
// 5.3 px a character), so no measuring pass through the DOM is needed.

export interface PlacedLabel {
  /** The text's anchor x (SVG units). */
  x: number;
  /** The row, 0 at the top. */
  row: number;
  anchor: 'start' | 'end';
}

/**
 * Places labels for lines at `xs` (any order) inside a plot whose right edge is
 * `right`. Returns one placement per label, in the input order. When every row
 * is taken at that x, the label goes to the row that frees up first.
 */
export function placeMarkerLabels(xs: readonly number[], labels: readonly string[], right: number, rows = 4, charWidth = 5.3, pad = 3, gap = 4): PlacedLabel[] {
  const out: PlacedLabel[] = new Array(xs.length);
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]! || a - b);
  const end = new Array<number>(rows).fill(-Infinity); // rightmost extent taken in each row
  for (const i of order) {
    const x = xs[i]!;
    const w = labels[i]!.length * charWidth;
    const anchor: 'start' | 'end' = x + pad + w > right ? 'end' : 'start';
    const from = anchor === 'start' ? x + pad : x - pad - w;
    let row = end.findIndex((e) => from >= e + gap);
    if (row < 0) row = end.indexOf(Math.min(...end));
    end[row] = from + w;
    out[i] = { x: anchor === 'start' ? x + pad : x - pad, row, anchor };
  }
  return out;
}
