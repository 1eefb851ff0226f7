// Messages in flight as dots that travel along their tie during the tick (VIZ.md:
// eased, so the eye can follow a report climbing the hierarchy). At most MAX_DOTS
// per panel and tick, sampled evenly; the messages of a followed situation are
// drawn after them, large, in the theme's ink, so they stand out of the crowd.
import type { Panel, Textures } from './net-panel.ts';
import { TEX, place } from './net-panel.ts';
import { PERSON, hexNumber } from './palette.ts';

/** Most message dots drawn per panel and tick (VIZ.md: at high speed draw fewer, sampled). */
export const MAX_DOTS = 500;
/** Most dots of a followed situation. */
const MAX_BIG = 40;

/** Fills the panel's dots from its frame's messages (and the followed situation's, if any). */
export function fillDots(p: Panel, tex: Textures, follow: Int32Array | null): void {
  const f = p.frame, pos = p.pos;
  if (!f || !pos) return;
  const S = p.scale, n = pos.length / 2;
  const at = (v: number) => v >= 0 && v < n && !Number.isNaN(pos[2 * v]!);
  const m = f.messages, count = m.length / 3, stride = Math.max(1, Math.ceil(count / MAX_DOTS));
  let d = 0;
  const add = (a: number, b: number) => {
    p.dotFrom[2 * d] = pos[2 * a]! * S; p.dotFrom[2 * d + 1] = pos[2 * a + 1]! * S;
    p.dotTo[2 * d] = pos[2 * b]! * S; p.dotTo[2 * d + 1] = pos[2 * b + 1]! * S;
    d++;
  };
  for (let j = 0; j < count && d < MAX_DOTS; j += stride) { const a = m[3 * j]!, b = m[3 * j + 1]!; if (at(a) && at(b)) add(a, b); }
  const small = d;
  if (follow) for (let j = 0; j < follow.length / 3 && d < MAX_DOTS + MAX_BIG; j++) { const a = follow[3 * j]!, b = follow[3 * j + 1]!; if (at(a) && at(b)) add(a, b); }
  p.dotCount = d;
  p.bigDots = d - small;
  const colour = hexNumber(p.spec.colour);
  const ds = Math.max(1.3, p.radius * 0.42) / (TEX - 2);
  // Followed messages: at least 14 px across whatever the organization's size.
  const big = Math.max(7, p.radius * 1.5) / (TEX - 2);
  p.dots.particleChildren.length = 0;
  for (let k = 0; k < d; k++) {
    const isBig = k >= small;
    place(p.pools.dot, p.dots, k, tex.msg, 0, 0, isBig ? big : ds, isBig ? PERSON.follow : colour);
  }
  p.dots.update();
}

/** Moves the dots along their ties: eased from sender to recipient over `tickMs`. */
export function moveDots(p: Panel, now: number, tickMs: number): void {
  const t = Math.min(1, Math.max(0, (now - p.frameAt) / tickMs));
  moveDotsTo(p, t);
}

/** Dots at a fixed point of their flight (0 … 1): the video draws every frame at the same one. */
export function moveDotsTo(p: Panel, t: number): void {
  const e = t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2; // ease in-out
  for (let k = 0; k < p.dotCount; k++) {
    const q = p.pools.dot[k]!;
    q.x = p.dotFrom[2 * k]! + (p.dotTo[2 * k]! - p.dotFrom[2 * k]!) * e;
    q.y = p.dotFrom[2 * k + 1]! + (p.dotTo[2 * k + 1]! - p.dotFrom[2 * k + 1]!) * e;
  }
}

/** The path a followed situation's messages took so far: thick segments under the people. */
export function drawTrail(p: Panel, hops: readonly number[]): void {
  p.trail.clear();
  const pos = p.pos;
  if (!pos || !hops.length) return;
  const S = p.scale;
  for (let k = 0; k + 1 < hops.length; k += 2) {
    const a = hops[k]!, b = hops[k + 1]!;
    if (Number.isNaN(pos[2 * a]!) || Number.isNaN(pos[2 * b]!)) continue;
    p.trail.moveTo(pos[2 * a]! * S, pos[2 * a + 1]! * S).lineTo(pos[2 * b]! * S, pos[2 * b + 1]! * S);
  }
  p.trail.stroke({ width: Math.max(2.5, p.radius * 0.9), color: PERSON.follow, alpha: 0.55, cap: 'round' });
}
