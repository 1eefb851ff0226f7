// The network views (Pixi v8): one canvas, one panel per variant, sharing one
// scale, pan and zoom. Ties are drawn on a 2D canvas beneath (net-ties.ts); people,
// halos, rings, marks and messages are particles (net-panel.ts, net-dots.ts);
// words sit on the canvas at a person's spot (net-labels.ts) or over each panel in
// HTML (net-badges.ts). When to draw is frame-pacer.ts's (nothing while nothing
// moves: a paused page idles); on a software rasterizer net-mirror.ts shows the canvas.
// A little over 300 lines: what is left here is what changed and what to redraw in a
// frame, tying those parts together, plus the test hooks that read them; it reads
// best in one place.
import { Application, Ticker } from 'pixi.js';
import type { Frame, Topology } from '../workers/host.ts';
import { setPersonTheme, type Theme } from './palette.ts';
import { growRemoved, makePanel, makeTextures, paintPeople, personAt, placePeople, seeLeavers, type Panel, type PanelSpec, type Textures } from './net-panel.ts';
import { MAX_DOTS, drawTrail, fillDots, moveDots, moveDotsTo } from './net-dots.ts';
import { TiesLayer, tieSegments } from './net-ties.ts';
import { placeSpotLabels, restyleLabels, setSpotLabels, textSizes, warmLabels } from './net-labels.ts';
import { PanelBadges } from './net-badges.ts';
import { PanelWords, type ShockNote } from './net-words.ts';
import { differShare, drawCanvases, inkShare } from './net-capture.ts';
import { bindPanZoom, type PanZoom } from './net-panzoom.ts';
import { informalCutOff, treeCutOff } from './cut-off.ts';
import { initPixi } from './pixi-setup.ts';
import { FramePacer } from './frame-pacer.ts';

export type { PanelMode, PanelSpec } from './net-panel.ts';
export type { ShockNote } from './net-words.ts';

export class NetworkView {
  readonly app = new Application();
  private panels: Panel[] = [];
  private tex!: Textures;
  private readonly view: PanZoom = { zoom: 1, pan: { x: 0, y: 0 } };
  private readonly ties = new TiesLayer();
  private badges!: PanelBadges;
  private readonly words = new PanelWords();
  private follows: (Int32Array | null)[] = [];
  private tick = 0;
  /** When to draw; on a software rasterizer its mirror shows the canvas drawn without waiting for it (net-mirror.ts). */
  private pacer = new FramePacer(() => false, null);
  private shown!: HTMLCanvasElement;
  /** Milliseconds between frames (the time a dot takes along its tie). */
  tickMs = 500;
  /** Heard when a click picks a person (follow their situation). */
  onPick: (panel: number, person: number) => void = () => {};

  constructor(private readonly host: HTMLElement) {}

  async init(): Promise<void> {
    const { shown, mirror } = await initPixi(this.app, this.host);
    this.pacer = new FramePacer((now) => this.draw(now), mirror);
    this.shown = shown;
    const overlay = document.createElement('div');
    overlay.className = 'stage-overlay';
    this.host.append(this.ties.canvas, shown, overlay);
    this.badges = new PanelBadges(overlay);
    this.tex = makeTextures(this.app);
    warmLabels(this.app.stage, () => this.app.render());
    this.app.renderer.on('resize', () => { this.relayout(); this.redrawTies(true); });
    bindPanZoom(shown, this.view, () => this.moved(), (x, y) => {
      const hit = this.hit(x, y);
      if (hit) this.onPick(hit.panel, hit.person);
    });
  }

  /** Replaces the panels (a new scenario). */
  setPanels(specs: PanelSpec[]): void {
    for (const p of this.panels) p.root.destroy({ children: true });
    this.panels = specs.map((spec) => makePanel(this.app.stage, this.tex, spec, MAX_DOTS));
    this.badges.keep(0);
    this.view.zoom = 1;
    this.view.pan = { x: 0, y: 0 };
    this.words.reset(specs.length);
    this.follows = specs.map(() => null);
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
    growRemoved(p, topo.n);
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
    const left = seeLeavers(p, frame, now);
    if (!left) this.words.jumped(i);
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
    this.words.left(i, left ?? [], frame.tick);
    this.reword(i);
    this.paint(p, now);
  }

  /** Panel i's words again: its canvas labels (where they are) and its badges. */
  private reword(i: number): void {
    const p = this.panels[i];
    if (!p) return;
    const all = this.words.spots(i, p, this.tick);
    const key = all.map((l) => `${l.person}:${l.text}:${l.until}`).join('|');
    if (key !== p.labelKey) { p.labelKey = key; setSpotLabels(p, all); }
    placeSpotLabels(p, this.view.pan, this.view.zoom, this.panelRects()[i]!, this.tick);
    this.badges.set(i, this.words.badges(i, p, this.tick));
  }

