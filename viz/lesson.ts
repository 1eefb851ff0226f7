// Lesson mode: the scenario's steps, one at a time. A step with a later tick runs the
// clock there and shows itself when it arrives; playing from a step (the play button
// or "next") stops at the next step's tick, so a class never overshoots what the
// next step talks about. Each step puts the charts it names in the focus, shows the
// run's numbers it cites, rings the people it highlights, and may apply a shock.
import type { App } from './app.ts';
import type { LessonStep } from '../engine/scenario/schema.ts';
import type { ShockSpec } from '../engine/shocks.ts';
import { namedMetrics } from './lesson-metrics.ts';
import { isKnownMetric } from './metric-info.ts';
import { fitNotice } from './fit-notice.ts';

const GROUP_WORDS: Record<string, string> = { leader: 'the leader', hubs: 'the hubs', managers: 'the managers', stewards: 'the stewards', believers: 'the believers' };

export class Lesson {
  /** The step shown (−1: lesson off). */
  at = -1;
  /** The step the clock is running to (null: none). */
  private pending: number | null = null;

  constructor(private readonly app: App) {}

  steps(): LessonStep[] {
    return (this.app.runner.sides[0]?.scenario.lesson ?? []) as LessonStep[];
  }

  get active(): boolean {
    return this.at >= 0 || this.pending !== null;
  }

  get running(): boolean {
    return this.pending !== null;
  }

  /** A new run: lesson off, its button shown when the scenario has one. */
  reset(): void {
    this.close();
    this.app.ui.lessonToggle.hidden = this.steps().length === 0;
  }

  /** Starts the lesson from a fresh run (tick 0, no live shocks) at its first step. */
  async start(): Promise<void> {
    const src = this.app.runner.source;
    if (!src || !this.steps().length) return;
    await this.app.loader.load(src);
    await this.goTo(0);
  }

  /** The tick playing stops at: the next step's, if it is ahead (null: none). */
  nextStop(): number | null {
    if (!this.active) return null;
    const tick = this.app.runner.tick;
    const steps = this.steps();
    for (let k = (this.pending ?? this.at) + (this.pending !== null ? 0 : 1); k < steps.length; k++) {
      const at = steps[k]!.at;
      if (at !== undefined && at > tick) return at;
    }
    return null;
  }

  /** The clock reached the stop: show the step of this tick. */
  async arrive(): Promise<void> {
    const tick = this.app.runner.tick;
    const steps = this.steps();
    const from = this.pending ?? this.at + 1;
    this.pending = null;
    const k = steps.findIndex((s, i) => i >= from && s.at === tick);
    if (k >= 0) await this.show(k);
  }

  /** "next": to the next step (running the clock to its tick), or the end. */
  async next(): Promise<void> {
    const { runner, clock } = this.app;
    if (this.pending !== null) {
      // Pressed again while running to the step: go there at once.
      const k = this.pending;
      clock.setPlaying(false);
      await runner.seek(this.steps()[k]!.at!);
      await runner.settle();
      this.pending = null;
      await this.show(k);
      return;
    }
    if (this.at + 1 >= this.steps().length) { this.close(); return; }
    await this.goTo(this.at + 1);
  }

  /** "back": the step before, at its tick (the same state as running there). */
  async prev(): Promise<void> {
    if (this.at <= 0) return;
    this.app.clock.setPlaying(false);
    this.pending = null;
    await this.goTo(this.at - 1, true);
  }

  private async goTo(k: number, back = false): Promise<void> {
    const { runner, clock, dash } = this.app;
    const step = this.steps()[k]!;
    if (step.at !== undefined && step.at > runner.tick && !back) {
      this.pending = k;
      this.text(`Running to tick ${step.at}…`, k, 'skip ahead ▸');
      clock.stopAt = step.at;
      clock.setPlaying(true);
      return;
    }
    const target = step.at ?? (back ? 0 : runner.tick);
    if (target !== runner.tick) { await runner.seek(target); await runner.settle(); await dash.refresh(true); }
    await this.show(k);
  }

  private text(words: string, k: number, next?: string): void {
    const { ui } = this.app;
    const steps = this.steps();
    ui.lesson.hidden = false;
    ui.noticeBox.hidden = true;
    ui.lessonText.textContent = words;
    ui.lessonCount.textContent = `step ${k + 1} of ${steps.length}`;
    ui.lessonNext.textContent = next ?? (k + 1 >= steps.length ? 'finish' : 'next ▸');
    ui.lessonPrev.disabled = k <= 0;
    ui.lessonToggle.setAttribute('aria-pressed', 'true');
    fitNotice();
  }

  /** Shows step k here and now: its words, charts, numbers, highlight and shock. */
  private async show(k: number): Promise<void> {
    const { clock } = this.app;
    const step = this.steps()[k]!;
    this.at = k;
    this.text(step.text, k);
    this.rewatch();
    await this.highlight(step.highlight);
    if (step.shock) await this.app.shocks.live(step.shock as ShockSpec);
    await this.app.dash.refresh(true);
    this.app.share.updateUrl();
    // `pause` (default false) keeps the clock stopped at the step; else it plays on (to the next step).
    clock.stopAt = this.nextStop();
    if (!step.pause && step.at !== undefined) clock.setPlaying(true);
  }

  /** Re-applies the step's charts (after the charts were rebuilt for new series). */
  rewatch(): void {
    const step = this.steps()[this.at];
    if (!step || this.pending !== null) return;
    const names = namedMetrics(step, isKnownMetric);
    this.app.charts.watch(names.filter((n) => this.app.charts.has(n)));
    // Numbers of the whole run it cites (qualityMean, loadGini, …): the summary table, those rows marked.
    this.app.summary.cite(names.filter((n) => !this.app.charts.has(n)));
  }

  private async highlight(group: LessonStep['highlight']): Promise<void> {
    const { runner, view } = this.app;
    const ids = group ? await Promise.all(runner.sides.map((s) => s.client.api.group(group))) : runner.sides.map(() => null);
    ids.forEach((x, i) => view.setHighlight(i, x, group ? GROUP_WORDS[group] ?? group : ''));
  }

  /** Lesson off: the notice comes back. */
  close(): void {
    const { ui, charts, clock } = this.app;
    const was = this.active;
    this.at = -1;
    this.pending = null;
    clock.stopAt = null;
    ui.lesson.hidden = true;
    ui.noticeBox.hidden = false;
    ui.lessonToggle.setAttribute('aria-pressed', 'false');
    charts.watch([]);
    this.app.summary.cite([]);
    if (was) void this.highlight(undefined);
    fitNotice();
  }

  /** A video frame of a lesson at `tick`: the words of the last step at or before it (nothing else changes). */
  wordsAt(tick: number): void {
    if (this.at < 0) return;
    const steps = this.steps();
    let k = -1;
    steps.forEach((s, i) => { if ((s.at ?? 0) <= tick) k = i; });
    if (k >= 0) this.text(steps[k]!.text, k);
  }

  /** The step shown again (after a video went through other steps' words). */
  rewords(): void {
    const step = this.steps()[this.at];
    if (step && this.pending === null) this.text(step.text, this.at);
  }

  /** What the page's test hook reports. */
  state() {
    const { ui, charts } = this.app;
    return { step: this.at, total: this.steps().length, text: ui.lesson.hidden ? '' : ui.lessonText.textContent ?? '', running: this.pending !== null, watched: charts.watching, focus: charts.focusMetrics };
  }
}
