// The network views (Pixi v8): one canvas, one panel per variant, sharing one
// scale, pan and zoom. Batched by layer (TOOLCHAIN.md: software rendering is the
// bottleneck): ties are drawn on a plain 2D canvas beneath the WebGL canvas, only
// when the topology, the size, the pan or the zoom change (a WebGL layer of ties,
// even baked into one texture, cost ~9 ms of software fill every frame);
// people, halos, rings and messages are particles in ParticleContainers.
import { Application, Container, Graphics, Particle, ParticleContainer, Texture } from 'pixi.js';
import type { Frame, Topology } from '../workers/host.ts';
import { PERSON, hexNumber, setPersonTheme, type Theme } from './palette.ts';

/** How a panel lays people out: the formal tree, or the informal layer's force layout. */
export type PanelMode = 'tree' | 'force';

export interface PanelSpec {
  label: string;
  colour: string;
  mode: PanelMode;
}

/** Most message dots drawn per panel and tick (VIZ.md: at high speed draw fewer, sampled). */
const MAX_DOTS = 500;
const FADE_MS = 1000;
const TEX = 16;
/** Ties drawing after a topology change: ms of drawing per frame, ties per stroke. */
const TIES_SLICE_MS = 6;
const TIES_CHUNK = 1500;

interface Panel {
  spec: PanelSpec;
  root: Container;
  world: Container;
  mask: Graphics;
  /** Ties as segments [x1, y1, x2, y2, …] in world units, drawn on the 2D canvas beneath. */
  ties: Float32Array;
  tieCount: number;
  halos: ParticleContainer;
  people: ParticleContainer;
  rings: ParticleContainer;
  dots: ParticleContainer;
  nodes: Particle[];
  haloPool: Particle[];
  ringPool: Particle[];
  dotPool: Particle[];
  pos: Float32Array | null;
  topo: Topology | null;
  frame: Frame | null;
  removedAt: Float64Array;
  fading: number[];
  dotFrom: Float32Array;
  dotTo: Float32Array;
  dotCount: number;
  frameAt: number;
  radius: number;
}

export class NetworkView {
  readonly app = new Application();
  private panels: Panel[] = [];
  private tex!: { dot: Texture; halo: Texture; ring: Texture; msg: Texture };
  private zoom = 1;
  private pan = { x: 0, y: 0 };
  /** Milliseconds between frames (the time a dot takes along its tie). */
  tickMs = 500;
  /** Something changed since the last render (drawing happens on demand, not every frame). */
  private dirty = true;
  /** The ties' 2D canvas (beneath the transparent WebGL canvas) needs redrawing. */
  private tiesDirty = true;
  private readonly tiesCanvas = document.createElement('canvas');
  /** Where ties are drawn before they are shown (see drawTies). */
  private readonly tiesBack = document.createElement('canvas');
  /** A tie drawing in progress: the panel and the next tie. */
  private tiesJob: { panel: number; k: number } | null = null;
  /** The next ties drawing must finish at once (pan, zoom, resize, theme). */
  private tiesNow = true;
  /** Render every animation frame (the page's normal loop), or only when something moves. */
  continuous = true;

  constructor(private readonly host: HTMLElement) {}

