// The page: compare mode by default (the scenario's variants side by side, each in
// its own worker, in lockstep), the network views, charts, cards, lessons, the
// students' panel, sharing and exports. It renders frames and sends commands; it
// never simulates. This file makes each part once and starts the page.
import { ui } from './dom.ts';
import type { App } from './app.ts';
import { Runner } from './runner.ts';
import { NetworkView } from './network-view.ts';
import { Charts } from './charts.ts';
import { Clock } from './clock.ts';
import { Dashboard } from './dashboard.ts';
import { Lesson } from './lesson.ts';
import { Follow } from './follow.ts';
import { ErrorBanner } from './error-banner.ts';
import { ShareLink } from './share-link.ts';
import { Loader } from './loader.ts';
import { ParamsPanel } from './params-panel.ts';
import { LiveShocks } from './shock-buttons.ts';
import { SummaryTable } from './summary-table.ts';
import { bindControls } from './controls.ts';
import { bindExports } from './export-menu.ts';
import { bindPersonTooltip } from './person-tooltip.ts';
import { installHooks } from './page-hooks.ts';
import { setTheme, storedTheme } from './theme.ts';
import { fitNotice } from './fit-notice.ts';

function crashed(e: unknown): void {
  app.clock.playing = false;
  ui.play.textContent = '▶ play';
  ui.crashText.textContent = `A simulation stopped with an error: ${e instanceof Error ? e.message : String(e)}`;
  ui.crash.hidden = false;
}

const app = { ui, crashed } as App;
app.runner = new Runner();
app.view = new NetworkView(ui.stage);
app.charts = new Charts(ui.charts, ui.focus);
app.clock = new Clock(app);
app.dash = new Dashboard(app);
app.lesson = new Lesson(app);
app.follow = new Follow(app);
app.errors = new ErrorBanner(ui.errors, ui.building);
app.share = new ShareLink(app);
app.loader = new Loader(app);
app.params = new ParamsPanel(app);
app.shocks = new LiveShocks(app);
app.summary = new SummaryTable(app);

async function start(): Promise<void> {
  const { runner, clock, lesson, errors } = app;
  runner.onCrash = (m) => crashed(m);
  runner.onBuilding = (people) => errors.status(people && people >= 20_000 ? `Building ${people.toLocaleString('en')} people in each organization… (large organizations take a while)` : null);
  clock.onArrive = () => lesson.arrive();
  errors.onChange = fitNotice;
  await app.view.init();
  setTheme(app, storedTheme(), false);
  bindControls(app);
  bindExports(app);
  bindPersonTooltip(app);
  await app.loader.start();
  installHooks(app);
  // A link pasted into the address bar of the open page (the page writes its own hash without this event).
  window.addEventListener('hashchange', () => void app.clock.enqueue(() => app.loader.start()));
}

void start();
