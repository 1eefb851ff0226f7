// The page's parts and what they share. main.ts makes each part once and puts it
// here; a part reaches the others through this object (the clock asks the
// dashboard to refresh, the lesson asks the clock to play, …).
import type { Ui } from './dom.ts';
import type { Runner } from './runner.ts';
import type { NetworkView } from './network-view.ts';
import type { Charts } from './charts.ts';
import type { Clock } from './clock.ts';
import type { Dashboard } from './dashboard.ts';
import type { Lesson } from './lesson.ts';
import type { Follow } from './follow.ts';
import type { ErrorBanner } from './error-banner.ts';
import type { ShareLink } from './share-link.ts';
import type { Loader } from './loader.ts';
import type { ParamsPanel } from './params-panel.ts';
import type { LiveShocks } from './shock-buttons.ts';
import type { SummaryTable } from './summary-table.ts';

export interface App {
  ui: Ui;
  runner: Runner;
  view: NetworkView;
  charts: Charts;
  clock: Clock;
  dash: Dashboard;
  lesson: Lesson;
  follow: Follow;
  errors: ErrorBanner;
  share: ShareLink;
  loader: Loader;
  params: ParamsPanel;
  shocks: LiveShocks;
  summary: SummaryTable;
  /** A simulation stopped with an error (not the user's: their errors are shown by `errors`). */
  crashed(e: unknown): void;
}