  async init(): Promise<void> {
    await this.app.init({
      preference: 'webgl',
      autoStart: false,
      resizeTo: this.host,
      backgroundAlpha: 0,
      // Antialiasing off: with software WebGL (headless, some school machines) MSAA
      // tripled the cost of a frame; dots are drawn from smooth textures anyway.
      antialias: false,
      autoDensity: true,
      // A software rasterizer (SwiftShader, llvmpipe: headless, machines without a GPU)
      // pays per pixel: draw the dots at 3/4 resolution there so frames stay short.
      resolution: softwareRendering() ? 0.75 : Math.min(2, window.devicePixelRatio || 1),
    });
    this.app.canvas.setAttribute('aria-label', 'network views: people as dots, ties as lines, messages as moving dots');
    this.app.canvas.setAttribute('role', 'img');
    this.tiesCanvas.className = 'ties';
    this.tiesCanvas.setAttribute('aria-hidden', 'true');
    this.host.append(this.tiesCanvas, this.app.canvas);
    this.tex = {
      dot: this.texture((g) => g.circle(TEX, TEX, TEX - 2).fill(0xffffff)),
      halo: this.texture((g) => g.circle(TEX, TEX, TEX - 2).fill({ color: 0xffffff, alpha: 0.9 }).circle(TEX, TEX, TEX - 2).stroke({ width: 2, color: 0x8a7a00 })),
      ring: this.texture((g) => g.circle(TEX, TEX, TEX - 4).stroke({ width: 6, color: 0xffffff })),
      msg: this.texture((g) => g.circle(TEX, TEX, TEX - 2).fill(0xffffff)),
    };
    this.app.ticker.stop();
    this.app.renderer.on('resize', () => { this.relayout(); this.dirty = true; this.tiesDirty = true; this.tiesNow = true; });
    const frame = (now: number) => { requestAnimationFrame(frame); this.animate(now); };
    requestAnimationFrame(frame);
    // Pixi's resizeTo only hears window resizes; the stage also changes size with the
    // layout (presentation mode, chart pages, the lesson panel).
    new ResizeObserver(() => (this.app as unknown as { queueResize(): void }).queueResize()).observe(this.host);
    this.bindPanZoom();
  }

  private texture(draw: (g: Graphics) => void): Texture {
    const g = new Graphics();
    draw(g);
    g.rect(0, 0, 2 * TEX, 2 * TEX).fill({ color: 0xffffff, alpha: 0 });
    return this.app.renderer.generateTexture({ target: g, resolution: 2 });
  }

  /** Replaces the panels (a new scenario). */
  setPanels(specs: PanelSpec[]): void {
    for (const p of this.panels) p.root.destroy({ children: true });
    this.panels = specs.map((spec) => this.makePanel(spec));
    this.zoom = 1;
    this.pan = { x: 0, y: 0 };
    this.relayout();
  }

  private makePanel(spec: PanelSpec): Panel {
    const root = new Container();
    const world = new Container();
    const mask = new Graphics();
    // People, halos and rings change once a tick: static buffers, uploaded only after
    // update() (dynamic ones are re-uploaded on every render). Dots move every frame.
    const still = { position: false, vertex: false, color: false, rotation: false, uvs: false };
    const moving = { position: true, vertex: false, color: false, rotation: false, uvs: false };
    const halos = new ParticleContainer({ texture: this.tex.halo, dynamicProperties: still });
    const people = new ParticleContainer({ texture: this.tex.dot, dynamicProperties: still });
    const rings = new ParticleContainer({ texture: this.tex.ring, dynamicProperties: still });
    const dots = new ParticleContainer({ texture: this.tex.msg, dynamicProperties: moving });
    world.addChild(halos, people, rings, dots);
    root.addChild(world, mask);
    mask.visible = false;
    this.app.stage.addChild(root);
    return {
      spec, root, world, mask, ties: new Float32Array(0), tieCount: 0, halos, people, rings, dots,
      nodes: [], haloPool: [], ringPool: [], dotPool: [],
      pos: null, topo: null, frame: null,
      removedAt: new Float64Array(0), fading: [],
      dotFrom: new Float32Array(2 * MAX_DOTS), dotTo: new Float32Array(2 * MAX_DOTS), dotCount: 0,
      frameAt: 0, radius: 3,
    };
  }

  /** Panel rectangles in CSS pixels: equal columns. */
  panelRects(): { x: number; y: number; w: number; h: number }[] {
    const W = this.app.screen.width, H = this.app.screen.height, k = Math.max(1, this.panels.length), gap = 12;
    const w = (W - gap * (k - 1)) / k;
    return this.panels.map((_, i) => ({ x: i * (w + gap), y: 0, w, h: H }));
  }

  private scaleOf(rect: { w: number; h: number }): number {
    return Math.max(10, Math.min(rect.w, rect.h) / 2 - 14);
  }

  private relayout(): void {
    const rects = this.panelRects();
    this.panels.forEach((p, i) => {
      const r = rects[i]!;
      p.root.position.set(r.x, r.y);
      p.mask.clear().rect(0, 0, r.w, r.h).fill(0xffffff);
      p.world.position.set(r.w / 2 + this.pan.x, r.h / 2 + this.pan.y);
      p.world.scale.set(this.zoom);
      if (p.pos && p.topo) this.build(p, i);
    });
  }

