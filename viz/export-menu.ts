// The export menu: a picture of the whole dashboard (PNG), a video of the lesson or
// a range of ticks (WebM), the series (CSV), the scenario (JSON) and a replay bundle
// per variant (`equipotent run --replay` reproduces its hash). The menu closes when
// an item is chosen, on Escape, and on a click elsewhere.
import type { App } from './app.ts';
import { download, seriesCsv, slug } from './exporting.ts';
import { dashboardCanvas } from './dashboard-picture.ts';
import { recordVideo, videoUnsupported } from './video.ts';
import { bakedProvenance } from '../workers/page-modules.ts';

export function bindExports(app: App): void {
  const { ui, runner } = app;
  const menu = ui.exportMenu;
  const close = () => { menu.open = false; };
  ui.exports.addEventListener('click', (e) => { if ((e.target as HTMLElement).closest('button')) close(); });
  document.addEventListener('pointerdown', (e) => { if (menu.open && !menu.contains(e.target as Node)) close(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
  const name = () => slug(runner.source?.name ?? 'run');
  ui.exportPng.addEventListener('click', async () => {
    await app.clock.idle();
    const c = await dashboardCanvas(app);
    download(`${name()}-t${runner.tick}.png`, c.toDataURL('image/png'));
  });
  ui.exportCsv.addEventListener('click', async () => {
    const s = await runner.series();
    download(`${name()}-series.csv`, seriesCsv(runner.sides.map((x, i) => ({ label: x.label, series: s[i]! }))), 'text/csv');
  });
  ui.exportJson.addEventListener('click', () => download(`${name()}.json`, JSON.stringify(runner.source!.input, null, 2)));
  ui.exportVideo.addEventListener('click', () => {
    ui.videoStatus.textContent = videoUnsupported() ?? '';
    const from = runner.tick < runner.planned ? runner.tick : Math.max(0, runner.planned - 100);
    ui.videoFrom.value = String(from);
    ui.videoTo.value = String(Math.min(runner.planned, from + 100));
    ui.videoDialog.showModal();
  });
  ui.videoLesson.addEventListener('click', () => {
    const ticks = app.lesson.steps().map((s) => s.at).filter((t): t is number => t !== undefined);
    ui.videoFrom.value = '0';
    ui.videoTo.value = String(Math.max(1, ...ticks));
  });
  ui.videoForm.addEventListener('submit', async (e) => {
    if ((e.submitter as HTMLButtonElement | null)?.value !== 'go') return;
    e.preventDefault();
    const from = Math.max(0, Math.round(Number(ui.videoFrom.value))), to = Math.round(Number(ui.videoTo.value));
    if (!(to > from)) { ui.videoStatus.textContent = 'to tick: choose a tick after the first one'; return; }
    const [width, height] = ui.videoSize.value.split('x').map(Number) as [number, number];
    const fps = Math.min(60, Math.max(1, Math.round(Number(ui.videoFps.value)) || 10));
    try {
      const blob = await recordVideo(app, { from, to, width, height, fps, progress: (d, n) => { ui.videoStatus.textContent = `recording: tick ${from + d - 1} (${Math.round((100 * d) / n)} %)`; } });
      download(`${name()}-t${from}-${to}.webm`, URL.createObjectURL(blob));
      ui.videoDialog.close();
    } catch (err) {
      ui.videoStatus.textContent = `The video could not be made: ${err instanceof Error ? err.message : String(err)}`;
    }
  });
}

/** Replay bundle buttons, one per variant (rebuilt for each run). */
export function buildBundleButtons(app: App): void {
  const { ui, runner } = app;
  for (const el of ui.exports.querySelectorAll('[data-bundle]')) el.remove();
  runner.sides.forEach((s, i) => {
    const el = document.createElement('button');
    el.dataset.bundle = String(i);
    el.textContent = `replay bundle: ${s.label}`;
    el.addEventListener('click', async () => {
      const b = await bundle(app, i);
      download(`${slug(runner.source!.name)}-${slug(s.label)}-t${b.stopAt}.replay.json`, JSON.stringify(b, null, 2));
    });
    ui.exports.append(el);
  });
}

export function bundle(app: App, i: number) {
  const src = app.runner.source!;
  return app.runner.sides[i]!.client.api.replayBundle(src.input, { variant: app.runner.sides[i]!.label, overrides: src.overrides, modules: bakedProvenance() });
}
