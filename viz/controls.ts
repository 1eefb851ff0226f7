// The toolbar, the timeline, the drawer and the keyboard: every control reachable by
// keyboard, with its shortcut listed under `?` (VIZ.md).
import type { App } from './app.ts';
import { builtInNames } from './scenarios.ts';
import { currentTheme, setTheme, togglePresent } from './theme.ts';
import { renderAbout } from './about.ts';

function openDrawer(app: App, tab: 'params' | 'about', open = true): void {
  const { ui } = app;
  ui.drawer.hidden = !open;
  ui.drawerToggle.setAttribute('aria-expanded', String(open));
  if (!open) return;
  const about = tab === 'about';
  ui.paramsPane.hidden = about;
  ui.aboutPane.hidden = !about;
  ui.tabParams.setAttribute('aria-selected', String(!about));
  ui.tabAbout.setAttribute('aria-selected', String(about));
  if (about) renderAbout(app);
}

export function bindControls(app: App): void {
  const { ui, clock, runner, loader, lesson, follow } = app;
  for (const name of builtInNames()) {
    const o = document.createElement('option');
    o.value = name; o.textContent = name;
    ui.scenario.append(o);
  }
  ui.scenario.addEventListener('change', () => {
    const src = loader.sourceFor(ui.scenario.value);
    if (src) void clock.enqueue(async () => { await loader.load(src); });
  });
  ui.open.addEventListener('click', () => ui.file.click());
  ui.file.addEventListener('change', () => { const f = ui.file.files?.[0]; if (f) void loader.openFile(f); ui.file.value = ''; });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => { e.preventDefault(); const f = e.dataTransfer?.files[0]; if (f) void loader.openFile(f); });
  ui.play.addEventListener('click', () => clock.setPlaying(!clock.playing));
  ui.step.addEventListener('click', () => void clock.step());
  ui.reset.addEventListener('click', () => { const s = runner.source; if (s) void clock.enqueue(async () => { await loader.load(s); }); });
  ui.scrub.addEventListener('input', () => { clock.setPlaying(false); ui.tick.value = ui.scrub.value; });
  ui.scrub.addEventListener('change', () => void clock.seek(Number(ui.scrub.value)));
  ui.share.addEventListener('click', () => void app.share.copy(ui.share));
  ui.present.addEventListener('click', () => togglePresent(app));
  ui.theme.addEventListener('click', () => setTheme(app, currentTheme() === 'dark' ? 'light' : 'dark'));
  ui.chartsPage.addEventListener('click', () => flipCharts(app));
  ui.summaryToggle.addEventListener('click', () => app.summary.toggle());
  ui.lessonToggle.addEventListener('click', () => void clock.enqueue(() => (lesson.at >= 0 || lesson.running ? Promise.resolve(lesson.close()) : lesson.start())));
  ui.lessonNext.addEventListener('click', () => void clock.enqueue(() => lesson.next()));
  ui.lessonPrev.addEventListener('click', () => void clock.enqueue(() => lesson.prev()));
  ui.lessonClose.addEventListener('click', () => lesson.close());
  ui.follow.addEventListener('click', () => (follow.active ? follow.stop() : void follow.next()));
  ui.followClose.addEventListener('click', () => follow.stop());
  ui.drawerToggle.addEventListener('click', () => openDrawer(app, ui.tabAbout.getAttribute('aria-selected') === 'true' ? 'about' : 'params', ui.drawer.hidden === true));
  ui.drawerClose.addEventListener('click', () => openDrawer(app, 'params', false));
  ui.tabParams.addEventListener('click', () => openDrawer(app, 'params'));
  ui.tabAbout.addEventListener('click', () => openDrawer(app, 'about'));
  ui.helpToggle.addEventListener('click', () => ui.help.showModal());
  ui.restart.addEventListener('click', () => {
    ui.crash.hidden = true;
    clock.reset();
    const s = runner.source;
    if (s) void clock.enqueue(async () => { await loader.load(s); });
  });
  app.view.onPick = (panel, person) => void follow.pick(panel, person);
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (e.key === 'Escape' && !ui.drawer.hidden) { openDrawer(app, 'params', false); return; }
    if (t.closest('input, select, textarea, dialog') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ') { e.preventDefault(); clock.setPlaying(!clock.playing); }
    else if (e.key === 'ArrowRight') { e.preventDefault(); void clock.step(); }
    else if (e.key === 'ArrowLeft') { e.preventDefault(); clock.setPlaying(false); void clock.seek(Math.max(0, runner.tick - 10)); }
    else if (e.key === '?') ui.help.showModal();
    else if (e.key === 'p') togglePresent(app);
    else if (e.key === 't') setTheme(app, currentTheme() === 'dark' ? 'light' : 'dark');
    else if (e.key === 'c') flipCharts(app);
    else if (e.key === 's') app.summary.toggle();
    else if (e.key === 'f') { if (follow.active) follow.stop(); else void follow.next(); }
    else if (e.key === 'l' && lesson.steps().length) void clock.enqueue(() => (lesson.at >= 0 || lesson.running ? lesson.next() : lesson.start()));
    else if (/^[1-9]$/.test(e.key)) { const id = app.shocks.idAt(Number(e.key) - 1); if (id) void app.shocks.apply(id); }
  });
}

function flipCharts(app: App): void {
  const { charts, ui } = app;
  charts.showPage((charts.page + 1) % charts.pages);
  ui.chartsPage.textContent = `${charts.page + 1 < charts.pages ? 'more charts ▸' : '◂ first charts'} (${charts.page + 1} / ${charts.pages})`;
  ui.chartsPage.setAttribute('aria-pressed', String(charts.page > 0));
}