  /** New ties or people in panel i: positions (−1 … 1) and the layers, drawn once. */
  setTopology(i: number, topo: Topology, pos: Float32Array): void {
    const p = this.panels[i];
    if (!p) return;
    p.topo = topo;
    p.pos = pos;
    if (p.removedAt.length < topo.n) {
      const r = new Float64Array(topo.n).fill(-1);
      r.set(p.removedAt);
      p.removedAt = r;
    }
    this.build(p, i);
    this.dirty = true;
  }

  private build(p: Panel, i: number): void {
    const topo = p.topo!, pos = p.pos!, n = topo.n;
    const S = this.scaleOf(this.panelRects()[i]!);
    p.radius = Math.max(1.8, Math.min(7, (0.9 * S) / Math.sqrt(Math.max(1, n))));
    const alive = p.frame?.alive;
    const live = (v: number) => !alive || alive[v] === 1;
    // Ties: segments in world units, drawn on the 2D canvas beneath the WebGL one (see drawTies).
    let m = 0;
    const need = p.spec.mode === 'tree' ? 4 * n : topo.complete ? 0 : 2 * topo.targets.length;
    if (p.ties.length < need) p.ties = new Float32Array(need);
    const seg = (u: number, v: number) => {
      p.ties[m++] = pos[2 * u]! * S; p.ties[m++] = pos[2 * u + 1]! * S; p.ties[m++] = pos[2 * v]! * S; p.ties[m++] = pos[2 * v + 1]! * S;
    };
    if (p.spec.mode === 'tree') {
      for (let v = 0; v < n; v++) {
        const u = topo.formalParent[v]!;
        if (u >= 0 && live(u) && live(v)) seg(v, u);
      }
    } else if (!topo.complete) {
      for (let u = 0; u < n; u++) {
        if (!live(u)) continue;
        for (let k = topo.offsets[u]!; k < topo.offsets[u + 1]!; k++) {
          const v = topo.targets[k]!;
          if (v > u && live(v)) seg(u, v);
        }
      }
    }
    p.tieCount = m / 4;
    this.tiesDirty = true;
    // People: one particle each, at fixed places (a removal never moves anyone).
    const scale = p.radius / (TEX - 2);
    while (p.nodes.length < n) {
      const q = new Particle({ texture: this.tex.dot, anchorX: 0.5, anchorY: 0.5, tint: PERSON.idle });
      p.nodes.push(q);
    }
    for (let v = 0; v < n; v++) {
      const q = p.nodes[v]!;
      q.x = pos[2 * v]! * S;
      q.y = pos[2 * v + 1]! * S;
      q.scaleX = q.scaleY = scale;
    }
    p.people.particleChildren.length = 0;
    for (let v = 0; v < n; v++) p.people.particleChildren.push(p.nodes[v]!);
    p.people.update();
    if (p.frame) this.paint(p, i, performance.now());
  }

  /** A new tick for panel i: colours, sizes, halos, rings and the messages now in flight. */
  setFrame(i: number, frame: Frame, now: number): void {
    const p = this.panels[i];
    if (!p) return;
    const prev = p.frame;
    if (prev && prev.tick < frame.tick) {
      for (let v = 0; v < Math.min(prev.n, frame.n); v++) {
        if (prev.alive[v] === 1 && frame.alive[v] === 0 && v < p.removedAt.length) { p.removedAt[v] = now; p.fading.push(v); }
      }
    } else if (!prev || prev.tick > frame.tick) {
      // A new run or a jump back: no fade, the removed are shown faded at once.
      p.removedAt.fill(-1);
      p.fading = [];
    }
    p.frame = frame;
    p.frameAt = now;
    this.paint(p, i, now);
    this.dirty = true;
  }

