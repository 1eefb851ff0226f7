// One chart (D3, SVG) drawn at its real size in CSS pixels: the SVG is as large as
// its box (no viewBox scaling), so 16 px of axis text is 16 px on the projector.
// Every variant is a line in its colour; shocks are dashed vertical lines, labelled
// where their labels fit; a cursor marks the tick shown. A large chart (the focus)
// adds y- and x-axis titles and a legend with each variant's latest value.
import { axisBottom, axisLeft, line, scaleLinear, select, type Selection } from 'd3';
import type { SeriesStore } from '../engine/metrics.ts';
import { formatValue, type MetricInfo } from './metric-info.ts';
import { chartTop, chartValues } from './chart-values.ts';
import { placeMarkerLabels } from './marker-labels.ts';

export interface Marker {
  tick: number;
  label: string;
}

export interface ChartSide {
  label: string;
  colour: string;
  series: SeriesStore;
}

export class LineChart {
  readonly root: HTMLElement;
  private readonly plot: HTMLElement;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly legend: HTMLElement | null;
  private data: ChartSide[] = [];
  private markers: Marker[] = [];
  private xMax = 100;
  private cursor = 0;
  private size = { w: 0, h: 0 };
  /** The chart's font size in CSS pixels, read when its size or the page's type changes (not on every draw: reading style forces a layout). */
  private emPx = 16;
  /** What the axes were last drawn for (they are rebuilt only when it changes). */
  private axesKey = '';
  /** Values of the last draw, per line, and the y top. */
  private top = 1;
  private readonly observer: ResizeObserver;
  /** Drawing is skipped while the chart is hidden (a page of the strip not shown). */
  visible = true;

  constructor(readonly info: MetricInfo, readonly large: boolean) {
    this.root = document.createElement('figure');
    this.root.className = large ? 'chart focus-chart' : 'chart';
    this.root.dataset.metric = info.name;
    const cap = document.createElement('figcaption');
    const title = document.createElement('span');
    title.className = 'chart-title';
    title.textContent = info.label;
    title.title = `metric: ${info.name} — ${info.description}`;
    cap.append(title);
    if (large) {
      const unit = document.createElement('span');
      unit.className = 'chart-unit';
      unit.textContent = info.unit + (info.smooth ? `, ${info.smooth}-tick mean` : '');
      cap.append(unit);
    }
    this.root.append(cap);
    this.legend = large ? document.createElement('span') : null;
    if (this.legend) { this.legend.className = 'chart-legend'; cap.append(this.legend); }
    this.plot = document.createElement('div');
    this.plot.className = 'plot';
    this.root.append(this.plot);
    this.svg = select(this.plot).append('svg').attr('role', 'img').attr('aria-label', `${info.label} (${info.unit})`);
    this.svg.append('title').text(`${info.label} — metric ${info.name}: ${info.description}`);
    for (const cls of ['markers', 'x axis', 'y axis', 'lines', 'titles']) this.svg.append('g').attr('class', cls);
    this.svg.append('line').attr('class', 'cursor');
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(this.plot);
  }

  dispose(): void {
    this.observer.disconnect();
    this.root.remove();
  }

  setData(data: ChartSide[], xMax: number): void {
    this.data = data;
    this.xMax = Math.max(1, xMax);
    this.draw();
  }

  setMarkers(markers: Marker[]): void {
    this.markers = markers;
    this.draw();
  }

  setCursor(tick: number): void {
    this.cursor = tick;
    if (!this.visible || !this.size.w) return;
    const m = this.margins(), x = this.x(m);
    this.svg.select('line.cursor').attr('x1', x(tick)).attr('x2', x(tick)).attr('y1', m.top).attr('y2', this.size.h - m.bottom);
  }

  private resize(): void {
    const w = Math.floor(this.plot.clientWidth), h = Math.floor(this.plot.clientHeight);
    if (w === this.size.w && h === this.size.h) return;
    this.size = { w, h };
    this.svg.attr('width', w).attr('height', h);
    this.restyle();
  }

