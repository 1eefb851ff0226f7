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

/** Share of non-background pixels of the WebGL canvas, sampled at 200 × 100. */
export function inkShare(app: Application): number {
  const c = document.createElement('canvas');
  c.width = 200; c.height = 100;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 200, 100);
  app.render();
  ctx.drawImage(app.canvas, 0, 0, 200, 100);
  const d = ctx.getImageData(0, 0, 200, 100).data;
  let ink = 0;
  for (let k = 0; k < d.length; k += 4) if (d[k]! < 235 || d[k + 1]! < 235 || d[k + 2]! < 235) ink++;
  return ink / (200 * 100);
}
