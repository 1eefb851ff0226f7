// The charts (D3, SVG): one small chart per metric, every variant in its colour,
// shocks as labelled vertical lines, a cursor at the current tick. Titles are in
// words; the metric's exact name is in a tooltip for researchers.
import { axisBottom, axisLeft, line, scaleLinear, select, type Selection } from 'd3';
import type { SeriesStore } from '../engine/metrics.ts';
import { placeMarkerLabels } from './marker-labels.ts';

export interface ChartDef {
  metric: string;
  title: string;
  unit: string;
  /** Moving-average window in ticks (noisy per-tick counts read better smoothed). */
  smooth?: number;
  scale?: number;
}

export const CHARTS: ChartDef[] = [
  { metric: 'backlog', title: 'Work waiting', unit: 'open situations' },
  { metric: 'resolved', title: 'Resolved per tick', unit: 'situations / tick, 10-tick mean', smooth: 10 },
  { metric: 'latency', title: 'Time to resolve', unit: 'ticks, 10-tick mean', smooth: 10 },
  { metric: 'messages', title: 'Messages sent', unit: 'per tick, 10-tick mean', smooth: 10 },
  { metric: 'maxLoad', title: 'Busiest person’s load', unit: 'messages read / tick, 10-tick mean', smooth: 10 },
  { metric: 'giantComponent', title: 'Still connected', unit: '% of people in the largest group', scale: 100 },
  { metric: 'misinformed', title: 'Believe the rumour', unit: 'people' },
  { metric: 'engagementMean', title: 'Engagement', unit: 'mean, 0 – 1' },
  // Only in runs with exchanges (MODEL.md §10.5).
  { metric: 'exchangesResolved', title: 'Exchanges answered', unit: 'per tick, 10-tick mean', smooth: 10 },
  { metric: 'exchangeLatency', title: 'Time to an answer', unit: 'ticks, 10-tick mean', smooth: 10 },
];

export interface Marker {
  tick: number;
  label: string;
}

interface Chart {
  def: ChartDef;
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  root: HTMLElement;
  xKey?: string;
  yKey?: string;
}

const W = 340, H = 118, M = { top: 6, right: 10, bottom: 20, left: 40 };

export class Charts {
  private charts: Chart[] = [];
  private data: { label: string; colour: string; series: SeriesStore }[] = [];
  private markers: Marker[] = [];
  private xMax = 100;
  private cursor = 0;
  /** Which four charts show (0: the first four, 1: the rest); hidden ones are not drawn. */
  page = 0;
  static readonly PER_PAGE = 4;

  constructor(private readonly host: HTMLElement) {}

  /** Makes the charts whose metric at least one variant records. */
  setMetrics(available: Set<string>): void {
    this.host.replaceChildren();
    this.charts = CHARTS.filter((d) => available.has(d.metric)).map((def) => {
      const root = document.createElement('figure');
      root.className = 'chart';
      const cap = document.createElement('figcaption');
      const title = document.createElement('span');
      title.className = 'chart-title';
      title.textContent = def.title;
      title.title = `metric: ${def.metric}`;
      const unit = document.createElement('span');
      unit.className = 'chart-unit';
      unit.textContent = def.unit;
      cap.append(title, unit);
      root.append(cap);
      const svg = select(root).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img').attr('aria-label', `${def.title} (${def.unit})`);
      svg.append('title').text(`${def.title} — metric ${def.metric}`);
      svg.append('g').attr('class', 'x axis').attr('transform', `translate(0,${H - M.bottom})`);
      svg.append('g').attr('class', 'y axis').attr('transform', `translate(${M.left},0)`);
      svg.append('g').attr('class', 'markers');
      svg.append('g').attr('class', 'lines');
      svg.append('line').attr('class', 'cursor');
      this.host.append(root);
      return { def, svg, root };
    });
    this.showPage(this.page);
  }

  /** How many pages of four charts there are. */
  get pages(): number {
    return Math.ceil(this.charts.length / Charts.PER_PAGE);
  }

  /** Shows page k of four charts (the others are hidden and not redrawn). */
  showPage(k: number): void {
    this.page = Math.max(0, Math.min(k, this.pages - 1));
    this.charts.forEach((c, i) => { c.root.hidden = Math.floor(i / Charts.PER_PAGE) !== this.page; });
    this.draw();
  }

