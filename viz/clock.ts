// The page's clock: play and pause, one command at a time (steps, seeks, shocks),
// so the sides never drift apart. While playing, each animation frame asks for the
// ticks the speed calls for and never more than one batch at a time; it stops at
// `stopAt` (a lesson's next step) or at the scenario's end. When it stops, the
// shocks due at that tick run at once (Runner.settle) and are drawn. While paused
// it asks for no frames at all (the page idles).
import type { App } from './app.ts';

/** Ticks per second at 1× (so 8× = 16 ticks a second, 64× = 128). */
export const BASE_RATE = 2;

export class Clock {
  playing = false;
  /** The tick the clock stops at while playing (a lesson's next step); null: the scenario's end. */
  stopAt: number | null = null;
  /** Called (inside the command queue) when playing reached `stopAt`. */
  onArrive: () => Promise<void> = async () => {};
  /** Called when playing starts or stops (buttons, the lesson's words). */
  onChange: () => void = () => {};
  /** Ticks per second the speed asks for (a followed situation slows it down). */
  rateCap = Infinity;
  private busy: Promise<void> = Promise.resolve();
  private inFlight = false;
  private acc = 0;
  private lastNow = 0;
  private raf = 0;

  constructor(private readonly app: App) {}

  setPlaying(on: boolean): void {
    const { ui } = this.app;
    // Every side met the scenario's stop condition: playing would change nothing.
    if (on && (!this.app.runner.sides.length || this.app.runner.allStopped)) return;
    this.playing = on;
    ui.play.textContent = on ? '❚❚ pause' : '▶ play';
    ui.play.setAttribute('aria-pressed', String(on));
    this.acc = 0;
    this.lastNow = 0;
    // In a lesson, playing stops at the next step's tick (and shows that step).
    if (on && this.app.lesson.active) this.stopAt = this.app.lesson.nextStop();
    if (on && !this.raf) this.raf = requestAnimationFrame((t) => this.loop(t));
    if (!on) {
      this.app.share.updateUrl();
      void this.enqueue(async () => { await this.app.runner.settle(); await this.app.dash.refresh(true); });
    }
    this.onChange();
  }

  /** Runs one command at a time (steps, seeks, shocks) so the sides never drift apart. */
  enqueue(job: () => Promise<void>): Promise<void> {
    this.busy = this.busy.then(job).catch((e: unknown) => this.app.crashed(e));
    return this.busy;
  }

  /** Forgets queued work after a crash (the restart button). */
  reset(): void {
    this.busy = Promise.resolve();
  }

  idle(): Promise<void> {
    return this.busy;
  }

  private loop(now: number): void {
    this.raf = 0;
    if (!this.playing) return;
    this.raf = requestAnimationFrame((t) => this.loop(t));
    const dt = this.lastNow ? Math.min(250, now - this.lastNow) : 0;
    this.lastNow = now;
    const { runner, ui } = this.app;
    const rate = Math.min(this.rateCap, BASE_RATE * Number(ui.speed.value));
    // Time keeps counting while a batch is in flight (else the speed asked for is never reached).
    this.acc = Math.min(this.acc + (dt / 1000) * rate, Math.max(2, rate / 4));
    if (this.inFlight) return;
    // Following a situation: one tick at a time, so no message of it goes unseen.
    const k = Math.min(Math.floor(this.acc), this.rateCap < Infinity ? 1 : Infinity);
    if (k < 1) return;
    this.acc -= k;
    const stop = this.stopAt !== null && this.stopAt > runner.tick ? this.stopAt : runner.planned;
    const room = stop - runner.tick;
    const steps = room > 0 ? Math.min(k, room) : k;
    this.inFlight = true;
    void this.enqueue(async () => {
      await runner.advance(steps);
      await this.app.dash.refresh();
      if (this.stopAt !== null && runner.tick >= this.stopAt) {
        this.stopAt = null;
        this.setPlaying(false);
        await runner.settle();
        await this.onArrive();
      } else if (runner.tick === runner.planned || runner.allStopped) this.setPlaying(false);
    }).finally(() => { this.inFlight = false; });
  }

  /** k ticks forward, paused. */
  step(k = 1): Promise<void> {
    this.setPlaying(false);
    return this.enqueue(async () => {
      await this.app.runner.advance(k);
      await this.app.runner.settle();
      await this.app.dash.refresh(true);
      this.app.share.updateUrl();
    });
  }

  /** To tick t (deterministic: the same state as running there), paused. */
  seek(t: number): Promise<void> {
    return this.enqueue(async () => {
      await this.app.runner.seek(t);
      await this.app.runner.settle();
      await this.app.dash.refresh(true);
      this.app.share.updateUrl();
    });
  }
}
