// A picture of the whole dashboard as a teacher would paste it in slides: a title
// band (scenario, tick, seed, state hashes) over the page as it looks — network
// views with their words, names, cards, legend, the lesson or notice, the focus
// charts and the strip — drawn onto one canvas. The page's layout is read from the
// DOM (its boxes, colours and fonts); text is drawn word by word where the browser
// laid it out, the charts' SVG as images with their styles inlined, the network
// views from their canvases. The same state gives the same picture (the video's frames).
import type { App } from './app.ts';

const BAND = 64;

/** Which parts of the page the picture holds (controls are left out). */
const PARTS = ['#names', '#stage', '#cards', '.legend', '.side', '#charts'];

function visible(el: Element): boolean {
  const s = getComputedStyle(el);
  return s.display !== 'none' && s.visibility !== 'hidden' && !(el as HTMLElement).closest('[hidden]');
}

/** The box that clips an element's text (an ancestor with overflow hidden), or null. */
function clipBox(el: Element): DOMRect | null {
  for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
    if (getComputedStyle(e).overflowX !== 'visible') return e.getBoundingClientRect();
  }
  return null;
}

/** Draws the page's text nodes under `root`, word by word where they are laid out, cut where the page cuts them (…). */
function drawText(c: CanvasRenderingContext2D, root: Element, dy: number): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent ?? '';
    if (!el || !text.trim() || el.closest('svg, button, select, input, [hidden]') || !visible(el)) continue;
    const s = getComputedStyle(el);
    c.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    c.fillStyle = s.color;
    c.textBaseline = 'middle';
    const clip = clipBox(el);
    for (const m of text.matchAll(/\S+/g)) {
      range.setStart(node, m.index!);
      range.setEnd(node, m.index! + m[0].length);
      const r = range.getClientRects()[0];
      if (!r || r.width === 0) continue;
      const y = r.top + r.height / 2 + dy;
      if (clip && r.right > clip.right + 1) {
        // The page shows an ellipsis here: the words that fit, then "…".
        if (r.left < clip.right - 8) c.fillText('…', r.left, y);
        break;
      }
      c.fillText(m[0], r.left, y, r.width + 2);
    }
  }
}

/** Backgrounds and the borders the page uses to mean something (variant rules, the notice's edge, badges). */
function drawBoxes(c: CanvasRenderingContext2D, root: Element, dy: number): void {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el.closest('svg') || !visible(el)) continue;
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (s.backgroundColor && s.backgroundColor !== 'rgba(0, 0, 0, 0)' && el.tagName !== 'BUTTON') {
      c.fillStyle = s.backgroundColor;
      if (s.borderRadius === '50%') { c.beginPath(); c.ellipse(r.left + r.width / 2, r.top + dy + r.height / 2, r.width / 2, r.height / 2, 0, 0, 2 * Math.PI); c.fill(); }
      else c.fillRect(r.left, r.top + dy, r.width, r.height);
    }
    const side = (w: string, col: string, x: number, y: number, ww: number, hh: number) => { const px = parseFloat(w); if (px > 0 && col !== 'rgba(0, 0, 0, 0)') { c.fillStyle = col; c.fillRect(x, y + dy, ww === 0 ? px : ww, hh === 0 ? px : hh); } };
    side(s.borderBottomWidth, s.borderBottomColor, r.left, r.bottom - parseFloat(s.borderBottomWidth), r.width, 0);
    side(s.borderLeftWidth, s.borderLeftColor, r.left, r.top, 0, r.height);
    side(s.borderTopWidth, s.borderTopColor, r.left, r.top, r.width, 0);
    side(s.borderRightWidth, s.borderRightColor, r.right - parseFloat(s.borderRightWidth), r.top, 0, r.height);
  }
}

/** An SVG chart as an image with its computed styles inlined (classes mean nothing outside the page). */
async function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')], dst = [copy, ...copy.querySelectorAll('*')];
  src.forEach((e, i) => {
    const s = getComputedStyle(e), d = dst[i] as SVGElement;
    for (const k of ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight', 'paint-order', 'display']) d.style.setProperty(k, s.getPropertyValue(k));
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The dashboard on a canvas of the window's size plus the title band; `phase`/`now` fix the views' motion (video). */
export async function dashboardCanvas(app: App, opts: { phase?: number; now?: number } = {}): Promise<HTMLCanvasElement> {
  const { runner, view } = app;
  const W = window.innerWidth, H = window.innerHeight;
  const top = document.querySelector('.dashboard')!.getBoundingClientRect().top;
  const dy = BAND - top;
  const out = document.createElement('canvas');
  out.width = W;
  out.height = H - top + BAND;
  const c = out.getContext('2d')!;
  const page = getComputedStyle(document.documentElement);
  c.fillStyle = page.backgroundColor || '#ffffff';
  c.fillRect(0, 0, out.width, out.height);
  // The title band: what, when, which seed, and the hashes that prove it.
  const src = runner.source;
  c.fillStyle = page.color || '#111418';
  c.textBaseline = 'middle';
  c.font = `800 26px ${page.fontFamily}`;
  c.fillText(`equipotent · ${src?.name ?? ''} · tick ${runner.tick}`, 16, 22);
  c.font = `500 16px ${page.fontFamily}`;
  const changes = src && Object.keys(src.overrides).length ? ` · changed: ${Object.entries(src.overrides).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}` : '';
  c.fillText(`seed ${src?.seed ?? ''}${changes} · state hashes: ${runner.sides.map((s, i) => `${s.label} ${runner.hashes[i] ?? ''}`).join(' · ')}`, 16, 48, W - 32);
  const parts = PARTS.map((sel) => document.querySelector(sel)).filter((e): e is Element => e !== null && visible(e));
  for (const p of parts) drawBoxes(c, p, dy);
  const stage = document.getElementById('stage')!.getBoundingClientRect();
  view.drawInto(c, stage.left, stage.top + dy, 1, opts);
  const overlay = document.querySelector('.stage-overlay');
  if (overlay) drawBoxes(c, overlay, dy);
  for (const svg of parts.flatMap((p) => [...p.querySelectorAll('svg')]).filter(visible)) {
    const r = svg.getBoundingClientRect();
    if (r.width && r.height) c.drawImage(await svgImage(svg), r.left, r.top + dy, r.width, r.height);
  }
  for (const p of parts) drawText(c, p, dy);
  return out;
}
