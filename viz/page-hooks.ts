// Installs `window.equipotent` (page-api.ts) over the page's parts.
import type { App } from './app.ts';
import type { PageApi } from './page-api.ts';
import type { ShockSpec } from '../engine/shocks.ts';
import { bundle } from './export-menu.ts';
import { dashboardCanvas } from './dashboard-picture.ts';
import { recordVideo } from './video.ts';

export function installHooks(app: App): void {
  const { runner, clock, view, charts, dash, lesson, follow, errors } = app;
  const api: PageApi = {
    ready: true,
    get tick() { return runner.tick; },
    get hashes() { return [...runner.hashes]; },
    get labels() { return runner.sides.map((s) => s.label); },
    get colours() { return runner.sides.map((s) => s.colour); },
    get wasm() { return [...runner.kernels]; },
    get playing() { return clock.playing; },
    get errors() { return [...errors.messages]; },
    get status() { return errors.statusText; },
    play: () => clock.setPlaying(true),
    pause: () => clock.setPlaying(false),
    step: (k = 1) => clock.step(k),
    seek: (t: number) => clock.seek(t),
    shock: (id: string) => app.shocks.apply(id),
    liveShock: (spec: unknown) => clock.enqueue(() => app.shocks.live(spec as ShockSpec)),
    idle: () => clock.idle(),
    shareUrl: () => app.share.url(),
    bundle: (i: number) => bundle(app, i),
    series: async () => (await runner.series()).map((s) => ({ names: s.names, length: s.length, values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, Array.from(v)])) })),
    inkShare: () => view.inkShare(),
    shownMatch: () => view.shownMatch(),
    get viewFrames() { return view.frames(); },
    canvasText: () => view.canvasText(),
    get alive() { return dash.frames.map((f) => (f ? f.alive.reduce((a, x) => a + x, 0) : 0)); },
    get drawn() { return view.drawn(); },
    get scales() { return view.scales(); },
    get badges() { return view.badgeTexts(); },
    get lesson() { return lesson.state(); },
    get sameNotes() { return [...dash.sameNotes]; },
    get shownCharts() { return charts.shown; },
    get charts() { return charts.metrics; },
    get focusCharts() { return charts.focusMetrics; },
    focusOn: (metrics: string[]) => charts.focus(metrics),
    get summaryRows() { return app.summary.shown; },
    get parameters() { return app.params.paths; },
    get follow() { return { situation: follow.k, caption: follow.caption }; },
    followNext: () => follow.next(),
    followPerson: (panel, person) => follow.pick(panel, person),
    picture: async () => {
      await clock.idle();
      const c = await dashboardCanvas(app);
      return { url: c.toDataURL('image/png'), width: c.width, height: c.height };
    },
    video: async (o) => {
      const thumbnails: number[][] = [];
      const blob = await recordVideo(app, { ...o, thumbnails });
      return { url: URL.createObjectURL(blob), bytes: blob.size, thumbnails };
    },
  };
  window.equipotent = api;
}
