// One panel of the network views (one variant): its Pixi layers and how its people
// are painted for a frame. People, halos, rings and marks change once a tick
// (static particle buffers, uploaded after update()); message dots move every frame.
import { Container, Graphics, Particle, ParticleContainer, Text, type Application, type Texture } from 'pixi.js';
import type { Frame, Topology } from '../workers/host.ts';
import type { CutOff } from './cut-off.ts';
import { PERSON, PIECE_TINTS } from './palette.ts';

/** How a panel lays people out: the formal tree, or the informal layer's force layout. */
export type PanelMode = 'tree' | 'force';

export interface PanelSpec {
  label: string;
  colour: string;
  mode: PanelMode;
}

export interface Textures { dot: Texture; halo: Texture; ring: Texture; msg: Texture; mark: Texture }

/** Texture radius in texture pixels (particles are scaled from it). */
export const TEX = 16;
/** A person who leaves flashes this long, then fades to a ghost over FADE_MS. */
export const FLASH_MS = 1600;
export const FADE_MS = 1400;
const GHOST = 0.12;

export interface Panel {
  spec: PanelSpec;
  root: Container;
  world: Container;
  mask: Graphics;
  /** Text drawn on the canvas (labels at a person's spot); not scaled by the zoom. */
  labels: Container;
  halos: ParticleContainer;
  people: ParticleContainer;
  rings: ParticleContainer;
  marks: ParticleContainer;
  dots: ParticleContainer;
  /** The path a followed situation's messages took so far (a few thick segments). */
  trail: Graphics;
  /** People a followed situation involves (ringed like a highlight). */
  followed: number[];
  nodes: Particle[];
  pools: { halo: Particle[]; ring: Particle[]; mark: Particle[]; dot: Particle[] };
  ties: Float32Array;
  tieCount: number;
  /** Positions (−1 … 1) per person; NaN for people not drawn (large organizations). */
  pos: Float32Array | null;
  /** The people drawn, in ascending id order (every person when not sampled). */
  ids: Int32Array;
  sampled: boolean;
  topo: Topology | null;
  frame: Frame | null;
  /** Wall time each person was seen leaving (−1: not seen leave: drawn as a ghost at once). */
  removedAt: Float64Array;
  /** The tick each person was seen leaving (−1: not seen). */
  removedTick: Int32Array;
  cut: CutOff | null;
  cutKey: string;
  highlight: Int32Array | null;
  /** World units per layout unit, and the radius of a person in world units. */
  scale: number;
  radius: number;
  frameAt: number;
  dotFrom: Float32Array;
  dotTo: Float32Array;
  dotCount: number;
  /** Dots of a followed situation (drawn large), after the sampled ones. */
  bigDots: number;
  spotLabels: { text: Text; person: number; until: number }[];
  labelKey: string;
}

export function makePanel(stage: Container, tex: Textures, spec: PanelSpec, maxDots: number): Panel {
  const root = new Container(), world = new Container(), mask = new Graphics(), labels = new Container();
  const still = { position: false, vertex: false, color: false, rotation: false, uvs: false };
  const moving = { position: true, vertex: false, color: false, rotation: false, uvs: false };
  const layer = (t: Texture, dynamic = still) => new ParticleContainer({ texture: t, dynamicProperties: dynamic });
  const halos = layer(tex.halo), people = layer(tex.dot), rings = layer(tex.ring);
  const marks = layer(tex.mark, { ...still, vertex: true, color: true }), dots = layer(tex.msg, moving);
  const trail = new Graphics();
  world.addChild(trail, halos, people, rings, dots, marks);
  root.addChild(world, labels, mask);
  mask.visible = false;
  stage.addChild(root);
  return {
    spec, root, world, mask, labels, halos, people, rings, marks, dots, trail, followed: [],
    nodes: [], pools: { halo: [], ring: [], mark: [], dot: [] },
    ties: new Float32Array(0), tieCount: 0, pos: null, ids: new Int32Array(0), sampled: false, topo: null, frame: null,
    removedAt: new Float64Array(0), removedTick: new Int32Array(0), cut: null, cutKey: '', highlight: null,
    scale: 100, radius: 3, frameAt: 0,
    dotFrom: new Float32Array(2 * maxDots), dotTo: new Float32Array(2 * maxDots), dotCount: 0, bigDots: 0, spotLabels: [], labelKey: '',
  };
}

