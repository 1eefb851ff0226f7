// The About panel's map of where each way of working wins (docs/claims.md,
// issue 15 item 4): the committed SVGs, drawn by docs/claims/where-each-way-wins.ts
// from sweeps/where-each-way-wins.json, are bundled as text (Vite's `?raw`) and
// shown as images from data: URLs — so they work offline and in the single-file
// dist/equipotent.html, and the SVG's text is never parsed as the page's HTML.
import map100 from '../docs/figures/where-each-way-wins-100.svg?raw';
import map400 from '../docs/figures/where-each-way-wins-400.svg?raw';
import map1600 from '../docs/figures/where-each-way-wins-1600.svg?raw';
import { MAP_SUMMARY } from './about-map-text.ts';

/** The maps by organization size; the classroom's own size (400) is shown open. */
export const MAP_FIGURES: readonly { size: number; svg: string }[] = [
  { size: 400, svg: map400 },
  { size: 100, svg: map100 },
  { size: 1600, svg: map1600 },
];

/** The SVG's own description (its <desc>), as the image's alternative text. */
export function altText(svg: string, size: number): string {
  const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
  const text = desc.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return `Where each way of working wins, ${size} people. ${text}`;
}

export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** The map as a button: the drawer is narrow, so a click (or Enter) shows it across the screen, for projecting; a click or Escape closes it. */
function figure(size: number, svg: string): HTMLElement {
  const image = (cls: string) => {
    const img = document.createElement('img');
    img.src = svgDataUrl(svg);
    img.alt = altText(svg, size);
    img.className = cls;
    return img;
  };
  const button = document.createElement('button');
  button.className = 'about-map-open';
  button.title = 'Show the map across the screen';
  button.append(image('about-map'));
  button.addEventListener('click', () => {
    const dialog = document.createElement('dialog');
    dialog.className = 'about-map-large';
    dialog.append(image('about-map-full'));
    dialog.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  });
  return button;
}

/** The section's elements: a heading, what the map shows, and the three maps (400 open, 100 and 1,600 folded). */
export function mapSection(): HTMLElement[] {
  const h = document.createElement('h3');
  h.textContent = 'Where each way of working wins';
  const out: HTMLElement[] = [h];
  for (const t of MAP_SUMMARY) {
    const p = document.createElement('p');
    p.textContent = t;
    out.push(p);
  }
  MAP_FIGURES.forEach(({ size, svg }, i) => {
    if (i === 0) {
      out.push(figure(size, svg));
      return;
    }
    const d = document.createElement('details');
    const s = document.createElement('summary');
    s.textContent = `The same map for ${size.toLocaleString('en-US')} people`;
    d.append(s, figure(size, svg));
    out.push(d);
  });
  return out;
}