  /** The shocks the run has had, for the words on the panels (the page sends them as they change). */
  setNotes(notes: ShockNote[]): void {
    this.words.notes = notes;
    this.panels.forEach((_, i) => this.reword(i));
  }

  /** Rings people in panel i (a lesson step's `highlight`) with words on the panel; null clears. */
  setHighlight(i: number, ids: Int32Array | null, words: string): void {
    const p = this.panels[i];
    if (!p) return;
    p.highlight = ids && ids.length ? ids : null;
    this.words.ring(i, p.highlight ? words : '');
    this.reword(i);
    if (p.frame) this.paint(p, performance.now());
  }

  /** The note that panel i's numbers equal an earlier panel's so far ('' removes it). */
  setSameNote(i: number, note: string): void {
    if (this.words.sameAs(i, note)) this.reword(i);
  }

  /** A followed situation in panel i: its messages now (large), its path so far, its people labelled; null clears. */
  setFollow(i: number, f: { messages: Int32Array; hops: number[]; marks: { person: number; text: string }[] } | null): void {
    const p = this.panels[i];
    if (!p) return;
    this.follows[i] = f?.messages ?? null;
    this.words.follow(i, f?.marks ?? []);
    p.followed = f ? f.marks.map((m) => m.person) : [];
    drawTrail(p, f?.hops ?? []);
    this.reword(i);
    if (p.frame) this.paint(p, performance.now());
  }

  private paint(p: Panel, now: number): void {
    paintPeople(p, this.tex, now);
    fillDots(p, this.tex, this.follows[this.panels.indexOf(p)] ?? null);
    if (this.fast) moveDotsTo(p, 0.5);
    else moveDots(p, now, this.tickMs);
    this.kick();
  }

  /**
   * Ticks shorter than a few frames (8× and faster): each message is drawn once, half
   * way along its tie, instead of gliding. A glide over 60 ms is not seen anyway, and
   * each drawn frame costs a commit of the canvas (~25 ms with a software rasterizer).
   */
  private get fast(): boolean {
    return this.tickMs < 150;
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
    this.ties.invalidate(now);
    this.kick();
  }

  /** Asks for an animation frame (none is asked while nothing moves); `urgent`: something changed, draw it at once. */
  kick(urgent = true): void {
    this.pacer.kick(urgent);
  }

  /** One frame of the views; true while something still moves. */
  private draw(now: number): boolean {
    let more = false;
    for (const p of this.panels) {
      if (!p.frame) continue;
      // Dots move during the tick they are in flight, then rest until the next frame.
      if (!this.fast) {
        if (p.dotCount && now - p.frameAt < this.tickMs + 50) more = true;
        moveDots(p, now, this.tickMs);
      }
      if (p.removedAt.some((t) => t >= 0 && now - t < 3100)) more = paintPeople(p, this.tex, now) || more;
    }
    if (this.ties.frame(() => this.tieSources(), () => this.tiesView())) more = true;
    Ticker.system.update(now);
    this.app.render();
    this.pacer.mirror?.capture(this.app.canvas.width, this.app.canvas.height);
    return more;
  }

  private tieSources() {
    return this.panels.map((p) => ({ ties: p.ties, count: p.tieCount, tree: p.spec.mode === 'tree' }));
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
    const person = p ? personAt(p, rects[i]!, this.view, x, y) : -1;
    return person < 0 ? null : { panel: i, person };
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
    this.ties.flush(() => this.tieSources(), () => this.tiesView());
    drawCanvases(this.app, this.ties.canvas, c, x, y, k);
  }

  /** Share of non-background pixels in the network canvas (for tests). */
  inkShare(): number {
    return inkShare(this.app);
  }

  /** Once the frames asked for are drawn and shown: whether a mirror shows them, and the share of pixels where the canvas shown and the WebGL canvas differ (tests). */
  async shownMatch(): Promise<{ mirrored: boolean; differ: number }> {
    while (!this.pacer.settled) await new Promise((r) => requestAnimationFrame(r));
    return { mirrored: this.pacer.mirror !== null, differ: differShare(this.app, this.shown) };
  }

  /** Text drawn on the canvas with its size in CSS pixels (the browser test's hook). */
  canvasText(): { text: string; px: number }[] {
    return textSizes(this.panels.map((p) => p.root));
  }

  /** Frames of the views drawn so far, and shown (the same but for the last, without a mirror). */
  frames(): { drawn: number; shown: number } {
    const { drawn, mirror } = this.pacer;
    return { drawn, shown: mirror ? mirror.shown : drawn };
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
}
