// The About panel shows the committed map of where each way of working wins
// (docs/figures/where-each-way-wins-*.svg), bundled as text so the page needs no
// file beside it (offline, single-file build), one figure per size of the sweep,
// with the SVG's own description as the image's alternative text.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAP_FIGURES, altText, svgDataUrl } from '../../viz/about-map.ts';

const root = join(import.meta.dirname, '..', '..');

describe('the About panel map', () => {
  it('bundles the committed figure of each size, 400 (the classroom’s) first', () => {
    expect(MAP_FIGURES.map((f) => f.size)).toEqual([400, 100, 1600]);
    for (const { size, svg } of MAP_FIGURES) {
      expect(svg).toBe(readFileSync(join(root, 'docs', 'figures', `where-each-way-wins-${size}.svg`), 'utf8'));
    }
  });

  it('describes each figure in words and encodes it as a self-contained data URL', () => {
    for (const { size, svg } of MAP_FIGURES) {
      const alt = altText(svg, size);
      expect(alt).toMatch(/hierarchy makes more value than peers in \d+ of 49 cells/);
      const url = svgDataUrl(svg);
      expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
      expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(svg);
    }
  });
});
