// The network views (Pixi v8): one canvas, one panel per variant, sharing one
// scale, pan and zoom. Ties are drawn on a 2D canvas beneath (net-ties.ts); people,
// tints, halos, rings, marks and messages are particles (net-panel.ts, net-dots.ts);
// words sit on the canvas at a person's spot (net-labels.ts) or over each panel in
// HTML (net-badges.ts). Nothing is drawn while nothing moves: a paused page idles.
import { Application, Graphics, Ticker, type Texture } from 'pixi.js';
import type { Frame, Topology } from '../workers/host.ts';
import { PERSON, setPersonTheme, type Theme } from './palette.ts';
import { TEX, makePanel, paintPeople, placePeople, type Panel, type PanelSpec, type Textures } from './net-panel.ts';
import { MAX_DOTS, fillDots, moveDots, moveDotsTo } from './net-dots.ts';
import { TiesLayer, tieSegments } from './net-ties.ts';
import { placeSpotLabels, restyleLabels, setSpotLabels, textSizes } from './net-labels.ts';
import { PanelBadges, type Badge } from './net-badges.ts';
import { bindPanZoom, type PanZoom } from './net-panzoom.ts';
import { informalCutOff, treeCutOff } from './cut-off.ts';
import { softwareRendering } from './render-probe.ts';

export type { PanelMode, PanelSpec } from './net-panel.ts';

/** A shock the page knows of (scheduled or live) and its words, for the labels. */
export interface ShockNote { tick: number; label: string }

/** How long (in ticks) a shock's words stay on the panels after it. */
const NOTE_TICKS = 25;
/** Least ms between frames drawn only to move messages along their ties. */
const MOTION_FRAME_MS = 32;

export class NetworkView {
  readonly app = new Application();
  private panels: Panel[] = [];
  private tex!: Textures;
  private readonly view: PanZoom = { zoom: 1, pan: { x: 0, y: 0 } };
  private readonly ties = new TiesLayer();
  private badges!: PanelBadges;
  private notes: ShockNote[] = [];
  private highlightWords: string[] = [];
  private removalLabels: { person: number; text: string; until: number }[][] = [];
  private sameNotes: string[] = [];
  private follows: ({ messages: Int32Array; hops: number[]; marks: { person: number; text: string }[] } | null)[] = [];
  private raf = 0;
  private tiesDirty = true;
  private tiesNow = true;
  private tick = 0;
  private urgent = true;
  private lastRender = 0;
  /** Milliseconds between frames (the time a dot takes along its tie). */
  tickMs = 500;
  /** Heard when a click picks a person (follow their situation). */
  onPick: (panel: number, person: number) => void = () => {};

  constructor(private readonly host: HTMLElement) {}

