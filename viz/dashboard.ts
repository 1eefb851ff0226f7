// What the page shows of the run now: asks the workers for the frames (and the
// series, at most four times a second while playing) and hands them to the network
// views, the charts, the cards, the tick and the hashes. Builds the variants' names
// and cards when a run is loaded, and places people (layouts, large-organization
// samples) when the ties change.
import { WHOLE_MODEL_STATUS } from './loader.ts';
import type { App } from './app.ts';
import type { Frame, Topology } from '../workers/host.ts';
import type { SeriesStore } from '../engine/metrics.ts';
import type { ShockSpec } from '../engine/shocks.ts';
import type { Marker } from './charts.ts';
import type { PanelMode } from './network-view.ts';
import { renderCards } from './cards.ts';
import { shockLabel } from './live-shocks.ts';
import { extendLayout, informalLayout, treeLayout } from './layout.ts';
import { drawnPeople, subTopology } from './draw-sample.ts';
import { variantTextColour } from './palette.ts';
import { sameNote } from './same-numbers.ts';
import { pageRegistry } from '../workers/page-modules.ts';

export class Dashboard {
  series: SeriesStore[] = [];
  frames: (Frame | null)[] = [];
  private seriesAt = 0;
  private frameGap = 500;
  private lastFrameAt = 0;
  private topoKey: string[] = [];
  private positions: (Float32Array | null)[] = [];
  private drawnIds: (Int32Array | null)[] = [];
  private cardEls: HTMLElement[] = [];
  /** Per variant: the note that its numbers equal an earlier variant's so far ('' when not). */
  sameNotes: string[] = [];

  constructor(private readonly app: App) {}

  /** A new run: names above the views, empty cards, no layouts yet. */
  reset(): void {
    const { runner, ui, view } = this.app;
    const modes = runner.sides.map((s) => drawMode(s.scenario.protocol.kind));
    view.setPanels(runner.sides.map((s, i) => ({ label: s.label, colour: s.colour, mode: modes[i]! })));
    this.topoKey = []; this.positions = []; this.drawnIds = []; this.frames = []; this.series = [];
    ui.names.replaceChildren(...runner.sides.map((s, i) => {
      const d = document.createElement('div');
      d.style.color = variantTextColour(s.colour);
      d.textContent = s.label;
      const sub = document.createElement('span');
      sub.className = 'sub';
      // The way of working in words when the label does not say it ("chart" is a hierarchy; "p2p" says it).
      const kind = kindWords(s.scenario.protocol.kind);
      sub.textContent = `${s.label.toLowerCase().startsWith(kind.split(' ')[0]!.slice(0, 4)) || (kind === 'peers' && /p2p/.test(s.label)) ? '' : `${kind} · `}${modes[i] === 'tree' ? 'formal tree' : 'informal ties'}`;
      d.title = `${s.label}: ${kind}, drawn along its ${modes[i] === 'tree' ? 'formal tree' : 'informal ties'}`;
      d.append(sub);
      return d;
    }));
    this.cardEls = runner.sides.map(() => document.createElement('div'));
    ui.cards.replaceChildren(...this.cardEls);
    this.app.charts.setMetrics([]);
  }

  /** The shocks of the run for the charts: one line per scheduled shock (a repeated one says how often) and per live one. */
  markers(): Marker[] {
    return this.shocks(false);
  }

  /** Every shock that happens, each time it happens (for the words on the network views). */
  notes(): Marker[] {
    return this.shocks(true);
  }

  private shocks(each: boolean): Marker[] {
    const { runner } = this.app;
    const out: Marker[] = [];
    const scheduled = (runner.sides[0]?.scenario.shocks ?? []) as (ShockSpec & { at?: number; every?: number; until?: number })[];
    for (const spec of scheduled) {
      const label = shockLabel(spec), at = spec.at ?? 0;
      if (!spec.every) out.push({ tick: at, label });
      else if (!each) out.push({ tick: at, label: `${label}, every ${spec.every} ticks` });
      else for (let t = at; t <= Math.min(spec.until ?? runner.planned, runner.planned); t += spec.every) out.push({ tick: t, label });
    }
    for (const l of runner.timeline) out.push({ tick: l.tick, label: `${shockLabel(l.shock as ShockSpec)} (live)` });
    return out.sort((a, b) => a.tick - b.tick);
  }

