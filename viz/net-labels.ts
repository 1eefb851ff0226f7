// Words drawn on the network canvas at a person's spot ("leader leaves" where the
// head was, "the leader" by a highlighted person). They live in the panel's label
// layer, which is not scaled by the zoom: a label is always at least 18 CSS pixels
// (VIZ.md: nothing under 16 px), 26 in presentation mode. `textSizes` reports what
// was drawn, in CSS pixels, for the browser test that measures every text on screen.
import { Text, type Container } from 'pixi.js';
import type { Panel } from './net-panel.ts';
import { PERSON } from './palette.ts';

/** Font size of canvas labels in CSS pixels (the page sets it: larger when presenting). */
let labelPx = 18;
export function setLabelSize(px: number): void {
  labelPx = px;
}

function style(strong: boolean) {
  return {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    fontSize: labelPx,
    fontWeight: strong ? ('700' as const) : ('600' as const),
    fill: PERSON.ink,
    stroke: { color: PERSON.paper, width: 5, join: 'round' as const },
  };
}

/** Replaces the panel's spot labels: one per (person, text); each shows until tick `until`. */
export function setSpotLabels(p: Panel, labels: { person: number; text: string; until: number }[]): void {
  for (const l of p.spotLabels) l.text.destroy();
  p.spotLabels = labels.map((l) => {
    const text = new Text({ text: l.text, style: style(true), resolution: 2 });
    text.anchor.set(0.5, 1.35);
    p.labels.addChild(text);
    return { text, person: l.person, until: l.until };
  });
}

/**
 * Draws one label, nearly transparent, in a frame of its own and removes it: the
 * text shader and the font's metrics are then ready before the first shock, whose
 * frame otherwise paid for them (a software rasterizer compiles a shader on first
 * use: ~40 ms of bench:page's longest task).
 */
export function warmLabels(stage: Container, render: () => void): void {
  const text = new Text({ text: 'leader leaves', style: style(true), resolution: 2 });
  text.alpha = 0.01;
  stage.addChild(text);
  render();
  text.destroy();
}

/** Puts labels over their people (after a pan, zoom, resize or layout); hides those past their tick. */
export function placeSpotLabels(p: Panel, pan: { x: number; y: number }, zoom: number, rect: { w: number; h: number }, tick: number): void {
  const pos = p.pos;
  const placed: { x: number; y: number; w: number; h: number }[] = [];
  for (const l of p.spotLabels) {
    const x = pos ? pos[2 * l.person]! : NaN, y = pos ? pos[2 * l.person + 1]! : NaN;
    l.text.visible = !Number.isNaN(x) && tick < l.until;
    if (!l.text.visible) continue;
    const sx = rect.w / 2 + pan.x + x * p.scale * zoom, sy = rect.h / 2 + pan.y + y * p.scale * zoom;
    // Kept inside the panel: a label at the rim would be cut in half.
    const w = l.text.width / 2, h = l.text.height;
    l.text.x = Math.min(rect.w - w - 4, Math.max(w + 4, sx));
    l.text.y = Math.max(h * 1.35 + 2, sy);
    // Two labels on near people ("arrived", "leads it"): the later one goes under its person.
    const box = () => ({ x: l.text.x - w, y: l.text.y - 1.35 * h, w: 2 * w, h });
    if (placed.some((b) => overlaps(b, box()))) l.text.y = sy + 2.35 * h;
    placed.push(box());
  }
}

/** Restyles labels (theme or size changed). */
export function restyleLabels(p: Panel): void {
  for (const l of p.spotLabels) l.text.style = style(true);
}

/** Every visible text on the canvas with its size in CSS pixels (font size × scale on screen). */
export function textSizes(roots: Container[]): { text: string; px: number }[] {
  const out: { text: string; px: number }[] = [];
  const walk = (c: Container) => {
    if (!c.visible) return;
    if (c instanceof Text) {
      const m = c.worldTransform;
      out.push({ text: c.text, px: Number(c.style.fontSize) * Math.sqrt(m.a * m.a + m.b * m.b) });
    }
    for (const k of c.children) walk(k as Container);
  };
  for (const r of roots) walk(r);
  return out;
}

function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