  async init(): Promise<void> {
    await this.app.init({
      preference: 'webgl', autoStart: false, resizeTo: this.host, backgroundAlpha: 0,
      // Antialiasing off: with software WebGL MSAA tripled the cost of a frame; dots come from smooth textures.
      antialias: false, autoDensity: true,
      resolution: softwareRendering() ? 0.75 : Math.min(2, window.devicePixelRatio || 1),
    });
    this.app.ticker.stop();
    // The page hit-tests people itself: Pixi's event system would add a ticker that asks
    // for an animation frame every frame, paused or not (the page must idle when nothing moves).
    this.app.renderer.events.setTargetElement(null as unknown as HTMLCanvasElement);
    // Pixi's system ticker runs its scheduler (texture and renderable GC) every frame for
    // ever: stopped here and stepped by the page's own frames instead (see animate).
    for (const t of [Ticker.system, Ticker.shared]) { t.autoStart = false; t.stop(); }
    this.app.canvas.setAttribute('aria-label', 'network views: people as dots, ties as lines, messages as moving dots');
    this.app.canvas.setAttribute('role', 'img');
    const overlay = document.createElement('div');
    overlay.className = 'stage-overlay';
    this.host.append(this.ties.canvas, this.app.canvas, overlay);
    this.badges = new PanelBadges(overlay);
    const disc = (r: number) => (g: Graphics) => g.circle(TEX, TEX, r);
    this.tex = {
      dot: this.texture((g) => disc(TEX - 2)(g).fill(0xffffff)),
      halo: this.texture((g) => disc(TEX - 2)(g).fill({ color: 0xffffff, alpha: 0.9 }).circle(TEX, TEX, TEX - 2).stroke({ width: 2, color: 0x8a7a00 })),
      ring: this.texture((g) => disc(TEX - 4)(g).stroke({ width: 6, color: 0xffffff })),
      msg: this.texture((g) => disc(TEX - 2)(g).fill(0xffffff)),
      soft: this.texture((g) => { for (let k = 6; k >= 1; k--) disc(((TEX - 1) * k) / 6)(g).fill({ color: 0xffffff, alpha: 0.2 }); }),
      mark: this.texture((g) => disc(TEX - 3)(g).stroke({ width: 4, color: 0xffffff })),
    };
    this.app.renderer.on('resize', () => { this.relayout(); this.redrawTies(true); });
    // Pixi's resizeTo only hears window resizes; the stage also changes with the layout.
    new ResizeObserver(() => (this.app as unknown as { queueResize(): void }).queueResize()).observe(this.host);
    bindPanZoom(this.app.canvas, this.view, () => this.moved(), (x, y) => {
      const hit = this.hit(x, y);
      if (hit) this.onPick(hit.panel, hit.person);
    });
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
    this.panels = specs.map((spec) => makePanel(this.app.stage, this.tex, spec, MAX_DOTS));
    this.badges.keep(0);
    this.view.zoom = 1;
    this.view.pan = { x: 0, y: 0 };
    this.notes = [];
    this.highlightWords = specs.map(() => '');
    this.removalLabels = specs.map(() => []);
    this.follows = specs.map(() => null);
    this.sameNotes = specs.map(() => '');
    this.relayout();
  }

  /** Panel rectangles in CSS pixels: equal columns. */
  panelRects(): { x: number; y: number; w: number; h: number }[] {
    const W = this.app.screen.width, H = this.app.screen.height, k = Math.max(1, this.panels.length), gap = 12;
    const w = (W - gap * (k - 1)) / k;
    return this.panels.map((_, i) => ({ x: i * (w + gap), y: 0, w, h: H }));
  }

  private relayout(): void {
    const rects = this.panelRects();
    this.panels.forEach((p, i) => {
      const r = rects[i]!;
      p.root.position.set(r.x, r.y);
      p.mask.clear().rect(0, 0, r.w, r.h).fill(0xffffff);
      p.scale = Math.max(10, Math.min(r.w, r.h) / 2 - 16);
      if (p.pos && p.topo) this.build(p);
    });
    this.badges.layout(rects);
    this.moved();
  }

  /** New ties or people in panel i: positions (−1 … 1, NaN = not drawn), the people drawn, and the layers. */
  setTopology(i: number, topo: Topology, pos: Float32Array, ids: Int32Array | null): void {
    const p = this.panels[i];
    if (!p) return;
    p.topo = topo;
    p.pos = pos;
    p.sampled = ids !== null;
    if (ids) p.ids = ids;
    else if (p.ids.length !== topo.n || p.sampled) p.ids = Int32Array.from({ length: topo.n }, (_, v) => v);
    if (p.removedAt.length < topo.n) {
      const r = new Float64Array(topo.n).fill(-1);
      r.set(p.removedAt);
      p.removedAt = r;
    }
    this.build(p);
  }

  private build(p: Panel): void {
    const n = p.ids.length;
    p.radius = Math.max(1.8, Math.min(7, (0.9 * p.scale) / Math.sqrt(Math.max(1, n))));
    const seg = tieSegments(p.ties, p.spec.mode === 'tree', p.topo!, p.pos!, p.scale, p.frame?.alive ?? null);
    p.ties = seg.ties;
    p.tieCount = seg.count;
    placePeople(p, this.tex);
    this.redrawTies(false);
    if (p.frame) this.paint(p, performance.now());
  }