  /** Reads the type size again (presentation mode, a resize) and redraws. */
  restyle(): void {
    this.emPx = parseFloat(getComputedStyle(this.plot).fontSize) || 16;
    this.axesKey = '';
    this.draw();
  }

  /** The chart's font size in CSS pixels (16 px, more in presentation mode). */
  private em(): number {
    return this.emPx;
  }

  /** A large chart short of room (two in the focus on a laptop): one row of shock labels, no x title. */
  private get compact(): boolean {
    return this.large && this.size.h < 13 * this.em();
  }

  /** Whether the y title (the unit) fits along the plot's height. */
  private get yTitle(): boolean {
    return this.large && this.info.unit.length * 0.6 * this.em() < this.size.h - 4 * this.em();
  }

  private margins() {
    const em = this.em();
    const rows = this.large ? Math.min(this.compact ? 1 : 3, this.markerRows()) : 0;
    return {
      top: this.large ? 0.3 * em + rows * 1.25 * em : 0.6 * em,
      // Room for half of the last tick's label ("500"), which is centred on the right edge.
      right: Math.max(0.8 * em, 0.32 * em * String(Math.round(this.xMax)).length + 0.2 * em),
      bottom: (this.large && !this.compact ? 2.7 : 1.45) * em,
      left: (this.yTitle ? 1.6 * em : 0) + 0.62 * em * this.yDigits() + 0.9 * em,
    };
  }

  /** Rows the shock labels of a large chart take (none without shocks). */
  private markerRows(): number {
    if (!this.markers.length || !this.size.w) return this.markers.length ? 1 : 0;
    const em = this.em(), left = 2 * em, right = this.size.w - 0.8 * em;
    const x = scaleLinear().domain([0, this.xMax]).range([left, right]);
    const placed = placeMarkerLabels(this.markers.map((d) => x(d.tick)), this.markers.map((d) => d.label), right, 3, 0.62 * em, 0.3 * em, 0.6 * em);
    return 1 + Math.max(...placed.map((p) => p.row));
  }

  /** Characters of the longest y tick label (margins follow the numbers of the last draw). */
  private yDigits(): number {
    const top = this.top;
    return Math.max(2, String(Math.round(top)).length + (top < 10 ? 2 : 0));
  }

  private x(m: { left: number; right: number }) {
    return scaleLinear().domain([0, this.xMax]).range([m.left, Math.max(m.left + 1, this.size.w - m.right)]);
  }

  draw(): void {
    if (!this.visible || this.size.w < 40 || this.size.h < 40) return;
    const { w, h } = this.size, em = this.em();
    const lines = this.data.map((d) => ({ ...d, v: chartValues(this.info, d.series) }));
    this.top = chartTop(this.info, lines.map((l) => l.v));
    const m = this.margins(), x = this.x(m);
    const y = scaleLinear().domain([0, this.top]).nice().range([h - m.bottom, m.top]);
    const xTicks = Math.max(2, Math.floor((w - m.left - m.right) / (4.5 * em)));
    const yTicks = Math.max(2, Math.floor((h - m.top - m.bottom) / (2.2 * em)));
    // Axes are rebuilt only when their scales change (not on every data update).
    const key = `${w}x${h}|${em}|${x.domain()}|${x.range()}|${y.domain()}|${y.range()}`;
    if (key !== this.axesKey) {
      this.axesKey = key;
      this.svg.select<SVGGElement>('g.x').attr('transform', `translate(0,${h - m.bottom})`).call(axisBottom(x).ticks(xTicks).tickSizeOuter(0));
      this.svg.select<SVGGElement>('g.y').attr('transform', `translate(${m.left},0)`).call(axisLeft(y).ticks(yTicks).tickSizeOuter(0));
    }
    const path = line<number | null>().defined((v) => v !== null).x((_, t) => x(t)).y((v) => y(v ?? 0));
    this.svg.select('g.lines').selectAll<SVGPathElement, (typeof lines)[number]>('path')
      .data(lines)
      .join('path')
      .attr('fill', 'none')
      .attr('stroke', (d) => d.colour)
      .attr('stroke-width', this.large ? 3.5 : 2.5)
      .attr('stroke-linejoin', 'round')
      .attr('d', (d) => path(d.v));
    this.drawTitles(w, h, m, em);
    this.drawMarkers(x, m, em);
    this.drawLegend(lines);
    this.setCursor(this.cursor);
  }