/** Room for n people in the record of who left when. */
export function growRemoved(p: Panel, n: number): void {
  if (p.removedAt.length >= n) return;
  const r = new Float64Array(n).fill(-1), t = new Int32Array(n).fill(-1);
  r.set(p.removedAt);
  t.set(p.removedTick);
  p.removedAt = r;
  p.removedTick = t;
}

/**
 * Records who left between the panel's frame and the next (they flash from `now`) and
 * returns them; null after a new run or a jump (no flash: the people gone are ghosts at once).
 */
export function seeLeavers(p: Panel, frame: Frame, now: number): number[] | null {
  const prev = p.frame, left: number[] = [];
  if (prev && frame.tick >= prev.tick && frame.tick - prev.tick < 50) {
    for (let v = 0; v < Math.min(prev.n, frame.n, p.removedAt.length); v++) {
      if (prev.alive[v] === 1 && frame.alive[v] === 0) { p.removedAt[v] = now; p.removedTick[v] = frame.tick; left.push(v); }
    }
    return left;
  }
  p.removedAt.fill(-1);
  p.removedTick.fill(-1);
  return null;
}

/** Puts pooled particle k of a layer at (x, y) with a scale, tint and alpha; returns k + 1. */
export function place(pool: Particle[], pc: ParticleContainer, k: number, tex: Texture, x: number, y: number, s: number, tint: number, alpha = 1): number {
  if (pool.length <= k) pool.push(new Particle({ texture: tex, anchorX: 0.5, anchorY: 0.5 }));
  const q = pool[k]!;
  q.x = x; q.y = y; q.scaleX = q.scaleY = s; q.tint = tint; q.alpha = alpha;
  if (pc.particleChildren[k] !== q) pc.particleChildren[k] = q;
  return k + 1;
}

function trim(pc: ParticleContainer, k: number): void {
  pc.particleChildren.length = k;
  pc.update();
}

/**
 * Colours, sizes, halos, rings and marks of the people for the panel's frame:
 * informed, misinformed (ringed), leading (halo), overloaded (bigger), cut off (an idle
 * person in its piece's colour), highlighted by a lesson step (a ring), leaving (a flash, then a ghost).
 * Returns true while something still animates (a flash or a fade).
 */
export function paintPeople(p: Panel, tex: Textures, now: number): boolean {
  const f = p.frame, pos = p.pos;
  if (!f || !pos) return false;
  const base = p.radius / (TEX - 2), S = p.scale;
  let halos = 0, rings = 0, marks = 0, animating = false;
  const n = Math.min(f.n, pos.length / 2);
  for (let k = 0; k < p.ids.length; k++) {
    const v = p.ids[k]!, q = p.nodes[k];
    if (!q || v >= n) continue;
    if (!f.alive[v]) {
      q.tint = PERSON.idle;
      const t0 = p.removedAt[v] ?? -1, age = t0 < 0 ? Infinity : now - t0;
      q.alpha = age < FLASH_MS ? 1 : Math.max(GHOST, 1 - (age - FLASH_MS) / FADE_MS);
      q.scaleX = q.scaleY = base * (age < FLASH_MS ? 1.6 : 1);
      if (age < FLASH_MS + FADE_MS) animating = true;
      if (age < FLASH_MS) {
        // A ring that swells and fades around the person leaving: the eye finds it.
        const u = age / FLASH_MS;
        marks = place(p.pools.mark, p.marks, marks, tex.mark, q.x, q.y, base * (2 + 4 * u), PERSON.gone, 1 - 0.8 * u);
      }
      continue;
    }
    q.alpha = 1;
    // Cut off: an idle person takes its piece's colour (informed and misinformed people keep
    // theirs). A tint drawn around every person instead cost a software rasterizer's frame a
    // third more once the head had left (everyone is then in a piece): bench:page's long tasks.
    const piece = p.cut ? p.cut.piece[v]! : -1;
    q.tint = f.misinformed[v] ? PERSON.misinformed : f.informed[v] ? PERSON.informed : piece >= 0 ? PIECE_TINTS[piece % PIECE_TINTS.length]! : PERSON.idle;
    // Overloaded people grow with their queue (square root: area ∝ waiting messages), up to
    // 2.5 times: the head of an overloaded hierarchy stands out; a crowd stays a crowd.
    const grow = Math.min(2.5, 1 + 0.25 * Math.sqrt(f.queue[v]!));
    q.scaleX = q.scaleY = base * grow;
    if (f.leading[v]) halos = place(p.pools.halo, p.halos, halos, tex.halo, q.x, q.y, base * grow * 1.55, PERSON.halo);
    if (f.misinformed[v]) rings = place(p.pools.ring, p.rings, rings, tex.ring, q.x, q.y, base * grow * 1.75, PERSON.ring);
  }
  const lit = p.highlight ? [...p.highlight, ...p.followed] : p.followed;
  if (lit.length) {
    const s = Math.max(base * 3.2, 9 / (TEX - 2));
    for (const v of lit) {
      const x = pos[2 * v]!, y = pos[2 * v + 1]!;
      if (!Number.isNaN(x)) marks = place(p.pools.mark, p.marks, marks, tex.mark, x * S, y * S, s, PERSON.highlight, 1);
    }
  }
  p.people.update();
  trim(p.halos, halos);
  trim(p.rings, rings);
  trim(p.marks, marks);
  return animating;
}