  private paint(p: Panel, i: number, now: number): void {
    const f = p.frame!, pos = p.pos;
    if (!pos) return;
    const S = this.scaleOf(this.panelRects()[i]!);
    const n = Math.min(f.n, pos.length / 2, p.nodes.length);
    const base = p.radius / (TEX - 2);
    let halos = 0, rings = 0;
    for (let v = 0; v < n; v++) {
      const q = p.nodes[v]!;
      if (!f.alive[v]) {
        q.tint = PERSON.idle;
        const t0 = p.removedAt[v]!;
        q.alpha = t0 < 0 ? 0.12 : Math.max(0.12, 1 - (now - t0) / FADE_MS);
        q.scaleX = q.scaleY = base;
        continue;
      }
      q.alpha = 1;
      q.tint = f.misinformed[v] ? PERSON.misinformed : f.informed[v] ? PERSON.informed : PERSON.idle;
      // Overloaded people grow with their queue (square root: area ∝ waiting messages).
      const grow = Math.min(4, 1 + 0.35 * Math.sqrt(f.queue[v]!));
      q.scaleX = q.scaleY = base * grow;
      if (f.leading[v]) halos = this.place(p.haloPool, p.halos, halos, this.tex.halo, q.x, q.y, base * grow * 1.55, PERSON.halo);
      if (f.misinformed[v]) rings = this.place(p.ringPool, p.rings, rings, this.tex.ring, q.x, q.y, base * grow * 1.75, PERSON.ring);
    }
    p.people.update();
    this.trim(p.haloPool, p.halos, halos);
    this.trim(p.ringPool, p.rings, rings);
    // Messages in flight: sample evenly when there are more than MAX_DOTS.
    const m = f.messages, count = m.length / 3, stride = Math.max(1, Math.ceil(count / MAX_DOTS));
    let d = 0;
    for (let j = 0; j < count && d < MAX_DOTS; j += stride) {
      const a = m[3 * j]!, b = m[3 * j + 1]!;
      if (a < 0 || b < 0 || a >= pos.length / 2 || b >= pos.length / 2) continue;
      p.dotFrom[2 * d] = pos[2 * a]! * S; p.dotFrom[2 * d + 1] = pos[2 * a + 1]! * S;
      p.dotTo[2 * d] = pos[2 * b]! * S; p.dotTo[2 * d + 1] = pos[2 * b + 1]! * S;
      d++;
    }
    p.dotCount = d;
    const colour = hexNumber(p.spec.colour);
    while (p.dotPool.length < d) p.dotPool.push(new Particle({ texture: this.tex.msg, anchorX: 0.5, anchorY: 0.5, tint: colour }));
    p.dots.particleChildren.length = 0;
    const ds = Math.max(1.3, p.radius * 0.42) / (TEX - 2);
    for (let k = 0; k < d; k++) {
      const q = p.dotPool[k]!;
      q.tint = colour;
      q.scaleX = q.scaleY = ds;
      p.dots.particleChildren.push(q);
    }
    p.dots.update();
    this.moveDots(p, now);
  }

  private place(pool: Particle[], pc: ParticleContainer, k: number, tex: Texture, x: number, y: number, s: number, tint: number): number {
    if (pool.length <= k) pool.push(new Particle({ texture: tex, anchorX: 0.5, anchorY: 0.5 }));
    const q = pool[k]!;
    q.x = x; q.y = y; q.scaleX = q.scaleY = s; q.tint = tint;
    if (pc.particleChildren[k] !== q) pc.particleChildren[k] = q;
    return k + 1;
  }

  private trim(_pool: Particle[], pc: ParticleContainer, k: number): void {
    pc.particleChildren.length = k;
    pc.update();
  }

  private moveDots(p: Panel, now: number): void {
    const t = Math.min(1, Math.max(0, (now - p.frameAt) / this.tickMs));
    const e = t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2; // ease in-out
    for (let k = 0; k < p.dotCount; k++) {
      const q = p.dotPool[k]!;
      q.x = p.dotFrom[2 * k]! + (p.dotTo[2 * k]! - p.dotFrom[2 * k]!) * e;
      q.y = p.dotFrom[2 * k + 1]! + (p.dotTo[2 * k + 1]! - p.dotFrom[2 * k + 1]!) * e;
    }
  }

  private animate(now: number): void {
    let moving = this.dirty;
    for (const p of this.panels) {
      if (!p.frame) continue;
      // Dots move during the tick they are in flight, then rest until the next frame.
      if (p.dotCount && now - p.frameAt < this.tickMs + 50) moving = true;
      if (p.fading.length) moving = true;
      this.moveDots(p, now);
      if (p.fading.length) {
        const base = p.radius / (TEX - 2);
        p.fading = p.fading.filter((v) => {
          const q = p.nodes[v];
          if (!q) return false;
          const a = Math.max(0.12, 1 - (now - p.removedAt[v]!) / FADE_MS);
          q.alpha = a;
          q.tint = PERSON.idle;
          q.scaleX = q.scaleY = base;
          return a > 0.12;
        });
        p.people.update();
      }
    }
    if (this.tiesDirty) this.drawTies();
    else if (this.tiesJob) this.stepTies(TIES_SLICE_MS);
    if (moving || this.continuous) {
      this.dirty = false;
      this.app.render();
    }
  }