  private drawTitles(w: number, h: number, m: ReturnType<LineChart['margins']>, em: number): void {
    const titles = [
      ...(this.yTitle ? [{ cls: 'y-title', text: this.info.unit, x: 0, y: 0, t: `translate(${0.85 * em},${(m.top + h - m.bottom) / 2}) rotate(-90)` }] : []),
      ...(this.large && !this.compact ? [{ cls: 'x-title', text: 'tick', x: (m.left + w - m.right) / 2, y: h - 0.35 * em, t: '' }] : []),
    ];
    this.svg.select('g.titles').selectAll<SVGTextElement, (typeof titles)[number]>('text')
      .data(titles)
      .join('text')
      .attr('class', (d) => `axis-title ${d.cls}`)
      .attr('text-anchor', 'middle')
      .attr('x', (d) => d.x).attr('y', (d) => d.y)
      .attr('transform', (d) => d.t || null)
      .text((d) => d.text);
  }

  private drawMarkers(x: (t: number) => number, m: ReturnType<LineChart['margins']>, em: number): void {
    const h = this.size.h;
    const g = this.svg.select('g.markers').selectAll<SVGGElement, Marker>('g.marker')
      .data(this.markers)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'marker');
        e.append('line');
        e.append('text');
        return e;
      });
    g.select('line').attr('x1', (d) => x(d.tick)).attr('x2', (d) => x(d.tick)).attr('y1', this.large ? m.top - 0.2 * em : m.top).attr('y2', h - m.bottom);
    // Labels in rows above the plot of a large chart; a small chart has the lines only
    // (16 px labels would cover its data; the focus chart names every shock).
    if (!this.large) { g.select('text').attr('display', 'none'); return; }
    const cw = 0.62 * em;
    const rows = this.compact ? 1 : 3;
    const placed = placeMarkerLabels(this.markers.map((d) => x(d.tick)), this.markers.map((d) => d.label), this.size.w - m.right, rows, cw, 0.3 * em, 0.6 * em);
    // A label that found no free row (or would stick out on the left) is left out, never drawn over another.
    const shown = placed.map((p, i) => {
      const w = this.markers[i]!.label.length * cw, left = p.anchor === 'start' ? p.x : p.x - w;
      if (left < m.left - 4) return false;
      return !placed.some((q, j) => j < i && q.row === p.row && Math.abs((q.anchor === 'start' ? q.x : q.x - this.markers[j]!.label.length * cw) - left) < Math.max(w, this.markers[j]!.label.length * cw));
    });
    g.select('text')
      .attr('x', (_, i) => placed[i]!.x)
      .attr('y', (_, i) => 1.05 * em + placed[i]!.row * 1.25 * em)
      .attr('text-anchor', (_, i) => placed[i]!.anchor)
      .attr('display', (_, i) => (shown[i] ? null : 'none'))
      .text((d) => d.label);
  }

  private drawLegend(lines: { label: string; colour: string; v: (number | null)[] }[]): void {
    if (!this.legend) return;
    const items = lines.map((l) => {
      let last: number | null = null;
      for (let t = l.v.length - 1; t >= 0 && last === null; t--) last = l.v[t] ?? null;
      return { label: l.label, colour: l.colour, value: last === null ? '–' : formatValue({ ...this.info, scale: 1 }, last) };
    });
    const key = items.map((i) => `${i.label}|${i.colour}|${i.value}`).join(';');
    if (this.legend.dataset.key === key) return;
    this.legend.dataset.key = key;
    this.legend.replaceChildren(...items.map((i) => {
      const el = document.createElement('span');
      el.className = 'legend-item';
      const sw = document.createElement('i');
      sw.className = 'swatch';
      sw.style.background = i.colour;
      const name = document.createElement('span');
      name.textContent = i.label;
      const val = document.createElement('b');
      val.textContent = i.value;
      el.append(sw, name, val);
      return el;
    }));
  }
}