  /** Draws the run now; `at` replaces the wall clock (a video's frames are timed by their tick). */
  async refresh(withSeries = false, at?: number): Promise<void> {
    const { runner, view, charts, ui, clock } = this.app;
    if (!runner.sides.length) return;
    const fs = await runner.frames();
    const now = at ?? performance.now();
    if (this.lastFrameAt) this.frameGap = 0.7 * this.frameGap + 0.3 * Math.min(1000, now - this.lastFrameAt);
    this.lastFrameAt = now;
    view.tickMs = clock.playing ? Math.max(60, this.frameGap) : 400;
    await Promise.all(fs.map(async (f, i) => {
      if (this.topoKey[i] !== f.topologyKey) {
        const topo = await runner.topology(i);
        this.topoKey[i] = f.topologyKey;
        await this.placePeople(i, topo);
      }
    }));
    const markers = this.markers();
    view.setNotes(this.notes());
    fs.forEach((f, i) => { this.frames[i] = f; view.setFrame(i, f, now); });
    await this.app.follow.onFrame();
    ui.tick.value = String(runner.tick);
    const end = Math.max(runner.planned, runner.tick);
    ui.scrub.max = String(end);
    ui.scrub.value = String(runner.tick);
    ui.scrubEnd.value = String(end);
    ui.hashes.textContent = runner.sides.map((s, i) => `${s.label} ${runner.hashes[i] ?? ''}`).join(' · ');
    if (withSeries || !clock.playing || now - this.seriesAt > 250) {
      // The charts (and their cursor) change four times a second while playing: each change repaints them.
      charts.setCursor(runner.tick);
      this.seriesAt = now;
      this.series = await runner.series();
      const data = runner.sides.map((s, i) => ({ label: s.label, colour: s.colour, series: this.series[i]! }));
      const names = new Set(this.series.flatMap((s) => s.names));
      if ([...names].some((n) => !charts.has(n))) { charts.setMetrics(names); this.app.lesson.rewatch(); }
      charts.setMarkers(markers);
      charts.setData(data, end);
      renderCards(this.cardEls, data);
      this.markSame();
      await this.app.summary.update();
    }
  }

  /** On a variant's panel, when its numbers so far equal an earlier variant's. */
  private markSame(): void {
    const { runner, view } = this.app;
    // A side that met the scenario's stop condition says so (its numbers stay as they were).
    this.sameNotes = runner.sides.map((_, i) => [runner.tick === 0 ? '' : sameNote(runner.sides, this.series, i), runner.stopWords(i)].filter(Boolean).join(' · '));
    this.sameNotes.forEach((note, i) => view.setSameNote(i, note));
    // A whole model has no panels for these words: its stops are said in the standing word.
    if (runner.sides.some((s) => !s.scenario.organization)) {
      const stops = runner.sides.map((s, i) => (runner.stopWords(i) ? `${s.label} ${runner.stopWords(i)}` : '')).filter(Boolean);
      this.app.errors.status(stops.length ? `${WHOLE_MODEL_STATUS} ${stops.join('; ')}.` : WHOLE_MODEL_STATUS);
    }
  }

  /** Where panel i's people sit: a layout per organization, kept when people leave; a connected sample when it is large. */
  private async placePeople(i: number, topo: Topology): Promise<void> {
    const side = this.app.runner.sides[i]!;
    const tree = drawMode(side.scenario.protocol.kind) === 'tree' && topo.formalRoot >= 0;
    let pos = this.positions[i] ?? null;
    let ids = this.drawnIds[i];
    if (!pos) {
      ids = drawnPeople(topo, tree);
      this.drawnIds[i] = ids;
      const t = ids ? subTopology(topo, ids) : topo;
      const local = tree ? treeLayout(t) : await informalLayout(t);
      if (ids) {
        pos = new Float32Array(2 * topo.n).fill(NaN);
        ids.forEach((v, k) => { pos![2 * v] = local[2 * k]!; pos![2 * v + 1] = local[2 * k + 1]!; });
      } else pos = local;
    }
    // Newcomers: beside someone they know (only while everyone is drawn).
    if (!ids) pos = extendLayout(pos, topo);
    else if (pos.length < 2 * topo.n) { const grown = new Float32Array(2 * topo.n).fill(NaN); grown.set(pos); pos = grown; }
    this.positions[i] = pos;
    this.app.view.setTopology(i, topo, pos, ids ?? null);
  }
}

/** How a way of working is drawn: its module says which layer (the formal tree or the informal ties). */
export function drawMode(kind: string): PanelMode {
  return pageRegistry().protocols.get(kind)?.draws === 'formal' ? 'tree' : 'force';
}

/** A way of working in words (its module's `words`, else its name). */
export function kindWords(kind: string): string {
  return pageRegistry().protocols.get(kind)?.words ?? kind;
}