  /**
   * Ties of every panel on the 2D canvas, with the panels' pan and zoom. Pan, zoom and
   * resizing redraw at once (the picture must follow the hand); a new topology (a
   * removal, newcomers) is drawn in slices of ~6 ms across frames on a back canvas and
   * then copied over, the old ties staying visible meanwhile: stroking ~10,000 ties in
   * one go cost a 50–60 ms frame with software rasterization (bench:page's long task).
   */
  private drawTies(): void {
    this.tiesDirty = false;
    const now = this.tiesNow;
    this.tiesNow = false;
    const c = this.tiesBack, ratio = this.app.renderer.resolution;
    const W = this.app.screen.width, H = this.app.screen.height;
    if (c.width !== Math.round(W * ratio) || c.height !== Math.round(H * ratio)) { c.width = Math.round(W * ratio); c.height = Math.round(H * ratio); }
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, c.width, c.height);
    this.tiesJob = { panel: 0, k: 0 };
    this.stepTies(now ? Infinity : TIES_SLICE_MS);
  }

  /** Draws ties on the back canvas for about `budget` ms; when all are drawn, shows them. */
  private stepTies(budget: number): void {
    const job = this.tiesJob;
    if (!job) return;
    const c = this.tiesBack, g = c.getContext('2d', { willReadFrequently: true })!, ratio = this.app.renderer.resolution;
    const rects = this.panelRects(), t0 = performance.now();
    while (job.panel < this.panels.length && performance.now() - t0 < budget) {
      const p = this.panels[job.panel]!, r = rects[job.panel]!;
      if (job.k >= p.tieCount) { job.panel++; job.k = 0; continue; }
      const end = budget === Infinity ? p.tieCount : Math.min(p.tieCount, job.k + TIES_CHUNK);
      g.save();
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      g.beginPath();
      g.rect(r.x, r.y, r.w, r.h);
      g.clip();
      g.translate(r.x + r.w / 2 + this.pan.x, r.y + r.h / 2 + this.pan.y);
      g.scale(this.zoom, this.zoom);
      g.beginPath();
      const t = p.ties;
      for (let k = 4 * job.k; k < 4 * end; k += 4) { g.moveTo(t[k]!, t[k + 1]!); g.lineTo(t[k + 2]!, t[k + 3]!); }
      const tree = p.spec.mode === 'tree';
      g.lineWidth = (tree ? 1 : 0.8) / this.zoom;
      g.strokeStyle = `#${(tree ? PERSON.tree : PERSON.tie).toString(16).padStart(6, '0')}`;
      g.globalAlpha = tree ? 0.4 : 0.28;
      g.stroke();
      g.restore();
      job.k = end;
      // Rasterize this slice now (canvas 2D defers drawing to the frame's paint otherwise).
      if (budget !== Infinity) g.getImageData(0, 0, 1, 1);
    }
    if (job.panel < this.panels.length) return;
    this.tiesJob = null;
    const v = this.tiesCanvas;
    if (v.width !== c.width || v.height !== c.height) { v.width = c.width; v.height = c.height; }
    const out = v.getContext('2d')!;
    out.setTransform(1, 0, 0, 1, 0, 0);
    out.clearRect(0, 0, v.width, v.height);
    out.drawImage(c, 0, 0);
  }

  /** Colours of people and ties for a theme: repaints every panel and redraws the ties. */
  setTheme(theme: Theme): void {
    setPersonTheme(theme);
    const now = performance.now();
    this.panels.forEach((p, i) => { if (p.frame) this.paint(p, i, now); });
    this.tiesDirty = true;
    this.tiesNow = true;
    this.dirty = true;
  }

  /** The person under a point of the canvas (CSS pixels): panel index and id, or null. */
  hit(x: number, y: number): { panel: number; person: number } | null {
    const rects = this.panelRects();
    const i = rects.findIndex((r) => x >= r.x && x < r.x + r.w);
    const p = this.panels[i];
    if (!p || !p.pos || !p.frame) return null;
    const r = rects[i]!;
    const S = this.scaleOf(r);
    const lx = (x - r.x - r.w / 2 - this.pan.x) / this.zoom, ly = (y - r.y - r.h / 2 - this.pan.y) / this.zoom;
    let best = -1, bestD = (p.radius * 2.5 + 4 / this.zoom) ** 2;
    const n = Math.min(p.frame.n, p.pos.length / 2);
    for (let v = 0; v < n; v++) {
      const dx = p.pos[2 * v]! * S - lx, dy = p.pos[2 * v + 1]! * S - ly, d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = v; }
    }
    return best < 0 ? null : { panel: i, person: best };
  }

  private bindPanZoom(): void {
    const c = this.app.canvas;
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const k = Math.exp(-e.deltaY * 0.0015);
      this.zoom = Math.min(12, Math.max(0.5, this.zoom * k));
      this.relayoutWorld();
    }, { passive: false });
    let drag: { x: number; y: number } | null = null;
    c.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, y: e.clientY }; c.setPointerCapture(e.pointerId); });
    c.addEventListener('pointermove', (e) => {
      if (!drag) return;
      this.pan.x += e.clientX - drag.x; this.pan.y += e.clientY - drag.y;
      drag = { x: e.clientX, y: e.clientY };
      this.relayoutWorld();
    });
    const end = () => { drag = null; };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    c.addEventListener('dblclick', () => this.resetView());
  }

  /** Back to the whole picture. */
  resetView(): void {
    this.zoom = 1;
    this.pan = { x: 0, y: 0 };
    this.relayoutWorld();
  }

  private relayoutWorld(): void {
    const rects = this.panelRects();
    this.dirty = true;
    this.tiesDirty = true;
    // Clip to the panel only when zoomed or panned (a mask costs a stencil pass per frame).
    this.tiesNow = true;
    const clip = this.zoom !== 1 || this.pan.x !== 0 || this.pan.y !== 0;
    this.panels.forEach((p, i) => {
      const r = rects[i]!;
      p.root.mask = clip ? p.mask : null;
      p.mask.visible = clip;
      p.world.position.set(r.w / 2 + this.pan.x, r.h / 2 + this.pan.y);
      p.world.scale.set(this.zoom);
    });
  }

  /** The canvas as a PNG data URL, with the variants' names written on it. */
  png(): string {
    this.app.render();
    const src = this.app.canvas;
    const out = document.createElement('canvas');
    out.width = src.width;
    out.height = src.height + 48;
    const c = out.getContext('2d')!;
    // The page's own background (the theme's), so the picture looks like the page.
    c.fillStyle = getComputedStyle(this.host).backgroundColor || '#ffffff';
    c.fillRect(0, 0, out.width, out.height);
    c.drawImage(this.tiesCanvas, 0, 48, src.width, src.height);
    c.drawImage(src, 0, 48);
    const ratio = src.width / this.app.screen.width;
    c.font = `600 ${Math.round(22 * ratio)}px system-ui, sans-serif`;
    this.panelRects().forEach((r, i) => {
      c.fillStyle = this.panels[i]!.spec.colour;
      c.fillText(this.panels[i]!.spec.label.toUpperCase(), r.x * ratio + 8, 32);
    });
    return out.toDataURL('image/png');
  }

  /** Samples the drawn canvas: the share of pixels that are not background (for tests). */
  inkShare(): number {
    this.app.render();
    const src = this.app.canvas;
    const c = document.createElement('canvas');
    c.width = 200; c.height = 100;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 200, 100);
    ctx.drawImage(src, 0, 0, 200, 100);
    const d = ctx.getImageData(0, 0, 200, 100).data;
    let ink = 0;
    for (let k = 0; k < d.length; k += 4) if (d[k]! < 235 || d[k + 1]! < 235 || d[k + 2]! < 235) ink++;
    return ink / (200 * 100);
  }
}

/** True when WebGL is drawn by a software rasterizer (asked once, on a throwaway canvas). */
function softwareRendering(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(name);
  } catch {
    return false;
  }
}
