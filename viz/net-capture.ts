// The network canvas read back: drawn into another canvas (the dashboard picture, a
// video frame) and sampled for ink (tests). WebGL's drawing buffer is only valid
// right after a render, so each reader renders first.
import type { Application } from 'pixi.js';

/** Ties (2D canvas) then people (WebGL) into `c` at (x, y), scaled by k. */
export function drawCanvases(app: Application, ties: HTMLCanvasElement, c: CanvasRenderingContext2D, x: number, y: number, k: number): void {
  app.render();
  const w = app.screen.width * k, h = app.screen.height * k;
  c.drawImage(ties, x, y, w, h);
  c.drawImage(app.canvas, x, y, w, h);
}

/** A canvas drawn over white at 200 × 100, its RGBA bytes. */
function sample(canvas: HTMLCanvasElement): Uint8ClampedArray {
  const c = document.createElement('canvas');
  c.width = 200; c.height = 100;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 200, 100);
  ctx.drawImage(canvas, 0, 0, 200, 100);
  return ctx.getImageData(0, 0, 200, 100).data;
}

/** Share of non-background pixels of the WebGL canvas, sampled at 200 × 100. */
export function inkShare(app: Application): number {
  app.render();
  const d = sample(app.canvas);
  let ink = 0;
  for (let k = 0; k < d.length; k += 4) if (d[k]! < 235 || d[k + 1]! < 235 || d[k + 2]! < 235) ink++;
  return ink / (200 * 100);
}

/** Share of pixels (sampled at 200 × 100) where the canvas shown differs from the WebGL canvas drawn now. */
export function differShare(app: Application, shown: HTMLCanvasElement): number {
  const b = sample(shown);
  app.render();
  const a = sample(app.canvas);
  let differ = 0;
  for (let k = 0; k < a.length; k += 4) if (Math.abs(a[k]! - b[k]!) + Math.abs(a[k + 1]! - b[k + 1]!) + Math.abs(a[k + 2]! - b[k + 2]!) > 24) differ++;
  return differ / (200 * 100);
}