  /** Highlights the charts of these metrics (a lesson step's `watch`), turning to their page. */
  watch(metrics: string[]): void {
    const first = this.charts.findIndex((c) => metrics.includes(c.def.metric));
    if (first >= 0 && Math.floor(first / Charts.PER_PAGE) !== this.page) this.showPage(Math.floor(first / Charts.PER_PAGE));
    for (const c of this.charts) c.root.classList.toggle('watched', metrics.includes(c.def.metric));
  }

  /** Metrics of the charts shown now. */
  get shown(): string[] {
    return this.charts.filter((c) => !c.root.hidden).map((c) => c.def.metric);
  }

  setData(data: { label: string; colour: string; series: SeriesStore }[], xMax: number): void {
    this.data = data;
    this.xMax = xMax;
    this.draw();
  }

  setMarkers(markers: Marker[]): void {
    this.markers = markers;
    this.draw();
  }

  setCursor(tick: number): void {
    this.cursor = tick;
    const x = this.x();
    for (const c of this.charts) {
      if (c.root.hidden) continue;
      c.svg.select('line.cursor').attr('x1', x(tick)).attr('x2', x(tick)).attr('y1', M.top).attr('y2', H - M.bottom);
    }
  }

  private x() {
    return scaleLinear().domain([0, this.xMax]).range([M.left, W - M.right]);
  }

  /** The values a chart shows for one variant (smoothed and scaled as drawn). */
  values(def: ChartDef, s: SeriesStore): (number | null)[] {
    const raw = s.values[def.metric];
    if (!raw) return [];
    const out: (number | null)[] = [];
    const w = def.smooth ?? 1, k = def.scale ?? 1;
    let sum = 0, cnt = 0;
    const q: (number | null)[] = [];
    for (let t = 0; t < s.length; t++) {
      const v = Number.isFinite(raw[t]!) ? raw[t]! : null;
      q.push(v);
      if (v !== null) { sum += v; cnt++; }
      if (q.length > w) { const o = q.shift()!; if (o !== null) { sum -= o; cnt--; } }
      out.push(cnt ? (sum / cnt) * k : null);
    }
    return out;
  }

  private draw(): void {
    const x = this.x();
    for (const c of this.charts) {
      if (c.root.hidden) continue;
      const lines = this.data.map((d) => ({ ...d, v: this.values(c.def, d.series) }));
      let yMax = 0;
      for (const l of lines) for (const v of l.v) if (v !== null && v > yMax) yMax = v;
      if (c.def.metric === 'giantComponent') yMax = 100;
      else if (c.def.metric === 'engagementMean') yMax = Math.max(1, yMax);
      const y = scaleLinear().domain([0, yMax || 1]).nice().range([H - M.bottom, M.top]);
      // Axes are rebuilt only when their domain changes (not on every data update).
      const yKey = y.domain().join(), xKey = String(this.xMax);
      if (c.xKey !== xKey) { c.xKey = xKey; c.svg.select<SVGGElement>('g.x').call(axisBottom(x).ticks(5).tickSizeOuter(0)); }
      if (c.yKey !== yKey) { c.yKey = yKey; c.svg.select<SVGGElement>('g.y').call(axisLeft(y).ticks(4).tickSizeOuter(0)); }
      const path = line<number | null>().defined((v) => v !== null).x((_, t) => x(t)).y((v) => y(v ?? 0));
      c.svg.select('g.lines').selectAll<SVGPathElement, (typeof lines)[number]>('path')
        .data(lines)
        .join('path')
        .attr('fill', 'none')
        .attr('stroke', (d) => d.colour)
        .attr('stroke-width', 2.2)
        .attr('stroke-linejoin', 'round')
        .attr('d', (d) => path(d.v));
      const m = c.svg.select('g.markers').selectAll<SVGGElement, Marker>('g.marker')
        .data(this.markers)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'marker');
          g.append('line');
          g.append('text');
          return g;
        });
      m.select('line').attr('x1', (d) => x(d.tick)).attr('x2', (d) => x(d.tick)).attr('y1', M.top).attr('y2', H - M.bottom);
      const placed = placeMarkerLabels(this.markers.map((d) => x(d.tick)), this.markers.map((d) => d.label), W - M.right);
      m.select('text')
        .attr('x', (_, i) => placed[i]!.x)
        .attr('y', (_, i) => M.top + 9 + placed[i]!.row * 11)
        .attr('text-anchor', (_, i) => placed[i]!.anchor)
        .text((d) => d.label);
    }
    this.setCursor(this.cursor);
  }
}