/** Positions the people's particles (a new layout, size or sample); they never move otherwise. */
export function placePeople(p: Panel, tex: Textures): void {
  const pos = p.pos!, S = p.scale, scale = p.radius / (TEX - 2);
  while (p.nodes.length < p.ids.length) p.nodes.push(new Particle({ texture: tex.dot, anchorX: 0.5, anchorY: 0.5, tint: PERSON.idle }));
  p.people.particleChildren.length = 0;
  for (let k = 0; k < p.ids.length; k++) {
    const v = p.ids[k]!, q = p.nodes[k]!;
    q.x = pos[2 * v]! * S;
    q.y = pos[2 * v + 1]! * S;
    q.scaleX = q.scaleY = scale;
    p.people.particleChildren.push(q);
  }
  p.people.update();
}

/** The particles' textures: white shapes, tinted per particle. */
export function makeTextures(app: Application): Textures {
  const texture = (draw: (g: Graphics) => void): Texture => {
    const g = new Graphics();
    draw(g);
    g.rect(0, 0, 2 * TEX, 2 * TEX).fill({ color: 0xffffff, alpha: 0 });
    return app.renderer.generateTexture({ target: g, resolution: 2 });
  };
  const disc = (r: number) => (g: Graphics) => g.circle(TEX, TEX, r);
  return {
    dot: texture((g) => disc(TEX - 2)(g).fill(0xffffff)),
    halo: texture((g) => disc(TEX - 2)(g).fill({ color: 0xffffff, alpha: 0.9 }).circle(TEX, TEX, TEX - 2).stroke({ width: 2, color: 0x8a7a00 })),
    ring: texture((g) => disc(TEX - 4)(g).stroke({ width: 6, color: 0xffffff })),
    msg: texture((g) => disc(TEX - 2)(g).fill(0xffffff)),
    mark: texture((g) => disc(TEX - 3)(g).stroke({ width: 4, color: 0xffffff })),
  };
}

/** The person drawn under a point (CSS pixels of the stage) in panel p at `rect`, or −1. */
export function personAt(p: Panel, rect: { x: number; y: number; w: number; h: number }, view: { zoom: number; pan: { x: number; y: number } }, x: number, y: number): number {
  if (!p.pos || !p.frame) return -1;
  const z = view.zoom;
  const lx = (x - rect.x - rect.w / 2 - view.pan.x) / z, ly = (y - rect.y - rect.h / 2 - view.pan.y) / z;
  let best = -1, bestD = (p.radius * 2.5 + 4 / z) ** 2;
  for (const v of p.ids) {
    const dx = p.pos[2 * v]! * p.scale - lx, dy = p.pos[2 * v + 1]! * p.scale - ly, d = dx * dx + dy * dy;
    if (d < bestD) { bestD = d; best = v; }
  }
  return best;
}