  /** A new frame for panel i (a tick, or the shocks of this tick run at once). */
  setFrame(i: number, frame: Frame, now: number): void {
    const p = this.panels[i];
    if (!p) return;
    const prev = p.frame, left: number[] = [];
    if (prev && frame.tick >= prev.tick && frame.tick - prev.tick < 50) {
      for (let v = 0; v < Math.min(prev.n, frame.n, p.removedAt.length); v++) {
        if (prev.alive[v] === 1 && frame.alive[v] === 0) { p.removedAt[v] = now; left.push(v); }
      }
    } else {
      // A new run or a jump: no flash, the people gone are ghosts at once.
      p.removedAt.fill(-1);
      this.removalLabels[i] = [];
    }
    p.frame = frame;
    p.frameAt = now;
    this.tick = frame.tick;
    if (p.topo && p.cutKey !== frame.topologyKey) {
      p.cutKey = frame.topologyKey;
      p.cut = p.spec.mode === 'tree' ? treeCutOff(p.topo, frame.alive) : informalCutOff(p.topo, frame.alive);
      // The ties of the people who left go with them.
      const seg = tieSegments(p.ties, p.spec.mode === 'tree', p.topo, p.pos!, p.scale, frame.alive);
      p.ties = seg.ties;
      p.tieCount = seg.count;
      this.redrawTies(false);
    }
    if (left.length && left.length <= 3) {
      // A few people left: the shock's words at each one's spot (the head: "leader leaves").
      const note = this.notes.filter((n) => n.tick === frame.tick).map((n) => n.label)[0] ?? 'left';
      this.removalLabels[i] = left.map((v) => ({ person: v, text: note, until: frame.tick + NOTE_TICKS }));
    }
    this.labelPanel(i);
    this.paint(p, now);
    this.updateBadges(i);
  }

  /** Rebuilds panel i's canvas labels: the highlighted people's, then those who just left. */
  private labelPanel(i: number): void {
    const p = this.panels[i];
    if (!p) return;
    const words = this.highlightWords[i] ?? '';
    const lit = p.highlight && p.highlight.length <= 3 ? [...p.highlight].map((v) => ({ person: v, text: words, until: Infinity })) : [];
    const follow = (this.follows[i]?.marks ?? []).map((m) => ({ ...m, until: Infinity }));
    const all = [...lit, ...follow, ...(this.removalLabels[i] ?? []).filter((l) => l.until > this.tick)];
    const key = all.map((l) => `${l.person}:${l.text}:${l.until}`).join('|');
    if (key !== p.labelKey) { p.labelKey = key; setSpotLabels(p, all); }
    placeSpotLabels(p, this.view.pan, this.view.zoom, this.panelRects()[i]!, this.tick);
  }

  /** The shocks the run has had, for the words on the panels (the page sends them as they change). */
  setNotes(notes: ShockNote[]): void {
    this.notes = notes;
    this.panels.forEach((_, i) => this.updateBadges(i));
  }

  /** Rings people in panel i (a lesson step's `highlight`) with words on the panel; null clears. */
  setHighlight(i: number, ids: Int32Array | null, words: string): void {
    const p = this.panels[i];
    if (!p) return;
    p.highlight = ids && ids.length ? ids : null;
    this.highlightWords[i] = p.highlight ? words : '';
    this.labelPanel(i);
    if (p.frame) this.paint(p, performance.now());
    this.updateBadges(i);
    this.moved();
  }

  /** A followed situation in panel i: its messages now (large), its path so far, its people labelled; null clears. */
  setFollow(i: number, f: { messages: Int32Array; hops: number[]; marks: { person: number; text: string }[] } | null): void {
    const p = this.panels[i];
    if (!p) return;
    this.follows[i] = f;
    p.followed = f ? f.marks.map((m) => m.person) : [];
    p.trail.clear();
    if (f && p.pos) {
      const S = p.scale, pos = p.pos;
      for (let k = 0; k + 1 < f.hops.length; k += 2) {
        const a = f.hops[k]!, b = f.hops[k + 1]!;
        if (Number.isNaN(pos[2 * a]!) || Number.isNaN(pos[2 * b]!)) continue;
        p.trail.moveTo(pos[2 * a]! * S, pos[2 * a + 1]! * S).lineTo(pos[2 * b]! * S, pos[2 * b + 1]! * S);
      }
      p.trail.stroke({ width: Math.max(2.5, p.radius * 0.9), color: PERSON.follow, alpha: 0.55, cap: 'round' });
    }
    this.labelPanel(i);
    if (p.frame) this.paint(p, performance.now());
  }

  private paint(p: Panel, now: number): void {
    paintPeople(p, this.tex, now);
    fillDots(p, this.tex, this.follows[this.panels.indexOf(p)]?.messages ?? null);
    moveDots(p, now, this.tickMs);
    this.kick();
  }

