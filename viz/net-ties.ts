// The ties of every panel, on a plain 2D canvas beneath the transparent WebGL
// canvas, redrawn only when the topology, the size, the pan or the zoom change (a
// WebGL layer of ties, even baked into one texture, cost ~9 ms of software fill
// every frame; TOOLCHAIN.md). Pan, zoom and resizing redraw at once (the picture must
// follow the hand); a new topology (a removal, newcomers) is drawn in slices of ~6 ms
// across frames on a back canvas and then copied over, the old ties staying visible
// meanwhile: stroking ~10,000 ties in one go cost a 50–60 ms frame with software
// rasterization (bench:page's long task).
import { PERSON } from './palette.ts';

/** Ms of drawing per frame, and ties per stroke, while a new topology is drawn. */
const SLICE_MS = 6;
const CHUNK = 1500;

export interface TiesSource {
  /** Segments [x1, y1, x2, y2, …] in world units. */
  ties: Float32Array;
  count: number;
  tree: boolean;
}

export interface View {
  rects: { x: number; y: number; w: number; h: number }[];
  pan: { x: number; y: number };
  zoom: number;
  /** Device pixels per CSS pixel of the canvases. */
  ratio: number;
  width: number;
  height: number;
}

export class TiesLayer {
  readonly canvas = document.createElement('canvas');
  /** Where ties are drawn before they are shown. */
  private readonly back = document.createElement('canvas');
  private job: { panel: number; k: number; view: View; panels: TiesSource[] } | null = null;
  /** The ties changed since they were drawn; `now`: draw them in one go (pan, zoom, resize, theme). */
  private dirty = true;
  private now = true;

  constructor() {
    this.canvas.className = 'ties';
    this.canvas.setAttribute('aria-hidden', 'true');
  }

  /** True while a sliced drawing is unfinished (the page keeps animating until it is). */
  get busy(): boolean {
    return this.job !== null;
  }

  /** The ties must be drawn again (at once when the picture must follow the hand). */
  invalidate(now: boolean): void {
    this.dirty = true;
    this.now ||= now;
  }

  /** One animation frame's share: starts a drawing if the ties changed, else goes on with the current one. True while unfinished. */
  frame(panels: () => TiesSource[], view: () => View): boolean {
    if (this.dirty) {
      this.dirty = false;
      this.draw(panels(), view(), this.now);
      this.now = false;
    } else if (this.job) this.step();
    return this.busy;
  }

  /** Finishes every drawing now (a picture must not catch it half-drawn). */
  flush(panels: () => TiesSource[], view: () => View): void {
    if (this.dirty) {
      this.dirty = false;
      this.now = false;
      this.draw(panels(), view(), true);
    } else if (this.job) this.step(Infinity);
  }

  /** Starts drawing every panel's ties; `now` finishes at once (pan, zoom, resize, theme). */
  draw(panels: TiesSource[], view: View, now: boolean): void {
    const c = this.back, W = Math.round(view.width * view.ratio), H = Math.round(view.height * view.ratio);
    if (c.width !== W || c.height !== H) { c.width = W; c.height = H; }
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, c.width, c.height);
    this.job = { panel: 0, k: 0, view, panels };
    this.step(now ? Infinity : SLICE_MS);
  }

  /** Draws on the back canvas for about `budget` ms; when all are drawn, shows them. */
  step(budget = SLICE_MS): void {
    const job = this.job;
    if (!job) return;
    const { view, panels } = job;
    const g = this.back.getContext('2d', { willReadFrequently: true })!, t0 = performance.now();
    while (job.panel < panels.length && performance.now() - t0 < budget) {
      const p = panels[job.panel]!, r = view.rects[job.panel];
      if (!r || job.k >= p.count) { job.panel++; job.k = 0; continue; }
      const end = budget === Infinity ? p.count : Math.min(p.count, job.k + CHUNK);
      g.save();
      g.setTransform(view.ratio, 0, 0, view.ratio, 0, 0);
      g.beginPath();
      g.rect(r.x, r.y, r.w, r.h);
      g.clip();
      g.translate(r.x + r.w / 2 + view.pan.x, r.y + r.h / 2 + view.pan.y);
      g.scale(view.zoom, view.zoom);
      g.beginPath();
      const t = p.ties;
      for (let k = 4 * job.k; k < 4 * end; k += 4) { g.moveTo(t[k]!, t[k + 1]!); g.lineTo(t[k + 2]!, t[k + 3]!); }
      g.lineWidth = (p.tree ? 1.2 : 0.9) / view.zoom;
      g.strokeStyle = `#${(p.tree ? PERSON.tree : PERSON.tie).toString(16).padStart(6, '0')}`;
      g.globalAlpha = p.tree ? 0.45 : 0.3;
      g.stroke();
      g.restore();
      job.k = end;
      // Rasterize this slice now (canvas 2D defers drawing to the frame's paint otherwise).
      if (budget !== Infinity) g.getImageData(0, 0, 1, 1);
    }
    if (job.panel < panels.length) return;
    this.job = null;
    const v = this.canvas;
    if (v.width !== this.back.width || v.height !== this.back.height) { v.width = this.back.width; v.height = this.back.height; }
    const out = v.getContext('2d')!;
    out.setTransform(1, 0, 0, 1, 0, 0);
    out.clearRect(0, 0, v.width, v.height);
    out.drawImage(this.back, 0, 0);
  }
}

/** Ties of one panel as segments in world units: the formal tree (tree view) or the informal layer, alive people only. */
export function tieSegments(
  into: Float32Array, tree: boolean,
  topo: { n: number; complete: boolean; offsets: Int32Array; targets: Int32Array; formalParent: Int32Array },
  pos: Float32Array, scale: number, alive: Uint8Array | null,
): { ties: Float32Array; count: number } {
  const n = topo.n;
  const live = (v: number) => (!alive || alive[v] === 1) && !Number.isNaN(pos[2 * v]!);
  const need = tree ? 4 * n : topo.complete ? 0 : 2 * topo.targets.length;
  let t = into.length < need ? new Float32Array(need) : into, m = 0;
  const seg = (u: number, v: number) => {
    t[m++] = pos[2 * u]! * scale; t[m++] = pos[2 * u + 1]! * scale; t[m++] = pos[2 * v]! * scale; t[m++] = pos[2 * v + 1]! * scale;
  };
  if (tree) {
    for (let v = 0; v < n; v++) { const u = topo.formalParent[v]!; if (u >= 0 && live(u) && live(v)) seg(v, u); }
  } else if (!topo.complete) {
    for (let u = 0; u < n; u++) {
      if (!live(u)) continue;
      for (let k = topo.offsets[u]!; k < topo.offsets[u + 1]!; k++) { const v = topo.targets[k]!; if (v > u && live(v)) seg(u, v); }
    }
  }
  if (m > t.length) t = t.slice(0, m);
  return { ties: t, count: m / 4 };
}
