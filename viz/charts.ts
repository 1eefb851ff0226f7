// The charts: a strip of small charts (a page of them at a time, one per per-tick
// metric the variants record) and the focus: one or two large charts with axis
// titles, units and a legend, beside the network views. A lesson step's `watch`
// puts its charts in the focus; clicking a small chart does too.
import { chartOrder, metricInfo } from './metric-info.ts';
import { LineChart, type ChartSide, type Marker } from './line-chart.ts';

export type { Marker } from './line-chart.ts';

// One chart per per-tick series a run records, its words from the metric registry
// (metric-info.ts): a classic's metrics get their charts without a list.

/** Most charts in the focus at once (each still gets a quarter of the screen). */
const FOCUS_MAX = 2;

export class Charts {
  private small: LineChart[] = [];
  private focused: LineChart[] = [];
  private focusNames: string[] = [];
  private watched: string[] = [];
  private data: ChartSide[] = [];
  private markers: Marker[] = [];
  private xMax = 100;
  private cursor = 0;
  /** The page of the strip shown, and how many small charts a page holds (follows the width). */
  page = 0;
  perPage = 4;
  /** Called when the user puts a chart in the focus (the page remembers it). */
  onFocus: (metrics: string[]) => void = () => {};

  constructor(private readonly strip: HTMLElement, private readonly focusHost: HTMLElement) {
    new ResizeObserver(() => this.fitStrip()).observe(strip);
  }

  /** Makes one small chart per metric recorded by at least one variant. */
  setMetrics(available: Iterable<string>): void {
    for (const c of this.small) c.dispose();
    this.small = chartOrder(available).map((name) => {
      const c = new LineChart(metricInfo(name), false);
      c.root.tabIndex = 0;
      c.root.setAttribute('role', 'button');
      c.root.setAttribute('aria-label', `${c.info.label}: show large`);
      const pick = () => { this.focus([name]); this.onFocus([name]); };
      c.root.addEventListener('click', pick);
      c.root.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
      this.strip.append(c.root);
      return c;
    });
    const keep = this.focusNames.filter((n) => this.has(n));
    this.focus(keep.length ? keep : this.small.slice(0, 1).map((c) => c.info.name));
    this.fitStrip();
  }

  /** Metrics that have a chart now. */
  get metrics(): string[] {
    return this.small.map((c) => c.info.name);
  }

  has(metric: string): boolean {
    return this.small.some((c) => c.info.name === metric);
  }

  get pages(): number {
    return Math.max(1, Math.ceil(this.small.length / this.perPage));
  }

  /** Shows page k of the strip (hidden charts are not drawn). */
  showPage(k: number): void {
    this.page = Math.max(0, Math.min(k, this.pages - 1));
    this.small.forEach((c, i) => {
      const on = Math.floor(i / this.perPage) === this.page;
      c.root.hidden = !on;
      c.visible = on;
      if (on) c.draw();
    });
  }

  /** As many small charts per page as fit at about 15 em each (3 … 6). */
  private fitStrip(): void {
    const em = parseFloat(getComputedStyle(this.strip).fontSize) || 16;
    const per = Math.max(3, Math.min(6, Math.floor(this.strip.clientWidth / (15 * em)) || 4));
    if (per !== this.perPage) this.perPage = per;
    this.strip.style.setProperty('--per-page', String(this.perPage));
    this.showPage(Math.min(this.page, this.pages - 1));
  }

  /** Puts these metrics' charts (the first two that exist) in the focus, large. */
  focus(metrics: string[]): void {
    const names = metrics.filter((m) => this.has(m)).slice(0, FOCUS_MAX);
    if (!names.length && this.focused.length) return;
    if (names.join() === this.focusNames.join() && this.focused.length) return;
    for (const c of this.focused) c.dispose();
    this.focusNames = names;
    this.focused = names.map((n) => {
      const c = new LineChart(metricInfo(n), true);
      c.setMarkers(this.markers);
      c.setData(this.data, this.xMax);
      c.setCursor(this.cursor);
      return c;
    });
    this.focusHost.replaceChildren(...this.focused.map((c) => c.root));
    this.focusHost.dataset.count = String(this.focused.length);
    this.markWatched();
  }

  /** The metrics in the focus now. */
  get focusMetrics(): string[] {
    return [...this.focusNames];
  }

  /** Highlights a lesson step's charts: they go to the focus, and their small charts are outlined. */
  watch(metrics: string[]): void {
    this.watched = metrics.filter((m) => this.has(m));
    if (this.watched.length) {
      this.focus(this.watched);
      const first = this.small.findIndex((c) => c.info.name === this.watched[0]);
      if (first >= 0) this.showPage(Math.floor(first / this.perPage));
    }
    this.markWatched();
  }

  private markWatched(): void {
    for (const c of this.small) {
      c.root.classList.toggle('watched', this.watched.includes(c.info.name));
      c.root.classList.toggle('in-focus', this.focusNames.includes(c.info.name));
    }
    for (const c of this.focused) c.root.classList.toggle('watched', this.watched.includes(c.info.name));
  }

  /** Metrics of the small charts shown now, and of those a lesson step watches. */
  get shown(): string[] {
    return this.small.filter((c) => !c.root.hidden).map((c) => c.info.name);
  }

  get watching(): string[] {
    return [...this.watched];
  }

  setData(data: ChartSide[], xMax: number): void {
    this.data = data;
    this.xMax = xMax;
    for (const c of [...this.focused, ...this.small]) c.setData(data, xMax); // hidden ones keep it and draw when shown
  }

  setMarkers(markers: Marker[]): void {
    this.markers = markers;
    for (const c of [...this.focused, ...this.small]) c.setMarkers(markers);
  }

  /** Draws every shown chart again (type size or theme changed). */
  redraw(): void {
    for (const c of [...this.focused, ...this.small]) c.restyle();
  }

  setCursor(tick: number): void {
    this.cursor = tick;
    for (const c of [...this.focused, ...this.small]) c.setCursor(tick);
  }
}