  private updateBadges(i: number): void {
    const p = this.panels[i];
    if (!p) return;
    const badges: Badge[] = [];
    const recent = this.notes.filter((n) => n.tick <= this.tick && this.tick < n.tick + NOTE_TICKS);
    if (recent.length) {
      const since = Math.min(...recent.map((n) => n.tick));
      let left = 0;
      const f = p.frame;
      if (f && p.topo) for (let v = 0; v < f.n; v++) if (!f.alive[v] && p.removedAt[v]! >= 0) left++;
      const words = [...new Set(recent.map((n) => n.label))].join(', ');
      badges.push({ kind: 'shock', text: left ? `${words} · ${left.toLocaleString('en')} ${left === 1 ? 'person' : 'people'} left` : `${words} (tick ${since})` });
    }
    if (p.cut && p.cut.count > 0) {
      const what = p.spec.mode === 'tree' ? 'cut off from the head' : 'cut off from the rest';
      badges.push({ kind: 'cut', text: `${p.cut.count.toLocaleString('en')} ${what}${p.cut.pieces > 1 ? `, in ${p.cut.pieces} pieces` : ''}` });
    }
    if (this.highlightWords[i]) badges.push({ kind: 'highlight', text: `ringed: ${this.highlightWords[i]}` });
    if (this.sameNotes[i]) badges.push({ kind: 'same', text: this.sameNotes[i]! });
    if (p.sampled && p.topo) badges.push({ kind: 'sample', text: `drawn: ${p.ids.length.toLocaleString('en')} of ${p.topo.n.toLocaleString('en')} people` });
    this.badges.set(i, badges);
  }

  /** The note that panel i's numbers equal an earlier panel's so far ('' removes it). */
  setSameNote(i: number, note: string): void {
    if (this.sameNotes[i] === note) return;
    this.sameNotes[i] = note;
    this.updateBadges(i);
  }

  /** Pan, zoom or size changed: the world moves, ties follow at once. */
  private moved(): void {
    const rects = this.panelRects();
    const clip = this.view.zoom !== 1 || this.view.pan.x !== 0 || this.view.pan.y !== 0;
    this.panels.forEach((p, i) => {
      const r = rects[i]!;
      // Clip to the panel only when zoomed or panned (a mask costs a stencil pass per frame).
      p.root.mask = clip ? p.mask : null;
      p.mask.visible = clip;
      p.world.position.set(r.w / 2 + this.view.pan.x, r.h / 2 + this.view.pan.y);
      p.world.scale.set(this.view.zoom);
      placeSpotLabels(p, this.view.pan, this.view.zoom, r, this.tick);
    });
    this.redrawTies(true);
  }

  private redrawTies(now: boolean): void {
    this.tiesDirty = true;
    this.tiesNow ||= now;
    this.kick();
  }

  /** Asks for an animation frame (none is asked while nothing moves); `urgent`: something changed, draw it at once. */
  kick(urgent = true): void {
    this.urgent ||= urgent;
    if (!this.raf) this.raf = requestAnimationFrame((t) => { this.raf = 0; this.animate(t); });
  }

  private animate(now: number): void {
    // Messages gliding along their ties are drawn at 30 frames a second at most: with a
    // software rasterizer the canvas is the page's largest cost, and 30 fps reads as smooth.
    if (!this.urgent && now - this.lastRender < MOTION_FRAME_MS) { this.kick(false); return; }
    this.urgent = false;
    this.lastRender = now;
    let more = false;
    for (const p of this.panels) {
      if (!p.frame) continue;
      // Dots move during the tick they are in flight, then rest until the next frame.
      if (p.dotCount && now - p.frameAt < this.tickMs + 50) more = true;
      moveDots(p, now, this.tickMs);
      if (p.removedAt.some((t) => t >= 0 && now - t < 3100)) more = paintPeople(p, this.tex, now) || more;
    }
    if (this.tiesDirty) {
      this.tiesDirty = false;
      this.ties.draw(this.panels.map((p) => ({ ties: p.ties, count: p.tieCount, tree: p.spec.mode === 'tree' })), this.tiesView(), this.tiesNow);
      this.tiesNow = false;
    } else if (this.ties.busy) this.ties.step();
    if (this.ties.busy) more = true;
    Ticker.system.update(now);
    this.app.render();
    if (more) this.kick(false);
  }

