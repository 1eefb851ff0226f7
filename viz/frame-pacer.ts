// When the network views draw a frame: only when something changed (a paused page
// asks for no animation frame at all), at once when it is urgent, at most every
// MOTION_FRAME_MS for messages gliding along their ties, and, with a mirror
// (net-mirror.ts), never while the rasterizer is still on the last frame, which is
// shown first.
import type { CanvasMirror } from './net-mirror.ts';

/** Least ms between frames drawn only to move messages along their ties (30 fps reads as smooth; with a software rasterizer the canvas is the page's largest cost). */
const MOTION_FRAME_MS = 32;

export class FramePacer {
  private raf = 0;
  /** Something changed since the last frame drawn; `urgent`: draw it at once. */
  private wanted = true;
  private urgent = true;
  private last = 0;
  /** Frames drawn so far. */
  drawn = 0;

  /** `draw` draws a frame (and captures it into the mirror, if any); true while something still moves. */
  constructor(private readonly draw: (now: number) => boolean, readonly mirror: CanvasMirror | null) {}

  /** Asks for a frame; `urgent`: something changed, draw it at once. */
  kick(urgent = true): void {
    this.urgent ||= urgent;
    this.wanted = true;
    this.ask();
  }

  /** True when no frame is asked for and the last one drawn is shown. */
  get settled(): boolean {
    return this.raf === 0 && !this.mirror?.pending;
  }

  private ask(): void {
    if (!this.raf) this.raf = requestAnimationFrame((t) => { this.raf = 0; this.frame(t); });
  }

  private frame(now: number): void {
    if (this.mirror?.poll()) { this.ask(); return; }
    if (!this.wanted) return;
    if (!this.urgent && now - this.last < MOTION_FRAME_MS) { this.ask(); return; }
    this.wanted = false;
    this.urgent = false;
    this.last = now;
    const more = this.draw(now);
    this.drawn++;
    if (this.mirror) this.ask();
    if (more) this.kick(false);
  }
}