  /** Finishes any ties drawing now (a picture must not catch it half-drawn). */
  private flushTies(): void {
    if (this.tiesDirty) {
      this.tiesDirty = false;
      this.ties.draw(this.panels.map((p) => ({ ties: p.ties, count: p.tieCount, tree: p.spec.mode === 'tree' })), this.tiesView(), true);
    } else if (this.ties.busy) this.ties.step(Infinity);
  }

  private tiesView() {
    return { rects: this.panelRects(), pan: this.view.pan, zoom: this.view.zoom, ratio: this.app.renderer.resolution, width: this.app.screen.width, height: this.app.screen.height };
  }

  /** Colours of people, ties and labels for a theme. */
  setTheme(theme: Theme): void {
    setPersonTheme(theme);
    const now = performance.now();
    for (const p of this.panels) { restyleLabels(p); if (p.frame) this.paint(p, now); }
    this.redrawTies(true);
  }

  /** Canvas labels' font changed (presentation mode). */
  restyle(): void {
    for (const p of this.panels) restyleLabels(p);
    this.moved();
  }

  /** The person under a point of the canvas (CSS pixels): panel index and id, or null. */
  hit(x: number, y: number): { panel: number; person: number } | null {
    const rects = this.panelRects();
    const i = rects.findIndex((r) => x >= r.x && x < r.x + r.w);
    const p = this.panels[i];
    if (!p || !p.pos || !p.frame) return null;
    const r = rects[i]!, z = this.view.zoom;
    const lx = (x - r.x - r.w / 2 - this.view.pan.x) / z, ly = (y - r.y - r.h / 2 - this.view.pan.y) / z;
    let best = -1, bestD = (p.radius * 2.5 + 4 / z) ** 2;
    for (const v of p.ids) {
      const dx = p.pos[2 * v]! * p.scale - lx, dy = p.pos[2 * v + 1]! * p.scale - ly, d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = v; }
    }
    return best < 0 ? null : { panel: i, person: best };
  }

  /**
   * Draws the views (ties, then people) into a 2D context at (x, y), scaled by k. For a
   * video frame, `phase` puts every message at the same point of its flight and `now`
   * is the frame's own time (flashes and fades then look the same on every recording).
   */
  drawInto(c: CanvasRenderingContext2D, x: number, y: number, k: number, opts: { phase?: number; now?: number } = {}): void {
    for (const p of this.panels) {
      if (opts.now !== undefined) paintPeople(p, this.tex, opts.now);
      if (opts.phase !== undefined) moveDotsTo(p, opts.phase);
    }
    this.flushTies();
    this.app.render();
    const w = this.app.screen.width * k, h = this.app.screen.height * k;
    c.drawImage(this.ties.canvas, x, y, w, h);
    c.drawImage(this.app.canvas, x, y, w, h);
  }

  /** Share of non-background pixels in the network canvas (for tests). */
  inkShare(): number {
    const c = document.createElement('canvas');
    c.width = 200; c.height = 100;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 200, 100);
    this.app.render();
    ctx.drawImage(this.app.canvas, 0, 0, 200, 100);
    const d = ctx.getImageData(0, 0, 200, 100).data;
    let ink = 0;
    for (let k = 0; k < d.length; k += 4) if (d[k]! < 235 || d[k + 1]! < 235 || d[k + 2]! < 235) ink++;
    return ink / (200 * 100);
  }

  /** Text drawn on the canvas with its size in CSS pixels (the browser test's hook). */
  canvasText(): { text: string; px: number }[] {
    return textSizes(this.panels.map((p) => p.root));
  }

  /** People drawn per panel, and the words on each panel. */
  drawn(): number[] {
    return this.panels.map((p) => p.people.particleChildren.length);
  }

  /** Each panel's drawing scale (CSS pixels from its picture's centre to its rim, zoom included). */
  scales(): number[] {
    return this.panels.map((p) => p.scale * this.view.zoom);
  }

  badgeTexts(): string[][] {
    return this.panels.map((_, i) => this.badges.texts(i));
  }

  /** The colour a person is drawn in now (for tests: a ghost is faint, a tint is a piece's). */
  get ink(): number {
    return PERSON.ink;
  }
}
